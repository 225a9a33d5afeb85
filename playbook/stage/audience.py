"""Who may see what: the default-deny rule for the customer site, applied to the data.

A site is built for one audience. The internal site sees everything; the customer site sees only
what is explicitly marked for customers, and nothing that hangs off something it cannot see (a
RACI cell of an internal role, the checklist of an internal process).
"""
from __future__ import annotations

from playbook.model.facts import CUSTOMER, INTERNAL, Playbook

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
            a.model_copy(update={"raci": tuple(x for x in a.raci if x.role in roles)})
            for a in process.activities if can_see(site_audience, a.audience)
        )
        processes[key] = process.model_copy(update={"activities": activities})
    checklists = {}
    for key, checklist in playbook.checklists.items():
        if not can_see(site_audience, checklist.audience) or checklist.process not in processes:
            continue
        items = tuple(i for i in checklist.items if can_see(site_audience, i.audience) and i.owner in roles)
        checklists[key] = checklist.model_copy(update={"items": items})

    def visible(table):
        return {k: v for k, v in table.items() if can_see(site_audience, v.audience)}

    def known(role_ids):
        return tuple(r for r in role_ids if r in roles)

    communications = {k: c.model_copy(update={"recipients": known(c.recipients)})
                      for k, c in visible(playbook.communications).items() if c.owner in roles}
    impacts = {k: i.model_copy(update={"affects": known(i.affects)}) for k, i in visible(playbook.change_impacts).items()}
    agendas = {k: a.model_copy(update={"attendees": known(a.attendees)})
               for k, a in visible(playbook.agendas).items() if a.owner in roles}
    # A path with a hidden level would skip a step the reader is promised, so it goes whole or not at all.
    paths = {k: p for k, p in visible(playbook.escalation_paths).items() if all(lvl.role in roles for lvl in p.levels)}
    raid = {k: r for k, r in visible(playbook.raid_categories).items() if r.owner in roles}
    return playbook.model_copy(update={
        "roles": roles, "processes": processes, "checklists": checklists, "communications": communications,
        "change_impacts": impacts, "complaints": visible(playbook.complaints), "agendas": agendas,
        "escalation_paths": paths, "raid_categories": raid, "glossary": visible(playbook.glossary),
        "standards": visible(playbook.standards),
        "changelog": visible(playbook.changelog), "search_synonyms": visible(playbook.search_synonyms),
        "search_frames": visible(playbook.search_frames),
        # Who reviews the role pages is for employees; the customer site shows no owners.
        "role_pages_review": None})
