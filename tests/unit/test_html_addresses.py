"""Addresses in HTML are found wherever a browser finds them, and nowhere else: the stage reads a
page's raw HTML with the same reader (playbook.present.html, Lexbor) as the check of the rendered
site (playbook.render.page_reading)."""
from __future__ import annotations

import random

import pytest

from playbook.model.handover import StagedPage
from playbook.present import html
from playbook.render.page_reading import read_page
from playbook.stage import links

PAGE = StagedPage(url="x/", source="docs/x.md", body_start=1, title="X")

WRITTEN = [
    ('<a href="javascript:alert(1)">x</a>', "javascript:alert(1)"),
    ('<a/href="javascript:alert(1)">x</a>', "javascript:alert(1)"),           # a slash separates attributes
    ('<a title="x"href="javascript:alert(1)">x</a>', "javascript:alert(1)"),   # so does a closing quote
    ("<a HREF='javascript:alert(1)'>x</a>", "javascript:alert(1)"),
    ("<a href=javascript:alert(1)>x</a>", "javascript:alert(1)"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "javascript:alert(1)"),      # references decoded
    ('<a href="javascript&#58;alert(1)">x</a>', "javascript:alert(1)"),       # the colon too
    ('<a href="javascript&colon;alert(1)">x</a>', "javascript:alert(1)"),
    ('<a href="  javascript:alert(1)">x</a>', "  javascript:alert(1)"),
    ('<a href="java&#9;script:alert(1)">x</a>', "java\tscript:alert(1)"),     # a browser drops the tab
    ('<img srcset="a.png 1x, javascript:alert(1) 2x">', "javascript:alert(1)"),
    ('<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', "javascript:alert(1)"),
    ('<form><button formaction="javascript:alert(1)">x</button></form>', "javascript:alert(1)"),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "javascript:alert(1)"),
]


@pytest.mark.parametrize("written, address", WRITTEN)
def test_an_address_is_found_however_its_tag_is_written(written, address):
    assert address in [found for _, _, found in html.page_addresses(written)]   # the stage, in raw HTML
    reading = read_page(f"<html><body>{written}</body></html>", PAGE)         # the output check
    assert (address, "javascript") in reading.unsafe


@pytest.mark.parametrize("written", [
    '<p title="see href=javascript:alert(1)">x</p>',       # inside another attribute's value
    '<meta name="description" content="javascript: a language">',
    "<p>href=javascript:alert(1)</p>",                    # text, not a tag
    "<p>`<a href=javascript:alert(1)>` in prose</p>".replace("<a", "&lt;a"),
])
def test_text_that_only_looks_like_an_address_is_not_one(written):
    assert not [found for _, _, found in html.page_addresses(written) if "javascript" in found]
    assert read_page(written, PAGE).unsafe == ()


def test_a_scripting_address_in_any_attribute_is_refused():
    """A script of the site may follow a data- attribute; a javascript: address is refused wherever."""
    reading = read_page('<button data-href="  JavaScript:alert(1)">x</button>', PAGE)
    assert reading.unsafe == (("  JavaScript:alert(1)", "javascript"),)


@pytest.mark.parametrize("tag, attribute, address, unsafe", [
    ("a", "href", "javascript:alert(1)", "javascript"),
    ("a", "href", "java\tscript:alert(1)", "javascript"),
    ("a", "href", "vbscript:x", "vbscript"),
    ("img", "src", "data:image/png;base64,AAAA", None),  # a picture
    ("iframe", "src", "data:text/html,<script>alert(1)</script>", "data"),
    ("script", "src", "data:text/javascript,alert(1)", "data"),
    ("a", "href", "https://example.com/", None),
    ("a", "href", "mailto:team@example.com", None),
    ("a", "href", "tel:+441234", None),
    ("a", "href", "../phases/kickoff/", None),
    ("a", "href", "file:///etc/passwd", "file"),
    ("span", "title", "note: this is fine", None),       # not an address, and no script
])
def test_only_http_https_mailto_tel_and_pictures_in_data_are_allowed(tag, attribute, address, unsafe):
    assert html.unsafe_scheme(tag, attribute, address) == unsafe


def test_the_stage_reads_raw_html_in_a_page_as_the_output_check_does():
    lines = ["Intro.", "", "<div><a/href=\"javascript:alert(1)\">x</a></div>", "", "<img",
             "  title=\"x\"src='pic.png'>"]
    found = [(link.index, link.url, link.kind) for link in links.find(lines)]
    assert (2, "javascript:alert(1)", "html") in found
    assert (5, "pic.png", "html") in found


def test_the_stage_reads_every_way_markdown_writes_a_link():
    lines = ["See [x][a], a footnote[^1] and [y](b.md){ href=\"c.md\" }.", "",
             "> [a]:", ">    internal.md", "",
             "[^1]: Based on our 2025 projects.",
             '[r]: <d.md> "a title"', "", "```", "[code]: not-a-link.md", "```"]
    found = [(link.index, link.url, link.kind) for link in links.find(lines)]
    assert (3, "internal.md", "reference") in found        # inside a quote, its address on the next line
    assert (0, "c.md", "attr_list") in found and (0, "b.md", "markdown") in found
    assert (6, "d.md", "reference") in found
    assert not [url for _, url, _ in found if url in ("Based", "not-a-link.md")]  # a footnote; code


def test_a_reference_link_moved_with_the_home_page_keeps_the_rest_of_its_line():
    lines = ['> [home]: welcome.md "Welcome"']
    (link,) = links.find(lines)
    assert links.rewrite(lines, [link], {link: "index.md"}) == ['> [home]: index.md "Welcome"']


def test_odd_and_hostile_html_is_read_without_hanging_or_guessing():
    """Lexbor reads any text as a browser does, once, with no pattern that can backtrack."""
    for text in ("<a " + "x" * 5000 + "'", "<img src='data:image/png,x' " + "y" * 5000 + '"',
                 "<meta http-equiv " + "z" * 5000 + "'", "<" * 10000, "<a href='" + "&" * 10000):
        html.page_addresses(text + ' <a href="data:text/html,x">')
        links.find([text])
    tokens = ['<a ', '<img ', 'HREF', 'href', 'src', 'srcset', '=', '"', "'", ' ', '\t', '/', '>',
              'javascript:alert(1)', '&#106;avascript:', 'x,y 2x', 'title=', 'é', '\n', ':', '&amp;']
    rng = random.Random(11)
    for _ in range(2000):
        page = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 30)))
        read_page(page, PAGE)  # never raises, whatever it is given
