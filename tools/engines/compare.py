"""Pagefind, MiniSearch and the playbook's own search worker on the same questions and the same
3,000 pages (issue 24, item 6): which engine should the playbook search with?

Each engine answers the held-aside questions (tests/browser/test_search_held_aside.py) on the real
internal and customer sites, built here, in Debian's headless Chromium, and the share of questions
with an answering page in the first three is reported per site and engine. Every engine sees each
question read the same way first, with the playbook's data: the words that only hold a question
together left out (playbook/search/words.py, STOP_WORDS) and each word of a synonym group of
data/search-synonyms.yml or the glossary (or a reader's related word for one) given every word of
its group as an alternative. The playbook's worker reads questions so itself. Each engine ranks with
its documented options:

  MiniSearch 7.2.0 (npm)  the site's sections as documents, fields title (the section's), page (the
                          page's title), terms (the page's search terms) and text, boosted 2, 3, 3
                          and 1; prefix search on the last word of the question only; fuzzy
                          matching (0.2) for words of five letters and more; terms stemmed by the
                          Snowball stemmer the worker uses (its processTerm option); a question's
                          terms combined with OR, a term's alternatives with OR.
  Pagefind 1.5.2 (PyPI)   each page's content (--root-selector div[data-pb-content]), its headings
                          weighted as Pagefind weights them, the page's search terms added to the
                          indexed copy as an element weighted 6 (data-pagefind-weight, as an h2);
                          its default ranking; a question with synonyms asked once per alternative,
                          the best score of a page kept.

Questions about a fact the data holds are answered by the fact first in the playbook's search
(facts.py): that layer stays whichever engine ranks the pages, so each engine is reported alone
and "with facts" (the page of the fact the worker shows put first).

It also measures what a cold load fetches at 3,000 pages (tools/bench/synthetic.py): the worker's
search data for the bench's questions (tools/bench/run.py: search_payload), MiniSearch's whole
serialised index (it cannot load part of one), and what Pagefind fetches for its first ten results,
and whether each engine answers from a page opened from disk (file://), as the customer bundle is.

Usage: .venv/bin/python tools/engines/compare.py [--tuning] [--synthetic PROJECT] [--no-payload]
  --tuning       the tuning questions (test_search_questions.py, test_search.py) instead of the
                 held-aside third, which is run once, when the search work is done
  --synthetic    a synthetic project already built at 3,000 pages (else one is generated and built)

A report, not a test: nothing here runs in make test. The engines install themselves on first use
into tools/engines/ (.venv from requirements.txt, node_modules/ from package-lock.json).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE), str(ROOT / "tools" / "bench")]

import pagefind_from_disk  # noqa: E402
import run as bench  # noqa: E402
import synthetic  # noqa: E402

from playbook.model.handover import Handover  # noqa: E402
from playbook.search import words  # noqa: E402
from tests import search_worker  # noqa: E402
from tests.search_files import SearchFiles  # noqa: E402

MINISEARCH = HERE / "node_modules" / "minisearch" / "dist" / "umd" / "index.js"
STEMMER = ROOT / "overrides" / "assets" / "playbook" / "vendor" / "porter2.js"
PAGES = 3000
SHOWN = 10  # results whose text a reader sees at once: what each engine loads before its first results

# MiniSearch's documented search options (fuzzy: for words of FUZZY_FROM letters and more) and
# Pagefind's ranking parameters (its defaults unless set), as passed to each.
MINISEARCH_OPTIONS = {"boost": {"title": 2, "page": 3, "terms": 3, "text": 1}, "combineWith": "OR"}
FUZZY, FUZZY_FROM = 0.2, 5
PAGEFIND_RANKING: dict[str, float] = {}

MINISEARCH_HARNESS = """<!doctype html><meta charset="utf-8"><title>MiniSearch</title>
<script src="minisearch.js"></script>
<script>var exports = {};</script><script src="porter2.js"></script>
<script src="docs.js"></script>
<script>
  window.engine = new MiniSearch({
    fields: ["title", "page", "terms", "text"],
    storeFields: ["path"],
    processTerm: term => exports.stem(term.toLowerCase()),
    searchOptions: Object.assign(%(options)s,
                                 { fuzzy: term => term.length >= %(fuzzy_from)d ? %(fuzzy)s : false }),
  });
  window.engine.addAll(window.DOCS);
  // A question's terms, each a list of alternatives (phrases): OR of terms, OR of alternatives,
  // prefix search on the last term only.
  window.ask = terms => {
    const query = { combineWith: "OR", queries: terms.map((alternatives, n) =>
      ({ combineWith: "OR", prefix: n === terms.length - 1, queries: alternatives })) };
    const pages = [];
    for (const hit of window.engine.search(query)) if (!pages.includes(hit.path)) pages.push(hit.path);
    return pages;
  };
</script>"""

PAGEFIND_HARNESS = """<!doctype html><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
  window.ready = (async () => {
    window.pagefind = await import("./pagefind/pagefind.js");
    await window.pagefind.options({ ranking: %(ranking)s });
    await window.pagefind.init();
  })();
  // Each variant of a question searched; a page keeps its best score.
  window.ask = async (variants, shown) => {
    await window.ready;
    const best = new Map();
    for (const variant of variants) {
      const search = await window.pagefind.search(variant);
      for (const result of search.results) {
        if (!best.has(result.id) || best.get(result.id).score < result.score) best.set(result.id, result);
      }
    }
    const ranked = Array.from(best.values()).sort((a, b) => b.score - a.score);
    const data = await Promise.all(ranked.slice(0, shown).map(result => result.data()));
    return data.map(page => page.url);
  };
</script>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def gzipped(file: Path) -> int:
    """What a server sends: the file gzipped, or as it is when it is compressed already."""
    data = file.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


# -- Questions ------------------------------------------------------------------------------------


def questions(tuning: bool) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Per site, (question, the pages that answer it)."""
    def listed(pairs) -> list[tuple[str, tuple[str, ...]]]:
        return [(q, (a,) if isinstance(a, str) else tuple(a)) for q, a in pairs]

    if tuning:
        from tests.browser import test_search, test_search_questions
        return {"internal": listed(test_search_questions.INTERNAL + test_search.INTERNAL_QUESTIONS),
                "customer": listed(test_search_questions.CUSTOMER + test_search.CUSTOMER_QUESTIONS)}
    from tests.browser import test_search_held_aside
    return {"internal": listed(test_search_held_aside.INTERNAL), "customer": listed(test_search_held_aside.CUSTOMER)}


class Reading:
    """A question read with the site's data, as the worker reads it, for the engines that do not:
    its terms in order, each the phrases that count for it (the words as typed first)."""

    def __init__(self, groups: list[dict]) -> None:
        self.groups = groups
        self.synonyms = words.Synonyms(groups)
        self.related: dict[tuple[str, ...], list[int]] = {}
        for n, group in enumerate(groups):
            for phrase in group.get("related") or ():
                key = tuple(w.stem for w in words.words(phrase) if not w.extra)
                self.related.setdefault(key, []).append(n)
        self.longest = max((len(key) for key in self.related), default=1)

    def terms(self, question: str) -> list[list[str]]:
        plain = [w for w in words.words(question) if not w.extra]
        typed = re.findall(words.WORD, question)
        terms: list[tuple[int, int, list[str]]] = []

        def surface(start: int, end: int) -> str:
            return " ".join(typed[k] for k in sorted({w.typed for w in plain[start:end]}))

        for start, end, token in self.synonyms.find(plain):
            group = self.groups[int(token[1:])]
            terms.append((start, end, [surface(start, end), *group["words"]]))
        covered = {k for start, end, _ in terms for k in range(start, end)}
        terms += [(k, k + 1, [w.surface]) for k, w in enumerate(plain)
                  if k not in covered and w.surface not in words.STOP_WORDS]
        stems = [w.stem for w in plain]
        for length in range(self.longest, 0, -1):
            for start in range(len(stems) - length + 1):
                for n in self.related.get(tuple(stems[start:start + length]), ()):
                    at = next((alts for s, e, alts in terms if s < start + length and e > start), None)
                    if at is None:
                        terms.append((start, start + length, at := [surface(start, start + length)]))
                    at += self.groups[n]["words"]
        terms.sort(key=lambda term: term[0])
        return [list(dict.fromkeys(alts)) for _, _, alts in terms]

    @staticmethod
    def variants(terms: list[list[str]], most: int = 12) -> list[str]:
        """The question as typed, and once with each alternative of each term in its place."""
        first = [alts[0] for alts in terms]
        out = [" ".join(first)]
        for n, alts in enumerate(terms):
            for alt in alts[1:]:
                out.append(" ".join([*first[:n], alt, *first[n + 1:]]))
        return list(dict.fromkeys(out))[:most]


# -- Engines --------------------------------------------------------------------------------------


def install() -> Path:
    """Pagefind's Python (with its binary) and MiniSearch, from their pins."""
    if not MINISEARCH.is_file():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return pagefind_from_disk.pagefind()


def site_docs(site: Path, staged: Path) -> tuple[list[dict], dict]:
    """The site's sections as MiniSearch documents (what the worker indexes: the split index's
    sections), and its search config."""
    files = SearchFiles(site)
    terms = {page.url: " ".join(page.terms) for page in Handover.read(staged).pages.values()}
    titles = {row[0]: row[1] for row in files.meta["pages"]}
    docs = []
    for n, doc in enumerate(files.docs):
        path = doc["location"].split("#")[0]
        docs.append({"id": n, "path": path, "title": words.plain(doc["title"]), "page": words.plain(titles[path]),
                     "terms": terms.get(path, ""), "text": words.plain(doc["text"])})
    return docs, files.config


def minisearch_folder(docs: list[dict], into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MINISEARCH, into / "minisearch.js")
    shutil.copyfile(STEMMER, into / "porter2.js")
    (into / "docs.js").write_text("window.DOCS = " + json.dumps(docs).replace("<", "\\u003c") + ";", encoding="utf-8")
    (into / "index.html").write_text(MINISEARCH_HARNESS % {"options": json.dumps(MINISEARCH_OPTIONS), "fuzzy": FUZZY,
                                                          "fuzzy_from": FUZZY_FROM}, encoding="utf-8")
    return into


def pagefind_copy(python: Path, site: Path, staged: Path, into: Path) -> Path:
    """A copy of the site indexed by Pagefind, each page's search terms added to its content."""
    shutil.copytree(site, into, symlinks=False)
    for page in Handover.read(staged).pages.values():
        output = into / page.url / "index.html" if not page.url.endswith(".html") else into / page.url
        if page.terms and output.is_file():
            html = output.read_text(encoding="utf-8")
            terms = " ".join(page.terms).replace("<", " ").replace("&", " ")
            html = re.sub(r"(<div[^>]*data-pb-content[^>]*>)", rf'\1<div data-pagefind-weight="6">{terms}</div>',
                          html, count=1)
            output.write_text(html, encoding="utf-8")
    subprocess.run([str(python), "-m", "pagefind", "--site", str(into), "--root-selector", "div[data-pb-content]",
                    "--quiet"], check=True)
    (into / "pagefind-harness.html").write_text(PAGEFIND_HARNESS % {"ranking": json.dumps(PAGEFIND_RANKING)},
                                                encoding="utf-8")
    return into


def page_path(url: str) -> str:
    path = urllib.parse.urlsplit(url).path.lstrip("/")
    return path[:-len("index.html")] if path.endswith("index.html") else path


def answers(browser, site: Path, staged: Path, asked: list[tuple[str, tuple[str, ...]]], python: Path,
            work: Path) -> dict[str, list[list[str]]]:
    """Each engine's pages for each question, and the worker's fact pages ("facts")."""
    docs, config = site_docs(site, staged)
    reading = Reading(config["synonyms"])
    read = [reading.terms(question) for question, _ in asked]
    found: dict[str, list] = {}
    page = browser.new_page()
    with served(site) as base:
        page.goto(base)
        # The worker is asked each question as typed (it reads questions itself).
        results = search_worker.ask(page, config, [question for question, _ in asked])
    found["worker"] = [search_worker.pages(result) for result in results]
    found["facts"] = [search_worker.fact_page(result) for result in results]
    with served(minisearch_folder(docs, work / "minisearch")) as base:
        page.goto(base + "index.html")
        found["minisearch"] = [page.evaluate("terms => window.ask(terms)", terms) if terms else [] for terms in read]
    with served(pagefind_copy(python, site, staged, work / "pagefind")) as base:
        page.goto(base + "pagefind-harness.html")
        found["pagefind"] = [[page_path(url) for url in page.evaluate("([v, n]) => window.ask(v, n)",
                                                                      [reading.variants(terms), SHOWN])]
                             if terms else [] for terms in read]
    page.close()
    return found


def share(results: list[list[str]], asked, facts: list[str | None] | None = None) -> tuple[int, int]:
    """Questions answered in the first three, and first."""
    top3 = first = 0
    for pages, (_, accepted), fact in zip(results, asked, facts or [None] * len(asked), strict=True):
        if fact is not None:
            pages = [fact, *(p for p in pages if p != fact)]
        top3 += bool(set(pages[:3]) & set(accepted))
        first += bool(pages[:1] and pages[0] in accepted)
    return top3, first


# -- Payload and disk -----------------------------------------------------------------------------


def payload(browser, project: Path, python: Path, work: Path) -> dict[str, list[dict]]:
    """Gzipped bytes a cold load fetches for each bench question at the synthetic project's size,
    for MiniSearch and Pagefind (the worker's: tools/bench/run.py, search_payload)."""
    site = project / "site" / "internal"
    out: dict[str, list[dict]] = {}
    docs, _config = site_docs(site, project / "build" / "internal")
    folder = minisearch_folder(docs, work / "minisearch-3000")
    page = browser.new_page()
    page.goto(folder.joinpath("index.html").as_uri(), timeout=600_000)
    serialised = page.evaluate("JSON.stringify(window.engine)")
    page.close()
    library = gzipped(MINISEARCH)
    whole = len(gzip.compress(serialised.encode(), 6)) + library
    # What it shows needs its documents' titles and text: the sections of the results, at least.
    out["minisearch"] = [{"query": q, "first": whole, "whole": whole} for q in bench.SEARCH_QUERIES]
    copy = pagefind_copy(python, site, project / "build" / "internal", work / "pagefind-3000")
    out["pagefind"] = []
    with served(copy) as base:
        for query in bench.SEARCH_QUERIES:
            context = browser.new_context()
            fetched: list[str] = []
            context.on("request", lambda request, into=fetched: into.append(urllib.parse.urlsplit(request.url).path))
            tab = context.new_page()
            tab.goto(base + "pagefind-harness.html")

            def fetched_size(into=fetched) -> int:
                return sum(gzipped(copy / urllib.parse.unquote(p).lstrip("/")) for p in set(into)
                           if p.startswith("/pagefind/"))

            # As the worker is measured: the question typed key by key, each key's results shown.
            first = None
            for length in range(1, len(query) + 1):
                shown = tab.evaluate("([v, n]) => window.ask(v, n)", [[query[:length]], SHOWN])
                if shown and first is None:
                    first = fetched_size()
            whole = fetched_size()
            out["pagefind"].append({"query": query, "first": whole if first is None else first, "whole": whole})
            context.close()
    return out


def from_disk(browser, work: Path) -> dict[str, str]:
    """Whether each engine answers a question on a page opened from disk."""
    found = {}
    page = browser.new_page()
    page.goto((work / "minisearch" / "index.html").as_uri())
    try:
        found["minisearch"] = "yes" if page.evaluate("window.ask([['kickoff']])") else "no results"
    except Exception as error:  # noqa: BLE001 - a report: the error is the finding
        found["minisearch"] = f"no: {str(error).splitlines()[0]}"
    page.goto((work / "pagefind" / "pagefind-harness.html").as_uri())
    try:
        page.evaluate("window.ask(['kickoff'], 3)")
        found["pagefind"] = "yes"
    except Exception as error:  # noqa: BLE001
        found["pagefind"] = f"no: {str(error).splitlines()[0][:120]}"
    found["worker"] = "yes (tests/browser/test_search_offline.py: the customer bundle, network off)"
    page.close()
    return found


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuning", action="store_true", help="the tuning questions, not the held-aside third")
    parser.add_argument("--synthetic", type=Path, help=f"a synthetic project built at {PAGES:,} pages")
    parser.add_argument("--no-payload", action="store_true")
    args = parser.parse_args(argv)

    python = install()
    asked_by_site = questions(args.tuning)
    with tempfile.TemporaryDirectory(prefix="engines-") as temp:
        work = Path(temp)
        subprocess.run([sys.executable, "-m", "playbook", "--root", str(ROOT), "--work", str(work / "real"), "build"],
                       check=True, stdout=subprocess.DEVNULL)
        project = args.synthetic
        if project is None and not args.no_payload:
            print(f"Generating and building {PAGES:,} synthetic pages ...", flush=True)
            project = synthetic.generate(work / "synthetic", PAGES).root
            subprocess.run([sys.executable, "-m", "playbook", "--root", str(project), "build"], check=True,
                           stdout=subprocess.DEVNULL, env=bench.ENV)
        engines = ("worker", "minisearch", "pagefind")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            table = {}
            for audience, asked in asked_by_site.items():
                site = (work / "real" / "site" / audience).resolve()
                found = answers(browser, site, work / "real" / "build" / audience, asked, python, work / audience)
                table[audience] = {engine: (share(found[engine], asked), share(found[engine], asked, found["facts"]))
                                   for engine in engines}
            disk = from_disk(browser, work / "customer")
            sizes = {} if args.no_payload else payload(browser, project, python, work)
            browser.close()
        if sizes:
            sizes["worker"] = bench.search_payload(project / "site" / "internal")

    which = "tuning questions" if args.tuning else "held-aside questions"
    print(f"\nAnswering page in the first three ({which}; first result in brackets), alone / with the fact answers:")
    print("| engine | " + " | ".join(f"{a} site ({len(q)})" for a, q in asked_by_site.items()) + " |")
    print("|---|" + "---|" * len(asked_by_site))
    for engine in engines:
        cells = []
        for audience, asked in asked_by_site.items():
            (alone, alone_first), (facts, facts_first) = table[audience][engine]
            cells.append(f"{alone} ({alone_first}) / {facts} ({facts_first}) of {len(asked)}")
        print(f"| {engine} | " + " | ".join(cells) + " |")
    if sizes:
        print(f"\nSearch data a cold load fetches at {PAGES:,} pages (gzipped, KiB), first results / whole question:")
        print("| engine | " + " | ".join(bench.SEARCH_QUERIES) + " |")
        print("|---|" + "---|" * len(bench.SEARCH_QUERIES))
        for engine in engines:
            print(f"| {engine} | " + " | ".join(f"{f['first'] / 1024:.0f} / {f['whole'] / 1024:.0f}"
                                                 for f in sizes[engine]) + " |")
    print("\nFrom disk (file://):")
    for engine in engines:
        print(f"  {engine}: {disk[engine]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
