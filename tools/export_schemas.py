"""Write what editors and authors read from the models the build checks with: the JSON Schemas in
schemas/ and the field references in data/README.md, projects/README.md, CONTRIBUTING.md and README.md.

Editors that speak JSON Schema (VS Code with the YAML extension, IntelliJ) read the
`# yaml-language-server: $schema=...` line at the top of each data file and then underline a
misspelt key or a missing field as the author types, with the rules the build applies, because
both come from the models in playbook/model/. The field references are tables between
`<!-- fields:start NAME -->` and `<!-- fields:end NAME -->`; the prose and examples around them
are written by hand. Everything is committed; a test fails when any of it is stale, so run this
after changing a model.

Usage: python tools/export_schemas.py [--check]   (--check: exit 1 if a file would change)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import typing
from collections.abc import Iterator
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from playbook.model.data_files import DATA_FILES
from playbook.model.page import PageFrontMatter
from playbook.model.project import ProjectFile
from playbook.model.settings import Settings
from playbook.model.types import Keyed, Record, RequiredBy, field_type, is_record, means_of, unwrap

ROOT = Path(__file__).resolve().parent.parent

SCHEMA_DIR = ROOT / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _EditorSchema(GenerateJsonSchema):
    """pydantic's JSON Schema without a title on every property (the descriptions say more)."""

    def field_title_should_be_set(self, schema) -> bool:
        return False


def schemas() -> dict[str, str]:
    """File name -> content, for every kind of data file and for project files."""
    kinds = [(kind.schema, kind.model, f"data/{kind.pattern}") for kind in DATA_FILES]
    kinds.append(("project", ProjectFile, "projects/<id>.yml"))
    written = {}
    for name, model, files in kinds:
        schema = {"$schema": DIALECT, **model.model_json_schema(schema_generator=_EditorSchema),
                  "$comment": f"Generated from playbook/model/ by tools/export_schemas.py for {files}; "
                              "do not edit by hand."}
        written[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return written


def header(name: str, data_path: str) -> str:
    """The editor line for a data file at data_path (relative to the project)."""
    depth = data_path.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{name}.schema.json"


# -- Field references -------------------------------------------------------------------------------

# (document, section name, model, key prefix)
REFERENCES = [("data/README.md", kind.schema, kind.model, "") for kind in DATA_FILES] + [
    ("projects/README.md", "project", ProjectFile, ""),
    ("CONTRIBUTING.md", "front-matter", PageFrontMatter, ""),
    ("README.md", "settings", Settings, "extra."),
]


def _kind(annotation: typing.Any) -> str:
    """The kind of value, in a few words."""
    base, metadata = unwrap(annotation)
    means = means_of(base, metadata)
    if typing.get_origin(base) is tuple and not any(isinstance(m, Keyed) for m in metadata):
        return f"{means.name} of: {_kind(typing.get_args(base)[0])}"
    if typing.get_origin(base) is dict:
        return f"{means.name}, each: {_kind(typing.get_args(base)[1])}"
    return means.name if means else str(base)


def _rows(model: type[Record], prefix: str) -> Iterator[tuple[str, str, str, str]]:
    for key, name in model.author_keys().items():
        info = model.model_fields[name]
        annotation = field_type(model, name)
        default = info.get_default(call_default_factory=True)
        required_by = next((m for m in unwrap(annotation)[1] if isinstance(m, RequiredBy)), None)
        if info.is_required():
            need = "required"
        elif required_by:
            need = f"required {required_by.where}"
        elif default in (None, "", (), {}) or isinstance(default, Record):
            need = "optional"
        else:
            need = f"optional, default `{str(default).lower() if isinstance(default, bool) else default}`"
        yield f"{prefix}{key}", need, _kind(annotation), info.description or ""
        base, metadata = unwrap(annotation)
        keyed = next((m for m in metadata if isinstance(m, Keyed)), None)
        item = unwrap(typing.get_args(base)[0])[0] if typing.get_origin(base) is tuple else None
        by_id = unwrap(typing.get_args(base)[1])[0] if typing.get_origin(base) is dict else None
        if keyed is not None:
            value = item.model_fields[keyed.value]
            yield (f"{prefix}{key}.<{keyed.key}>", "", _kind(field_type(item, keyed.value)),
                   f"{item.model_fields[keyed.key].description}: {value.description}")
        elif is_record(base):
            yield from _rows(base, f"{prefix}{key}.")
        elif is_record(item):
            yield from _rows(item, f"{prefix}{key}[].")
        elif is_record(by_id):
            yield from _rows(by_id, f"{prefix}{key}.<id>.")


def field_reference(model: type[Record], prefix: str = "") -> str:
    """A Markdown table of every key a model's YAML may hold (nested blocks as dotted paths)."""
    lines = ["| key | | value | holds |", "|---|---|---|---|"]
    for key, need, kind, description in _rows(model, prefix):
        cells = (f"`{key}`", need, kind, description)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def _section(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- fields:start {re.escape(name)} -->\n).*?(<!-- fields:end {re.escape(name)} -->)", re.DOTALL)


def documents() -> dict[str, str]:
    """Document path -> its text with every field reference filled in from the models."""
    texts: dict[str, str] = {}
    for document, name, model, prefix in REFERENCES:
        text = texts.get(document) or (ROOT / document).read_text(encoding="utf-8")
        section = _section(name)
        if not section.search(text):
            raise SystemExit(f"{document} has no '<!-- fields:start {name} -->' ... '<!-- fields:end {name} -->' section")
        table = field_reference(model, prefix)
        texts[document] = section.sub(lambda match, table=table: match.group(1) + table + "\n" + match.group(2), text)
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files; change nothing")
    args = parser.parse_args(argv)
    wanted = {SCHEMA_DIR / name: content for name, content in schemas().items()}
    wanted.update({ROOT / document: text for document, text in documents().items()})
    stale = []
    for path, content in wanted.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            stale.append(path.relative_to(ROOT).as_posix())
            if not args.check:
                path.parent.mkdir(exist_ok=True)
                path.write_text(content, encoding="utf-8")  # only when changed, so watchers stay calm
    if args.check and stale:
        print("Stale: " + ", ".join(stale) + " — run: .venv/bin/python tools/export_schemas.py")
        return 1
    print(f"{'Wrote' if stale else 'Up to date:'} {', '.join(stale) or f'{len(wanted)} files'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
