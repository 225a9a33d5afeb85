"""Check data/ and every page's review front matter, as the build does, without building.

Loads data/ with the build's own loader (hooks/playbook/model.py) and reads each page's owner
and review dates with the build's own rules (hooks/playbook/page_review.py), then prints every
problem as `file:line: what is wrong — how to fix it`. Fast enough for a pre-commit hook.

Usage: python tools/validate_data.py [--root PROJECT]     Exit 1 on any problem.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from _project import ROOT, review_settings

from playbook.load import review as page_review
from playbook.load.data_folder import load_playbook
from playbook.problems import PlaybookError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repo)")
    args = parser.parse_args(argv)
    try:
        playbook = load_playbook(args.root / "data", root=args.root)
    except PlaybookError as error:
        print(error)
        return 1
    _, problems = page_review.project_statuses(args.root, playbook, datetime.date.today(), review_settings(args.root))
    if problems:
        print(PlaybookError(problems, what="The pages' front matter"))
        return 1
    print(f"data/ and the front matter of every page are valid ({len(playbook.roles)} roles, "
          f"{len(playbook.processes)} processes, {len(playbook.checklists)} checklists).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
