"""The day a build is made as of: today, or the day SOURCE_DATE_EPOCH names when it is set.

What a build shows depends on the day: a page's review state, the copyright year, a project's
phase today, the date printed on every page. SOURCE_DATE_EPOCH is the reproducible-builds
convention (https://reproducible-builds.org/specs/source-date-epoch/), which MkDocs honours
too: with it set, a build is the same build whatever day it runs. The tests set it, so no test's
outcome depends on the day it runs.
"""
from __future__ import annotations

import datetime
import os
from collections.abc import Mapping

from playbook.problems import PlaybookError, Problem

VARIABLE = "SOURCE_DATE_EPOCH"


def build_date(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """The build's day (UTC) from SOURCE_DATE_EPOCH, else the machine's today. A value that is not
    a whole number of seconds stops the build, as the convention asks: a build must not quietly
    fall back to another day than the one it was told."""
    written = environ.get(VARIABLE, "").strip()
    if not written:
        return datetime.date.today()
    try:
        return datetime.datetime.fromtimestamp(int(written), tz=datetime.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise PlaybookError([Problem(VARIABLE, None, f"the environment variable is '{written[:40]}', not a number "
                                                     "of seconds since 1970-01-01",
                                     "set it to a whole number such as 1798675200, or unset it to build as of today")],
                            what="The build") from None
