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

from playbook.problems import Problem


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


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):
    """Safe loader whose mappings and sequences carry line numbers."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[Any, int, int]] = []

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        """PyYAML's resolve, with its answer for most scalars given first: a quoted scalar, or a
        plain one whose first character starts no number, boolean, null, date or merge key,
        is a string. libyaml asks this of every scalar, so it added up."""
        starts = self.yaml_implicit_resolvers  # first character -> the resolvers to try
        if kind is yaml.ScalarNode and None not in starts and not self.yaml_path_resolvers and (
                not implicit[0] or (value and value[0] not in starts)):
            return _STR
        return super().resolve(kind, value, implicit)


def _build(loader: _Loader, node: yaml.Node) -> Any:
    """The value of a node, as SafeConstructor would give it, with line numbers on mappings and
    sequences. Written as one recursive function because PyYAML's general construction machinery
    (object caches, generators for recursive structures, which data files never have) was most of
    the time it took to read a playbook of 1,000 processes."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        # Numbers, booleans, null, dates, unknown tags: SafeConstructor's own rules and errors.
        constructors = loader.yaml_constructors
        return constructors.get(node.tag, constructors[None])(loader, node)
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            return loader.construct_object(node, deep=True)  # !!omap, !!set, or an unknown tag's error
        written_here = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE)
        if written_here < len(node.value):
            loader.flatten_mapping(node)  # merge keys (<<: *defaults) first, then the block's own
        merged = len(node.value) - written_here
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        key_lines = mapping.key_lines = {}
        written_keys: set[Any] = set()
        for number, (key_node, value_node) in enumerate(node.value):
            key = _build(loader, key_node)
            key_line = key_node.start_mark.line + 1
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key here is a list or a mapping; keys must be plain words",
                    key_node.start_mark,
                ) from None
            # A key the block writes twice is a mistake; one that overrides a merged key is not.
            if number >= merged:
                if key in written_keys:
                    loader.duplicate_keys.append((key, key_line, key_lines[key]))
                written_keys.add(key)
            mapping[key] = _build(loader, value_node)
            key_lines[key] = key_line
        return mapping
    if node.tag != _SEQ:
        return loader.construct_object(node, deep=True)
    sequence = LineList(_build(loader, child) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


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
        node = loader.get_single_node()  # libyaml's C parser and composer
        value = None if node is None else _build(loader, node)
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
