"""Lighthouse report for both sites: accessibility, best practices, SEO and performance of every
kind of page (home, phase, role, a matrix-heavy phase, a table-heavy page, template, FAQ, glossary,
what we need from the customer), as a person would load them. A report, not a gate: it always
exits 0 once Lighthouse has run, and prints each score against its target.

Installs Lighthouse (exact pin below) with npm into the git-ignored .audit/ folder the first time,
builds both sites with `python -m playbook build` into .audit/, serves each on a free loopback
port with gzip, as a static host does, and drives Debian's Chromium headless (CHROME_PATH);
nothing is fetched from anywhere but npm, once.

Usage: python tools/audit.py [--site internal|customer] [KIND ...]   (default: every kind, both sites)
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".audit"
LIGHTHOUSE = "lighthouse@12.2.3"
CLI = WORK / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run")
# Each kind of page the sites have, and the page that stands for it on each site.
PAGES = {
    "home": {"internal": "", "customer": ""},
    "phase": {"internal": "phases/kickoff/", "customer": "phases/kickoff/"},
    "role": {"internal": "roles/implementation-project-manager/", "customer": "roles/implementation-project-manager/"},
    "matrix-heavy": {"internal": "phases/go-live/", "customer": "phases/go-live/"},
    "tables": {"internal": "communication-plan/", "customer": "change-management/impact-register/"},
    "needs": {"internal": "what-we-need-from-you/", "customer": "what-we-need-from-you/"},
    "template": {"internal": "templates/weekly-status-report/", "customer": "templates/weekly-status-report/"},
    "faq": {"internal": "faq/", "customer": "customer-questions/"},
    "glossary": {"internal": "glossary/", "customer": "glossary/"},
}
SITES = ("internal", "customer")
# category id -> (label, target score out of 100)
TARGETS = {
    "performance": ("Performance", 95),
    "accessibility": ("Accessibility", 100),
    "best-practices": ("Best practices", 100),
    "seo": ("SEO", 100),
}


class _Server(http.server.SimpleHTTPRequestHandler):
    """Serves the site the way any static host does: text compressed with gzip. Without it,
    Lighthouse's simulated mobile network would time uncompressed CSS and JavaScript, and the
    performance score would describe this script's server rather than the site."""

    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.COMPRESS \
                or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def install() -> None:
    if CLI.is_file():
        return
    npm = shutil.which("npm") or sys.exit("npm is needed (Node 20 ships it): sudo apt-get install nodejs npm")
    WORK.mkdir(exist_ok=True)
    print(f"Installing {LIGHTHOUSE} into {WORK.relative_to(ROOT)}/ ...", flush=True)
    subprocess.run([npm, "install", "--save-exact", "--no-audit", "--no-fund", "--loglevel=error",
                    "--prefix", str(WORK), LIGHTHOUSE], check=True)


def build_sites() -> Path:
    """Both sites, built exactly as `make build` builds them, into .audit/site/."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "playbook", "--root", str(ROOT), "--work", str(WORK), "build"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit("The sites do not build:\n" + done.stdout + done.stderr)
    return (WORK / "site").resolve()


def audit(url: str, report: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(TARGETS)],
                   env=env, check=True)
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {key: round((categories[key]["score"] or 0) * 100) for key in TARGETS}


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Server, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kinds", nargs="*", default=list(PAGES), metavar="KIND",
                        help=f"kinds of page: {', '.join(PAGES)} (default: all)")
    parser.add_argument("--site", choices=SITES, action="append", help="one site (default: both)")
    args = parser.parse_args(argv)
    unknown = [kind for kind in args.kinds if kind not in PAGES]
    if unknown:
        parser.error(f"unknown kind of page {', '.join(unknown)}; choose from {', '.join(PAGES)}")
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"{CHROMIUM} is missing: install Debian's chromium (make chromium)")
    install()
    built = build_sites()
    results: dict[tuple[str, str], dict[str, int]] = {}
    for site in args.site or SITES:
        server = serve(built / site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            for kind in args.kinds:
                page = PAGES[kind][site]
                report = WORK / f"lighthouse-{site}-{kind}.json"
                results[(site, kind)] = audit(base + page, report)
        finally:
            server.shutdown()
            server.server_close()

    print(f"\nLighthouse ({LIGHTHOUSE}, mobile defaults); reports in .audit/lighthouse-<site>-<kind>.json")
    print(f"{'site':<10}{'page':<14}{'path':<40}" + "".join(f"{label:>16}" for label, _ in TARGETS.values()))
    for (site, kind), scores in results.items():
        cells = []
        for key, (_, target) in TARGETS.items():
            mark = "" if scores[key] >= target else f" (<{target})"
            cells.append(f"{str(scores[key]) + mark:>16}")
        print(f"{site:<10}{kind:<14}{('/' + PAGES[kind][site]):<40}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
