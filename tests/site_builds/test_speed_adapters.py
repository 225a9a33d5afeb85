"""The speed adapters (hooks/prerendered_html.py, hooks/search_sections_speed.py) make the build
faster and nothing else: the real sites built without them are the same, byte for byte, and
what they take over from MkDocs (anchors inside drawn blocks) still works."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.sites import ROOT, build, build_fixture, fixture_text

pytestmark = pytest.mark.build

SLOW = {"PLAYBOOK_SPEEDUPS": "off"}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _assert_same_site(fast: Path, slow: Path) -> None:
    fast_files, slow_files = _files(fast), _files(slow)
    assert fast_files.keys() == slow_files.keys()
    differing = [name for name in fast_files if fast_files[name] != slow_files[name]
                 # sitemap.xml.gz embeds the time it was compressed; its content must still agree
                 and not (name.endswith(".gz") and gzip.decompress(fast_files[name]) == gzip.decompress(slow_files[name]))]
    assert differing == []
    assert "search/search_index.json" in fast_files


def test_the_internal_site_is_the_same_without_the_speed_adapters(real_internal_site, tmp_path):
    slow = build(ROOT, tmp_path / "internal", "mkdocs.yml", env=SLOW)
    assert slow.ok, slow.output
    _assert_same_site(real_internal_site.site, slow.site)


def test_the_customer_site_is_the_same_without_the_speed_adapters(real_customer_site, tmp_path):
    slow = build(ROOT, tmp_path / "customer", "mkdocs.customer.yml", env=SLOW)
    assert slow.ok, slow.output
    _assert_same_site(real_customer_site.site, slow.site)


def test_a_link_to_an_anchor_inside_a_drawn_checklist_passes_the_strict_build(tmp_path):
    """The checklist's id is in HTML MkDocs never parses now; the adapter tells MkDocs about it."""
    home = fixture_text("docs/index.md") + "\nTick off [the readiness list](onboarding.md#checklist-onboarding-ready).\n"
    result = build_fixture(tmp_path, {"docs/index.md": home})
    assert result.ok, result.output
    assert 'href="onboarding/#checklist-onboarding-ready"' in result.page("")
    assert 'id="checklist-onboarding-ready"' in result.page("onboarding/")


def test_a_link_to_an_anchor_no_drawn_block_has_still_fails(tmp_path):
    home = fixture_text("docs/index.md") + "\nTick off [the readiness list](onboarding.md#checklist-onboarding-reddy).\n"
    result = build_fixture(tmp_path, {"docs/index.md": home})
    assert not result.ok
    assert "#checklist-onboarding-reddy" in result.output
