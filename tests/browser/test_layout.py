"""What a reader sees at a desktop width (1366 px, 1920 px where a table is wide) and on a phone
(390 px): nothing cut off at the right edge, nothing squeezed to a word a line, the header
readable, and the templates copyable. Each test names the defect of issue 16 it guards."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1366, "height": 800}}
WIDE = {"viewport": {"width": 1920, "height": 1080}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}

TEMPLATE = "templates/weekly-status-report/"


def _page_does_not_scroll_sideways(page) -> None:
    """Against the width the tab was opened at: a phone (is_mobile) widens its layout viewport,
    and so window.innerWidth, to whatever the page needs, which would hide the fault."""
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page itself scrolls sideways"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_template_wraps_its_long_lines_and_has_a_copy_button(visit, any_site, width):
    """Defect 3: no copy button, and long template lines cut off in side-scrolling boxes."""
    page = visit(any_site, **WIDTHS[width]).open(TEMPLATE)
    _page_does_not_scroll_sideways(page)
    blocks = page.locator(".md-typeset pre")
    assert blocks.count() >= 1
    for block in blocks.all():
        code = block.locator("code")
        assert code.evaluate("c => c.scrollWidth <= c.clientWidth + 1"), "a template line is cut off"
        button = block.locator("button.md-code__button[data-md-type=copy]")
        block.hover()
        assert button.count() == 1 and button.is_visible(), "no copy button on the template"
        assert button.get_attribute("title")


def test_the_copy_button_copies_the_template(browser, visit, customer_site):
    """Defect 3: "select the copy button on the code block" must be something a reader can do."""
    tab = visit(customer_site, **DESKTOP)
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=customer_site.url.rstrip("/"))
    page = tab.open(TEMPLATE)
    block = page.locator(".md-typeset pre").first
    expected = block.locator("code").inner_text()
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == expected.strip() and "Needed from you" in copied


@pytest.mark.parametrize("width", WIDTHS)
def test_the_header_shows_the_whole_site_name(visit, customer_site, width):
    """Defect 8: on a phone the customer header read "Meridian Consulting · Imple…"."""
    page = visit(customer_site, **WIDTHS[width]).open("")
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert " ".join(name.inner_text().split()) == "Meridian Consulting · Implementation guide"
    clipped = name.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
    assert not clipped, "the site name is cut off"
    box, header = name.bounding_box(), page.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"] + 1
    search = page.locator(".md-header__button.md-icon[for=__search], .md-header .md-search__inner").filter(visible=True)
    assert box["x"] + box["width"] <= search.first.bounding_box()["x"] + 1, "the name runs under the search"


# Every cell of a table inside the text column: nothing drawn past its right edge, nothing
# hidden in a scrolling box. Returns the cells that stick out, by their text.
CLIPPED_CELLS = """table => {
  const column = table.closest('.md-content__inner').getBoundingClientRect();
  const out = [];
  for (const cell of table.querySelectorAll('th, td')) {
    const box = cell.getBoundingClientRect();
    if (box.width > 0 && (box.right > column.right + 1 || box.left < column.left - 1)) out.push(cell.innerText.slice(0, 40));
  }
  let box = table.parentElement;
  for (; box && !box.classList.contains('md-content__inner'); box = box.parentElement) {
    if (box.scrollWidth > box.clientWidth + 1) out.push('a scrolling box around the table');
  }
  return out;
}"""
ALL_WIDTHS = {"desktop": DESKTOP, "wide": WIDE, "phone": PHONE}


@pytest.mark.parametrize("width", ALL_WIDTHS)
def test_the_change_impact_register_fits_and_shows_what_we_do(visit, any_site, width):
    """Defect 4: the register cut its most important column off the right edge, at 1366 px, at
    1920 px and on a phone, and its rows were about 300 px tall."""
    page = visit(any_site, **ALL_WIDTHS[width]).open("change-management/impact-register/")
    _page_does_not_scroll_sideways(page)
    table = page.locator(".pb-impacts table")
    assert table.evaluate(CLIPPED_CELLS) == []
    answers = page.locator(".pb-impacts td[data-label='What we do about it']")
    assert answers.count() >= 5
    for answer in answers.all():
        assert answer.evaluate("e => e.getBoundingClientRect().width") >= 200, "the answer is squeezed"
    if width != "phone":
        heights = page.locator(".pb-impacts tbody tr").evaluate_all("rs => rs.map(r => r.getBoundingClientRect().height)")
        assert max(heights) <= 180, f"rows are up to {max(heights):.0f} px tall"


@pytest.mark.parametrize("path", ["communication-plan/", "roles/", "what-we-need-from-you/", "governance/raid-log/",
                                  "sign-offs/", "system-access/"])
@pytest.mark.parametrize("width", ALL_WIDTHS)
def test_tables_of_text_fit_without_a_word_a_line(visit, any_site, width, path):
    """Defect 6: on a phone the communication plan squeezed six columns into one word per line
    (and the roles list and RAID categories did the same)."""
    page = visit(any_site, **ALL_WIDTHS[width]).open(path)
    _page_does_not_scroll_sideways(page)
    table = page.locator(".pb-stack").first
    assert table.evaluate(CLIPPED_CELLS) == []
    cells = page.locator(".pb-stack tbody th, .pb-stack tbody td")
    narrow = cells.evaluate_all("""cs => cs.filter(c => c.getBoundingClientRect().width < 150 && c.innerText.trim().includes(' '))
                                         .map(c => c.innerText.slice(0, 40))""")
    if width == "phone":
        assert narrow == [], f"cells squeezed to a word a line: {narrow}"
    else:  # a short cell (a rank, a side) may be narrow; a sentence may not
        assert not [c for c in narrow if len(c) > 30], f"cells squeezed to a word a line: {narrow}"


@pytest.mark.parametrize("path", ["", "phases/kickoff/", "phases/go-live/", "roles/implementation-project-manager/",
                                  "what-we-need-from-you/", "communication-plan/", "change-management/impact-register/",
                                  "governance/raid-log/", "templates/weekly-status-report/", "glossary/"])
def test_no_page_is_wider_than_a_phone(visit, any_site, path):
    """A page wider than the phone is shrunk to fit and every word gets small (the kickoff and
    go-live pages were 876 and 1029 px wide at 390 px, from a matrix's hidden cell text)."""
    page = visit(any_site, **PHONE).open(path)
    _page_does_not_scroll_sideways(page)
