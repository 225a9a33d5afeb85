"""Edits to the navigation tree as written in mkdocs.yml (lists of strings and one-key dicts).

The nav is written by hand for the pages authors write; generated pages (one per role) are
slotted in beside their index page, and the customer site drops every entry it may not show.
"""
from __future__ import annotations

from typing import Any

Nav = list[Any]


def _target(entry: Any) -> Any:
    return next(iter(entry.values())) if isinstance(entry, dict) else entry


def insert_after(nav: Nav, anchor: str, entries: list[dict[str, str]]) -> tuple[Nav, bool]:
    """A copy of nav with entries placed right after the entry pointing at anchor, in its section."""
    inserted = False
    result: Nav = []
    for entry in nav:
        target = _target(entry)
        if isinstance(target, list):
            children, found = insert_after(target, anchor, entries)
            inserted = inserted or found
            result.append({next(iter(entry)): children})
            continue
        result.append(entry)
        if target == anchor and not inserted:
            result.extend(entries)
            inserted = True
    return result, inserted


def prune(nav: Nav, keep: set[str]) -> Nav:
    """A copy of nav holding only local pages in keep and external links; empty sections go."""
    result: Nav = []
    for entry in nav:
        target = _target(entry)
        if isinstance(target, list):
            children = prune(target, keep)
            if children:
                result.append({next(iter(entry)): children})
        elif "://" in str(target) or target in keep:
            result.append(entry)
    return result


def replace_page(nav: Nav, old: str, new: str) -> Nav:
    """A copy of nav where entries for old point at new, and new's own entries are dropped
    (the customer site's home page takes the place of the internal home)."""
    result: Nav = []
    for entry in nav:
        target = _target(entry)
        if isinstance(target, list):
            children = replace_page(target, old, new)
            if children:
                result.append({next(iter(entry)): children})
        elif target == new:
            continue
        elif target == old:
            result.append({next(iter(entry)): new} if isinstance(entry, dict) else new)
        else:
            result.append(entry)
    return result
