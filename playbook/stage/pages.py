"""One written page, staged for one audience: what the engine will read, and what it may not.

For a customer page the body loses its internal passages (checked against the real parser),
its comments and nothing else; for every page, links are checked against the pages this site
holds, code samples are shielded from the macro engine, every Jinja mistake is found, glossary
terms get their meaning on hover, and the front matter is written anew: only keys the theme and
the macros read, with titles escaped for HTML and the page's facts (owner, review, last change,
links to copy) worked out here so no template has to.

The staged page keeps a map from its lines to the source file's lines, so whatever the engine
says about a staged page can be said about the file an author edits.
"""
from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from playbook.load import markdown_text, passages
from playbook.load.jinja_check import JinjaChecker, JinjaUses
from playbook.load.pages import SourcePage
from playbook.present import html, urls
from playbook.problems import Problem
from playbook.stage import links as page_links
from playbook.stage.markdown_oracle import Oracle, TooSlow
from playbook.stage.staged_text import escape_text
from playbook.stage.staged_text import front_matter as front_matter_text

CUSTOMER = "customer"


@dataclass(frozen=True)
class AnchorLink:
    """A link to a section of a page, checked once the engine has written the target's ids."""

    source: str   # file and line where it was written
    line: int
    target: str   # the staged page it points to
    anchor: str
    written: str  # the link as written, for messages


@dataclass(frozen=True)
class StagedPage:
    src: str                      # its path in the staged docs/
    source: str                   # the file an author edits to change it
    text: str                     # the whole staged file
    body_start: int               # the staged file's line where the body starts
    line_map: tuple[int, ...]     # for each body line, the source file's line (empty for generated pages)
    title: str | None
    search_terms: tuple[str, ...] = ()
    search_boost: float | None = None
    search_exclude: bool = False  # `search: exclude: true`: the page is built but not in the index
    anchors: tuple[AnchorLink, ...] = ()
    assets: frozenset[str] = frozenset()
    includes: frozenset[str] = frozenset()   # the pages and files its Jinja includes, by their path in docs/
    macros: frozenset[str] = frozenset()     # the macros it calls


@dataclass
class PageContext:
    """What staging a page needs to know about the site it is staged for."""

    audience: str
    staged_pages: set[str]                    # every page this site will hold (written and generated)
    all_pages: set[str]                       # every written page in docs/
    files: set[str]                           # every other file in docs/
    home: str                                 # the written page this site opens on
    checker: JinjaChecker
    oracle: Callable[[], Oracle]              # made on first use: most sites never need it
    abbreviations: dict[str, str]
    facts: Callable[[SourcePage, str], dict[str, Any]]  # the page's facts for page-facts.html
    search_terms: Callable[[SourcePage], tuple[str, ...]]
    use_directory_urls: bool = True
    variables: set[str] = field(default_factory=set)   # names every page may use in Jinja


def staged_path(src: str, context: PageContext) -> str:
    """Where a written page goes in the staged docs/: the home page becomes index.md."""
    return "index.md" if src == context.home else src


def stage_page(page: SourcePage, context: PageContext) -> tuple[StagedPage, list[Problem]]:
    problems: list[Problem] = []
    lines = list(page.body)
    origin = list(range(len(lines)))  # index in page.body of each line kept

    def at(index: int) -> int:
        return page.body_line + origin[index]

    found, refused = passages.find(lines, page.body_line)
    problems += [Problem(page.display, r.line, r.message, r.fix) for r in refused]
    if context.audience == CUSTOMER and not refused:
        kept, origin = passages.remove(lines, found)
        # The parser's opinion is needed unless every passage is plain and nothing that could
        # still draw an internal box (the word itself) is left on the page.
        if passages.mentions_internal("\n".join(kept)) or not all(passages.plain(lines, p) for p in found):
            problems += _check_removal(page, found, kept, context)
        lines = kept
        lines = markdown_text.strip_comments(lines)

    found_links = page_links.find(lines)
    rewrites: dict[page_links.Link, str] = {}
    anchors: list[AnchorLink] = []
    assets: set[str] = set()
    src = staged_path(page.src, context)
    for link in found_links:
        problem, target = _check_link(link, page, context)
        line = at(link.index)
        if problem:
            problems.append(Problem(page.display, line, *problem))
            continue
        if target is None:
            continue
        if target.endswith(".md"):
            moved = staged_path(target, context)
            if moved != target and link.kind in ("markdown", "reference"):
                relative = posixpath.relpath(moved, posixpath.dirname(src) or ".")
                rewrites[link] = relative + (f"#{link.anchor}" if link.anchor else "")
            if link.anchor:
                anchors.append(AnchorLink(page.display, line, moved, link.anchor, link.url))
        else:
            assets.add(target)
    lines = page_links.rewrite(lines, found_links, rewrites)
    if link_anchor_on_page := [link for link in found_links if link.url.startswith("#") and len(link.url) > 1]:
        anchors += [AnchorLink(page.display, at(link.index), src, link.anchor, link.url) for link in link_anchor_on_page]

    lines = markdown_text.shield_code_from_macros(lines)
    body = "\n".join(lines)
    # `render_macros: false` shows every {{ ... }} as written: nothing to check, nothing rendered.
    jinja = markdown_text.has_jinja(body) and page.values.render_macros is not False
    uses = JinjaUses()
    if jinja:
        found, uses = context.checker.read(body, page_names=set(page.front_matter.key_lines) | context.variables | {"pb"})
        for wrong in found:
            line = at(min(wrong.line, len(lines)) - 1)
            problems.append(Problem(page.display, line, wrong.message, wrong.fix))
    lines += markdown_text.abbreviation_lines(body, context.abbreviations, raw=jinja)

    title = page.values.title
    front = _front_matter(page, context, title, render_macros=jinja)
    header = front_matter_text(front)
    body_start = header.count("\n") + 1
    line_map = tuple(page.body_line + i for i in origin) + (0,) * (len(lines) - len(origin))
    boost = page.values.search.boost if page.values.search else None
    exclude = bool(page.values.search and page.values.search.exclude)
    return StagedPage(src, page.display, header + "\n".join(lines) + "\n", body_start, line_map, title,
                      context.search_terms(page), boost, exclude, tuple(anchors), frozenset(assets),
                      frozenset(posixpath.normpath(path.lstrip("/")) for path in uses.includes), uses.macros), problems


def _check_removal(page: SourcePage, found: list[passages.Passage], kept: list[str],
                   context: PageContext) -> list[Problem]:
    """Ask the real parser whether the removal took out exactly the internal boxes."""
    first = next((p.start for p in found), None)
    line = page.body_line + first if first is not None else _first_line_naming_internal(page)
    try:
        agrees = context.oracle().removal_agrees("\n".join(page.body), "\n".join(kept))
    except TooSlow:
        return [Problem(page.display, line, "Markdown could not finish reading this page: a construct on it makes the "
                                            "parser loop (a /// block inside a quote or a list can)",
                        "write blocks at the start of a line, outside quotes and lists, and close each with ///")]
    if agrees:
        return []
    return [Problem(page.display, line, "Markdown reads this page's internal passages differently from how the build "
                                        "removes them, so customers could see internal text", passages.FIX)]


def _first_line_naming_internal(page: SourcePage) -> int:
    return next((page.body_line + i for i, line in enumerate(page.body) if "internal" in line.lower()), page.body_line)


def _check_link(link: page_links.Link, page: SourcePage, context: PageContext) -> tuple[tuple[str, str] | None, str | None]:
    """(message, fix) when the link may not stand, and the docs/ path it points to (None when external)."""
    written = link.url.strip()
    if link.scheme and link.scheme not in html.SAFE_SCHEMES:
        return (f"the link '{_short(written)}' uses the '{link.scheme}:' scheme, which a page may not link to",
                "link to an http, https or mailto address, or to a page or file of the site"), None
    if not link.is_relative or not link.path:
        return None, None
    if written.startswith("/"):
        return (f"the link '{written}' starts at the site's root, which is a different place on each site",
                "write it relative to this page's folder and ending in .md, such as ../phases/kickoff.md"), None
    target = urls.resolve(page.src, link.path)
    if target.startswith("../") or target == "..":
        return (f"the link '{written}' points outside docs/", "link to a page or file inside docs/"), None
    if target.endswith(".md"):
        if target not in context.all_pages:
            guess = _guess(target, context.all_pages, page.src)
            hint = f"did you mean '{guess}'? " if guess else ""
            return (f"the link '{written}' points to a page that does not exist",
                    f"{hint}links are relative to this page's folder and end in .md, such as ../phases/kickoff.md"), None
        if target not in context.staged_pages:
            return (f"this customer page links to '{target}', which is an internal page",
                    "remove the link, move it into an '/// internal' block, or mark docs/"
                    f"{target} 'audience: customer' if customers may read it"), None
        if link.kind == "html":
            return (f"the HTML link '{written}' names a page's .md file, which stays a broken address in the site",
                    f"write it as a Markdown link, such as [text]({written})"), None
        return None, target
    if target in context.files:
        return None, target
    if target + ".md" in context.all_pages or target.rstrip("/") + ".md" in context.all_pages or \
            posixpath.join(target, "index.md") in context.all_pages:
        page_file = target.rstrip("/") + ".md" if target.rstrip("/") + ".md" in context.all_pages \
            else posixpath.join(target, "index.md")
        return (f"the link '{written}' does not name a page",
                f"link to the page's .md file, such as {posixpath.relpath(page_file, posixpath.dirname(page.src) or '.')} "
                "(not its web address)"), None
    return (f"the link '{written}' points to a file that does not exist in docs/",
            "correct the path (relative to this page's folder) or add the file"), None


def _short(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "..."


def _guess(target: str, pages: set[str], src: str) -> str | None:
    names = {posixpath.splitext(posixpath.basename(p))[0]: p for p in pages}
    close = difflib.get_close_matches(posixpath.splitext(posixpath.basename(target))[0], list(names), n=1, cutoff=0.8)
    return posixpath.relpath(names[close[0]], posixpath.dirname(src) or ".") if close else None


def _front_matter(page: SourcePage, context: PageContext, title: str | None, *, render_macros: bool) -> dict[str, Any]:
    values = page.values
    front: dict[str, Any] = {}
    if title:
        front["title"] = escape_text(title)
    if values.description:
        front["description"] = escape_text(values.description)
    if values.hide:
        front["hide"] = list(values.hide)
    if values.tags:
        front["tags"] = [escape_text(tag) for tag in values.tags]
    # The search index is written after rendering (playbook.render.search_index), from the
    # pages as readers see them; the theme's own indexer is told to skip every page.
    front["search"] = {"exclude": True}
    if not render_macros:
        front["render_macros"] = False
    front["pb"] = context.facts(page, staged_path(page.src, context))
    return front
