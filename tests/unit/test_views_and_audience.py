import pytest
from pydantic import ValidationError

from playbook.load.data_folder import load_playbook
from playbook.model.facts import Playbook, UnknownId
from playbook.present import views
from playbook.stage.audience import can_see, for_audience
from tests.sites import FIXTURES


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(FIXTURES / "mini" / "data")


def test_matrix_columns_are_the_roles_used_firm_first(playbook):
    view = views.raci_matrix(playbook, "onboarding")
    assert [r.id for r in view.columns] == ["project-manager", "finance-partner", "consultant", "customer-lead"]
    first = view.rows[0]
    assert [c.letter for c in first.cells] == ["A", "", "R", "C"]
    assert first.cells[0].name == "Accountable"


def test_a_customer_reads_the_customer_roles_first(playbook):
    """Issue 16, defect 5: the customer's own columns were the last, off-screen ones."""
    view = views.raci_matrix(playbook, "onboarding", reader="customer")
    assert [r.id for r in view.columns] == ["customer-lead", "project-manager", "finance-partner", "consultant"]
    assert [c.letter for c in view.rows[0].cells] == ["C", "A", "", "R"]
    assert [r.side for r in views.role_list(playbook, reader="customer")][0] == "customer"
    assert [r.side for r in views.role_list(playbook)][0] == "firm"


def test_unknown_id_says_what_exists_and_what_was_meant(playbook):
    with pytest.raises(UnknownId) as caught:
        views.raci_matrix(playbook, "onboardin")
    assert "no process with id 'onboardin'" in str(caught.value)
    assert "did you mean 'onboarding'?" in str(caught.value)


def test_role_card_groups_duties_by_process_in_lifecycle_order(playbook):
    card = views.role_card(playbook, "project-manager")
    assert [g.process.id for g in card.groups] == ["onboarding", "margin-review"]
    assert [(d.activity.id, d.letter) for d in card.groups[0].duties] == [
        ("onboarding-plan", "A"), ("onboarding-budget", "R"), ("onboarding-kickoff", "A")]
    assert card.count("A") == 2 and card.count("R") == 2
    assert [d.item.id for d in card.checklist_items] == ["plan-shared"]


def test_customer_view_drops_internal_roles_processes_activities_and_items(playbook):
    customer = for_audience(playbook, "customer")
    assert "finance-partner" not in customer.roles
    assert "margin-review" not in customer.processes
    activities = [a.id for a in customer.processes["onboarding"].activities]
    assert activities == ["onboarding-plan", "onboarding-kickoff"]
    kickoff = customer.processes["onboarding"].activities[1]
    assert [a.role for a in kickoff.raci] == ["project-manager", "customer-lead"]  # the internal role's I is gone
    assert [i.id for i in customer.checklists["onboarding-ready"].items] == ["contract-signed", "plan-shared"]
    matrix = views.raci_matrix(customer, "onboarding")
    assert "finance-partner" not in [r.id for r in matrix.columns]


def test_internal_view_is_everything(playbook):
    assert for_audience(playbook, "internal") is playbook
    assert can_see("internal", "internal") and can_see("customer", "customer") and not can_see("customer", "internal")
    with pytest.raises(ValueError):
        for_audience(playbook, "partner")


def test_phase_facts_need_a_phase(playbook):
    assert views.phase_facts(playbook, "onboarding").phase.goal == "Everyone knows the plan."
    with pytest.raises(ValueError, match="has no 'phase:' block"):
        views.phase_facts(playbook, "margin-review")
    assert [p.id for p in views.lifecycle(playbook)] == ["onboarding"]


def test_a_filtered_copy_never_answers_from_the_full_playbooks_lookups(playbook):
    full = playbook.checklists_for("onboarding")  # worked out on the full playbook first
    customer = for_audience(playbook, "customer")
    assert customer.checklists_for("onboarding") == [customer.checklists["onboarding-ready"]]
    assert len(customer.checklists_for("onboarding")[0].items) < len(full[0].items)


# -- The playbook as JSON: what the staged build writes and the macros read back ----------------


@pytest.mark.parametrize("audience", ["internal", "customer"])
def test_the_playbook_survives_json_and_only_forgets_where_things_were_written(playbook, audience):
    site = for_audience(playbook, audience)
    text = site.to_json()
    again = Playbook.from_json(text)
    assert again.model_dump() == site.model_dump() and again.to_json() == text
    assert list(again.roles) == list(site.roles) and list(again.processes) == list(site.processes)
    assert views.role_card(again, "project-manager").count("A") == views.role_card(site, "project-manager").count("A")
    assert views.raci_matrix(again, "onboarding").rows[0].cells[0].name == "Accountable"
    assert site.processes["onboarding"].source.file == "data/processes/onboarding.yml"
    assert again.processes["onboarding"].source is None and again.changelog_page_source is None


def test_json_keeps_each_items_own_audience_and_refuses_what_is_not_a_playbook(playbook):
    again = Playbook.from_json(playbook.to_json())
    assert again.roles["finance-partner"].audience == "internal"
    assert again.roles["customer-lead"].audience == "customer"  # an item may say customer in JSON: it is no longer narrowing
    assert again.processes["onboarding"].activities[0].raci[0].letter == "A"
    with pytest.raises(ValidationError):
        Playbook.from_json('{"roles": {}, "rolez": {}}')
