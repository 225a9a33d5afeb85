"""Finished HTML carried through Markdown untouched, in a pymdownx.superfences custom fence.

A matrix, a checklist or a role card is finished HTML by the time a macro returns it. Left in
the page as raw HTML, Python-Markdown and MkDocs would each parse it again before passing it
through unchanged, which at handbook scale was a quarter of a build. A custom fence is the
documented way to hand a Markdown extension a block it must not read: superfences gives the
fence's content to `finished_html`, whose return value goes into Markdown's stash as it is,
before any raw-HTML scan runs. The content travels as base64, so nothing in the data (a line of
backticks, a `///`) can end the fence early.

mkdocs.yml names the formatter as `!!python/name:playbook.present.fences.finished_html`; the
stage adds it to the site's superfences settings.
"""
from __future__ import annotations

import base64
from typing import Any

FENCE = "playbook-html"
FORMATTER = "playbook.present.fences.finished_html"


def fenced(html: str) -> str:
    """html as a fenced block on lines of its own, with blank lines around it."""
    encoded = base64.b64encode(html.encode("utf-8")).decode("ascii")
    return f"\n\n``` {FENCE}\n{encoded}\n```\n\n"


def finished_html(source: str, language: str, class_name: str, options: dict, md: Any, **kwargs: Any) -> str:
    """superfences' custom fence formatter: the HTML the fence carries."""
    return base64.b64decode("".join(source.split())).decode("utf-8")


def superfences_fence() -> dict[str, Any]:
    """The entry to add to pymdownx.superfences' custom_fences (the formatter by dotted name)."""
    return {"name": FENCE, "class": FENCE, "format": FORMATTER}
