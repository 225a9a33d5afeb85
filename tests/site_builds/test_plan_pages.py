"""The communication plan, change management, governance, glossary and FAQ as readers see them
in the real internal site, and the build failing when data names a page that does not exist."""
import re

import pytest

from playbook.load.data_folder import load_playbook
from playbook.present import views
from tests import html
from tests.sites import ROOT, build_fixture, fixture_text

pytestmark = pytest.mark.build

PLAYBOOK = load_playbook(ROOT / "data")


def test_communication_plan_table_lists_every_communication_with_its_owner_and_template(real_internal_site):
    page = real_internal_site.page("communication-plan/")
    rows = re.findall(r'<tr id="communication-([^"]+)"[^>]* data-pb-communication', page)
    assert rows == list(PLAYBOOK.communications)
    status = html.text(html.between(page, 'id="communication-weekly-status-report"', "</tr>"))
    report = PLAYBOOK.communications["weekly-status-report"]
    assert "Weekly, every Thursday by 17:00 (default; agreed with the customer at kickoff)" in status
    assert (report.kind, report.recurs.weekday, report.recurs.time) == ("message", "thursday", "17:00")
    assert report.agreed_at_kickoff
    assert "By email, and posted in the shared Teams channel" in status
    assert "From Implementation project manager" in status
    assert 'href="../templates/weekly-status-report/">Its template</a>' in html.between(
        page, 'id="communication-weekly-status-report"', "</tr>")


def test_role_pages_list_the_communications_the_role_sends_and_receives(real_internal_site):
    page = real_internal_site.page("roles/customer-project-lead/")
    block = html.between(page, 'data-pb-role-comms="customer-project-lead"', "</div>")
    assert "Sends or runs" in block and "Receives or attends" in block
    assert 'href="../../communication-plan/#communication-weekly-status-report"' in block
    assert html.text(html.between(block, "Sends or runs", "</ul>")).count("Go-live announcement") == 1


def test_inline_facts_come_from_data(real_internal_site):
    faq = real_internal_site.page("faq/")
    answer = html.text(html.between(faq, 'id="who-sends-the-weekly-status-report"', "</p>"))
    assert "The implementation project manager sends it" in answer
    assert views.communication(PLAYBOOK, "weekly-status-report").when in answer
    hypercare = html.text(html.between(faq, 'id="how-long-is-hypercare"', "</p>"))
    phase = PLAYBOOK.processes["hypercare"].phase
    assert f"{phase.typical_duration} ({phase.default_duration} by default)" in hypercare


def test_change_impact_register_is_ranked_by_computed_score(real_internal_site):
    page = real_internal_site.page("change-management/impact-register/")
    scores = [int(s) for s in re.findall(r'data-pb-score="(\d+)"', page)]
    assert scores == sorted(scores, reverse=True) and len(scores) == len(PLAYBOOK.change_impacts)
    top = views.change_impact_register(PLAYBOOK)[0]
    assert re.search(rf'id="impact-{top.impact.id}"[^>]*data-pb-score="{top.impact.likelihood * top.impact.cost}"', page)


def test_complaints_link_to_the_page_that_solves_them(real_internal_site):
    page = real_internal_site.page("change-management/customer-complaints/")
    block = html.between(page, 'id="complaint-never-know-status"', "</div>")
    assert "I never know where we are" in html.text(block)
    assert 'href="../../communication-plan/">How it works</a>' in block


def test_agendas_add_up_their_own_length(real_internal_site):
    page = real_internal_site.page("change-management/")
    agenda = PLAYBOOK.agendas["change-impact-kickoff"]
    block = html.between(page, 'id="agenda-change-impact-kickoff"', "</ol>")
    assert f"{agenda.minutes} minutes" in html.text(block)
    assert "What changes can we predict?" in html.text(block)
    assert "0:00–0:05" in html.text(block)


def test_every_phase_page_escalates_through_a_path_from_data(real_internal_site):
    for phase in PLAYBOOK.phases():
        page = real_internal_site.page(f"{phase.page[:-3]}/")
        section = html.between(page, 'id="when-to-escalate"', "</article>")
        assert "data-pb-escalation=" in section, phase.id
        assert "Moves up if not resolved within" in section, phase.id


def test_glossary_terms_show_their_meaning_on_hover_but_not_inside_code(real_internal_site):
    raci = PLAYBOOK.glossary["raci"]
    kickoff = real_internal_site.page("phases/kickoff/")
    assert f'<abbr title="{raci.expansion}: ' in kickoff
    template = real_internal_site.page("templates/sow-process-appendix/")
    code = html.between(template, "<pre", "</pre>")
    assert "go/no-go" in code and "<abbr" not in code
    glossary = real_internal_site.page("glossary/")
    terms = re.findall(r'data-pb-term="([^"]+)"', glossary)
    assert sorted(terms) == sorted(PLAYBOOK.glossary)


def test_faq_answers_are_each_their_own_section_with_a_link(real_internal_site):
    page = real_internal_site.page("faq/")
    article = html.between(page, "<article", "</article>")
    sections = re.split(r"<h2 ", article)[1:]
    assert len(sections) >= 25
    for section in sections:
        assert "?" in html.text(html.between(section, ">", "</h2>")), section[:80]
        assert "href=" in section.split("</h2>", 1)[1], section[:80]


def test_data_naming_a_missing_page_stops_the_build(tmp_path):
    communications = ("audience: customer\ncommunications:\n  - id: status-report\n    title: Status report\n"
                      "    purpose: Says where we are.\n    recipients: [customer-lead]\n    kind: message\n"
                      "    channel: [email]\n    once: {relation: at, event: each week's end}\n"
                      "    owner: project-manager\n    template: templates/status.md\n")
    result = build_fixture(tmp_path, {"data/communications.yml": communications})
    assert not result.ok
    assert ("data/communications.yml:11: the communication 'status-report' names the template page "
            "'templates/status.md', which does not exist in docs/") in result.output


def test_glossary_hook_marks_terms_in_the_fixture_site(tmp_path):
    glossary = "audience: customer\nterms:\n  - id: workflow\n    term: workflow\n    definition: Steps in order.\n"
    result = build_fixture(tmp_path, {"mkdocs.yml": fixture_text("mkdocs.yml").replace("  - admonition\n",
                                                                                      "  - abbr\n  - admonition\n"),
                                      "data/glossary.yml": glossary})
    assert result.ok, result.output
    assert '<abbr title="Steps in order.">workflow</abbr>' in result.internal.page("onboarding/")
