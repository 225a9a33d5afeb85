"""One project's facts, exactly as its kit shows them: people by name, dates, RACI, choices.

Every output of a kit (deck, appendix, calendar, project page) is drawn from one `KitFacts`,
so they cannot disagree, and `KitFacts` is made from two things only: the customer's view of
the playbook (`for_audience(playbook, "customer")`: nothing internal can reach a kit) and this
project's file. Nothing of any other project is in reach when a kit is made.
"""
from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from playbook.kits.project import Project
from playbook.kits.schedule import Milestone, Moved, PhaseDates
from playbook.kits.settings import KitSettings
from playbook.model.facts import (
    CUSTOMER,
    Activity,
    ChangeImpact,
    Checklist,
    ChecklistItem,
    Communication,
    EscalationLevel,
    Playbook,
    Process,
    Role,
)
from playbook.model.project import Person
from playbook.model.settings import Brand
from playbook.present import views, wording
from playbook.stage.audience import for_audience


@dataclass(frozen=True)
class Named:
    """A role and the person holding it on this project."""

    role: Role
    name: str
    email: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.role.title})"


@dataclass(frozen=True)
class RaciLine:
    activity: Activity
    people: dict[str, tuple[Named, ...]]  # letter -> who holds it

    def names(self, letter: str) -> str:
        return ", ".join(n.name for n in self.people.get(letter, ()))


@dataclass(frozen=True)
class DatedItem:
    checklist: Checklist
    item: ChecklistItem
    owner: Named
    due: datetime.date | None
    done_on: datetime.date | None = None    # recorded in the project file, with who did it
    done_by: Named | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def overdue(self, today: datetime.date) -> bool:
        return not self.done and self.due is not None and self.due < today


@dataclass(frozen=True)
class DatedChecklist:
    checklist: Checklist
    items: tuple[DatedItem, ...]


@dataclass(frozen=True)
class PhaseSection:
    process: Process
    dates: PhaseDates | None          # None for a process that is not a phase (change control)
    raci: tuple[RaciLine, ...]
    checklists: tuple[DatedChecklist, ...]


@dataclass(frozen=True)
class CommunicationLine:
    communication: Communication     # as this project agreed it: its own day, time, length in place of the default
    owner: Named
    recipients: tuple[Named, ...]    # who receives it (a message) or attends (a meeting)
    agreed: bool                     # the project file agreed something of its own for it
    when: str                        # worded from the fields (playbook.model.wording), as a sentence's start
    how: str


@dataclass(frozen=True)
class EscalationLine:
    number: int
    person: Named
    level: EscalationLevel
    limit: str
    reached_after: str


@dataclass(frozen=True)
class ImpactLine:
    rank: int
    impact: ChangeImpact
    likelihood: int
    cost: int
    rescored: bool
    why: str
    affects: tuple[Named, ...]

    @property
    def score(self) -> int:
        return self.likelihood * self.cost


@dataclass(frozen=True)
class RiskLine:
    kind: str          # risk | issue
    text: str
    owner: Named
    action: str
    due: datetime.date
    rating: str


@dataclass(frozen=True)
class NeedLine:
    what: str
    who: Named
    by: datetime.date
    checklist: str = ""    # the checklist it comes from, when it is an open checklist item


NEXT_WEEKS = 4   # how far ahead the project page lists what we need from the customer


@dataclass(frozen=True)
class KitFacts:
    project_id: str
    customer: str
    title: str
    goals: tuple[str, ...]
    teams_channel: str
    time_zone: str
    brand: Brand
    guide_url: str
    playbook_version: str
    playbook_as_of: str          # the newest change customers can read about, as a date
    cut_on: datetime.date
    kickoff: datetime.date
    go_live: datetime.date
    go_live_moved: Moved | None            # the project file's go-live fell on a day off
    holiday_region: str                    # whose public holidays are not working days: 'England'
    days_off: tuple[tuple[datetime.date, str], ...]   # from the project's first day to its last
    people: tuple[Named, ...]    # firm roles first, in the order of data/roles.yml
    phases: tuple[PhaseSection, ...]
    milestones: tuple[Milestone, ...]
    communications: tuple[CommunicationLine, ...]
    change_control: PhaseSection | None
    escalation_title: str
    escalation_applies_to: str
    escalation: tuple[EscalationLine, ...]
    impacts: tuple[ImpactLine, ...]
    customer_items: tuple[DatedItem, ...]   # what the customer's people owe, by date
    overall: str                            # green | amber | red | "" (the project file says nothing yet)
    summary: str
    planned_phase: PhaseSection | None      # the phase the plan has for the day the kit was cut
    current_phase: PhaseSection | None      # the phase the project file says it is in (else the planned one)
    risks: tuple[RiskLine, ...]             # open risks and issues, highest rating first, then by due date
    needed: tuple[NeedLine, ...]            # what the project needs from the customer, by date
    page_url: str                           # where the project's own page is published ("" when not set)

    def items(self) -> tuple[DatedItem, ...]:
        """Every checklist item of the project's phases, in plan order."""
        return tuple(item for section in self.phases for dated in section.checklists for item in dated.items)

    def needed_next(self, weeks: int = NEXT_WEEKS) -> tuple[NeedLine, ...]:
        """What we need from the customer that is late or due in the next few weeks."""
        return tuple(n for n in self.needed if n.by <= self.cut_on + datetime.timedelta(weeks=weeks))

    def overdue(self) -> tuple[DatedItem, ...]:
        """Open items whose latest date passed before the kit was cut, oldest first."""
        return tuple(sorted((i for i in self.items() if i.overdue(self.cut_on)), key=lambda i: i.due))

    @property
    def working_days_rule(self) -> str:
        """How every date of the kit is counted, in one sentence."""
        return (f"Dates count working days: Monday to Friday, except the public holidays of {self.holiday_region}"
                + (" and the days off agreed for this project" if self.days_off else "") + ".")

    @property
    def go_live_said(self) -> str:
        """The go-live date, and why it moved if it did: '25 March 2027 (moved from Fri 26 Mar 2027: Good Friday)'."""
        return long_date(self.go_live) + (f" ({moved_text(self.go_live_moved)})" if self.go_live_moved else "")

    @property
    def project_manager(self) -> Named | None:
        return next((n for n in self.people if n.role.id == "implementation-project-manager"), None)

    def phase(self, phase_id: str) -> PhaseSection | None:
        return next((s for s in self.phases if s.process.id == phase_id), None)

    def person(self, role_id: str) -> Named | None:
        return next((n for n in self.people if n.role.id == role_id), None)

    @property
    def firm_people(self) -> tuple[Named, ...]:
        return tuple(n for n in self.people if n.role.side == "firm")

    @property
    def customer_people(self) -> tuple[Named, ...]:
        return tuple(n for n in self.people if n.role.side == "customer")


def moved_text(moved: Moved) -> str:
    """Why a date is not where the plan would have put it: 'moved from Fri 26 Mar 2027 (Good Friday)'."""
    return f"moved from {short_date(moved.expected)}: {moved.reason}"


def start_said(dates: PhaseDates) -> str:
    """A phase's first day for a table cell, with why it moved if it did."""
    return short_date(dates.start) + (f" ({moved_text(dates.start_moved)})" if dates.start_moved else "")


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: datetime.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def playbook_version(visible: Playbook) -> str:
    """A short fingerprint of everything the customer can read in the playbook's data."""
    return hashlib.sha256(visible.to_json().encode()).hexdigest()[:10]


def kit_facts(playbook: Playbook, project: Project, brand: Brand, guide_url: str, settings: KitSettings,
              today: datetime.date, page_url: str = "") -> KitFacts:
    visible = for_audience(playbook, CUSTOMER)
    chosen = project.file
    people_by_role = {role_id: person for role_id, person in chosen.people.items() if role_id in visible.roles}

    def named(role_id: str) -> Named:
        person: Person = people_by_role[role_id]
        return Named(visible.roles[role_id], person.name, person.email)

    people = tuple(named(role.id) for role in views.role_list(visible))
    done = {(checklist_id, item_id): record for checklist_id, items in chosen.done.items()
            for item_id, record in items.items()}

    def dated(c: Checklist, item: ChecklistItem, process: Process) -> DatedItem:
        record = done.get((c.id, item.id))
        if record is not None and record.day > today:
            record = None   # recorded ahead of the day the kit is cut for: not done yet on that day
        by = named(record.by) if record and record.by in people_by_role else None
        return DatedItem(c, item, named(item.owner), project.schedule.due(item, process.id),
                         record.day if record else None, by)

    def section(process: Process) -> PhaseSection:
        raci = []
        for activity in process.activities:
            holders: dict[str, list[Named]] = {}
            for role in views.ordered_roles(visible, {a.role for a in activity.raci}):
                holders.setdefault(activity.letter_for(role.id), []).append(named(role.id))
            raci.append(RaciLine(activity, {letter: tuple(v) for letter, v in holders.items()}))
        checklists = tuple(
            DatedChecklist(c, tuple(dated(c, item, process) for item in c.items))
            for c in visible.checklists_for(process.id) if c.items)
        return PhaseSection(process, project.schedule.of(process.id), tuple(raci), checklists)

    phases = tuple(section(visible.processes[p.id]) for p in project.schedule.phases if p.id in visible.processes)
    change = visible.processes.get(settings.change_process)
    titles = views.phase_titles(visible)
    comms = []
    for default in visible.communications.values():
        agreed = chosen.communications.get(default.id)
        c = default.agreed(agreed.weekday, agreed.time, agreed.every_weeks, agreed.minutes) if agreed else default
        comms.append(CommunicationLine(c, named(c.owner),
                                       tuple(named(r.id) for r in views.ordered_roles(visible, set(c.recipients))),
                                       agreed is not None, wording.sentence_start(wording.when(c, titles)),
                                       wording.how(c)))
    path = visible.escalation_paths.get(settings.escalation_path)
    escalation = tuple(EscalationLine(step.number, named(step.role.id), step.level, step.limit, step.reached_after)
                       for step in views.escalation_path(visible, path.id).steps) if path else ()
    impacts = []
    for impact in visible.change_impacts.values():
        own = chosen.change_impacts.get(impact.id)
        impacts.append((impact, own.likelihood if own else impact.likelihood, own.cost if own else impact.cost,
                        own is not None, (own.why or "") if own else ""))
    order = [i.id for i in visible.change_impacts.values()]
    impacts.sort(key=lambda t: (-(t[1] * t[2]), -t[1], order.index(t[0].id)))
    top = tuple(ImpactLine(rank, impact, likelihood, cost, rescored, why,
                           tuple(named(r.id) for r in views.ordered_roles(visible, set(impact.affects))))
                for rank, (impact, likelihood, cost, rescored, why) in enumerate(impacts[:settings.top_change_impacts], 1))
    customer_items = sorted(
        (item for s in phases for c in s.checklists for item in c.items
         if item.owner.role.side == "customer" and item.due is not None),
        key=lambda i: (i.due, i.checklist.id, [x.id for x in i.checklist.items].index(i.item.id)))
    changes = sorted(visible.changelog.values(), key=lambda c: c.date)
    by_phase = {s.process.id: s for s in phases}
    planned = project.schedule.phase_on(today)
    planned_section = by_phase.get(planned.id) if planned else None
    recorded = chosen.status.phase if chosen.status else None
    ratings = {"high": 0, "medium": 1, "low": 2}
    risks = tuple(RiskLine(r.kind, r.text, named(r.owner), r.action, r.due, r.rating)
                  for r in sorted(chosen.risks, key=lambda r: (ratings[r.rating], r.due))
                  if r.owner in people_by_role)
    needed = [NeedLine(n.what, named(n.who), n.by) for n in chosen.needed if n.who in people_by_role]
    needed += [NeedLine(i.item.text, i.owner, i.due, i.checklist.title) for i in customer_items if not i.done]
    needed.sort(key=lambda n: n.by)
    # Milestones of phases customers do not see stay out, as the phases do.
    milestones = tuple(m for m in project.schedule.milestones() if m.kind != "phase" or _phase_of(m, phases))
    return KitFacts(
        project_id=chosen.id, customer=chosen.customer, title=chosen.title, goals=tuple(chosen.goals),
        teams_channel=chosen.teams_channel, time_zone=chosen.time_zone, brand=brand, guide_url=guide_url,
        playbook_version=playbook_version(visible),
        playbook_as_of=long_date(changes[-1].date) if changes else "",
        cut_on=today, kickoff=chosen.kickoff, go_live=project.schedule.go_live,
        go_live_moved=project.schedule.go_live_moved, holiday_region=project.schedule.working_days.region,
        days_off=tuple(project.schedule.days_off), people=people, phases=phases,
        milestones=milestones,
        communications=tuple(comms), change_control=section(change) if change else None,
        escalation_title=path.title if path else "", escalation_applies_to=path.applies_to if path else "",
        escalation=escalation, impacts=top, customer_items=tuple(customer_items),
        overall=chosen.status.overall if chosen.status else "", summary=chosen.status.summary if chosen.status else "",
        planned_phase=planned_section, current_phase=by_phase.get(recorded) if recorded else planned_section,
        risks=risks, needed=tuple(needed), page_url=page_url)


def _phase_of(milestone: Milestone, phases: tuple[PhaseSection, ...]) -> str | None:
    return next((s.process.id for s in phases if s.dates and s.dates.start == milestone.day), None)
