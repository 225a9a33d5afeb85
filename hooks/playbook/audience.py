"""Who may see what: the default-deny rule for the customer site, applied to the data.

A site is built for one audience. The internal site sees everything; the customer site sees only
what is explicitly marked for customers, and nothing that hangs off something it cannot see (a
RACI cell of an internal role, the checklist of an internal process).
"""
from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from .model import CUSTOMER, INTERNAL, Playbook

SITE_AUDIENCES = (INTERNAL, CUSTOMER)


def can_see(site_audience: str, item_audience: str) -> bool:
    """The internal site sees everything; any other site sees only what is marked for it."""
    return site_audience == INTERNAL or item_audience == site_audience


def for_audience(playbook: Playbook, site_audience: str) -> Playbook:
    """The part of the playbook a site for this audience may show."""
    if site_audience not in SITE_AUDIENCES:
        raise ValueError(f"unknown site audience '{site_audience}'; use one of {', '.join(SITE_AUDIENCES)}")
    if site_audience == INTERNAL:
        return playbook
    roles = {k: r for k, r in playbook.roles.items() if can_see(site_audience, r.audience)}
    processes = {}
    for key, process in playbook.processes.items():
        if not can_see(site_audience, process.audience):
            continue
        activities = tuple(
            replace(a, raci=tuple(x for x in a.raci if x.role in roles))
            for a in process.activities if can_see(site_audience, a.audience)
        )
        processes[key] = replace(process, activities=activities)
    checklists = {}
    for key, checklist in playbook.checklists.items():
        if not can_see(site_audience, checklist.audience) or checklist.process not in processes:
            continue
        items = tuple(i for i in checklist.items if can_see(site_audience, i.audience) and i.owner in roles)
        checklists[key] = replace(checklist, items=items)
    return Playbook(MappingProxyType(roles), MappingProxyType(processes), MappingProxyType(checklists))
