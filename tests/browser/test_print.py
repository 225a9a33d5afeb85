"""A customer page printed from the browser (or saved as PDF) reads like a document: no
navigation, search or buttons; the firm's name, the page's address and the date on top;
tables and checklists kept whole."""
import io

import pytest
from pypdf import PdfReader

from tests.frozen_day import frozen_day

pytestmark = pytest.mark.browser

PAGE = "phases/kickoff/"


@pytest.fixture
def printed(visit, customer_site):
    tab = visit(customer_site)
    page = tab.open(PAGE)
    page.emulate_media(media="print")
    return page


def test_print_layout_hides_chrome_and_shows_the_print_header(printed):
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".pb-page-tools", ".md-search"):
        displays = printed.eval_on_selector_all(chrome, "els => els.map(e => getComputedStyle(e).display)")
        assert displays and set(displays) == {"none"}, chrome
    header = printed.locator(".pb-print-header")
    assert header.is_visible()
    text = header.inner_text()
    assert "Meridian Consulting" in text
    assert "https://implementations.meridian.example/go/kickoff/" in text
    day = frozen_day()
    assert f"{day.day} {day:%B %Y}" in text  # the build's day, as every build of the tests makes it


def test_rows_items_and_matrices_do_not_break_across_pages(printed):
    for selector in (".pb-matrix tr", ".pb-checklist__item"):
        breaks = printed.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).breakInside)")
        assert breaks and set(breaks) == {"avoid"}, selector
    matrix = printed.locator(".pb-matrix table").first
    assert matrix.evaluate("t => getComputedStyle(t).display") == "table"
    assert matrix.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1"), "the matrix is cut off on paper"


def test_the_pdf_has_the_content_and_not_the_site_chrome(printed):
    pdf = printed.pdf(format="A4", print_background=True)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "Meridian Consulting" in flat
    assert "implementations.meridian.example/go/kickoff/" in flat
    assert "Who does what" in flat and "Kickoff readiness" in flat
    for chrome in ("Table of contents", "Copy link", "Type to start searching", "Back to top"):
        assert chrome not in flat, chrome


def test_a_matrix_header_never_ends_a_page_on_its_own(printed):
    """Issue 16, defect 9: page 1 ended with the matrix's caption and an empty header box, and
    its rows started on page 2."""
    pdf = printed.pdf(format="A4", print_background=True)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    caption = "Who does what in Project kickoff"
    where = [number for number, text in enumerate(pages) if caption in text]
    assert len(where) == 1, f"the caption is on pages {where}"
    first_activity = printed.locator(".pb-matrix tbody tr .pb-matrix__activity").first.inner_text()
    assert first_activity in pages[where[0]], "the matrix's header is on a page without any of its rows"
    assert printed.locator(".pb-matrix__scroll").first.evaluate("e => getComputedStyle(e).borderTopWidth") == "0px"
