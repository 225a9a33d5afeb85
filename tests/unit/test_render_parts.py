"""How a site is cut into parts and put back together (playbook/render/parts.py); the engine's
side of it is tested against the engine in tests/site_builds/test_render_parts.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from playbook.model.handover import Handover, MacroSite, Split, StagedPage
from playbook.render import parts


def _manifest(count: int, splittable: bool = True) -> Handover:
    return Handover(audience="internal", site_url="https://x.example/",
                    pages={f"p{i:04}.md": StagedPage(url=f"p{i:04}/", source=f"docs/p{i:04}.md", body_start=1)
                           for i in range(count)},
                    split=Split() if splittable else None, macros=MacroSite(audience="internal"))


def test_a_part_per_four_hundred_pages_and_no_more_parts_than_cores(monkeypatch):
    monkeypatch.delenv(parts.PARTS_VARIABLE, raising=False)
    assert parts.part_count(_manifest(60), cores=8) == 1
    assert parts.part_count(_manifest(1000), cores=8) == 3
    assert parts.part_count(_manifest(1000), cores=2) == 2
    assert parts.part_count(_manifest(1000, splittable=False), cores=8) == 1


def test_the_variable_sets_the_count_but_never_above_the_pages(monkeypatch):
    monkeypatch.setenv(parts.PARTS_VARIABLE, "3")
    assert parts.part_count(_manifest(60), cores=1) == 3
    assert parts.part_count(_manifest(2), cores=1) == 2
    assert parts.part_count(_manifest(60, splittable=False), cores=1) == 1
    for unusable in ("0", "-2", "many", ""):
        monkeypatch.setenv(parts.PARTS_VARIABLE, unusable)
        assert parts.part_count(_manifest(60), cores=4) == 1


def test_pages_are_cut_into_runs_of_about_the_same_cost(tmp_path: Path):
    sizes = [100] * 30 + [60_000] + [100] * 30 + [5_000] * 10
    pages = [f"p{i:02}.md" for i in range(len(sizes))]
    for page, size in zip(pages, sizes, strict=True):
        (tmp_path / page).write_text("x" * size, encoding="utf-8")
    runs = parts._split(pages, tmp_path, 2)
    assert [page for run in runs for page in run] == pages  # each page once, in order
    costs = [parts._PAGE_COST + size for size in sizes]
    run_costs = [sum(costs[pages.index(p)] for p in run) for run in runs]
    # Runs of neighbours can be no closer than the dearest page.
    assert max(run_costs) - min(run_costs) <= max(costs)


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}
</urlset>"""


def _entry(loc: str) -> str:
    return f"\n    <url>\n         <loc>{loc}</loc>\n         <lastmod>2026-11-30</lastmod>\n    </url>"


def test_sitemaps_merge_in_page_order_each_address_once():
    first = SITEMAP.format(_entry("https://x.example/") + _entry("https://x.example/c/"))
    second = SITEMAP.format(_entry("https://x.example/") + _entry("https://x.example/b/?q=1&amp;r=2"))
    order = {"https://x.example/": 0, "https://x.example/b/?q=1&r=2": 1, "https://x.example/c/": 2}
    merged = parts.merged_sitemap([first, second], order)
    assert merged == SITEMAP.format(_entry("https://x.example/") + _entry("https://x.example/b/?q=1&amp;r=2")
                                    + _entry("https://x.example/c/"))


def test_an_address_the_order_does_not_know_keeps_its_place_after_the_others():
    first = SITEMAP.format(_entry("https://x.example/unknown/") + _entry("https://x.example/a/"))
    merged = parts.merged_sitemap([first], {"https://x.example/a/": 0})
    assert merged.index("/a/") < merged.index("/unknown/")


@pytest.mark.parametrize("path, pattern", [("a b.md", "/a b.md"), ("x[1]*?.md", "/x\\[1\\]\\*\\?.md"),
                                           ("end .md", "/end .md"), ("folder /a.md", "/folder\\ /")])
def test_names_are_written_as_patterns_that_match_them_alone(path, pattern):
    assert parts.patterns({path}, [path, "kept.md"]) == [pattern]


def test_a_folder_with_both_index_pages_keeps_them_together_in_every_part():
    pages = {"index.md", "a/index.md", "a/README.md", "a/x.md", "b/README.md", "c/index.md"}
    assert parts._index_pairs(pages) == {"a/index.md", "a/README.md"}
