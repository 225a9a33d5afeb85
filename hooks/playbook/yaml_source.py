"""Read YAML safely and remember where every key and list item came from.

Why a loader of our own: authors need `file:line` in every message, and PyYAML's plain loaders
forget line numbers and silently keep the last of two duplicate keys (so a RACI row that names a
role twice would lose one letter without a word). We keep libyaml's fast C parser when it is
installed and only replace how mappings and sequences are built.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml parses about six times faster and still gives line numbers
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback when libyaml is missing
    _BaseLoader = yaml.SafeLoader

from .problems import Problem


class LineDict(dict):
    """A mapping that knows its own line and the line of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows its own line and the line of each of its items."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(_BaseLoader):
    """Safe loader whose mappings and sequences carry line numbers."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[Any, int, int]] = []


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key here is a list or a mapping; keys must be plain words",
                key_node.start_mark,
            ) from None
        if key in mapping:
            loader.duplicate_keys.append((key, key_line, mapping.key_lines[key]))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_line
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)

_SYNTAX_FIX = (
    "check the indentation and punctuation on this line and the one before it; "
    "put text that contains ': ' or starts with a special character in quotes"
)
_TAB_FIX = "indent with spaces, not tabs (set your editor to insert spaces in YAML files)"


def load_yaml(path: Path, display_name: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file. Returns the value (None when unreadable) and the problems found."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display_name, None, f"the file is not UTF-8 text ({error.reason})",
                              "save the file with UTF-8 encoding")]
    return parse_yaml(text, display_name)


def parse_yaml(text: str, display_name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text; see load_yaml."""
    loader = _Loader(text)
    try:
        value = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or "the YAML cannot be read"
        fix = _TAB_FIX if "\t" in reason or _line_has_tab(text, line) else _SYNTAX_FIX
        return None, [Problem(display_name, line, f"YAML syntax error: {reason}", fix)]
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports everything as marked
        return None, [Problem(display_name, None, f"YAML syntax error: {error}", _SYNTAX_FIX)]
    except ValueError as error:
        # PyYAML reads anything shaped like 2026-02-30 as a date and raises a plain ValueError,
        # without a line, when there is no such day.
        line, written = _impossible_date(text)
        return None, [Problem(display_name, line, f"'{written}' is not a real date ({error})",
                              "write a date that exists, as YYYY-MM-DD, such as 2026-03-31")]
    finally:
        loader.dispose()
    problems = [
        Problem(display_name, line, f"the key '{key}' appears twice in the same block "
                f"(first on line {first_line})",
                "keep one of them; YAML would silently drop the first")
        for key, line, first_line in loader.duplicate_keys
    ]
    return value, problems


_DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:-])")


def _impossible_date(text: str) -> tuple[int | None, str]:
    """The first date-shaped value that is no real day, and its line."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _DATE_LIKE.finditer(line):
            try:
                datetime.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number, match.group(0)
    return None, "a date"


def _line_has_tab(text: str, line: int | None) -> bool:
    if not line:
        return False
    lines = text.splitlines()
    nearby = lines[max(0, line - 2): line]
    return any(candidate[: len(candidate) - len(candidate.lstrip())].count("\t") for candidate in nearby)
