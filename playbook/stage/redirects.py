"""Links that never break: short links (/go/<id>/) and the old addresses of moved pages.

A link pasted into a statement of work or pinned in a Teams channel lives for years, longer
than any page's current place in the navigation. So every page may declare a short id, every
process and checklist gets one from its data id, and a page that moves records the paths it
used to have. This module plans the addresses; the stage writes a small redirect page at each.

An address is a path the build writes a file at, so it is checked like one: a short id is a
kebab-case word, an old path is a page path inside the site (no `..`, no absolute path, no
folder of its own), and no address may land on anything else the build writes: a page, the
home page, the sitemap, the search index, the theme's assets or another short link.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from playbook.model.facts import Playbook
from playbook.present import urls
from playbook.problems import Problem

SHORT_PREFIX = "go"
_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_PAGE_PATH = re.compile(r"(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.md")
# Top-level names the engine and the stage write into every site.
RESERVED = ("index.html", "404.html", "sitemap.xml", "sitemap.xml.gz", "search", "assets", SHORT_PREFIX,
            "changelog.xml", "stylesheets", "javascripts")


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
    """An address (a folder path such as go/kickoff/, or a file path) that sends readers to a page."""

    path: str
    target: str            # the page's src_uri
    anchor: str = ""
    declared_in: str = ""  # where the address was declared, for messages
    kind: str = "short"    # short (a page's own), process, checklist, or moved (an old address)


@dataclass(frozen=True)
class ShortLinks:
    redirects: list[Redirect]
    own: dict[str, Redirect] = field(default_factory=dict)  # page -> its own short link, else its process's


def old_page_address(src_path: str, use_directory_urls: bool) -> str:
    """Where a page with this source path was published: old/page.md -> old/page/."""
    return urls.page_url(src_path, use_directory_urls)


def plan(pages: Iterable[PageLinks], playbook: Playbook, *, home: str = "index.md",
         use_directory_urls: bool = True) -> tuple[ShortLinks, list[Problem]]:
    pages = list(pages)
    live = {p.src_uri for p in pages}
    taken = {urls.output_file(urls.page_url("index.md" if src == home else src, use_directory_urls)) for src in live}
    problems: list[Problem] = []
    claimed: dict[str, Redirect] = {}

    def claim(redirect: Redirect, where: tuple[str, int | None]) -> None:
        other = claimed.get(redirect.path)
        if other is None:
            claimed[redirect.path] = redirect
        elif (other.target, other.anchor) != (redirect.target, redirect.anchor):
            problems.append(Problem(where[0], where[1], f"the address /{redirect.path} is already taken by "
                                                        f"{other.declared_in}",
                                    "choose another short id; short links are unique across the site"))

    for page in pages:
        if page.short is not None:
            if not isinstance(page.short, str) or not _ID.fullmatch(page.short):
                problems.append(Problem(page.display, page.short_line, f"the short id {page.short!r} is not kebab-case",
                                        "use lower-case words joined by hyphens, such as 'kickoff'"))
            else:
                claim(_address(f"{SHORT_PREFIX}/{page.short}/", use_directory_urls, page.src_uri, "",
                               f"the page {page.display}", "short"), (page.display, page.short_line))
        if page.redirect_from is None:
            continue
        olds = page.redirect_from if isinstance(page.redirect_from, list) else [page.redirect_from]
        for old in olds:
            wrong = _wrong_old_path(old, live, taken, use_directory_urls)
            if wrong:
                problems.append(Problem(page.display, page.redirect_line, *wrong))
            else:
                claim(Redirect(old_page_address(old, use_directory_urls), page.src_uri, "",
                               f"the old address of {page.display}", "moved"), (page.display, page.redirect_line))

    for process in playbook.processes.values():
        if process.page in live:
            claim(_address(f"{SHORT_PREFIX}/{process.id}/", use_directory_urls, process.page, "",
                           f"the process {process.source.file}", "process"), (process.source.file, process.source.line))
    for checklist in playbook.checklists.values():
        page = playbook.processes[checklist.process].page
        if page in live:
            claim(_address(f"{SHORT_PREFIX}/{checklist.id}/", use_directory_urls, page, f"checklist-{checklist.id}",
                           f"the checklist {checklist.source.file}", "checklist"),
                  (checklist.source.file, checklist.source.line))
    planned = sorted(claimed.values(), key=lambda r: r.path)
    return ShortLinks(planned, _own_links(planned)), problems


def _address(path: str, use_directory_urls: bool, target: str, anchor: str, declared_in: str, kind: str) -> Redirect:
    """A short link's folder address; from disk (no directory URLs) it is the page file itself."""
    return Redirect(path if use_directory_urls else path + "index.html", target, anchor, declared_in, kind)


def _wrong_old_path(old: object, live: set[str], taken: set[str], use_directory_urls: bool) -> tuple[str, str] | None:
    fix = "list the page's old paths relative to docs/, such as phases/uat.md"
    if not isinstance(old, str) or not _PAGE_PATH.fullmatch(old) or ".." in old.split("/"):
        return f"redirect_from lists {old!r}, which is not a page path inside the site", fix
    if old in live:
        return f"redirect_from lists {old}, but a page still lives there", \
            "remove it from redirect_from, or move or delete that page"
    address = urls.output_file(old_page_address(old, use_directory_urls))
    top = address.split("/", 1)[0]
    if address in taken or posixpath.splitext(old)[0] in ("index", "README") or top in RESERVED or \
            old.split("/", 1)[0] in RESERVED:
        return (f"redirect_from lists {old}, whose address /{address} is one the site already uses",
                "remove it: a redirect there would replace a page, the home page, the sitemap, the search index, "
                "the site's assets or a short link")
    return None


def _own_links(planned: list[Redirect]) -> dict[str, Redirect]:
    """Each page's own short link, else the one it gets as a process's page (one pass)."""
    first: dict[str, dict[str, Redirect]] = {"short": {}, "process": {}}
    for redirect in planned:
        if redirect.kind in first:
            first[redirect.kind].setdefault(redirect.target, redirect)
    return {**first["process"], **first["short"]}
