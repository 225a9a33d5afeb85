"""MkDocs hook: every glossary term shows its meaning when a reader hovers over it, on every page.

The terms live once, in data/glossary.yml. This hook appends Markdown `abbr` definitions
(`*[RACI]: ...`) for the terms a page uses to the end of that page's Markdown; the abbr extension
turns each use into <abbr title="...">, and Material's content.tooltips shows the title as a
tooltip. It runs after the macros have rendered (so the definitions never pass through Jinja)
and only adds terms the site's audience may see. Markup drawn by the playbook's own templates
(matrices, checklists) is raw HTML, which Markdown leaves alone, so terms inside it get no
tooltip. Listed in mkdocs.yml after hooks/playbook_site.py.
"""
from __future__ import annotations

import playbook_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook.render import views
from playbook.stage import markdown_text

_abbreviations: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The glossary this site may show, worked out once per build rather than once per page."""
    global _abbreviations
    _abbreviations = views.abbreviations(playbook_site.current_site().visible)
    return config


@event_priority(-90)  # after mkdocs-macros has rendered the page (priority 0)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown_text.append_abbreviations(markdown, _abbreviations)
