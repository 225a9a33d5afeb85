"""MkDocs hook and Markdown extension: blocks of HTML the playbook's templates drew, passed through untouched.

A matrix, a checklist or a role card is finished HTML by the time a macro returns it. Left in
the page's Markdown, it would be parsed twice more before it reaches the page unchanged: once by
MkDocs (looking for anchor ids) and once by Markdown's raw-HTML preprocessor (looking for where
the block ends). At handbook scale that re-parsing was a quarter of the internal build.

So a macro hands its HTML to `hold()`, which returns a one-line token; the macro puts the token
in the page where the HTML belongs. When Markdown converts the page, this extension swaps each
token for a slot in Markdown's own raw-HTML stash, the very place the raw-HTML preprocessor puts
a block, so the page comes out exactly as before. The ids the blocks carry are handed back with
`anchor_ids_of_page()`, for MkDocs' check of links to `page.md#anchor`.

One extension instance serves one build; tokens are numbered per page and forgotten when the
next page starts. Listed in mkdocs.yml after hooks/playbook_site.py, whose macros it gives the
`hold` to. Without this hook (or with PLAYBOOK_SPEEDUPS=off) the macros write their HTML into
the Markdown as before, and the site comes out the same, only slower.
"""
from __future__ import annotations

import os
import re
from html import unescape

import playbook_site
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# After whitespace normalisation (30), before MkDocs' anchor scan (21) and Markdown's raw-HTML
# preprocessor (20): by then, no token is left for them to read through.
PRIORITY = 25

# What MkDocs counts as an anchor in raw HTML: any tag's id, and <a name="...">. The templates
# always double-quote and escape attribute values, so no value holds a `>` or `"` and a regex
# reads their tags as surely as a parser would.
_START_TAG = re.compile(r'<([a-zA-Z][^\s/>]*)(\s[^>]*)>')
_ATTRIBUTE = re.compile(r'(?<=\s)(id|name)="([^"]*)"')


class PrerenderedHtml(Extension):
    def __init__(self) -> None:
        super().__init__()
        self._held: dict[str, str] = {}
        self._swapped: list[str] = []
        self._page_number = 0

    def start_page(self) -> None:
        """A new page begins: tokens of the last one are dropped, so memory stays one page deep."""
        self._held.clear()
        self._swapped.clear()
        self._page_number += 1

    def hold(self, html: str) -> str:
        """A token standing for `html`, to be put on a line of its own between blank lines."""
        token = f"playbook-prerendered-{self._page_number}-{len(self._held)}-end"
        self._held[token] = html
        return token

    def anchor_ids_of_page(self) -> set[str]:
        """The ids in the blocks the last conversion swapped in."""
        ids = set()
        for html in self._swapped:
            for tag in _START_TAG.finditer(html):
                for name, value in _ATTRIBUTE.findall(tag.group(2)):
                    if name == "id" or tag.group(1).lower() == "a":
                        ids.add(unescape(value))
        return ids

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_SwapTokens(md, self), "playbook_prerendered", PRIORITY)


class _SwapTokens(Preprocessor):
    def __init__(self, md: Markdown, extension: PrerenderedHtml) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        held = self.extension._held
        if not held:
            return lines
        out = []
        for line in lines:
            token = line.strip()
            html = held.get(token)
            if html is None:
                out.append(line)
                continue
            self.extension._swapped.append(html)
            # The raw-HTML preprocessor keeps the line break that ends a block; so does this,
            # and the page is byte for byte what it was when Markdown parsed the block itself.
            out.append(line.replace(token, self.md.htmlStash.store(html + "\n")))
        return out


# -- the hook -------------------------------------------------------------------------------

_extension: PrerenderedHtml | None = None


def speedups_enabled() -> bool:
    """PLAYBOOK_SPEEDUPS=off builds without the speed adapters: to prove they change nothing."""
    return os.environ.get("PLAYBOOK_SPEEDUPS", "on").lower() not in ("off", "0", "false", "no")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _extension
    _extension = None
    if not speedups_enabled():
        return config
    _extension = PrerenderedHtml()  # a fresh one per build: `mkdocs serve` rebuilds start clean
    config.markdown_extensions.append(_extension)
    playbook_site.current_site().macros.hold = _extension.hold
    return config


@event_priority(90)  # before mkdocs-macros (0) renders the page's macros
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _extension is not None:
        _extension.start_page()
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """MkDocs found the anchors of the page's own Markdown; those of the drawn blocks join them,
    for its check of links to `page.md#anchor` (run once every page is converted)."""
    if _extension is not None:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | _extension.anchor_ids_of_page()
    return html
