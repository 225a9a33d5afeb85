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

import datetime
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from playbook.load.front_matter import FrontMatter, read_page
from playbook.model.facts import Playbook, Review, Role
from playbook.model.facts import add_months as add_months  # re-exported: the review calendar
from playbook.model.settings import ReviewSettings
from playbook.model.types import OWNER_FIX, is_id
from playbook.present import urls
from playbook.problems import Location, Problem

OVERDUE = "overdue"
DUE_SOON = "due soon"
CURRENT = "current"
_STATE_ORDER = (OVERDUE, DUE_SOON, CURRENT)

OWNER, LAST_REVIEWED, EVERY = "owner", "last_reviewed", "review_every_months"


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


def state_of(review: Review, today: datetime.date, settings: ReviewSettings) -> str:
    if today > review.due:
        return OVERDUE
    if (review.due - today).days <= settings.due_soon_days:
        return DUE_SOON
    return CURRENT


def read_review(page: FrontMatter, file: str, roles: Mapping[str, Role], today: datetime.date,
                settings: ReviewSettings) -> tuple[Review | None, list[Problem]]:
    """A page's review from its front matter, and every problem of the review rules, at its line.

    Mistakes of shape (a date that is no date) are the front matter's own problems, reported
    when it was read; a front matter that could not be read at all says so once, and is not also
    said to have no owner or no date."""
    if not page.readable:
        return None, []
    values, problems = page.values, []
    if values.owner is None and OWNER not in page.refused:
        problems.append(Problem(file, 1, "the page names no owner", OWNER_FIX))
    elif values.owner is not None:
        problems += _owner_rule(values.owner, Location(file, page.line_of(OWNER) or 1), roles)
    if values.last_reviewed is None and LAST_REVIEWED not in page.refused:
        problems.append(Problem(file, 1, "the page has no 'last_reviewed' date",
                                f"add 'last_reviewed: {today.isoformat()}' (the day someone last checked the page "
                                "against how we actually work)"))
    elif values.last_reviewed is not None:
        problems += _date_rule(values.last_reviewed, Location(file, page.line_of(LAST_REVIEWED) or 1), today)
    if problems or page.refused & {OWNER, LAST_REVIEWED, EVERY}:
        return None, problems
    return Review(owner=values.owner, last_reviewed=values.last_reviewed,
                  every_months=values.review_every_months or settings.every_months,
                  source=Location(file, page.line_of(OWNER) or 1)), []


def _owner_rule(owner: str, at: Location, roles: Mapping[str, Role]) -> list[Problem]:
    """An owner written like a role id must be one: a typo would leave the page owned by nobody."""
    if not is_id(owner) or owner in roles:
        return []
    guess = difflib.get_close_matches(owner, list(roles), n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return [at.problem(f"the owner '{owner}' looks like a role id, but data/roles.yml has no such role",
                       f"{hint}use a role id from data/roles.yml, or write a team name with capitals or spaces "
                       "(such as Delivery leadership team)")]


def _date_rule(last: datetime.date, at: Location, today: datetime.date) -> list[Problem]:
    """A review in the future is a typo, and would hide a stale page for years."""
    if last <= today:
        return []
    return [at.problem(f"'last_reviewed' is {last.isoformat()}, which is in the future",
                       f"write the day the page was last reviewed: today ({today.isoformat()}) at the latest")]


def status(src_uri: str, title: str, source: str, review: Review, roles: Mapping[str, Role],
           today: datetime.date, settings: ReviewSettings) -> PageStatus:
    return PageStatus(src_uri, title, source, review, state_of(review, today, settings), roles.get(review.owner))


def health(statuses: Iterable[PageStatus]) -> list[PageStatus]:
    """Overdue first, then due soon, then current; within each, the earliest due date first."""
    return sorted(statuses, key=lambda s: (_STATE_ORDER.index(s.state), s.due, s.src_uri))


def overdue(statuses: Iterable[PageStatus]) -> list[PageStatus]:
    return [s for s in health(statuses) if s.state == OVERDUE]


# -- Reading a whole project: for tools/check_freshness.py and tools/validate_data.py ------------
# The build reads the same front matter through the engine's file list; these read docs/ directly,
# with the same functions, so the two can never disagree.

ROLE_PAGES_SOURCE = "data/roles.yml"


def project_statuses(root: Path, playbook: Playbook, today: datetime.date, settings: ReviewSettings,
                     docs_dir: str = "docs") -> tuple[list[PageStatus], list[Problem]]:
    """Every page's review (written pages and generated role pages), and every problem found."""
    statuses: list[PageStatus] = []
    problems: list[Problem] = []
    docs = root / docs_dir
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        display = path.relative_to(root).as_posix()
        page = read_page(path, display)
        problems += page.problems
        review, found = read_review(page, display, playbook.roles, today, settings)
        problems += found
        if review:
            statuses.append(status(src_uri, page.values.title or src_uri, display, review, playbook.roles, today,
                                   settings))
    review, found = role_pages_review(playbook, today, settings)
    problems += found
    if review:
        statuses += [status(urls.role_page_uri(role.id), role.title, ROLE_PAGES_SOURCE, review, playbook.roles, today,
                            settings) for role in playbook.roles.values()]
    return statuses, problems


def role_pages_review(playbook: Playbook, today: datetime.date,
                      settings: ReviewSettings) -> tuple[Review | None, list[Problem]]:
    """The review of the generated role pages, written once in data/roles.yml under role_pages."""
    given = playbook.role_pages_review
    if given is None:
        return None, []
    at = given.source or Location(ROLE_PAGES_SOURCE, 1)
    problems = _owner_rule(given.owner, at, playbook.roles) + _date_rule(given.last_reviewed, at, today)
    if problems:
        return None, problems
    return given.model_copy(update={"every_months": given.every_months or settings.every_months}), []


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
