"""MkDocs hook: every page that data names exists in docs/.

Process pages, communication templates, the pages behind complaint solutions, glossary "more"
pages and the changelog's pages are all checked here, so a renamed page stops the build instead
of quietly dropping a link from a table. Listed in mkdocs.yml after
hooks/playbook_site.py, whose on_files has by then decided which pages this site has.
"""
from __future__ import annotations

import logging

import playbook_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from playbook.load.rules import missing_pages

log = logging.getLogger("mkdocs.plugins.playbook.pages")


@event_priority(-10)  # after playbook_site.on_files has removed the pages this site may not show
def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = playbook_site.current_site()
    for problem in missing_pages(site.everything, lambda page: files.get_file_from_path(page) is not None,
                                 site.removed_pages):
        log.error(str(problem))
    return files
