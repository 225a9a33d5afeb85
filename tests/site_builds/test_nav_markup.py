"""overrides/partials/nav.html and nav-item.html draw Material's navigation faster, with the same
markup: every element, attribute and text, only white space aside. Checked on the real playbook
as configured and with the theme features this site does not use today, so turning one on later
cannot silently change the nav."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.html import primary_nav
from tests.sites import ROOT, build

pytestmark = pytest.mark.build

OUR_NAV = ("partials/nav.html", "partials/nav-item.html")
VARIANTS = {
    "as configured": ((), ()),
    "sections": (("navigation.sections",), ()),
    "tabs, sections and expand, without prune": (
        ("navigation.tabs", "navigation.sections", "navigation.expand"), ("navigation.prune",)),
}


def _project(tmp_path: Path, name: str, add: tuple[str, ...], remove: tuple[str, ...], ours: bool) -> Path:
    project = tmp_path / name
    for part in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    if not ours:
        for partial in OUR_NAV:
            (project / "overrides" / partial).unlink()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for feature in remove:
        config = config.replace(f"\n    - {feature}\n", "\n")
    config = config.replace("  features:\n", "  features:\n" + "".join(f"    - {f}\n" for f in add), 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


@pytest.mark.parametrize("variant", VARIANTS.keys())
def test_our_nav_partials_draw_materials_markup(tmp_path, variant):
    add, remove = VARIANTS[variant]
    sites = {}
    for ours in (True, False):
        name = "ours" if ours else "material"
        built = build(_project(tmp_path, name, add, remove, ours), "internal")
        assert built.ok, built.output
        sites[name] = built.internal.site
    pages = sorted(p.relative_to(sites["ours"]) for p in sites["ours"].rglob("index.html")
                   if 'md-nav--primary' in p.read_text(encoding="utf-8"))
    assert len(pages) > 40
    lighter = 0
    for page in pages:
        ours_html = (sites["ours"] / page).read_text(encoding="utf-8")
        material_html = (sites["material"] / page).read_text(encoding="utf-8")
        assert primary_nav(ours_html) == primary_nav(material_html), page
        lighter += len(ours_html) < len(material_html)
    assert lighter == len(pages), "our partials are not in use: pages should lose the nav's white space"
