"""When an activity is due, read from the checklist item that checks it (its `checked_in`), so a
due point is written once, on the item, and every page that says when an activity happens says
what its checklist says.
"""
from __future__ import annotations

from dataclasses import dataclass

from playbook.model.facts import Activity, Checklist, ChecklistItem, Playbook, Process


@dataclass(frozen=True)
class Due:
    """The due point of an activity and the phase it happens in: its own process, or for a process
    outside the lifecycle the phase whose checklist checks it; None for an activity that happens
    whenever it is needed (a change request)."""

    text: str                   # the item's due point; "" when no item checks the activity
    phase: Process | None
    checklist: Checklist | None
    item: ChecklistItem | None
    checklist_page: str = ""    # the page that shows the checklist: its process's page


def due(playbook: Playbook, process: Process, activity: Activity) -> Due:
    found = playbook.checklist_item(activity.checked_in) if activity.checked_in else None
    checklist, item = found if found else (None, None)
    owner = playbook.processes.get(checklist.process) if checklist is not None else None
    phase = process if process.phase else owner if owner is not None and owner.phase else None
    return Due(item.due if item else "", phase, checklist, item, owner.page if owner is not None else "")
