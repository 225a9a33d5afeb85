"""What the browser tests share: the built sites, a local static server for each, one headless
Debian Chromium for the whole run, axe-core from npm, and a helper that searches like a person.

Everything installs itself: Chromium comes from Debian (`make chromium`), axe-core from the npm
registry, pinned in tests/browser/package-lock.json and installed with `npm ci` into the
git-ignored tests/browser/node_modules/ the first time it is missing. Pages may not reach any
host but the local server: every other request is blocked and fails the test.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"

# Counts the search worker's messages, so a test knows when the results on screen answer the
# query it typed (Material sends one query per keyup and renders each answer as it arrives).
# Message types are Material's SearchMessageType: READY 1, QUERY 2, RESULT 3.
SEARCH_PROBE = """
(() => {
  const Native = window.Worker;
  const probe = window.__pbSearch = { ready: false, sent: 0, received: 0, last: null };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        const type = event.data && event.data.type;
        if (type === 1) probe.ready = true;
        if (type === 3) probe.received++;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { probe.sent++; probe.last = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


# -- Sites and servers ----------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest's output for failures
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A page the browser leaves before a file has arrived closes the connection: no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class ServedSite:
    root: Path
    url: str
    audience: str
    server: http.server.ThreadingHTTPServer = field(repr=False)

    def pages(self) -> list[str]:
        """Every page's URL path ('' for home, 'phases/kickoff/', ...), 404 excluded."""
        found = []
        for html in sorted(self.root.rglob("index.html")):
            relative = html.parent.relative_to(self.root).as_posix()
            found.append("" if relative == "." else relative + "/")
        return found


def _serve(root: Path, audience: str) -> ServedSite:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, name=f"serve-{audience}", daemon=True).start()
    host, port = server.server_address[:2]
    return ServedSite(root, f"http://{host}:{port}/", audience, server)


@pytest.fixture(scope="session")
def internal_site(real_internal_site) -> Iterator[ServedSite]:
    """The real internal site (the build shared with tests/site_builds), served on 127.0.0.1."""
    site = _serve(real_internal_site.site, "internal")
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(scope="session")
def customer_site(real_customer_site) -> Iterator[ServedSite]:
    """The real customer site (the build shared with tests/site_builds), served on 127.0.0.1."""
    site = _serve(real_customer_site.site, "customer")
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(params=["internal", "customer"])
def any_site(request) -> ServedSite:
    """Each site in turn, for tests that must hold on both."""
    return request.getfixturevalue(f"{request.param}_site")


# -- Browser --------------------------------------------------------------------------------


class Visitor:
    """A browser tab on one site, with the checks every test wants: no request leaves the
    machine, and no script error goes unnoticed."""

    def __init__(self, browser, site: ServedSite, **context_options) -> None:
        self.site = site
        self.context = browser.new_context(base_url=site.url, accept_downloads=True, **context_options)
        self.outside: list[str] = []
        self.errors: list[str] = []
        local = urlsplit(site.url).netloc
        self.context.route("**/*", self._only_local(local))
        self.context.add_init_script(SEARCH_PROBE)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _only_local(self, local: str):
        def handle(route):
            parts = urlsplit(route.request.url)
            if parts.scheme in ("http", "https") and parts.netloc != local:
                self.outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()
        return handle

    def open(self, path: str = ""):
        self.page.goto(self.site.url + path)
        self.page.wait_for_load_state("load")
        return self.page

    def search(self, query: str) -> list[str]:
        """Type the query into the search box as a person would, key by key, and return the
        page paths of the results in the order shown (one per page, sections folded)."""
        return self._results(pasted="", typed=query)

    def ask(self, question: str) -> list[str]:
        """The results of a whole question, as search() returns them, asked once: the question
        pasted but for its last key, which is typed (Material searches on a key's release).
        What the worker answers does not depend on what it was asked before
        (tests/browser/test_search_worker.py), so the question sets ask this way; search() types
        every key, as a reader does."""
        return self._results(pasted=question[:-1], typed=question[-1:])

    def _results(self, pasted: str, typed: str) -> list[str]:
        page = self.page
        page.wait_for_function("window.__pbSearch !== undefined")
        box = page.locator("input[data-md-component=search-query]")
        if not box.is_visible():
            page.keyboard.press("/")  # Material's shortcut opens and focuses search
        box.wait_for(state="visible")
        box.fill("")
        page.wait_for_function("window.__pbSearch.ready", timeout=15_000)
        if pasted:
            box.fill(pasted)
        box.press_sequentially(typed)
        page.wait_for_function(
            "q => window.__pbSearch.last === q && window.__pbSearch.sent === window.__pbSearch.received",
            arg=box.input_value())
        hrefs = page.eval_on_selector_all(
            ".md-search-result__list > li.md-search-result__item",
            "items => items.map(li => li.querySelector('a.md-search-result__link').href)")
        return [self.path_of(href) for href in hrefs]

    def path_of(self, href: str) -> str:
        path = urlsplit(href).path
        base = urlsplit(self.site.url).path
        return path[len(base):] if path.startswith(base) else path

    def close(self) -> None:
        self.context.close()


def unanswered(visitor: Visitor, questions) -> list[str]:
    """The questions of a set (question, answering pages) none of whose pages is in the first
    three results, each as a line saying what was wanted and what came."""
    misses = []
    for question, answers in questions:
        top = visitor.ask(question)[:3]
        if not set(answers) & set(top):
            misses.append(f"{question!r}: wanted {' or '.join(a or '(home)' for a in answers)}, got {top}")
    return misses


@pytest.fixture(scope="module")
def searcher(browser):
    """One tab per site for all of a module's questions (the search index loads once per tab);
    the question sets share it."""
    opened: list[Visitor] = []

    def open_site(site) -> Visitor:
        visitor = Visitor(browser, site)
        visitor.open("")
        opened.append(visitor)
        return visitor

    yield open_site
    for visitor in opened:
        visitor.close()
        assert not visitor.outside and not visitor.errors, (visitor.outside, visitor.errors)


@pytest.fixture
def visit(browser):
    """visit(site) -> a fresh tab with its own storage; closed after the test, which fails if
    the page asked for anything outside the machine or threw a script error."""
    opened: list[Visitor] = []

    def open_tab(site: ServedSite, **context_options) -> Visitor:
        visitor = Visitor(browser, site, **context_options)
        opened.append(visitor)
        return visitor

    yield open_tab
    for visitor in opened:
        visitor.close()
    for visitor in opened:
        assert not visitor.outside, f"requests left the machine: {visitor.outside}"
        assert not visitor.errors, f"script errors: {visitor.errors}"


# -- axe-core -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed from npm (exact pin in package-lock.json) when missing."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed once to install axe-core for the accessibility tests (Node 20 ships it)")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and AXE.is_file(), f"npm ci in {HERE} failed:\n{done.stdout}{done.stderr}"
    return AXE.read_text(encoding="utf-8")
