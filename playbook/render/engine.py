"""Step 3 of the build: an MkDocs-compatible engine renders a staged tree, in its own process.

The engine is a program run on the staged config, nothing more: `python -m mkdocs build` by
default, `python -m properdocs build` with engine="properdocs". Nothing of this package is
imported into it but the macros module its config names. Its messages about a staged page are
translated back to the file and line an author edits (the stage's line maps); INFO chatter is
dropped. Then the steps that read the output run: the search index and the output checks.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook import hosting
from playbook.problems import Problem
from playbook.render import checks, engine_messages, search_index
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


def run_engine(staged_root: Path, site_dir: Path, engine: str,
               meanwhile: Callable[[Callable[[], str | None]], None] = lambda building: None,
               ) -> tuple[int, str, str | None]:
    """(exit code, output, the page it was stuck on or None). While the engine works, meanwhile
    is called now and then with a function naming the page the engine is on."""
    progress = site_dir.parent / f".progress-{site_dir.name}"
    progress.parent.mkdir(parents=True, exist_ok=True)
    progress.write_text("", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_PROGRESS": str(progress)}
    limit = stall_seconds()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        process = subprocess.Popen([*engine_command(engine), "-f", str(staged_root / "mkdocs.yml"), "-d", str(site_dir)],
                                   cwd=staged_root, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
        stuck = None
        try:
            while process.poll() is None:
                time.sleep(0.2)
                if time.time() - progress.stat().st_mtime > limit:
                    stuck = progress.read_text(encoding="utf-8").strip() or "?"
                    process.kill()
                else:
                    meanwhile(lambda: _building(progress))
        finally:
            if process.poll() is None:  # the build was stopped: so is the engine it started
                process.kill()
            process.wait()
        output.seek(0)
        text = output.read()
    progress.unlink(missing_ok=True)
    return process.returncode, text, stuck


def _building(progress: Path) -> str | None:
    """The page the launcher last named, or None while it is rewriting the file (a name is
    complete once its line ends)."""
    named = progress.read_text(encoding="utf-8")
    return named[:-1] if named.endswith("\n") else None


def render(staged_root: Path, site_dir: Path, audience: str, *, engine: str = "mkdocs") -> Rendered:
    """Render the staged tree into site_dir and finish it; never raises for an author's mistake."""
    started = time.monotonic()
    manifest = json.loads((staged_root / "stage.json").read_text(encoding="utf-8"))
    pages = FinishedPages(site_dir, manifest)
    # Each page is read as soon as the engine has written it, on the core the engine leaves free.
    returncode, output, stuck = run_engine(staged_root, site_dir, engine, meanwhile=pages.read_finished)
    messages = author_messages(output, staged_root, manifest)
    rendered = Rendered(audience, site_dir, returncode == 0, 0.0, messages)
    if stuck:
        page = manifest["pages"].get(stuck, {})
        rendered.problems = [Problem(page.get("source", f"docs/{stuck}"), None,
                                     f"the engine stopped making progress on this page for {stall_seconds():g} s: a "
                                     "construct on it makes the Markdown parser loop (a /// block inside a quote "
                                     "or a list can)",
                                     "write blocks at the start of a line, outside quotes and lists, and close "
                                     "each with ///")]
        rendered.seconds = time.monotonic() - started
        return rendered
    if rendered.ok:
        search_index.write_index(site_dir, manifest, pages)
        rendered.problems = checks.check_site(pages, staged_root, manifest)
        # The host's config for this site, from the hosting settings and the output.
        rendered.problems += hosting.finish_site(site_dir, manifest, pages.inline_code())
        rendered.ok = not rendered.problems
    elif not messages:
        rendered.messages = [line for line in output.splitlines() if line.strip()][-20:]
    rendered.seconds = time.monotonic() - started
    return rendered


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
