"""The one day every test's build is made as of, whatever day the tests run.

The product builds as of SOURCE_DATE_EPOCH when it is set (playbook/load/build_date.py). The
tests set it to the day of the commit under test, or the newest review date the pages and roles
write if that is later (a page reviewed today and not yet committed): a fixed day for given
sources, on or after every review date, so the real playbook builds without "reviewed in the
future". A copy without git history uses the review dates alone.
"""
from __future__ import annotations

import datetime
import os
import re
import subprocess

from playbook.load.build_date import VARIABLE
from tests.sites import ROOT

_REVIEWED = re.compile(r"^\s*last_reviewed:\s*(\d{4}-\d{2}-\d{2})\s*$", re.M)


def frozen_day() -> datetime.date:
    written = [*(ROOT / "docs").rglob("*.md"), ROOT / "data" / "roles.yml"]
    days = [datetime.date.fromisoformat(day) for path in written
            for day in _REVIEWED.findall(path.read_text(encoding="utf-8"))]
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True,
                              timeout=30, check=False)
        if done.returncode == 0 and done.stdout.strip():
            days.append(datetime.date.fromisoformat(done.stdout.strip()))
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return max(days)


def freeze_build_date() -> datetime.date:
    """Set SOURCE_DATE_EPOCH for this process and every build it starts; return the day."""
    day = frozen_day()
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
    os.environ[VARIABLE] = str(int(noon.timestamp()))
    return day
