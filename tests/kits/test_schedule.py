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


def test_public_holidays_and_days_off_are_not_working_days(sources, tmp_path):
    """The example's go-live was written on Good Friday: it moves to the Thursday before and says
    so; hypercare starts after Easter Monday, and says why; no phase starts or ends on a day off."""
    project = example_project(sources)
    schedule, days = project.schedule, project.schedule.working_days
    assert schedule.go_live == D(2027, 3, 25) and schedule.go_live_moved.expected == D(2027, 3, 26)
    assert schedule.go_live_moved.reason == "Good Friday" and days.region == "England"
    hypercare = schedule.of("hypercare")
    assert hypercare.start == D(2027, 3, 30)
    assert (hypercare.start_moved.expected, hypercare.start_moved.reason) == (D(2027, 3, 26),
                                                                               "Good Friday and Easter Monday")
    for phase in schedule.phases:
        assert days.is_working_day(phase.start) and days.is_working_day(phase.end), phase.id
    assert days.add(D(2026, 12, 23), 1) == D(2027, 1, 4)   # the closure, Christmas and New Year skipped
    # Another country, another region, other holidays: Bavaria keeps Epiphany, England does not.
    text = edited({"  country: GB\n  region: ENG ": "  country: DE\n  region: BY "})
    bavarian, problems = load_text(tmp_path, text, sources)
    assert problems == [] and D(2027, 1, 6) in bavarian.schedule.working_days.days_off
    assert D(2027, 1, 6) not in days.days_off


@pytest.mark.parametrize(("replacements", "where", "message"), [
    ({"  region: ENG ": "  region: ENGLAND "}, "region:", "'ENGLAND' is not a region of GB the holidays package knows"),
    ({"  country: GB": "  country: EN"}, "country:", "'EN' is not a country the holidays package knows"),
    ({"kickoff: 2026-10-05": "kickoff: 2026-12-25"}, "kickoff:", "kickoff (2026-12-25) is Christmas Day, a day off"),
])
def test_holidays_mistakes_stop_at_their_line(sources, tmp_path, replacements, where, message):
    text = edited(replacements)
    project, problems = load_text(tmp_path, text, sources)
    assert project is None
    assert [(p.line, p.message) for p in problems] == [(line_of(text, where), message)]


def test_working_days_skip_weekends():
    friday = D(2027, 1, 8)
    assert add_working_days(friday, 1) == D(2027, 1, 11)
    assert add_working_days(D(2027, 1, 11), -1) == friday
    assert working_days_between(D(2027, 1, 4), D(2027, 1, 17)) == 10
    assert working_days_between(D(2027, 1, 9), D(2027, 1, 10)) == 0


def test_with_exactly_the_default_time_every_phase_takes_its_default(sources, tmp_path):
    # 100 working days from Monday 7 June to Monday 25 October 2027 (England's late summer bank
    # holiday, 30 August, is not one): the defaults of kickoff to go-live
    text = edited({"kickoff: 2026-10-05": "kickoff: 2027-06-07", "go_live: 2027-03-26": "go_live: 2027-10-25",
                   "    working_days: 25 ": "    working_days: 20 "})
    project, problems = load_text(tmp_path, text, sources)
    assert problems == []
    assert dates(project) == {
        "handoff": ("2027-05-28", "2027-06-04", 5),        # Monday 31 May is the spring bank holiday
        "kickoff": ("2027-06-07", "2027-06-18", 10),
        "discovery-and-design": ("2027-06-21", "2027-07-16", 20),
        "build": ("2027-07-19", "2027-09-13", 40),         # 30 August skipped
        "testing": ("2027-09-14", "2027-10-04", 15),
        "training": ("2027-10-05", "2027-10-18", 10),
        "go-live": ("2027-10-19", "2027-10-25", 5),
        "hypercare": ("2027-10-26", "2027-11-22", 20),
        "close-and-handover": ("2027-11-23", "2027-12-06", 10),
    }


def test_more_time_stretches_every_phase_in_proportion(sources):
    project = example_project(sources)  # 117 working days for the 100 of the defaults; hypercare set to 25
    got = dates(project)
    assert got["kickoff"][0] == "2026-10-05" and got["go-live"][1] == "2027-03-25"
    between = ["kickoff", "discovery-and-design", "build", "testing", "training", "go-live"]
    assert sum(got[p][2] for p in between) == project.schedule.working_days.between(D(2026, 10, 5), D(2027, 3, 25)) \
        == working_days_between(D(2026, 10, 5), D(2027, 3, 25)) - 7 == 117   # 3 bank holidays, 4 days closed
    assert got["build"][2] == 47 and got["kickoff"][2] == 12  # 40 and 10 by default, times 1.17
    assert got["hypercare"] == ("2027-03-30", "2027-05-04", 25)  # the project's own length, from go-live on


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
    assert (upcoming.day, upcoming.title) == (D(2027, 2, 5), "Testing and user acceptance: phase starts")
    assert schedule.next_milestone(D(2027, 3, 20)).title == "Go-live"
