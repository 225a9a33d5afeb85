"""Step 3 of the build: an MkDocs-compatible engine renders a staged tree, in its own process
(a large site in several at once: playbook.render.parts), then the steps that read its output.

    render(staged_root, site_dir)
        sealed copy       the staged tree copied into a folder of its own, outside the project
                          (playbook.render.sealed): all an engine can read is what was staged
        engine(s)         `python -m mkdocs build` (or properdocs) on the copy, watched
        read              every page once, as a browser reads it (playbook.render.page_reading)
        index, checks     the search index, the output checks

The engine is a program run on the staged config, nothing more. Nothing of this package is
imported into it but the macros module its config names. Its messages about a staged page are
translated back to the file and line an author edits (the stage's line maps); INFO chatter is
dropped.
"""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from playbook.model.handover import Handover
from playbook.problems import Problem
from playbook.render import checks, engine_messages, page_reading, sealed, search_index
from playbook.render import parts as render_parts

ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}
_RECORD = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<message>.*)$")
_STAGED_PLACE = re.compile(r"^docs/(?P<src>[^:\s]+\.md)(?::(?P<line>\d+))?(?=:)")


@dataclass
class Rendered:
    audience: str
    site_dir: Path
    ok: bool
    seconds: float
    messages: list[str] = field(default_factory=list)  # what an author should read
    problems: list[Problem] = field(default_factory=list)
    # The inline styles of the site's pages, which its host's policy allows by hash.
    styles: frozenset[str] = frozenset()
    style_attributes: frozenset[str] = frozenset()


# An engine whose progress count has not moved for this long is stuck on its page. The
# environment variable shortens (or lengthens) the wait for one run: the failure catalogue
# proves the watchdog in seconds, not minutes.
STALL_SECONDS = 60
STALL_VARIABLE = "PLAYBOOK_STALL_SECONDS"


def stall_seconds(default: float = STALL_SECONDS) -> float:
    """How long a page may take before the build calls it stuck: PLAYBOOK_STALL_SECONDS when it
    is a positive number, else default."""
    try:
        seconds = float(os.environ.get(STALL_VARIABLE, ""))
    except ValueError:
        return default
    return seconds if seconds > 0 else default


def engine_command(engine: str) -> list[str]:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    # No -q: with -q, MkDocs exits 0 even when strict mode counted warnings.
    return [sys.executable, "-m", "playbook.render.launch", ENGINES[engine], "build", "--strict"]


@dataclass
class EngineRun:
    returncode: int
    output: str
    stuck: str | None  # the page it stopped making progress on, when it did


@dataclass
class _Running:
    process: subprocess.Popen
    progress: Path
    output: object
    stuck: str | None = None
    seen: str = ""                  # the launcher's last progress line, as read
    moved_at: float = field(default_factory=time.monotonic)  # when it last changed, on this process's clock

    def watch(self, limit: float) -> None:
        """Stop the engine when its progress line has not changed for limit seconds. Waiting is
        measured on the monotonic clock only; the line's count tells a new page from the last."""
        try:
            line = self.progress.read_text(encoding="utf-8")
        except OSError:
            line = ""
        now = time.monotonic()
        if line != self.seen:
            self.seen, self.moved_at = line, now
        elif now - self.moved_at > limit:
            self.stuck = self.seen.partition(" ")[2].strip() or "?"
            self.process.kill()


def run_engines(parts: Sequence[render_parts.Part], engine: str, env: dict[str, str]) -> list[EngineRun]:
    """Render each part in an engine process of its own, all at once, each watched for progress."""
    limit = stall_seconds()
    with contextlib.ExitStack() as outputs:
        running = []
        try:
            for part in parts:
                progress = part.config.parent / f".progress-{part.site_dir.name}"
                progress.write_text("", encoding="utf-8")
                output = outputs.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))
                running.append(_Running(subprocess.Popen(
                    [*engine_command(engine), "-f", str(part.config), "-d", str(part.site_dir)],
                    cwd=part.config.parent, env={**env, "PLAYBOOK_PROGRESS": str(progress)},
                    stdout=output, stderr=subprocess.STDOUT, text=True), progress, output))
            while any(each.process.poll() is None for each in running):
                time.sleep(0.2)
                for each in running:
                    if each.process.poll() is None:
                        each.watch(limit)
        finally:
            for each in running:
                if each.process.poll() is None:  # the build was stopped: so are the engines it started
                    each.process.kill()
                each.process.wait()
        runs = []
        for each in running:
            each.output.seek(0)
            runs.append(EngineRun(each.process.returncode, each.output.read(), each.stuck))
    return runs


def render(staged_root: Path, site_dir: Path, *, engine: str = "mkdocs", parts: int | None = None) -> Rendered:
    """Render the staged tree into site_dir and finish it; never raises for an author's mistake.
    A large site is rendered in parts (playbook.render.parts), by default as many as it is worth."""
    started = time.monotonic()
    staged_root, site_dir = Path(staged_root), Path(site_dir)
    handover = Handover.read(staged_root)
    rendered = Rendered(handover.audience, site_dir, False, 0.0)
    with sealed.copy(staged_root) as tree:
        split = render_parts.plan(tree.root, site_dir, handover, parts or render_parts.part_count(handover))
        try:
            runs = run_engines(split, engine, tree.engine_environment())
            # What every part says about the whole site (the config, say) is said once.
            rendered.messages = list(dict.fromkeys(message for run in runs
                                                   for message in author_messages(run.output, tree.root, handover)))
            rendered.ok = all(run.returncode == 0 for run in runs)
            stuck = [run.stuck for run in runs if run.stuck]
            if stuck:
                rendered.ok = False
                rendered.problems = [_stuck_problem(handover, page) for page in stuck]
            elif rendered.ok:
                render_parts.merge(split, site_dir, handover)
            elif not rendered.messages:
                rendered.messages = [line for run in runs if run.returncode
                                     for line in run.output.splitlines() if line.strip()][-20:]
        finally:
            render_parts.clean(split, site_dir)
        if rendered.ok:
            readings = page_reading.read_site(site_dir, handover)
            search_index.write_index(site_dir, handover, {src: r.search for src, r in readings.items()}, tree.root)
            rendered.problems = checks.check_site(readings, tree.root, handover)
            rendered.styles = frozenset().union(*(r.styles for r in readings.values()))
            rendered.style_attributes = frozenset().union(*(r.style_attributes for r in readings.values()))
            rendered.ok = not rendered.problems
    rendered.seconds = time.monotonic() - started
    return rendered


def _stuck_problem(handover: Handover, stuck: str) -> Problem:
    page = handover.pages.get(stuck)
    return Problem(page.source if page else f"docs/{stuck}", None,
                   f"the engine stopped making progress on this page for {stall_seconds():g} s: a "
                   "construct on it makes the Markdown parser loop (a /// block inside a quote "
                   "or a list can)",
                   "write blocks at the start of a line, outside quotes and lists, and close "
                   "each with ///")


def author_messages(output: str, staged_root: Path, handover: Handover) -> list[str]:
    """The engine's warnings and errors, about the files authors edit."""
    records: list[tuple[str, list[str]]] = []
    for line in output.splitlines():
        match = _RECORD.match(line)
        if match:
            records.append((match.group("level"), [match.group("message")]))
        elif records and line.strip():
            records[-1][1].append(line)
    facts = engine_messages.SiteFacts(
        read_page=lambda src: _read(staged_root / "docs" / src),
        pages=list(handover.pages),
        anchors_of=lambda src: [])
    found = []
    for level, lines in records:
        if level in ("DEBUG", "INFO"):
            continue
        message = "\n".join(lines)
        better = engine_messages.rewrite(message, facts)
        for each in better.split("\n") if better else [message]:
            found.append(f"{level:8} -  {to_source(each, handover)}")
    return found


def to_source(message: str, handover: Handover) -> str:
    """docs/<staged page>:<staged line> at the start of a message, as the source file and line."""
    match = _STAGED_PLACE.match(message)
    if not match or match.group("src") not in handover.pages:
        return message
    page = handover.pages[match.group("src")]
    line = page.source_line(int(match.group("line"))) if match.group("line") else None
    where = f"{page.source}:{line}" if line else page.source
    return where + message[match.end():]


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
