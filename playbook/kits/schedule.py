"""A project's dates: each phase's first and last day, the milestones, and when items fall due.

The rule, as the project file's readers are told it (projects/README.md):

- The kickoff date is the first day of the kickoff phase; the go-live date is the last day of the
  go-live phase. A project file may also pin any phase's first day (`phases: {id: {start: ...}}`).
- Between two fixed days, the phases share the working days in proportion to their lengths (the
  phase's `default_working_days` in data/, or the project's own `working_days` for it), each
  getting at least one. So a project with more time than the defaults stretches every phase a
  little instead of leaving a gap, and one with less squeezes them, down to one day each.
- Before the first fixed day (the handoff) and after the last (hypercare, close) phases take
  exactly their length, counted back from kickoff or on from go-live.
- Working days are Monday to Friday except the public holidays of the project's country and
  region (the `holidays` package) and the days off the project file lists. A phase's last day is
  the working day before the next one starts, except the go-live phase, which ends on the go-live
  date. A go-live written on a day off moves to the working day before; a phase that would start
  on a day off starts on the next working day; each such move is kept (`Moved`), so every output
  that shows the date says why it is not the expected one.

A checklist item falls due on the first or the last day of its process's phase (`due_at`);
items of a process that is not a phase have no date.
"""
from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from playbook.model.facts import ChecklistItem, Playbook, Process

ONE_DAY = datetime.timedelta(days=1)


class ScheduleError(Exception):
    """The dates cannot be worked out; keys say where in the project file the cause is."""

    def __init__(self, keys: tuple, message: str, fix: str) -> None:
        super().__init__(message)
        self.keys, self.message, self.fix = keys, message, fix


@dataclass(frozen=True)
class WorkingDays:
    """Monday to Friday, less the days off (public holidays and agreed closures, with their names)."""

    days_off: Mapping[datetime.date, str] = field(default_factory=lambda: MappingProxyType({}))
    region: str = ""   # whose public holidays they are, as readers know it: 'England', 'Bayern'

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.days_off

    def next(self, day: datetime.date) -> datetime.date:
        """day itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def previous(self, day: datetime.date) -> datetime.date:
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def add(self, day: datetime.date, count: int) -> datetime.date:
        """The working day `count` working days after (or, negative, before) the working day `day`."""
        step = ONE_DAY if count >= 0 else -ONE_DAY
        for _ in range(abs(count)):
            day += step
            while not self.is_working_day(day):
                day += step
        return day

    def between(self, first: datetime.date, last: datetime.date) -> int:
        """Working days from first to last, both included."""
        if last < first:
            return 0
        days = (last - first).days + 1
        weeks, rest = divmod(days, 7)
        count = weeks * 5 + sum(1 for offset in range(rest)
                                if (first + datetime.timedelta(days=weeks * 7 + offset)).weekday() < 5)
        return count - sum(1 for day in self.days_off if first <= day <= last and day.weekday() < 5)

    def off_between(self, first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, str]]:
        """The days off that fall on a weekday from first to last, in order."""
        return sorted((day, name) for day, name in self.days_off.items() if first <= day <= last and day.weekday() < 5)


WEEKENDS_ONLY = WorkingDays()


def is_working_day(day: datetime.date) -> bool:
    return WEEKENDS_ONLY.is_working_day(day)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    return WEEKENDS_ONLY.add(day, count)


def working_days_between(first: datetime.date, last: datetime.date) -> int:
    return WEEKENDS_ONLY.between(first, last)


@dataclass(frozen=True)
class Moved:
    """A date that is not where the plan would have put it, because of a day off."""

    expected: datetime.date    # the day it would have been (written in the project file, or counted)
    reason: str                # the day off's name, such as 'Good Friday'


@dataclass(frozen=True)
class PhaseDates:
    process: Process
    start: datetime.date
    end: datetime.date
    working_days: int      # the working days from start to end, both included
    default_days: int      # what the phase would take by its default (or the project's own length)
    start_moved: Moved | None = None   # it starts later than the day after the phase before, because of a day off

    @property
    def id(self) -> str:
        return self.process.id

    @property
    def title(self) -> str:
        return self.process.title


@dataclass(frozen=True)
class Milestone:
    day: datetime.date
    title: str
    kind: str   # kickoff | phase | go-live | close


@dataclass(frozen=True)
class Schedule:
    phases: tuple[PhaseDates, ...]
    kickoff: datetime.date
    go_live: datetime.date
    working_days: WorkingDays = WEEKENDS_ONLY
    go_live_moved: Moved | None = None   # the project file's go-live was a day off

    @property
    def days_off(self) -> list[tuple[datetime.date, str]]:
        """The days off from the project's first day to its last, in order."""
        return self.working_days.off_between(self.start, self.end)

    @property
    def start(self) -> datetime.date:
        return self.phases[0].start

    @property
    def end(self) -> datetime.date:
        return self.phases[-1].end

    def of(self, process_id: str) -> PhaseDates | None:
        return next((p for p in self.phases if p.id == process_id), None)

    def due(self, item: ChecklistItem, process_id: str) -> datetime.date | None:
        """The latest day for a checklist item: the first or last day of its process's phase."""
        phase = self.of(process_id)
        if phase is None:
            return None
        return phase.start if item.due_at == "phase-start" else phase.end

    def phase_on(self, day: datetime.date) -> PhaseDates | None:
        """The phase under way on day (the one before, on a day between two); None outside the project."""
        if day < self.start or day > self.end:
            return None
        return [p for p in self.phases if p.start <= day][-1]

    def milestones(self) -> list[Milestone]:
        found = [Milestone(self.kickoff, "Kickoff meeting", "kickoff")]
        found += [Milestone(p.start, f"{p.title}: phase starts", "phase") for p in self.phases if p.start != self.kickoff]
        found.append(Milestone(self.go_live, "Go-live", "go-live"))
        found.append(Milestone(self.end, "Project closes", "close"))
        return sorted(found, key=lambda m: (m.day, m.kind != "go-live"))

    def next_milestone(self, today: datetime.date) -> Milestone | None:
        return next((m for m in self.milestones() if m.day >= today), None)


def plan_schedule(playbook: Playbook, project: Any, settings: Any, working: WorkingDays = WEEKENDS_ONLY) -> Schedule:
    """The project's phase dates; ScheduleError when they cannot fit. project is a ProjectFile."""
    is_working_day, next_working_day, previous_working_day = working.is_working_day, working.next, working.previous
    add_working_days, working_days_between = working.add, working.between
    phases = playbook.phases()
    ids = [p.id for p in phases]
    for setting, value in (("kickoff_phase", settings.kickoff_phase), ("go_live_phase", settings.go_live_phase)):
        if value not in ids:
            raise ScheduleError((), f"extra.projects.{setting} in mkdocs.yml names '{value}', which is not a phase",
                                f"name one of the phases: {', '.join(ids)}")
    kickoff_at, go_live_at = ids.index(settings.kickoff_phase), ids.index(settings.go_live_phase)
    if go_live_at < kickoff_at:
        raise ScheduleError((), "in mkdocs.yml, extra.projects.go_live_phase comes before kickoff_phase",
                            "name phases in their lifecycle order")
    lengths = []
    for process in phases:
        own = project.phases.get(process.id)
        length = own.working_days if own and own.working_days else process.phase.default_working_days
        if not length:
            raise ScheduleError(("phases",), f"the phase '{process.id}' has no default length",
                                f"add 'default_working_days:' to its phase in data/processes/{process.id}.yml, "
                                f"or give 'phases: {{{process.id}: {{working_days: ...}}}}' here")
        lengths.append(length)

    # Fixed first days, by phase index; where they come from, for messages.
    fixed: dict[int, tuple[datetime.date, tuple]] = {kickoff_at: (project.kickoff, ("kickoff",))}
    if not is_working_day(project.kickoff):
        raise ScheduleError(("kickoff",), f"kickoff ({project.kickoff.isoformat()}) is {_day_off(working, project.kickoff)}",
                            "hold the kickoff on a working day, Monday to Friday and not a public holiday")
    go_live = project.go_live
    go_live_moved = None
    if not is_working_day(go_live):
        # Nobody goes live on a holiday: the day before it, and every output says so.
        go_live = previous_working_day(go_live)
        go_live_moved = Moved(project.go_live, working.days_off.get(project.go_live) or f"a {project.go_live:%A}")
    for index, process in enumerate(phases):
        own = project.phases.get(process.id)
        if not own or not own.start:
            continue
        keys = ("phases", process.id, "start")
        if index == kickoff_at:
            raise ScheduleError(keys, "the kickoff phase starts on the kickoff date",
                                "remove this start and change 'kickoff' instead")
        if not is_working_day(own.start):
            raise ScheduleError(keys, f"the start of '{process.id}' ({own.start.isoformat()}) is "
                                f"{_day_off(working, own.start)}", "start a phase on a working day, Monday to Friday "
                                "and not a public holiday")
        if index <= go_live_at < len(phases) and own.start > go_live:
            raise ScheduleError(keys, f"'{process.id}' would start after go-live ({go_live.isoformat()})",
                                "start it on or before go-live, or move go_live")
        if index > go_live_at and own.start <= go_live:
            raise ScheduleError(keys, f"'{process.id}' comes after go-live but starts on or before it",
                                f"start it after {project.go_live.isoformat()}")
        fixed[index] = (own.start, keys)
    after_go_live = go_live_at + 1
    if after_go_live not in fixed:
        fixed[after_go_live] = (next_working_day(go_live + ONE_DAY), ("go_live",))
    order = sorted(fixed)
    for earlier, later in zip(order, order[1:], strict=False):
        if fixed[later][0] <= fixed[earlier][0]:
            raise ScheduleError(fixed[later][1],
                                f"'{ids[later] if later < len(ids) else 'go-live'}' is dated on or before "
                                f"'{ids[earlier]}', which comes first in the lifecycle",
                                "give the phases dates in their lifecycle order")

    starts: dict[int, datetime.date] = {}
    days: dict[int, int] = {}
    first = order[0]
    # Before the first fixed day: each phase takes its length, counted back.
    cursor = fixed[first][0]
    for index in range(first - 1, -1, -1):
        cursor = add_working_days(previous_working_day(cursor - ONE_DAY), -(lengths[index] - 1))
        starts[index], days[index] = cursor, lengths[index]
    # Between fixed days: the phases share the working days in proportion to their lengths.
    for begin, stop in zip(order, order[1:], strict=False):
        span_start, span_end = fixed[begin][0], fixed[stop][0] - ONE_DAY
        members = list(range(begin, min(stop, len(phases))))
        blame = fixed[stop][1]
        if go_live_at in members:  # the go-live phase ends on go-live, even when the next phase starts later
            span_end, blame = go_live, ("go_live",)
        available = working_days_between(span_start, span_end)
        if available < len(members):
            raise ScheduleError(blame,
                                f"only {available} working day(s) from {span_start.isoformat()} to "
                                f"{span_end.isoformat()} for the {len(members)} phase(s) "
                                f"{', '.join(ids[i] for i in members)}",
                                "move the later date on, or the earlier one back: each phase needs at least one day")
        shares = _share(available, [lengths[i] for i in members])
        cursor = span_start
        for index, share in zip(members, shares, strict=True):
            starts[index], days[index] = cursor, share
            cursor = add_working_days(cursor, share)
    # After the last fixed day: each phase takes its length.
    last = order[-1]
    cursor = fixed[last][0] if last < len(phases) else None
    for index in range(last, len(phases)):
        starts[index], days[index] = cursor, lengths[index]
        cursor = add_working_days(cursor, lengths[index])

    dated = []
    for index, process in enumerate(phases):
        start = starts[index]
        moved = None
        if index:
            expected = WEEKENDS_ONLY.next(dated[-1].end + ONE_DAY) if index - 1 != go_live_at else \
                WEEKENDS_ONLY.next(go_live + ONE_DAY)
            if expected < start and expected in working.days_off:
                skipped = dict.fromkeys(name for _, name in working.off_between(expected, start - ONE_DAY))
                moved = Moved(expected, " and ".join(skipped))
        if index == go_live_at:
            end = go_live
        elif index + 1 < len(phases):
            end = previous_working_day(starts[index + 1] - ONE_DAY)
        else:
            end = add_working_days(start, days[index] - 1)
        dated.append(PhaseDates(process, start, end, working_days_between(start, end), lengths[index], moved))
    return Schedule(tuple(dated), project.kickoff, go_live, working, go_live_moved)


def _day_off(days: WorkingDays, day: datetime.date) -> str:
    name = days.days_off.get(day)
    return f"{name}, a day off" if name and day.weekday() < 5 else f"a {day:%A}"


def _share(total: int, weights: list[int]) -> list[int]:
    """total split in proportion to weights, in whole numbers of at least 1 that add up to total
    (the caller makes sure total is at least the number of weights). With total equal to the sum
    of the weights, each share is its weight."""
    shares = _rounded(total, weights)
    if min(shares) >= 1:
        return shares
    return [1 + share for share in _rounded(total - len(weights), weights)]  # one day each, the rest shared


def _rounded(total: int, weights: list[int]) -> list[int]:
    whole = sum(weights)
    shares, given, running = [], 0, 0
    for weight in weights:
        running += weight
        upto = round(total * running / whole)
        shares.append(upto - given)
        given = upto
    return shares
