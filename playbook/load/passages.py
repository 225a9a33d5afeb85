"""Internal passages: the one definition of their syntax, and their removal for customers.

An internal passage is a pymdownx block named `internal`, written at the start of a line and
outside every other block:

    /// internal
    Check the margin with finance before you agree to this.
    ///

The name may be written in any letter case and may carry a title after `|`, as pymdownx
allows; the block ends at the line holding the same run of slashes alone. Blocks and code
fences inside it go with it.

Anything else that pymdownx or Python-Markdown would draw as an internal box (an admonition
written `!!! internal` or `??? internal`, a block given `type: internal`, an internal block
inside a list, a quote or another block, one that is never closed) is refused with its line and
the fix, on every page: a passage the author meant to hide must be hidden the one way the
stage can remove with certainty. playbook.stage.markdown_oracle then checks each customer page
that mentions the word against the real parser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from playbook.load import markdown_lines

NAME = "internal"
_BLOCK_OPEN = re.compile(r"^(?P<slashes>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)")
_BLOCK_CLOSE = re.compile(r"^(?P<slashes>/{3,})[ \t]*$")
_INTERNAL_OPEN = re.compile(r"^(?P<slashes>/{3,})[ \t]*internal(?![\w-])", re.IGNORECASE)
# The same opening written where it is not a top-level block: indented, quoted or in a list item.
_NESTED_OPEN = re.compile(r"^(?=[ \t>]|[-*+][ \t]|\d+[.)][ \t])[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?[ \t>]*"
                          r"/{3,}[ \t]*internal(?![\w-])", re.IGNORECASE)
# Python-Markdown's admonition takes every word after the marker as a class: `!!! note internal`
# draws an internal box as surely as `!!! internal` does.
_ADMONITION = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:!!!|\?\?\?\+?)[ \t]*(?:[\w-]+[ \t]+)*?internal(?![\w-])",
                         re.IGNORECASE)
_TYPE_OPTION = re.compile(r"^[ \t>]*type[ \t]*:[ \t]*[\"']?internal(?![\w-])", re.IGNORECASE)
FIX = "write it as a top-level block: a line '/// internal' at the start of the line, the passage, then '///'"


@dataclass(frozen=True)
class Passage:
    """An internal passage: the indexes of its opening and closing lines."""

    start: int
    end: int


@dataclass(frozen=True)
class Refusal:
    """An internal passage written in a form the stage will not guess at."""

    line: int  # the line in the page's file
    message: str
    fix: str


def find(lines: list[str], first_line: int = 1) -> tuple[list[Passage], list[Refusal]]:
    """The internal passages of a page body (as markdown_lines.split gives it, its first line
    being first_line of the file), and every line that would show as an internal box in a form
    that is refused."""
    code = markdown_lines.code_lines(lines)
    passages: list[Passage] = []
    refusals: list[Refusal] = []
    stack: list[tuple[int, str, int]] = []  # (slashes, name, opening index) of the /// blocks open
    for index, line in enumerate(lines):
        if code[index]:
            continue
        if _ADMONITION.match(line):
            refusals.append(Refusal(first_line + index, "an admonition named 'internal' is not an internal passage, "
                                           "and customers would see it", FIX))
            continue
        if _TYPE_OPTION.match(line):
            refusals.append(Refusal(first_line + index, "a block given 'type: internal' is not an internal passage, "
                                           "and customers would see it", FIX))
            continue
        if _NESTED_OPEN.match(line):
            refusals.append(Refusal(first_line + index, "this '/// internal' is indented, quoted or in a list, where the build "
                                           "cannot remove it with certainty", FIX))
            continue
        opened = _BLOCK_OPEN.match(line)
        closed = _BLOCK_CLOSE.match(line)
        if opened:
            name = opened.group("name").lower()
            if name == NAME and stack:
                outer = stack[-1]
                refusals.append(Refusal(first_line + index, f"this '/// internal' sits inside the '{outer[1]}' block opened on "
                                               f"line {first_line + outer[2]}, where the build cannot remove it with "
                                               "certainty", "close the outer block first, or mark the whole outer "
                                                            "block internal"))
            stack.append((len(opened.group("slashes")), name, index))
        elif closed and stack and len(closed.group("slashes")) == stack[-1][0]:
            slashes, name, start = stack.pop()
            if name == NAME and not stack:
                passages.append(Passage(start, index))
    for _slashes, name, start in stack:
        if name == NAME:
            refusals.append(Refusal(first_line + start, "this '/// internal' block is never closed, so the build cannot tell "
                                           "where the internal passage ends",
                                    "close it with a line holding only ///, the same number of slashes"))
    return passages, refusals


def remove(lines: list[str], passages: list[Passage]) -> tuple[list[str], list[int]]:
    """The body without its passages, and for each kept line the index it had."""
    dropped = set()
    for passage in passages:
        dropped.update(range(passage.start, passage.end + 1))
    kept = [i for i in range(len(lines)) if i not in dropped]
    return [lines[i] for i in kept], kept


def mentions_internal(text: str) -> bool:
    """Every form that can draw an internal box names it; a page without the word has none."""
    return NAME in text.lower()


# Lines that could make Python-Markdown end a passage somewhere other than at its closing
# `///`: another block's slashes, a code fence, raw HTML (whose block hides what it holds).
_COULD_MOVE_THE_END = re.compile(r"^\s*(?:/{3,}|`{3,}|~{3,}|<)")


def plain(lines: list[str], passage: Passage) -> bool:
    """True when nothing inside the passage could let the parser end it elsewhere: no block,
    fence or raw HTML in its body. Such a passage ends where the stage ends it, so removing it
    needs no second opinion."""
    return not any(_COULD_MOVE_THE_END.match(line) for line in lines[passage.start + 1:passage.end])
