"""Who keeps each page true, and whether it is still checked: the review rules, pure.

A playbook people stop trusting is worse than none, and pages go stale quietly. So every page
names an owner (a role id from data/roles.yml, or a team name) and the day it was last reviewed
against practice; a page is due again `review_every_months` after that (the site's default when
the page does not say). The build shows the state on every internal page and lists every page on
the content health page; `make check-freshness` (tools/check_freshness.py) fails when any page is
overdue. A stale page never stops a normal build: stopping the whole playbook because one page
is a week late would punish every other author.

Nothing here reads a clock: callers pass `today`, so tests fix it and the build and the
freshness check agree.
"""
from __future__ import annotations

import calendar
import datetime
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playbook.load.front_matter import read_front_matter
from playbook.model import shapes
from playbook.model.facts import Playbook, Role
from playbook.model.schema import ID_PATTERN, Text, Where, describe_value
from playbook.problems import Problem

DEFAULT_EVERY_MONTHS = 6
DEFAULT_DUE_SOON_DAYS = 30

OVERDUE = "overdue"
DUE_SOON = "due soon"
CURRENT = "current"
_STATE_ORDER = (OVERDUE, DUE_SOON, CURRENT)

# The front matter keys, in the order CONTRIBUTING.md explains them.
OWNER, LAST_REVIEWED, EVERY = "owner", "last_reviewed", "review_every_months"
_ID_RE = re.compile(ID_PATTERN)
_OWNER_FIX = ("add 'owner:' to the front matter: a role id from data/roles.yml (such as "
              "implementation-project-manager) or a team name with capitals (such as Delivery leadership team)")


@dataclass(frozen=True)
class Settings:
    """The site-wide defaults, from extra.review in mkdocs.yml."""

    every_months: int = DEFAULT_EVERY_MONTHS
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS


@dataclass(frozen=True)
class Review:
    owner: str
    last_reviewed: datetime.date
    every_months: int

    @property
    def due(self) -> datetime.date:
        return add_months(self.last_reviewed, self.every_months)


@dataclass(frozen=True)
class PageStatus:
    """One page's review, as the page footer, the content health page and the check show it."""

    src_uri: str  # the page, relative to docs/
    title: str
    source: str  # the file an author edits to review it: docs/... or the data file it is made from
    review: Review
    state: str
    owner_role: Role | None  # the role when the owner is a role id; None for a team name

    @property
    def owner_name(self) -> str:
        return self.owner_role.title if self.owner_role else self.review.owner

    @property
    def due(self) -> datetime.date:
        return self.review.due


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when it is shorter (31 Aug + 6 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def state_of(review: Review, today: datetime.date, settings: Settings) -> str:
    if today > review.due:
        return OVERDUE
    if (review.due - today).days <= settings.due_soon_days:
        return DUE_SOON
    return CURRENT


def read_review(values: Mapping[str, Any], line_of: Callable[[str], int | None], file: str,
                roles: Mapping[str, Role], today: datetime.date, settings: Settings,
                *, where_missing: int | None = 1) -> tuple[Review | None, list[Problem]]:
    """Check a page's owner, last_reviewed and review_every_months; every problem, at its line.

    `values` is a page's front matter (or a data file's review block); `where_missing` is the
    line to blame for a key that is not there.
    """
    problems: list[Problem] = []

    def at(key: str) -> Where:
        return Where(file, line_of(key) or where_missing or 0, key)

    owner = values.get(OWNER)
    if OWNER not in values:
        problems.append(Problem(file, where_missing, "the page names no owner", _OWNER_FIX))
    elif Text().check(owner, at(OWNER)):
        problems.append(at(OWNER).problem(f"'owner' must be a role id or a team name, not {describe_value(owner)}",
                                          _OWNER_FIX))
    elif _ID_RE.match(owner.strip()) and owner.strip() not in roles:
        guess = difflib.get_close_matches(owner.strip(), list(roles), n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        problems.append(at(OWNER).problem(
            f"the owner '{owner}' looks like a role id, but data/roles.yml has no such role",
            f"{hint}use a role id from data/roles.yml, or write a team name with capitals or spaces "
            "(such as Delivery leadership team)"))

    last = values.get(LAST_REVIEWED)
    if LAST_REVIEWED not in values:
        problems.append(Problem(file, where_missing, "the page has no 'last_reviewed' date",
                                f"add 'last_reviewed: {today.isoformat()}' (the day someone last checked the page "
                                "against how we actually work)"))
    else:
        date_problems = shapes.REVIEW.fields[1].shape.check(last, at(LAST_REVIEWED))
        problems += date_problems
        if not date_problems and last > today:
            problems.append(at(LAST_REVIEWED).problem(
                f"'last_reviewed' is {last.isoformat()}, which is in the future",
                f"write the day the page was last reviewed: today ({today.isoformat()}) at the latest"))

    every = values.get(EVERY, settings.every_months)
    if EVERY in values:
        problems += shapes.REVIEW_EVERY_MONTHS.check(every, at(EVERY))

    if problems:
        return None, problems
    return Review(owner.strip(), last, every), []


def status(src_uri: str, title: str, source: str, review: Review, roles: Mapping[str, Role],
           today: datetime.date, settings: Settings) -> PageStatus:
    return PageStatus(src_uri, title, source, review, state_of(review, today, settings), roles.get(review.owner))


def health(statuses: Iterable[PageStatus]) -> list[PageStatus]:
    """Overdue first, then due soon, then current; within each, the earliest due date first."""
    return sorted(statuses, key=lambda s: (_STATE_ORDER.index(s.state), s.due, s.src_uri))


def overdue(statuses: Iterable[PageStatus]) -> list[PageStatus]:
    return [s for s in health(statuses) if s.state == OVERDUE]


# -- Reading a whole project: for tools/check_freshness.py and tools/validate_data.py ------------
# The build reads the same front matter through MkDocs' file list; these read docs/ directly, with
# the same functions, so the two can never disagree.

ROLE_PAGES_SOURCE = "data/roles.yml"


def written_pages(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.rglob("*.md"))


def project_statuses(root: Path, playbook: Playbook, today: datetime.date, settings: Settings,
                     docs_dir: str = "docs") -> tuple[list[PageStatus], list[Problem]]:
    """Every page's review (written pages and generated role pages), and every problem found."""
    from playbook.stage.generated_pages import role_pages  # generated_pages imports views, which import model: no cycle

    statuses: list[PageStatus] = []
    problems: list[Problem] = []
    docs = root / docs_dir
    for path in written_pages(docs):
        src_uri = path.relative_to(docs).as_posix()
        display = path.relative_to(root).as_posix()
        meta = read_front_matter(path.read_text(encoding="utf-8"), display)
        problems += meta.problems
        review, found = read_review(meta.values, meta.line_of, display, playbook.roles, today, settings)
        problems += found
        if review:
            title = meta.values.get("title") if isinstance(meta.values.get("title"), str) else src_uri
            statuses.append(status(src_uri, title, display, review, playbook.roles, today, settings))
    review, found = role_pages_review(playbook, today, settings)
    problems += found
    if review:
        statuses += [status(page.src, page.title, ROLE_PAGES_SOURCE, review, playbook.roles, today, settings)
                     for page in role_pages(playbook)]
    return statuses, problems


def role_pages_review(playbook: Playbook, today: datetime.date, settings: Settings) -> tuple[Review | None, list[Problem]]:
    """The review of the generated role pages, written once in data/roles.yml under role_pages."""
    given = playbook.role_pages_review
    if given is None:
        return None, []
    values = {OWNER: given.owner, LAST_REVIEWED: given.last_reviewed}
    if given.every_months is not None:
        values[EVERY] = given.every_months
    return read_review(values, lambda key: given.source.line, given.source.file, playbook.roles, today, settings,
                       where_missing=given.source.line)


def data_files_by_page(playbook: Playbook) -> dict[str, list[str]]:
    """The data files behind each page: its processes and their checklists, or the changelog."""
    found: dict[str, list[str]] = {}
    for process in playbook.processes.values():
        files = found.setdefault(process.page, [])
        files.append(process.source.file)
        files += [c.source.file for c in playbook.checklists_for(process.id)]
    if playbook.changelog_page and playbook.changelog_page_source:
        found.setdefault(playbook.changelog_page, []).append(playbook.changelog_page_source.file)
    return found
