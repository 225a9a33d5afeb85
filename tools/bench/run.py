"""`make bench`: how the playbook's build scales, against plain Material on the same content.

Generates a synthetic playbook (tools/bench/synthetic.py) of PAGES pages in a temporary folder,
then, RUNS times each, builds
  (a) plain MkDocs + Material configured like the site (the same theme features, navigation.prune
      included, and the same Markdown extensions; Material's search plugin indexing every page) on
      the same Markdown with every macro already expanded by our own code (tools/bench/plain.py), and
  (b) both of our sites, exactly as `make build` does (python -m playbook build: the two sites
      staged and rendered side by side),
and prints the medians of wall time, CPU time (user+sys of the build and its children) and peak
memory (the largest process), pages per second, page weight and search index size. It also times
loading and validating the data of 1,000 processes, `mkdocs serve` picking up a page edit and a
data edit (SERVE=0 skips it), search in headless Chromium and the search data a cold load fetches
for its first results and for the whole question, at PAGES and, above 1,000, at 1,000 pages
(SEARCH=0 skips both), and `make kits` for
KITS (200) projects, then again with nothing changed (tools/bench/kits.py), and checks each
figure against its budget. Above 1,000 pages (PAGES=3000) it also builds a 1,000-page playbook
in each run, for the growth budget (3,000 pages in at most 3.5 times the 1,000-page time).
The last line is always `ratio both-sites/plain: X.XX`.

A benchmark, not a test: nothing here fails CI, and the figures depend on the machine.

Usage: python tools/bench/run.py [--pages N] [--runs N] [--no-serve] [--no-search] [--kits N] [--keep]
       (PAGES, RUNS, SERVE=0, SEARCH=0, KITS=0 and BENCH_KEEP=1 in the environment do the same)
"""
from __future__ import annotations

import argparse
import gc
import gzip
import http.server
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import kits  # noqa: E402
import plain  # noqa: E402
import synthetic  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "false"}

# The budgets, at 1,000 pages (issue 22: against a yardstick configured like the site).
RATIO_BUDGET = 0.8           # both sites' wall time / one plain Material build configured like the site
GROWTH_BUDGET = 3.5          # 3,000-page time / 1,000-page time
BASELINE_PAGES = 1000        # the size the growth budget compares against
PAGE_BUDGET = 60 * 1024      # median page, bytes of HTML
DATA_BUDGET = 1.0            # seconds to load and validate 1,000 processes
SERVE_BUDGET = 2.0           # seconds from saving a page to the served page changing
SEARCH_BUDGET = 150.0        # ms from the last keystroke to results shown
PAYLOAD_BUDGET = 300 * 1024  # gzipped search data a cold load fetches before the first results (issue 24)


@dataclass
class Run:
    wall: float
    cpu: float
    maxrss_kib: int


def measure(command: list[str], cwd: Path) -> Run:
    """Wall, CPU (user+sys of the command and every process it waited for) and peak RSS of one command.

    os.wait4 returns the child's own resource usage including its reaped descendants (the two
    engine processes of the build), so runs never blur into each other the way cumulative
    RUSAGE_CHILDREN figures would; ru_maxrss is then the largest single process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{output.decode(errors='replace')[-4000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def time_make_build(root: Path) -> Run:
    """`make build` (both sites: load, stage, render, publish) on a synthetic project, from nothing
    built: no staged tree, no site, so nothing is reused from the run before."""
    for left in ("site", "build", ".site-generations"):
        path = root / left
        if path.is_symlink():
            path.unlink()
        else:
            shutil.rmtree(path, ignore_errors=True)
    return measure([sys.executable, "-m", "playbook", "--root", str(root), "build"], root)


def html_pages(site: Path) -> list[Path]:
    """The site's pages: every index.html but short links and old addresses (tiny redirect pages)."""
    return [p for p in site.rglob("*.html")
            if p.relative_to(site).parts[0] not in ("go", "assets", "search") and p.name != "404.html"
            and b'http-equiv="refresh"' not in p.read_bytes()[:2000]]


def site_figures(site: Path) -> dict:
    pages = html_pages(site)
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    return {"pages": len(pages), "median_html": statistics.median(p.stat().st_size for p in pages),
            "index_raw": len(raw), "index_gzip": len(gzip.compress(raw, 6))}


def time_data_load(work: Path, processes: int = 1000, repeats: int = 5) -> float:
    """Median seconds for load_playbook (parse + shape + cross-file checks) of `processes` processes."""
    from playbook.load.data_folder import load_playbook
    data = synthetic.generate_data_only(work / "data-only", processes)
    times = []
    for _ in range(repeats):
        # A build loads the data once per process; collect the previous repeat's playbook first,
        # so no repeat pays for cleaning up after another.
        playbook = None
        gc.collect()
        started = time.perf_counter()
        playbook = load_playbook(data, root=data.parent)
        times.append(time.perf_counter() - started)
    assert len(playbook.processes) == processes
    return statistics.median(times)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def wait_for(url: str, predicate, timeout: float, interval: float = 0.05) -> float | None:
    """Seconds until the page at url satisfies predicate, or None after timeout."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        text = fetch(url)
        if text is not None and predicate(text):
            return time.perf_counter() - started
        time.sleep(interval)
    return None


def _save(path: Path, text: str, atomic: bool) -> None:
    """Save as an editor does: in place, or (vim, JetBrains, sed -i) a new file renamed over the old."""
    if not atomic:
        path.write_text(text, encoding="utf-8")
        return
    fresh = path.with_name(path.name + ".tmp-save")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)


def time_serve(project: synthetic.Project) -> dict:
    """`make serve` on the synthetic project: seconds until a page edit (saved in place, then as a
    renamed new file) shows in the served page, then a data edit."""
    port = free_port()
    log = open(project.root / "serve.log", "wb")
    server = subprocess.Popen([sys.executable, "-m", "playbook", "--root", str(project.root), "serve",
                               "--audience", "internal", "--port", str(port)],
                              cwd=project.root, env=ENV, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    figures: dict = {}
    try:
        started = time.perf_counter()
        if wait_for(base, lambda text: "</html>" in text, timeout=900, interval=0.25) is None:
            raise RuntimeError("make serve did not start; see " + log.name)
        figures["startup"] = time.perf_counter() - started
        # The preview writes its search index beside the served pages once they are shown
        # (playbook/serve/search_writer.py): the first one is in when it lists pages.
        started = time.perf_counter()
        while not _indexed_pages(base) and time.perf_counter() - started < 300:
            time.sleep(0.25)
        figures["search_index_first"] = time.perf_counter() - started
        time.sleep(1.5)  # let the watcher settle
        figures["search_index_pages_before"] = _indexed_pages(base)
        page = next(p for p in project.pages if p.process and p.number > 8)
        url = base + page.src[:-3] + "/"
        path = project.root / "docs" / page.src
        original = path.read_text(encoding="utf-8")
        for atomic in (False, True):
            marker = f"Edited{int(time.time() * 1000)}marker"
            _save(path, original.replace("## How it works", f"## How it works\n\n{marker}", 1), atomic)
            figures["page_edit_renamed" if atomic else "page_edit"] = wait_for(url, lambda t, m=marker: m in t,
                                                                                 timeout=120)
            _save(path, original, atomic)
            wait_for(url, lambda t, m=marker: m not in t, timeout=120)
            time.sleep(1.0)
        # Right after an edit search still answers from the last whole index, never from the
        # engine's (which lists no page).
        figures["search_index_pages"] = _indexed_pages(base)

        # A data edit: the process's new title must reach its own page and every role page
        # listing it (role pages are generated and their Markdown never changes).
        data_file = project.root / "data" / "processes" / f"{page.process}.yml"
        data_text = data_file.read_text(encoding="utf-8")
        title_line = next(line for line in data_text.splitlines() if line.startswith("title:"))
        new_title = f"Renamed{int(time.time())} process"
        data_file.write_text(data_text.replace(title_line, f"title: {new_title}", 1), encoding="utf-8")
        role = next(line.strip().split(":")[0] for line in data_text.splitlines()
                    if line.strip().endswith(": A"))
        figures["data_edit"] = wait_for(url, lambda text: new_title in text, timeout=300)
        role_page = fetch(f"{base}roles/{role}/") or ""
        figures["data_edit_complete"] = new_title in role_page
        data_file.write_text(data_text, encoding="utf-8")
        wait_for(url, lambda text: new_title not in text, timeout=300)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
    return figures


def _indexed_pages(base: str) -> int:
    """How many pages the served search index lists."""
    index = json.loads(fetch(base + "search/search_index.json") or "{}")
    return len(index.get("config", {}).get("playbook", {}).get("pages", []))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D401 - keep the benchmark's output readable
        pass


SEARCH_QUERIES = ("escalation", "steering committee", "migration", "sign-off", "hypercare budget", "cutover")


def time_search(site: Path) -> list[float]:
    """Milliseconds from the last keystroke to the search results list being filled, per query."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    timings = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            box = page.locator("input[data-md-component=search-query]")
            results = "[data-md-component=search-result] .md-search-result__list"
            # Warm up: the worker loads and indexes the whole site on first use.
            box.click()
            box.type("project")
            page.wait_for_function(f"document.querySelector('{results}').children.length > 0", timeout=120_000)
            for query in SEARCH_QUERIES:
                box.fill("")
                page.wait_for_function(f"document.querySelector('{results}').children.length === 0")
                # Every keystroke's time, and every time the list is (re)filled; the figure is from
                # the last keystroke to the first filling after it, i.e. the final query's results.
                page.evaluate("""(selector) => {
                    window.__keys = []; window.__fills = [];
                    if (!window.__listening) {
                        window.__listening = true;
                        document.addEventListener('keydown', () => window.__keys.push(performance.now()),
                                                  {capture: true});
                        const list = document.querySelector(selector);
                        new MutationObserver(() => {
                            if (list.children.length > 0) window.__fills.push(performance.now());
                        }).observe(list, {childList: true});
                    }
                }""", results)
                box.type(query, delay=60)
                page.wait_for_function("""() => { const last = window.__keys[window.__keys.length - 1];
                                                  return window.__fills.some(t => t > last); }""", timeout=10_000)
                page.wait_for_timeout(500)
                timings.append(page.evaluate("""() => { const last = window.__keys[window.__keys.length - 1];
                                                        return window.__fills.find(t => t > last) - last; }"""))
            browser.close()
    finally:
        server.shutdown()
    return timings


# Counts the search worker's messages (as tests/browser/conftest.py does), so the payload measure
# knows when the answer to each key has arrived.
SEARCH_PROBE = """
(() => {
  const Native = window.Worker;
  const probe = window.__pbSearch = { sent: 0, received: 0 };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => { if (event.data && event.data.type === 3) probe.received++; });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) probe.sent++;
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


def search_payload(site: Path) -> list[dict]:
    """Per query, from a cold load (a new browser profile): the search data fetched, gzipped as a
    server would send it, until the first results show (first) and for the whole question typed
    key by key, each key's answer awaited (whole). Search data: search/search_index.json, which
    Material loads with every page, and every file the worker fetches under search/."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: dict[str, int] = {}

    def gzipped(path: str) -> int:
        if path not in sizes:
            file = site / urllib.parse.unquote(path).lstrip("/")
            sizes[path] = len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0
        return sizes[path]

    figures = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for query in SEARCH_QUERIES:
                context = browser.new_context()
                fetched: list[str] = []
                context.on("request", lambda request, into=fetched: into.append(urllib.parse.urlsplit(request.url).path))
                context.add_init_script(SEARCH_PROBE)
                page = context.new_page()
                page.goto(base)
                box = page.locator("input[data-md-component=search-query]")
                box.click()
                first = None
                for key in query:
                    box.press(key)
                    page.wait_for_function("window.__pbSearch.sent > 0 && "
                                           "window.__pbSearch.sent === window.__pbSearch.received", timeout=60_000)
                    shown = page.evaluate("document.querySelectorAll('.md-search-result__list > li').length")
                    if shown and first is None:
                        first = sum(gzipped(path) for path in set(fetched) if path.startswith("/search/"))
                whole = sum(gzipped(path) for path in set(fetched) if path.startswith("/search/"))
                kinds: dict[str, int] = {}
                for path in set(fetched):
                    if path.startswith("/search/"):
                        kind = path.split("/")[2] if path.count("/") > 2 else "index"
                        kinds[kind] = kinds.get(kind, 0) + gzipped(path)
                figures.append({"query": query, "first": first if first is not None else whole, "whole": whole,
                                "kinds": kinds})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return figures


def fmt_kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=int(os.environ.get("PAGES", 1000)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 3)))
    parser.add_argument("--no-serve", action="store_true", default=os.environ.get("SERVE") == "0")
    parser.add_argument("--no-search", action="store_true", default=os.environ.get("SEARCH") == "0")
    parser.add_argument("--keep", action="store_true", default=os.environ.get("BENCH_KEEP") == "1",
                        help="keep the temporary folder and print where it is")
    parser.add_argument("--without-feature", action="append", metavar="FEATURE",
                        default=os.environ.get("WITHOUT_FEATURE", "").split() or [],
                        help="drop a theme feature from the synthetic copy of mkdocs.yml, to measure a change "
                             "to it (WITHOUT_FEATURE='navigation.sections')")
    parser.add_argument("--kits", type=int, default=int(os.environ.get("KITS", 200)),
                        help="project kits to build with `make kits`, twice (the second run must rebuild none); "
                             "0 skips them (KITS=0)")
    parser.add_argument("--baseline-pages", type=int, default=BASELINE_PAGES,
                        help="the smaller playbook the growth figure compares against (default: 1000)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    try:
        print(f"Generating a synthetic playbook of {args.pages} pages in {work} ...", flush=True)
        project = synthetic.generate(work / "project", args.pages)
        for feature in args.without_feature:
            config = project.root / "mkdocs.yml"
            config.write_text(config.read_text(encoding="utf-8").replace(f"\n    - {feature}\n", "\n"),
                              encoding="utf-8")
            print(f"  without the theme feature {feature}")
        plain_pages = plain.write_plain_project(project.root, work / "plain")
        customer_share = sum(p.customer for p in project.pages) / len(project.pages)
        print(f"  {len(project.pages)} handbook pages ({customer_share:.0%} for customers), "
              f"{project.processes} processes with checklists, {plain_pages} pages in the plain build", flush=True)

        # Above 1,000 pages, the 1,000-page playbook is built in the same runs, for the growth budget.
        baseline = (synthetic.generate(work / "project-baseline", args.baseline_pages)
                    if args.pages > args.baseline_pages else None)
        plain_runs: list[Run] = []
        both_runs: list[Run] = []
        baseline_runs: list[Run] = []
        for number in range(1, args.runs + 1):
            shutil.rmtree(work / "plain-site", ignore_errors=True)
            plain_runs.append(measure([sys.executable, "-m", "mkdocs", "build", "-f", str(work / "plain" / "mkdocs.yml"),
                                       "-d", str(work / "plain-site")], work / "plain"))
            both_runs.append(time_make_build(project.root))
            line = f"  run {number}: plain {plain_runs[-1].wall:.1f} s, both sites {both_runs[-1].wall:.1f} s"
            if baseline:
                baseline_runs.append(time_make_build(baseline.root))
                line += f", both sites at {args.baseline_pages:,} pages {baseline_runs[-1].wall:.1f} s"
            print(line, flush=True)

        sites = {"plain": site_figures(work / "plain-site"),
                 "internal": site_figures(project.root / "site" / "internal"),
                 "customer": site_figures(project.root / "site" / "customer")}
        data_seconds = time_data_load(work)
        serve = {} if args.no_serve else time_serve(project)
        search = [] if args.no_search else time_search(project.root / "site" / "internal")
        payloads = {} if args.no_search else {args.pages: search_payload(project.root / "site" / "internal")}
        if baseline and not args.no_search:
            payloads[args.baseline_pages] = search_payload(baseline.root / "site" / "internal")
        kit_times = kits.time_kits(work, args.kits) if args.kits else None

        def med(runs: list[Run], attr: str) -> float:
            return statistics.median(getattr(r, attr) for r in runs)

        plain_wall, both_wall = med(plain_runs, "wall"), med(both_runs, "wall")
        print()
        print(f"{args.pages} pages, median of {args.runs} runs, {os.cpu_count()} cores")
        print(f"{'build':<26}{'wall':>9}{'cpu':>9}{'peak RSS':>12}{'pages/s':>9}{'median page':>13}"
              f"{'index':>11}{'index gz':>11}")
        rows = [("plain Material (a)", plain_runs, [sites["plain"]]),
                ("both sites (b)", both_runs, [sites["internal"], sites["customer"]])]
        for name, runs, figures in rows:
            pages = sum(f["pages"] for f in figures)
            print(f"{name:<26}{med(runs, 'wall'):>8.1f}s{med(runs, 'cpu'):>8.1f}s"
                  f"{med(runs, 'maxrss_kib') / 1024:>9.0f} MiB{pages / med(runs, 'wall'):>9.0f}"
                  f"{'':>13}{'':>11}{'':>11}")
            names = ("plain",) if len(figures) == 1 else ("internal", "customer")
            for site_name, f in zip(names, figures, strict=True):
                print(f"  {site_name + ' site':<24}{'':>9}{'':>9}{'':>12}{'':>9}"
                      f"{fmt_kib(f['median_html']):>13}{fmt_kib(f['index_raw']):>11}{fmt_kib(f['index_gzip']):>11}"
                      f"   {f['pages']} pages")

        ratio = both_wall / plain_wall
        growth = both_wall / med(baseline_runs, "wall") if baseline_runs else None
        checks = [
            ("both sites / plain Material (wall)", f"{ratio:.2f}", f"<= {RATIO_BUDGET:.2f}", ratio <= RATIO_BUDGET),
            ("both sites / plain Material (cpu)", f"{med(both_runs, 'cpu') / med(plain_runs, 'cpu'):.2f}", "-", None),
            *([(f"growth: both sites, {args.pages:,} / {args.baseline_pages:,} pages", f"{growth:.2f}x",
                 f"<= {GROWTH_BUDGET}x" if args.pages == 3 * args.baseline_pages else "-",
                 growth <= GROWTH_BUDGET if args.pages == 3 * args.baseline_pages else None)] if baseline_runs else []),
            ("median internal page", fmt_kib(sites["internal"]["median_html"]), f"<= {fmt_kib(PAGE_BUDGET)}",
             sites["internal"]["median_html"] <= PAGE_BUDGET),
            ("load+validate 1,000 processes", f"{data_seconds * 1000:.0f} ms", f"<= {DATA_BUDGET * 1000:.0f} ms",
             data_seconds <= DATA_BUDGET),
        ]
        if serve:
            def seconds(value: float | None) -> str:
                return "never" if value is None else f"{value:.1f} s"

            total = serve["search_index_pages_before"]
            checks += [
                ("make serve: page edit shown", seconds(serve.get("page_edit")),
                 f"<= {SERVE_BUDGET:.0f} s", (serve.get("page_edit") or 1e9) <= SERVE_BUDGET),
                ("make serve: edit saved as a renamed file", seconds(serve.get("page_edit_renamed")),
                 f"<= {SERVE_BUDGET:.0f} s", (serve.get("page_edit_renamed") or 1e9) <= SERVE_BUDGET),
                ("make serve: pages in search after edit", f"{serve['search_index_pages']}/{total}",
                 f"{total}/{total}", serve["search_index_pages"] == total and total > 0),
                ("make serve: data edit shown (all pages)", seconds(serve.get("data_edit")), "-", None),
                ("make serve: first search index, after the site", seconds(serve.get("search_index_first")), "-", None),
                ("make serve: data edit reached role pages", str(serve["data_edit_complete"]), "True",
                 serve["data_edit_complete"]),
                ("serve: startup (first build)", seconds(serve["startup"]), "-", None),
            ]
        if search:
            checks.append((f"search: last key -> results (median of {len(search)})",
                           f"{statistics.median(search):.0f} ms", f"<= {SEARCH_BUDGET:.0f} ms",
                           statistics.median(search) <= SEARCH_BUDGET))
            checks.append(("search: slowest query", f"{max(search):.0f} ms", "-", None))
        for pages, figures in sorted(payloads.items()):
            first = max(f["first"] for f in figures)
            whole = max(f["whole"] for f in figures)
            checks.append((f"search data, first results, {pages:,} pages", fmt_kib(first),
                           f"<= {fmt_kib(PAYLOAD_BUDGET)}", first <= PAYLOAD_BUDGET))
            checks.append((f"search data, whole question, {pages:,} pages", fmt_kib(whole), "-", None))
        if kit_times:
            checks += [
                (f"make kits: {kit_times.projects} projects", f"{kit_times.first:.1f} s", "-", None),
                ("make kits: per project", f"{kit_times.first / kit_times.projects:.2f} s", "-", None),
                ("make kits again, nothing changed", f"{kit_times.second:.1f} s", "-", None),
                ("make kits again: kits rebuilt", str(kit_times.rebuilt_second), "0", kit_times.rebuilt_second == 0),
            ]
        for pages, figures in sorted(payloads.items()):
            print(f"\nsearch data a cold load fetches at {pages:,} pages (gzipped): first results / whole question")
            for f in figures:
                kinds = ", ".join(f"{kind} {size / 1024:.0f}" for kind, size in sorted(f["kinds"].items()))
                print(f"  {f['query']:<22}{fmt_kib(f['first']):>10} /{fmt_kib(f['whole']):>10}   ({kinds})")
        print()
        print(f"{'budget':<42}{'measured':>12}  {'budget':<12}")
        for label, value, budget, ok in checks:
            state = "" if ok is None else ("ok" if ok else "OVER")
            print(f"{label:<42}{value:>12}  {budget:<12}{state}")
        if not baseline_runs:
            print(f"(growth: run PAGES=3000 to time 3,000 against 1,000 pages; budget <= {GROWTH_BUDGET}x)")
        if args.keep:
            print(f"(kept {work})")
        print(f"ratio both-sites/plain: {ratio:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
