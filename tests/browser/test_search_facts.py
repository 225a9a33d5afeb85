"""Facts answer first (issue 24): a question about a fact the data holds shows the fact itself at
the top of the results, linked to the place on a page that states it, on both sites; a question
whose subject is unclear shows none, and the customer site never shows an internal fact.

The answers are read from the data the build reads (data/), so the test follows the data."""
from __future__ import annotations

import pytest
import yaml

from playbook.load.data_folder import load_playbook
from playbook.present import views, wording
from tests.browser.conftest import Visitor
from tests.sites import ROOT

pytestmark = pytest.mark.browser


def _data(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ask(browser):
    opened: dict[str, Visitor] = {}

    def ask_(site, question: str) -> dict | None:
        """The fact shown for a question: {href, title, text} of the first result's answer, or None."""
        if site.audience not in opened:
            opened[site.audience] = Visitor(browser, site)
            opened[site.audience].open("")
        visitor = opened[site.audience]
        visitor.search(question)
        return visitor.page.evaluate("""() => {
          const first = document.querySelector('.md-search-result__list > li.md-search-result__item');
          const marked = first && first.querySelector(':scope > a .pb-search-fact');
          if (!marked) return null;
          const answer = marked.closest('a');
          const url = new URL(answer.getAttribute('href'), location.href);
          return { href: url.pathname + url.hash, score: parseFloat(answer.querySelector('article').dataset.mdScore),
                   title: answer.querySelector('h2').innerText,
                   text: answer.querySelector('article').innerText };
        }""")

    yield ask_
    for visitor in opened.values():
        visitor.close()
        assert not visitor.outside and not visitor.errors, (visitor.outside, visitor.errors)


def _communication(comm_id: str) -> dict:
    return next(c for c in _data("communications.yml")["communications"] if c["id"] == comm_id)


def _process(process_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "processes" / f"{process_id}.yml").read_text(encoding="utf-8"))


def test_how_often_shows_the_communication_with_who_runs_it(ask, any_site):
    steering = _communication("steering-committee")
    fact = ask(any_site, "how often does the steering committee meet")
    assert fact is not None
    assert fact["href"].endswith("communication-plan/#communication-steering-committee")
    assert fact["title"] == steering["title"]
    # The highest score of the results, so Enter in the search box opens it.
    assert fact["score"] > 0
    # Its timing is fields now (recurs, weekday, time), worded by the one module every output uses.
    playbook = load_playbook(ROOT / "data")
    when = wording.when(playbook.communications["steering-committee"], views.phase_titles(playbook))
    assert wording.sentence_start(when).rstrip(".") in fact["text"]
    assert "Run by the implementation project manager" in fact["text"]


def test_how_long_shows_the_phase_duration_from_data(ask, any_site):
    hypercare = _process("hypercare")
    fact = ask(any_site, "how long does hypercare take")
    assert fact is not None and fact["href"].endswith("phases/hypercare/#phase-hypercare")
    assert hypercare["phase"]["typical_duration"] in fact["text"]


def test_who_shows_the_activity_row_of_the_matrix(ask, any_site):
    process = _process("kickoff")
    activity = next(a for a in process["activities"] if a["id"] == "kickoff-confirm-attendees")
    fact = ask(any_site, "who books the kickoff")
    assert fact is not None and fact["href"].endswith("phases/kickoff/#kickoff-confirm-attendees")
    assert fact["title"] == activity["title"]
    assert "Accountable: implementation project manager" in fact["text"]
    assert "Responsible: customer project lead" in fact["text"]


def test_what_a_role_does_shows_its_summary(ask, any_site):
    role = next(r for r in _data("roles.yml")["roles"] if r["id"] == "account-manager")
    fact = ask(any_site, "what does the account manager do")
    assert fact is not None and fact["href"].endswith("roles/account-manager/")
    assert " ".join(role["summary"].split())[:60] in fact["text"]


def test_what_the_customer_brings_links_the_needs_page(ask, customer_site):
    testing = _process("testing")
    fact = ask(customer_site, "what do you need from us for testing")
    assert fact is not None and fact["href"].endswith("what-we-need-from-you/#needs-testing")
    assert " ".join(testing["phase"]["customer_contribution"].split())[:50] in fact["text"]


@pytest.mark.parametrize(("question", "row"), [
    ("when is the progress report sent", "communication-weekly-status-report"),
    ("how often is the leadership meeting", "communication-steering-committee"),
])
def test_a_readers_word_for_the_subject_asks_for_its_fact(ask, any_site, question, row):
    # "progress report" and "leadership meeting" are the related words of a synonym group
    # (data/search-synonyms.yml): they name the status report and the steering committee as the
    # pages' own words do.
    fact = ask(any_site, question)
    assert fact is not None and fact["href"].endswith(f"communication-plan/#{row}")


@pytest.mark.parametrize("question", [
    "who is responsible",                       # a frame with no subject
    "how long",
    "steering committee",                       # a subject with no frame
    "how often do we review the kickoff risks",  # words of no one subject
    "who signs off",                            # names many activities equally
])
def test_a_question_that_names_no_one_subject_shows_no_fact(ask, any_site, question):
    assert ask(any_site, question) is None


def test_the_customer_site_never_shows_an_internal_role(ask, internal_site, customer_site):
    assert ask(internal_site, "what does the resource manager do") is not None
    assert ask(customer_site, "what does the resource manager do") is None
