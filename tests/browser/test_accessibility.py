"""axe-core on every kind of page of both sites: no serious or critical violation.

axe-core comes from npm (tests/browser/package-lock.json) and is injected by Playwright; the
pages themselves load nothing from outside. Each kind of page is picked from what the build
produced, so new pages (FAQ, templates) are checked as soon as they exist.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

KINDS = ["home", "phase", "role", "template", "faq", "search"]


def _path_for(site, kind: str) -> str | None:
    pages = site.pages()
    if kind in ("home", "search"):
        return ""
    if kind == "phase":
        return "phases/go-live/" if "phases/go-live/" in pages else None
    if kind == "role":
        return next((p for p in pages if p.startswith("roles/") and p.count("/") == 2
                     and not p.startswith("roles/why-")), None)
    if kind == "template":
        return next((p for p in pages if p.startswith("templates/") and p != "templates/"), None)
    if kind == "faq":
        # Employees get the FAQ; customers get the questions customers ask.
        return next((p for p in ("faq/", "customer-questions/") if p in pages), None)
    raise ValueError(kind)


def _serious(axe_source: str, page) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
    }""")
    return result


@pytest.mark.parametrize("kind", KINDS)
def test_no_serious_or_critical_axe_violations(visit, any_site, axe_source, kind):
    path = _path_for(any_site, kind)
    assert path is not None, f"the {any_site.audience} site has no {kind} page to check"
    visitor = visit(any_site)
    page = visitor.open(path)
    if kind == "search":
        visitor.search("go-live checklist")
    elif kind == "phase":
        # The page as it is used: a role picked and an item ticked.
        page.locator("[data-pb-role-select]").first.select_option(index=1)
        page.locator("[data-pb-checklist] input[type=checkbox]").first.check()
    violations = _serious(axe_source, page)
    assert not violations, "\n".join(violations)
