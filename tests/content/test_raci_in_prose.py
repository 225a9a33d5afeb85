"""A page never says in its own words that a role does or signs an activity the matrix gives to
another role (issue 24). The reading is explained in tests/content/raci_in_prose.py; these tests
run it on every page, and prove on planted sentences that it fails on drift and passes on the
ways pages rightly say who does what."""
from __future__ import annotations

import pytest

from playbook.load.data_folder import load_playbook
from tests.content import raci_in_prose
from tests.content.test_facts_in_prose import prose
from tests.sites import ROOT

pytestmark = pytest.mark.build

PLAYBOOK = load_playbook(ROOT / "data")
PHRASES = raci_in_prose.phrases(PLAYBOOK)
ROLES = raci_in_prose.role_pattern(PLAYBOOK)


def drift(name: str, text: str) -> list[str]:
    """Every sentence of a page that gives an activity to a role the matrix does not."""
    return [f"{name}:{line}: {raci_in_prose.describe(PLAYBOOK, claim)}"
            for line, claim in raci_in_prose.claims_in(prose(text), PLAYBOOK, PHRASES, ROLES)
            if not raci_in_prose.holds(PLAYBOOK, claim)]


def _page(sentence: str) -> str:
    return f"---\ntitle: Planted\n---\n\n# Planted\n\nSome words first.\n\n{sentence} More words after.\n"


def test_no_page_gives_an_activity_to_a_role_the_matrix_does_not():
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        found += drift(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"))
    assert found == []


def test_the_pages_name_roles_beside_activities_so_the_check_reads_something():
    """A check that never matches cannot fail: it reads real sentences as claims, such as the go-live
    page's "Your executive sponsor makes the go or no-go decision" and the internal advice that
    change requests are priced by the account manager."""
    checked = set()
    for path in sorted((ROOT / "docs").rglob("*.md")):
        found = raci_in_prose.claims_in(prose(path.read_text(encoding="utf-8")), PLAYBOOK, PHRASES, ROLES)
        checked |= {(claim.role, claim.activity.id) for _line, claim in found}
    assert {("executive-sponsor", "go-live-decide-go-no-go"), ("account-manager", "change-request-price")} <= checked


@pytest.mark.parametrize("sentence", [
    # The drift issue 24 found: the project manager is Accountable, the customer project lead books it.
    "Our sales team hands your project to a dedicated implementation project manager, who runs it until "
    "handover and books your kickoff.",
    "Your project has a dedicated implementation project manager. They book your kickoff.",
    "The implementation project manager books the kickoff for a date that suits you.",
    "The PM booked the kickoff.",
    # Nobody's letter: the account manager is only Informed.
    "The account manager signs off the design.",
    "The design is signed off by the account manager.",
    # Responsible for the review, but not the one who signs.
    "Your subject matter experts sign off the design once they have read it.",
    # Accountable is one role only.
    "The customer project lead is accountable for booking the kickoff.",
    # Two roles joined: the second holds no letter.
    "Your project lead and the account manager book the kickoff.",
])
def test_a_sentence_that_gives_an_activity_to_the_wrong_role_fails(sentence):
    found = drift("docs/planted.md", _page(sentence))
    assert found and all(f.startswith("docs/planted.md:9: ") for f in found), found


@pytest.mark.parametrize("sentence", [
    "Your customer project lead books the kickoff.",
    "Your project lead signs off the design when the reviews are done.",
    "The design is signed off by your project lead.",
    "The implementation project manager is accountable for booking the kickoff.",
    # A document both sides sign: our Accountable and your Responsible both sign it.
    "Your executive sponsor signs the change order, and so does the account manager.",
    "The account manager signs the change order.",
    # Not a claim: a question, a negation, a verb with its own subject, a macro naming the role.
    "Can the account manager book the kickoff?",
    "The account manager does not book the kickoff.",
    "The account manager thanks your team before we book the kickoff.",
    'Your {{ responsible("kickoff-confirm-attendees") }} books the kickoff.',
    "The account manager is informed when your project lead books the kickoff.",
])
def test_a_sentence_that_says_what_the_matrix_says_passes(sentence):
    assert drift("docs/planted.md", _page(sentence)) == []


def test_the_finding_names_the_line_the_letter_and_the_fix():
    [finding] = drift("docs/planted.md", _page("The implementation project manager books the kickoff."))
    assert finding.startswith("docs/planted.md:9: says the implementation project manager does "
                              "'Confirm attendees and book the kickoff'")
    assert "gives it A" in finding and "the matrix says Customer project lead" in finding
    assert '{{ responsible("kickoff-confirm-attendees") }}' in finding
