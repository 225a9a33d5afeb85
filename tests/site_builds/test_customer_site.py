"""One source, two sites: the customer site holds only what is marked for customers, and its
links (short links and the old addresses of moved pages) always land on a page."""
import gzip
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests import html
from tests.sites import build, build_fixture, make_project, playbook

pytestmark = pytest.mark.build

# One marker in every internal place of the mini fixture.
MARKERS = {
    "internal page body": "INTERNAL-PAGE-BODY-MARKER",
    "internal page title": "INTERNAL-PAGE-TITLE-MARKER",
    "internal page file name": "internal-filename-marker",
    "internal block in a customer page": "INTERNAL-BLOCK-MARKER",
    "internal activity": "INTERNAL-ACTIVITY-MARKER",
    "internal checklist item": "INTERNAL-ITEM-MARKER",
    "internal process": "INTERNAL-PROCESS-MARKER",
    "internal role": "INTERNAL-ROLE-MARKER",
    "internal role id": "finance-partner",
    "internal page tag": "internal-tag-marker",
    "internal changelog entry": "INTERNAL-CHANGE-MARKER",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    built = build(make_project(tmp_path_factory.mktemp("two-sites")))
    assert built.ok, built.output
    return built.internal, built.customer


def every_text(site: Path) -> dict[str, str]:
    """Every file of a site as text, keyed by path: HTML, JSON, XML, JS, CSS, gzip unpacked."""
    texts = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            texts[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return texts


@pytest.mark.parametrize("place", MARKERS)
def test_nothing_internal_reaches_any_file_of_the_customer_site(sites, place):
    internal, customer = sites
    marker = MARKERS[place].lower()
    in_customer = [name for name, text in every_text(customer.site).items()
                   if marker in text.lower() or marker in name.lower()]
    assert in_customer == [], f"{place} leaked into {in_customer}"
    in_internal = [name for name, text in every_text(internal.site).items()
                   if marker in text.lower() or marker in name.lower()]
    assert in_internal, f"the test cannot see the {place} marker even in the internal site"


def test_customer_site_has_its_own_home_nav_and_look(sites):
    _, customer = sites
    home = customer.page("")
    assert "Mini home" in home
    nav = html.between(home, 'class="md-nav md-nav--primary"', "</nav>\n")
    assert "Secret plans" not in nav and "Onboarding" in nav
    assert "md-content__button" not in home  # no edit or view-source buttons
    assert "Mini Firm · guide" in html.text(html.between(home, "<header", "</header>"))
    brand = (customer.site / "assets/playbook/brand.css").read_text()
    assert "--md-primary-fg-color: #123456;" in brand and "--md-accent-fg-color: #abcdef;" in brand
    assert 'href="assets/playbook/brand.css"' in home


def test_customer_matrix_checklist_and_roles_show_only_customer_items(sites):
    _, customer = sites
    page = customer.page("onboarding/")
    assert re.findall(r'<tr id="([^"]+)"[ >]', page) == ["onboarding-plan", "onboarding-kickoff"]
    assert re.findall(r'data-pb-item="([^"]+)"', page) == ["contract-signed", "plan-shared"]
    roles = sorted(p.name for p in (customer.site / "roles").iterdir() if p.is_dir())
    assert roles == ["consultant", "customer-lead", "project-manager"]


def test_internal_passages_are_removed_before_rendering(sites):
    internal, customer = sites
    assert "INTERNAL-BLOCK-MARKER" in internal.page("")
    assert "admonition internal" not in customer.page("")
    assert "the secret plans" not in customer.page("").lower()


def test_every_short_link_and_old_address_lands_on_a_page_of_that_site(sites):
    for site in sites:
        redirects = {p.relative_to(site.site).as_posix(): p for p in site.site.rglob("index.html")
                     if 'http-equiv="refresh"' in p.read_text()}
        expected = {"go/start/index.html", "go/onboarding/index.html", "go/onboarding-ready/index.html",
                    "getting-started/index.html", "old/welcome-pack/index.html"}
        assert expected <= set(redirects), sorted(redirects)
        for name, path in redirects.items():
            url = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', path.read_text()).group(1)
            target, anchor = html.local_target(site.site, path, url)
            assert target.exists(), f"{name} -> {url}"
            if anchor:
                assert anchor in html.ids(target.read_text()), f"{name} -> {url}"
    internal, customer = sites
    assert (internal.site / "go/margin-review/index.html").exists()
    assert not (customer.site / "go/margin-review").exists()


def test_copy_link_gives_the_page_short_link_on_customer_pages_only(sites):
    internal, customer = sites
    assert 'data-pb-copy="https://guide.mini.example/go/start/"' in customer.page("onboarding/")
    # The internal page has no copy control of its own; its foot gives the customer page's link.
    page = internal.page("onboarding/")
    assert 'class="pb-page-tools"' not in page
    assert page.count("data-pb-copy") == 1
    assert 'data-pb-copy="https://guide.mini.example/go/start/"' in html.between(page, "pb-page-facts__customer", "</p>")


def test_customer_page_linking_an_internal_page_fails_naming_both(tmp_path):
    page = (Path(__file__).parent.parent / "fixtures/mini/docs/onboarding.md").read_text()
    project = make_project(tmp_path, edits={"docs/onboarding.md": page + "\nSee [our plans](internal-filename-marker.md).\n"})
    assert build(project, "internal").ok
    result = build(project, "customer")
    assert not result.ok
    assert ("docs/onboarding.md:34: this customer page links to 'internal-filename-marker.md', "
            "which is an internal page") in result.output


def test_short_id_clash_and_redirect_over_a_live_page_fail(tmp_path):
    page = (Path(__file__).parent.parent / "fixtures/mini/docs/index.md").read_text()
    clash = page.replace("audience: customer\n", "audience: customer\nshort: start\nredirect_from: onboarding.md\n")
    result = build_fixture(tmp_path, {"docs/index.md": clash})
    assert not result.ok
    assert "docs/onboarding.md:4: the address /go/start/ is already taken by the page docs/index.md" in result.output
    assert "docs/index.md:5: redirect_from lists onboarding.md, but a page still lives there" in result.output


def run_build_tool(project: Path, *args: str) -> subprocess.CompletedProcess:
    return playbook("--root", str(project), *(args or ("build",)))


def test_a_failed_build_leaves_the_previous_sites_untouched(tmp_path):
    project = make_project(tmp_path)
    first = run_build_tool(project)
    assert first.returncode == 0, first.stdout + first.stderr
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert project / "site/customer/index.html" in before

    data = project / "data/processes/onboarding.yml"
    data.write_text(data.read_text().replace("customer-lead: C", "customer-lead: A"))
    second = run_build_tool(project)
    assert second.returncode == 1
    assert "has 2 roles (project-manager, customer-lead) Accountable" in second.stdout
    assert "Nothing in site/ was changed" in second.stdout
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in (project / "site").iterdir()) == ["customer", "internal"]
    assert [p.name for p in (project / ".site-generations").iterdir()] == [(project / "site").resolve().name]


def test_customer_bundle_opens_from_disk(tmp_path):
    project = make_project(tmp_path)
    result = run_build_tool(project, "bundle")
    assert result.returncode == 0, result.stdout + result.stderr
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(project / "site/customer-bundle.zip") as bundle:
        tops = {name.split("/", 1)[0] for name in bundle.namelist()}
        assert tops == {"mini-firm-implementation-guide"}, tops
        bundle.extractall(unpacked)
    unpacked = unpacked / "mini-firm-implementation-guide"
    assert (unpacked / "onboarding.html").exists() and (unpacked / "search/search_index.js").exists()
    for page in unpacked.rglob("*.html"):
        for href in html.hrefs(page.read_text()):
            target = html.local_target(unpacked, page, href)
            if target and not href.startswith("/"):
                assert target[0].exists(), f"{page.relative_to(unpacked)}: {href}"
                assert not href.split("#")[0].endswith("/"), f"{page.relative_to(unpacked)}: {href} needs a server"
    assert "INTERNAL-PAGE-BODY-MARKER" not in "".join(every_text(unpacked).values())
