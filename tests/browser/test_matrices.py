"""Role matrices people can read: narrowed to one role; from a tablet up the whole matrix in
view (upright role names), its header row in view while a long one scrolls; on a phone each
activity a card of its letters, each named with its role."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "phases/go-live/"
MATRIX = '[data-pb-matrix="go-live"]'
ROLE = "solution-architect"


def test_a_matrix_can_be_narrowed_to_one_role_with_the_keyboard(visit, internal_site):
    page = visit(internal_site).open(PAGE)
    select = page.locator(f"{MATRIX} [data-pb-role-select]")
    assert select.evaluate("s => s.labels[0].textContent.trim().startsWith('Highlight a role')")
    roles = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    headers = page.locator(f"{MATRIX} thead th[data-pb-role]").evaluate_all("ths => ths.map(t => t.dataset.pbRole)")
    assert roles == [""] + headers
    select.focus()
    select.select_option(ROLE)  # what arrow keys on a focused select do, without the popup
    rows = page.locator(f"{MATRIX} tbody tr")
    with_role = [r.get_attribute("id") for r in rows.all()
                 if r.locator(f'td[data-pb-role="{ROLE}"][data-pb-letter]').count()]
    matched = page.locator(f"{MATRIX} tbody tr.pb-is-match").evaluate_all("rs => rs.map(r => r.id)")
    assert matched == with_role and 0 < len(matched) < rows.count()
    assert page.locator(f"{MATRIX} thead th.pb-is-focus").get_attribute("data-pb-role") == ROLE
    assert page.locator(f"{MATRIX} tbody td.pb-is-focus").count() == rows.count()
    status = page.locator(f"{MATRIX} [data-pb-matrix-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == f"Solution architect has a part in {len(matched)} of {rows.count()} activities, highlighted."

    page.keyboard.press("Tab")  # to "Hide activities without this role"
    page.keyboard.press("Space")
    visible = [r.get_attribute("id") for r in rows.all() if r.is_visible()]
    assert visible == with_role

    # The choice follows the reader to the next matrix.
    page.goto(internal_site.url + "phases/hypercare/")
    assert page.locator('[data-pb-matrix="hypercare"] [data-pb-role-select]').input_value() == ROLE


def test_the_header_row_stays_in_view_while_a_long_matrix_scrolls(visit, internal_site):
    page = visit(internal_site, viewport={"width": 1280, "height": 480}).open(PAGE)
    scroller = page.locator(f"{MATRIX} .pb-matrix__scroll")
    assert scroller.evaluate("el => el.scrollHeight > el.clientHeight"), "the matrix should be taller than 75vh here"
    scroller.evaluate("el => el.scrollTop = el.scrollHeight")
    header = page.locator(f"{MATRIX} thead th").first.bounding_box()
    box = scroller.bounding_box()
    assert abs(header["y"] - box["y"]) <= 2


def test_on_a_phone_each_activity_is_a_card_of_its_letters_named_with_their_roles(visit, internal_site):
    """Issue 21: a customer saw a row's A while its R was off to the right. On a phone every
    letter of a row is on screen with it, named with its role, Accountable first."""
    page = visit(internal_site, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).open(PAGE)
    # Against 390 px, not window.innerWidth: a mobile browser widens its layout viewport to fit.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page itself must not scroll sideways"
    scroller = page.locator(f"{MATRIX} .pb-matrix__scroll")
    assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth")
    for row in page.locator(f"{MATRIX} tbody tr").all():
        letters = row.locator("td[data-pb-letter]")
        assert letters.count() >= 2
        shown = letters.evaluate_all("""tds => tds.map(td => {
            const box = td.getBoundingClientRect();
            return {letter: td.dataset.pbLetter, left: box.left, right: box.right, top: box.top,
                    label: getComputedStyle(td, "::after").content};
        })""")
        assert all(0 <= cell["left"] and cell["right"] <= 390 for cell in shown), shown
        assert all(cell["label"].strip('"') for cell in shown)
        first = min(shown, key=lambda cell: (round(cell["top"]), cell["left"]))
        assert first["letter"] == "A"


DESKTOP = {"viewport": {"width": 1366, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
KICKOFF = '[data-pb-matrix="kickoff"]'

# Words of a header cell that the browser drew on more than one line ("Implement/ation").
BROKEN_WORDS = """th => {
  const broken = [];
  const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""

# The part of a column the reader can see: right of the sticky activity column, left of the edge.
IN_VIEW = """(th) => {
  const scroller = th.closest('.pb-matrix__scroll');
  const view = scroller.getBoundingClientRect();
  const edge = scroller.querySelector('thead th:first-child').getBoundingClientRect().right;
  const cell = th.getBoundingClientRect();
  return cell.left >= edge - 1 && cell.right <= view.left + scroller.clientLeft + scroller.clientWidth + 1;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_role_names_in_matrix_headers_never_break_inside_a_word(visit, any_site, width):
    """Issue 16, defect 5: headers read "Implement/ation" and "Accoun/t manage/r"."""
    page = visit(any_site, **WIDTHS[width]).open("phases/kickoff/")
    headers = page.locator(f"{KICKOFF} thead th")
    assert headers.count() > 5
    broken = {th.inner_text(): th.evaluate(BROKEN_WORDS) for th in headers.all()}
    assert {name: words for name, words in broken.items() if words} == {}


def test_the_customer_site_shows_the_customer_columns_first_and_in_view(visit, customer_site):
    """Issue 16, defect 5: on the customer kickoff page all four customer columns were off-screen."""
    page = visit(customer_site, **DESKTOP).open("phases/kickoff/")
    headers = page.locator(f"{KICKOFF} thead th[data-pb-role]")
    sides = headers.evaluate_all("ths => ths.map(t => t.classList.contains('pb-side-customer') ? 'customer' : 'firm')")
    assert sides == sorted(sides, key=lambda side: side != "customer") and sides[0] == "customer"
    customer = page.locator(f"{KICKOFF} thead th.pb-side-customer")
    assert customer.count() == 4
    assert all(th.evaluate(IN_VIEW) for th in customer.all()), "a customer column is off-screen at 1366 px"


def test_highlighting_a_role_brings_its_column_into_view(visit, any_site):
    """Issue 16, defect 5: choosing a role off to the right did not bring its column into view.
    (On a phone there are no columns: each activity is a card naming its roles.)"""
    page = visit(any_site, **DESKTOP).open("phases/kickoff/")
    select = page.locator(f"{KICKOFF} [data-pb-role-select]")
    roles = select.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    assert len(roles) > 5
    for role in [*reversed(roles), *roles]:  # far right first, then back to the left
        select.select_option(role)
        header = page.locator(f'{KICKOFF} thead th[data-pb-role="{role}"]')
        assert header.evaluate(IN_VIEW), f"{role}'s column is not in view after choosing it"
