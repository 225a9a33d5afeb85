"""Edits to the navigation tree as written in mkdocs.yml (lists of strings and one-key dicts).

The nav is written by hand for the pages authors write; generated pages (one per role) are
slotted in beside their index page, and each site keeps only the entries it may show.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

Nav = list[Any]


def _target(entry: Any) -> Any:
    return next(iter(entry.values())) if isinstance(entry, dict) else entry


def _title(entry: Any) -> str | None:
    return next(iter(entry)) if isinstance(entry, dict) else None


def _is_link(target: Any) -> bool:
    return isinstance(target, str) and "://" in target or str(target).startswith(("mailto:", "//"))


def insert_after(nav: Nav, anchor: str, entries: list[dict[str, str]]) -> tuple[Nav, bool]:
    """A copy of nav with entries placed right after the entry pointing at anchor, in its section."""
    inserted = False
    result: Nav = []
    for entry in nav:
        target = _target(entry)
        if isinstance(target, list):
            children, found = insert_after(target, anchor, entries)
            inserted = inserted or found
            result.append({_title(entry): children})
            continue
        result.append(entry)
        if target == anchor and not inserted:
            result.extend(entries)
            inserted = True
    return result, inserted


def contains(nav: Nav, page: str) -> bool:
    return any(contains(t, page) if isinstance(t := _target(e), list) else t == page for e in nav)


def prune(nav: Nav, keep: set[str], *, allowed_links: set[str] | None = None) -> Nav:
    """A copy of nav holding only pages in keep, and external links (all of them, or only those
    in allowed_links); sections left empty go."""
    result: Nav = []
    for entry in nav:
        target = _target(entry)
        if isinstance(target, list):
            children = prune(target, keep, allowed_links=allowed_links)
            if children:
                result.append({_title(entry): children})
        elif _is_link(target):
            if allowed_links is None or target in allowed_links:
                result.append(entry)
        elif target in keep:
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
                result.append({_title(entry): children})
        elif target == new:
            continue
        elif target == old:
            result.append({_title(entry): new} if isinstance(entry, dict) else new)
        else:
            result.append(entry)
    return result


def rename_page(nav: Nav, old: str, new: str) -> Nav:
    """A copy of nav with every entry for old pointing at new (a page staged under a new path)."""
    result: Nav = []
    for entry in nav:
        target = _target(entry)
        if isinstance(target, list):
            result.append({_title(entry): rename_page(target, old, new)})
        elif target == old:
            result.append({_title(entry): new} if isinstance(entry, dict) else new)
        else:
            result.append(entry)
    return result


def escape_titles(nav: Nav, escape: Callable[[str], str]) -> Nav:
    """A copy of nav whose titles are escaped: the theme prints nav titles as they are."""
    result: Nav = []
    for entry in nav:
        target = _target(entry)
        if isinstance(entry, dict):
            result.append({escape(str(_title(entry))): escape_titles(target, escape) if isinstance(target, list)
                           else target})
        else:
            result.append(entry)
    return result


def pages_named(nav: Nav) -> Iterator[tuple[str | None, str, int | None]]:
    """(title, target, line) of every entry of the nav as written that names a page, not an address."""
    for index, entry in enumerate(nav or ()):
        target = _target(entry)
        if isinstance(target, list):
            yield from pages_named(target)
        elif isinstance(target, str) and not _is_link(target):
            line = entry.line_of(_title(entry)) if isinstance(entry, dict) and hasattr(entry, "line_of") else \
                nav.line_of(index) if hasattr(nav, "line_of") else None
            yield _title(entry), target, line
