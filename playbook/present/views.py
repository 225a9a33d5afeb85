"""What each template needs, computed from the (already audience-filtered) playbook.

Pure functions: playbook + id in, a small frozen view out. They raise UnknownId for an id that
does not exist, so a page can never show an empty matrix for a typo.
"""
from __future__ import annotations

from dataclasses import dataclass

from playbook.model.facts import (
    LETTER_NAMES,
    Activity,
    Agenda,
    AgendaItem,
    Change,
    ChangeImpact,
    Checklist,
    ChecklistItem,
    Communication,
    Complaint,
    EscalationLevel,
    EscalationPath,
    GlossaryTerm,
    Playbook,
    Process,
    RaidCategory,
    Role,
    Standard,
)
from playbook.present import due_points, wording

# Whose roles a site shows first: each reader's own side. Customers look for their own columns
# first, and on a phone or a 1366 px screen the last columns of a wide matrix are off-screen.
READER_SIDE = {"internal": "firm", "customer": "customer"}


@dataclass(frozen=True)
class Cell:
    role: Role
    letter: str

    @property
    def name(self) -> str:
        return LETTER_NAMES.get(self.letter, "")


@dataclass(frozen=True)
class Row:
    activity: Activity
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class MatrixView:
    process: Process
    columns: tuple[Role, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class OwnedItem:
    item: ChecklistItem
    owner: Role


@dataclass(frozen=True)
class ChecklistView:
    checklist: Checklist
    process: Process
    items: tuple[OwnedItem, ...]


@dataclass(frozen=True)
class Duty:
    activity: Activity
    letter: str

    @property
    def name(self) -> str:
        return LETTER_NAMES[self.letter]


@dataclass(frozen=True)
class DutyGroup:
    process: Process
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class ChecklistDuty:
    checklist: Checklist
    process: Process
    item: ChecklistItem


@dataclass(frozen=True)
class RoleCardView:
    role: Role
    groups: tuple[DutyGroup, ...]
    checklist_items: tuple[ChecklistDuty, ...]

    def count(self, letter: str) -> int:
        return sum(1 for g in self.groups for d in g.duties if d.letter == letter)


def ordered_roles(playbook: Playbook, role_ids: set[str], first: str = "firm") -> tuple[Role, ...]:
    """One side's roles before the other's (firm roles first unless `first` says customer); within
    a side, the order of data/roles.yml."""
    listed = [r for r in playbook.roles.values() if r.id in role_ids]
    return tuple(sorted(listed, key=lambda r: r.side != first))


def role_list(playbook: Playbook, reader: str = "internal") -> tuple[Role, ...]:
    """Every role this site shows, the reader's own side first."""
    return ordered_roles(playbook, set(playbook.roles), READER_SIDE[reader])


def ordered_processes(playbook: Playbook) -> list[Process]:
    """The lifecycle phases in order, then every other process by title."""
    others = sorted((p for p in playbook.processes.values() if not p.phase), key=lambda p: p.title.lower())
    return playbook.phases() + others


def raci_matrix(playbook: Playbook, process_id: str, reader: str = "internal") -> MatrixView:
    """A process's matrix; its columns are the roles that take part, the reader's own side first."""
    process: Process = playbook.find("processes", process_id)
    columns = ordered_roles(playbook, {a.role for act in process.activities for a in act.raci}, READER_SIDE[reader])
    rows = tuple(
        Row(activity, tuple(Cell(role, activity.letter_for(role.id)) for role in columns))
        for activity in process.activities
    )
    return MatrixView(process, columns, rows)


def checklist(playbook: Playbook, checklist_id: str) -> ChecklistView:
    found: Checklist = playbook.find("checklists", checklist_id)
    items = tuple(OwnedItem(item, playbook.roles[item.owner]) for item in found.items)
    return ChecklistView(found, playbook.processes[found.process], items)


def role_card(playbook: Playbook, role_id: str) -> RoleCardView:
    role: Role = playbook.find("roles", role_id)
    processes = ordered_processes(playbook)
    groups = []
    for process in processes:
        duties = tuple(Duty(a, a.letter_for(role_id)) for a in process.activities if a.letter_for(role_id))
        if duties:
            groups.append(DutyGroup(process, duties))
    owned = tuple(
        ChecklistDuty(c, playbook.processes[c.process], item)
        for process in processes
        for c in playbook.checklists_for(process.id)
        for item in c.items if item.owner == role_id
    )
    return RoleCardView(role, tuple(groups), owned)


def role_time(playbook: Playbook, role_id: str) -> Role:
    """A role whose time commitment a sentence shows; a role without one is an error, never a gap."""
    role: Role = playbook.find("roles", role_id)
    if not role.time_commitment:
        raise ValueError(f"the role '{role_id}' has no time_commitment — add one to it in data/roles.yml")
    return role


def lifecycle(playbook: Playbook) -> tuple[Process, ...]:
    return tuple(playbook.phases())


def phase_facts(playbook: Playbook, process_id: str) -> Process:
    process: Process = playbook.find("processes", process_id)
    if process.phase is None:
        raise ValueError(f"the process '{process_id}' has no 'phase:' block, so it has no phase facts "
                         "— add a phase block to its data file or use raci_matrix() instead")
    return process


# -- Communication plan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CommunicationRow:
    communication: Communication
    owner: Role
    recipients: tuple[Role, ...]
    when: str      # as it reads after "It happens" (playbook.model.wording)
    how: str       # as a sentence's start: "Video call, 30 minutes"


@dataclass(frozen=True)
class RoleCommunications:
    role: Role
    sends: tuple[CommunicationRow, ...]
    receives: tuple[CommunicationRow, ...]

    @property
    def empty(self) -> bool:
        return not self.sends and not self.receives


def _communication_row(playbook: Playbook, found: Communication) -> CommunicationRow:
    return CommunicationRow(found, playbook.roles[found.owner], ordered_roles(playbook, set(found.recipients)),
                            wording.when(found, phase_titles(playbook)), wording.how(found))


def phase_titles(playbook: Playbook) -> dict[str, str]:
    return {p.id: p.title for p in playbook.phases()}


def communication_plan(playbook: Playbook) -> tuple[CommunicationRow, ...]:
    """Every communication, in the order data/communications.yml lists them (the order a project meets them)."""
    return tuple(_communication_row(playbook, c) for c in playbook.communications.values())


def communication(playbook: Playbook, communication_id: str) -> CommunicationRow:
    return _communication_row(playbook, playbook.find("communications", communication_id))


def communications_for(playbook: Playbook, role_id: str) -> RoleCommunications:
    role: Role = playbook.find("roles", role_id)
    rows = communication_plan(playbook)
    return RoleCommunications(role, tuple(r for r in rows if r.owner.id == role_id),
                              tuple(r for r in rows if role_id in r.communication.recipients))


# -- Change management ----------------------------------------------------------------------------


# Where a score turns medium and high (a score runs from 1 to 25). The register draws its legend
# from these, so the page never restates them.
IMPACT_BANDS = (("high", 15), ("medium", 8), ("low", 1))


@dataclass(frozen=True)
class ImpactRow:
    rank: int
    impact: ChangeImpact
    affects: tuple[Role, ...]

    @property
    def score(self) -> int:
        return self.impact.score

    @property
    def band(self) -> str:
        return next(name for name, lowest in IMPACT_BANDS if self.score >= lowest)


def impact_bands() -> tuple[tuple[str, int, int], ...]:
    """(band, lowest score, highest score), highest band first."""
    highest = [25] + [lowest - 1 for _, lowest in IMPACT_BANDS[:-1]]
    return tuple((name, lowest, top) for (name, lowest), top in zip(IMPACT_BANDS, highest, strict=True))


def change_impact_register(playbook: Playbook) -> tuple[ImpactRow, ...]:
    """Highest score first; ties go to the likelier impact, then to the order of the file."""
    impacts = list(playbook.change_impacts.values())
    ranked = sorted(impacts, key=lambda i: (-i.score, -i.likelihood, impacts.index(i)))
    return tuple(ImpactRow(rank, impact, ordered_roles(playbook, set(impact.affects)))
                 for rank, impact in enumerate(ranked, start=1))


def complaints(playbook: Playbook) -> tuple[Complaint, ...]:
    return tuple(playbook.complaints.values())


@dataclass(frozen=True)
class AgendaSlot:
    item: AgendaItem
    start: int  # minutes from the start of the meeting
    end: int

    @staticmethod
    def clock(minutes: int) -> str:
        return f"{minutes // 60}:{minutes % 60:02d}"


@dataclass(frozen=True)
class AgendaView:
    agenda: Agenda
    owner: Role
    attendees: tuple[Role, ...]
    slots: tuple[AgendaSlot, ...]

    @property
    def minutes(self) -> int:
        return self.agenda.minutes


def agenda(playbook: Playbook, agenda_id: str) -> AgendaView:
    found: Agenda = playbook.find("agendas", agenda_id)
    slots, start = [], 0
    for item in found.items:
        slots.append(AgendaSlot(item, start, start + item.minutes))
        start += item.minutes
    return AgendaView(found, playbook.roles[found.owner], ordered_roles(playbook, set(found.attendees)), tuple(slots))


# -- Governance -----------------------------------------------------------------------------------


def duration_text(amount: int, unit: str) -> str:
    """'1 working day', '2 working days', '1 hour': the unit is stored plural."""
    return f"{amount} {unit[:-1] if amount == 1 else unit}"


@dataclass(frozen=True)
class EscalationStep:
    number: int
    role: Role
    level: EscalationLevel
    reached_after: str  # how long after the problem was raised it reaches this level; "" for the first

    @property
    def limit(self) -> str:
        return duration_text(self.level.limit, self.level.unit) if self.level.limit else ""


@dataclass(frozen=True)
class EscalationView:
    path: EscalationPath
    steps: tuple[EscalationStep, ...]


def escalation_path(playbook: Playbook, path_id: str) -> EscalationView:
    path: EscalationPath = playbook.find("escalation_paths", path_id)
    steps, elapsed, unit = [], 0, None
    for number, level in enumerate(path.levels, start=1):
        if number == 1:
            reached = ""
        elif unit is None:  # the earlier levels mix hours and working days: no honest total
            reached = "when the level before runs out of time"
        else:
            reached = duration_text(elapsed, unit)
        steps.append(EscalationStep(number, playbook.roles[level.role], level, reached))
        if level.limit:
            if number == 1:
                unit = level.unit
            elif level.unit != unit:
                unit = None
            elapsed += level.limit
    return EscalationView(path, tuple(steps))


@dataclass(frozen=True)
class RaidRow:
    category: RaidCategory
    owner: Role


def raid_log(playbook: Playbook) -> tuple[RaidRow, ...]:
    return tuple(RaidRow(c, playbook.roles[c.owner]) for c in playbook.raid_categories.values())


# -- Standards ------------------------------------------------------------------------------------


def standard(playbook: Playbook, standard_id: str) -> Standard:
    return playbook.find("standards", standard_id)


def standards(playbook: Playbook) -> tuple[Standard, ...]:
    return tuple(playbook.standards.values())


# -- Glossary -------------------------------------------------------------------------------------


def glossary(playbook: Playbook) -> tuple[GlossaryTerm, ...]:
    return tuple(sorted(playbook.glossary.values(), key=lambda t: t.term.casefold()))


def hover_text(term: GlossaryTerm) -> str:
    return f"{term.expansion}: {term.definition}" if term.expansion else term.definition


def abbreviations(playbook: Playbook) -> dict[str, str]:
    """Every spelling of every term, with the text a reader sees when hovering over it."""
    return {spelling: hover_text(term) for term in glossary(playbook) for spelling in term.spellings}


def changelog(playbook: Playbook) -> tuple[Change, ...]:
    """Newest first; changes of one day keep the order the file gives them."""
    return tuple(sorted(playbook.changelog.values(), key=lambda c: c.date, reverse=True))


# -- What a role does, phase by phase -------------------------------------------------------------

# The order a role's part in a phase is told: what it does, then what it answers for, then where
# it is asked and told.
LETTER_ORDER = ("R", "A", "C", "I")


@dataclass(frozen=True)
class LetterGroup:
    letter: str
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class ProcessPart:
    """One role's part in one process: its activities by letter and the checklist items it owns."""

    process: Process
    letters: tuple[LetterGroup, ...]
    items: tuple[ChecklistDuty, ...]


@dataclass(frozen=True)
class RolePhasesView:
    role: Role
    phases: tuple[ProcessPart, ...]      # lifecycle phases the role has a part in, in order
    idle: tuple[Process, ...]            # phases it has no part in
    others: tuple[ProcessPart, ...]      # processes outside the lifecycle (change requests)


def _part(playbook: Playbook, process: Process, role_id: str) -> ProcessPart:
    letters = tuple(
        LetterGroup(letter, acts) for letter in LETTER_ORDER
        if (acts := tuple(a for a in process.activities if a.letter_for(role_id) == letter)))
    items = tuple(ChecklistDuty(c, process, item) for c in playbook.checklists_for(process.id)
                  for item in c.items if item.owner == role_id)
    return ProcessPart(process, letters, items)


def role_phases(playbook: Playbook, role_id: str) -> RolePhasesView:
    """What a role does in each phase of the lifecycle, from the matrices and the checklists."""
    role: Role = playbook.find("roles", role_id)
    parts = [_part(playbook, process, role_id) for process in ordered_processes(playbook)]
    phases = tuple(p for p in parts if p.process.phase and (p.letters or p.items))
    idle = tuple(p.process for p in parts if p.process.phase and not (p.letters or p.items))
    others = tuple(p for p in parts if not p.process.phase and (p.letters or p.items))
    return RolePhasesView(role, phases, idle, others)


# -- What we need from the customer ---------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """Something the customer's side does, decides or provides: a checklist item one of its roles
    owns, or an activity one of its roles is Responsible or Accountable for. Beside who does it
    stands who answers for it, the one who signs: the activity's Accountable, whichever side it
    is on; an item's owner both does it and answers for it."""

    what: str
    owners: tuple[Role, ...]      # who does it: the item's owner, or the activity's Responsible roles
    accountable: tuple[Role, ...]  # who answers for it: the item's owner, or the activity's Accountable
    when: str                   # the due point of the item (an activity's: of the item that checks it); "" when none
    activity: Activity | None
    checklist: Checklist | None  # the checklist whose due point `when` is
    item: ChecklistItem | None
    phase: Process | None = None  # for an activity of a process outside the lifecycle: the phase it happens in
    checklist_page: str = ""       # the page that shows `checklist`


@dataclass(frozen=True)
class ProcessNeeds:
    process: Process
    needs: tuple[Need, ...]


def customer_needs(playbook: Playbook, process_id: str) -> ProcessNeeds:
    """What one process needs from the customer's roles, in the order it is needed: items due at
    the start of the phase, then the activities, then items due by its end."""
    process: Process = playbook.find("processes", process_id)
    customer = {r.id for r in playbook.roles.values() if r.side == "customer"}

    def items(at: str) -> list[Need]:
        return [Need(item.text, (playbook.roles[item.owner],), (playbook.roles[item.owner],), item.due, None, c, item,
                     checklist_page=process.page)
                for c in playbook.checklists_for(process.id) for item in c.items
                if item.owner in customer and item.due_at == at]

    activities = []
    for activity in process.activities:
        if not {a.role for a in activity.raci if a.letter in "RA"} & customer:
            continue
        doing = ordered_roles(playbook, {r for r in activity.holders("R") if r in playbook.roles}, "customer")
        answering = ordered_roles(playbook, {r for r in activity.holders("A") if r in playbook.roles}, "customer")
        when = due_points.due(playbook, process, activity)
        activities.append(Need(activity.title, doing, answering, when.text, activity, when.checklist, when.item,
                               None if process.phase else when.phase, when.checklist_page))
    return ProcessNeeds(process, tuple(items("phase-start") + activities + items("phase-end")))


def processes_needing_the_customer(playbook: Playbook) -> tuple[Process, ...]:
    """The processes, lifecycle first, that need something from the customer's roles."""
    return tuple(p for p in ordered_processes(playbook) if customer_needs(playbook, p.id).needs)


def customer_time(playbook: Playbook) -> tuple[Role, ...]:
    """The customer's roles that say how much of their time a project takes."""
    return tuple(r for r in ordered_roles(playbook, set(playbook.roles), "customer")
                 if r.side == "customer" and r.time_commitment)
