"""extra.projects in mkdocs.yml: where the project files live and which parts of the playbook a kit names.

Project files hold people's names and e-mail addresses, so their folder is a setting: by default
`projects/` beside mkdocs.yml (it holds the fictional example), and in practice a private
repository checked out anywhere. PLAYBOOK_PROJECTS overrides the setting for one run.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from playbook.model.settings import Projects, Settings
from playbook.problems import Problem

ENVIRONMENT = "PLAYBOOK_PROJECTS"
CONFIG_FILE = "mkdocs.yml"


# The settings are declared once, with every other setting (playbook/model/settings.py).
KitSettings = Projects


def read_kit_settings(root: Path, settings: Settings) -> tuple[KitSettings, Path, list[Problem]]:
    """The settings and the absolute projects folder (PLAYBOOK_PROJECTS wins for one run)."""
    folder = Path(os.environ.get(ENVIRONMENT) or settings.projects.folder)
    if not folder.is_absolute():
        folder = Path(root) / folder
    return settings.projects, folder.resolve(), []


def settings_problems(settings: KitSettings, playbook: Any) -> list[Problem]:
    """The ids extra.projects names must exist in the playbook (and be for customers: kits are)."""
    phases = [p.id for p in playbook.phases()]
    problems = []
    if settings.site_url is None:
        problems.append(Problem(CONFIG_FILE, None, "extra.projects.site_url is not set, so a kit cannot say where "
                                "its project's page is", "set it to the projects app's https:// address "
                                "(docs/hosting.md, 'The projects app')"))
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
