"""Build the mini fixture site and check what a reader sees in the HTML."""
import re

import pytest

from tests import html
from tests.sites import build_fixture

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build_fixture(tmp_path_factory.mktemp("mini"))
    assert built.ok, built.output
    return built.internal


def test_matrix_is_an_accessible_table_with_caption_headers_and_spelled_out_letters(site):
    page = site.page("onboarding/")
    matrix = html.between(page, '<div class="pb-matrix"', "</table>")
    assert "<caption>Who does what in Onboarding</caption>" in matrix
    assert matrix.count('<th scope="col"') == 5 and matrix.count('<th scope="row"') == 3
    row = html.between(matrix, '<tr id="onboarding-plan"', "</tr>")
    assert html.text(row).split(" Dates first, then scope. ")[1] == "A Accountable no part R Responsible C Consulted"
    assert '<span class="pb-letter pb-letter-a" aria-hidden="true">A</span><span class="pb-sr-only">Accountable</span>' in row
    assert "Responsible" in html.text(html.between(page, '<dl class="pb-legend"', "</dl>"))


def test_firm_roles_come_before_customer_roles(site):
    header = html.between(site.page("onboarding/"), "<thead>", "</thead>")
    roles = re.findall(r'data-pb-role="([^"]+)"', header)
    assert roles == ["project-manager", "finance-partner", "consultant", "customer-lead"]


def test_text_from_yaml_is_escaped_everywhere(site):
    for path in ("onboarding/", "roles/", "roles/consultant/", "roles/project-manager/"):
        page = site.page(path)
        assert "<script>alert" not in page, path
        assert "<b>and</b>" not in page and "<with>" not in page and "<now>" not in page, path
    assert "Consultant &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in site.page("onboarding/")
    assert "Runs the project &lt;b&gt;and&lt;/b&gt; keeps everyone informed &amp; on time." in site.page("roles/")


def test_checklist_shows_every_item_with_owner_and_timing(site):
    block = html.between(site.page("onboarding/"), 'id="checklist-onboarding-ready"', "</ul>")
    items = re.findall(r'<li class="pb-checklist__item" data-pb-item="([^"]+)"', block)
    assert items == ["contract-signed", "margin-approved", "plan-shared"]
    first = html.text(html.between(block, '<label for="pb-onboarding-ready--contract-signed"', "</li>"))
    assert first == "The contract is signed by both parties. Owner: Customer lead Due: Before kickoff"
    assert 'id="pb-onboarding-ready--contract-signed"' in block


def test_role_card_lists_duties_by_process_and_links_to_the_matrix_rows(site):
    page_path = site.site / "roles/project-manager/index.html"
    page = page_path.read_text()
    card = html.between(page, '<section class="pb-role-card"', '<div class="pb-role-card__group">\n<p class="pb-role-card__process">Checklist')
    assert "Accountable for 2" in html.text(card) and "Responsible for 2" in html.text(card)
    links = [h for h in html.hrefs(card) if "#" in h]
    assert links == ["../../onboarding/#onboarding-plan", "../../onboarding/#onboarding-budget",
                     "../../onboarding/#onboarding-kickoff", "../../internal-filename-marker/#margin-review-run"]
    for link in links:
        target, anchor = html.local_target(site.site, page_path, link)
        assert anchor in html.ids(target.read_text()), link


def test_every_role_gets_a_generated_page_listed_in_the_nav(site):
    for role in ("project-manager", "finance-partner", "customer-lead", "consultant"):
        page = site.page(f"roles/{role}/")
        assert f'data-pb-role-card="{role}"' in page
    assert 'href="roles/customer-lead/" class="md-nav__link"' in site.page("")


def test_braces_in_code_samples_are_shown_as_written(site):
    page = site.page("onboarding/")
    assert 'run: echo "${{ secrets.TOKEN }}" and {% raw %} stays {# too #}' in html.plain(page)
    assert "Inline code keeps {{ braces }} as written." in html.plain(page)


def test_internal_passages_are_visible_and_marked_in_the_internal_site(site):
    home = site.page("")
    block = html.between(home, '<div class="admonition internal">', "</div>")
    assert "INTERNAL-BLOCK-MARKER" in block and 'class="admonition-title">Internal' in block


def test_the_site_loads_nothing_from_another_host(site):
    for page in site.site.rglob("*.html"):
        source = page.read_text()
        for tag in re.findall(r"<(?:script|link|img|iframe)[^>]+>", source):
            assert "://" not in tag or 'rel="canonical"' in tag, (page, tag)
