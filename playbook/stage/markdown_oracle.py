"""The real parser as the judge of what the stage removed from a customer page.

playbook.load.passages reads internal passages line by line. However carefully it follows
pymdownx, a page can be written so that the two disagree (an unclosed fence before the
block, a block in a list, HTML that draws the same box). So for every customer page that
mentions the word `internal`, the stage asks Python-Markdown itself, configured with the site's
own extensions: rendered before removal, with every internal box taken out, the page must read
exactly as the page rendered after removal, which must hold no internal box. Any difference
stops the build for that page. The comparison is of the visible text, so anchors that shift
when a heading goes (`notes_1` becoming `notes`) do not count as a difference.

Inline processing is switched off on this private Markdown instance: boxes and the text in
them are decided at block level, and inline work is most of the cost of a conversion.
"""
from __future__ import annotations

import contextlib
import html.parser
import importlib
import os
import signal
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import markdown

# A page the parser has not read in this time holds a construct that makes it loop (pymdownx
# blocks inside a quote can); the page is refused instead of the build hanging.
# PLAYBOOK_STALL_SECONDS, when set, is the limit instead (as for the engine's watchdog).
SECONDS_PER_PAGE = 10


def seconds_per_page() -> float:
    try:
        seconds = float(os.environ.get("PLAYBOOK_STALL_SECONDS", ""))
    except ValueError:
        return SECONDS_PER_PAGE
    return seconds if seconds > 0 else SECONDS_PER_PAGE


class TooSlow(Exception):
    """The parser did not finish reading a page in time."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in the block after seconds. Signals reach only the main thread; elsewhere
    (a preview's rebuild thread) the block runs without a limit."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signal: int, _frame: Any) -> None:
        raise TooSlow()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _VisibleText(html.parser.HTMLParser):
    """The text of an HTML fragment outside every element whose class holds `internal`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.boxes = 0
        self._depth = 0  # >0 while inside an internal box
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = next((value or "" for name, value in attrs if name == "class"), "").lower().split()
        internal = "internal" in classes
        if internal and self._depth == 0:
            self.boxes += 1
        if tag in _VOID:
            return
        self._stack.append(internal)
        self._depth += internal

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._stack:
            return
        self._depth -= self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._depth == 0:
            self.words += data.split()


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


def _callable(value: Any) -> Any:
    """A `!!python/name:` value from mkdocs.yml (kept as a Tagged value), imported, as MkDocs would."""
    tag = getattr(value, "tag", "")
    if not isinstance(tag, str) or not tag.startswith(_PYTHON_NAME):
        return value
    module, _, attribute = tag[len(_PYTHON_NAME):].rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def _resolved(config: Any) -> Any:
    if isinstance(config, Mapping):
        return {key: _resolved(value) for key, value in config.items()}
    if isinstance(config, list):
        return [_resolved(value) for value in config]
    return _callable(config)


class Oracle:
    def __init__(self, extensions: Sequence[str], configs: Mapping[str, Any]) -> None:
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=_resolved(dict(configs)))
        # Our own instance: registries are the extension API Python-Markdown documents.
        if "inline" in self._md.treeprocessors:
            self._md.treeprocessors.deregister("inline")

    def _read(self, text: str) -> _VisibleText:
        self._md.reset()
        reader = _VisibleText()
        reader.feed(self._md.convert(text))
        reader.close()
        return reader

    def removal_agrees(self, original: str, staged: str) -> bool:
        """True when staged is original with exactly its internal boxes taken out. Raises
        TooSlow when the parser cannot read the page in time."""
        with time_limit(seconds_per_page()):
            before, after = self._read(original), self._read(staged)
        return after.boxes == 0 and before.words == after.words
