"""MkDocs hook: front matter `search_terms` into Material's search index, per audience.

Material's search plugin writes search/search_index.json in on_post_build; this hook runs after
it (lower priority) and before the offline plugin turns the file into JavaScript (priority -100),
adds each page's terms with playbook.search_terms, and rewrites the file only if that changed it.
Listed in mkdocs.yml after hooks/playbook_site.py.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import playbook_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from playbook.render import search_terms

log = logging.getLogger("mkdocs.plugins.playbook.search")

_terms: dict[str, list[str]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _terms.clear()  # every `mkdocs serve` rebuild starts afresh
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    """The page's search terms this site may show (read and checked with its front matter by
    hooks/playbook_site.py): customer terms on both sites, the others on the internal site only."""
    site = playbook_site.current_site()
    meta = site.page_meta.get(page.file.src_uri)
    terms = meta.values.search_terms.for_site(site.audience) if meta and meta.values.search_terms else ()
    if terms:
        _terms[page.url] = list(terms)
    return markdown


@event_priority(-50)  # after Material's search plugin (0), before the offline plugin (-100)
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not _terms or not path.is_file():
        return  # no page declares synonyms, or search is disabled: Material's index stays as written
    before = path.read_text(encoding="utf-8")
    after = search_terms.dumps(search_terms.add_terms(json.loads(before), _terms))
    if after != before:
        path.write_text(after, encoding="utf-8")

