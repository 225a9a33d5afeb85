"""The review rules, with a fixed "today": owners, review dates, due dates, states and the order
of the content health page; and the one git call that dates every file."""
import datetime
import json

import pytest

from playbook.load import history
from playbook.load import review as page_review
from playbook.load.front_matter import read_front_matter
from playbook.model.facts import Review, Role
from playbook.model.settings import ReviewSettings
from playbook.problems import Location

TODAY = datetime.date(2026, 11, 25)
SETTINGS = ReviewSettings(every_months=6, due_soon_days=30)
ROLES = {"project-manager": Role(id="project-manager", title="Project manager", side="firm", summary="Runs it.",
                                 audience="customer", source=Location("data/roles.yml", 3))}
LINES = {"owner": 4, "last_reviewed": 5, "review_every_months": 6}


def page(**values) -> str:
    """A page whose front matter holds values on the lines LINES gives (a comment where one is not written)."""
    def written(value):
        return value.isoformat() if isinstance(value, datetime.date) else json.dumps(value)

    lines = ["---", "title: Page", "audience: internal"]
    lines += [f"{key}: {written(values[key])}" if key in values else "# not written" for key in LINES]
    return "\n".join([*lines, "---", "", "# Page", ""])


def read(**values):
    front = read_front_matter(page(**values), "docs/page.md")
    review, problems = page_review.read_review(front, "docs/page.md", ROLES, TODAY, SETTINGS)
    return review, [*front.problems, *problems]


def messages(**values):
    review, problems = read(**values)
    assert review is None
    return [str(p) for p in problems]


def test_a_role_id_or_a_team_name_is_an_owner():
    review, problems = read(owner="project-manager", last_reviewed=datetime.date(2026, 11, 1))
    assert problems == []
    assert (review.owner, review.last_reviewed, review.every_months) == ("project-manager", datetime.date(2026, 11, 1), 6)
    assert review.source == Location("docs/page.md", 4)
    review, problems = read(owner="Delivery leadership team", last_reviewed=datetime.date(2026, 11, 1),
                            review_every_months=3)
    assert problems == [] and review.every_months == 3


def test_missing_owner_and_date_are_both_reported_at_the_front_matter():
    assert messages() == [
        "docs/page.md:1: the page names no owner — add 'owner:' to the front matter: a role id from data/roles.yml "
        "(such as implementation-project-manager) or a team name with capitals (such as Delivery leadership team)",
        "docs/page.md:1: the page has no 'last_reviewed' date — add 'last_reviewed: 2026-11-25' (the day someone last "
        "checked the page against how we actually work)"]


def test_an_owner_that_looks_like_an_id_must_be_a_role():
    found = messages(owner="project-manger", last_reviewed=datetime.date(2026, 11, 1))
    assert found == ["docs/page.md:4: the owner 'project-manger' looks like a role id, but data/roles.yml has no such "
                     "role — did you mean 'project-manager'? use a role id from data/roles.yml, or write a team name "
                     "with capitals or spaces (such as Delivery leadership team)"]


@pytest.mark.parametrize("value, expected", [
    ("last week", "docs/page.md:5: 'last_reviewed' must be a date written as YYYY-MM-DD, not 'last week'"),
    (datetime.date(2026, 11, 26), "docs/page.md:5: 'last_reviewed' is 2026-11-26, which is in the future"),
    (20261101, "docs/page.md:5: 'last_reviewed' must be a date written as YYYY-MM-DD, not the number 20261101"),
])
def test_a_review_date_must_be_a_real_past_date(value, expected):
    assert messages(owner="project-manager", last_reviewed=value)[0].startswith(expected)


@pytest.mark.parametrize("every", [0, 25, "6", True])
def test_the_review_interval_is_a_whole_number_of_months(every):
    found = messages(owner="project-manager", last_reviewed=TODAY, review_every_months=every)
    assert found[0].startswith("docs/page.md:6: 'review_every_months' must be a whole number from 1 to 24")


@pytest.mark.parametrize("day, months, due", [
    (datetime.date(2026, 5, 25), 6, datetime.date(2026, 11, 25)),
    (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),  # a shorter month: its last day
    (datetime.date(2027, 8, 31), 6, datetime.date(2028, 2, 29)),
    (datetime.date(2026, 12, 15), 1, datetime.date(2027, 1, 15)),
    (datetime.date(2026, 1, 10), 24, datetime.date(2028, 1, 10)),
])
def test_add_months(day, months, due):
    assert page_review.add_months(day, months) == due


@pytest.mark.parametrize("last_reviewed, state", [
    (datetime.date(2026, 5, 25), page_review.DUE_SOON),   # due today: not yet overdue
    (datetime.date(2026, 5, 24), page_review.OVERDUE),    # due yesterday
    (datetime.date(2026, 6, 25), page_review.DUE_SOON),   # due in 30 days
    (datetime.date(2026, 6, 26), page_review.CURRENT),    # due in 31 days
])
def test_state_boundaries(last_reviewed, state):
    assert page_review.state_of(Review(owner="x", last_reviewed=last_reviewed, every_months=6), TODAY, SETTINGS) == state


def test_content_health_lists_overdue_first_then_due_soon_then_current_each_by_due_date():
    def row(src, last_reviewed):
        review = Review(owner="Team", last_reviewed=last_reviewed, every_months=6)
        return page_review.status(src, src, f"docs/{src}", review, ROLES, TODAY, SETTINGS)

    rows = [row("current.md", datetime.date(2026, 11, 1)), row("soon.md", datetime.date(2026, 6, 1)),
            row("late.md", datetime.date(2026, 1, 1)), row("later.md", datetime.date(2025, 1, 1))]
    assert [r.src_uri for r in page_review.health(rows)] == ["later.md", "late.md", "soon.md", "current.md"]
    assert [r.src_uri for r in page_review.overdue(rows)] == ["later.md", "late.md"]


def test_git_log_gives_each_file_its_newest_date():
    log = "\x002026-11-25\n\ndocs/a.md\n\n\x002026-10-01\n\ndocs/a.md\ndata/roles.yml\n"
    assert history.parse_log(log) == {"docs/a.md": datetime.date(2026, 11, 25),
                                      "data/roles.yml": datetime.date(2026, 10, 1)}


def test_without_git_history_the_file_date_is_used_and_said(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("x")
    assert history.git_dates(tmp_path, ("docs",)) is None
    changed = history.last_changed(tmp_path, "docs/a.md", None)
    assert changed.source == history.FILE_DATE and changed.note == "no git history here"
    assert history.last_changed(tmp_path, "docs/a.md", {}).note == "not committed yet"
    assert history.last_changed(tmp_path, "docs/a.md", {"docs/a.md": TODAY}) == history.Changed(TODAY, history.GIT)


def test_each_page_knows_the_data_files_behind_it():
    from playbook.load.data_folder import load_playbook
    from tests.sites import ROOT

    playbook = load_playbook(ROOT / "data", root=ROOT)
    by_page = page_review.data_files_by_page(playbook)
    for process in playbook.processes.values():
        files = by_page[process.page]
        assert process.source.file in files
        for checklist in playbook.checklists_for(process.id):
            assert checklist.source.file in files
            assert files.index(checklist.source.file) > files.index(process.source.file)
    assert by_page[playbook.changelog_page][-1] == playbook.changelog_page_source.file
    assert all(page.endswith(".md") for page in by_page)
