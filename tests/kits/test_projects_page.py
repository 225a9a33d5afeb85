"""The internal Projects page: every project's phase today, next milestone, project manager and the
customer's overdue items; internal only."""
from __future__ import annotations

import datetime
import html

from playbook.kits.projects_page import PAGE, project_rows, projects_page
from playbook.kits.settings import ENVIRONMENT, KitSettings
from playbook.load.mkdocs_yml import read_mkdocs_yml
from playbook.pipeline import extras_for
from playbook.present import fences
from playbook.stage.site import StageOptions, plan_site
from tests.kits.helpers import EXAMPLE_ID, edited, example_project, real_sources


def test_a_project_row_says_where_it_stands_today():
    sources = real_sources()  # today: Monday 30 November 2026
    [row] = project_rows([example_project(sources)], sources.playbook, sources.settings.brand, "https://x/",
                         KitSettings(), sources.today)
    assert (row.state, row.phase.id) == ("under way", "build")
    assert (row.next_milestone.day, row.next_milestone.title) == (datetime.date(2027, 2, 5),
                                                                  "Testing and user acceptance: phase starts")
    overdue = [(i.checklist.id, i.item.id, i.owner.name, i.due.isoformat()) for i in row.overdue]
    assert overdue == [
        ("discovery-signoff", "change-impacts-ranked", "Owen Pryce", "2026-11-20"),
        ("discovery-signoff", "integrations-owned", "Lukas Brandt", "2026-11-20"),
        ("discovery-signoff", "migration-scoped", "Lukas Brandt", "2026-11-20"),
        ("discovery-signoff", "design-signed", "Owen Pryce", "2026-11-20"),
        ("build-readiness", "design-signed", "Owen Pryce", "2026-11-23"),
    ]  # done items (environments-ready), items recorded done after today (ranked on 1 December) and the firm's own
    # items are not the customer's overdue ones


def test_the_page_lists_projects_and_only_the_internal_site_has_it(tmp_path, monkeypatch):
    sources = real_sources()
    (tmp_path / f"{EXAMPLE_ID}.yml").write_text(edited({}), encoding="utf-8")
    (tmp_path / "closed-one.yml").write_text(edited({
        f"id: {EXAMPLE_ID}": "id: closed-one", "Harbourline Foods": "Closed Customer",
        "kickoff: 2026-10-05": "kickoff: 2025-10-06", "go_live: 2027-03-26": "go_live: 2026-03-27"}), encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path))
    page, problems = projects_page(sources)
    assert problems == []
    shown = html.unescape(fences.finished_html(page.body.split("\n")[-3], "", "", {}, None))
    assert "2 projects in" in shown and "2 with overdue customer items" in shown
    assert shown.index("Harbourline Foods") < shown.index("Closed Customer")  # closed projects last
    assert "Build and configuration" in shown and "5 overdue" in shown
    # People's names and addresses stay on each project's page, behind its sign-in.
    assert "Dana Whitfield" not in shown and "Lukas Brandt" not in shown and "mailto:" not in shown and "@" not in shown
    assert 'href="https://projects.meridian.example/harbourline-order-to-cash/your-project/">Its page</a>' in shown
    assert "Closed on" in shown
    internal, problems = plan_site(sources, "internal", StageOptions(), extra_pages=extras_for(sources, "internal")[0])
    assert problems == [] and f"docs/{PAGE}" in internal
    staged_config = tmp_path / "mkdocs.yml"
    staged_config.write_bytes(internal["mkdocs.yml"])
    assert {"Projects": PAGE} in read_mkdocs_yml(staged_config)[0]["nav"]
    customer, _ = plan_site(sources, "customer", StageOptions(), extra_pages=extras_for(sources, "customer")[0])
    assert f"docs/{PAGE}" not in customer
    assert not [path for path, content in customer.items() if b"Harbourline" in content]
