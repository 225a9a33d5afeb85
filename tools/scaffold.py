"""Start a new process or checklist: a data file and its page that build and validate at once.

The files are a complete, correct example, with the project's real role ids, for the author to
edit: it is easier to change a working example than to write YAML from nothing. The scaffold
refuses an id that is not kebab-case or is already used, refuses to overwrite anything, and
checks the result with the build's own loader before it says it is done.

Usage:
  python tools/scaffold.py process ID [--title TITLE] [--page PATH]   (make new-process ID=...)
  python tools/scaffold.py checklist ID --process PROCESS [--title T] (make new-checklist ID=... PROCESS=...)
Options: --root PROJECT (default: this repo).  Exit 1 when nothing was written.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playbook.load.build_date import build_date
from playbook.load.data_folder import load_playbook
from playbook.model.facts import Playbook
from playbook.model.types import is_id
from playbook.problems import PlaybookError

ROOT = Path(__file__).resolve().parent.parent


class Refused(Exception):
    """Why nothing was written."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("process", "checklist"))
    parser.add_argument("id", nargs="?", default="", help="the new id, kebab-case, such as vendor-onboarding")
    parser.add_argument("--process", default="", help="for a checklist: the id of its process")
    parser.add_argument("--title", help="the title (default: made from the id)")
    parser.add_argument("--page", help="for a process: its page, relative to docs/ (default: processes/ID.md)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repo)")
    args = parser.parse_args(argv)
    try:
        playbook = _load(args.root, "before scaffolding")
        _check_new_id(args.id, playbook, args.kind)
        title = args.title or args.id.replace("-", " ").capitalize()
        if args.kind == "process":
            written = scaffold_process(args.root, playbook, args.id, title, args.page or f"processes/{args.id}.md")
        else:
            written = scaffold_checklist(args.root, playbook, args.id, title, args.process)
    except Refused as reason:
        print(f"Nothing was written: {reason}")
        return 1
    for line in written:
        print(line)
    return 0


def _load(root: Path, when: str) -> Playbook:
    try:
        return load_playbook(root / "data", root=root)
    except PlaybookError as error:
        raise Refused(f"the data has problems {when}; fix them first (make build lists them)\n{error}") from None


def _all_ids(playbook: Playbook) -> set[str]:
    ids = set(playbook.roles) | set(playbook.processes) | set(playbook.checklists)
    ids |= {a.id for p in playbook.processes.values() for a in p.activities}
    for kind in ("communications", "change_impacts", "complaints", "agendas", "escalation_paths", "raid_categories"):
        ids |= set(getattr(playbook, kind))
    return ids


def _check_new_id(new_id: str, playbook: Playbook, kind: str) -> None:
    if not new_id:
        raise Refused(f"give the new {kind}'s id, such as ID=vendor-onboarding")
    if not is_id(new_id):
        raise Refused(f"'{new_id}' is not a kebab-case id — use lower-case words joined by single hyphens, "
                      "starting with a letter, such as vendor-onboarding")
    if new_id in _all_ids(playbook):
        raise Refused(f"the id '{new_id}' is already used in data/ — ids are unique across the playbook; choose another")


def _refuse_existing(root: Path, *paths: Path) -> None:
    for path in paths:
        if path.exists():
            raise Refused(f"{path.relative_to(root)} already exists, and the scaffold never overwrites a file")


def _visible_roles(playbook: Playbook, side: str) -> list[str]:
    """Role ids of one side, customer-visible roles first, in the order of data/roles.yml."""
    roles = [r for r in playbook.roles.values() if r.side == side]
    return [r.id for r in sorted(roles, key=lambda r: r.audience != "customer")]


def scaffold_process(root: Path, playbook: Playbook, process_id: str, title: str, page: str) -> list[str]:
    data_file = root / "data" / "processes" / f"{process_id}.yml"
    page_file = root / "docs" / page
    _refuse_existing(root, data_file, page_file)
    if not page.endswith(".md") or page.startswith("/") or ".." in page.split("/"):
        raise Refused(f"the page '{page}' must be a .md path inside docs/, such as processes/{process_id}.md")
    firm, customer = _visible_roles(playbook, "firm"), _visible_roles(playbook, "customer")
    if not firm:
        raise Refused("data/roles.yml has no firm role to make Accountable")
    accountable = firm[0]
    responsible = (firm[1:] or customer or [None])[0]
    if responsible is None:
        raise Refused("data/roles.yml needs a second role to be Responsible")
    consulted = next((r for r in customer if r != responsible), None)
    activity_ids = [f"{process_id}-prepare", f"{process_id}-run"]
    taken = [a for a in activity_ids if a in _all_ids(playbook)]
    if taken:
        raise Refused(f"the activity id '{taken[0]}' is already used; choose another process id")
    depth = "../" * 2
    raci_first = f"      {accountable}: A\n      {responsible}: R\n" + (f"      {consulted}: C\n" if consulted else "")
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(f"""\
# yaml-language-server: $schema={depth}schemas/process.schema.json
# Scaffolded by `make new-process`: a working example to edit. Every field is explained in
# data/README.md ("processes/<id>.yml"); the build checks them all.
id: {process_id}
title: {title}
# Internal until it is ready for customers; then write customer here and in the page's front matter.
audience: internal
page: {page}
summary: >-
  One paragraph: what this process is for, when it starts, and what it leaves behind.
activities:
  - id: {activity_ids[0]}
    title: Prepare the {title.lower()}
    detail: >-
      A short paragraph on how or why; delete this key when the title says it all.
    raci:
{raci_first}  - id: {activity_ids[1]}
    title: Run the {title.lower()}
    raci:
      {accountable}: A
      {responsible}: R
""", encoding="utf-8")
    page_file.parent.mkdir(parents=True, exist_ok=True)
    page_file.write_text(f"""\
---
title: {title}
owner: {accountable}
last_reviewed: {build_date().isoformat()}
---

# {title}

Why this process exists and when it applies, in a paragraph or two. The role matrix below comes
from data/processes/{process_id}.yml: change who does what there, never here.

## Who does what

{{{{ raci_matrix("{process_id}") }}}}
""", encoding="utf-8")
    config = root / "mkdocs.yml"
    config_text = config.read_text(encoding="utf-8")
    in_nav = _add_to_nav(config, config_text, title, page)
    _validate(root, [data_file, page_file], restore={config: config_text})
    nav_line = (f"  1. It is at the end of the nav in mkdocs.yml; move the line '- {title}: {page}' into its section."
                if in_nav else "  1. mkdocs.yml has no nav: list, so the page appears in the navigation by itself.")
    return [f"Wrote {data_file.relative_to(root)} and {page_file.relative_to(root)}.",
            "Next:",
            nav_line,
            f"  2. Give it a checklist:  make new-checklist ID={process_id}-ready PROCESS={process_id}",
            "  3. Preview it with make serve, and edit the example text and roles."]


def _add_to_nav(config: Path, text: str, title: str, page: str) -> bool:
    """Append the page to the end of mkdocs.yml's nav, as text, so every comment stays. MkDocs
    refuses a page missing from the nav in strict mode, so a page the scaffold wrote must be in it."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        return False
    block = []  # the nav's own lines: up to the next top-level key
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line[0].isspace() and not line.startswith("#"):
            break
        if line.strip() and not line.lstrip().startswith("#"):
            block.append(i)
    entries = [i for i in block if lines[i].lstrip().startswith("- ")]
    indent = lines[entries[0]][: len(lines[entries[0]]) - len(lines[entries[0]].lstrip())] if entries else "  "
    last = block[-1] if block else start
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, f"{indent}- {title}: {page}\n")
    config.write_text("".join(lines), encoding="utf-8")
    return True


def scaffold_checklist(root: Path, playbook: Playbook, checklist_id: str, title: str, process_id: str) -> list[str]:
    if not process_id:
        raise Refused("give the checklist's process, such as PROCESS=kickoff")
    process = playbook.processes.get(process_id)
    if process is None:
        raise Refused(f"there is no process '{process_id}' in data/processes/ — known: {', '.join(playbook.processes)}")
    data_file = root / "data" / "checklists" / f"{checklist_id}.yml"
    page_file = root / "docs" / process.page
    _refuse_existing(root, data_file)
    call = f'{{{{ checklist("{checklist_id}") }}}}'
    page_text = page_file.read_text(encoding="utf-8")
    owner = next((a.role for a in process.activities[0].raci if a.letter == "A"), None)
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(f"""\
# yaml-language-server: $schema=../../schemas/checklist.schema.json
# Scaffolded by `make new-checklist`: a working example to edit. Every field is explained in
# data/README.md ("checklists/<id>.yml"); the build checks them all.
id: {checklist_id}
title: {title}
# A checklist for customers needs a process for customers; an item can be narrowed with
# `audience: internal`.
audience: {process.audience}
process: {process_id}
items:
  - id: scope-confirmed
    text: The scope of this step is confirmed with the people who do the work.
    owner: {owner}
    due: Before the process starts
  - id: outcome-recorded
    text: The outcome is recorded where the whole project team can find it.
    owner: {owner}
    due: When the process ends
""", encoding="utf-8")
    new_text = page_text.rstrip("\n") + f"\n\n## {title}\n\n{call}\n"
    page_file.write_text(new_text, encoding="utf-8")
    _validate(root, [data_file], restore={page_file: page_text})
    return [f"Wrote {data_file.relative_to(root)} and added it to {page_file.relative_to(root)}.",
            "Next: edit the items (data/README.md explains each field) and preview with make serve."]


def _validate(root: Path, created: list[Path], restore: dict[Path, str]) -> None:
    """Load the data with the build's loader; on any problem, undo everything and refuse."""
    try:
        _load(root, "after scaffolding")
    except Refused:
        for path in created:
            path.unlink(missing_ok=True)
        for path, text in restore.items():
            path.write_text(text, encoding="utf-8")
        raise


if __name__ == "__main__":
    sys.exit(main())
