"""Search in the customer bundle: unzipped, opened from disk (file://) with the network off, the
search box answers a customer's question with the page that answers it.

From disk a browser starts no web worker, so the bundle runs the search worker through the
site's own shim (assets/playbook/iframe-worker.js) in a hidden frame; the real bundle is built
here from the real sources, as `make customer-bundle` builds it.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.sites import ROOT, playbook

pytestmark = pytest.mark.browser

RESULTS = ".md-search-result__list > li.md-search-result__item"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The customer bundle of the real playbook, unzipped; its top folder."""
    project = tmp_path_factory.mktemp("bundle") / "project"
    project.mkdir()
    for name in ("docs", "data", "overrides", "projects"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    done = playbook("--root", str(project), "bundle")
    assert done.returncode == 0, done.stdout + done.stderr
    unpacked = project / "unpacked"
    with zipfile.ZipFile(project / "site" / "customer-bundle.zip") as archive:
        archive.extractall(unpacked)
    (top,) = unpacked.iterdir()
    return top


@pytest.fixture
def offline_tab(browser):
    """A tab with the network off: any request that is not for a file on disk is refused and noted."""
    context = browser.new_context(offline=True)
    refused: list[str] = []
    errors: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not refused, f"the bundle asked the network for {refused}"
    assert not errors, f"script errors: {errors}"


def _search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    box = page.locator("input[data-md-component=search-query]")
    box.wait_for(state="visible")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length > 0", timeout=30_000)
    page.wait_for_timeout(300)  # the answer to the last key replaces those of the keys before it
    return page.eval_on_selector_all(
        f"{RESULTS} > a.md-search-result__link:first-child", "links => links.map(a => a.href)")


def test_the_bundle_searches_from_disk_with_the_network_off(bundle, offline_tab):
    page = offline_tab
    page.goto((bundle / "index.html").as_uri())
    hrefs = _search(page, "what do I need to do before the kickoff")
    assert hrefs, "no results from disk"
    assert all(href.startswith("file://") for href in hrefs)
    top = [href.split("?")[0].split("#")[0] for href in hrefs[:3]]
    assert (bundle / "phases" / "kickoff.html").as_uri() in top, top
    # The kickoff page answers, and so does the page of what we need from the customer, phase by
    # phase (its kickoff section); either may come first.
    headings = {(bundle / "phases" / "kickoff.html").as_uri(): "Kickoff",
                (bundle / "what-we-need-from-you.html").as_uri(): "What we need from you"}
    assert top[0] in headings, top
    # A result opens the page it names, from disk.
    page.locator(f"{RESULTS} > a.md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(top[0])
    assert page.locator("article h1").first.inner_text().startswith(headings[top[0]])


def test_the_bundle_answers_a_fact_question_from_disk(bundle, offline_tab):
    """The stemmer's script loads in the bundle's frame worker, and facts answer first from disk."""
    page = offline_tab
    page.goto((bundle / "index.html").as_uri())
    _search(page, "how often does the steering committee meet")
    fact = page.eval_on_selector_all(f"{RESULTS} .pb-search-fact", "found => found.map(p => p.closest('a').href)")
    assert fact and fact[0].startswith((bundle / "communication-plan.html").as_uri()), fact
    assert fact[0].endswith("#communication-steering-committee")
