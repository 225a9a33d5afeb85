"""A page's front matter: the YAML block between the opening `---` lines of a Markdown file.

The site needs a page's audience before any engine reads the page (to decide whether the page
exists in the customer site at all), so it is read here, with the same line-aware reader as
data/ and checked against PageFrontMatter (playbook/model/page.py), so a mistake points at its
line and an unknown key gets "did you mean".
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from playbook.load.messages import problems_from
from playbook.load.yaml_source import parse_yaml, read_text
from playbook.model.page import PageFrontMatter
from playbook.problems import Problem

_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_BLOCK = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    """A page read: its checked front matter, where each key was written, and its body."""

    values: PageFrontMatter = field(default_factory=PageFrontMatter)
    key_lines: Mapping[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the file line on which the body starts
    problems: tuple[Problem, ...] = ()
    readable: bool = True  # False: the block is not YAML or not a block of keys (one problem says so)
    refused: frozenset[str] = frozenset()  # keys written but refused (each has its problem)

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)

    @property
    def audience(self) -> str:
        """Default deny: only a valid `audience: customer` puts a page in the customer site."""
        return self.values.audience


def read_front_matter(text: str, display_name: str) -> FrontMatter:
    """Split a page into its front matter (checked) and its body."""
    match = _BLOCK.match(text)
    if not match:
        if _OPENING.match(text):
            return FrontMatter(body=text, readable=False, problems=(Problem(
                display_name, 1, "the front matter opened on line 1 is never closed",
                "end it with a line holding only --- after its last 'key: value' line"),))
        return FrontMatter(body=text)
    body_line = text.count("\n", 0, match.end()) + 1
    body = text[match.end():]
    # A newline first, so the reader's line numbers are the file's (the block starts on line 2).
    value, problems = parse_yaml("\n" + (match.group("yaml") or ""), display_name)
    if value is None and problems:
        return FrontMatter(body=body, body_line=body_line, problems=tuple(problems), readable=False)
    if value is None:
        return FrontMatter(body=body, body_line=body_line)
    if not isinstance(value, dict):
        return FrontMatter(body=body, body_line=body_line, readable=False, problems=(Problem(
            display_name, 2, "the front matter is not a block of 'key: value' lines",
            "write one 'key: value' per line between the --- lines"),))
    key_lines = {key: line for key, line in value.key_lines.items() if isinstance(key, str)}
    try:
        values, found, refused = PageFrontMatter.model_validate(value, context={"file": display_name}), [], frozenset()
    except ValidationError as error:
        found = problems_from(error, PageFrontMatter, value, display_name, whole="the front matter")
        # Keep what is right: a page with one wrong key still has its audience, owner and title.
        refused = frozenset(str(mistake["loc"][0]) for mistake in error.errors() if mistake["loc"])
        values = PageFrontMatter.model_validate({k: v for k, v in value.items() if k not in refused},
                                                context={"file": display_name})
    return FrontMatter(values, key_lines, body, body_line, tuple(problems + found), True, refused)


def read_page(path: Path, display_name: str) -> FrontMatter:
    """A page file read from disk; a page that cannot be read (not UTF-8, too large) has the problem."""
    text, problems = read_text(path, display_name)
    if text is None:
        return FrontMatter(problems=tuple(problems), readable=False)
    return read_front_matter(text, display_name)
