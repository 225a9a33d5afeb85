"""Small readers of built HTML for assertions: links, anchors, visible text."""
from __future__ import annotations

import html as html_lib
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

_HREF = re.compile(r'href="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def hrefs(page_html: str) -> list[str]:
    return [html_lib.unescape(h) for h in _HREF.findall(page_html)]


def local_target(site: Path, page_path: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor a relative href points at, or None for external/special links."""
    if not href or href.startswith(("http:", "https:", "mailto:", "data:", "javascript:")):
        return None
    path, _, anchor = href.partition("#")
    if not path:
        return page_path, anchor
    resolved = Path(posixpath.normpath((page_path.parent / path).as_posix()))
    if href.split("#")[0].endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, anchor


def ids(page_html: str) -> set[str]:
    return set(_ID.findall(page_html))


def text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"\s+", " ", _TAG.sub(" ", fragment))).strip()


def plain(fragment: str) -> str:
    """Text as written in code: tags removed without adding spaces."""
    return html_lib.unescape(_TAG.sub("", fragment))


def between(page_html: str, start: str, end: str) -> str:
    i = page_html.index(start)
    return page_html[i: page_html.index(end, i)]


class _Tokens(HTMLParser):
    """The nav as a list of start tags (with attributes), end tags and texts, white space folded."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[tuple] = []
        self.depth = 0
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "nav":
            self.depth += 1
        self.tokens.append(("start", tag, tuple((k, " ".join((v or "").split())) for k, v in attrs)))

    def handle_endtag(self, tag):
        if self.done:
            return
        self.tokens.append(("end", tag))
        if tag == "nav":
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data):
        if not self.done and data.split():
            self.tokens.append(("text", " ".join(data.split())))


def primary_nav(page_html: str) -> list[tuple]:
    start = page_html.index('<nav class="md-nav md-nav--primary')
    parser = _Tokens()
    parser.feed(page_html[start:])
    assert parser.done, "the primary nav never closes"
    return parser.tokens
