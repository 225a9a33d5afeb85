"""Check the site settings, data/ and every page's front matter, as the build does, without building.

Reads the settings in mkdocs.yml (playbook/load/settings.py) and data/ with the build's own
loader (playbook/load/data_folder.py), and each page's front matter, owner and review dates with
the build's own rules (playbook/load/review.py), then prints every problem as
`file:line: what is wrong — how to fix it`. Fast enough for a pre-commit hook.

Usage: python tools/validate_data.py [--root PROJECT]     Exit 1 on any problem.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playbook.load import review as page_review
from playbook.load.build_date import build_date
from playbook.load.data_folder import load_playbook
from playbook.load.settings import read_settings
from playbook.problems import PlaybookError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repo)")
    args = parser.parse_args(argv)
    try:
        today = build_date()
        settings = read_settings(args.root)
        playbook = load_playbook(args.root / "data", root=args.root)
    except PlaybookError as error:
        print(error)
        return 1
    _, problems = page_review.project_statuses(args.root, playbook, today, settings.review)
    if problems:
        print(PlaybookError(problems, what="The pages' front matter"))
        return 1
    print(f"The settings, data/ and the front matter of every page are valid ({len(playbook.roles)} roles, "
          f"{len(playbook.processes)} processes, {len(playbook.checklists)} checklists).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
