"""The synonym groups a site's search reads: data/search-synonyms.yml and the glossary, merged.

A glossary term is already a declaration that its spellings mean one thing ("UAT" and "User
acceptance testing", "change impact" and "change-impact"), so search uses it without the authors
writing it twice. Groups that share a word are one group, so a synonym group may extend a glossary
term. Only what the site's audience may see is given (the playbook passed in is already the
site's view), and the order is the authors', so the same data always writes the same index.
"""
from __future__ import annotations

from playbook.model.facts import Playbook


def _key(word: str) -> str:
    return " ".join(word.lower().split())


def groups(playbook: Playbook) -> list[dict[str, list[str]]]:
    """[{"words": [...], "related": [...]}]: each group's words are read as one word, on pages
    and in questions; a related word in a question also finds the group."""
    found: list[tuple[list[str], list[str]]] = []
    for term in playbook.glossary.values():
        spellings = [term.term, *([term.expansion] if term.expansion else []), *term.aliases]
        found.append((spellings, []))
    for group in playbook.search_synonyms.values():
        found.append((list(group.words), list(group.related)))
    merged: list[tuple[dict[str, str], dict[str, str]]] = []  # key -> spelling as first written
    for words, related in found:
        keys = {_key(w) for w in words}
        joined = [g for g in merged if keys & set(g[0])]
        target: tuple[dict[str, str], dict[str, str]] = ({}, {})
        for g in joined:
            target[0].update(g[0])
            target[1].update(g[1])
            merged.remove(g)
        for word in words:
            target[0].setdefault(_key(word), word)
        for word in related:
            target[1].setdefault(_key(word), word)
        merged.append(target)
    result = []
    for words, related in merged:
        related_only = [w for k, w in related.items() if k not in words]
        if len(words) + len(related_only) < 2:
            continue  # a glossary term with one spelling: nothing for search to join
        result.append({"words": list(words.values()), "related": related_only})
    return result
