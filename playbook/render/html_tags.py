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

TAG = re.compile(r"""<(?P<name>[A-Za-z][^\s/>]*)(?P<attributes>(?:[^>"']+|"[^"]*"|'[^']*')*)>""")
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


_FOLLOWED = re.compile(
    r"""[\s/"'](?P<name>href|src(?:set)?|action|formaction|data|poster|xlink:href)\s*=\s*"""
    r"""(?:"(?P<double>[^"]*)(?=")|'(?P<single>[^']*)(?=')|(?P<bare>[^\s>]+))""", re.I)
_META = re.compile(r"""<meta\b(?P<attributes>(?:[^>"']+|"[^"]*"|'[^']*')*)>""", re.I)


def addresses_in_page(html: str, *, with_scheme_only: bool = False) -> Iterator[tuple[str, str, str]]:
    """(tag, attribute, address) of every address a browser would follow or load in a whole
    page, character references decoded; the tag is named only for a data: address (where a
    picture is allowed), and '' otherwise. With with_scheme_only, only the addresses that may
    name a scheme: a scheme needs a colon, written as it is or as a character reference (&...;),
    so the hundred or so plain relative links of a page are passed over without decoding."""
    for found in _FOLLOWED.finditer(html):
        attribute = found.group("name").lower()
        written = next(v for v in found.group("double", "single", "bare") if v is not None)
        if with_scheme_only and ":" not in written and "&" not in written:
            continue
        value = unescape(written)
        candidates = [c.split()[0] for c in value.split(",") if c.strip()] if attribute == "srcset" else [value.strip()]
        for address in candidates:
            tag = ""
            if address.lower().startswith("data:"):
                opened = TAG.match(html, html.rfind("<", 0, found.start()))
                tag = opened.group("name").lower() if opened else ""
            yield tag, attribute, address
    for meta in _META.finditer(html):
        if "http-equiv" in meta.group("attributes").lower():
            for attribute, address, _ in addresses("meta", meta.group("attributes")):
                if attribute == "content":
                    yield "meta", attribute, address
