"""extra.projects in mkdocs.yml: where the project files live and which parts of the playbook a kit names.

Project files hold people's names and e-mail addresses, so their folder is a setting: by default
`projects/` beside mkdocs.yml (it holds the fictional example), and in practice a private
repository checked out anywhere. PLAYBOOK_PROJECTS overrides the setting for one run.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from playbook.problems import Problem

ENVIRONMENT = "PLAYBOOK_PROJECTS"
CONFIG_FILE = "mkdocs.yml"


class KitSettings(BaseModel):
    """The projects' settings, all with defaults that fit the playbook as shipped."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    folder: str = Field("projects", min_length=1,
                        description="the folder of project files, relative to mkdocs.yml or absolute")
    kickoff_phase: str = Field("kickoff", description="the phase whose first day is a project's kickoff date")
    go_live_phase: str = Field("go-live", description="the phase whose last day is a project's go-live date")
    change_process: str = Field("change-request", description="the process the kit shows as change control")
    escalation_path: str = Field("standard", description="the escalation path the kit shows")
    top_change_impacts: int = Field(5, ge=1, le=20, description="how many change impacts the deck shows")


def read_kit_settings(root: Path, config: dict[str, Any]) -> tuple[KitSettings, Path, list[Problem]]:
    """The settings, the absolute projects folder, and any problem with extra.projects."""
    raw = ((config.get("extra") or {}).get("projects")) or {}
    try:
        settings = KitSettings.model_validate(raw)
        problems: list[Problem] = []
    except ValidationError as error:
        settings = KitSettings()
        problems = [Problem(CONFIG_FILE, None,
                            f"extra.projects.{'.'.join(str(p) for p in e['loc'])}: {e['msg'].lower()}",
                            "see the projects section of README.md for the keys and values allowed")
                    for e in error.errors()]
    folder = Path(os.environ.get(ENVIRONMENT) or settings.folder)
    if not folder.is_absolute():
        folder = Path(root) / folder
    return settings, folder.resolve(), problems


def settings_problems(settings: KitSettings, playbook: Any) -> list[Problem]:
    """The ids extra.projects names must exist in the playbook (and be for customers: kits are)."""
    phases = [p.id for p in playbook.phases()]
    problems = []
    for key in ("kickoff_phase", "go_live_phase"):
        if getattr(settings, key) not in phases:
            problems.append(Problem(CONFIG_FILE, None, f"extra.projects.{key} names '{getattr(settings, key)}', "
                                    "which is not a phase", f"name one of: {', '.join(phases)}"))
    if not problems and phases.index(settings.go_live_phase) <= phases.index(settings.kickoff_phase):
        problems.append(Problem(CONFIG_FILE, None, "extra.projects.go_live_phase does not come after kickoff_phase",
                                "name the phases in their lifecycle order"))
    for key, table, kind in (("change_process", playbook.processes, "process"),
                             ("escalation_path", playbook.escalation_paths, "escalation path")):
        value = getattr(settings, key)
        if value not in table or table[value].audience != "customer":
            problems.append(Problem(CONFIG_FILE, None, f"extra.projects.{key} names '{value}', which is not a "
                                    f"customer {kind}", f"name one of: {', '.join(k for k, v in table.items() if v.audience == 'customer')}"))
    return problems
