"""When each source file last changed: from git history, in one call per build.

Asking git once per page would cost a process per page (hundreds on a large playbook); one
`git log --name-only` over the folders gives every file's last commit date at once. A copy of the
playbook without history (a tarball, a CI checkout without git) falls back to the file's own
modification date, and says so, because a reader should know how far to trust the date.
"""
from __future__ import annotations

import datetime
import subprocess
from dataclasses import dataclass
from pathlib import Path

from playbook.load.build_date import build_date

GIT = "git history"
FILE_DATE = "file date"


@dataclass(frozen=True)
class Changed:
    date: datetime.date
    source: str  # GIT or FILE_DATE
    note: str = ""  # why the file date was used, for the reader


def git_dates(root: Path, folders: tuple[str, ...]) -> dict[str, datetime.date] | None:
    """The date of the last commit that touched each file under folders (paths relative to root);
    None when root is not in a git work tree or git cannot be run."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--relative", "--format=%x00%cs", "--name-only", "--", *folders],
            capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return parse_log(result.stdout)


def parse_log(output: str) -> dict[str, datetime.date]:
    """Newest commit first, so the first date seen for a path is its last change."""
    dates: dict[str, datetime.date] = {}
    current: datetime.date | None = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            current = datetime.date.fromisoformat(line[1:].strip())
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)
    return dates


def last_changed(root: Path, path: str, dates: dict[str, datetime.date] | None) -> Changed:
    """A file's last change (path relative to root)."""
    if dates is not None and path in dates:
        return Changed(dates[path], GIT)
    note = "not committed yet" if dates is not None else "no git history here"
    try:
        mtime = (root / path).stat().st_mtime
    except OSError:
        return Changed(build_date(), FILE_DATE, note)
    return Changed(datetime.datetime.fromtimestamp(mtime, tz=datetime.UTC).date(), FILE_DATE, note)
