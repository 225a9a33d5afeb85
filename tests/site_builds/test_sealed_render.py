"""The engine reaches only what was staged (issue 23): it renders a sealed copy of the staged tree.

What a page's Jinja may do is checked before staging (the failure catalogue holds every refusal);
these tests take a page past those checks on purpose, writing into the staged tree by hand, and
show that what the engine could still reach is not there to reach: the repository's git history
and any path up to the project's sources.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from playbook.render import sealed
from playbook.render.engine import render
from tests.sites import make_project, playbook

pytestmark = pytest.mark.build

SECRET = "sealedgitmarker"
PAGE = "onboarding.md"
PRINTS_GIT = "\n\nGIT[{{ git.message }}|{{ git.author_email }}|{{ git.root_dir }}]\n"


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "A", "GIT_COMMITTER_NAME": "A", "GIT_AUTHOR_EMAIL": f"{SECRET}@x.example",
                        "GIT_COMMITTER_EMAIL": f"{SECRET}@x.example", "HOME": str(project), "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Path:
    """The mini project in a git repository whose last commit names the marker, staged for
    customers, with one staged page printing the macros plugin's git variables."""
    project = make_project(tmp_path_factory.mktemp("sealed"))
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", f"Margins for the {SECRET} deal")
    done = playbook("--root", str(project), "stage", "customer")
    assert done.returncode == 0, done.stdout + done.stderr
    root = project / "build" / "customer"
    with (root / "docs" / PAGE).open("a", encoding="utf-8") as page:
        page.write(PRINTS_GIT)
    return root


def test_rendered_in_place_a_page_would_print_the_repositorys_history(staged, tmp_path):
    """The channel is real: the same staged tree rendered where the stage left it, inside the
    repository, prints the last commit's message and its author's e-mail."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(staged / "mkdocs.yml"),
                           "-d", str(tmp_path / "in-place")], cwd=staged, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert SECRET in (tmp_path / "in-place" / "onboarding" / "index.html").read_text(encoding="utf-8")


def test_the_sealed_render_prints_nothing_of_the_repository(staged, tmp_path):
    rendered = render(staged, tmp_path / "sealed")
    assert rendered.ok, rendered.messages + [str(p) for p in rendered.problems]
    page = (tmp_path / "sealed" / "onboarding" / "index.html").read_text(encoding="utf-8")
    assert "GIT[" in page and SECRET not in page
    assert str(staged.parent.parent) not in page  # nor where the project lives


def test_the_sealed_copy_has_no_path_up_to_the_sources(staged):
    project = staged.parent.parent
    with sealed.copy(staged) as tree:
        assert project not in tree.root.parents and staged not in tree.root.parents
        assert sorted(p.name for p in tree.folder.iterdir()) == ["site"]
        assert sorted(p.name for p in tree.root.iterdir()) == sorted(p.name for p in staged.iterdir())
        environment = tree.engine_environment()
        assert environment["GIT_CEILING_DIRECTORIES"] == str(tree.folder)
        found = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=tree.root, env=environment,
                               capture_output=True, text=True)
        assert found.returncode != 0, found.stdout  # no repository above it
    assert not tree.folder.exists()  # removed once the render is done
