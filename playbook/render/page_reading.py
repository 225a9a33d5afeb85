"""Each page the engine wrote, read once, the way a browser reads it.

The steps after the engine all need the same pages: the search index their content, the output
checks their ids, addresses, scripts and marks, the security headers their inline styles. Each
page is parsed once, by Lexbor (through selectolax), a parser that follows the HTML standard a
browser follows: character references are decoded, unquoted and oddly separated attributes are
read as a browser reads them. So a `javascript:` address, a script or a box marked internal is
found however it is spelled (`class="&#105;nternal"`, `href=java&#9;script:...`, `<a/href=...>`),
and nothing is looked for with a pattern over the text.

A page takes about a millisecond and a half to read, in the site's own process: read side by side
in a pool of processes, a large site took longer, because handing each reading back to the parent
cost more than the reading saved (and the other site's process keeps the second core busy).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborNode

from playbook.model.handover import Handover, StagedPage
from playbook.present import html, urls
from playbook.render import search_index


@dataclass(frozen=True)
class PageReading:
    """One rendered page, as the steps after the engine see it."""

    search: search_index.SearchReading      # what the search index needs of it (nothing if kept out of search)
    ids: frozenset[str]                     # every id and name: where a link to a section of it may land
    unsafe: tuple[tuple[str, str], ...]     # (address, scheme) of each address with a scheme a page may not use
    scripts: tuple[str, ...]                # each script a page may not carry: inline code, a handler, a foreign source
    comments: bool                          # whether it holds an HTML comment
    internal_box: bool                      # whether any element is marked internal
    styles: frozenset[str]                  # the text of its <style> elements
    style_attributes: frozenset[str]        # the values of its style attributes


def read_page(text: str, page: StagedPage) -> PageReading:
    """Read one page of the output; page is its entry in the stage's hand-over."""
    document = html.parse(text)
    ids: set[str] = set()
    unsafe: list[tuple[str, str]] = []
    scripts: list[str] = []
    styles: set[str] = set()
    style_attributes: set[str] = set()
    comments = internal = False
    fact_anchors: set[str] = set()
    for node in document.root.traverse(include_text=False) if document.root is not None else ():
        tag = node.tag
        if tag == "-comment":
            comments = True
            continue
        attributes = node.attributes
        if "data-pb-fact" in attributes and attributes.get("id"):
            fact_anchors.add(attributes["id"])
        for name, value in attributes.items():
            value = value or ""
            if name in ("id", "name"):
                ids.add(value)
            elif name == "class":
                internal = internal or "internal" in value.lower().split()
            elif name == "style":
                style_attributes.add(value)
            elif name.startswith("on"):
                scripts.append(f"the handler {name}=\"{_short(value)}\" on a <{tag}>")
                continue
            elif name == "srcdoc":
                scripts.append(f"a <{tag}> with a document of its own (srcdoc)")
                continue
            if ":" in value:  # every scheme ends in a colon, written or decoded: the rest are relative
                for address in html.addresses_of(tag, name, value, attributes):
                    scheme = html.unsafe_scheme(tag, name, address)
                    if scheme:
                        unsafe.append((address, scheme))
        if tag == "script":
            scripts += _script_problem(node, attributes)
        elif tag == "style":
            styles.add(node.text(deep=True))
    search = search_index.SearchReading()
    if not page.exclude:
        content = document.css_first(search_index.CONTENT)
        if content is not None:
            search = search_index.SearchReading(tuple(search_index.entries_of(content, page)), frozenset(fact_anchors))
    return PageReading(search, frozenset(ids), tuple(unsafe), tuple(scripts), comments, internal,
                       frozenset(styles), frozenset(style_attributes))


def _script_problem(node: LexborNode, attributes: Mapping[str, str | None]) -> list[str]:
    """What is wrong with a <script> element: every script of a page is a file of the site (the
    theme's and the playbook's own, under assets/), never code written into the page nor a file
    of another site. A script of another type is data and runs nothing."""
    kind = (attributes.get("type") or "").strip().lower()
    if kind not in html.JAVASCRIPT_TYPES:
        return []
    source = attributes.get("src")
    if source is None:
        code = node.text(deep=True)
        return [f"an inline script ({_short(code)})"] if code.strip() else []
    cleaned = source.strip()
    if html.scheme_of(cleaned) or cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return [f"a script from '{_short(cleaned)}', which is not a file of the site"]
    return []


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def read_site(site_dir: Path, handover: Handover, *, cache: dict | None = None) -> dict[str, PageReading]:
    """Every page of a rendered site, by its path in the staged docs/. With a
    cache (a preview's, kept between builds), a page whose output and entry did not change since
    last time is not read again."""
    site_dir = Path(site_dir)
    readings: dict[str, PageReading] = {}
    jobs: list[tuple[str, Path, StagedPage]] = []
    keys: dict[str, tuple] = {}
    for src, page in handover.pages.items():
        output = site_dir / urls.output_file(page.url)
        try:
            status = output.stat()
        except FileNotFoundError:
            continue  # the engine wrote no page here: an error stopped it
        keys[src] = (status.st_mtime_ns, status.st_size, page)
        if cache is not None and cache.get(src, (None,))[0] == keys[src]:
            readings[src] = cache[src][1]
        else:
            jobs.append((src, output, page))
    found = [read_page(output.read_text(encoding="utf-8"), page) for _src, output, page in jobs]
    for (src, _output, _page), reading in zip(jobs, found, strict=True):
        readings[src] = reading
        if cache is not None:
            cache[src] = (keys[src], reading)
    return {src: readings[src] for src in handover.pages if src in readings}
