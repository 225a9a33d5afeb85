"""The internal site's projects page: every project's phase today, next milestone and the
customer's overdue items, with a link to its page, so a project manager running ten
implementations sees them all. Project files name people, and their names and e-mail addresses
never reach the internal site: they are on each project's own page, behind its sign-in.

The build hands it to the internal site's stage (playbook.pipeline.extras_for), as a generated
page of finished HTML drawn by overrides/playbook/projects.html, last in the nav. A project file with a mistake stops the
build like any other data file, with its file and line. No projects folder: no page.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FileSystemLoader

from playbook.hosting.projects_app import project_role
from playbook.kits.facts import DatedItem, kit_facts
from playbook.kits.project import Project, load_projects
from playbook.kits.schedule import Milestone, PhaseDates
from playbook.kits.settings import read_kit_settings, settings_problems
from playbook.present import fences
from playbook.problems import Problem
from playbook.stage.generated_pages import GeneratedPage

PAGE = "projects.md"
TITLE = "Projects"


@dataclass(frozen=True)
class ProjectRow:
    project: Project
    phase: PhaseDates | None
    state: str                  # before | under way | closed
    next_milestone: Milestone | None
    overdue: tuple[DatedItem, ...]   # shown by their owners' roles: people's names stay on the project's page
    page_url: str     # the project's own page in the projects app ("" without its address)
    role: str         # the projects app's role that opens it, for the admin who gives it


def project_rows(projects: list[Project], playbook: Any, brand: Any, guide_url: str, settings: Any,
                 today: datetime.date) -> list[ProjectRow]:
    rows = []
    for project in projects:
        facts = kit_facts(playbook, project, brand, guide_url, settings, today)
        schedule = project.schedule
        phase = schedule.phase_on(today)
        state = "before" if today < schedule.start else "closed" if today > schedule.end else "under way"
        rows.append(ProjectRow(project, phase, state, schedule.next_milestone(today),
                               tuple(item for item in facts.customer_items if item.overdue(today)),
                               settings.page_url(project.id), project_role(project.id)))
    return sorted(rows, key=lambda r: (r.state == "closed", r.project.file.customer.lower(), r.project.id))


def projects_page(sources: Any) -> tuple[GeneratedPage | None, list[Problem]]:
    settings, folder, problems = read_kit_settings(sources.root, sources.settings)
    if not folder.is_dir():
        return None, problems
    problems += settings_problems(settings, sources.playbook)
    if problems:
        return None, problems
    projects, found = load_projects(folder, sources.playbook, settings)
    problems += found
    rows = project_rows(projects, sources.playbook, sources.settings.brand, sources.settings.customer_site.url,
                        settings, sources.today)
    templates = Environment(loader=FileSystemLoader(str(sources.root / "overrides")), autoescape=True,
                            trim_blocks=True, lstrip_blocks=True)
    html = templates.get_template("playbook/projects.html").render(rows=rows, today=sources.today, folder=folder.name)
    page = GeneratedPage(PAGE, TITLE, fences.fenced(html).strip() + "\n", f"{folder.name}/",
                         f"Generated from the project files in {folder.name}/.", macros=False, nav="last")
    return page, problems
