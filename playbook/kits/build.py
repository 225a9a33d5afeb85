"""`make kit PROJECT=<id>` and `make kits`: write site/projects/<id>/ for one project or for all.

    site/projects/<id>/
      <id>-kickoff-deck.pptx          the kickoff deck
      <id>-sow-process-appendix.docx  the statement-of-work process appendix
      <id>.ics                        the calendar
      site/                           the customer site with the project's page on top (your-project/)
      kit.json                        what the kit was made from: its fingerprint, date, playbook version

A kit is made from the playbook's sources and one project file. Its fingerprint hashes exactly
those (mkdocs.yml, data/, docs/, overrides/, the code and the pinned packages, and the project
file), so an unchanged project is not rebuilt: its folder is carried into the next generation as
hard links to the same files. Kits are published with the sites' generations
(playbook.publish.generations): `make build` keeps site/projects/, a kit build keeps the sites,
and a failed kit build changes nothing.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from playbook.hosting import projects_app
from playbook.kits.appendix import build_appendix
from playbook.kits.calendar import build_calendar
from playbook.kits.deck import build_deck
from playbook.kits.facts import kit_facts
from playbook.kits.project import Project, load_projects
from playbook.kits.project_site import project_templates, render_project_site, stage_project_site
from playbook.kits.settings import read_kit_settings, settings_problems
from playbook.load.sources import Sources, load_sources
from playbook.problems import PlaybookError, Problem
from playbook.publish import generations
from playbook.publish.scratch import scratch

PROJECTS = "projects"
MANIFEST = "kit.json"
BUILD = "build"
# What a kit is made of besides its project file; a change to any of them rebuilds every kit.
SOURCES = ("mkdocs.yml", "data", "docs", "overrides", "playbook", "requirements.txt")


@dataclass
class KitOutcome:
    ok: bool
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    published: bool = False


def sources_fingerprint(root: Path) -> str:
    """A hash of everything a kit is made from except the project file."""
    digest = hashlib.sha256()
    for name in SOURCES:
        path = root / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()
                                                     and "__pycache__" not in p.parts) if path.is_dir() else []
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def kit_fingerprint(shared: str, project: Project) -> str:
    return hashlib.sha256(shared.encode() + b"\0" + project.path.read_bytes()).hexdigest()


def file_names(project_id: str) -> dict[str, str]:
    return {"deck": f"{project_id}-kickoff-deck.pptx", "appendix": f"{project_id}-sow-process-appendix.docx",
            "calendar": f"{project_id}.ics", "site": "site"}


def _published_fingerprint(output: Path, project_id: str) -> str | None:
    current = generations.current(output)
    manifest = current / PROJECTS / project_id / MANIFEST if current else None
    if manifest is None or not manifest.is_file():
        return None
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint")
    except ValueError:
        return None


def build_kits(root: Path, only: str | None = None, *, engine: str = "mkdocs", today: datetime.date | None = None,
               workers: int | None = None, work: Path | None = None) -> KitOutcome:
    """Build the kit of one project (only) or of every project, and publish them into the site/
    of work (default: root); see the module."""
    started = time.monotonic()
    root = Path(root).resolve()
    output = Path(work).resolve() if work else root
    outcome = KitOutcome(False)
    try:
        sources = load_sources(root, today=today)
    except PlaybookError as error:
        outcome.problems = error.problems
        return outcome
    settings, folder, problems = read_kit_settings(root, sources.settings)
    problems += settings_problems(settings, sources.playbook)
    if problems:
        outcome.problems = problems
        return outcome
    projects, found = load_projects(folder, sources.playbook, settings, only=only)
    problems += found
    if not folder.is_dir():
        problems.append(Problem(str(folder), None, "the projects folder does not exist",
                                "create it, or point extra.projects.folder in mkdocs.yml (or PLAYBOOK_PROJECTS) at it"))
    if problems:
        outcome.problems = problems
        return outcome

    shared = sources_fingerprint(root)
    wanted = {p.id: (p, kit_fingerprint(shared, p)) for p in projects}
    stale = [p for p, print_ in wanted.values() if _published_fingerprint(output, p.id) != print_]
    outcome.unchanged = sorted(set(wanted) - {p.id for p in stale})
    current = generations.current(output)
    published = sorted(p.name for p in (current / PROJECTS).iterdir()) if current and (current / PROJECTS).is_dir() else []
    if only is None:
        outcome.removed = [name for name in published if name not in wanted]
    app_missing = current is None or not (current / projects_app.APP).is_dir()
    if not stale and not outcome.removed and not app_missing:
        outcome.ok, outcome.seconds = True, time.monotonic() - started
        return outcome

    try:
        with scratch(output, "kits") as work:
            made = work / PROJECTS
            made.mkdir()
            failures = _make(sources, settings, stale, {pid: fp for pid, (_, fp) in wanted.items()}, work, engine,
                             workers or os.cpu_count() or 1)
            if failures:
                outcome.problems = [p for _, problems in failures for p in problems]
                outcome.messages = [m for messages, _ in failures for m in messages]
                return outcome
            # Everything else published stays as it is (hard links: nothing is copied or rewritten).
            for name in published:
                if name not in {p.id for p in stale} and name not in outcome.removed:
                    shutil.copytree(current / PROJECTS / name, made / name, copy_function=os.link)
            # The projects app (playbook/hosting/projects_app.py): every kit's site at /<id>/, as hard links.
            app = work / projects_app.APP
            problems = projects_app.assemble(made, app, sorted(p.name for p in made.iterdir()),
                                             project_templates(root), sources.settings.hosting, settings,
                                             sources.settings.brand.firm_name)
            if problems:
                outcome.problems = problems
                return outcome
            generations.publish(output, {PROJECTS: made, projects_app.APP: app})
            outcome.published = True
            outcome.built = sorted(p.id for p in stale)
            outcome.ok = True
    finally:
        outcome.seconds = time.monotonic() - started
    return outcome


# What the worker processes inherit when they fork: the sources are loaded once, by the parent.
_JOB: dict = {}


def _make(sources: Sources, settings, projects: list[Project], fingerprints: dict[str, str], work: Path, engine: str,
          workers: int) -> list[tuple[list[str], list[Problem]]]:
    """Write each project's kit under work/projects/<id>/, in `workers` processes side by side (each
    kit's documents, staging and rendering are independent); the failures, as (messages, problems)."""
    _JOB.update(sources=sources, settings=settings, projects={p.id: p for p in projects}, fingerprints=fingerprints,
                work=work, engine=engine)
    ids = [p.id for p in projects]
    try:
        if workers <= 1 or len(ids) == 1:
            results = [_make_one(project_id) for project_id in ids]
        else:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
                results = list(pool.map(_make_one, ids))
    finally:
        _JOB.clear()
    return [(messages, problems) for messages, problems in results if messages or problems]


def _make_one(project_id: str) -> tuple[list[str], list[Problem]]:
    """One project's kit: its documents, then its customer site staged and rendered."""
    sources: Sources = _JOB["sources"]
    project: Project = _JOB["projects"][project_id]
    work: Path = _JOB["work"]
    facts = kit_facts(sources.playbook, project, sources.settings.brand, sources.settings.customer_site.url,
                      _JOB["settings"], sources.today, page_url=_JOB["settings"].page_url(project.id))
    names = file_names(project.id)
    folder = work / PROJECTS / project.id
    folder.mkdir()
    (folder / names["deck"]).write_bytes(build_deck(facts))
    (folder / names["appendix"]).write_bytes(build_appendix(facts))
    calendar = build_calendar(facts)
    (folder / names["calendar"]).write_bytes(calendar)
    manifest = {"project": project.id, "fingerprint": _JOB["fingerprints"][project.id],
                "built_on": sources.today.isoformat(), "playbook_version": facts.playbook_version,
                "project_file": project.display, "files": names, "project_page": f"{names['site']}/your-project/"}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    try:
        stage_root = stage_project_site(sources, facts, calendar, project.display, work / "stage" / project.id)
    except PlaybookError as error:
        return [], error.problems
    rendered = render_project_site(stage_root, folder / names["site"], sources.settings.hosting, _JOB["engine"])
    shutil.rmtree(stage_root, ignore_errors=True)
    if not rendered.ok:
        return [f"{project.id}: {line}" for line in rendered.messages], rendered.problems
    return [], []
