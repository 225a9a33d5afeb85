"""A build stopped while it renders leaves the published sites exactly as they were.

Each test publishes the mini site, changes a page, starts a second build and stops it the way
people and machines do: Ctrl-C in a terminal (SIGINT to the whole process group), SIGTERM to
`make` alone (what a CI runner or `timeout make build` sends), SIGKILL to the process group (the
out-of-memory killer, a cancelled CI job). Then: `site/` holds the first build's bytes, no
process of the stopped build is left running, and the next build publishes the change and leaves
no leftovers. The kill at each single step of the switch itself is in tests/unit/test_generations.py.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sites import build, make_project

WAIT = 120


def _session_processes(session: int) -> list[tuple[int, str]]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append((int(entry.name), command))
    return found


def _wait_until_rendering(process: subprocess.Popen) -> None:
    """Until an engine process of this build is running: the build is mid-render."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert process.poll() is None, "the build finished before it could be stopped"
        if any("playbook.render.launch" in command for _, command in _session_processes(process.pid)):
            return
        time.sleep(0.02)
    raise AssertionError("the build never started rendering")


def _wait_for_session_to_end(session: int) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if not _session_processes(session):
            return
        time.sleep(0.1)
    raise AssertionError(f"processes of the stopped build still run: {_session_processes(session)}")


def _published(project: Path) -> dict[str, bytes]:
    site = project / "site"
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


@pytest.fixture
def published(tmp_path):
    """A project built once, then edited so that a finished second build would change site/."""
    project = make_project(tmp_path)
    first = build(project)
    assert first.ok, first.output
    before = _published(project)
    page = project / "docs" / "onboarding.md"
    page.write_text(page.read_text().replace("# Onboarding", "# Onboarding\n\nSECOND-BUILD-MARK"))
    return project, before


def _start(command: list[str], project: Path) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def _python_build(project: Path) -> list[str]:
    return [sys.executable, "-m", "playbook", "--root", str(project), "build"]


def _after(project: Path, before: dict[str, bytes], process: subprocess.Popen) -> str:
    output = process.communicate(timeout=WAIT)[0]
    _wait_for_session_to_end(process.pid)
    assert _published(project) == before, "the stopped build changed site/"
    assert "Traceback" not in output, output
    again = build(project)
    assert again.ok, again.output
    assert "SECOND-BUILD-MARK" in (project / "site/internal/onboarding/index.html").read_text()
    assert len(list((project / ".site-generations").iterdir())) == 1
    assert not list(project.glob(".site.new-*"))
    assert not list((project / "build").glob(".*-*")), list((project / "build").glob(".*-*"))
    assert not [path for path in (project / "build").rglob("*") if ".partial-" in path.name]
    return output


def test_ctrl_c_while_rendering_says_so_in_one_line(published):
    project, before = published
    process = _start(_python_build(project), project)
    _wait_until_rendering(process)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C
    output = _after(project, before, process)
    assert process.returncode == 130
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines == ["Interrupted: site/ was left as it was."], output


def test_sigterm_to_make_alone_stops_the_whole_build(published, tmp_path):
    project, before = published
    makefile = tmp_path / "Makefile"
    makefile.write_text(f".PHONY: build\nbuild:\n\t{sys.executable} -m playbook --root {project} build\n")
    process = _start(["make", "-s", "-f", str(makefile), "build"], project)
    _wait_until_rendering(process)
    os.kill(process.pid, signal.SIGTERM)  # make alone; make passes it to its child
    output = _after(project, before, process)
    assert process.returncode != 0
    assert "Stopped by SIGTERM: site/ was left as it was." in output, output


def test_sigterm_to_the_build_alone_stops_its_site_processes_and_engines(published):
    project, before = published
    process = _start(_python_build(project), project)
    _wait_until_rendering(process)
    process.send_signal(signal.SIGTERM)
    output = _after(project, before, process)
    assert process.returncode == 128 + signal.SIGTERM
    assert "Stopped by SIGTERM" in output


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8, 1.6, 3.0])
def test_sigkill_to_the_process_group_at_any_moment_changes_nothing_or_everything(published, delay):
    """Killed at moments spread over loading, staging, rendering and publishing: site/ holds the
    old sites or, if the switch was made, the new ones; never a mix."""
    project, before = published
    process = _start(_python_build(project), project)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=WAIT)
    _wait_for_session_to_end(process.pid)
    after = _published(project)
    if after != before:
        assert "SECOND-BUILD-MARK" in after["internal/onboarding/index.html"].decode()
        assert set(after) == set(before)
    again = build(project)
    assert again.ok, again.output
    assert len(list((project / ".site-generations").iterdir())) == 1
    assert not list((project / "build").glob(".*-*"))


def test_sigkill_to_the_process_group_while_rendering(published):
    project, before = published
    process = _start(_python_build(project), project)
    _wait_until_rendering(process)
    os.killpg(process.pid, signal.SIGKILL)
    _after(project, before, process)
