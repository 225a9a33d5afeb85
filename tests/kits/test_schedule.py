"""A project's dates follow from kickoff, go-live and the phases' default lengths, as
projects/README.md promises; impossible plans stop with the line to change."""
from __future__ import annotations

import datetime

import pytest

from playbook.kits.schedule import add_working_days, working_days_between
from tests.kits.helpers import EXAMPLE_ID, edited, example_project, line_of, load_text, real_sources

D = datetime.date


@pytest.fixture(scope="module")
def sources():
    return real_sources()


def dates(project) -> dict[str, tuple[str, str, int]]:
    return {p.id: (p.start.isoformat(), p.end.isoformat(), p.working_days) for p in project.schedule.phases}


def test_working_days_skip_weekends():
    friday = D(2027, 1, 8)
    assert add_working_days(friday, 1) == D(2027, 1, 11)
    assert add_working_days(D(2027, 1, 11), -1) == friday
    assert working_days_between(D(2027, 1, 4), D(2027, 1, 17)) == 10
    assert working_days_between(D(2027, 1, 9), D(2027, 1, 10)) == 0


def test_with_exactly_the_default_time_every_phase_takes_its_default(sources, tmp_path):
    # 100 working days from Monday 11 January to Friday 28 May 2027: the defaults of kickoff to go-live
    text = edited({"kickoff: 2026-10-05": "kickoff: 2027-01-11", "go_live: 2027-03-26": "go_live: 2027-05-28",
                   "    working_days: 25 ": "    working_days: 20 "})
    project, problems = load_text(tmp_path, text, sources)
    assert problems == []
    assert dates(project) == {
        "handoff": ("2027-01-04", "2027-01-08", 5),
        "kickoff": ("2027-01-11", "2027-01-22", 10),
        "discovery-and-design": ("2027-01-25", "2027-02-19", 20),
        "build": ("2027-02-22", "2027-04-16", 40),
        "testing": ("2027-04-19", "2027-05-07", 15),
        "training": ("2027-05-10", "2027-05-21", 10),
        "go-live": ("2027-05-24", "2027-05-28", 5),
        "hypercare": ("2027-05-31", "2027-06-25", 20),
        "close-and-handover": ("2027-06-28", "2027-07-09", 10),
    }


def test_more_time_stretches_every_phase_in_proportion(sources):
    project = example_project(sources)  # 125 working days for the 100 of the defaults; hypercare set to 25
    got = dates(project)
    assert got["kickoff"][0] == "2026-10-05" and got["go-live"][1] == "2027-03-26"
    between = ["kickoff", "discovery-and-design", "build", "testing", "training", "go-live"]
    assert sum(got[p][2] for p in between) == working_days_between(D(2026, 10, 5), D(2027, 3, 26)) == 125
    assert got["build"][2] == 50 and got["kickoff"][2] == 12  # 40 and 10 by default, times 1.25
    assert got["hypercare"] == ("2027-03-29", "2027-04-30", 25)  # the project's own length, from go-live on


def test_a_pinned_phase_start_splits_the_plan(sources, tmp_path):
    text = edited({"phases:\n": "phases:\n  build:\n    start: 2026-12-07\n"})
    project, problems = load_text(tmp_path, text, sources)
    assert problems == []
    got = dates(project)
    assert got["build"][0] == "2026-12-07"
    assert got["discovery-and-design"][1] == "2026-12-04"   # the working day before
    assert got["kickoff"][2] + got["discovery-and-design"][2] == working_days_between(D(2026, 10, 5), D(2026, 12, 4))


@pytest.mark.parametrize(("replacements", "where", "message"), [
    ({"go_live: 2027-03-26": "go_live: 2026-10-07"}, "go_live:",
     "only 3 working day(s) from 2026-10-05 to 2026-10-07 for the 6 phase(s) kickoff, discovery-and-design, build, "
     "testing, training, go-live"),
    ({"kickoff: 2026-10-05": "kickoff: 2026-10-03"}, "kickoff:", "kickoff (2026-10-03) is a Saturday"),
    ({"phases:\n": "phases:\n  testing:\n    start: 2026-11-02\n  build:\n    start: 2026-12-07\n"}, "start: 2026-11-02",
     "'testing' is dated on or before 'build', which comes first in the lifecycle"),
])
def test_dates_that_cannot_work_stop_at_their_line(sources, tmp_path, replacements, where, message):
    text = edited(replacements)
    project, problems = load_text(tmp_path, text, sources)
    assert project is None
    assert [(p.file, p.line, p.message) for p in problems] == [(f"projects/{EXAMPLE_ID}.yml", line_of(text, where),
                                                               message)]


def test_items_fall_due_on_the_first_or_last_day_of_their_phase(sources):
    project = example_project(sources)
    readiness = sources.playbook.checklists["kickoff-readiness"]
    items = {i.id: i for i in readiness.items}
    assert items["attendees-confirmed"].due_at == "phase-start"
    assert project.schedule.due(items["attendees-confirmed"], "kickoff") == D(2026, 10, 5)
    assert project.schedule.due(items["access-requested"], "kickoff") == D(2026, 10, 20)
    change = sources.playbook.checklists["change-request-assessment"].items[0]
    assert project.schedule.due(change, "change-request") is None  # not a phase: no date


def test_the_phase_today_and_the_next_milestone(sources):
    schedule = example_project(sources).schedule
    assert schedule.phase_on(D(2026, 11, 30)).id == "build"
    assert schedule.phase_on(D(2026, 10, 3)) .id == "handoff"   # a Saturday between two phases: the one before
    assert schedule.phase_on(D(2026, 9, 1)) is None and schedule.phase_on(D(2027, 6, 1)) is None
    upcoming = schedule.next_milestone(D(2026, 11, 30))
    assert (upcoming.day, upcoming.title) == (D(2027, 2, 4), "Testing and user acceptance: phase starts")
    assert schedule.next_milestone(D(2027, 3, 20)).title == "Go-live"
