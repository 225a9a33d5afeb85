"""The navigation stays usable while it stays small: every top-level section listed, the current
section open with its pages, the others closed but one click away, breadcrumbs above the page,
and pages far below the 60 KB budget (navigation.prune draws only what a reader can see)."""
from __future__ import annotations

import statistics

import pytest

from tests import html
from tests.html import primary_nav

pytestmark = pytest.mark.build

TOP_LEVEL = ["Home", "What we need from the customer", "Working with customers", "Lifecycle", "Working together",
             "Roles", "Communication plan", "Governance", "Change management", "Templates", "Questions and answers",
             "Using this playbook", "Projects"]


def _top_level_entries(tokens: list[tuple]) -> list[list[tuple]]:
    """The tokens of each <li> directly inside the nav's outermost list."""
    entries, depth, current = [], 0, None
    for token in tokens:
        if token[:2] == ("start", "li"):
            depth += 1
            if depth == 1:
                current = []
                entries.append(current)
        if current is not None and depth >= 1:
            current.append(token)
        if token[:2] == ("end", "li"):
            depth -= 1
    return entries


def _classes(entry: list[tuple]) -> str:
    return dict(entry[0][2]).get("class", "")


def _texts(entry: list[tuple]) -> list[str]:
    return [t[1] for t in entry if t[0] == "text"]


def test_every_section_is_listed_and_only_the_current_one_is_open(real_internal_site):
    entries = _top_level_entries(primary_nav(real_internal_site.page("governance/escalation/")))
    assert [_texts(e)[0] for e in entries] == TOP_LEVEL
    open_sections = [e for e in entries if "md-nav__item--active" in _classes(e)]
    assert [_texts(e)[0] for e in open_sections] == ["Governance"]
    governance = open_sections[0]
    assert ("start", "input", (("class", "md-nav__toggle md-toggle"), ("type", "checkbox"),
                               ("id", "__nav_8"), ("checked", ""))) in governance
    for title in ("RAID log", "Escalation paths", "When the timeline slips", "Go/no-go decision",
                  "Changing the project manager"):
        assert title in _texts(governance)
    # Other sections are closed: their title links to their first page, their pages are not drawn.
    templates = entries[TOP_LEVEL.index("Templates")]
    assert "md-nav__item--pruned" in _classes(templates)
    assert "Weekly status report" not in _texts(templates)
    assert ("start", "a", (("href", "../../templates/"), ("class", "md-nav__link"))) in templates


def test_the_current_page_is_marked_and_shows_its_own_headings(real_internal_site):
    tokens = primary_nav(real_internal_site.page("governance/escalation/"))
    active_links = [t for t in tokens if t[0] == "start" and t[1] == "a"
                    and "md-nav__link--active" in dict(t[2]).get("class", "")]
    assert active_links and dict(active_links[0][2])["href"] == "./"
    assert any(t[0] == "start" and dict(t[2]).get("class") == "md-nav md-nav--secondary" for t in tokens)


def test_breadcrumbs_name_the_section_above_the_page(real_internal_site):
    breadcrumbs = html.between(real_internal_site.page("governance/escalation/"), '<nav class="md-path"', "</nav>")
    assert "Governance" in html.text(breadcrumbs)


def test_pages_stay_far_below_the_page_weight_budget(real_internal_site):
    sizes = [p.stat().st_size for p in real_internal_site.site.rglob("index.html")
             if b'http-equiv="refresh"' not in p.read_bytes()[:2000]]
    assert statistics.median(sizes) < 60 * 1000
