"""Read YAML safely and remember where every key and list item came from.

Why a reader of our own: authors need `file:line` in every message, and PyYAML's plain loaders
forget line numbers and silently keep the last of two duplicate keys (so a RACI row that names a
role twice would lose one letter without a word). And YAML written carelessly or with malice must
be refused with a message, never crash the build: a few lines of aliases can expand to billions
of values (the "billion laughs"), an alias can name the block it sits in, a list nested 50,000
deep crashes PyYAML's C composer (it recurses in C, past the end of the stack), and a file can be
huge or not be text at all.

So values are built here straight from the events of libyaml's fast C parser, in one loop with
an explicit stack: nesting depth, aliases and the number of values (aliases followed) are counted
as the events arrive, and reading stops at the first limit, with the line. No alias is ever
expanded into a copy: a value used twice is the same object, and its size is counted twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

try:  # libyaml parses about six times faster and still gives line numbers
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback when libyaml is missing
    _BaseLoader = yaml.SafeLoader

from playbook.problems import Problem

# Limits far above anything an author writes (the real data files are under 30 KB, nested 5 deep,
# and use no aliases), and far below what would take the build more than a moment.
MAX_FILE_BYTES = 4_000_000  # a data file, a page, mkdocs.yml
MAX_YAML_CHARACTERS = 1_000_000  # one YAML text: a data file, a page's front matter
MAX_DEPTH = 64  # lists and blocks inside each other
MAX_VALUES = 200_000  # every value of a file, an alias counting as everything it names
MAX_ALIASES = 1_000  # uses of *name in one file


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


@dataclass(frozen=True)
class Tagged:
    """A value under a tag this reader does not interpret, such as MkDocs' `!ENV [OFFLINE, false]`
    or `!!python/name:material.extensions.emoji.twemoji`: kept as written (tag and value), so a
    configuration can be checked here and written back unchanged for the engine that knows it."""

    tag: str
    value: Any


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BaseLoader):
    """libyaml's parser with PyYAML's safe rules for what a scalar is."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        """PyYAML's resolve, with its answer for most scalars given first: a quoted scalar, or a
        plain one whose first character starts no number, boolean, null, date or merge key,
        is a string. It is asked of every scalar, so it added up."""
        starts = self.yaml_implicit_resolvers  # first character -> the resolvers to try
        if kind is yaml.ScalarNode and None not in starts and not self.yaml_path_resolvers and (
                not implicit[0] or (value and value[0] not in starts)):
            return _STR
        return super().resolve(kind, value, implicit)


class _Refused(Exception):
    """A limit or rule of this reader, at a line."""

    def __init__(self, line: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


_NO_KEY = object()  # a block's frame waiting for its next key
_MERGE_KEY = object()  # a block's frame whose pending key is `<<`


class _Frame:
    """A list or block being read: what it holds so far, and what it will weigh."""

    __slots__ = ("value", "key", "key_line", "weight", "anchor", "tag", "merges")

    def __init__(self, value: LineDict | LineList, anchor: str | None, tag: str | None) -> None:
        self.value = value
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.weight = 1
        self.anchor = anchor
        self.tag = tag
        self.merges: list[LineDict] = []


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _unknown_tag(tag: str, line: int) -> _Refused:
    return _Refused(line, f"YAML syntax error: unknown tag '{_short_tag(tag)}'",
                    "remove the tag: the playbook's YAML holds plain text, numbers, dates, lists and blocks of keys")


class _Reader:
    """One YAML text, read event by event into LineDicts, LineLists and plain values."""

    def __init__(self, loader: _Loader, keep_tags: bool) -> None:
        self.loader = loader
        self.keep_tags = keep_tags
        self.duplicate_keys: list[tuple[Any, int, int]] = []

    def read(self) -> Any:
        next_event = self.loader.get_event
        next_event()  # the stream starts
        if isinstance(next_event(), StreamEndEvent):
            return None  # nothing but comments
        stack: list[_Frame] = []
        anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, weight)
        open_anchors: set[str] = set()
        aliases = 0
        result = None
        resolve, constructors = self.loader.resolve, self.loader.yaml_constructors
        while True:
            event = next_event()
            kind = type(event)
            line = event.start_mark.line + 1
            if kind is ScalarEvent:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(yaml.ScalarNode, event.value, event.implicit)
                if tag == _MERGE and stack and stack[-1].key is _NO_KEY and type(stack[-1].value) is LineDict:
                    stack[-1].key, stack[-1].key_line = _MERGE_KEY, line
                    continue
                value = event.value if tag == _STR else self._scalar(tag, event, constructors, line)
                weight = 1
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(line, f"the YAML is nested more than {MAX_DEPTH} levels deep",
                                   "write the value with less nesting; no playbook file needs more than a few levels")
                tag = event.tag if event.tag not in (None, "!", _MAP, _SEQ) else None
                if tag is not None and not self.keep_tags:
                    raise _unknown_tag(tag, line)
                value = LineDict() if kind is MappingStartEvent else LineList()
                value.line = line
                if kind is MappingStartEvent:
                    value.key_lines = {}
                else:
                    value.item_lines = []
                if event.anchor:
                    anchors.pop(event.anchor, None)
                    open_anchors.add(event.anchor)
                stack.append(_Frame(value, event.anchor, tag))
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                if frame.merges:
                    self._merge(frame)
                value, weight = frame.value, frame.weight
                if frame.anchor:
                    anchors[frame.anchor] = (value, weight)
                    open_anchors.discard(frame.anchor)
                if frame.tag is not None:
                    value = Tagged(frame.tag, value)
                line = frame.value.line
            elif kind is AliasEvent:
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _Refused(line, f"the YAML uses aliases (*name) more than {MAX_ALIASES} times",
                                   "write the values out instead of repeating them with aliases")
                if event.anchor in open_anchors:
                    raise _Refused(line, f"the alias *{event.anchor} is used inside the block it names, so its "
                                         "value would never end", "move the alias out of the block that has "
                                                                  f"the anchor &{event.anchor}, or write the value out")
                if event.anchor not in anchors:
                    raise _Refused(line, f"YAML syntax error: the alias *{event.anchor} names no anchor above it",
                                   f"write '&{event.anchor}' on the value it should repeat, before this line")
                value, weight = anchors[event.anchor]
            else:  # the document ends: its one value is complete
                following = next_event()
                if not isinstance(following, StreamEndEvent):
                    raise _Refused(following.start_mark.line + 1,
                                   "YAML syntax error: the file holds more than one YAML document",
                                   "remove the second '---' line; each file holds one document")
                return result

            if not stack:
                result = value
                continue
            frame = stack[-1]
            frame.weight += weight
            if frame.weight > MAX_VALUES:
                raise _Refused(line, f"the YAML holds more than {MAX_VALUES:,} values (aliases counted as "
                                     "everything they repeat)", "split the file, or stop repeating large blocks "
                                                                "with aliases")
            self._place(frame, value, line)

    def _scalar(self, tag: str, event: ScalarEvent, constructors: dict, line: int) -> Any:
        constructor = constructors.get(tag)
        if constructor is None:
            if self.keep_tags:
                return Tagged(tag, event.value)
            raise _unknown_tag(tag, line)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return constructor(self.loader, node)
        except ValueError as error:
            if tag == _TIMESTAMP:  # shaped like 2026-02-30, but no such day
                raise _Refused(line, f"'{event.value}' is not a real date ({error})",
                               "write a date that exists, as YYYY-MM-DD, such as 2026-03-31") from None
            raise _Refused(line, f"YAML syntax error: '{event.value}' cannot be read ({error})",
                           "put the value in quotes if it is text") from None

    def _place(self, frame: _Frame, value: Any, line: int) -> None:
        container = frame.value
        if type(container) is LineList:
            container.append(value)
            container.item_lines.append(line)
        elif frame.key is _NO_KEY:
            try:
                hash(value)
            except TypeError:
                raise _Refused(line, "a key here is a list or a mapping; keys must be plain words",
                               "write the key as a plain word followed by ': '") from None
            frame.key, frame.key_line = value, line
        elif frame.key is _MERGE_KEY:
            blocks = value if isinstance(value, list) else [value]
            if not all(isinstance(block, LineDict) for block in blocks):
                raise _Refused(frame.key_line, "'<<' must name a block of keys to merge, such as '<<: *defaults'",
                               "put '&defaults' on a block of keys and write '<<: *defaults' here")
            frame.merges += blocks
            frame.key = _NO_KEY
        else:
            key = frame.key
            if key in container:
                self.duplicate_keys.append((key, frame.key_line, container.key_lines[key]))
            container[key] = value
            container.key_lines[key] = frame.key_line
            frame.key = _NO_KEY

    @staticmethod
    def _merge(frame: _Frame) -> None:
        """YAML's merge keys: the merged blocks' keys first (an earlier block wins over a later
        one), then the block's own keys, which win over merged ones. A key the block writes
        twice is a mistake; one that replaces a merged key is not."""
        mapping = frame.value
        own, own_lines = dict(mapping), mapping.key_lines
        mapping.clear()
        mapping.key_lines = {}
        for block in reversed(frame.merges):
            for key, value in block.items():
                mapping[key] = value
                mapping.key_lines[key] = block.line_of(key)
        for key, value in own.items():
            mapping[key] = value
            mapping.key_lines[key] = own_lines[key]


_SYNTAX_FIX = (
    "check the indentation and punctuation on this line and the one before it; "
    "put text that contains ': ' or starts with a special character in quotes"
)
_TAB_FIX = "indent with spaces, not tabs (set your editor to insert spaces in YAML files)"


def read_text(path: Path, display_name: str) -> tuple[str | None, list[Problem]]:
    """A file's text, or None and the problem: missing, too large, or not UTF-8 (with the line)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(display_name, None, f"the file cannot be read ({error.strerror})",
                              "check that it exists and that you may read it")]
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(display_name, None, f"the file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                              "split it into smaller files")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(display_name, line, f"the file is not UTF-8 text: the byte {data[error.start]:#04x} "
                                                  f"(column {column}, byte {error.start:,} of the file) cannot be read",
                              "save the file with UTF-8 encoding (in most editors: Save with Encoding, UTF-8); "
                              "the usual cause is a character such as é or ’ pasted from another program")]


def load_yaml(path: Path, display_name: str, *, keep_tags: bool = False) -> tuple[Any, list[Problem]]:
    """Parse one YAML file. Returns the value (None when unreadable or empty) and the problems found."""
    text, problems = read_text(path, display_name)
    if text is None:
        return None, problems
    return parse_yaml(text, display_name, keep_tags=keep_tags)


def parse_yaml(text: str, display_name: str, *, keep_tags: bool = False) -> tuple[Any, list[Problem]]:
    """Parse YAML text; see load_yaml. With keep_tags, a value under a tag the safe rules do not
    know is kept as a Tagged value instead of being refused (for mkdocs.yml)."""
    if len(text) > MAX_YAML_CHARACTERS:
        return None, [Problem(display_name, None, f"the YAML is {len(text):,} characters long; the limit is "
                                                  f"{MAX_YAML_CHARACTERS:,}", "split it into smaller files")]
    loader = _Loader(text)
    reader = _Reader(loader, keep_tags)
    try:
        value = reader.read()
    except _Refused as refused:
        return None, [Problem(display_name, refused.line, refused.message, refused.fix)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or "the YAML cannot be read"
        fix = _TAB_FIX if "\t" in reason or _line_has_tab(text, line) else _SYNTAX_FIX
        return None, [Problem(display_name, line, f"YAML syntax error: {reason}", fix)]
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports everything as marked
        return None, [Problem(display_name, None, f"YAML syntax error: {error}", _SYNTAX_FIX)]
    finally:
        loader.dispose()
    problems = [
        Problem(display_name, line, f"the key '{key}' appears twice in the same block "
                f"(first on line {first_line})",
                "keep one of them; YAML would silently drop the first")
        for key, line, first_line in reader.duplicate_keys
    ]
    return value, problems


def _line_has_tab(text: str, line: int | None) -> bool:
    """Whether this line or the one before is indented with a tab. Lines are split at "\\n" only,
    as YAML and editors count them (str.splitlines also splits at form feeds and U+2028)."""
    if not line:
        return False
    nearby = text.split("\n")[max(0, line - 2): line]
    return any(candidate[: len(candidate) - len(candidate.lstrip())].count("\t") for candidate in nearby)
