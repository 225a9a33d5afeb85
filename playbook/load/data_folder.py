"""The one reader of data/: read every file, check it, and return the Playbook.

Loading happens once per build. Each file is read (playbook/load/yaml_source.py) and checked
against its model (playbook/model/data_files.py) on its own; then the rules across records and
files run over everything that was read without a problem (playbook/load/rules.py). Every
problem of every file is collected and raised together, so an author fixes a whole pull request
in one pass.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook.load import rules
from playbook.load.messages import validate
from playbook.load.yaml_source import load_yaml
from playbook.model.data_files import DATA_FILES, ChangelogFile, DataFile, RolesFile
from playbook.model.facts import Playbook
from playbook.model.types import AUDIENCES, INTERNAL, Record
from playbook.problems import Problem, raise_if_any


def load_playbook(data_dir: Path, *, root: Path | None = None) -> Playbook:
    """Read and check all of data/; raise PlaybookError listing every problem found."""
    data_dir = Path(data_dir)
    root = Path(root) if root else data_dir.parent
    problems = list(_unexpected_files(data_dir, root))
    read = {kind.field: [_read(path, kind, root) for path in _paths(data_dir, kind, root, problems)]
            for kind in DATA_FILES}
    problems += [problem for files in read.values() for file in files for problem in file.problems]

    records: dict[str, list[Record]] = {}
    for kind in DATA_FILES:
        for file in read[kind.field]:
            if file.model is not None:
                records.setdefault(kind.field, []).extend(
                    getattr(file.model, kind.items) if kind.items else [file.model])
    tables = {name: {} for name in records}
    for name, items in records.items():
        for record in items:
            tables[name].setdefault(record.id, record)

    roles_file = next((f.model for f in read["roles"] if f.model is not None), None)
    changelog_file = next((f.model for f in read["changelog"] if f.model is not None), None)
    playbook = Playbook(**tables, **_changelog_page(changelog_file),
                        role_pages_review=roles_file.role_pages if isinstance(roles_file, RolesFile) else None)
    # When roles.yml cannot say which roles it defines, any role may exist: one mistake there
    # must not also flag every reference to every role.
    roles_unknown = not read["roles"] or any(file.ids is None for file in read["roles"])
    written = rules.Written(
        roles=tuple(records.get("roles", ())), processes=tuple(records.get("processes", ())),
        checklists=tuple(records.get("checklists", ())),
        lists={kind.field: tuple(records[kind.field]) for kind in DATA_FILES
               if kind.items and kind.field != "roles" and kind.field in records},
        known_roles=None if roles_unknown else frozenset(tables.get("roles", {})) | _ids_in(read["roles"]),
        known_processes=frozenset(tables.get("processes", {})) | _ids_in(read["processes"]))
    problems += rules.check_data(playbook, written)
    raise_if_any(problems)
    return playbook


@dataclass
class _File:
    """One data file as read: its model when it has no problem of its own, and what was written."""

    value: Any  # as the YAML reader gave it; None when the file could not be read
    model: Record | None
    problems: list[Problem] = field(default_factory=list)
    ids: set[str] | None = field(default_factory=set)  # ids it defines, valid or not; None: cannot tell


def _display(path: Path, root: Path) -> str:
    """The path an author recognises: relative to the project. (String work: at a thousand files,
    pathlib's relative_to was a tenth of the load.)"""
    text, prefix = str(path), f"{root}{os.sep}"
    return (text[len(prefix):] if text.startswith(prefix) else text).replace(os.sep, "/")


def _paths(data_dir: Path, kind: DataFile, root: Path, problems: list[Problem]) -> list[Path]:
    if kind.folder:
        folder = data_dir / kind.folder
        names = sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(".yml")) if folder.is_dir() else []
        return [folder / name for name in names]
    path = data_dir / kind.pattern
    if path.is_file():
        return [path]
    if not kind.optional:
        problems.append(Problem(_display(path, root), None, "this required file is missing",
                                "create it; data/README.md shows its fields"))
    return []


def _read(path: Path, kind: DataFile, root: Path) -> _File:
    name = _display(path, root)
    value, problems = load_yaml(path, name)
    if value is None:
        if not problems:
            problems = [Problem(name, 1, "the file is empty", "fill it in; data/README.md shows its fields")]
        return _File(None, None, problems, {path.stem} if kind.folder else None)
    ids = _ids_written(value, kind)
    if kind.folder:
        ids = (ids or set()) | {path.stem}
    # Items inherit their file's audience, so it is read before them; an unknown one is reported
    # with the file, and meanwhile makes nothing more visible than internal.
    audience = value.get("audience") if isinstance(value, dict) else None
    model, found = validate(kind.model, value, name, audience=audience if audience in AUDIENCES else INTERNAL)
    problems += found
    return _File(value, None if problems else model, problems, ids)


def _ids_written(value: Any, kind: DataFile) -> set[str] | None:
    """The ids a file defines, read from what was written even if it has mistakes; None when its
    list cannot be read. An id written with stray white space (`id: |` keeps a final newline)
    also counts as the id it was meant to be: its own problem is reported, and the references to
    it are not reported again."""
    if not isinstance(value, dict):
        return None
    if kind.items is None:
        written = [value.get("id")]
    else:
        items = value.get(kind.items)
        if not isinstance(items, list):
            return None
        written = [item.get("id") for item in items if isinstance(item, dict)]
    return {form for identifier in written if isinstance(identifier, str) for form in (identifier, identifier.strip())}


def _ids_in(files: list[_File]) -> frozenset[str]:
    return frozenset(identifier for file in files for identifier in file.ids or ())


def _changelog_page(changelog: ChangelogFile | None) -> dict[str, Any]:
    if changelog is None:
        return {}
    return {"changelog_page": changelog.page, "changelog_page_source": changelog.page_source}


_KNOWN_TOP_FILES = {"README.md"}


def _unexpected_files(data_dir: Path, root: Path) -> Iterable[Problem]:
    """A file the build would silently skip (kickoff.yaml, a stray folder) is a mistake to report."""
    if not data_dir.is_dir():
        yield Problem(str(data_dir), None, "the data folder is missing", "create data/ with roles.yml")
        return
    top_files = _KNOWN_TOP_FILES | {kind.pattern for kind in DATA_FILES if not kind.folder}
    folders = {kind.folder for kind in DATA_FILES if kind.folder}
    for folder, subfolders, names in os.walk(data_dir):
        subfolders.sort()
        depth = len(Path(folder).relative_to(data_dir).parts)
        here = Path(folder).name if depth == 1 else None
        for name in sorted(names):
            if name.startswith(".") or (depth == 0 and name in top_files) or (here in folders and name.endswith(".yml")):
                continue
            stem, suffix = os.path.splitext(name)
            fix = (f"rename it to {stem}.yml; the build only reads .yml files" if suffix == ".yaml"
                   else "move it out of data/; data/README.md lists the files the build reads")
            yield Problem(_display(Path(folder) / name, root), None, "the build does not read this file", fix)
