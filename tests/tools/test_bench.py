"""`make bench` works end to end on a tiny playbook: it generates the synthetic project, builds
plain Material and both sites, and reports every figure with the ratio as its last line. It
times nothing that CI judges: the figures of a 40-page build mean nothing, only that they appear."""
import re
import subprocess
import sys

import pytest

from tests.sites import ROOT

pytestmark = pytest.mark.build


def test_the_benchmark_reports_every_figure_and_ends_with_the_ratio():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bench" / "run.py"), "--pages", "48", "--baseline-pages", "16",
         "--runs", "1", "--no-serve", "--no-search", "--kits", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for row in ("plain Material (a)", "both sites (b)", "internal site", "customer site",
                "both sites / plain Material (wall)", "growth: both sites, 48 / 16 pages",
                "median internal page", "load+validate 1,000 processes", "make kits: 2 projects",
                "make kits again: kits rebuilt"):
        assert row in out, row
    assert re.fullmatch(r"ratio both-sites/plain: \d+\.\d\d", out.strip().splitlines()[-1])
