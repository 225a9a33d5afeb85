"""Text the stage writes for the engine and its theme: escaped titles and front matter.

The theme prints page titles, nav titles and the site name as they are, into HTML text and
attributes; mkdocs-macros renders a title that holds a Jinja delimiter. So a title from an
author or from data is written with every character that could start markup, end an
attribute or open a Jinja expression turned into a character reference, which shows as itself.
"""
from __future__ import annotations

import json
from typing import Any


def escape_text(value: str) -> str:
    return (value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")
            .replace("{", "&#123;").replace("}", "&#125;"))


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
