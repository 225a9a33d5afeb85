"""Project kits in tests: the example project, variations of it, and playbooks to build them in."""
from __future__ import annotations

import datetime
import shutil
import zipfile
from pathlib import Path

from playbook.kits.facts import KitFacts, kit_facts
from playbook.kits.project import Project, load_project, load_projects
from playbook.kits.settings import KitSettings
from playbook.load.sources import Sources, load_sources
from playbook.model.facts import CUSTOMER
from playbook.stage.audience import for_audience
from tests.sites import ROOT

EXAMPLE_ID = "harbourline-order-to-cash"
EXAMPLE = ROOT / "projects" / f"{EXAMPLE_ID}.yml"
TODAY = datetime.date(2026, 11, 30)  # a Monday in the example's build phase


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def edited(replacements: dict[str, str], text: str | None = None) -> str:
    """The example with each old string replaced; every old string must be in it."""
    text = example_text() if text is None else text
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def line_of(text: str, fragment: str) -> int:
    """The line number of the first line holding fragment."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


def load_text(tmp_path: Path, text: str, sources: Sources, name: str = EXAMPLE_ID) -> tuple[Project | None, list]:
    path = tmp_path / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return load_project(path, sources.playbook, KitSettings(), display=f"projects/{name}.yml")


def real_sources() -> Sources:
    return load_sources(ROOT, today=TODAY)


def example_project(sources: Sources) -> Project:
    projects, problems = load_projects(ROOT / "projects", sources.playbook, KitSettings(), only=EXAMPLE_ID)
    assert not problems, problems
    return projects[0]


def example_facts(sources: Sources, today: datetime.date = TODAY) -> KitFacts:
    settings = sources.settings.projects
    return kit_facts(sources.playbook, example_project(sources), sources.settings.brand,
                     sources.settings.customer_site.url, settings, today, page_url=settings.page_url(EXAMPLE_ID))


def make_playbook(tmp_path: Path, projects: dict[str, str]) -> Path:
    """A copy of the real playbook's sources in tmp_path/playbook with these project files."""
    root = tmp_path / "playbook"
    root.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("data", "docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    (root / "projects").mkdir()
    for project_id, text in projects.items():
        (root / "projects" / f"{project_id}.yml").write_text(text, encoding="utf-8")
    return root


def readable_text(path: Path) -> str:
    """What a file holds as text: every XML part of an Office document, or the file itself."""
    if path.suffix in (".pptx", ".docx"):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist()
                             if name.endswith((".xml", ".rels")))
    return path.read_bytes().decode("utf-8", errors="replace")


def internal_only(sources: Sources) -> list[str]:
    """Texts of the playbook that only employees may read, which no kit may hold."""
    everything, visible = sources.playbook, for_audience(sources.playbook, CUSTOMER)
    found = [r.title for r in everything.roles.values() if r.id not in visible.roles]
    for process in everything.processes.values():
        shown = {a.id for a in visible.processes[process.id].activities} if process.id in visible.processes else set()
        found += [a.title for a in process.activities if a.id not in shown]
    for checklist in everything.checklists.values():
        shown = {i.id for i in visible.checklists[checklist.id].items} if checklist.id in visible.checklists else set()
        found += [i.text for i in checklist.items if i.id not in shown]
    found += [c.title for c in everything.communications.values() if c.id not in visible.communications]
    found += [i.change for i in everything.change_impacts.values() if i.id not in visible.change_impacts]
    return found


# Two projects of one playbook, each with markers of its own, so a test can tell them apart.
MARKERS = {"alpha": "Zanzibar Alpha Marker Ltd", "bravo": "Quokka Bravo Marker plc"}


def project_text(key: str) -> str:
    """The example project as project-<key>, its customer, people and links marked with key."""
    return edited({
        "id: harbourline-order-to-cash": f"id: project-{key}",
        "Harbourline Foods": MARKERS[key],
        "harbourline.example": f"{key}-customer.example",
        "Owen Pryce": f"Owen {key.title()}marker",
        "19%3aharbourline-o2c": f"19%3a{key}-channel-marker",
        "Take every customer order in one system": f"Take every {key}-goal-marker order in one system",
    })
