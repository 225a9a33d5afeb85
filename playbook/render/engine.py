"""Step 3 of the build: an MkDocs-compatible engine renders a staged tree, in its own process
(a large site in several at once: playbook.render.parts).

The engine is a program run on the staged config, nothing more: `python -m mkdocs build` by
default, `python -m properdocs build` with engine="properdocs". Nothing of this package is
imported into it but the macros module its config names. Its messages about a staged page are
translated back to the file and line an author edits (the stage's line maps); INFO chatter is
dropped. Then the steps that read the output run: the search index and the output checks.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook import hosting
from playbook.problems import Problem
from playbook.render import checks, engine_messages, search_index
from playbook.render import parts as render_parts
from playbook.render.finished_pages import FinishedPages

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


# An engine that has not started a new page for this long is stuck on the last one. The
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
    output: Any
    stuck: str | None = None
    seen: str = ""                  # the launcher's last progress line, as read
    moved_at: float = field(default_factory=time.monotonic)  # when it last changed, on this process's clock

    def watch(self, limit: float) -> None:
        """Stop the engine when its progress line has not changed for limit seconds. Waiting is
        measured on the monotonic clock only; the line's count tells a new page from the last."""
        line = _progress_line(self.progress)
        now = time.monotonic()
        if line != self.seen:
            self.seen, self.moved_at = line, now
        elif now - self.moved_at > limit:
            self.stuck = self.seen.partition(" ")[2].strip() or "?"
            self.process.kill()


def _progress_line(progress: Path) -> str:
    try:
        return progress.read_text(encoding="utf-8")
    except OSError:
        return ""


def run_engines(parts: Sequence[render_parts.Part], engine: str,
                meanwhile: Callable[[Callable[[], set[str] | None]], None] = lambda building: None,
                ) -> list[EngineRun]:
    """Render each part in an engine process of its own, all at once. While they work, meanwhile
    is called now and then with a function naming the pages the running engines are on."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    limit = stall_seconds()
    with contextlib.ExitStack() as outputs:
        running = []
        try:
            for part in parts:
                progress = part.site_dir.parent / f".progress-{part.site_dir.name}"
                progress.parent.mkdir(parents=True, exist_ok=True)
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
                busy = [each.progress for each in running if each.process.poll() is None]
                meanwhile(functools.partial(_building, busy))
        finally:
            for each in running:
                if each.process.poll() is None:  # the build was stopped: so are the engines it started
                    each.process.kill()
                each.process.wait()
        runs = []
        for each in running:
            each.output.seek(0)
            runs.append(EngineRun(each.process.returncode, each.output.read(), each.stuck))
            each.progress.unlink(missing_ok=True)
    return runs


def _building(progresses: Sequence[Path]) -> set[str] | None:
    """The pages the launchers last named, or None while one is rewriting its file (a name is
    complete once its line ends)."""
    pages = set()
    for progress in progresses:
        named = _progress_line(progress)
        if not named.endswith("\n"):
            return None
        pages.add(named[:-1].partition(" ")[2])
    return pages


def render(staged_root: Path, site_dir: Path, audience: str, *, engine: str = "mkdocs",
           parts: int | None = None) -> Rendered:
    """Render the staged tree into site_dir and finish it; never raises for an author's mistake.
    A large site is rendered in parts (playbook.render.parts), by default as many as it is worth."""
    started = time.monotonic()
    manifest = json.loads((staged_root / "stage.json").read_text(encoding="utf-8"))
    split = render_parts.plan(staged_root, site_dir, manifest, parts or render_parts.part_count(manifest))
    try:
        # Each page is read as soon as an engine has written it, on a core the engines leave free.
        pages = FinishedPages(site_dir, manifest, written_in={src: part.site_dir for part in split[1:]
                                                              for src in part.pages})
        runs = run_engines(split, engine, meanwhile=pages.read_finished)
        # What every part says about the whole site (the config, say) is said once.
        messages = list(dict.fromkeys(message for run in runs
                                      for message in author_messages(run.output, staged_root, manifest)))
        rendered = Rendered(audience, site_dir, all(run.returncode == 0 for run in runs), 0.0, messages)
        stuck = [run.stuck for run in runs if run.stuck]
        if stuck:
            rendered.ok = False
            rendered.problems = [_stuck_problem(manifest, page) for page in stuck]
        elif rendered.ok:
            render_parts.merge(split, site_dir, manifest)
            search_index.write_index(site_dir, manifest, pages, staged_root)
            rendered.problems = checks.check_site(pages, staged_root, manifest)
            # The host's config for this site, from the hosting settings and the output.
            rendered.problems += hosting.finish_site(site_dir, manifest, pages.inline_code())
            rendered.ok = not rendered.problems
        elif not messages:
            rendered.messages = [line for run in runs if run.returncode
                                 for line in run.output.splitlines() if line.strip()][-20:]
    finally:
        render_parts.clean(split, site_dir)
    rendered.seconds = time.monotonic() - started
    return rendered


def _stuck_problem(manifest: dict[str, Any], stuck: str) -> Problem:
    page = manifest["pages"].get(stuck, {})
    return Problem(page.get("source", f"docs/{stuck}"), None,
                   f"the engine stopped making progress on this page for {stall_seconds():g} s: a "
                   "construct on it makes the Markdown parser loop (a /// block inside a quote "
                   "or a list can)",
                   "write blocks at the start of a line, outside quotes and lists, and close "
                   "each with ///")


def author_messages(output: str, staged_root: Path, manifest: dict[str, Any]) -> list[str]:
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
        pages=list(manifest["pages"]),
        anchors_of=lambda src: [])
    found = []
    for level, lines in records:
        if level in ("DEBUG", "INFO"):
            continue
        message = "\n".join(lines)
        better = engine_messages.rewrite(message, facts)
        for each in better.split("\n") if better else [message]:
            found.append(f"{level:8} -  {to_source(each, manifest)}")
    return found


def to_source(message: str, manifest: dict[str, Any]) -> str:
    """docs/<staged page>:<staged line> at the start of a message, as the source file and line."""
    match = _STAGED_PLACE.match(message)
    if not match or match.group("src") not in manifest["pages"]:
        return message
    page = manifest["pages"][match.group("src")]
    index = int(match.group("line") or 0) - page["body_start"]
    line = page["line_map"][index] if match.group("line") and 0 <= index < len(page["line_map"]) else None
    where = f"{page['source']}:{line}" if line else page["source"]
    return where + message[match.end():]


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
