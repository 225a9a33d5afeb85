"""Who a sentence says does or answers for an activity, the list of what the customer signs, and
"what we need from you" with who answers for each thing: all read from the matrices (issue 24)."""
from pathlib import Path
from textwrap import dedent

import pytest

from playbook.load.data_folder import load_playbook
from playbook.model.facts import UnknownId
from playbook.present import activity_views, views
from playbook.stage.audience import for_audience

FILES = {
    "roles.yml": """\
        audience: customer
        role_pages: {owner: pm, last_reviewed: 2026-11-02}
        roles:
          - {id: pm, title: Project manager, side: firm, summary: Runs it.}
          - {id: seller, title: Account manager, side: firm, summary: Sells it.}
          - {id: director, title: Delivery director, side: firm, summary: Above the project manager., audience: internal}
          - {id: lead, title: Customer project lead, side: customer, summary: Leads it there.}
          - {id: sponsor, title: Executive sponsor, side: customer, summary: Owns it there.}
        """,
    "processes/start.yml": """\
        id: start
        title: Start
        audience: customer
        page: start.md
        summary: Starts it.
        phase: {order: 1, goal: Start., typical_duration: 1 week, entry_criteria: [a], exit_criteria: [b],
                customer_contribution: a lead}
        activities:
          - id: start-agree-plan
            title: Agree the plan
            sign_off: true
            checked_in: start-ready/plan-agreed
            raci: {pm: A, lead: R, seller: I}
          - id: start-book
            title: Book the start
            raci: {pm: A, lead: R}
          - id: start-internal-check
            title: Check the budget
            audience: internal
            sign_off: true
            checked_in: start-ready/budget-checked
            raci: {director: A, pm: R}
        """,
    "processes/finish.yml": """\
        id: finish
        title: Finish
        audience: customer
        page: finish.md
        summary: Ends it.
        phase: {order: 2, goal: End., typical_duration: 1 week, entry_criteria: [a], exit_criteria: [b],
                customer_contribution: a signature}
        activities:
          - id: finish-sign
            title: Sign the closure
            sign_off: true
            checked_in: finish-ready/closed
            raci: {sponsor: A, lead: R, pm: R}
        """,
    "processes/change.yml": """\
        id: change
        title: Changes
        audience: customer
        page: change.md
        summary: Changes it.
        activities:
          - id: change-sign-order
            title: Sign the change order
            sign_off: true
            checked_in: change-ready/order-signed
            raci: {seller: A, sponsor: R}
          - id: change-grant-access
            title: Grant access
            checked_in: finish-ready/closed
            raci: {lead: A, director: R}
        """,
    "checklists/start-ready.yml": """\
        id: start-ready
        title: Start readiness
        audience: customer
        process: start
        items:
          - {id: plan-agreed, text: The plan is agreed., owner: lead, due: At the start}
          - {id: budget-checked, text: The budget is checked., owner: pm, due: Before the start, audience: internal}
        """,
    "checklists/finish-ready.yml": """\
        id: finish-ready
        title: Finish readiness
        audience: customer
        process: finish
        items:
          - {id: closed, text: The closure is signed., owner: sponsor, due: End of the phase}
        """,
    "checklists/change-ready.yml": """\
        id: change-ready
        title: Change assessment
        audience: customer
        process: change
        items:
          - {id: order-signed, text: The order is signed., owner: seller, due: Before work starts}
        """,
}


@pytest.fixture(scope="module")
def playbook(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    for name, text in FILES.items():
        path: Path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return load_playbook(data)


def test_a_sentence_names_the_responsible_and_the_accountable_roles(playbook):
    assert [r.id for r in activity_views.responsible(playbook, "finish-sign").roles] == ["pm", "lead"]
    assert [r.id for r in activity_views.accountable(playbook, "start-book").roles] == ["pm"]
    with pytest.raises(UnknownId, match="no activity with id 'start-bok' — did you mean 'start-book'"):
        activity_views.responsible(playbook, "start-bok")


def test_a_customer_sentence_cannot_name_a_doer_only_employees_see(playbook):
    customer = for_audience(playbook, "customer")
    with pytest.raises(ValueError, match="no R this site may show"):
        activity_views.responsible(customer, "change-grant-access")
    assert [r.id for r in activity_views.accountable(customer, "change-grant-access").roles] == ["lead"]


def test_the_accountable_signs_and_on_a_document_of_both_sides_the_other_sides_responsible_too(playbook):
    assert [r.id for r in activity_views.signers(playbook, playbook.activities["finish-sign"][1])] == ["sponsor"]
    assert [r.id for r in activity_views.signers(playbook, playbook.activities["start-agree-plan"][1])] == ["lead", "pm"]
    assert [r.id for r in activity_views.signers(playbook, playbook.activities["change-sign-order"][1])] == [
        "sponsor", "seller"]


def test_the_customer_signs_in_the_order_the_project_meets_it(playbook):
    rows = activity_views.sign_offs(playbook)
    assert [r.activity.id for r in rows] == ["start-agree-plan", "finish-sign", "change-sign-order"]
    first, _, last = rows
    assert [r.id for r in first.signers] == ["lead"] and [r.id for r in first.with_us] == ["pm"]
    assert (first.due.text, first.due.phase.id, first.due.checklist.id) == ("At the start", "start", "start-ready")
    assert last.due.phase is None and last.due.text == "Before work starts"


def test_a_list_of_sign_offs_with_none_for_the_customer_is_refused(playbook):
    only_ours = playbook.model_copy(update={"processes": {"start": playbook.processes["start"].model_copy(
        update={"activities": playbook.processes["start"].activities[2:]})}})
    with pytest.raises(ValueError, match="no activity this site shows is a sign-off"):
        activity_views.sign_offs(only_ours)


def test_what_we_need_shows_who_answers_for_each_thing_beside_who_does_it(playbook):
    needs = {n.activity.id if n.activity else n.item.id: n for n in views.customer_needs(playbook, "finish").needs}
    sign = needs["finish-sign"]
    assert [r.id for r in sign.owners] == ["lead", "pm"] and [r.id for r in sign.accountable] == ["sponsor"]
    assert sign.when == "End of the phase" and sign.phase is None
    closed = needs["closed"]
    assert closed.owners == closed.accountable and closed.owners[0].id == "sponsor"


def test_an_activity_outside_the_lifecycle_is_due_in_the_phase_that_checks_it(playbook):
    [need] = [n for n in views.customer_needs(playbook, "change").needs if n.activity.id == "change-grant-access"]
    assert need.phase.id == "finish" and need.when == "End of the phase" and need.checklist_page == "finish.md"


def test_a_sentence_says_when_an_activity_is_due_from_its_checklist_item(playbook):
    assert activity_views.due_point(playbook, "finish-sign").due.text == "End of the phase"
    with pytest.raises(ValueError, match="'start-book' does not say when it is due"):
        activity_views.due_point(playbook, "start-book")
