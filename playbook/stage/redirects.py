"""Links that never break: short links (/go/<id>/) and the old addresses of moved pages.

A link pasted into a statement of work or pinned in a Teams channel lives for years, longer
than any page's current place in the navigation. So every page may declare a short id, every
process and checklist gets one from its data id, and a page that moves records the paths it
used to have. This module plans the redirect pages; the hook writes them.
"""
from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from playbook.model.facts import Playbook
from playbook.model.types import is_id
from playbook.problems import Problem

SHORT_PREFIX = "go"


@dataclass(frozen=True)
class PageLinks:
    """What a page's front matter says about its addresses."""

    src_uri: str            # the page, relative to docs/
    display: str            # the page's file, for messages
    short: object = None    # `short:` as written
    short_line: int | None = None
    redirect_from: object = None  # `redirect_from:` as written
    redirect_line: int | None = None


@dataclass(frozen=True)
class Redirect:
    """An address (a folder path such as go/kickoff/) that sends readers to a page."""

    path: str
    target: str            # the page's src_uri
    anchor: str = ""
    declared_in: str = ""  # where the address was declared, for messages
    kind: str = "short"    # short (a page's own), process, checklist, or moved (an old address)


def old_page_address(src_path: str, use_directory_urls: bool) -> str:
    """Where MkDocs published a page with this source path: old/page.md -> old/page/."""
    stem = src_path[:-3]
    if posixpath.basename(stem) in ("index", "README"):
        return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
    return stem + "/" if use_directory_urls else stem + ".html"


def plan_redirects(pages: Iterable[PageLinks], playbook: Playbook, *, use_directory_urls: bool = True
                   ) -> tuple[list[Redirect], list[Problem]]:
    pages = list(pages)
    live = {p.src_uri for p in pages}
    problems: list[Problem] = []
    claimed: dict[str, Redirect] = {}

    def claim(redirect: Redirect, problem_at: tuple[str, int | None]) -> None:
        other = claimed.get(redirect.path)
        if other is None:
            claimed[redirect.path] = redirect
        elif (other.target, other.anchor) != (redirect.target, redirect.anchor):
            problems.append(Problem(problem_at[0], problem_at[1],
                                    f"the address /{redirect.path} is already taken by {other.declared_in}",
                                    "choose another short id; short links are unique across the site"))

    for page in pages:
        if page.short is not None:
            if not is_id(page.short):
                problems.append(Problem(page.display, page.short_line, f"the short id {page.short!r} is not kebab-case",
                                        "use lower-case words joined by hyphens, such as 'kickoff'"))
            else:
                claim(Redirect(f"{SHORT_PREFIX}/{page.short}/", page.src_uri, "", f"the page {page.display}"),
                      (page.display, page.short_line))
        if page.redirect_from is not None:
            olds = page.redirect_from if isinstance(page.redirect_from, list) else [page.redirect_from]
            for old in olds:
                if not isinstance(old, str) or not old.endswith(".md") or old.startswith("/"):
                    problems.append(Problem(page.display, page.redirect_line,
                                            f"redirect_from lists {old!r}, which is not a page path",
                                            "list the page's old paths relative to docs/, such as phases/uat.md"))
                elif old in live:
                    problems.append(Problem(page.display, page.redirect_line,
                                            f"redirect_from lists {old}, but a page still lives there",
                                            "remove it from redirect_from, or move or delete that page"))
                else:
                    claim(Redirect(old_page_address(old, use_directory_urls), page.src_uri, "",
                                   f"the old address of {page.display}", "moved"), (page.display, page.redirect_line))

    for process in playbook.processes.values():
        if process.page in live:
            claim(Redirect(f"{SHORT_PREFIX}/{process.id}/", process.page, "", f"the process {process.source.file}",
                           "process"),
                  (process.source.file, process.source.line))
    for checklist in playbook.checklists.values():
        page = playbook.processes[checklist.process].page
        if page in live:
            claim(Redirect(f"{SHORT_PREFIX}/{checklist.id}/", page, f"checklist-{checklist.id}",
                           f"the checklist {checklist.source.file}", "checklist"), (checklist.source.file, checklist.source.line))
    return sorted(claimed.values(), key=lambda r: r.path), problems
