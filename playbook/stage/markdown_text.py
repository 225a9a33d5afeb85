"""Line-level rewrites of a page's Markdown that must happen before anything renders it.

Both rewrites walk the same structure (fenced code blocks and pymdownx `///` blocks), so they
live together: one removes internal passages from the customer site, the other shields code
samples from the macro engine so authors never need to know Jinja to show `{{ ... }}`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
_BLOCK_OPEN = re.compile(r"^[ \t]*(?P<slashes>/{3,})[ \t]*(?P<name>[a-z][\w-]*)")
_BLOCK_CLOSE = re.compile(r"^[ \t]*(?P<slashes>/{3,})[ \t]*$")
_INTERNAL_OPEN = re.compile(r"^[ \t]*(?P<slashes>/{3,})[ \t]*internal\b")
_INLINE_CODE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
_JINJA = ("{{", "{%", "{#")
RAW_OPEN, RAW_CLOSE = "{% raw %}", "{% endraw %}"


TEXT, FENCE_OPEN, CODE, FENCE_CLOSE = "text", "fence-open", "code", "fence-close"


def _classify_lines(markdown: str) -> Iterator[tuple[str, str]]:
    """Yield (line, kind) for every line, endings kept; kind says whether it is prose or code."""
    fence = None
    for line in markdown.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group("fence")
                yield line, FENCE_OPEN
            else:
                yield line, TEXT
        elif match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence) \
                and not line.strip()[len(match.group("fence")):].strip():
            fence = None
            yield line, FENCE_CLOSE
        else:
            yield line, CODE


def _open_blocks(markdown: str) -> Iterator[tuple[str, str, list[tuple[int, str]]]]:
    """Yield (line, kind, stack) where stack holds the `///` blocks open after this line."""
    stack: list[tuple[int, str]] = []
    for line, kind in _classify_lines(markdown):
        if kind == TEXT:
            opened = _BLOCK_OPEN.match(line)
            closed = _BLOCK_CLOSE.match(line)
            if opened:
                stack.append((len(opened.group("slashes")), opened.group("name")))
            elif closed and stack and len(closed.group("slashes")) == stack[-1][0]:
                stack.pop()
        yield line, kind, stack


def remove_internal_blocks(markdown: str) -> str:
    """Drop every `/// internal` block, nested blocks and code included, for the customer site."""
    kept: list[str] = []
    depth_at_open: int | None = None  # stack depth just before the internal block being dropped
    for line, kind, stack in _open_blocks(markdown):
        if depth_at_open is None and kind == TEXT and _INTERNAL_OPEN.match(line):
            depth_at_open = len(stack) - 1
            continue
        if depth_at_open is not None:
            if len(stack) <= depth_at_open:
                depth_at_open = None
            continue
        kept.append(line)
    return "".join(kept)


def has_unclosed_internal_block(markdown: str) -> bool:
    """True when an internal block never closes, which would swallow the rest of the page."""
    stack: list[tuple[int, str]] = []
    for _line, _kind, open_now in _open_blocks(markdown):
        stack = open_now
    return any(name == "internal" for _slashes, name in stack)


def shield_code_from_macros(markdown: str) -> str:
    """Wrap code that contains Jinja delimiters in raw tags so the macro engine leaves it as written."""
    out: list[str] = []
    block: list[str] = []
    for line, kind in _classify_lines(markdown):
        if kind in (FENCE_OPEN, CODE):
            block.append(line)
        elif kind == FENCE_CLOSE:
            out.append(_shield_block(block + [line]))
            block = []
        else:
            out.append(_INLINE_CODE.sub(_shield_inline, line) if any(d in line for d in _JINJA) else line)
    if block:  # a fence left open at the end of a page is still code
        out.append(_shield_block(block))
    return "".join(out)


def _shield_block(block: list[str]) -> str:
    text = "".join(block)
    if not any(d in text for d in _JINJA):
        return text
    indent = _FENCE.match(block[0]).group("indent")
    first = indent + RAW_OPEN + block[0][len(indent):]
    last = first if len(block) == 1 else block[-1]
    ending = last[len(last.rstrip("\r\n")):]
    closing = last.rstrip("\r\n") + RAW_CLOSE + ending
    if len(block) == 1:
        return closing
    return first + "".join(block[1:-1]) + closing


def _shield_inline(match: re.Match[str]) -> str:
    if not any(d in match.group("code") for d in _JINJA):
        return match.group(0)
    return RAW_OPEN + match.group(0) + RAW_CLOSE


def append_abbreviations(markdown: str, abbreviations: dict[str, str]) -> str:
    """Append `*[term]: meaning` lines for the glossary terms this page uses, after its last line.

    The definitions go at the very end so they can never land in front matter or split a block;
    a page that ends inside an open code fence gets none, since they would show as code.
    """
    kinds = [kind for _line, kind in _classify_lines(markdown)]
    if kinds and kinds[-1] in (FENCE_OPEN, CODE):
        return markdown
    used = [(term, meaning) for term, meaning in abbreviations.items()
            if re.search(rf"\b{re.escape(term)}\b", markdown)]
    if not used:
        return markdown
    lines = [f"*[{term}]: {' '.join(meaning.split())}" for term, meaning in used]
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
