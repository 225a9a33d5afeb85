"""A small language for the shape of a data file, read two ways from one definition.

`check()` validates loaded YAML and reports every mismatch as a Problem with file and line;
`json_schema()` writes the same rules as JSON Schema for editors. Keeping both readings on one
definition means the editor's squiggles and the build's errors cannot drift apart.

Rules that need more than one value at a time (exactly one Accountable, references between files)
are not shapes; model.py checks them after the shapes pass.
"""
from __future__ import annotations

import datetime
import difflib
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from playbook.load.yaml_source import LineDict, LineList
from playbook.problems import Problem

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class Where:
    """The place a value sits: its file, its line, and a readable path such as activities[2].raci."""

    file: str
    line: int
    path: str

    def child(self, step: str, line: int) -> Where:
        joined = f"{self.path}.{step}" if self.path and not step.startswith("[") else self.path + step
        return Where(self.file, line, joined)

    def problem(self, message: str, fix: str) -> Problem:
        return Problem(self.file, self.line, message, fix)

    @property
    def label(self) -> str:
        return f"'{self.path}'" if self.path else "the file"


def describe_value(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of keys"
    return f"'{value}'"


class Shape:
    """One kind of value. Subclasses say what they accept and how to write it as JSON Schema."""

    description = "a value"
    fix = "correct the value"

    def check(self, value: Any, where: Where) -> list[Problem]:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def wrong(self, value: Any, where: Where) -> list[Problem]:
        return [where.problem(f"{where.label} must be {self.description}, not {describe_value(value)}",
                              self.fix)]


@dataclass(frozen=True)
class Text(Shape):
    """Plain text that says something: not empty, not a number or a date by accident."""

    description: str = "text"
    fix: str = "write the text; put it in quotes if YAML reads it as a number, date or yes/no"

    def check(self, value: Any, where: Where) -> list[Problem]:
        if not isinstance(value, str) or not value.strip():
            return self.wrong(value, where)
        return []

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S"}


@dataclass(frozen=True)
class Id(Shape):
    description: str = "a kebab-case id (lower-case letters, digits and single hyphens, such as weekly-status-report)"
    fix: str = "use lower-case words joined by single hyphens, starting with a letter"

    def check(self, value: Any, where: Where) -> list[Problem]:
        if not isinstance(value, str) or not _ID_RE.match(value):
            return self.wrong(value, where)
        return []

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN}


@dataclass(frozen=True)
class OneOf(Shape):
    values: tuple[str, ...] = ()

    @property
    def description(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.values)

    @property
    def fix(self) -> str:  # type: ignore[override]
        return "write one of: " + ", ".join(self.values)

    def check(self, value: Any, where: Where) -> list[Problem]:
        if value not in self.values:
            return self.wrong(value, where)
        return []

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class Integer(Shape):
    minimum: int = 0
    maximum: int | None = None  # None: no upper bound

    @property
    def description(self) -> str:  # type: ignore[override]
        if self.maximum is not None:
            return f"a whole number from {self.minimum} to {self.maximum}"
        return f"a whole number of at least {self.minimum}"

    @property
    def fix(self) -> str:  # type: ignore[override]
        return f"write a whole number such as {self.minimum}, without quotes"

    def check(self, value: Any, where: Where) -> list[Problem]:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum \
                or (self.maximum is not None and value > self.maximum):
            return self.wrong(value, where)
        return []

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer", "minimum": self.minimum}
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


@dataclass(frozen=True)
class Date(Shape):
    description: str = "a date written as YYYY-MM-DD"
    fix: str = "write the date as YYYY-MM-DD, for example 2026-03-31"

    def check(self, value: Any, where: Where) -> list[Problem]:
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            return self.wrong(value, where)
        return []

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


@dataclass(frozen=True)
class ListOf(Shape):
    item: Shape = field(default_factory=Text)
    min_items: int = 1

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"a list of at least {self.min_items} (each item on its own line starting with '- ')"

    @property
    def fix(self) -> str:  # type: ignore[override]
        return "write each item on its own line, indented, starting with '- '"

    def check(self, value: Any, where: Where) -> list[Problem]:
        if not isinstance(value, list):
            return self.wrong(value, where)
        if len(value) < self.min_items:
            return [where.problem(f"{where.label} needs at least {self.min_items} item(s)", "add the missing items")]
        problems: list[Problem] = []
        for index, item in enumerate(value):
            line = value.line_of(index) if isinstance(value, LineList) else where.line
            problems += self.item.check(item, where.child(f"[{index + 1}]", line))
        return problems

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.json_schema(), "minItems": self.min_items}


@dataclass(frozen=True)
class MapOf(Shape):
    """A block whose keys are ids and whose values share one shape (a RACI row: role -> letter)."""

    key: Shape = field(default_factory=Id)
    value: Shape = field(default_factory=Text)
    min_items: int = 1
    description: str = "a block of 'key: value' lines"
    fix: str = "write one 'key: value' pair per line, indented under this key"

    def check(self, value: Any, where: Where) -> list[Problem]:
        if not isinstance(value, dict):
            return self.wrong(value, where)
        if len(value) < self.min_items:
            return [where.problem(f"{where.label} needs at least {self.min_items} entry", "add the missing entries")]
        problems: list[Problem] = []
        for key, item in value.items():
            line = value.line_of(key) if isinstance(value, LineDict) else where.line
            child = where.child(str(key), line)
            problems += self.key.check(key, Where(where.file, line, f"{where.path} key '{key}'"))
            problems += self.value.check(item, child)
        return problems

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": self.key.json_schema(),
            "additionalProperties": self.value.json_schema(),
            "minProperties": self.min_items,
        }


@dataclass(frozen=True)
class Field:
    name: str
    shape: Shape
    required: bool = True
    doc: str = ""


@dataclass(frozen=True)
class Record(Shape):
    """A block with named keys: some required, some optional, nothing else allowed."""

    fields: tuple[Field, ...] = ()
    title: str = ""
    description: str = "a block of keys"
    fix: str = "indent the keys of this block under it"

    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @functools.cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self.field_names())

    def check(self, value: Any, where: Where) -> list[Problem]:
        if not isinstance(value, dict):
            return self.wrong(value, where)
        problems: list[Problem] = []
        known = self._known

        def label() -> str:  # only worked out for a message: most blocks have none
            if isinstance(value.get("id"), str):
                return f"{where.label} (id '{value['id']}')" if where.path else f"the file (id '{value['id']}')"
            return where.label

        own_line = value.line if isinstance(value, LineDict) else where.line
        misspelt: set[str] = set()  # required keys an unknown key probably meant: one message, not two
        for key in value:
            if key not in known:
                line = value.line_of(key) if isinstance(value, LineDict) else where.line
                guess = _closest(key, self.field_names())
                if guess and guess not in value:
                    misspelt.add(guess)
                problems.append(Problem(where.file, line, f"unknown key '{key}' in {label()}",
                                        _unknown_key_fix(guess, self.field_names())))
        for spec in self.fields:
            if spec.name not in value:
                if spec.required and spec.name not in misspelt:
                    problems.append(Problem(where.file, own_line,
                                            f"{label()} is missing the required key '{spec.name}'",
                                            f"add '{spec.name}:' ({spec.doc})"))
                continue
            line = value.line_of(spec.name) if isinstance(value, LineDict) else where.line
            problems += spec.shape.check(value[spec.name], where.child(spec.name, line))
        return problems

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {f.name: {**f.shape.json_schema(), "description": f.doc} for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
            "additionalProperties": False,
        }
        if self.title:
            schema["title"] = self.title
        return schema


def _closest(key: Any, allowed: list[str]) -> str | None:
    guesses = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    return guesses[0] if guesses else None


def _unknown_key_fix(guess: str | None, allowed: list[str]) -> str:
    hint = f"did you mean '{guess}'? " if guess else ""
    return f"{hint}the keys allowed here are: {', '.join(allowed)}"
