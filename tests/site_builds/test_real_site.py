"""The real playbook, built as `make build` builds it: matrices, checklists and role pages as
readers see them, and the seed's rule that the account manager does not run the project."""
import re

import pytest

from playbook.load.data_folder import load_playbook
from tests import html
from tests.sites import ROOT

pytestmark = pytest.mark.build

PLAYBOOK = load_playbook(ROOT / "data")
DELIVERY_PHASES = ("kickoff", "build", "testing", "training", "go-live", "hypercare")


def page_url(src: str) -> str:
    return src[:-3] + "/" if not src.endswith("index.md") else src[: -len("index.md")]


@pytest.mark.parametrize("process", PLAYBOOK.processes.values(), ids=lambda p: p.id)
def test_each_process_page_shows_its_matrix_and_checklists(real_internal_site, process):
    page = real_internal_site.page(page_url(process.page))
    matrix = html.between(page, f'data-pb-matrix="{process.id}"', "</table>")
    rows = re.findall(r'<tr id="([^"]+)"[ >]', matrix)
    assert rows == [a.id for a in process.activities]
    assert f"<caption>Who does what in {process.title}</caption>" in matrix
    assert matrix.count('data-pb-letter="A"') == len(process.activities)  # exactly one A per row
    checklists = PLAYBOOK.checklists_for(process.id)
    assert checklists, f"{process.id} has no checklist"
    for checklist in checklists:
        block = html.between(page, f'id="checklist-{checklist.id}"', "</ul>")
        assert block.count('class="pb-checklist__item"') == len(checklist.items)
        assert "Owner: " in block and "Due: " in block


def test_the_account_manager_is_never_accountable_for_delivery(real_internal_site):
    for phase in DELIVERY_PHASES:
        page = real_internal_site.page(f"phases/{phase}/")
        assert 'data-pb-role="account-manager" data-pb-letter="A"' not in page, phase
    ipm = PLAYBOOK.roles["implementation-project-manager"]
    card = real_internal_site.page("roles/implementation-project-manager/")
    accountable = int(re.search(r"Accountable for (\d+)", html.text(card)).group(1))
    am_card = real_internal_site.page("roles/account-manager/")
    am_accountable = int(re.search(r"Accountable for (\d+)", html.text(am_card)).group(1))
    assert accountable > 3 * am_accountable, (ipm.title, accountable, am_accountable)


def test_every_role_has_a_generated_page_with_its_card(real_internal_site):
    for role in PLAYBOOK.roles.values():
        page = real_internal_site.page(f"roles/{role.id}/")
        assert f'data-pb-role-card="{role.id}"' in page
        assert role.summary.split(".")[0] in html.text(page)


def test_every_link_and_anchor_in_the_site_resolves(real_internal_site):
    site = real_internal_site.site
    for page_path in site.rglob("*.html"):
        if page_path.name == "404.html":  # served at any depth, so its links are absolute by design
            continue
        source = page_path.read_text()
        for href in html.hrefs(source):
            target = html.local_target(site, page_path, href)
            if target is None or "/assets/" in href or href.endswith((".css", ".js", ".xml", ".json", ".png", ".svg", ".ico")):
                continue
            path, anchor = target
            assert path.exists(), f"{page_path.relative_to(site)} links to missing {href}"
            if anchor and path.suffix == ".html":
                assert anchor in html.ids(path.read_text()), f"{page_path.relative_to(site)} links to missing #{anchor}"


def test_lifecycle_is_drawn_from_the_data_in_phase_order(real_internal_site):
    page = real_internal_site.page("lifecycle/")
    phases = re.findall(r'<li class="pb-lifecycle__phase" id="phase-([^"]+)">', page)
    assert phases == [p.id for p in PLAYBOOK.phases()]
    assert len(phases) == 9
