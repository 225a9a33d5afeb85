"""Build the playbook's sites side by side, and replace the published output only if all succeed.

Each site builds with MkDocs in its own process (they share nothing, so two cores build two
sites at once) into a staging folder beside its target. Only when every build has passed are
the staging folders swapped in, so a failed build leaves the previous site/ exactly as it was:
a reviewer's last good preview is never replaced by half a site.

Usage: python tools/build_sites.py [SITE ...]   (default: every site in SITES)
       python tools/build_sites.py --customer-bundle   (site/customer-bundle.zip, opens from disk)
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# site name -> (config file, output folder)
SITES = {
    "internal": ("mkdocs.yml", "site/internal"),
    "customer": ("mkdocs.customer.yml", "site/customer"),
}


@dataclass
class Outcome:
    name: str
    returncode: int
    output: str
    seconds: float
    staging: Path
    target: Path


def build(name: str, root: Path, *, offline: bool = False, target: Path | None = None) -> Outcome:
    config, default_target = SITES[name]
    target_path = target or root / default_target
    staging = target_path.with_name(f".{target_path.name}.staging-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    started = time.monotonic()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    # No -q: with -q, MkDocs exits 0 even when strict mode counted warnings.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / config), "-d", str(staging)],
        cwd=root, env=env, capture_output=True, text=True)
    return Outcome(name, result.returncode, result.stdout + result.stderr,
                   time.monotonic() - started, staging, target_path)


def publish(outcome: Outcome) -> None:
    """Swap the staging folder in with two renames, so the target is never half-written."""
    old = outcome.target.with_name(f".{outcome.target.name}.old-{os.getpid()}")
    if outcome.target.exists():
        outcome.target.rename(old)
    outcome.staging.rename(outcome.target)
    shutil.rmtree(old, ignore_errors=True)


def problems_in(output: str) -> list[str]:
    """MkDocs' output without the INFO chatter: the lines an author has to read."""
    return [line for line in output.splitlines() if line.strip() and not line.startswith("INFO")]


def customer_bundle(root: Path) -> int:
    """The customer site built for reading from disk (Material's offline plugin), as one zip."""
    target = root / "site" / "customer-bundle.zip"
    with tempfile.TemporaryDirectory(prefix="customer-bundle-") as work:
        outcome = build("customer", root, offline=True, target=Path(work) / "site")
        report(outcome, root)
        if outcome.returncode:
            print(f"\nBundle failed. {target.relative_to(root)} was left as it was.")
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = shutil.make_archive(str(Path(work) / "bundle"), "zip", outcome.staging)
        os.replace(partial, target)  # replace in one step: never a half-written zip
    print(f"Wrote {target.relative_to(root)}: unzip it and open index.html in a browser.")
    return 0


def report(outcome: Outcome, root: Path) -> None:
    state = "FAILED" if outcome.returncode else "ok"
    where = outcome.target.relative_to(root) if outcome.target.is_relative_to(root) else outcome.target
    print(f"{outcome.name:9} {state:6} {outcome.seconds:5.1f} s  -> {where}/")
    for line in problems_in(outcome.output):
        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", metavar="SITE", help=f"one of: {', '.join(SITES)} (default: all)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repo)")
    parser.add_argument("--customer-bundle", action="store_true", help="build site/customer-bundle.zip instead")
    args = parser.parse_args(argv)
    if args.customer_bundle:
        return customer_bundle(args.root)
    names = args.sites or list(SITES)
    unknown = [n for n in names if n not in SITES]
    if unknown:
        parser.error(f"unknown site {', '.join(unknown)}; choose from {', '.join(SITES)}")
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        outcomes = list(pool.map(lambda n: build(n, args.root), names))

    failed = [o for o in outcomes if o.returncode != 0]
    for outcome in outcomes:
        report(outcome, args.root)
    if failed:
        for outcome in outcomes:
            shutil.rmtree(outcome.staging, ignore_errors=True)
        names = ", ".join(o.name for o in failed)
        print(f"\nBuild failed ({names}). Nothing in site/ was changed; fix the problems above and run again.")
        return 1
    for outcome in outcomes:
        publish(outcome)
    return 0


if __name__ == "__main__":
    sys.exit(main())
