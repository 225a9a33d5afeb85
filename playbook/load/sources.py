"""Step 1 of the build: everything the sites are made from, read and checked once.

`load_sources(root)` reads mkdocs.yml (the authors' configuration and the site settings),
data/ (the playbook's facts) and docs/ (pages and other files), checks each, and returns one
frozen `Sources`; or raises PlaybookError listing every problem of every file at once.
Nothing later reads the project folder again, except the stage copying the files it decided
a site may hold.
"""
from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook.load import history, review
from playbook.load.build_date import build_date
from playbook.load.data_folder import load_playbook
from playbook.load.mkdocs_yml import check_config, read_mkdocs_yml
from playbook.load.page_checks import page_problems
from playbook.load.pages import DocsFolder, read_docs
from playbook.load.settings import read_settings
from playbook.model.facts import Playbook
from playbook.model.settings import Settings
from playbook.problems import PlaybookError, Problem, raise_if_any

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Sources:
    root: Path
    config: Mapping[str, Any]   # mkdocs.yml as written (tags kept), for the stage to narrow
    settings: Settings
    playbook: Playbook
    docs: DocsFolder
    today: datetime.date
    git_dates: dict[str, datetime.date] | None


@dataclass
class SourcesCache:
    """What a long-running preview keeps between loads: the data, while no file of data/ changed,
    and each page, while its file did not change. Git history is read once per session."""

    data_stamp: tuple = ()
    playbook: Playbook | None = None
    data_problems: list[Problem] = field(default_factory=list)
    pages: dict = field(default_factory=dict)
    git_dates: dict[str, datetime.date] | None = None
    git_read: bool = False


def _stamp(folder: Path) -> tuple:
    return tuple(sorted((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.rglob("*") if p.is_file())) if folder.is_dir() else ()


def load_sources(root: Path, *, today: datetime.date | None = None, cache: SourcesCache | None = None) -> Sources:
    root = Path(root).resolve()
    today = today or build_date()
    problems: list[Problem] = []
    config, found = read_mkdocs_yml(root / CONFIG_FILE)
    problems += found + (check_config(config) if config is not None else [])
    try:
        settings = read_settings(root)
    except PlaybookError as error:
        settings = None
        problems += error.problems
    stamp = _stamp(root / "data") if cache is not None else ()
    if cache is not None and cache.data_stamp == stamp and stamp:
        playbook, found = cache.playbook, list(cache.data_problems)
    else:
        try:
            playbook, found = load_playbook(root / "data", root=root), []
        except PlaybookError as error:
            playbook, found = None, error.problems
        if cache is not None:
            cache.data_stamp, cache.playbook, cache.data_problems = stamp, playbook, found
    problems += found
    docs, found = read_docs(root, cache=cache.pages if cache is not None else None)
    problems += found
    if playbook is not None and settings is not None:
        problems += _review_problems(docs, playbook, settings, today)
    if problems and config is not None:
        # The build stops here; the pages' own mistakes are listed with these all the same.
        problems += page_problems(config, docs.pages.values())
    raise_if_any(problems, what="The playbook")
    if cache is None or not cache.git_read:
        git_dates = history.git_dates(root, ("docs", "data"))
        if cache is not None:
            cache.git_dates, cache.git_read = git_dates, True
    else:
        git_dates = cache.git_dates
    return Sources(root, config, settings, playbook, docs, today, git_dates)


def _review_problems(docs: DocsFolder, playbook: Playbook, settings: Settings, today: datetime.date) -> list[Problem]:
    problems: list[Problem] = []
    for page in docs.pages.values():
        _, found = review.read_review(page.front_matter, page.display, playbook.roles, today, settings.review)
        problems += found
    _, found = review.role_pages_review(playbook, today, settings.review)
    return problems + found
