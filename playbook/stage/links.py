"""Every address a page's Markdown refers to, outside code: Markdown links and images (inline,
by reference, autolinks) and raw-HTML attributes in any quote style.

The stage needs them to decide what a site may hold and to stop what it may not: a customer
page linking an internal page, a link to a page that does not exist, an image only internal
pages use, a `javascript:` address. Reading too much here is safe (a sample in prose counts as
a link and is checked); reading too little is not, so every attribute that can name a URL in
HTML counts, whatever its quotes and however it is separated from the one before
(playbook/render/html_tags.py), character references decoded as the browser decodes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from playbook.load import markdown_lines
from playbook.render import html_tags

# [text](url "title") and ![alt](url): the destination, possibly in <>, up to a space or the
# closing parenthesis (one level of balanced parentheses inside is allowed, as CommonMark does).
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>(?:[^\s()]|\([^\s()]*\))+))")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*(?:<(?P<angle>[^>\n]*)>|(?P<bare>\S+))")
_AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")

SAFE_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class Link:
    index: int        # the line's index in the body
    url: str
    kind: str         # markdown, reference, autolink or html
    start: int = -1   # where the URL sits in the line, for a rewrite (markdown and reference only)

    @property
    def scheme(self) -> str:
        return urlsplit(self.url.strip()).scheme.lower()

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
    for index, line in enumerate(lines):
        if code[index]:
            continue
        prose = _blank_inline_code(line)
        for match in _INLINE.finditer(prose):
            group = "angle" if match.group("angle") is not None else "bare"
            found.append(Link(index, match.group(group), "markdown", match.start(group)))
        reference = _REFERENCE.match(prose)
        if reference:
            group = "angle" if reference.group("angle") is not None else "bare"
            found.append(Link(index, reference.group(group), "reference", reference.start(group)))
        for match in _AUTOLINK.finditer(prose):
            found.append(Link(index, match.group("url"), "autolink"))
    # Raw HTML tags may span lines: read them over the prose as a whole.
    text = "\n".join(_blank_inline_code(line) if not code[i] else " " * len(line) for i, line in enumerate(lines))
    starts = _line_starts(lines)
    for tag in html_tags.TAG.finditer(text):
        for _attribute, url, offset in html_tags.addresses(tag.group("name"), tag.group("attributes")):
            if url:
                found.append(Link(_line_at(starts, tag.start("attributes") + offset), url, "html"))
    return sorted(found, key=lambda link: (link.index, link.start))


def _blank_inline_code(line: str) -> str:
    if "`" not in line:
        return line
    chars = list(line)
    for start, end in markdown_lines.inline_code_spans(line):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _line_starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _line_at(starts: list[int], position: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low


def rewrite(lines: list[str], links: list[Link], new_url: dict[Link, str]) -> list[str]:
    """The lines with the given Markdown links' URLs replaced (right to left, so positions hold)."""
    out = list(lines)
    for link in sorted(new_url, key=lambda k: (k.index, k.start), reverse=True):
        line = out[link.index]
        out[link.index] = line[:link.start] + line[link.start:].replace(link.url, new_url[link], 1)
    return out
