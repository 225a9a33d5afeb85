"""Every kind of page of every site, at a phone's width (390 px) and a laptop's (1366 px): not one
console error or script error, the page never scrolls sideways, every role matrix shows all its
letters without scrolling, no word in a matrix or a project table is broken across two lines,
and the project page stays a few phone screens tall. The sites: internal, customer, the customer
bundle opened from disk, and a project's own site (make kits)."""
from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest

from playbook.kits.build import build_kits
from tests.browser.conftest import _serve
from tests.sites import ROOT, playbook

pytestmark = [pytest.mark.browser, pytest.mark.build]

WIDTHS = {390: {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
          1366: {"viewport": {"width": 1366, "height": 800}}}
# One page of each kind: home, a phase (matrix and checklist), a role, the plan, a template, the
# questions, the glossary, what we need, a governance page, and the internal-only pages.
CUSTOMER_PAGES = ["", "phases/kickoff/", "phases/build/", "roles/customer-project-lead/", "communication-plan/",
                  "templates/weekly-status-report/", "customer-questions/", "glossary/", "what-we-need-from-you/",
                  "governance/escalation/", "change-management/", "what-changed/", "404.html"]
INTERNAL_PAGES = CUSTOMER_PAGES + ["roles/implementation-project-manager/", "projects/", "content-health/", "faq/",
                                   "hosting/"]
PROJECT_PAGES = ["your-project/", "", "phases/kickoff/", "communication-plan/"]
BUNDLE_PAGES = ["index.html", "phases/kickoff.html", "roles/customer-project-lead.html", "communication-plan.html"]
PHONE_SCREENS = 12   # the project page on a phone, at most (it was 35 before its sections folded)

# Words split across two lines inside the cells and headers readers scan: a matrix's role names
# and activities, and every cell of the project page's tables. A line may end after a hyphen.
BROKEN_WORDS = """() => {
  const broken = [];
  const cells = document.querySelectorAll(
    ".pb-matrix th, .pb-matrix td, .pb-project__table th, .pb-project__table td, .pb-project__bars li");
  for (const cell of cells) {
    if (!cell.getClientRects().length) continue;   // not shown at this width
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const pattern = /[^\\s\\-\u2010-\u2014\\/]+/g;   // a line may break after a hyphen or a slash
      for (let match = pattern.exec(node.data); match; match = pattern.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width && r.height)
                              .map(r => Math.round(getComputedStyle(node.parentElement).writingMode.startsWith("vertical")
                                                   ? r.left : r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""
MATRICES = """() => Array.from(document.querySelectorAll(".pb-matrix")).map(m => ({
  id: m.dataset.pbMatrix,
  hidden: m.querySelector("table").scrollWidth - m.querySelector(".pb-matrix__scroll").clientWidth
}))"""


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("project-kits")
    outcome = build_kits(ROOT, today=datetime.date(2026, 11, 30), work=work)
    assert outcome.ok, "\n".join(map(str, outcome.problems + outcome.messages))
    site = _serve(work / "site" / "projects" / "harbourline-order-to-cash" / "site", "customer")
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle-pages")
    done = playbook("--root", str(ROOT), "--work", str(work), "bundle")
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(work / "site" / "customer-bundle.zip") as archive:
        archive.extractall(work / "unzipped")
    return next((work / "unzipped").iterdir())


def _check(browser, url: str, width: int, *, local: str) -> list[str]:
    """Open url at width; every fault found, as text."""
    context = browser.new_context(**WIDTHS[width])
    faults: list[str] = []

    def only_local(route):
        if route.request.url.startswith(local):
            route.continue_()
        else:
            faults.append(f"asked for {route.request.url}")
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.on("pageerror", lambda error: faults.append(f"script error: {error}"))
    page.on("console", lambda message: faults.append(f"console {message.type}: {message.text}")
            if message.type == "error" else None)
    try:
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)   # scripts that run after load (Material's document$) have run
        if page.evaluate("document.documentElement.scrollWidth") > width:
            faults.append("the page scrolls sideways")
        faults += [f"matrix {m['id']} hides {m['hidden']} px of letters" for m in page.evaluate(MATRICES)
                   if m["hidden"] > 1]
        faults += [f"a word broken across lines: {word}" for word in page.evaluate(BROKEN_WORDS)]
        if "your-project" in url and width == 390:
            screens = page.evaluate("document.documentElement.scrollHeight") / 844
            if screens > PHONE_SCREENS:
                faults.append(f"the project page is {screens:.0f} phone screens tall")
    finally:
        context.close()
    return [f"{url} at {width} px: {fault}" for fault in faults]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["internal", "customer", "project"])
def test_every_page_type_of_every_served_site(browser, request, which, width):
    site = request.getfixturevalue({"internal": "internal_site", "customer": "customer_site",
                                    "project": "project_site"}[which])
    pages = {"internal": INTERNAL_PAGES, "customer": CUSTOMER_PAGES, "project": PROJECT_PAGES}[which]
    faults = [fault for path in pages for fault in _check(browser, site.url + path, width, local=site.url)]
    assert faults == []


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_of_the_bundle_opened_from_disk(browser, bundle, width):
    faults = [fault for path in BUNDLE_PAGES
              for fault in _check(browser, (bundle / path).as_uri(), width, local="file:")]
    assert faults == []
