"""A preview's page cache never changes what is staged, only how fast.

After each edit of a sequence (a page, the data, a page removed that others link to, the
config), staging with the cache kept across the edits must plan exactly the files a fresh stage
plans, with the same problems; and an edit to one page must restage that page alone.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from playbook.load.sources import SourcesCache, load_sources
from playbook.stage import page_cache
from playbook.stage.page_cache import PageCache
from playbook.stage.site import StageOptions, plan_site
from tests.sites import make_project

TODAY = datetime.date(2026, 11, 29)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = [
    ("a page's text", lambda p: _edit(p / "docs/onboarding.md", "# Onboarding", "# Onboarding\n\nNew words.")),
    ("a role in the data", lambda p: _edit(p / "data/roles.yml", "Leads the project on the customer's side.",
                                           "Speaks for the customer.")),
    ("a linked page made internal", lambda p: _edit(p / "docs/onboarding.md", "audience: customer",
                                                    "audience: internal")),
    ("the config", lambda p: _edit(p / "mkdocs.yml", "every_months: 6", "every_months: 2")),
    ("a page removed that the home page links to", lambda p: (p / "docs/onboarding.md").unlink()),
]


@pytest.mark.parametrize("audience", ["internal", "customer"])
def test_staging_with_the_cache_plans_what_a_fresh_stage_plans_after_every_edit(tmp_path, audience):
    project = make_project(tmp_path)
    sources_cache, pages = SourcesCache(), PageCache()
    for what, edit in [("nothing", lambda p: None), *EDITS]:
        edit(project)
        cached = plan_site(load_sources(project, today=TODAY, cache=sources_cache), audience, StageOptions(),
                           cache=pages)
        fresh = plan_site(load_sources(project, today=TODAY), audience, StageOptions())
        assert cached[0] == fresh[0], f"after editing {what}"
        assert [str(p) for p in cached[1]] == [str(p) for p in fresh[1]], f"after editing {what}"


def test_one_page_edit_restages_that_page_alone(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    sources_cache, pages = SourcesCache(), PageCache()
    plan_site(load_sources(project, today=TODAY, cache=sources_cache), "internal", StageOptions(), cache=pages)
    staged = []
    real = page_cache.stage_page
    monkeypatch.setattr(page_cache, "stage_page", lambda page, context: staged.append(page.src) or real(page, context))
    _edit(project / "docs/onboarding.md", "# Onboarding", "# Onboarding\n\nNew words.")
    plan_site(load_sources(project, today=TODAY, cache=sources_cache), "internal", StageOptions(), cache=pages)
    assert staged == ["onboarding.md"]
