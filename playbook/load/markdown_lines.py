"""A page's Markdown as lines and fenced code, read the way Python-Markdown reads them.

Every line-level rewrite the stage makes (removing internal passages, stripping comments,
shielding code samples from the macro engine) must agree with the parser on two things:
where a line ends, and which lines are code. Python-Markdown turns `\\r\\n` and `\\r` into
`\\n` and splits only there: a form feed, U+2028 or NEL is not a line break to it, even though
Python's str.splitlines() says it is. pymdownx.superfences takes a fence to be code only when
a matching closing fence follows; an opening fence that is never closed is plain text, and
a backtick fence's info string may not hold a backtick (```` ```x``` ```` is inline code).
Both rules live here, once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Characters other programs treat as line breaks but Markdown does not. A page holding one is
# read differently by an editor, by Python and by the parser, so the stage refuses it.
ODD_LINE_BREAKS = {"\x0b": "a vertical tab", "\x0c": "a form feed", "\x1c": "a file separator",
                   "\x1d": "a group separator", "\x1e": "a record separator", "\x85": "a NEL (U+0085)",
                   "\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)"}
_ODD = re.compile("[" + "".join(ODD_LINE_BREAKS) + "]")

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def normalise(text: str) -> str:
    """The text with line endings as Markdown sees them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> list[str]:
    """The lines of text, as Python-Markdown splits them (no line endings kept)."""
    return normalise(text).split("\n")


def odd_line_breaks(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, what) for each line holding a character only some programs call a line break."""
    found = []
    for number, line in enumerate(lines, start=1):
        match = _ODD.search(line)
        if match:
            found.append((number, ODD_LINE_BREAKS[match.group(0)]))
    return found


@dataclass(frozen=True)
class Fence:
    start: int  # index of the opening line
    end: int    # index of the closing line


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped[0] != fence[0]:
        return False
    run = len(stripped) - len(stripped.lstrip(fence[0]))
    return run >= len(fence) and not stripped[run:].strip()


def fences(lines: list[str]) -> list[Fence]:
    """Every fenced code block that has a closing fence, in order."""
    found: list[Fence] = []
    index = 0
    while index < len(lines):
        match = _FENCE_OPEN.match(lines[index])
        if match and not (match.group("fence")[0] == "`" and "`" in match.group("info")):
            fence = match.group("fence")
            end = next((j for j in range(index + 1, len(lines)) if _closes(lines[j], fence)), None)
            if end is not None:
                found.append(Fence(index, end))
                index = end + 1
                continue
        index += 1
    return found


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fence lines included)."""
    inside = [False] * len(lines)
    for fence in fences(lines):
        for index in range(fence.start, fence.end + 1):
            inside[index] = True
    return inside


_INLINE_CODE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")


def inline_code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each inline code span in a line of prose."""
    return [match.span() for match in _INLINE_CODE.finditer(line)]
