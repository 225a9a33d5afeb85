"""`make try-zensical`: render the staged trees with Zensical and say what differs from MkDocs.

A report, not a gate. Material for MkDocs reaches end of life in May 2027; Zensical (by the same
authors) reads mkdocs.yml, runs mkdocs-macros modules through its own macros extension, and
ignores hooks. This stages both sites as `make build` does, renders each staged tree twice (with
MkDocs, and with Zensical in a virtualenv of its own, .venv-zensical), and prints, per site: the
pages only one engine wrote, the pages whose text differs most, macros left unrendered, and
Zensical's own messages. Nothing here is published.

Zensical is pinned to 0.0.73, the newest release installable from this project's package
registry (later releases need zensical-ui, which the registry does not carry).

Usage: python tools/try_zensical.py [--root PROJECT]
"""
from __future__ import annotations

import argparse
import difflib
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL = "zensical==0.0.73"
PYDANTIC = "pydantic==2.14.4"
VENV = ROOT / ".venv-zensical"
_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<(pre|code)[^>]*>.*?</\1>", re.S)


def zensical() -> Path:
    """The zensical command of .venv-zensical, made on first use."""
    command = VENV / "bin" / "zensical"
    if not command.exists():
        print(f"Making {VENV.name} with {ZENSICAL} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, ZENSICAL, PYDANTIC], check=True)
        # The macros module the staged configs name, without the rest of the build's pins.
        subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    return command


def words(page: Path) -> list[str]:
    found = _ARTICLE.search(page.read_text(encoding="utf-8", errors="replace"))
    text = _TAG.sub(" ", found.group(1)) if found else ""
    return html.unescape(text).split()


def unrendered(page: Path) -> bool:
    """A macro call left in the page's prose (code samples may show braces on purpose)."""
    text = _CODE.sub("", page.read_text(encoding="utf-8", errors="replace"))
    return bool(re.search(r"\{\{\s*\w+\(", text))


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("index.html")
            if b'http-equiv="refresh"' not in p.read_bytes()[:2000]}


def report(name: str, mkdocs_site: Path, zensical_site: Path, messages: str) -> None:
    ours, theirs = pages(mkdocs_site), pages(zensical_site)
    print(f"\n== {name} site: MkDocs wrote {len(ours)} pages, Zensical {len(theirs)}")
    for label, only in (("only MkDocs", sorted(set(ours) - set(theirs))), ("only Zensical", sorted(set(theirs) - set(ours)))):
        if only:
            print(f"  {label} ({len(only)}): {', '.join(only[:8])}{' ...' if len(only) > 8 else ''}")
    ratios = sorted((difflib.SequenceMatcher(None, words(ours[p]), words(theirs[p]), autojunk=False).ratio(), p)
                    for p in set(ours) & set(theirs))
    if ratios:
        mean = sum(r for r, _ in ratios) / len(ratios)
        print(f"  page text alike: {mean:.0%} on average; least alike:")
        for ratio, page in ratios[:5]:
            print(f"    {ratio:.0%}  {page}")
    common = sorted(set(ours) & set(theirs))
    if common:
        def links(found: dict[str, Path]) -> float:
            return sum(found[p].read_text(encoding="utf-8", errors="replace").count("md-nav__link") for p in common) / len(common)
        print(f"  navigation links per page: MkDocs {links(ours):.0f}, Zensical {links(theirs):.0f}")
    index = "search.json" if (zensical_site / "search.json").exists() else "none found"
    print(f"  search index: Zensical writes its own ({index}); the build writes ours after MkDocs or ProperDocs")
    left = [p for p, path in theirs.items() if unrendered(path)]
    print(f"  macros left unrendered by Zensical: {len(left)}" + (f" ({', '.join(left[:5])})" if left else ""))
    lines = [line for line in messages.splitlines() if line.strip()]
    print(f"  Zensical said ({len(lines)} lines): " + (" | ".join(lines[-5:]) if lines else "nothing"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    staged = subprocess.run([sys.executable, "-m", "playbook", "--root", str(root), "stage"], text=True,
                            capture_output=True)
    if staged.returncode:
        print(staged.stdout + staged.stderr)
        return 1
    command = zensical()
    work = root / "build" / "engines"
    shutil.rmtree(work, ignore_errors=True)
    for audience in ("internal", "customer"):
        for engine in ("mkdocs", "zensical"):
            shutil.copytree(root / "build" / audience, work / engine / audience)
        mkdocs_site = work / "mkdocs" / audience / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs" / audience / "mkdocs.yml"),
                        "-d", str(mkdocs_site)], capture_output=True, text=True)
        rendered = subprocess.run([str(command), "build", "-f", str(work / "zensical" / audience / "mkdocs.yml")],
                                  capture_output=True, text=True, timeout=1800)
        report(audience, mkdocs_site, work / "zensical" / audience / "site", rendered.stdout + rendered.stderr)
    print(f"\n(The rendered trees are in {work.relative_to(root)}/: open them side by side to look closer.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
