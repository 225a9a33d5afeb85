"""Staged pages a preview keeps between rebuilds, so a one-page edit restages one page.

A staged page depends on its own source and on the site around it: which pages and files the
site holds (for its links), the data and the config (for its macro calls and its passages), the
glossary, and its own facts (review, dates, links to copy). An entry is reused only while all
of those are the same: the page and the data as the very objects a SourcesCache handed back
(a changed file is read into a new object), the rest compared by value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playbook.load.pages import SourcePage
from playbook.load.sources import Sources
from playbook.problems import Problem
from playbook.stage.pages import PageContext, StagedPage, stage_page, staged_path


@dataclass
class _Entry:
    page: SourcePage
    facts: dict[str, Any]
    search_terms: tuple[str, ...]
    staged: StagedPage
    problems: list[Problem]


@dataclass
class PageCache:
    site: tuple = ()
    sources: tuple = ()
    entries: dict[str, _Entry] = field(default_factory=dict)

    def use(self, sources: Sources, context: PageContext) -> None:
        """Start a rebuild: forget every page if anything all pages depend on changed."""
        site = (context.audience, context.home, context.use_directory_urls, frozenset(context.staged_pages),
                frozenset(context.all_pages), frozenset(context.files), frozenset(context.variables),
                tuple(sorted(context.abbreviations.items())), sources.config, sources.settings)
        if site != self.site or not self.sources or self.sources[0] is not sources.playbook:
            self.entries.clear()
        self.site, self.sources = site, (sources.playbook,)

    def stage_page(self, page: SourcePage, context: PageContext) -> tuple[StagedPage, list[Problem]]:
        facts = context.facts(page, staged_path(page.src, context))
        terms = context.search_terms(page)
        entry = self.entries.get(page.src)
        if entry and entry.page is page and entry.facts == facts and entry.search_terms == terms:
            return entry.staged, list(entry.problems)
        staged, problems = stage_page(page, context)
        self.entries[page.src] = _Entry(page, facts, terms, staged, list(problems))
        return staged, problems
