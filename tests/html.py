"""Small readers of built HTML for assertions: links, anchors, visible text."""
from __future__ import annotations

import html as html_lib
import posixpath
import re
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
