"""What each template needs, computed from the (already audience-filtered) playbook.

Pure functions: playbook + id in, a small frozen view out. They raise UnknownId for an id that
does not exist, so a page can never show an empty matrix for a typo.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import LETTER_NAMES, Activity, Checklist, ChecklistItem, Playbook, Process, Role

SIDE_ORDER = ("firm", "customer")


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


def ordered_roles(playbook: Playbook, role_ids: set[str]) -> tuple[Role, ...]:
    """Firm roles before customer roles; within a side, the order of data/roles.yml."""
    listed = [r for r in playbook.roles.values() if r.id in role_ids]
    return tuple(sorted(listed, key=lambda r: SIDE_ORDER.index(r.side)))


def ordered_processes(playbook: Playbook) -> list[Process]:
    """The lifecycle phases in order, then every other process by title."""
    others = sorted((p for p in playbook.processes.values() if not p.phase), key=lambda p: p.title.lower())
    return playbook.phases() + others


def raci_matrix(playbook: Playbook, process_id: str) -> MatrixView:
    process: Process = playbook.find("processes", process_id)
    columns = ordered_roles(playbook, {a.role for act in process.activities for a in act.raci})
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
    groups = []
    for process in ordered_processes(playbook):
        duties = tuple(Duty(a, a.letter_for(role_id)) for a in process.activities if a.letter_for(role_id))
        if duties:
            groups.append(DutyGroup(process, duties))
    owned = tuple(
        ChecklistDuty(c, playbook.processes[c.process], item)
        for process in ordered_processes(playbook)
        for c in playbook.checklists_for(process.id)
        for item in c.items if item.owner == role_id
    )
    return RoleCardView(role, tuple(groups), owned)


def lifecycle(playbook: Playbook) -> tuple[Process, ...]:
    return tuple(playbook.phases())


def phase_facts(playbook: Playbook, process_id: str) -> Process:
    process: Process = playbook.find("processes", process_id)
    if process.phase is None:
        raise ValueError(f"the process '{process_id}' has no 'phase:' block, so it has no phase facts "
                         "— add a phase block to its data file or use raci_matrix() instead")
    return process
