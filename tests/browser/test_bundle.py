"""The customer bundle as a customer gets it (issue 16, defect 15): a zip attached to a statement
of work, unzipped into the Downloads folder and opened from disk, on a machine that may have no
network. It holds one top folder, its search finds pages, its short links land on pages, and
nothing it loads comes from anywhere but the unzipped folder: every other request is blocked and
fails the test."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.sites import ROOT, playbook

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The real playbook's bundle, built outside the repository and unzipped; its top folder."""
    work = tmp_path_factory.mktemp("bundle")
    done = playbook("--root", str(ROOT), "--work", str(work), "bundle")
    assert done.returncode == 0, done.stdout + done.stderr
    unzipped = work / "Downloads"
    with zipfile.ZipFile(work / "site" / "customer-bundle.zip") as archive:
        archive.extractall(unzipped)
    tops = list(unzipped.iterdir())
    assert [p.name for p in tops] == ["meridian-consulting-implementation-guide"], "the zip must hold one top folder"
    # It opens from disk: a host's config in it would only puzzle the customer (mkdocs.yml has hosting).
    assert not (tops[0] / "staticwebapp.config.json").exists()
    return tops[0]


class OffLine:
    """A tab that may read files and nothing else: any http(s) request is refused and recorded."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1366, "height": 800})
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._files_only)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _files_only(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()


@pytest.fixture
def offline(browser):
    tab = OffLine(browser)
    yield tab
    tab.context.close()
    assert tab.refused == [], f"the bundle asked the network for {tab.refused}"
    assert tab.errors == [], f"script errors: {tab.errors}"


def test_search_finds_pages_in_the_bundle_opened_from_disk(bundle, offline):
    page = offline.page
    page.goto((bundle / "index.html").as_uri())
    page.keyboard.press("/")
    box = page.locator("input[data-md-component=search-query]")
    box.wait_for(state="visible")
    box.press_sequentially("hypercare", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(state="visible")
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert "Hypercare" in titles, titles
    page.locator(".md-search-result__item a", has_text="Hypercare").first.click()
    page.wait_for_load_state("load")
    assert page.url.split("?")[0] == (bundle / "phases" / "hypercare.html").as_uri()
    assert page.locator("article h1").first.inner_text().startswith("Hypercare")


def test_every_short_link_in_the_bundle_lands_on_a_page(bundle, offline):
    page = offline.page
    links = sorted((bundle / "go").glob("*/index.html"))
    assert len(links) >= 20
    for link in links:
        page.goto(link.as_uri())
        page.wait_for_url(lambda url: "/go/" not in url)
        landed = Path(page.url.removeprefix("file://").split("#")[0])
        assert landed.is_file() and landed.suffix == ".html", f"{link.parent.name} -> {page.url}"
        assert page.locator("article h1").count() == 1, f"{link.parent.name} did not land on a page"


def test_copy_link_in_the_bundle_gives_the_published_short_link(bundle, offline):
    page = offline.page
    page.goto((bundle / "phases" / "kickoff.html").as_uri())
    link = page.locator("[data-pb-copy]")
    assert link.get_attribute("data-pb-copy") == "https://implementations.meridian.example/go/kickoff/"
