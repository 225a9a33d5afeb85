"""Checks that fail when content rots: pages nobody can reach, headings with nothing under them,
placeholder words, data nobody shows, templates no phase links to, a playbook that shrinks.

Each rule reads the built internal site (what readers get) or the sources (what authors write),
and lists every offender at once.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from playbook.load.data_folder import load_playbook
from playbook.load.mkdocs_yml import read_mkdocs_yml
from tests import html
from tests.sites import ROOT

pytestmark = pytest.mark.build

PLAYBOOK = load_playbook(ROOT / "data")
DOCS = ROOT / "docs"
PLACEHOLDER = re.compile(r"\b(TBD|TODO|lorem|ipsum|FIXME|XXX)\b", re.IGNORECASE)
_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.DOTALL)


def built_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html")
            # teams/: the Teams tab's own page (playbook/hosting/teams_tab.py), not a page of the playbook
            if p.relative_to(site).parts[0] not in ("search", "assets", "go", "teams")
            and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:2000]]


def article(page_html: str) -> str:
    start = page_html.find("<article")
    return page_html[start: page_html.find("</article>", start)] if start >= 0 else ""


def _pages_in(nav: list) -> set[str]:
    found: set[str] = set()
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found |= _pages_in(target) if isinstance(target, list) else {target}
    return found


def test_every_page_is_reachable_from_the_navigation(real_sites):
    for audience in ("internal", "customer"):
        staged = real_sites.work / "build" / audience
        config, _problems = read_mkdocs_yml(staged / "mkdocs.yml")
        in_nav = _pages_in(config["nav"])
        pages = {p.relative_to(staged / "docs").as_posix() for p in (staged / "docs").rglob("*.md")}
        assert sorted(pages - in_nav) == [], f"{audience} pages missing from the nav in mkdocs.yml"
        assert sorted(in_nav - pages) == [], f"{audience} nav entries without a page"


def test_no_heading_is_left_without_content(real_internal_site):
    empty = []
    for path in built_pages(real_internal_site.site):
        body = article(path.read_text(encoding="utf-8"))
        headings = list(_HEADING.finditer(body))
        for here, after in zip(headings, headings[1:] + [None], strict=True):
            between = body[here.end(): after.start() if after else len(body)]
            has_content = html.text(between) or re.search(r"<(table|div|ul|ol|pre|img|dl)\b", between)
            deeper_follows = after is not None and int(after.group(1)) > int(here.group(1))
            if not has_content and not deeper_follows:
                empty.append(f"{path.relative_to(real_internal_site.site)}: {html.text(here.group(2))}")
    assert empty == []


def test_no_placeholder_words_in_pages_or_data(real_internal_site):
    found = []
    for source in [*DOCS.rglob("*.md"), *(ROOT / "data").rglob("*.yml")]:
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            if PLACEHOLDER.search(line):
                found.append(f"{source.relative_to(ROOT)}:{number}: {line.strip()}")
    for path in built_pages(real_internal_site.site):
        text = html.text(article(path.read_text(encoding="utf-8")))
        if match := PLACEHOLDER.search(text):
            found.append(f"{path.relative_to(real_internal_site.site)}: '{match.group(0)}'")
    assert found == []


DATA_MARKERS = {
    "processes": 'data-pb-matrix="{}"',
    "checklists": 'id="checklist-{}"',
    "roles": 'data-pb-role-card="{}"',
    "communications": 'data-pb-communication="{}"',
    "change_impacts": 'data-pb-impact="{}"',
    "complaints": 'data-pb-complaint="{}"',
    "agendas": 'data-pb-agenda="{}"',
    "escalation_paths": 'data-pb-escalation="{}"',
    "raid_categories": 'data-pb-raid="{}"',
    "glossary": 'data-pb-term="{}"',
    "standards": 'data-pb-standard="{}"',
}


def test_every_data_id_is_shown_on_some_page(real_internal_site):
    everything = "\n".join(p.read_text(encoding="utf-8") for p in built_pages(real_internal_site.site))
    unused = [f"{kind}: {item}" for kind, marker in DATA_MARKERS.items()
              for item in getattr(PLAYBOOK, kind) if marker.format(item) not in everything]
    assert unused == []


def test_every_template_is_linked_from_a_phase_page(real_internal_site):
    site = real_internal_site.site
    phase_pages = [real_internal_site.page(p.page[:-3] + "/") for p in PLAYBOOK.phases()]
    links = {h for page in phase_pages for h in html.hrefs(page)}
    templates = [p.stem for p in (DOCS / "templates").glob("*.md") if p.stem != "index"]
    assert templates
    assert [t for t in templates if f"../../templates/{t}/" not in links] == []
    for t in templates:
        assert "<pre" in (site / "templates" / t / "index.html").read_text(encoding="utf-8"), f"{t} has nothing to copy"


def test_the_playbook_has_at_least_thirty_pages(real_internal_site):
    assert len(built_pages(real_internal_site.site)) >= 30
