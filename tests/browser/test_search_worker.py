"""The playbook's search worker on small indexes written here, in the browser that runs it: how it
cuts a page into passages and how it ranks, each rule on the smallest pages that show it.

The question sets (test_search_questions.py) judge search on the real sites; these tests pin the
rules behind the figures, so a change that breaks one says which."""
from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

from playbook.search import split_index
from tests import search_worker as worker
from tests.browser.conftest import Visitor
from tests.search_worker import pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def ask(browser, internal_site):
    visitor = Visitor(browser, internal_site)
    visitor.open("")
    written = []
    requested: list[str] = []  # the paths the worker fetched, for the tests of what it loads
    visitor.context.on("request", lambda request: requested.append(urlsplit(request.url).path))

    def ask_(docs: list[dict], query: str | list[str], synonyms: list[dict] | None = None):
        """One question's results; for a list of questions, asked in turn of one worker, each's."""
        # The index written by the build's own writer (playbook.search.split_index) into a folder
        # of the served site, each in a folder of its own, so no question reads another's files.
        folder = f"search-test-{len(written)}/"
        config = {"lang": ["en"], "synonyms": synonyms or []}
        files = split_index.build(docs, config, [])
        for name, text in files.scripts.items():
            target = internal_site.root / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        written.append(internal_site.root / folder)
        questions = [query] if isinstance(query, str) else query
        found = worker.ask(visitor.page, {**config, "playbook": {**files.index, "files": folder}}, questions)
        return found[0] if isinstance(query, str) else found

    ask_.requested = requested
    yield ask_
    visitor.close()
    for folder in written:
        shutil.rmtree(folder)
    assert not visitor.outside and not visitor.errors, (visitor.outside, visitor.errors)


def test_an_item_of_a_nested_list_is_a_passage_of_its_own(ask):
    # A role's work phase by phase: a numbered list of phases, each holding a list of activities.
    docs = [{"location": "role/", "title": "Role",
             "text": "<ol><li>Kickoff<ul><li>Run the kickoff</li><li>Book the rooms</li></ul></li>"
                     "<li>Design<ul><li>Sign off the design</li><li>Review the data</li></ul></li></ol>"}]
    (items,) = ask(docs, "review data ")
    # The item alone, back in the list it came from; the phase holding it is a passage of its own.
    assert items[0]["text"] == "<ul><li><mark>Review</mark> the <mark>data</mark></li></ul>"


def test_a_question_is_read_the_same_whatever_was_asked_before_it(ask):
    # "sales" is a word of the site, so it is not also read as the start of "salesperson"; the
    # worker once judged it unknown until an earlier question had read the words starting with s.
    docs = [{"location": "person/", "title": "Salesperson", "text": "<p>The salesperson.</p>"},
            {"location": "deals/", "title": "Deals", "text": "<p>Sales, and more sales.</p>"}]
    alone = ask(docs, "sales ")
    after = ask(docs, ["sal", "sales "])[-1]
    assert pages(alone) == pages(after) == ["deals/"]


def test_a_list_item_is_found_with_the_short_sentence_that_introduces_its_list(ask):
    docs = [{"location": "build/", "title": "Build",
             "text": "<p>Test readiness</p><ul><li>Testers are named.</li><li>Data is loaded.</li></ul>"},
            {"location": "notes/", "title": "Notes",
             "text": "<p>Testers are named for each test. Every readiness review is logged.</p>"}]
    assert pages(ask(docs, "test readiness testers named "))[0] == "build/"


def test_a_passage_copied_onto_several_pages_counts_only_for_the_first(ask):
    # Every role page lists the meetings its role attends, in the same words; the page that says
    # what the meeting is for must not fall below the second and third copy.
    copy = "<ul><li>Internal health review every two weeks</li></ul>"
    docs = [{"location": "roles/director/", "title": "Director", "text": "<p>Owns delivery.</p>" + copy},
            {"location": "roles/manager/", "title": "Manager", "text": "<p>Runs the project.</p>" + copy},
            {"location": "roles/sales/", "title": "Sales", "text": "<p>Sells.</p>" + copy},
            {"location": "governance/", "title": "Governance",
             "text": "<p>The manager runs an internal health review with the director and sales, to look at "
                     "margin and staffing before problems reach the customer.</p>"}]
    found = pages(ask(docs, "internal health review "))
    assert found[1] == "governance/" and sorted(found[:1] + found[2:]) == ["roles/director/", "roles/manager/",
                                                                         "roles/sales/"]



def test_the_frame_of_a_question_about_duties_does_not_decide(ask):
    # The sponsor is named on every page, so "expected", on one page only, was the rarest word of
    # the question and decided it.
    docs = [{"location": "lifecycle/", "title": "Lifecycle",
             "text": "<p>Everyone leaves the kickoff knowing what is expected of them and of the sponsor.</p>"},
            {"location": "roles/sponsor/", "title": "Sponsor",
             "text": "<p>The senior leader who owns the project and approves the go-live.</p>"}]
    docs += [{"location": f"phase-{n}/", "title": f"Phase {n}", "text": f"<p>The sponsor signs phase {n} off.</p>"}
             for n in range(1, 6)]
    assert pages(ask(docs, "what is expected of the sponsor"))[0] == "roles/sponsor/"


def _fetched(ask, kind: str) -> set[str]:
    """The files of one kind (pages, passages, words) the worker fetched for the last question."""
    return {path.split("/search-test-")[1].split("/", 1)[1] for path in ask.requested
            if "/search-test-" in path and f"/{kind}/" in path}


def test_a_long_section_loads_only_the_text_its_snippet_shows(ask):
    # A role page's phase-by-phase section holds thousands of items; the snippet's file is read,
    # not the section's.
    items = "".join(f"<li>Routine step {n}</li>" for n in range(200))
    docs = [{"location": "role/", "title": "Role", "text": "<p>Intro.</p>"},
            {"location": "role/#work", "title": "Work", "text": f"<ul>{items}<li>Feed the zebra</li></ul>"}]
    ask.requested.clear()
    (items_shown,) = ask(docs, "zebra ")
    assert items_shown[1]["text"] == "<ul><li>Feed the <mark>zebra</mark></li></ul>"
    # The page's first file (its sections) and the file of the 202nd passage, 40 to a file.
    assert _fetched(ask, "pages") == {"pages/0.js", f"pages/0-{201 // split_index.PASSAGES_PER_FILE}.js"}


def test_a_word_being_typed_is_completed_without_loading_passages(ask, monkeypatch):
    # Every passage in a file of its own, so the test sees which the worker loads.
    monkeypatch.setattr(split_index, "PASSAGES_INLINE_CHARS", 1)
    docs = [{"location": "zoo/", "title": "Zoo", "text": "<p>Feed the zebra daily.</p>"},
            {"location": "farm/", "title": "Farm", "text": "<p>Milk the cows.</p>"}]
    ask.requested.clear()
    assert pages(ask(docs, "zeb")) == ["zoo/"]
    assert not _fetched(ask, "passages"), "a completion loaded passages"
    ask.requested.clear()
    assert pages(ask(docs, "zebra")) == ["zoo/"]
    assert _fetched(ask, "passages"), "the word typed whole was read without its passages"
