"""What the steps after the engine need from each page it wrote, read once per page.

The search index, the output checks and the security headers all read every page of the
output: its search sections, its ids, the addresses it holds, its inline scripts and styles.
At 1,000 pages that reading was a fifth of the internal site's build, done after the engine
had finished and on one core. Here each page is read once into a PageReading, and the render
step reads each page as soon as the engine has finished writing it, while the engine goes on
with the next ones: the engine keeps one core busy, the reading takes the other.

When is a page finished? An engine writes one page at a time, in order, and the launcher
names the page it is working on (playbook/render/launch.py). A page whose output file existed
*before* the launcher was seen naming another page is complete: a file still being written
belongs to the page the launcher names until the write is done. A site rendered in parts
(playbook/render/parts.py) has an engine, and a page being written, per part; each part writes
its pages in a folder of its own until they are merged into the site.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from playbook.hosting.headers import Inline, inline_code, inline_code_of
from playbook.render import checks, search_index, urls
from playbook.search.anchors import fact_anchors


@dataclass(frozen=True)
class PageReading:
    """One rendered page, as the steps after the engine see it."""

    entries: tuple[dict, ...]  # its sections for the search index (none if kept out of search)
    ids: frozenset[str]  # every id and name, where a link to a section of it may land (else empty)
    unsafe: tuple[tuple[str, str], ...]  # (address, scheme) of each address with a scheme a page may not use
    has_comment: bool
    internal_box: bool
    inline: Inline
    fact_anchors: frozenset[str] = frozenset()  # where its content states a fact search answers with


def read_page(html: str, page: Mapping[str, Any], src: str, *, with_ids: bool = True) -> PageReading:
    """Read one page's output; page is its entry in the stage's manifest. Its ids are read only
    with_ids (a page no link names a section of needs none)."""
    entries: tuple[dict, ...] = ()
    content = search_index.page_content(html)
    if not page.get("exclude"):
        # Material's search shows titles as HTML (it sets them as innerHTML), like the section
        # titles cut from the page; a page's own title is the author's text, so it is escaped.
        title = escape(page["title"] or src, quote=False)
        entries = tuple(search_index.entries_of(page["url"], title, content,
                                                boost=page.get("boost"), tags=None))
    ids = frozenset(checks.ids_of(html)) if with_ids else frozenset()
    return PageReading(entries, ids, tuple(checks.unsafe_addresses(html)), "<!--" in html,
                       bool(checks.INTERNAL_BOX.search(html)), inline_code_of(html), fact_anchors(content))


class FinishedPages(Mapping[str, PageReading]):
    """The pages of one rendered site, by source path, each read once. With a cache (a preview's,
    kept between builds), a page whose output did not change since last time is not read again."""

    def __init__(self, site_dir: Path, manifest: Mapping[str, Any], cache: dict | None = None,
                 written_in: Mapping[str, Path] | None = None) -> None:
        """written_in: the folder an engine writes a page in, for pages not written in site_dir
        (a site rendered in parts); they are looked for in site_dir once moved there."""
        self.site_dir = Path(site_dir)
        self.pages: Mapping[str, Any] = manifest["pages"]
        self.cache = cache
        self._read: dict[str, PageReading] = {}
        self._outputs = {src: self.site_dir / urls.output_file(page["url"]) for src, page in self.pages.items()}
        self._written = {src: Path(folder) / urls.output_file(self.pages[src]["url"])
                         for src, folder in (written_in or {}).items()}
        self._targets = {anchor["target"] for anchor in manifest.get("anchors", ())}

    def read_finished(self, building: Callable[[], Collection[str] | None]) -> None:
        """Read every page the engines have finished: the files written so far, looked for *before*
        asking building() which pages the engines are on (None when one cannot tell yet)."""
        written = [src for src, output in self._outputs.items()
                   if src not in self._read and self._written.get(src, output).is_file()]
        current = building()
        if current is None:
            return
        for src in written:
            if src not in current:
                self._reading(src)

    def _reading(self, src: str) -> PageReading | None:
        if src in self._read:
            return self._read[src]
        # Where an engine wrote it, else (merged since) in the site.
        for output in filter(None, (self._written.get(src), self._outputs[src])):
            try:
                status = output.stat()
                break
            except FileNotFoundError:
                continue
        else:
            return None  # the engine wrote no page here (an error stopped it)
        page = self.pages[src]
        key = (src, status.st_mtime_ns, status.st_size, page["title"], page.get("boost"), page.get("exclude"),
               src in self._targets)
        if self.cache is not None and key in self.cache:
            reading = self.cache[key]
        else:
            reading = read_page(output.read_text(encoding="utf-8"), page, src, with_ids=src in self._targets)
            if self.cache is not None:
                self.cache[key] = reading
        self._read[src] = reading
        return reading

    def __getitem__(self, src: str) -> PageReading:
        reading = self._reading(src) if src in self._outputs else None
        if reading is None:
            raise KeyError(src)
        return reading

    def __iter__(self) -> Iterator[str]:
        return (src for src in self.pages if self._reading(src) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def inline_code(self) -> Inline:
        """The inline code of every HTML file of the site: its pages as read here, and the files
        the engine writes beside them (404.html, redirect pages)."""
        return inline_code(self.site_dir, {self._outputs[src]: self[src].inline for src in self})
