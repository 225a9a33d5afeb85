"""Search synonyms: what a page's front matter adds to Material's offline search index.

People type questions, not titles: "golive checklist", "raid log", "who signs the SOW". A page
answers them only if the index holds those words. A page may therefore declare, in its front
matter,

    search_terms: [golive, launch, cutover]

(employees only; `search_terms: {customer: [...], internal: [...]}` gives the customer site its
own, see playbook/model/page.py) and the words go into the page's entry in
search/search_index.json under a field of their own (`terms`), which Material's search worker
indexes like title and text (it indexes every field listed in the index's config) but never
shows: the page itself stays uncluttered.

A hyphenated term also gets its joined spelling ("go-live" adds "golive"), because the search
tokenizer splits words at hyphens and people type both.

Pure functions: playbook/render/search_index.py feeds them the rendered pages and their staged terms.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

FIELD = "terms"
# Between a title match (1000) and a text match (1): a declared synonym says "this page is
# about that", nearly as strongly as the title does.
FIELD_BOOST = 200.0


def expand(terms: list[str]) -> list[str]:
    """The terms as written, plus joined spellings of hyphenated ones, without duplicates."""
    seen: dict[str, None] = {}
    for term in terms:
        words = " ".join(term.split())
        seen.setdefault(words, None)
        if "-" in words:
            seen.setdefault(words.replace("-", ""), None)
    return list(seen)


def add_terms(index: dict[str, Any], terms_by_location: Mapping[str, list[str]],
              boost: float = FIELD_BOOST) -> dict[str, Any]:
    """The search index with each page's terms on its page entry (the one without '#').

    Section entries are left alone: the terms describe the page, and Material groups a page's
    sections under it in the results. The field is declared in the index config only when some
    page uses it, so a site without synonyms gets Material's index unchanged."""
    docs = []
    used = False
    for doc in index.get("docs", []):
        terms = terms_by_location.get(doc.get("location", ""))
        if terms and "#" not in doc["location"]:
            doc = {**doc, FIELD: " ".join(expand(terms))}
            used = True
        docs.append(doc)
    config = dict(index.get("config", {}))
    if used:
        config["fields"] = {**config.get("fields", {}), FIELD: {"boost": boost}}
    return {**index, "config": config, "docs": docs}


def dumps(index: Mapping[str, Any]) -> str:
    """The index as Material writes it (compact separators, keys in insertion order), so the
    same build always writes the same bytes."""
    return json.dumps(index, separators=(",", ":"), default=str)
