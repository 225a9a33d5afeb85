"""A page's HTML split into the sections of Material's search index: what its parser gives, faster.

Material for MkDocs indexes a page by feeding its HTML to a subclass of `html.parser.HTMLParser`
that cuts it into sections at each heading with an id, keeps a few tags (p, code, pre, lists,
sub, sup) and drops the rest. Python's HTMLParser makes several regex calls and a line count per
tag, and Material's handlers compare whole element stacks per run of text; at handbook scale that
was a third of the internal build.

`split_sections` reads the same HTML with one regex pass and keeps the handlers' state in
counters, and gives back the same sections: same titles, texts, ids and exclusions, quirks
included (a heading's title is whatever sits inside any element of the heading's tag; a
`data-search-exclude` element hides every element of its tag until one of them closes). The
unit tests compare it with Material's own parser on tricky HTML, and a build test compares the
real sites' whole search index with and without it.

It follows Material 9.x (material/plugins/search/plugin.py, class Parser, MIT licence) and the
tokenising of Python's html.parser for the HTML that Markdown and the playbook's templates write.
Plain Python: nothing here imports MkDocs or Material.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

# What Material keeps as markup in titles and texts, and what it never indexes.
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
NEVER_INDEXED = ("object", "script", "style")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
PREFACE = "hx"  # the tag of the section before the first heading: no element has it

# The next piece of a page, read as html.parser reads it: a run of text up to the next `<`; a
# start or end tag; a comment, declaration or processing instruction; or a `<` that starts none
# of these, which html.parser hands over as a text of its own.
_TOKEN = re.compile(
    r"(?P<text>[^<]+)"
    r"|(?P<tag><(?P<close>/?)(?P<name>[a-zA-Z][^\t\n\r\f />\x00]*)(?P<attrs>(?:\"[^\"]*\"|'[^']*'|[^>\"'])*)>)"
    r"|(?P<other><!--.*?--\s*>|<![^>]*>|<\?[^>]*>)"
    r"|(?P<lt><)",
    re.S)
_ATTRIBUTE = re.compile(r"(?<=['\"\s/])([^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?")
_EXCLUSION_HINT = re.compile(r"data-search-exclude|linenodiv", re.I)
_RAW_TEXT_END = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


@dataclass
class SearchSection:
    """One entry of the search index before Material turns it into JSON."""

    tag: str  # the heading's tag, or PREFACE
    depth: float = 0
    id: str | None = None
    excluded: bool = False  # the heading carries data-search-exclude
    title: list[str] = field(default_factory=list)  # pieces, joined and stripped by Material
    text: list[str] = field(default_factory=list)


def _attributes(raw: str) -> dict[str, str | None]:
    """Attributes as html.parser gives them: lower-case names, unquoted and unescaped values."""
    attrs: dict[str, str | None] = {}
    for name, equals, value in _ATTRIBUTE.findall(raw):
        if not equals:
            attrs[name.lower()] = None  # a bare attribute, such as `checked`
            continue
        if value[:1] in ("'", '"') and value[:1] == value[-1:]:
            value = value[1:-1]
        attrs[name.lower()] = unescape(value)
    return attrs


def split_sections(html: str) -> list[SearchSection]:
    """The sections Material's search plugin would index for a page whose content is `html`.

    One loop over the markup, with Material's handlers (handle_starttag, handle_endtag,
    handle_data) written out in its branches; what Material finds by searching its element stack
    is kept in counters: open elements per tag, open permalinks, open elements of skipped tags."""
    sections: list[SearchSection] = []
    section: SearchSection | None = None
    stack: list[tuple[str, bool]] = []  # open elements: (tag, is a permalink <a class="headerlink">)
    open_: dict[str, int] = {}  # tag -> open elements of that tag
    permalinks_open = 0
    skip = set(NEVER_INDEXED)  # tags whose open elements hide all they hold from the index
    skipped_open = 0  # open elements whose tag is in skip

    position, length = 0, len(html)
    while position < length:
        match = _TOKEN.match(html, position)
        position = match.end()
        kind = match.lastgroup

        if kind == "text" or kind == "lt":  # -- handle_data -------------------------------
            if skipped_open:
                continue
            text = unescape(match.group()) if kind == "text" else "<"
            in_pre = open_.get("pre", 0) > 0
            if not in_pre:
                text = " " if text.isspace() else text.replace("\n", " ")
            if section is None:
                section = SearchSection(PREFACE)
                sections.append(section)
            if open_.get(section.tag):
                if not permalinks_open:
                    section.title.append(escape(text, quote=False))
            elif text.isspace():
                if not section.text or not section.text[-1].isspace() or in_pre:
                    section.text.append(text)
            else:
                section.text.append(escape(text, quote=False))
            continue

        if kind != "tag":
            continue  # a comment, declaration or processing instruction: not indexed
        tag = match.group("name").lower()

        if not match.group("close"):  # -- handle_starttag -----------------------------------
            raw_attrs = match.group("attrs")
            self_closing = raw_attrs.rstrip().endswith("/")
            if tag not in VOID:
                # Only headings, links and the two exclusion markers read an attribute: others
                # skip the parsing.
                attrs = _attributes(raw_attrs) if raw_attrs and (
                    tag in HEADINGS or tag == "a" or _EXCLUSION_HINT.search(raw_attrs)) else {}
                permalink = tag == "a" and attrs.get("class") == "headerlink"
                stack.append((tag, permalink))
                open_[tag] = open_.get(tag, 0) + 1
                permalinks_open += permalink
                skipped_open += tag in skip
                if tag in HEADINGS and "id" in attrs:
                    depth = len(stack)
                    if tag != "h1" and not sections:
                        sections.append(SearchSection(PREFACE, depth))
                    section = SearchSection(tag, depth, excluded="data-search-exclude" in attrs)
                    if sections:
                        section.id = attrs["id"]
                    sections.append(section)
                if section is None:
                    section = SearchSection(PREFACE)
                    sections.append(section)
                if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                    if tag not in skip:
                        skip.add(tag)
                        skipped_open += open_[tag]
                elif tag in KEEP and not skipped_open:
                    (section.title if open_.get(section.tag) else section.text).append(f"<{tag}>")
            if not self_closing:  # <tag ... />: html.parser reports a start, then the end below
                if tag in _RAW_TEXT_END:
                    # Script and style hold text up to their end tag, whatever it looks like; it
                    # is never indexed (both tags are always skipped), so it is stepped over.
                    closing = _RAW_TEXT_END[tag].search(html, position)
                    position = closing.start() if closing else length
                continue

        # -- handle_endtag ------------------------------------------------------------------
        if not stack or stack[-1][0] != tag:
            continue
        depth = len(stack)
        if section.depth > depth:
            for earlier in reversed(sections):
                if earlier.depth <= depth:
                    section.depth = float("inf")  # left for good
                    section = earlier
                    break
        _, permalink = stack.pop()
        open_[tag] -= 1
        permalinks_open -= permalink
        if tag in skip:
            skipped_open -= 1
            if tag not in NEVER_INDEXED:
                skip.discard(tag)
                skipped_open -= open_[tag]
            continue
        if tag in KEEP and not skipped_open:
            pieces = section.title if open_.get(section.tag) else section.text
            index = pieces.index(f"<{tag}>")
            for i in range(index + 1, len(pieces)):
                if not pieces[i].isspace():
                    index = len(pieces)
                    break
            if len(pieces) > index:
                del pieces[index:]  # an element holding only white space is dropped whole
            else:
                pieces.append(f"</{tag}>")
    return sections
