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
- Working days are Monday to Friday; a phase's last day is the working day before the next one
  starts, except the go-live phase, which ends on the go-live date whatever day that is.

A checklist item falls due on the first or the last day of its process's phase (`due_at`);
items of a process that is not a phase have no date.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from playbook.model.facts import ChecklistItem, Playbook, Process

ONE_DAY = datetime.timedelta(days=1)


class ScheduleError(Exception):
    """The dates cannot be worked out; keys say where in the project file the cause is."""

    def __init__(self, keys: tuple, message: str, fix: str) -> None:
        super().__init__(message)
        self.keys, self.message, self.fix = keys, message, fix


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5


def next_working_day(day: datetime.date) -> datetime.date:
    while not is_working_day(day):
        day += ONE_DAY
    return day


def previous_working_day(day: datetime.date) -> datetime.date:
    while not is_working_day(day):
        day -= ONE_DAY
    return day


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The working day `count` working days after (or, negative, before) the working day `day`."""
    step = ONE_DAY if count >= 0 else -ONE_DAY
    for _ in range(abs(count)):
        day += step
        while not is_working_day(day):
            day += step
    return day


def working_days_between(first: datetime.date, last: datetime.date) -> int:
    """Working days from first to last, both included."""
    if last < first:
        return 0
    days = (last - first).days + 1
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(rest):
        if is_working_day(first + datetime.timedelta(days=weeks * 7 + offset)):
            count += 1
    return count


@dataclass(frozen=True)
class PhaseDates:
    process: Process
    start: datetime.date
    end: datetime.date
    working_days: int      # the working days from start to end, both included
    default_days: int      # what the phase would take by its default (or the project's own length)

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


def plan_schedule(playbook: Playbook, project: Any, settings: Any) -> Schedule:
    """The project's phase dates; ScheduleError when they cannot fit. project is a ProjectFile."""
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
        raise ScheduleError(("kickoff",), f"kickoff ({project.kickoff.isoformat()}) is a {project.kickoff:%A}",
                            "hold the kickoff on a working day, Monday to Friday")
    for index, process in enumerate(phases):
        own = project.phases.get(process.id)
        if not own or not own.start:
            continue
        keys = ("phases", process.id, "start")
        if index == kickoff_at:
            raise ScheduleError(keys, "the kickoff phase starts on the kickoff date",
                                "remove this start and change 'kickoff' instead")
        if not is_working_day(own.start):
            raise ScheduleError(keys, f"the start of '{process.id}' ({own.start.isoformat()}) is a {own.start:%A}",
                                "start a phase on a working day, Monday to Friday")
        if index <= go_live_at < len(phases) and own.start > project.go_live:
            raise ScheduleError(keys, f"'{process.id}' would start after go-live ({project.go_live.isoformat()})",
                                "start it on or before go-live, or move go_live")
        if index > go_live_at and own.start <= project.go_live:
            raise ScheduleError(keys, f"'{process.id}' comes after go-live but starts on or before it",
                                f"start it after {project.go_live.isoformat()}")
        fixed[index] = (own.start, keys)
    after_go_live = go_live_at + 1
    if after_go_live not in fixed:
        fixed[after_go_live] = (next_working_day(project.go_live + ONE_DAY), ("go_live",))
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
            span_end, blame = project.go_live, ("go_live",)
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
        if index == go_live_at:
            end = project.go_live
        elif index + 1 < len(phases):
            end = previous_working_day(starts[index + 1] - ONE_DAY)
        else:
            end = add_working_days(start, days[index] - 1)
        dated.append(PhaseDates(process, start, end, working_days_between(start, end), lengths[index]))
    return Schedule(tuple(dated), project.kickoff, project.go_live)


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
