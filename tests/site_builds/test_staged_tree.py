"""The staged customer tree is a whole MkDocs project on its own, and staging is incremental.

The first test is the proof that the customer render never reads the sources: the project is
copied, staged, the staged customer tree moved to a folder with no docs/ or data/ anywhere near
it, the project copy deleted, and plain `mkdocs build --strict` run on what is left. Its pages
must be the pages the pipeline publishes.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from playbook.render.engine import ENGINES
from tests.sites import ROOT, Built, make_project, playbook

SOURCES = ("docs", "data", "overrides", "projects", "mkdocs.yml")
# The pipeline's own steps after the engine: search index, host config, page checks.
AFTER_RENDER = re.compile(r"^(search/|staticwebapp\.config\.json$|\.well-known/)")


def _copy_project(target: Path) -> Path:
    target.mkdir()
    for part in SOURCES:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif (ROOT / part).is_file():
            shutil.copy2(ROOT / part, target / part)
    return target


# A page's "last updated" date comes from git history, which the copied project does not have, and
# the print header carries the day of the build: a run that crosses midnight must not fail on it.
DATES = re.compile(r'<time datetime="[^"]*">[^<]*</time>|\b\d{1,2} (?:January|February|March|April|May|June|July|'
                   r'August|September|October|November|December) \d{4}\b|\b\d{4}-\d{2}-\d{2}\b')


def _pages(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): DATES.sub("<time/>", path.read_text(encoding="utf-8"))
            for path in site.rglob("*.html")}


def test_the_staged_customer_tree_renders_alone_with_the_engines_own_command(tmp_path, real_sites: Built):
    project = _copy_project(tmp_path / "project")
    staged = playbook("--root", str(project), "stage", "customer")
    assert staged.returncode == 0, staged.stdout + staged.stderr

    alone = tmp_path / "elsewhere" / "deep" / "customer-tree"
    alone.parent.mkdir(parents=True)
    shutil.move(project / "build" / "customer", alone)
    shutil.rmtree(project)  # the sources are gone: only the staged tree is left to read
    assert not [p for p in tmp_path.rglob("*") if p.name in ("data", "projects") and p.is_dir()]
    config = (alone / "mkdocs.yml").read_text(encoding="utf-8")
    assert str(project) not in config and str(ROOT) not in config, "the staged config points at the sources"

    out = tmp_path / "out"
    # The engine's own command line, the engine the published sites were rendered with (the site
    # tests also run on ProperDocs' output): each names itself in the pages it writes.
    engine = ENGINES[os.environ.get("PLAYBOOK_ENGINE", "mkdocs")]
    result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", str(alone / "mkdocs.yml"),
                             "-d", str(out)], cwd=alone, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr

    published = real_sites.customer.site
    ours = _pages(out)
    theirs = _pages(published)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == [], f"{len(different)} pages differ from the published ones, e.g. {different[:5]}"
    others = {path.relative_to(published).as_posix() for path in published.rglob("*") if path.is_file()}
    rendered = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()}
    assert {name for name in others - rendered if not AFTER_RENDER.match(name)} == set()


def test_unchanged_sources_are_not_restaged_and_an_edit_restages_only_what_it_changes(tmp_path):
    project = make_project(tmp_path)

    def stage() -> tuple[str, dict[str, int]]:
        result = playbook("--root", str(project), "stage")
        assert result.returncode == 0, result.stdout + result.stderr
        staged = project / "build"
        return result.stdout, {path.relative_to(staged).as_posix(): path.stat().st_mtime_ns
                               for path in staged.rglob("*") if path.is_file()}

    _, first = stage()
    output, second = stage()
    assert "internal  staged  -> build/internal/  (unchanged)" in output
    assert "customer  staged  -> build/customer/  (unchanged)" in output
    assert second == first, "an unchanged source was written again"

    page = project / "docs" / "onboarding.md"
    before = page.stat()
    # A word changed, no line added: the line map in stage.json stays as it is.
    page.write_text(page.read_text(encoding="utf-8").replace("keeps `{{ braces }}` as written",
                                                             "keeps `{{ braces }}` exactly as written"),
                    encoding="utf-8")
    # Without git history, content health shows each file's date; keep the old one so the test
    # isolates the text change (a fixture checked out yesterday would otherwise change that page too).
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    output, third = stage()
    assert "(unchanged)" not in output
    changed = {name for name in third if third[name] != second.get(name)}
    assert changed == {"internal/docs/onboarding.md", "customer/docs/onboarding.md"}
