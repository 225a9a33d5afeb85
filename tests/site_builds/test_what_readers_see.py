"""Issue 16, "What readers saw": the words on the built pages of both sites, as a reader gets them.
Layout, which only a browser shows, is tested in tests/browser/test_layout.py."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import html

pytestmark = pytest.mark.build

_SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL)


def pages(site: Path) -> dict[str, str]:
    """Every page a reader can open (redirect pages and the search index left out), by path."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text[:2000]:
            found[path.relative_to(site).as_posix()] = text
    return found


def visible(page_html: str) -> str:
    return html.text(_SCRIPT.sub(" ", page_html))


@pytest.fixture(params=["internal", "customer"])
def site(request, real_sites):
    return real_sites.site(request.param)


def test_no_page_shows_template_syntax(site):
    """Defect 1: "Sharing with customers" showed {{ customer_site_url }} as written."""
    shown = {path: re.findall(r"\{\{[^}]*\}\}|\{%[^%]*%\}", visible(text)) for path, text in pages(site.site).items()}
    assert {path: found for path, found in shown.items() if found} == {}


def test_the_sharing_page_gives_the_paragraph_with_real_values(real_internal_site):
    page = visible(real_internal_site.page("sharing-with-customers/"))
    assert ("The implementation follows Meridian Consulting's implementation playbook, published at "
            "https://implementations.meridian.example/.") in page
    assert "https://implementations.meridian.example/go/kickoff/" in page


def test_keyboard_keys_are_drawn_as_keys(site):
    """Defect 2: "Press ++slash++ or ++s++" was shown as written."""
    written = {path: re.findall(r"\+\+[\w+-]+\+\+", visible(text)) for path, text in pages(site.site).items()}
    assert {path: found for path, found in written.items() if found} == {}
    if site.site.name == "internal":
        home = site.page("")
        assert '<kbd class="key-slash">/</kbd>' in home and '<kbd class="key-s">S</kbd>' in home
