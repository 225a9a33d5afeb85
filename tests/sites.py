"""Build playbook sites for tests: the real one, and small fixture sites with planted mistakes.

A fixture site is a complete mini project under tests/fixtures/<name>/ (its own mkdocs.yml,
docs/ and data/). It is copied into a temporary folder with the real hooks/ and overrides/
linked in, so every test exercises the code that builds the real site. Builds run MkDocs in
a subprocess, exactly as `make build` does.
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


def make_project(tmp_path: Path, fixture: str = "mini", edits: dict[str, str | None] | None = None) -> Path:
    """Copy a fixture into tmp_path/project, link in the real code, apply edits (None deletes)."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / fixture, project)
    for shared in ("hooks", "overrides"):
        if not (project / shared).exists():
            (project / shared).symlink_to(ROOT / shared, target_is_directory=True)
    for relative, content in (edits or {}).items():
        target = project / relative
        if content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    return project


def build(project: Path, out: Path, config: str = "mkdocs.yml", *, env: dict[str, str] | None = None) -> BuildResult:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(out)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(result.returncode, result.stdout + result.stderr, out)


def build_fixture(tmp_path: Path, edits: dict[str, str | None] | None = None, *, fixture: str = "mini",
                  config: str = "mkdocs.yml") -> BuildResult:
    project = make_project(tmp_path, fixture, edits)
    return build(project, tmp_path / "out", config)


def fixture_text(relative: str, fixture: str = "mini") -> str:
    return (FIXTURES / fixture / relative).read_text(encoding="utf-8")
