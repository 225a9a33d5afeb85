"""Pages that data items name (a communication's template, the page a complaint's solution lives
on, a glossary term's "more" page) must exist, or the rendered link would silently disappear.

Checked against the whole playbook, so an internal item is checked in the customer build too.
A page the customer build dropped as internal counts as existing: the link is simply not shown
there, as with every other link to an internal page drawn from data.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from playbook.model.facts import Playbook
from playbook.problems import Problem


def missing_pages(playbook: Playbook, exists: Callable[[str], bool], removed: Iterable[str] = ()) -> list[Problem]:
    removed = set(removed)
    problems = []
    for ref in playbook.page_references():
        if ref.page in removed or exists(ref.page):
            continue
        problems.append(ref.source.problem(
            f"{ref.what} '{ref.page}', which does not exist in docs/",
            "correct the path (relative to docs/, such as phases/kickoff.md) or create the page"))
    return problems
