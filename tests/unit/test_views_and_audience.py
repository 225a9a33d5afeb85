import pytest

from playbook.load.data_folder import load_playbook
from playbook.model.facts import UnknownId
from playbook.render import views
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
