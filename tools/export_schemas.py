"""Write schemas/<kind>.schema.json for every kind of data file, from the shapes the build checks.

Editors that speak JSON Schema (VS Code with the YAML extension, IntelliJ) read the
`# yaml-language-server: $schema=...` line at the top of each data file and then underline a
misspelt key or a missing field as the author types, with the same rules the build applies,
because both come from hooks/playbook/shapes.py. The files are committed; a test fails when
they are stale, so run this after changing a shape.

Usage: python tools/export_schemas.py [--check]   (--check: exit 1 if a file would change)
"""
from __future__ import annotations

import argparse
import json
import sys

from _project import ROOT

from playbook.kits.project import project_json_schema
from playbook.model.shapes import FILE_KINDS

SCHEMA_DIR = ROOT / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, str]:
    """File name -> content, for every kind of data file."""
    written = {}
    for name, pattern, shape in FILE_KINDS:
        schema = {"$schema": DIALECT, **shape.json_schema(),
                  "$comment": f"Generated from hooks/playbook/shapes.py by tools/export_schemas.py for data/{pattern}; "
                              "do not edit by hand."}
        written[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    # Project files (playbook/kits/project.py) declare their shape once, as a pydantic model.
    written["project.schema.json"] = json.dumps(project_json_schema(), indent=2, ensure_ascii=False) + "\n"
    return written


def header(name: str, data_path: str) -> str:
    """The editor line for a data file at data_path (relative to the project)."""
    depth = data_path.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{name}.schema.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files; change nothing")
    args = parser.parse_args(argv)
    stale = []
    for file_name, content in schemas().items():
        path = SCHEMA_DIR / file_name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            stale.append(path.relative_to(ROOT).as_posix())
            if not args.check:
                path.parent.mkdir(exist_ok=True)
                path.write_text(content, encoding="utf-8")  # only when changed, so watchers stay calm
    if args.check and stale:
        print("Stale: " + ", ".join(stale) + " — run: .venv/bin/python tools/export_schemas.py")
        return 1
    print(f"{'Wrote' if stale else 'Up to date:'} {', '.join(stale) or len(FILE_KINDS) + 1} schema(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
