"""Time `make kits` for many projects: the playbook as it is, and COUNT projects made from the example.

Each synthetic project is the shipped example with its own id, customer, people and dates, so
every kit is really built (deck, appendix, calendar, the project's customer site). The second run
changes nothing and must rebuild nothing. run.py reports both figures; alone:

    .venv/bin/python tools/bench/kits.py [COUNT]     (default 200)
"""
from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import holidays

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXAMPLE = ROOT / "projects" / "harbourline-order-to-cash.yml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class KitTimes:
    projects: int
    first: float        # seconds, every kit built
    second: float       # seconds, nothing changed
    rebuilt_second: int  # kits the second run rebuilt (0 when unchanged projects are skipped)


def make_playbook(target: Path, count: int) -> Path:
    """A copy of the playbook's sources with `count` project files."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "data", "docs", "overrides", "schemas"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    projects = target / "projects"
    projects.mkdir()
    example = EXAMPLE.read_text(encoding="utf-8")
    base = datetime.date(2026, 9, 7)
    # A kickoff is held on a working day: not England's bank holidays nor the example's days off.
    off = set(holidays.country_holidays("GB", subdiv="ENG", years=range(2026, 2030)))
    off |= {datetime.date.fromisoformat(day) for day in re.findall(r"day: (\d{4}-\d{2}-\d{2})", example)}
    for number in range(1, count + 1):
        project_id = f"bench-project-{number:03d}"
        kickoff = base + datetime.timedelta(weeks=number % 40)
        while kickoff in off or kickoff.weekday() > 4:
            kickoff += datetime.timedelta(days=1)
        go_live = kickoff + datetime.timedelta(weeks=18 + number % 10)
        text = example.replace("harbourline-order-to-cash", project_id)
        text = text.replace("Harbourline Foods", f"Customer {number:03d}").replace("harbourline", f"customer{number:03d}")
        text = re.sub(r"^kickoff: .*$", f"kickoff: {kickoff.isoformat()}", text, flags=re.M)
        text = re.sub(r"^go_live: .*$", f"go_live: {go_live.isoformat()}", text, flags=re.M)
        (projects / f"{project_id}.yml").write_text(text, encoding="utf-8")
    return target


def _run(root: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "playbook", "--root", str(root), "kits"], cwd=root, env=ENV,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"make kits failed:\n{(result.stdout + result.stderr)[-4000:]}")
    return seconds, result.stdout


def time_kits(work: Path, count: int) -> KitTimes:
    root = make_playbook(work / "kits-playbook", count)
    first, out = _run(root)
    built = int(re.search(r"^(\d+) built", out, re.M).group(1))
    if built != count:
        sys.exit(f"make kits built {built} of {count} kits:\n{out[-2000:]}")
    second, out = _run(root)
    rebuilt = int(re.search(r"^(\d+) built", out, re.M).group(1))
    return KitTimes(count, first, second, rebuilt)


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    work = Path(tempfile.mkdtemp(prefix="playbook-kits-bench-"))
    try:
        times = time_kits(work, count)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"kits: {times.projects} projects built in {times.first:.1f} s ({times.first / times.projects:.2f} s each); "
          f"second run {times.second:.1f} s, {times.rebuilt_second} rebuilt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
