"""A page's front matter: the YAML block between the opening `---` lines of a Markdown file.

The site rules need a page's audience before MkDocs reads the page (to decide whether the page
exists in the customer site at all), so we read it ourselves, with the same line-aware loader
as data/ so a mistake points at its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from playbook.load.yaml_source import parse_yaml
from playbook.problems import Problem
from playbook.stage.audience import SITE_AUDIENCES

_BLOCK = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, Any] = field(default_factory=dict)
    body_line: int = 1  # the file line on which the Markdown body starts
    problems: tuple[Problem, ...] = ()
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)

    @property
    def audience(self) -> str:
        """Default deny: only an explicit `audience: customer` puts a page in the customer site."""
        return "customer" if self.values.get("audience") == "customer" else "internal"


def read_front_matter(text: str, display_name: str) -> FrontMatter:
    match = _BLOCK.match(text)
    if not match:
        return FrontMatter()
    body_line = text.count("\n", 0, match.end()) + 1
    value, problems = parse_yaml("\n" + (match.group("yaml") or ""), display_name)
    if problems:
        return FrontMatter({}, body_line, tuple(problems))
    if value is None:
        return FrontMatter({}, body_line)
    if not isinstance(value, dict):
        return FrontMatter({}, body_line, (Problem(display_name, 2, "the front matter is not a block of 'key: value' lines",
                                                   "write one 'key: value' per line between the --- lines"),))
    found: list[Problem] = []
    audience = value.get("audience", "internal")
    if audience not in SITE_AUDIENCES:
        found.append(Problem(display_name, value.line_of("audience"),
                             f"unknown audience '{audience}' in the front matter",
                             "write 'audience: customer' to show the page to customers, or leave it out "
                             "(pages are internal unless they say otherwise)"))
    return FrontMatter(dict(value), body_line, tuple(found), dict(value.key_lines))
