"""Copy the browser's Snowball stemmer from its pinned npm package into the site's assets.

The search worker stems each word of a question with Snowball's English stemmer (Porter2); the
build stems the pages' words with the same algorithm in Python (PyPI snowballstemmer, pinned in
pyproject.toml). The browser's copy is npm porter2, pinned exactly in tools/stemmer/package.json
and package-lock.json. This installs it there (`npm ci --ignore-scripts`, into the git-ignored
node_modules/) and copies its file and licence, byte for byte, to overrides/assets/playbook/vendor/,
which the theme publishes with the worker: a site never loads anything from a registry or CDN.
tests/tools/test_vendored_stemmer.py checks the copy equals the package's file and that both
stemmers agree on a large word list.

Usage: python tools/vendor_stemmer.py [--check]   (--check: exit 1 if the copy differs)
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = ROOT / "tools" / "stemmer"
INSTALLED = PACKAGE_DIR / "node_modules" / "porter2"
VENDOR = ROOT / "overrides" / "assets" / "playbook" / "vendor"
# (the package's file, the name it has in the site)
FILES = (("dist/index.js", "porter2.js"), ("LICENSE", "porter2.LICENSE.txt"))


def install() -> Path:
    """The pinned package, installed from the lock file when missing."""
    if not (INSTALLED / "package.json").is_file():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("npm is needed to install the pinned stemmer (Node 20 ships it)")
        done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=PACKAGE_DIR, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            sys.exit(f"npm ci in {PACKAGE_DIR} failed:\n{done.stdout}{done.stderr}")
    return INSTALLED


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the vendored copy differs")
    args = parser.parse_args(argv)
    package = install()
    stale = [name for source, name in FILES
             if not (VENDOR / name).is_file() or (VENDOR / name).read_bytes() != (package / source).read_bytes()]
    if args.check:
        for name in stale:
            print(f"{(VENDOR / name).relative_to(ROOT)} differs from the pinned package: run tools/vendor_stemmer.py")
        return 1 if stale else 0
    VENDOR.mkdir(parents=True, exist_ok=True)
    for source, name in FILES:
        shutil.copyfile(package / source, VENDOR / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
