"""What the site's search can find in the real internal site: the data-generated matrices and
checklists (rendered HTML, so indexed), each FAQ question as its own entry, and the synonyms and
boosts pages declare in front matter, which the page itself never shows. The index is split into
files the worker fetches by need (issue 24); tests/search_files.py reads them as the worker does."""
import re

import pytest

from playbook.load.data_folder import load_playbook
from tests import html
from tests.search_files import SearchFiles
from tests.sites import ROOT, build_fixture, fixture_text

pytestmark = pytest.mark.build

PLAYBOOK = load_playbook(ROOT / "data")


@pytest.fixture(scope="module")
def files(real_internal_site) -> SearchFiles:
    return SearchFiles(real_internal_site.site)


@pytest.fixture(scope="module")
def index(files):
    return {"config": files.config, "docs": files.docs}


def _page_text(index, location: str) -> str:
    return " ".join(html.text(d["text"]) for d in index["docs"] if d["location"].split("#")[0] == location)


def test_matrix_rows_and_checklist_items_are_in_the_index(index):
    for process in PLAYBOOK.processes.values():
        location = process.page[:-3] + "/"
        text = _page_text(index, location)
        for activity in process.activities:
            assert activity.title in text, (location, activity.id)
        for checklist in PLAYBOOK.checklists_for(process.id):
            for item in checklist.items:
                assert html.text(item.text) in text, (location, checklist.id, item.id)


def test_column_labels_and_legends_are_not_in_the_index(index):
    """Labels repeated on every page with the same table say nothing about any row; the letters
    of a matrix mean nothing once the columns are gone (the role pages say it in words)."""
    text = " ".join(html.text(d["text"]) for d in index["docs"])
    for label in ("Who at the customer", "What changes, and for whom", "Entry, and what it is",
                  "What the role is for", "gives input before the work is done", "no part"):
        assert label not in text, label
    # Each row of a matrix is a passage of its own (a list item) that starts with its activity.
    matrix = next(d["text"] for d in index["docs"] if d["location"] == "phases/kickoff/#who-does-what")
    for activity in PLAYBOOK.processes["kickoff"].activities:
        assert re.search(rf"<li>\s*{re.escape(activity.title)}", matrix), activity.id


def test_what_a_template_shows_on_lines_of_their_own_stays_apart_in_the_index(index):
    """A title and the detail shown under it are words apart in search results too
    ("Execute the cutover Follow the plan", never "cutoverFollow", "calendars.Owner:")."""
    glued = re.compile(r"[a-z.][A-Z][a-z]")
    for doc in index["docs"]:
        if doc["location"].startswith(("phases/", "governance/", "change-management/", "communication-plan/")):
            found = glued.search(html.text(doc["text"]))
            assert not found, (doc["location"], html.text(doc["text"])[max(found.start() - 40, 0):found.end() + 20])


def test_each_faq_question_is_an_entry_of_its_own(index, real_internal_site):
    faq = ROOT / "docs" / "faq.md"
    if not faq.is_file():
        pytest.skip("docs/faq.md is not written yet")
    questions = [line[3:].strip() for line in faq.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    entries = {d["title"]: d["location"] for d in index["docs"] if d["location"].startswith("faq/#")}
    assert questions and all(q in entries for q in questions), set(questions) - set(entries)


def test_declared_synonyms_are_searchable_but_not_on_the_page(files, real_internal_site):
    # Search terms count as the page's own words (its title and terms), never on the page itself.
    assert "phases/go-live/" in files.own_pages("golive") and files.boost("phases/go-live/") == pytest.approx(2, rel=1e-3)
    assert "golive" not in html.text(real_internal_site.page("phases/go-live/")).lower()
    assert all("terms" not in d for d in files.docs)


def test_search_terms_reach_customers_only_when_listed_for_them(files, real_customer_site):
    """Default deny: a plain list of terms, or the `internal:` ones, never reach the customer index."""
    customer = SearchFiles(real_customer_site.site)
    close = "phases/close-and-handover/"
    assert close in files.own_pages("margin") and close in files.own_pages("retrospective")
    assert close not in customer.own_pages("margin") and close in customer.own_pages("retrospective")


def test_synonyms_reach_each_site_as_far_as_its_readers_may_see_them(index, real_customer_site):
    """data/search-synonyms.yml and the glossary, in the config the search worker reads; the
    vocabulary of internal work stays out of the customer site's index."""
    customer = SearchFiles(real_customer_site.site)
    words = {site: {w.lower() for g in config["synonyms"] for w in g["words"] + g["related"]}
             for site, config in (("internal", index["config"]), ("customer", customer.config))}
    for word in ("golive", "go live", "uat", "user acceptance testing", "client", "steerco"):
        assert word in words["internal"] and word in words["customer"], word
    assert "margin" in words["internal"] and "resource manager" in words["internal"]
    assert "margin" not in words["customer"] and "resource manager" not in words["customer"]


def test_a_page_that_says_search_exclude_is_built_but_not_searchable(tmp_path):
    built = build_fixture(tmp_path, {"docs/tags.md": fixture_text("docs/tags.md").replace(
        "audience: customer\n", "audience: customer\nsearch:\n  exclude: true\n", 1)})
    assert built.ok, built.output
    for site in (built.internal, built.customer):
        docs = SearchFiles(site.site).docs
        assert "Tags" in html.text(site.page("tags/"))  # still built
        assert not [d for d in docs if d["location"].startswith("tags/")]
        assert [d for d in docs if d["location"].startswith("onboarding/")]


@pytest.mark.parametrize("site_name", ["real_internal_site", "real_customer_site"])
def test_every_fact_links_to_an_element_its_page_holds(request, site_name):
    """Search's fact answers (playbook/search/facts.py) link only to the row or section that states
    them: each link's page exists and holds the element the fragment names."""
    site = request.getfixturevalue(site_name).site
    files = SearchFiles(site)
    kinds = {"who", "how-long", "how-often", "role-duties", "customer-brings"}
    assert set(files.meta["asks"]) == kinds and {f["asks"] for f in files.config["frames"]} == kinds
    for fact in files.facts():
        page, _, anchor = fact["location"].partition("#")
        output = (site / page / "index.html").read_text(encoding="utf-8")
        if anchor:
            assert re.search(rf'\sid="{re.escape(anchor)}"', output), fact["location"]
