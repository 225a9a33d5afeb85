"""The site's search index, written after rendering from the pages as readers see them.

The theme's search plugin would read every page with Python's html.parser while the engine
renders it, and could only index what the engine handed it. The stage tells the plugin to skip
every page (`search: exclude`), and this step writes search/search_index.json itself, in the
format the theme's search reads, from each page's content as read by the render step's one
reader (playbook.render.page_reading): the part partials/content.html marks, cut into sections
at each heading with an id, as Material cuts them, plus the page's search terms and boost from
the stage, and the site's synonym groups in the config (config.synonyms, which the playbook's
search worker, overrides/assets/playbook/search-worker.js, applies to pages and questions).

A table row and a defined term reach the index as list items, read whole: Material's reader keeps
no table markup, so a whole table would reach the index as one run of text, its cells glued, and
the worker reads a run of text as one passage; a table of thirty rows would then "answer" any
question whose words are scattered over its rows. A row or element a template marks
`data-search-exclude` (a header row of column labels, a matrix's letters, the RACI legend) stays
out: repeated on every page with the table, it would make every such page answer questions about
its words.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from selectolax.lexbor import LexborNode

from playbook.model.facts import Playbook
from playbook.model.handover import Handover, StagedPage
from playbook.render import search_terms
from playbook.search import facts, split_index

INDEX = Path("search", "search_index.json")
CONTENT = "div[data-pb-content]"   # the page's own words, marked by overrides/partials/content.html
DEFAULT_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                  "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
# What Material keeps as markup in a section's text (the worker reads a passage per item).
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
NEVER_INDEXED = frozenset({"script", "style", "object", "template", "noscript"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class SearchReading:
    """What the index needs of one page: its sections' entries, and where its content states a fact
    search answers with (the ids of elements templates mark data-pb-fact: playbook.search.facts)."""

    entries: tuple[dict, ...] = ()
    fact_anchors: frozenset[str] = frozenset()


@dataclass
class _Section:
    id: str | None
    excluded: bool = False
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def entries_of(content: LexborNode, page: StagedPage) -> list[dict]:
    """A page's entries, as Material's SearchIndex.create_entry_for_section writes them."""
    sections: list[_Section] = []
    _walk(content, sections, into=None, in_pre=False)
    # Material's search shows titles as HTML (it sets them as innerHTML), like the section titles
    # cut from the page; a page's own title is the author's text, so it is escaped.
    page_title = escape(page.title or "", quote=False)
    entries = []
    for section in sections:
        if section.excluded:
            continue
        entry: dict = {"location": page.url + (f"#{section.id}" if section.id else ""),
                       "title": "".join(section.title).strip() or page_title,
                       "text": "".join(section.text).strip()}
        if page.boost is not None:
            entry["boost"] = page.boost
        entries.append(entry)
    return entries


def _walk(node: LexborNode, sections: list[_Section], *, into: list[str] | None, in_pre: bool) -> None:
    """Add node's children to the sections: text to the current section's title (into) or text."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            _add_text(sections, into, child.text_content or "", in_pre)
            continue
        if tag.startswith("-"):  # a comment: not indexed
            continue
        attributes = child.attributes
        if "data-search-exclude" in attributes and tag not in HEADINGS or tag in NEVER_INDEXED:
            continue
        classes = (attributes.get("class") or "").split()
        if tag == "a" and "headerlink" in classes or "linenodiv" in classes:
            continue
        if tag in HEADINGS and "id" in attributes and into is None:
            # The first section of a page that starts with its h1 is the page itself (no anchor).
            first_h1 = tag == "h1" and not sections
            section = _Section(None if first_h1 else attributes["id"], "data-search-exclude" in attributes)
            sections.append(section)
            _walk(child, sections, into=section.title, in_pre=False)
            continue
        if tag == "table" and into is None:
            caption = child.css_first("caption")
            if caption is not None:
                _walk(caption, sections, into=None, in_pre=in_pre)
            _as_list(sections, _rows(child), in_pre)
            continue
        if tag == "dl" and into is None:
            _as_list(sections, _terms(child), in_pre)
            continue
        if tag in KEEP:
            pieces = into if into is not None else _current(sections).text
            start = len(pieces)
            pieces.append(f"<{tag}>")
            _walk(child, sections, into=into, in_pre=in_pre or tag == "pre")
            pieces = into if into is not None else _current(sections).text
            if all(piece.isspace() for piece in pieces[start + 1:]):
                del pieces[start:]  # an element holding only white space is dropped whole
            else:
                pieces.append(f"</{tag}>")
            continue
        _walk(child, sections, into=into, in_pre=in_pre or tag == "pre")


def _current(sections: list[_Section]) -> _Section:
    if not sections:
        sections.append(_Section(None))
    return sections[-1]


def _add_text(sections: list[_Section], into: list[str] | None, text: str, in_pre: bool) -> None:
    if not in_pre:
        text = " " if text.isspace() else text.replace("\n", " ")
    pieces = into if into is not None else _current(sections).text
    if text.isspace() and not in_pre:
        if pieces and pieces[-1].isspace():
            return
        pieces.append(text)
        return
    pieces.append(escape(text, quote=False))


def _rows(table: LexborNode) -> list[list[LexborNode]]:
    """Each row of a table (not of a table inside it, which its cell holds), as its cells."""
    rows = []
    for row in table.css("tr"):
        owner = row.parent
        while owner is not None and owner.tag != "table":
            owner = owner.parent
        if owner is None or owner.mem_id != table.mem_id or "data-search-exclude" in row.attributes:
            continue
        rows.append([cell for cell in row.iter() if cell.tag in ("td", "th")
                     and "data-search-exclude" not in cell.attributes])
    return rows


def _terms(definitions: LexborNode) -> list[list[LexborNode]]:
    """Each term of a definition list with its definitions (a <div> may group a term with them)."""
    items: list[list[LexborNode]] = []
    for child in definitions.css("dt, dd"):
        if child.tag == "dt":
            items.append([child])
        elif child.tag == "dd" and items:
            items[-1].append(child)
    return items


def _as_list(sections: list[_Section], items: list[list[LexborNode]], in_pre: bool) -> None:
    _current(sections).text.append("<ul>")
    for cells in items:
        pieces: list[str] = []
        for cell in cells:
            pieces.append(" ")
            _walk(cell, sections, into=pieces, in_pre=in_pre)
        words = "".join(pieces).strip()
        if words:
            _current(sections).text.append(f"<li>{' '.join(words.split())}</li>")
    _current(sections).text.append("</ul>")


def index_files(site_dir: Path, handover: Handover, readings: Mapping[str, SearchReading],
                staged_root: Path) -> dict[str, str]:
    """The search index of every page of the site, in the hand-over's order, split into the files
    the search worker fetches by need (playbook.search.split_index), with the facts search answers
    questions with (playbook.search.facts, from the staged data beside the config) and the frames
    of the questions that ask for them: each file's text by its path under search/."""
    path = Path(site_dir) / INDEX
    written = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    config = {**(written.get("config") or DEFAULT_CONFIG),
              "synonyms": [group.model_dump() for group in handover.search_synonyms]}
    config.pop("playbook", None)  # the engine's config, not an index this step wrote before
    playbook = Playbook.from_json((Path(staged_root) / Handover.PLAYBOOK_FILE).read_bytes())
    searched = {src: page.url for src, page in handover.pages.items() if src in readings and not page.exclude}
    found_facts = facts.located(facts.facts(playbook), searched,
                                {src: readings[src].fact_anchors for src in searched})
    config["frames"] = [{"asks": f.asks, "words": list(f.words), "also": list(f.also)}
                        for f in playbook.search_frames.values()]
    docs: list[dict] = []
    terms: dict[str, list[str]] = {}
    for src, page in handover.pages.items():
        if src not in readings or page.exclude:
            continue
        if page.terms:
            terms[page.url] = list(page.terms)
        docs += readings[src].entries
    whole = search_terms.add_terms({"config": config, "docs": docs}, terms)
    split = split_index.build(whole["docs"], whole["config"], found_facts)
    index = {"config": {**whole["config"], "playbook": split.index}, "docs": []}
    files = {INDEX.name: search_terms.dumps(index), **split.scripts}
    if handover.offline:
        # The offline theme reads the index as a script, so it works from disk without a server.
        files["search_index.js"] = "var __index = " + files[INDEX.name]
    return files


def write_files(folder: Path, files: Mapping[str, str]) -> None:
    """The index's files written into folder (search/), replacing the split files of a build before."""
    for name in split_index.FOLDERS:
        shutil.rmtree(folder / name, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def write_index(site_dir: Path, handover: Handover, readings: Mapping[str, SearchReading], staged_root: Path) -> None:
    """Replace the engine's search index with the playbook's own (index_files)."""
    write_files((Path(site_dir) / INDEX).parent, index_files(site_dir, handover, readings, staged_root))
