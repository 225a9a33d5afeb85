"""No value an author writes can run script in a reader's browser, on either site.

The complete fixture (tests/fixtures/complete: one file of every kind of data, a page calling
every macro, the theme features that show text in tooltips, breadcrumbs, the footer and search
results) gets a script payload in every channel: every text field of every data file, every
page's title, description, owner, tags and search terms, the nav titles, the site name,
description, author, copyright and repository name in mkdocs.yml, and the brand and customer
site settings (tests/hostile.py says what a payload holds). Both sites are built, served, and
every page of each, the redirect pages and the 404 page included, is opened in Chromium; every
element of the content with a tooltip is hovered (the theme shows tooltips as HTML), and the
search box is given queries that list every payload. No dialog may open, no payload's script
may run, no Jinja in a value may be evaluated. A canary proves the payloads are live when they
are not escaped, so the test can see what it looks for.

The channels that hold addresses are not rendered with a payload: the build refuses a script
address in each of them with the file and the line, which the last test proves in one build.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

from playbook.model.data_files import DATA_FILES
from playbook.model.page import PageFrontMatter
from playbook.model.settings import Settings
from tests.browser.conftest import ServedSite, _serve
from tests.hostile import FORMS, JINJA_RAN, SEARCH_WORD, Planted, markers_in, plant_project, text_fields
from tests.sites import Built, build, make_project

pytestmark = pytest.mark.browser

# Text fields no page of either site shows: generated_from is written by the build and shown
# nowhere, projects.folder is where project files are read from, a process's summary goes into
# the project kits' SOW appendix, and a customer nav link's title in the settings only says which
# nav entry customers may see (the nav entry's own title is shown, and planted).
# A role's short names and an activity's phrases are read by the check of who does what in prose,
# never printed.
NEVER_SHOWN = {"front matter": {"generated_from"}, "process": {"summary", "activities[].said_as[]"},
               "roles": {"roles[].short_names[]"},
               "settings": {"projects.folder", "customer_site.nav_links[].title"}}


# The folder project files are read from: a payload there is a folder that does not exist.
UNPLANTABLE = {"settings": {"projects.folder"}}


def _shown(channel: str) -> bool:
    field = re.sub(r"\[\d+\]$", "[]", channel)  # the second item of a list is planted as said_as[1]
    return not any(field.endswith(f": {path}") for paths in NEVER_SHOWN.values() for path in paths)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Planted]:
    project = make_project(tmp_path_factory.mktemp("hostile"), "complete")
    planted = plant_project(project)
    built = build(project)
    assert built.ok, built.output
    return built, planted


@pytest.fixture(scope="module")
def sites(hostile) -> Iterator[dict[str, ServedSite]]:
    built, _ = hostile
    served = {audience: _serve(built.site(audience).site, audience) for audience in ("internal", "customer")}
    yield served
    for site in served.values():
        site.server.shutdown()
        site.server.server_close()


def test_every_text_field_of_every_kind_of_value_carries_a_payload(hostile):
    _, planted = hostile
    declared = {kind.schema: set(text_fields(kind.model)) for kind in DATA_FILES}
    declared["front matter"] = set(text_fields(PageFrontMatter))
    declared["settings"] = set(text_fields(Settings))
    for kind, fields in declared.items():
        missing = fields - planted.covered.get(kind, set()) - UNPLANTABLE.get(kind, set())
        assert not missing, f"the complete fixture has no value to plant in {kind}: {sorted(missing)}"


def test_every_payload_reaches_the_output_as_text(hostile):
    """Each channel's marker is in the built sites (so each payload was rendered, escaped, or
    is in the search index), and no payload reached any file as live markup."""
    built, planted = hostile
    found: set[str] = set()
    live = re.compile(r"<script>window\.pbXss|<img src=x onerror|<svg onload|" + JINJA_RAN)
    for audience in ("internal", "customer"):
        site = built.site(audience).site
        for path in site.rglob("*"):
            # The search index's files under search/ are scripts (playbook/search/split_index.py).
            searched = path.suffix == ".js" and path.relative_to(site).parts[0] == "search"
            if (path.suffix in (".html", ".json", ".xml") or searched) and path.is_file():
                text = path.read_text(encoding="utf-8")
                found |= markers_in(text)
                if path.suffix == ".html":
                    assert not live.search(text), f"a payload is live in {path}: {live.search(text).group(0)}"
                elif path.suffix == ".xml":  # the feed and the sitemap still parse, payloads as text
                    ElementTree.fromstring(path.read_bytes())
    shown = {marker for marker, channel in planted.plant.channels.items() if _shown(channel)}
    assert shown <= found, [planted.plant.channels[m] for m in sorted(shown - found)]


def test_the_payloads_run_when_they_are_not_escaped(browser):
    """The canary: written into a page as they are, the payloads open dialogs and set the flag,
    so the tests below would see it if any reached a page unescaped."""
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(f"<p>{' '.join(form.format(m='canary') for form in FORMS)}</p>", wait_until="load")
    page.wait_for_timeout(200)
    flag = page.evaluate("() => window.pbXss || null")
    context.close()
    assert flag == ["canary:script"]
    assert {"canary:img", "canary:dq", "canary:sq", "canary:close"} <= set(dialogs)


# A window tall enough to show a whole page, so the pointer can reach every element (a sticky
# table header of a scrolled page would lie over the first rows).
TALL = {"width": 1600, "height": 5000}


class Watch:
    """A tab that records every dialog (and closes it) and reads the payloads' flag."""

    def __init__(self, visitor) -> None:
        self.visitor = visitor
        self.page = visitor.page
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(f"{self.page.url}: {dialog.message}"),
                                               dialog.dismiss()))

    def ran(self) -> list[str]:
        return self.page.evaluate("() => window.pbXss || []")

    def hover_tooltips(self) -> int:
        """Hover each element of the content that has a title, once per distinct title: the
        theme turns a title into a tooltip as HTML when it is shown (and takes the title away
        meanwhile, so the elements are marked first). Each must show its tooltip."""
        hosts = self.page.evaluate("""() => {
            const seen = new Set(), marked = [];
            document.querySelectorAll("article [title]").forEach((el, index) => {
                if (seen.has(el.title) || !el.getClientRects().length) return;
                seen.add(el.title);
                el.setAttribute("data-pb-hover", String(index));
                marked.push(String(index));
            });
            return marked;
        }""")
        for host in hosts:
            self.page.locator(f'[data-pb-hover="{host}"]').hover()
            expect(self.page.locator(".md-tooltip2").first).to_be_attached()
        return len(hosts)


def _redirects(site: ServedSite) -> set[str]:
    return {path for path in site.pages()
            if 'http-equiv="refresh"' in (site.root / path / "index.html").read_text(encoding="utf-8")}


@pytest.mark.parametrize("audience", ["internal", "customer"])
def test_no_payload_runs_on_any_page(visit, sites, audience):
    site = sites[audience]
    watch = Watch(visit(site, viewport=TALL))
    page = watch.page
    redirects = _redirects(site)
    tooltips = 0
    for path in [*site.pages(), "404.html"]:
        page.goto(site.url + path, wait_until="load")
        if path in redirects:  # a redirect page sends the reader on; check where it lands
            page.wait_for_url(lambda url, start=site.url + path: url != start)
            page.wait_for_load_state("load")
        else:
            tooltips += watch.hover_tooltips()
        page.wait_for_timeout(50)
        assert watch.ran() == [], f"{path}: a payload's script ran: {watch.ran()}"
        assert JINJA_RAN not in page.inner_text("body"), f"{path}: a payload's Jinja was evaluated"
        assert SEARCH_WORD in page.content(), f"{path} shows no payload at all"
    assert watch.dialogs == []
    assert redirects and tooltips >= 3, (redirects, tooltips)


@pytest.mark.parametrize("audience", ["internal", "customer"])
def test_no_payload_runs_in_search_results(visit, sites, hostile, audience):
    site = sites[audience]
    _, planted = hostile
    watch = Watch(visit(site))
    watch.visitor.open("")
    terms = [marker for marker, channel in planted.plant.channels.items() if "search_terms" in channel]
    assert len(terms) >= 2
    shown = 0
    for query in [SEARCH_WORD, *terms, "onerror alert", "script"]:
        results = watch.visitor.search(query)
        shown += len(results)
        watch.page.wait_for_timeout(100)
        assert watch.ran() == [], f"searching {query!r} ran a payload's script: {watch.ran()}"
    text = watch.page.inner_text(".md-search-result")
    assert JINJA_RAN not in text
    assert watch.dialogs == []
    assert shown >= 3


def test_a_script_address_in_any_address_channel_is_refused_with_file_and_line(tmp_path: Path):
    """Every field that holds an address gets a javascript: one; one build lists each at its line."""
    project = make_project(tmp_path, "complete")
    script = 'javascript:alert("pbxss")'
    edits = {
        "data/processes/onboarding.yml": ("page: onboarding.md", f"page: '{script}'"),
        "data/communications.yml": ("template: templates/status-report.md", f"template: '{script}'"),
        "data/complaints.yml": ("page: working-together.md", f"page: '{script}'"),
        "data/glossary.yml": ("page: onboarding.md", f"page: '{script}'"),
        "data/changelog.yml": ("pages: [index.md]", f"pages: ['{script}']"),
        "docs/onboarding.md": ("  - getting-started.md", f"  - '{script}'"),
        "mkdocs.yml": None,
    }
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (("url: https://guide.complete.example/", f"url: '{script}'"),
                     ("url: https://portal.complete.example/", f"url: '{script}'"),
                     ('customer: "https://portal.complete.example/feedback?q={query}"', f"customer: '{script}{{query}}'"),
                     ("edit_url: https://git.complete.example/playbook/edit/main/{path}", f"edit_url: '{script}{{path}}'"),
                     ("  - Customer portal: https://portal.complete.example/", f"  - Customer portal: '{script}'"),
                     ("site_url: https://complete.example.com/", "site_url: 'javascript://complete.example.com/'"),
                     ("repo_url: https://git.complete.example/playbook", f"repo_url: '{script}'")):
        assert old in config, old
        config = config.replace(old, new, 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    planted = re.compile(r"javascript:(alert|//)")
    expected = {"mkdocs.yml": [line for line, text in enumerate(config.splitlines(), start=1) if planted.search(text)]}
    for relative, edit in edits.items():
        if edit is None:
            continue
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert edit[0] in text, (relative, edit[0])
        text = text.replace(edit[0], edit[1], 1)
        path.write_text(text, encoding="utf-8")
        expected[relative] = [line for line, row in enumerate(text.splitlines(), start=1) if planted.search(row)]
    built = build(project)
    assert not built.ok
    assert "Traceback" not in built.output
    for relative, lines in expected.items():
        for line in lines:
            assert f"{relative}:{line}: " in built.output, f"{relative}:{line} is not reported:\n{built.output}"
    assert sum(len(lines) for lines in expected.values()) == 13
    assert not (project / "site").exists()
