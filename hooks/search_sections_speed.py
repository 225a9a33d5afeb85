"""MkDocs hook: Material's search index, built with playbook.search_sections instead of html.parser.

Material's search plugin cuts every page into sections with a parser built on Python's
html.parser; at handbook scale that was a third of the internal build. This hook keeps the
plugin, its settings, its JSON and its serve-time behaviour, and swaps only the step that reads
a page's HTML: `SearchIndex.add_entry_from_context`, replaced on the plugin's own index object
with the same steps over playbook.search_sections.split_sections, which gives the same sections
(tests/unit/test_search_sections.py compares the two parsers; tests/site_builds/
test_speed_adapters.py compares the real sites' search index with and without this hook).

Listed in mkdocs.yml after hooks/playbook_site.py. Without it (or with PLAYBOOK_SPEEDUPS=off),
the site is the same, only slower.
"""
from __future__ import annotations

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from prerendered_html import speedups_enabled

from playbook.render.search_sections import split_sections


@event_priority(-100)  # after Material's search plugin has made this build's index in its on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if not isinstance(index, SearchIndex) or not search.config.enabled or not speedups_enabled():
        return config  # search is off, or not Material's: nothing to speed up
    create_entry = index.create_entry_for_section

    def add_entry_from_context(page: Page) -> None:
        """Material's SearchIndex.add_entry_from_context, reading the HTML with split_sections."""
        if (page.meta.get("search") or {}).get("exclude"):
            return
        for section in split_sections(page.content):
            if not section.excluded:
                create_entry(section, page.toc, page.url, page)

    index.add_entry_from_context = add_entry_from_context
    return config
