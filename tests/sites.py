"""Build playbook sites for tests: the real one, and small fixture sites with planted mistakes.

A fixture site is a complete mini project under tests/fixtures/<name>/ (its own mkdocs.yml,
docs/ and data/). It is copied into a temporary folder with the real overrides/ linked in, and
built with `python -m playbook build`, in a subprocess, exactly as `make build` builds it: load,
stage, render, publish. PLAYBOOK_ENGINE=properdocs in the environment renders with ProperDocs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class BuildResult:
    """One built site."""

    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def page(self, path: str) -> str:
        """The HTML of a built page, by its URL path such as 'onboarding/'."""
        target = self.site / path
        if path.endswith("/") or not path:
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


@dataclass
class Built:
    """A build of both sites of a project: `python -m playbook build`."""

    returncode: int
    output: str
    work: Path  # where build/ and site/ went

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def site(self, audience: str) -> BuildResult:
        return BuildResult(self.returncode, self.output, (self.work / "site" / audience).resolve())

    @property
    def internal(self) -> BuildResult:
        return self.site("internal")

    @property
    def customer(self) -> BuildResult:
        return self.site("customer")


def make_project(tmp_path: Path, fixture: str = "mini", edits: dict[str, str | None] | None = None) -> Path:
    """Copy a fixture into tmp_path/project, link in the real overrides, apply edits (None deletes)."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / fixture, project)
    if not (project / "overrides").exists():
        (project / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    for relative, content in (edits or {}).items():
        target = project / relative
        if content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    return project


def playbook(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
             timeout: int = 900) -> subprocess.CompletedProcess:
    """Run `python -m playbook ARGS` as a person would."""
    return subprocess.run([sys.executable, "-m", "playbook", *args], cwd=cwd or ROOT, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


def build(project: Path, *sites: str, work: Path | None = None, env: dict[str, str] | None = None) -> Built:
    """Build the project's sites (default both); build/ and site/ go in work (default: the project)."""
    work = work or project
    result = playbook("--root", str(project), "--work", str(work), "build", *sites, env=env)
    return Built(result.returncode, result.stdout + result.stderr, work)


def build_fixture(tmp_path: Path, edits: dict[str, str | None] | None = None, *, fixture: str = "mini") -> Built:
    return build(make_project(tmp_path, fixture, edits))


def fixture_text(relative: str, fixture: str = "mini") -> str:
    return (FIXTURES / fixture / relative).read_text(encoding="utf-8")
