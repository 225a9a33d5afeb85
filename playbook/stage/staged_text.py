"""Text the stage writes for the engine and its theme: escaped values and front matter.

The theme prints page titles, nav titles, the site name and everything under `extra` and a
page's `pb` facts as they are, into HTML text and attributes (MkDocs' Jinja environment does
not autoescape); mkdocs-macros renders a title that holds a Jinja delimiter. So a value from
an author or from data is written with every character that could start markup, end an
attribute or open a Jinja expression turned into a character reference, which shows as itself
(escape_text).

Values a page's own Jinja can also print into its Markdown (`{{ brand.firm_name }}`,
`{{ config.site_name }}`, the page's facts) land in Markdown before they land in HTML; there
`[text](javascript:...)` or `![x](...)` would become a link or an image. inert_text also turns
square brackets into character references, which leaves Markdown no way to make one (raw HTML
and autolinks need a `<`, already a reference): the reader sees the same characters in either
place. Nothing more is turned, because the theme escapes some of these values once more in
attributes (`title="{{ config.site_name | e }}"`), where a reference shows as written.
"""
from __future__ import annotations

import json
from typing import Any

_HTML_AND_JINJA = {ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;",
                   ord("{"): "&#123;", ord("}"): "&#125;"}
_MARKDOWN = {ord("["): "&#91;", ord("]"): "&#93;"}
_INERT = {**_HTML_AND_JINJA, **_MARKDOWN}


def escape_text(value: str) -> str:
    """For HTML text and quoted attributes, and safe from Jinja."""
    return value.translate(_HTML_AND_JINJA)


def inert_text(value: str) -> str:
    """escape_text, and no link or image in Markdown: for values a page's Jinja may print into its text."""
    return value.translate(_INERT)


def inert(value: Any) -> Any:
    """inert_text applied to every string of a value made of dicts, lists and strings."""
    if isinstance(value, str):
        return inert_text(value)
    if isinstance(value, dict):
        return {key: inert(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [inert(item) for item in value]
    return value


# Characters Markdown would read as syntax, and those HTML would read as markup, in a heading the
# stage writes from data (a role's title): as character references they show as themselves.
_MARKDOWN = {ord(c): f"&#{ord(c)};" for c in "[]()*_`\\!#~|{}<>&"}


def markdown_text(value: str) -> str:
    """Text from data, to sit in Markdown the stage writes (a heading), shown exactly as written."""
    return value.translate(_MARKDOWN)


def front_matter(values: dict[str, Any]) -> str:
    """A staged page's front matter. Written as JSON, which is YAML too (a flow mapping), so every
    engine reads it with its YAML loader; JSON is written by C code, where PyYAML's emitter is
    pure Python and was nearly half the time of staging a large playbook."""
    return "---\n" + json.dumps(values, ensure_ascii=False, separators=(",", ":")) + "\n---\n"
