"""Fail when any page of the playbook is past its review date.

A normal build never fails on a stale page (one late review must not block every other author);
this check does, so a scheduled CI job can tell owners. It reads the same front matter and
data/roles.yml with the same rules as the build (playbook/load/review.py).

Usage: python tools/check_freshness.py [--root PROJECT] [--today YYYY-MM-DD]
Exit 0 when nothing is overdue, 1 when a page is overdue, 2 when the pages or data have mistakes.
"""
from __future__ import annotations

import argparse
import datetime
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
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                        help="check as of this day, YYYY-MM-DD (default: the build's day, see SOURCE_DATE_EPOCH)")
    args = parser.parse_args(argv)
    try:
        today = args.today or build_date()
        settings = read_settings(args.root).review
        playbook = load_playbook(args.root / "data", root=args.root)
    except PlaybookError as error:
        print(error)
        return 2
    statuses, problems = page_review.project_statuses(args.root, playbook, today, settings)
    for problem in problems:
        print(problem)
    if problems:
        return 2
    late = page_review.overdue(statuses)
    soon = [s for s in page_review.health(statuses) if s.state == page_review.DUE_SOON]
    for status in late:
        print(f"OVERDUE  {status.source}: '{status.title}' was due for review on {status.due.isoformat()} "
              f"— owner: {status.owner_name}. Review it and set last_reviewed to the review's date.")
    for status in soon:
        print(f"due soon {status.source}: '{status.title}' is due for review on {status.due.isoformat()} "
              f"— owner: {status.owner_name}")
    print(f"{len(statuses)} pages as of {today.isoformat()}: {len(late)} overdue, {len(soon)} due soon.")
    return 1 if late else 0


if __name__ == "__main__":
    sys.exit(main())
