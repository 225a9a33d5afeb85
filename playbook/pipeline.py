"""The build, as plain calls: load, stage, render, publish.

    sources  = load_sources(root)                     every problem of every source, at once
    staged   = stage_sites(sources, audiences)        build/<audience>/, for each audience
    rendered = render_sites(staged, engine)           each site in its own engine process
    publish(root, {site: output})                     both sites switch together, or neither

A failure at any step leaves `site/` exactly as it was.
"""
from __future__ import annotations

import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from playbook.load.sources import Sources, load_sources
from playbook.problems import PlaybookError, Problem
from playbook.publish import generations
from playbook.render.engine import Rendered, render
from playbook.stage.site import AUDIENCES, StagedSite, StageOptions, stage

BUILD = "build"
DEFAULT = StageOptions()


@dataclass(frozen=True)
class Outcome:
    ok: bool
    rendered: list[Rendered]
    problems: list[Problem]


def staged_root(root: Path, audience: str, options: StageOptions = DEFAULT) -> Path:
    name = audience if not options.offline else f"{audience}-bundle"
    return Path(root) / BUILD / name


def stage_sites(sources: Sources, audiences: tuple[str, ...] = AUDIENCES,
                options: StageOptions = DEFAULT, *, work: Path | None = None) -> list[StagedSite]:
    """Stage every audience; raise one PlaybookError with the problems of all of them."""
    staged, problems = [], []
    for audience in audiences:
        try:
            staged.append(stage(sources, audience, staged_root(work or sources.root, audience, options), options))
        except PlaybookError as error:
            problems += error.problems
    if problems:
        raise PlaybookError(problems, what="The playbook")
    return staged


def render_sites(staged: list[StagedSite], root: Path, engine: str = "mkdocs") -> list[Rendered]:
    """Render each staged site in its own engine process, side by side, into build/.render-*/."""
    outputs = Path(root) / BUILD / f".render-{int(time.time() * 1000)}"
    outputs.mkdir(parents=True)

    def one(site: StagedSite) -> Rendered:
        return render(site.root, outputs / site.audience, site.audience, engine=engine)

    with ThreadPoolExecutor(max_workers=len(staged)) as pool:
        return list(pool.map(one, staged))


def build(root: Path, audiences: tuple[str, ...] = AUDIENCES, *, engine: str = "mkdocs",
          work: Path | None = None) -> Outcome:
    """Build the sites of the project at root. Its build/ and site/ go in work (default: root),
    so a test can build the real playbook without writing into the repository."""
    root = Path(root).resolve()
    work = Path(work).resolve() if work else root
    try:
        sources = load_sources(root)
        staged = stage_sites(sources, audiences, work=work)
    except PlaybookError as error:
        return Outcome(False, [], error.problems)
    rendered = render_sites(staged, work, engine)
    if not all(r.ok for r in rendered):
        _discard(rendered)
        return Outcome(False, rendered, [p for r in rendered for p in r.problems])
    generations.publish(work, {r.audience: r.site_dir for r in rendered})
    _discard(rendered)
    return Outcome(True, rendered, [])


def _discard(rendered: list[Rendered]) -> None:
    for folder in {r.site_dir.parent for r in rendered}:
        shutil.rmtree(folder, ignore_errors=True)
