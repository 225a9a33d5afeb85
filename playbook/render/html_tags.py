"""Start tags and their attributes, read the way a browser (and Python's html.parser) reads them.

Two checks look for addresses in HTML: the stage in a page's raw HTML before rendering
(playbook/stage/links.py), and the output check in every rendered page (playbook/render/checks.py).
Both must find an attribute wherever a browser would: after white space, after a slash
(`<a/href=...>`), or straight after the quote that closed the attribute before it
(`<a title="x"href=...>`); and never inside another attribute's quoted value (`title="a href=x"`
holds no link). So attributes are read one after the other from the start of the tag, each
name with its value, as html.parser's tolerant attribute reader does.

A rendered page holds thousands of tags, nearly all without an address, and reading each of
them in Python was most of the output check's time. addresses_in_page finds the attributes a
browser follows or loads (href, src, srcset, action, formaction, data, poster, xlink:href) in
one pass of a regular expression, with the same separators; it may also report an attribute
written inside another one's quoted value, which errs on the side of stopping the build.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

# Possessive runs (*+, ++): a tag that never closes is given up at once. Backtracking into
# them could not find another reading, only take time: with plain runs, a few dozen characters
# of a tag left open before a stray quote took the regex engine minutes (no real tag name holds
# a quote, so reading the name as a browser does, to its end, loses nothing).
TAG = re.compile(r"""<(?P<name>[A-Za-z][^\s/>]*+)(?P<attributes>(?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""")
_ATTRIBUTE = re.compile(
    r"""[\s/]*(?P<name>[^\s/>][^\s/=>]*)(?:\s*=+\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>(?!['"])[^>\s]*)))?""")

# Attributes whose value is an address (or, for srcset, a list of them).
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "poster", "data", "action", "formaction", "xlink:href", "background", "cite",
    "longdesc", "manifest", "ping", "codebase", "archive", "profile", "usemap", "icon", "lowsrc", "dynsrc"})
_REFRESH = re.compile(r"^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?(?P<url>[^'\"]*)", re.I)


def attributes(text: str) -> Iterator[tuple[str, str, int]]:
    """(name in lower case, value as written, offset of the name in text) of each attribute of
    a tag's attribute text (what follows the tag's name)."""
    position = 0
    while position < len(text):
        found = _ATTRIBUTE.match(text, position)
        if not found or not found.group("name"):
            position += 1
            continue
        value = next((v for v in found.group("double", "single", "bare") if v is not None), "")
        yield found.group("name").lower(), value, found.start("name")
        position = found.end()


def addresses(tag_name: str, attribute_text: str, *, decode: bool = True) -> Iterator[tuple[str, str, int]]:
    """(attribute, address, offset) of every address a tag holds: each candidate of a srcset, and
    the target of a refresh. With decode, character references are read as the browser reads them."""
    found = list(attributes(attribute_text))
    refresh = tag_name.lower() == "meta" and any(name == "http-equiv" and value.strip().lower() == "refresh"
                                                 for name, value, _ in found)
    for name, value, offset in found:
        value = unescape(value) if decode else value
        if name == "srcset":
            for candidate in value.split(","):
                if candidate.strip():
                    yield name, candidate.split()[0], offset
        elif name in URL_ATTRIBUTES:
            yield name, value.strip(), offset
        elif name == "content" and refresh:
            target = _REFRESH.match(value)
            if target and target.group("url").strip():
                yield name, target.group("url").strip(), offset


# The attributes a browser follows or loads, each with its value as written.
_FOLLOWED_NAMES = ("href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href")
_VALUE = r"""\s*=\s*(?:"(?P<double>[^"]*)(?=")|'(?P<single>[^']*)(?=')|(?P<bare>[^\s>]+))"""
_FOLLOWED = re.compile(r"""[\s/"'](?P<name>""" + "|".join(map(re.escape, _FOLLOWED_NAMES)) + ")" + _VALUE, re.I)
_META = re.compile(r"""<meta\b(?P<attributes>(?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""", re.I)
# _FOLLOWED, one attribute name at a time, for a page in lower case: Python's re finds a literal
# quickly and an alternation of case-blind names slowly (half of a page's reading, at scale).
_EACH_FOLLOWED = tuple((re.compile(re.escape(name)), re.compile(f"(?P<name>{re.escape(name)}){_VALUE}"))
                       for name in _FOLLOWED_NAMES)
_BEFORE_NAME = frozenset(" \t\n\r\f\v/\"'")


def _followed(html: str) -> Iterator[tuple[str, str, int]]:
    """(attribute, value as written, offset) of each match of _FOLLOWED in html, in page order;
    the offset is that of the character before the name."""
    lowered = html.lower()
    if len(lowered) != len(html):  # a letter whose lower case is longer: offsets would not line up
        for found in _FOLLOWED.finditer(html):
            yield (found.group("name").lower(), next(v for v in found.group("double", "single", "bare") if v is not None),
                   found.start())
        return
    # Every place a name is written after a separator and followed by its value, merged in page
    # order; as one pass of _FOLLOWED would, a match that begins inside the one before (a name
    # written in another attribute's value) is passed over.
    candidates = []
    for name, attribute in _EACH_FOLLOWED:
        for written in name.finditer(lowered):
            start = written.start()
            if start and (html[start - 1] in _BEFORE_NAME or html[start - 1].isspace()):
                found = attribute.match(lowered, start)
                if found:
                    candidates.append((start, found))
    candidates.sort(key=lambda candidate: candidate[0])
    resume = 0
    for start, found in candidates:
        before = start - 1
        if before < resume:
            continue
        resume = found.end()
        value = next(group for group in ("double", "single", "bare") if found.start(group) >= 0)
        yield found.group("name"), html[found.start(value):found.end(value)], before


def addresses_in_page(html: str, *, with_scheme_only: bool = False) -> Iterator[tuple[str, str, str]]:
    """(tag, attribute, address) of every address a browser would follow or load in a whole
    page, character references decoded; the tag is named only for a data: address (where a
    picture is allowed), and '' otherwise. With with_scheme_only, only the addresses that may
    name a scheme: a scheme needs a colon, written as it is or as a character reference (&...;),
    so the hundred or so plain relative links of a page are passed over without decoding.

    Attribute names are matched as a browser matches them, with ASCII letters in either case
    (a browser does not read the long s of `ſrc` as an s, and neither does this)."""
    for attribute, written, offset in _followed(html):
        if with_scheme_only and ":" not in written and "&" not in written:
            continue
        value = unescape(written)
        candidates = [c.split()[0] for c in value.split(",") if c.strip()] if attribute == "srcset" else [value.strip()]
        for address in candidates:
            tag = ""
            if address.lower().startswith("data:"):
                opened = TAG.match(html, html.rfind("<", 0, offset))
                tag = opened.group("name").lower() if opened else ""
            yield tag, attribute, address
    for meta in _META.finditer(html):
        if "http-equiv" in meta.group("attributes").lower():
            for attribute, address, _ in addresses("meta", meta.group("attributes")):
                if attribute == "content":
                    yield "meta", attribute, address
