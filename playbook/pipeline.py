"""The build, as plain calls: load, stage, render, publish.

    sources  = load_sources(root)                     every problem of every source, at once
    for each audience, side by side:
        staged   = stage(sources, audience)           build/<audience>/
        rendered = render(staged)                     an engine process, then the output steps
        finish_site(rendered)                         the host's config, from the output
    publish(root, {site: output})                     both sites switch together, or neither

Each audience is staged and rendered in a process of its own, forked once the sources are
loaded (so nothing is read twice and nothing is sent between processes but the outcome): two
cores build two sites at once. A failure at any step leaves `site/` exactly as it was, and
every problem of both sites is reported together.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook import hosting
from playbook.hosting import teams_tab
from playbook.kits import projects_page
from playbook.load.sources import Sources, load_sources
from playbook.problems import PlaybookError, Problem
from playbook.publish import generations
from playbook.publish.scratch import scratch
from playbook.render.engine import Rendered, render
from playbook.stage.generated_pages import GeneratedPage
from playbook.stage.site import AUDIENCES, INTERNAL, StagedSite, StageOptions, stage

BUILD = "build"
DEFAULT = StageOptions()


@dataclass
class Outcome:
    ok: bool
    rendered: list[Rendered] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def staged_root(root: Path, audience: str, options: StageOptions = DEFAULT) -> Path:
    name = audience if not options.offline else f"{audience}-bundle"
    return Path(root) / BUILD / name


def extras_for(sources: Sources, audience: str) -> tuple[list[GeneratedPage], dict[str, bytes], list[Problem]]:
    """What a site gets from outside the playbook's own sources: the internal site lists every
    project (playbook/kits/projects_page.py; a project file's mistakes are problems) and holds the
    Teams tab's pages (playbook/hosting/teams_tab.py) when there is a Teams app."""
    if audience != INTERNAL:
        return [], {}, []
    listing, problems = projects_page.projects_page(sources)
    settings = sources.settings
    files = teams_tab.tab_files(sources.root, settings.brand.firm_name) if settings.teams is not None else {}
    return ([listing] if listing is not None else []), files, problems


def stage_site(sources: Sources, audience: str, root: Path, options: StageOptions = DEFAULT) -> StagedSite:
    """One site staged into root, with what is made for it elsewhere; raise PlaybookError."""
    pages, files, problems = extras_for(sources, audience)
    try:
        staged = stage(sources, audience, root, options, extra_pages=pages, extra_files=files)
    except PlaybookError as error:
        problems += error.problems
    if problems:
        raise PlaybookError(problems, what=f"The {audience} site")
    return staged


def stage_sites(sources: Sources, audiences: tuple[str, ...] = AUDIENCES,
                options: StageOptions = DEFAULT, *, work: Path | None = None) -> list[StagedSite]:
    """Stage every audience; raise one PlaybookError with the problems of all of them."""
    staged, problems = [], []
    for audience in audiences:
        try:
            staged.append(stage_site(sources, audience, staged_root(work or sources.root, audience, options), options))
        except PlaybookError as error:
            problems += error.problems
    if problems:
        raise PlaybookError(problems, what="The playbook")
    return staged


def stage_and_render(sources: Sources, audience: str, work: Path, outputs: Path, engine: str) -> Rendered:
    """One site: staged into build/<audience>/ and rendered into outputs/<audience>/."""
    started = time.monotonic()
    try:
        site = stage_site(sources, audience, staged_root(work, audience))
    except PlaybookError as error:
        return Rendered(audience, outputs / audience, False, time.monotonic() - started, problems=error.problems)
    rendered = render(site.root, outputs / audience, engine=engine)
    if rendered.ok:
        rendered.problems = hosting.finish_site(rendered.site_dir, audience, sources.settings.hosting,
                                                styles=rendered.styles, style_attributes=rendered.style_attributes)
        rendered.ok = not rendered.problems
    rendered.seconds = time.monotonic() - started
    return rendered


def side_by_side(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run each job in a process forked from this one, and return their results in order.

    Forking hands each job everything already loaded without copying it through a pipe; only
    the results travel back. A job that dies without a result (killed, out of memory) raises."""
    context = multiprocessing.get_context("fork")
    running = []
    for job in jobs:
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(writer, job), daemon=True)
        process.start()
        writer.close()  # the child holds the only writer: its exit ends the reader's wait
        running.append((process, reader))
    results = []
    try:
        for process, reader in running:
            try:
                results.append(reader.recv())
            except EOFError:
                raise RuntimeError("a build process ended without a result (was it killed?)") from None
            process.join()
    finally:
        for process, _reader in running:
            if process.is_alive():
                process.terminate()  # a stopped build stops its sites' processes, and waits for them
                process.join()
    return results


def _run(writer: Any, job: Callable[[], Any]) -> None:
    try:
        writer.send(job())
    except KeyboardInterrupt:  # stopped (Ctrl-C, or SIGTERM from the parent); the parent says so once
        os._exit(130)


def build(root: Path, audiences: tuple[str, ...] = AUDIENCES, *, engine: str = "mkdocs",
          work: Path | None = None) -> Outcome:
    """Build the sites of the project at root. Its build/ and site/ go in work (default: root),
    so a test can build the real playbook without writing into the repository."""
    root = Path(root).resolve()
    work = Path(work).resolve() if work else root
    try:
        sources = load_sources(root)
    except PlaybookError as error:
        return Outcome(False, [], error.problems)
    with scratch(work, "render") as outputs:
        rendered = side_by_side([lambda audience=audience: stage_and_render(sources, audience, work, outputs, engine)
                                 for audience in audiences])
        problems = [problem for site in rendered for problem in site.problems]
        if not all(site.ok for site in rendered):
            return Outcome(False, rendered, problems)
        generations.publish(work, {site.audience: site.site_dir for site in rendered})
        return Outcome(True, rendered, [])
