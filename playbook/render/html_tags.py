"""Start tags and their attributes, read the way a browser (and Python's html.parser) reads them.

Two checks look for addresses in HTML: the stage in a page's raw HTML before rendering
(playbook/stage/links.py), and the output check in every rendered page (playbook/render/checks.py).
Both must find an attribute wherever a browser would: after white space, after a slash
(`<a/href=...>`), or straight after the quote that closed the attribute before it
(`<a title="x"href=...>`); and never inside another attribute's quoted value (`title="a href=x"`
holds no link). So attributes are read one after the other from the start of the tag, each
name with its value, as html.parser's tolerant attribute reader does.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

TAG = re.compile(r"""<(?P<name>[A-Za-z][^\s/>]*)(?P<attributes>(?:"[^"]*"|'[^']*'|[^>"'])*)>""")
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
