"""The build's one HTML reader, and what the build asks of HTML: the addresses a browser follows.

HTML is read by Lexbor (through selectolax), a parser that follows the HTML standard browsers
follow, wherever the build reads it: the raw HTML in a page's Markdown (playbook.stage.links)
and every page the engine wrote (playbook.render.page_reading). Character references are
decoded, attributes are read however they are quoted and separated (`<a/href=...>`,
`<a title="x"href=...>`), and text is text: the build sees an address exactly where a browser
would follow it, never a pattern's guess.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from selectolax.lexbor import LexborHTMLParser

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Schemes that run code when followed: refused in any attribute, not only in addresses (a
# script of the site may read a data- attribute and follow it).
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript"})
# Attributes a browser follows or loads as an address (srcset as a list of them).
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "poster", "data", "action", "formaction", "xlink:href", "background", "cite",
    "longdesc", "manifest", "ping", "codebase", "archive", "profile", "usemap", "icon", "lowsrc", "dynsrc"})
# Where a data: address is a picture, not a document or a script.
PICTURES = frozenset({"img", "source"})
# Script types a browser runs; any other type (application/json: Material's __config) is data.
JAVASCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "application/ecmascript",
                              "text/ecmascript", "module", "text/jscript", "text/livescript"})
_LEADING = "".join(chr(c) for c in range(0x21))  # C0 controls and space, which a browser skips
_BLANKS = {ord(c): None for c in "\t\n\r"}        # and these, which it drops anywhere in an address


def parse(text: str) -> LexborHTMLParser:
    return LexborHTMLParser(text)


def scheme_of(address: str) -> str:
    """The scheme a browser reads in an address ('' for a relative one), after the URL standard's
    clean-up: leading spaces and control characters skipped, tabs and line breaks dropped."""
    scheme, colon, _rest = address.lstrip(_LEADING).translate(_BLANKS).partition(":")
    if not colon or not scheme[:1].isascii() or not scheme[:1].isalpha():
        return ""
    if not all(c.isascii() and (c.isalnum() or c in "+-.") for c in scheme):
        return ""
    return scheme.lower()


def unsafe_scheme(tag: str, attribute: str, address: str) -> str | None:
    """The scheme of an address a reader must not be sent to or run, else None. In an attribute
    that holds no address, only a scheme that runs code counts."""
    scheme = scheme_of(address)
    if attribute not in URL_ATTRIBUTES and attribute != "content":
        return scheme if scheme in SCRIPT_SCHEMES else None
    if not scheme or scheme in SAFE_SCHEMES:
        return None
    if scheme == "data" and tag in PICTURES and attribute in ("src", "srcset"):
        return None
    return scheme


def addresses_of(tag: str, attribute: str, value: str, attributes: Mapping[str, str | None]) -> Iterable[str]:
    """The addresses one attribute holds, as a browser reads them: each candidate of a srcset, a
    refresh's target; the whole value of any other attribute (which unsafe_scheme judges by the
    attribute)."""
    if attribute == "srcset":
        return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
    if attribute == "content":
        if tag != "meta" or (attributes.get("http-equiv") or "").strip().lower() != "refresh":
            return []
        _delay, _semicolon, target = value.partition(";")
        target = target.strip()
        if target[:4].lower() == "url=":
            target = target[4:].strip()
        target = target.strip("'\"")
        return [target] if target else []
    return [value]


def page_addresses(text: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, address) of every address a browser would follow or load in a piece of
    HTML (the raw HTML of a Markdown page: its text is read as text)."""
    document = parse(text)
    found = []
    for node in document.root.traverse(include_text=False) if document.root is not None else ():
        attributes = node.attributes
        for attribute, value in attributes.items():
            if attribute in URL_ATTRIBUTES or attribute == "content":
                found += [(node.tag, attribute, address) for address in
                          addresses_of(node.tag, attribute, value or "", attributes) if address.strip()]
    return found
