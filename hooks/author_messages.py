"""MkDocs hook: MkDocs' own messages about broken links and anchors, and mkdocs-macros' Jinja
errors, reach the author as `docs/<page>:<line>: what — fix` like every other build message.

A logging filter on the two loggers that emit them rewrites each record in place (its level is
kept, so strict mode still fails the build); playbook/author_messages.py does the rewriting.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from playbook.render.engine_messages import SiteFacts, rewrite

_LOGGERS = ("mkdocs.structure.pages", "mkdocs.plugins.mkdocs_macros.util")


class _AuthorMessages(logging.Filter):
    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir
        self.files: Files | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            better = rewrite(record.getMessage(), SiteFacts(self._read, self._pages(), self._anchors))
            if better is not None:
                record.msg, record.args = better, ()
        return True

    def _read(self, src_uri: str) -> str | None:
        path = self.docs_dir / src_uri
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def _pages(self) -> list[str]:
        return [f.src_uri for f in self.files.documentation_pages()] if self.files else []

    def _anchors(self, src_uri: str) -> list[str]:
        found = self.files.get_file_from_path(src_uri) if self.files else None
        page = found.page if found else None
        return sorted(page.present_anchor_ids or ()) if page else []


_filter: _AuthorMessages | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _filter
    for name in _LOGGERS:  # `mkdocs serve` runs on_config again for every rebuild
        if _filter is not None:
            logging.getLogger(name).removeFilter(_filter)
    _filter = _AuthorMessages(Path(config.docs_dir))
    for name in _LOGGERS:
        logging.getLogger(name).addFilter(_filter)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _filter.files = files
    return files
