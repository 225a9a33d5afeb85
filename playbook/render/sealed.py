"""The tree an engine renders: a copy of the staged tree in a folder of its own, outside the project.

Default deny for what the engine is given is the stage's work: the staged tree holds only what
the site's readers may see. Default deny for what the engine can *reach* is this module's. An
engine, its plugins and a page's Jinja read files relative to the config they render (docs_dir,
custom_dir, mkdocs-macros' include_dir, the git history the macros plugin reports), so the
engine is given a copy of the staged tree in a new temporary folder: no path up from it leads
to docs/, data/, projects/ or the repository's .git, and git is told not to look above it, so
the macros plugin's `git` variables say nothing about the repository. The copy is removed when
the render is done.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SealedTree:
    root: Path      # the copy of the staged tree: the engine's project folder
    folder: Path    # the temporary folder holding it, and nothing else

    def engine_environment(self) -> dict[str, str]:
        """The environment an engine runs in: this one, without git's pointers to a repository,
        with git's search for one stopped at the sealed folder."""
        environment = {name: value for name, value in os.environ.items() if not name.startswith("GIT_")}
        environment["GIT_CEILING_DIRECTORIES"] = str(self.folder)
        environment["NO_MKDOCS_2_WARNING"] = "1"
        return environment


@contextmanager
def copy(staged_root: Path) -> Iterator[SealedTree]:
    """A sealed copy of the staged tree at staged_root, for as long as the block runs."""
    with tempfile.TemporaryDirectory(prefix="playbook-render-") as folder:
        root = Path(folder) / "site"
        # Files are copied, links followed: the stage writes no link, and a link would be a path out.
        shutil.copytree(staged_root, root, symlinks=False)
        yield SealedTree(root, Path(folder))
