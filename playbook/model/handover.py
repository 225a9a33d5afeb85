"""What the stage hands the render step: one typed model, written and read here, nowhere else.

The stage writes it into the staged tree as stage.json, beside the site's config and the data
the macros read (playbook.json). The render step reads it to check and index what the engine
wrote; the macros module the engine loads reads the part that concerns it (`macros`). A field
is added here or nowhere: a key read by name from a dict is a hand-over nobody declared.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict


class _Handed(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StagedPage(_Handed):
    """A page of the staged tree, by its path in the staged docs/."""

    url: str                       # its address from the site root: '' (home), 'a/b/' or 'a/b.html'
    source: str                    # the file an author edits to change it
    body_start: int                # the staged file's line where the body starts
    line_map: tuple[int, ...] = ()  # for each body line, the source file's line (0: a line the stage added)
    title: str | None = None
    terms: tuple[str, ...] = ()    # its search terms for this site
    boost: float | None = None
    exclude: bool = False          # built, but kept out of search

    def source_line(self, staged_line: int) -> int | None:
        """The source file's line for a line of the staged file, when it came from one."""
        index = staged_line - self.body_start
        return (self.line_map[index] or None) if 0 <= index < len(self.line_map) else None


class SectionLink(_Handed):
    """A link to a section of a page, checked once the engine has written the target's ids."""

    source: str   # the file it was written in
    line: int
    target: str   # the staged page it points to
    anchor: str
    written: str  # the link as written, for messages


class SynonymGroup(_Handed):
    """Words search reads as one (`words`), and readers' words that find them a little lower."""

    words: tuple[str, ...]
    related: tuple[str, ...] = ()


class Split(_Handed):
    """What rendering the site in parts needs (playbook.render.parts)."""

    untitled_in_nav: tuple[str, ...] = ()  # pages the nav names without a title: every part reads them
    exclude_docs: str = ""                  # the authors' own exclusions, kept in every part


class MacroSite(_Handed):
    """What the macros module needs to link pages: each page by its path in docs/ as data names it."""

    audience: Literal["internal", "customer"]
    use_directory_urls: bool = True
    page_urls: dict[str, str] = {}
    page_titles: dict[str, str] = {}
    feed: str | None = None


class Handover(_Handed):
    FILE: ClassVar[str] = "stage.json"
    PLAYBOOK_FILE: ClassVar[str] = "playbook.json"   # the audience's data, which the macros read

    audience: Literal["internal", "customer"]
    site_url: str
    use_directory_urls: bool = True
    offline: bool = False          # the customer bundle: pages read from disk
    pages: dict[str, StagedPage]
    section_links: tuple[SectionLink, ...] = ()
    redirects: tuple[str, ...] = ()  # files the stage wrote as redirect pages (short links, old addresses)
    search_synonyms: tuple[SynonymGroup, ...] = ()
    split: Split | None = None     # None: the site is rendered by one engine process
    macros: MacroSite

    def dump(self) -> bytes:
        return (self.model_dump_json(indent=1) + "\n").encode()

    @classmethod
    def read(cls, staged_root: Path) -> Handover:
        return cls.model_validate_json((Path(staged_root) / cls.FILE).read_bytes())
