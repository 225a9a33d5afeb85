"""Ownership, freshness and "what changed", as readers of each site see them: the mini fixture
built for both audiences, and the freshness check run on it."""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from tests import html
from tests.sites import ROOT, build, make_project

pytestmark = pytest.mark.build
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("review"))


@pytest.fixture(scope="module")
def sites(project):
    built = build(project)
    assert built.ok, built.output
    return built.internal, built.customer


def facts(page_html: str) -> str:
    return html.between(page_html, '<aside class="pb-page-facts"', "</aside>")


def test_internal_pages_show_owner_review_dates_last_change_and_edit_link(sites):
    internal, _ = sites
    box = facts(internal.page("onboarding/"))
    assert html.text(box).startswith("Owner Project manager Last reviewed 20 October 2026 "
                                     "Next review due 20 January 2027 Last changed ")
    assert "(the file's date: no git history here)" in html.text(box)  # the fixture is copied, not cloned
    assert 'href="../roles/project-manager/"' in box
    assert '<a href="https://git.mini.example/playbook/edit/main/docs/onboarding.md" rel="nofollow">Edit this page</a>' in box
    assert "https://git.mini.example/playbook/edit/main/data/processes/onboarding.yml" in box
    assert "https://git.mini.example/playbook/edit/main/data/checklists/onboarding-ready.yml" in box


def test_generated_role_pages_take_owner_and_edit_link_from_their_data_file(sites):
    internal, _ = sites
    box = facts(internal.page("roles/consultant/"))
    assert "Owner Project manager Last reviewed 2 November 2026" in html.text(box)
    assert "Generated from data/roles.yml." in html.text(box)
    assert '<a href="https://git.mini.example/playbook/edit/main/data/roles.yml" rel="nofollow">Edit data/roles.yml</a>' in box


def test_a_stale_page_builds_and_carries_a_banner_only_in_the_internal_site(sites):
    internal, customer = sites
    page = internal.page("tags/")
    banner = html.between(page, '<div class="admonition warning pb-review-banner"', "</div>")
    assert "This page is past its review date" in banner and "due for review on 15 July 2020" in html.text(banner)
    assert "Owner: Mini delivery team." in html.text(banner)
    assert "pb-review-banner" not in internal.page("onboarding/")
    assert "pb-review-banner" not in customer.page("tags/")


def test_content_health_lists_every_page_overdue_first_and_is_internal_only(sites):
    internal, customer = sites
    page = internal.page("content-health/")
    rows = re.findall(r'<tr data-pb-health-page="([^"]+)" data-pb-review-state="([^"]+)">', page)
    assert rows[0] == ("tags.md", "overdue")
    assert {src for src, _ in rows} == {"index.md", "onboarding.md", "internal-filename-marker.md", "tags.md",
                                        "what-changed.md", "roles/index.md", "roles/project-manager.md",
                                        "roles/finance-partner.md", "roles/customer-lead.md", "roles/consultant.md"}
    assert [state for _, state in rows[1:]] == ["current"] * 9
    assert "1 overdue" in html.text(page)
    assert 'href="content-health/"' in internal.page("")  # in the nav
    assert not (customer.site / "content-health").exists()


def test_the_customer_site_shows_only_when_a_page_was_last_updated(sites):
    _, customer = sites
    for path in ("", "onboarding/", "roles/consultant/", "what-changed/"):
        page = customer.page(path)
        assert re.fullmatch(r"Last updated \d{1,2} \w+ \d{4}", html.text(facts(page))), path
        assert "Owner" not in html.text(facts(page)) and "git.mini.example" not in page and "Edit this page" not in page


def test_what_changed_lists_changes_newest_first_per_audience(sites):
    internal, customer = sites
    ids = re.findall(r'data-pb-change="([^"]+)"', internal.page("what-changed/"))
    assert ids == ["margin-review-monthly", "onboarding-checklist", "first-release"]
    assert re.findall(r'data-pb-change="([^"]+)"', customer.page("what-changed/")) == ["onboarding-checklist", "first-release"]
    change = html.between(internal.page("what-changed/"), 'id="change-onboarding-checklist"', "</li>")
    assert "20 October 2026" in change and "shares the plan &amp; when" in change
    assert html.hrefs(change) == ["../onboarding/", "../"]


@pytest.mark.parametrize("audience, entries", [
    ("internal", ["margin-review-monthly", "onboarding-checklist", "first-release"]),
    ("customer", ["onboarding-checklist", "first-release"]),
])
def test_each_site_has_an_atom_feed_of_its_own_changes_linked_from_every_head(sites, audience, entries):
    site = sites[0] if audience == "internal" else sites[1]
    base = "https://mini.example.com/" if audience == "internal" else "https://guide.mini.example/"
    feed = ET.parse(site.site / "changelog.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and feed.findtext(f"{ATOM}id") == base + "changelog.xml"
    found = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert found == [f"{base}what-changed/#change-{i}" for i in entries]
    assert feed.findtext(f"{ATOM}updated") == ("2026-11-02T00:00:00Z" if audience == "internal" else "2026-10-20T00:00:00Z")
    head = html.between(site.page("onboarding/"), "<head>", "</head>")
    assert '<link rel="alternate" type="application/atom+xml" title="' in head and 'href="../changelog.xml"' in head
    assert 'href="../changelog.xml" type="application/atom+xml"' in site.page("what-changed/")


def freshness(project, *args):
    return subprocess.run([sys.executable, str(ROOT / "tools/check_freshness.py"), "--root", str(project), *args],
                          capture_output=True, text=True, timeout=120)


def test_check_freshness_fails_on_an_overdue_page_and_names_owner_and_due_date(project):
    result = freshness(project)
    assert result.returncode == 1, result.stdout
    assert ("OVERDUE  docs/tags.md: 'Tags' was due for review on 2020-07-15 — owner: Mini delivery team."
            in result.stdout)
    assert result.stdout.count("OVERDUE") == 1


def test_check_freshness_passes_when_nothing_is_overdue(tmp_path):
    fresh = make_project(tmp_path)
    tags = fresh / "docs/tags.md"
    tags.write_text(tags.read_text().replace("last_reviewed: 2020-01-15", "last_reviewed: 2026-11-01"))
    result = freshness(fresh, "--today", "2026-11-25")
    assert result.returncode == 0, result.stdout
    assert "10 pages as of 2026-11-25: 0 overdue" in result.stdout
