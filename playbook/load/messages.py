"""pydantic's validation errors, said the way this project says problems: `file:line: what — fix`.

pydantic reports every mistake of a file at once, each with a location such as
('items', 2, 'due') and a type such as 'missing'. Here each location is followed through the YAML
as read (LineDict and LineList know their lines) for the line, and through the model's
declaration for what the value must be (the `Means` of its type, see playbook/model/types.py)
and, for a key, its description. Paths are written as authors count: `items[3]` is the third.

One rule is not a translation: when an unknown key is probably a misspelling of a required key
that is missing (`deu:` where `due:` belongs), only the unknown key is reported, with "did you
mean", because that is the one mistake there is.
"""
from __future__ import annotations

import datetime
import difflib
import typing
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from playbook.load.yaml_source import Tagged
from playbook.model.types import INTERNAL, Keyed, Means, field_type, is_record, means_of, unwrap
from playbook.problems import Problem

M = TypeVar("M", bound=BaseModel)


def describe_value(value: Any) -> str:
    """A value as an author would recognise it in a message."""
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
    if isinstance(value, Tagged):
        return f"a value tagged {value.tag.replace('tag:yaml.org,2002:', '!!')}"
    return f"'{value}'"


@dataclass
class _Spot:
    """Where one error is: in the YAML as read, and in the declaration."""

    path: str  # as authors count, such as activities[2].raci.pm
    line: int | None
    label: str = ""  # how to name the value when its quoted path would not do (a key of a keyed block)
    parent: Any = None  # the block holding the last key
    parent_path: str = ""
    parent_type: Any = None  # the record class of that block
    key: Any = None
    means: Means | None = None
    keyed: bool = False  # the value is a block of `key: value` lines (keyed records, or a block by id)


def _field_type(record: type[BaseModel], key: Any) -> Any:
    """The declared type of the key written as `key` in a record; None for a key it does not have."""
    name = record.author_keys().get(key) if isinstance(key, str) else None
    return field_type(record, name) if name else None


def _locate(loc: tuple, model: type[BaseModel], raw: Any, root: str, line: int) -> _Spot:
    annotation: Any = model
    node = raw
    spot = _Spot(root, getattr(raw, "line", line))
    steps = list(loc)
    while steps and annotation is not None:
        step = steps.pop(0)
        annotation, metadata = unwrap(annotation)
        means = means_of(annotation, metadata)
        if means is not None and means.whole:
            spot.means = means
            return spot
        keyed = next((m for m in metadata if isinstance(m, Keyed)), None)
        line_of = getattr(node, "line_of", None)
        if is_record(annotation):
            spot.parent, spot.parent_path, spot.parent_type, spot.key = node, spot.path, annotation, step
            if line_of and isinstance(node, dict) and step in node:
                spot.line = line_of(step)
            node = node.get(step) if isinstance(node, dict) else None
            spot.path = f"{spot.path}.{step}" if spot.path else str(step)
            annotation = _field_type(annotation, step)
        elif keyed is not None and isinstance(node, dict) and isinstance(step, int):
            # The step-th `key: value` line; the next step says whether the key or the value is wrong.
            written = list(node)[step] if step < len(node) else None
            spot.line = line_of(written) if line_of else spot.line
            record = typing.get_args(annotation)[0]
            part = steps.pop(0) if steps else keyed.value
            if part == keyed.key:
                spot.label, node = f"the key '{written}' in '{spot.path}'", written
            else:
                spot.path, node = f"{spot.path}.{written}", node.get(written)
            annotation = _field_type(record, part)
        elif typing.get_origin(annotation) is dict:
            # A block by id (model.types.by_id): the next step says whether the id or its value is wrong.
            if line_of and isinstance(node, dict) and step in node:
                spot.line = line_of(step)
            key_type, value_type = typing.get_args(annotation)
            if steps and steps[0] == "[key]":
                steps.pop(0)
                spot.label, node, annotation = f"the key '{step}' in '{spot.path}'", step, key_type
            else:
                node = node.get(step) if isinstance(node, dict) else None
                spot.path, annotation = f"{spot.path}.{step}", value_type
        elif typing.get_origin(annotation) is tuple and isinstance(step, int):
            if line_of and isinstance(node, list):
                spot.line = line_of(step)
            node = node[step] if isinstance(node, list) and step < len(node) else None
            spot.path = f"{spot.path}[{step + 1}]"
            annotation = typing.get_args(annotation)[0]
        else:
            break
    if annotation is not None:
        annotation, metadata = unwrap(annotation)
        spot.means = means_of(annotation, metadata)
        spot.keyed = any(isinstance(m, Keyed) for m in metadata) or typing.get_origin(annotation) is dict
    return spot


def _description(record: Any, key: Any) -> str:
    """What a key of a record holds, as its declaration says; empty for a key it does not have."""
    if not (is_record(record) and isinstance(key, str)):
        return ""
    info = record.model_fields.get(record.author_keys().get(key, key))
    return (info.description or "") if info is not None else ""


def _quoted(path: str, whole: str) -> str:
    return f"'{path}'" if path else whole


def _with_id(label: str, block: Any) -> str:
    identifier = block.get("id") if isinstance(block, dict) else None
    return f"{label} (id '{identifier}')" if isinstance(identifier, str) else label


def _closest(key: Any, allowed: list[str]) -> str | None:
    guesses = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    return guesses[0] if guesses else None


def validate(model: type[M], raw: Any, file: str, *, audience: str | None = None, root: str = "",
             whole: str = "the file", line: int = 1) -> tuple[M | None, list[Problem]]:
    """A model read from YAML as the reader gave it: the record, or None and every problem.

    `audience` is what the record's items inherit (see model.types.NarrowedAudience); `root` and
    `whole` name what was read in messages, and `line` is where it starts (see problems_from)."""
    try:
        return model.model_validate(raw, context={"file": file, "audience": audience or INTERNAL}), []
    except ValidationError as error:
        return None, problems_from(error, model, raw, file, root=root, whole=whole, line=line)


def problems_from(error: ValidationError, model: type[BaseModel], raw: Any, file: str, *,
                  root: str = "", whole: str = "the file", line: int = 1) -> list[Problem]:
    """Every error of one validation, as problems at their lines.

    `raw` is what was validated, as the YAML reader gave it; `root` names it in paths (such as
    'extra' for mkdocs.yml's settings), `whole` names it when the path is empty, and `line` is
    its line when raw does not know it (a plain value where a block belongs)."""
    spots = [(found, _locate(found["loc"], model, raw, root, line)) for found in error.errors(include_url=False)]

    def unknown(found: dict, spot: _Spot) -> bool:
        if spot.means is not None and spot.means.whole:
            return False  # a mistake inside a value that is right or wrong as a whole
        if found["type"] == "extra_forbidden":
            return True
        parent = spot.parent_type
        return parent is not None and isinstance(spot.key, str) and spot.key not in parent.author_keys()

    misspelt: set[tuple[int, str]] = set()  # (block, required key) an unknown key probably meant
    for found, spot in spots:
        if unknown(found, spot):
            guess = _closest(spot.key, list(spot.parent_type.author_keys()))
            if guess and isinstance(spot.parent, dict) and guess not in spot.parent:
                misspelt.add((id(spot.parent), guess))

    problems = []
    for found, spot in spots:
        kind = found["type"]
        if kind == "too_short" and _written_enough(found) and not (spot.means and spot.means.whole):
            continue  # pydantic counts only the items that passed: a wrong item is the one mistake
        if unknown(found, spot):
            allowed = list(spot.parent_type.author_keys())
            guess = _closest(spot.key, allowed)
            hint = f"did you mean '{guess}'? " if guess else ""
            problems.append(Problem(file, spot.line, f"unknown key '{spot.key}' in "
                                    f"{_with_id(_quoted(spot.parent_path, whole), spot.parent)}",
                                    f"{hint}the keys allowed here are: {', '.join(allowed)}"))
        elif kind == "missing":
            if (id(spot.parent), spot.key) in misspelt:
                continue
            described = _description(spot.parent_type, spot.key)
            # At the key that names the block, as the message does ('people.customer-lead' is missing
            # ...); a block no key names (the file, a list item) where it starts.
            problems.append(Problem(file, spot.line, f"{_with_id(_quoted(spot.parent_path, whole), spot.parent)} is "
                                    f"missing the required key '{spot.key}'", f"add '{spot.key}:' ({described})"))
        else:
            problems.append(_wrong_value(found, spot, file, whole))
    return problems


def _written_enough(found: dict) -> bool:
    written, needed = found.get("input"), found.get("ctx", {}).get("min_length", 0)
    return isinstance(written, (list, tuple, dict)) and len(written) >= needed


def _wrong_value(found: dict, spot: _Spot, file: str, whole: str) -> Problem:
    label = spot.label or _quoted(spot.path, whole)
    if found["type"] == "too_short" and spot.means is not None and not spot.means.whole:
        count = found.get("ctx", {}).get("min_length", 1)
        # Say what the entries are, when the key itself is too short (not a list inside its value).
        described = _description(spot.parent_type, spot.key) if found["loc"][-1:] == (spot.key,) else ""
        what = f": {described}" if described else ""
        if spot.keyed:
            return Problem(file, spot.line, f"{label} needs at least {count} entry", f"add the missing entries{what}")
        return Problem(file, spot.line, f"{label} needs at least {count} item(s)", f"add the missing items{what}")
    means = spot.means
    value = describe_value(found.get("input"))
    if means is None:  # pragma: no cover - every type an author writes declares what it means
        return Problem(file, spot.line, f"{label}: {found['msg']}", "see data/README.md for what this key holds")
    message = means.message.format(label=label, value=value) if means.message else f"{label} must be {means.what}, not {value}"
    return Problem(file, spot.line, message, means.fix)
