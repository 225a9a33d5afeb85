"""Every address a page's Markdown refers to, outside code: Markdown links and images (inline,
by reference, autolinks), attributes set with attr_list (`{ href=... }`), and raw-HTML attributes.

The stage needs them to decide what a site may hold and to stop what it may not: a customer
page linking an internal page, a link to a page that does not exist, an image only internal
pages use, a `javascript:` address. Reading too much here is safe (a sample in prose counts as
a link and is checked); reading too little is not. So reference definitions are read as
Python-Markdown reads them (its own pattern: the address may sit on the next line, the
definition inside a quote; a footnote's definition is no reference), attribute lists with
Python-Markdown's own attribute reader, and raw HTML with the build's one HTML reader
(playbook.present.html), which reads every attribute a browser follows, however it is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote

from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

from playbook.load import markdown_lines
from playbook.present import html

# [text](url "title") and ![alt](url): the destination, possibly in <>, up to a space or the
# closing parenthesis (one level of balanced parentheses inside is allowed, as CommonMark does).
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>(?:[^\s()]|\([^\s()]*\))+))")
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?")
_ATTRIBUTE_LIST = re.compile(AttrListTreeprocessor.BASE_RE)
_AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")



@dataclass(frozen=True)
class Link:
    index: int        # the line's index in the body
    url: str
    kind: str         # markdown, reference, autolink, attr_list or html
    start: int = -1   # where the URL sits in the line, for a rewrite (markdown and reference only)

    @property
    def scheme(self) -> str:
        return html.scheme_of(self.url)

    @property
    def is_relative(self) -> bool:
        stripped = self.url.strip()
        return not self.scheme and not stripped.startswith("//")

    @property
    def path(self) -> str:
        """The path part of a relative URL, unquoted (%20 is a space in a file name)."""
        return unquote(self.url.strip().split("#", 1)[0].split("?", 1)[0])

    @property
    def anchor(self) -> str:
        return self.url.partition("#")[2]


def find(lines: list[str]) -> list[Link]:
    code = markdown_lines.code_lines(lines)
    found: list[Link] = []
    prose = [_blank_inline_code(line) if not code[i] else "" for i, line in enumerate(lines)]
    for index, line in enumerate(prose):
        if code[index]:
            continue
        for match in _INLINE.finditer(line):
            group = "angle" if match.group("angle") is not None else "bare"
            found.append(Link(index, match.group(group), "markdown", match.start(group)))
        for match in _AUTOLINK.finditer(line):
            found.append(Link(index, match.group("url"), "autolink"))
        for match in _ATTRIBUTE_LIST.finditer(line):
            attributes, _rest = get_attrs_and_remainder(match.group(1))
            found += [Link(index, str(value), "attr_list") for name, value in attributes
                      if isinstance(name, str) and name.lower() in html.URL_ATTRIBUTES and value]
    found += _references(prose, code)
    # Raw HTML may span lines: it is read over the prose as a whole, then each address is placed
    # on the first line that holds it.
    text = "\n".join(prose)
    if "<" in text:
        decoded = [unescape(line).translate(_URL_BLANKS) for line in prose]
        for _tag, attribute, url in html.page_addresses(text):
            wanted = url.strip().translate(_URL_BLANKS)
            index = next((i for i, line in enumerate(decoded) if wanted in line), None)
            if index is None:
                index = next((i for i, line in enumerate(prose) if attribute in line.lower()), 0)
            found.append(Link(index, url, "html"))
    return sorted(found, key=lambda link: (link.index, link.start))


_URL_BLANKS = {ord(c): None for c in "\t\n\r"}


def _references(prose: list[str], code: list[bool]) -> list[Link]:
    """Reference definitions, read block by block with Python-Markdown's own pattern, after the
    markers of the quotes holding them; a definition of a footnote ([^1]: ...) is none."""
    found: list[Link] = []
    index = 0
    while index < len(prose):
        if code[index] or not prose[index].strip():
            index += 1
            continue
        start = index
        while index < len(prose) and not code[index] and prose[index].strip():
            index += 1
        block, offsets = [], []
        for line in prose[start:index]:
            cut = 0
            while (quote := _QUOTE.match(line, cut)) is not None:
                cut = quote.end()
            block.append(line[cut:])
            offsets.append(cut)
        text = "\n".join(block)
        for match in ReferenceProcessor.RE.finditer(text):
            if match.group(1).startswith("^"):
                continue
            row = text.count("\n", 0, match.start(2))
            column = match.start(2) - (text.rfind("\n", 0, match.start(2)) + 1)
            url = match.group(2)
            if url.startswith("<") and url.endswith(">"):
                url, column = url[1:-1], column + 1
            found.append(Link(start + row, url, "reference", offsets[row] + column))
    return found


def _blank_inline_code(line: str) -> str:
    if "`" not in line:
        return line
    chars = list(line)
    for start, end in markdown_lines.inline_code_spans(line):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def rewrite(lines: list[str], links: list[Link], new_url: dict[Link, str]) -> list[str]:
    """The lines with the given Markdown links' URLs replaced (right to left, so positions hold)."""
    out = list(lines)
    for link in sorted(new_url, key=lambda k: (k.index, k.start), reverse=True):
        line = out[link.index]
        out[link.index] = line[:link.start] + line[link.start:].replace(link.url, new_url[link], 1)
    return out
