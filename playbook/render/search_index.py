"""The site's search index, written after rendering from the pages as readers see them.

The theme's search plugin would read every page with Python's html.parser while the engine
renders it; at handbook scale that was a third of a build, and it could only index what the
engine handed it. The stage tells the plugin to skip every page (`search: exclude`), and this
step writes search/search_index.json itself, in the format the theme's search reads: each
page's content (between the markers partials/content.html puts around it) cut into sections
by playbook.render.search_sections, exactly as Material cuts them, plus the page's search terms
and boost from the stage, and the site's synonym groups in the config (config.synonyms, which the
playbook's search worker, overrides/assets/playbook/search-worker.js, applies to pages and
questions). It reads only the output folder and the stage's manifest, so it works on any engine's
output, and with the engine's own index config (language, separator).
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playbook.model.facts import Playbook
from playbook.render import search_terms
from playbook.render.search_sections import split_sections
from playbook.search import facts

if TYPE_CHECKING:  # the readings are made with this module's entries_of
    from playbook.render.finished_pages import PageReading

INDEX = Path("search", "search_index.json")
PLAYBOOK_FILE = "playbook.json"  # the site's data, as the stage wrote it beside the config
CONTENT_START = '<div class="pb-page-content" data-pb-content>'
# What follows the content wrapper in the article: the page facts, or the article's end.
_AFTER_CONTENT = re.compile(r'<aside class="pb-page-facts"|</article>')
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<inner>.*)</article>', re.S)
DEFAULT_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                  "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def page_content(html: str) -> str:
    """The page's own content in a rendered page: what partials/content.html marks, else the article."""
    start = html.find(CONTENT_START)
    if start >= 0:
        start += len(CONTENT_START)
        after = _AFTER_CONTENT.search(html, start)
        end = html.rfind("</div>", start, after.start() if after else len(html))
        return html[start:end if end >= 0 else None]
    article = _ARTICLE.search(html)
    return article.group("inner") if article else ""


# A table row, and a term of a definition list with its definitions. Material's parser keeps
# no table or list-of-definitions markup, so a whole table would reach the index as one run of
# text, its cells glued ("WhatWho at the customerWhen"): the search worker reads a run of text as
# one passage, and a table of thirty rows then "answers" any question whose words are scattered
# over its rows. Each table and definition list is therefore handed to the parser as a list (tags
# Material keeps), each row, and each term with its definitions, an item of it: the worker reads
# an item whole, as one passage, so a row's "what" stays with its "who" and "when", where the
# sentences of a paragraph would be read apart. A table's caption, just before its list, is read
# with each row as a list's lead-in is.
_TABLE = re.compile(r"(?P<start><table\b[^>]*>(?:\s*<caption\b.*?</caption\s*>)?)(?P<inner>.*?)(?P<end></table\s*>)", re.S)
_DEFINITIONS = re.compile(r"(?P<start><dl\b[^>]*>)(?P<inner>.*?)(?P<end></dl\s*>)", re.S)
_ROW = re.compile(r"<tr\b(?P<attrs>[^>]*)>(?P<inner>.*?)</tr\s*>", re.S)
_TERM = re.compile(r"<dt\b[^>]*>.*?</dt\s*>(?:\s*<dd\b[^>]*>.*?</dd\s*>)*", re.S)
_CELL = re.compile(r"(?=<(?:td|th|dd)\b)")
# A table inside a table: the patterns above would end the outer one early, so it is left as is.
_NESTED = re.compile(r"<(?:table|dl)\b")


def _as_item(html: str) -> str:
    """A row's or a term's markup as one list item, a space between its cells."""
    return "<li>" + _CELL.sub(" ", html) + "</li>"


def _row(match: re.Match) -> str:
    # A row the template keeps out of the index (a header row of column labels) stays as it is,
    # so the parser still skips it.
    if "data-search-exclude" in match.group("attrs"):
        return match.group()
    return _as_item(match.group("inner"))


def _as_list(match: re.Match, items: re.Pattern, item) -> str:
    inner = match.group("inner")
    if _NESTED.search(inner):
        return match.group()
    return match.group("start") + "<ul>" + items.sub(item, inner) + "</ul>" + match.group("end")


def passages_marked(content: str) -> str:
    """The page's content with each table and definition list as a list, a row or a defined
    term with its definitions an item."""
    content = _TABLE.sub(lambda m: _as_list(m, _ROW, _row), content)
    return _DEFINITIONS.sub(lambda m: _as_list(m, _TERM, lambda t: _as_item(t.group())), content)


def entries_of(url: str, title: str, content: str, *, boost: float | None, tags: list[str] | None) -> list[dict]:
    """A page's entries, as Material's SearchIndex.create_entry_for_section writes them, from its
    content with each table row and defined term marked as a passage (passages_marked)."""
    entries = []
    for section in split_sections(passages_marked(content)):
        if section.excluded:
            continue
        entry: dict[str, Any] = {"location": url + (f"#{section.id}" if section.id else ""),
                                 "title": "".join(section.title).strip() or title,
                                 "text": "".join(section.text).strip()}
        if tags is not None:
            entry["tags"] = tags
        if boost is not None:
            entry["boost"] = boost
        entries.append(entry)
    return entries


def write_index(site_dir: Path, manifest: dict[str, Any], pages: Mapping[str, PageReading],
                staged_root: Path | None = None) -> None:
    """Replace the engine's search index with the index of every page of the site, from the
    pages as read (playbook.render.finished_pages), in the order of the manifest; with the
    staged tree, the facts search answers questions with (playbook.search.facts) and the frames
    of the questions that ask for them."""
    path = site_dir / INDEX
    written = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    config = {**(written.get("config") or DEFAULT_CONFIG), "synonyms": manifest.get("search_synonyms", [])}
    if staged_root is not None and (staged_root / PLAYBOOK_FILE).is_file():
        playbook = Playbook.from_json((staged_root / PLAYBOOK_FILE).read_bytes())
        urls = {src: page["url"] for src, page in manifest["pages"].items() if src in pages and not page.get("exclude")}
        config["facts"] = facts.located(facts.facts(playbook), urls, {src: pages[src].fact_anchors for src in urls})
        config["frames"] = [{"asks": f.asks, "words": list(f.words), "also": list(f.also)}
                            for f in playbook.search_frames.values()]
    docs: list[dict] = []
    terms: dict[str, list[str]] = {}
    for src, page in manifest["pages"].items():
        if src not in pages or page.get("exclude"):
            continue
        if page.get("terms"):
            terms[page["url"]] = page["terms"]
        docs += pages[src].entries
    index = search_terms.add_terms({"config": config, "docs": docs}, terms)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(search_terms.dumps(index), encoding="utf-8")
    if manifest.get("offline"):
        # The offline theme reads the index as a script, so it works from disk without a server.
        (path.parent / "search_index.js").write_text("var __index = " + search_terms.dumps(index), encoding="utf-8")
