"""What an activity's row of its matrix says, for pages that name it: who does it, who answers
for it, when it is due, and everything the customer's side signs.

A sentence that says who books the kickoff, or who signs the design, shows it from the matrix
with responsible() or accountable(), so the page and the matrix cannot disagree. The list of
sign-offs is drawn from the activities marked `sign_off`, so it cannot miss one the matrices hold.

Pure functions of the (already audience-filtered) playbook, as playbook.present.views.
"""
from __future__ import annotations

from dataclasses import dataclass

from playbook.model.facts import Activity, Playbook, Process, Role
from playbook.present.due_points import Due, due
from playbook.present.views import ordered_roles

CUSTOMER_SIDE = "customer"


@dataclass(frozen=True)
class ActivityRoles:
    """The roles holding one letter of an activity, for a sentence that names them."""

    activity: Activity
    process: Process
    letter: str
    roles: tuple[Role, ...]


def _find(playbook: Playbook, activity_id: str) -> tuple[Process, Activity]:
    return playbook.find("activities", activity_id)


def _holding(playbook: Playbook, activity_id: str, letter: str) -> ActivityRoles:
    process, activity = _find(playbook, activity_id)
    # A matrix row the reader sees always keeps its A; its R may all be internal roles, and a
    # sentence must then not pretend the customer site can name them.
    roles = ordered_roles(playbook, {r for r in activity.holders(letter) if r in playbook.roles})
    if not roles:
        raise ValueError(f"activity '{activity_id}' has no {letter} this site may show — name the activity's "
                         f"{'Accountable' if letter == 'A' else 'Responsible'} roles with a customer-visible one, "
                         "or put this call inside a '/// internal' block")
    return ActivityRoles(activity, process, letter, roles)


def responsible(playbook: Playbook, activity_id: str) -> ActivityRoles:
    """Who does an activity: its R roles, firm roles first, as the matrix lists them."""
    return _holding(playbook, activity_id, "R")


def accountable(playbook: Playbook, activity_id: str) -> ActivityRoles:
    """Who answers for an activity: its one A."""
    return _holding(playbook, activity_id, "A")


@dataclass(frozen=True)
class ActivityDue:
    """When an activity is due, for a sentence that says it: its checklist item's due point."""

    activity: Activity
    due: Due


def due_point(playbook: Playbook, activity_id: str) -> ActivityDue:
    process, activity = _find(playbook, activity_id)
    when = due(playbook, process, activity)
    if not when.text:
        raise ValueError(f"activity '{activity_id}' does not say when it is due — add 'checked_in: "
                         "checklist-id/item-id' to it in data/processes/, naming the item that checks it")
    return ActivityDue(activity, when)


@dataclass(frozen=True)
class SignOff:
    """Something the customer's side signs: the activity, who signs there and when."""

    activity: Activity
    process: Process
    signers: tuple[Role, ...]     # the customer's roles who sign
    with_us: tuple[Role, ...]     # our roles who sign with them: a document both sides sign
    due: Due


def signers(playbook: Playbook, activity: Activity) -> tuple[Role, ...]:
    """Who signs a sign-off: its Accountable. Where the Accountable is on our side, the document is
    one both sides sign (a change order, the acceptance of the deliverables), and the customer's
    Responsible roles sign it for the customer. The customer's side first."""
    accountable = {r for r in activity.holders("A") if r in playbook.roles}
    ours = any(playbook.roles[r].side != CUSTOMER_SIDE for r in accountable)
    theirs = {r for r in activity.holders("R") if ours and r in playbook.roles and playbook.roles[r].side == CUSTOMER_SIDE}
    return ordered_roles(playbook, accountable | theirs, CUSTOMER_SIDE)


def sign_offs(playbook: Playbook) -> tuple[SignOff, ...]:
    """Everything the customer's side signs or approves, in the order a project meets it: by the
    phase it happens in, then what happens whenever it is needed (a change request)."""
    found = []
    for process in playbook.processes.values():
        for position, activity in enumerate(process.activities):
            if not activity.sign_off:
                continue
            signing = signers(playbook, activity)
            customer = tuple(r for r in signing if r.side == CUSTOMER_SIDE)
            ours = tuple(r for r in signing if r.side != CUSTOMER_SIDE)
            if customer:
                when = due(playbook, process, activity)
                order = when.phase.phase.order if when.phase else float("inf")
                found.append(((order, process.title.lower(), position), SignOff(activity, process, customer, ours, when)))
    if not found:
        raise ValueError("no activity this site shows is a sign-off the customer's side gives — mark one "
                         "'sign_off: true' in data/processes/, or put this call inside a '/// internal' block")
    return tuple(sign_off for _, sign_off in sorted(found, key=lambda pair: pair[0]))
