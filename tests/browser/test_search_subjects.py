"""A page that names the question's subject ranks above a page that only mentions it (issue 24,
item 3), tested on pairs built from the real sites.

Each subject is a title or a section heading of the real site, asked as a question: its words,
read as search reads them (stems, synonym groups, stop words left out). A page *names* it when its
title (with its search terms), or one of its headings read with its title, holds every one of
them; a page *mentions* it when it holds every one somewhere, but not so: in a role's description,
a row of a table about something else. Wherever both kinds of page are among the results, every
page that names the subject must come before every page that only mentions it. The worker ranks
so by construction (overrides/assets/playbook/search-worker.js, withoutRepeats); this test says
the rule holds over every such subject of both sites, not only over the questions it was tuned on.

The worker is asked directly (its full list of results, not only the ten Material shows), with a
space after the question, so the last word is read as typed whole and not also as the start of a
longer word.
"""
from __future__ import annotations

import pytest
import yaml

from playbook.search import words
from playbook.search.words import Synonyms
from tests import search_worker as worker
from tests.browser.conftest import Visitor
from tests.search_files import SearchFiles
from tests.sites import ROOT

pytestmark = pytest.mark.browser

# Subjects of one to three words are what readers ask about by name; longer headings are
# sentences ("What the sponsor does phase by phase") whose every word no other page names.
MOST_WORDS = 4
# The rule must have been tested on at least this many subjects of each site that have both a
# naming page and a mentioning page among their results.
LEAST_SUBJECTS = 50

def _frames() -> list[tuple[str, ...]]:
    """The phrases that make a question one about a fact (data/search-frames.yml), as stems: the
    worker reads a question holding one without the frame's words ("How often ... meet"), and
    this test leaves such headings out rather than read them as the worker does."""
    frames = yaml.safe_load((ROOT / "data" / "search-frames.yml").read_text(encoding="utf-8"))["frames"]
    return [tuple(w.stem for w in words.words(phrase) if not w.extra) for frame in frames for phrase in frame["words"]]


class Site:
    """What the real site's split index says of each page: the tokens its title and search
    terms hold, those of each of its headings, and those it holds anywhere."""

    def __init__(self, site) -> None:
        self.files = SearchFiles(site.root)
        self.config = self.files.config
        self.synonyms = Synonyms(self.config["synonyms"])
        self.related: dict[tuple[str, ...], list[str]] = {}  # a related phrase's stems -> its groups
        for n, group in enumerate(self.config["synonyms"]):
            for phrase in group.get("related") or ():
                key = tuple(w.stem for w in words.words(phrase) if not w.extra)
                self.related.setdefault(key, []).append(f"={n}")
        self.paths = [row[0] for row in self.files.meta["pages"]]
        self.titles = [row[1] for row in self.files.meta["pages"]]

    def pages(self, token: str, kind: str, step: int) -> list[int]:
        """The pages (or [page, section] pairs) a token's postings list under one kind."""
        numbers = self.files.posting(token).get(kind, [])
        found, at = [], 0
        for k in range(0, len(numbers), step):
            at += numbers[k]
            found.append(at if step == 1 else (at, numbers[k + 1]))
        return found

    def terms(self, text: str) -> list[set[str]] | None:
        """The terms of a question as the worker's parse() reads a question typed whole, each as
        the tokens that count for it: a synonym group's words count by the group (a single word
        by its own stem too), a hyphenated word by its joined spelling when some page holds it
        (else by its parts), a reader's related word by its group too. None when the question is
        a frame's (a question about a fact), too long, or holds a related phrase of several
        words, which this reading leaves out."""
        listed = words.words(text)
        plain = [w for w in listed if not w.extra]
        stems = [w.stem for w in plain]
        if any(stems[k:k + len(frame)] == list(frame) for frame in FRAMES for k in range(len(stems))):
            return None
        if any(len(key) > 1 and stems[k:k + len(key)] == list(key) for key in self.related for k in range(len(stems))):
            return None
        terms: list[tuple[int, int, set[str]]] = []  # (first word, end, tokens), in the worker's order
        covered: set[int] = set()
        for start, end, token in self.synonyms.find(plain):
            terms.append((start, end, {token, plain[start].stem} if end - start == 1 else {token}))
            covered.update(range(start, end))
        for joined in (w for w in listed if w.extra):
            parts = [k for k, w in enumerate(plain) if w.typed == joined.typed and k not in covered]
            if len(parts) > 1 and self.pages(joined.stem, "w", 2):
                terms.append((parts[0], parts[-1] + 1, {joined.stem}))
                covered.update(parts)
        terms += [(k, k + 1, {w.stem}) for k, w in enumerate(plain)
                  if k not in covered and w.surface not in words.STOP_WORDS]
        for k, stem in enumerate(stems):
            for group in self.related.get((stem,), ()):
                at = next((tokens for start, end, tokens in terms if start <= k < end), None)
                if at is None:
                    terms.append((k, k + 1, at := set()))
                at.add(group)
        if not terms or len(terms) > MOST_WORDS:
            return None
        return [tokens for _, _, tokens in terms]

    def naming_and_mentioning(self, terms: list[set[str]]) -> tuple[set[str], set[str]]:
        """The pages naming the subject and the pages only mentioning it."""
        own = [set().union(*(self.pages(t, "o", 1) for t in term)) for term in terms]
        headings = [set().union(*(self.pages(t, "s", 2) for t in term)) for term in terms]
        anywhere = [{page for t in term for page, _weight in self.pages(t, "w", 2)} for term in terms]
        sections = set().union(*headings)
        naming = {page for page in range(len(self.paths)) if all(page in o for o in own)}
        naming |= {page for page, section in sections
                   if all(page in o or (page, section) in h for o, h in zip(own, headings, strict=True))}
        mentioning = set.intersection(*anywhere) - naming
        return {self.paths[p] for p in naming}, {self.paths[p] for p in mentioning}


FRAMES = _frames()


@pytest.mark.parametrize("site_name", ["internal_site", "customer_site"])
def test_a_page_naming_the_subject_ranks_above_one_that_only_mentions_it(request, browser, site_name):
    served = request.getfixturevalue(site_name)
    site = Site(served)
    subjects: dict[str, list[set[str]]] = {}
    for title in [*site.titles, *(doc["title"] for doc in site.files.docs)]:
        text = " ".join(words.plain(title).split())
        terms = site.terms(text)
        if terms and text.lower() not in (s.lower() for s in subjects):
            subjects[text] = terms
    visitor = Visitor(browser, served)
    visitor.open("")
    results = [worker.pages(found) for found in worker.ask(visitor.page, site.config,
                                                            [subject + " " for subject in subjects])]
    visitor.close()
    assert not visitor.outside and not visitor.errors, (visitor.outside, visitor.errors)

    tested, broken = 0, []
    for (subject, terms), ranked in zip(subjects.items(), results, strict=True):
        naming, mentioning = site.naming_and_mentioning(terms)
        shown_naming = [ranked.index(p) for p in naming if p in ranked]
        shown_mentioning = [ranked.index(p) for p in mentioning if p in ranked]
        if not shown_naming or not shown_mentioning:
            continue
        tested += 1
        if max(shown_naming) > min(shown_mentioning):
            below = ranked[max(shown_naming)]
            above = ranked[min(shown_mentioning)]
            broken.append(f"{subject!r}: {below} names it but ranks below {above}, which only mentions it")
    assert not broken, "\n".join(broken)
    assert tested >= LEAST_SUBJECTS, f"only {tested} subjects had both kinds of page among their results"
