"""Addresses in HTML are found wherever a browser finds them, and nowhere else: the stage reads a
page's raw HTML with the same reader as the check of the rendered site."""
from __future__ import annotations

import pytest

from playbook.render import html_tags
from playbook.render.checks import unsafe_addresses, unsafe_scheme
from playbook.stage import links


@pytest.mark.parametrize("written, address", [
    ('<a href="javascript:alert(1)">x</a>', "javascript:alert(1)"),
    ('<a/href="javascript:alert(1)">x</a>', "javascript:alert(1)"),           # a slash separates attributes
    ('<a title="x"href="javascript:alert(1)">x</a>', "javascript:alert(1)"),   # so does a closing quote
    ("<a HREF='javascript:alert(1)'>x</a>", "javascript:alert(1)"),
    ("<a href=javascript:alert(1)>x</a>", "javascript:alert(1)"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "javascript:alert(1)"),      # references decoded
    ('<a href="javascript&#58;alert(1)">x</a>', "javascript:alert(1)"),       # the colon too
    ('<a href="javascript&colon;alert(1)">x</a>', "javascript:alert(1)"),
    ('<a href="  javascript:alert(1)">x</a>', "javascript:alert(1)"),
    ('<img srcset="a.png 1x, javascript:alert(1) 2x">', "javascript:alert(1)"),
    ('<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', "javascript:alert(1)"),
    ('<form><button formaction="javascript:alert(1)">x</button></form>', "javascript:alert(1)"),
])
def test_an_address_is_found_however_its_tag_is_written(written, address):
    assert address in [found for _, _, found in html_tags.addresses_in_page(written)]  # every address of a page
    assert (address, "javascript") in unsafe_addresses(written)  # the output check, a page at a time
    assert address in [found for tag in html_tags.TAG.finditer(written)  # the stage, a tag at a time
                       for _, found, _ in html_tags.addresses(tag.group("name"), tag.group("attributes"))]


@pytest.mark.parametrize("written", [
    '<p title="see href=javascript:alert(1)">x</p>',       # inside another attribute's value
    '<meta name="description" content="javascript: a language">',
    "<p>href=javascript:alert(1)</p>",                    # text, not a tag
])
def test_text_that_only_looks_like_an_address_is_not_one_to_the_stage(written):
    assert not [found for tag in html_tags.TAG.finditer(written)
                for _, found, _ in html_tags.addresses(tag.group("name"), tag.group("attributes"))
                if found.startswith("javascript")]


def test_the_output_check_reads_text_as_text_and_errs_on_the_safe_side_inside_values():
    assert not list(html_tags.addresses_in_page("<p>href=javascript:alert(1)</p>"))
    assert not list(html_tags.addresses_in_page('<meta name="description" content="javascript: a language">'))
    # Read a page at a time (for speed), an attribute written inside another's value counts.
    assert [a for _, _, a in html_tags.addresses_in_page('<p title="see href=javascript:alert(1)">x</p>')] == ['javascript:alert(1)"']


@pytest.mark.parametrize("tag, attribute, address, unsafe", [
    ("a", "href", "javascript:alert(1)", "javascript"),
    ("a", "href", "java\tscript:alert(1)", "javascript"),  # a browser drops the tab
    ("a", "href", "vbscript:x", "vbscript"),
    ("img", "src", "data:image/png;base64,AAAA", None),  # a picture
    ("iframe", "src", "data:text/html,<script>alert(1)</script>", "data"),
    ("script", "src", "data:text/javascript,alert(1)", "data"),
    ("a", "href", "https://example.com/", None),
    ("a", "href", "mailto:team@example.com", None),
    ("a", "href", "../phases/kickoff/", None),
])
def test_only_http_https_mailto_tel_and_pictures_in_data_are_allowed(tag, attribute, address, unsafe):
    assert unsafe_scheme(tag, attribute, address) == unsafe


def test_the_stage_reads_raw_html_in_a_page_as_the_output_check_does():
    lines = ["Intro.", "", "<div><a/href=\"javascript:alert(1)\">x</a></div>", "", "<img",
             "  title=\"x\"src='pic.png'>"]
    found = [(link.index, link.url, link.kind) for link in links.find(lines)]
    assert (2, "javascript:alert(1)", "html") in found
    assert (5, "pic.png", "html") in found


def test_attributes_are_read_in_order_with_their_values():
    assert [(name, value) for name, value, _ in html_tags.attributes(' a="1"b=\'2\'/c=3 d')] == [
        ("a", "1"), ("b", "2"), ("c", "3"), ("d", "")]


def test_reading_one_attribute_name_at_a_time_finds_what_one_pass_finds():
    """addresses_in_page looks for each attribute name on its own and merges what it finds; on
    pages written in every tricky way (names in either case, inside other attributes' values,
    unclosed quotes, srcsets, entity-encoded schemes), that is what one pass of the whole pattern
    finds."""
    import random
    tokens = ['<a ', '<img ', '<A ', 'HREF', 'href', 'src', 'SrcSet', 'srcset', 'xlink:href', 'XLINK:HREF', 'data',
              'action', 'formaction', 'poster', '=', ' = ', '"', "'", ' ', '\t', '/', '>', 'javascript:alert(1)',
              'data:text/html,x', '&#106;avascript:', 'x,y 2x', 'title=', 'é', '\n', 'href="a src=b"', 'metadata=',
              ':', '&amp;', 'İ']
    rng = random.Random(11)

    def one_pass(html: str) -> list[tuple[str, str, int]]:
        return [(found.group("name").lower(), next(v for v in found.group("double", "single", "bare") if v is not None),
                 found.start()) for found in html_tags._FOLLOWED.finditer(html)]
    for _ in range(5000):
        page = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 30)))
        assert list(html_tags._followed(page)) == one_pass(page), page


def test_a_tag_left_open_before_a_stray_quote_is_given_up_at_once():
    """The tag reader once backtracked exponentially on such text: 30 characters took minutes
    (a hang here ends the run, not a timing: this test asserts no duration)."""
    for text in ("<a " + "x" * 5000 + "'", "<img src='data:image/png,x' " + "y" * 5000 + '"',
                 "<meta http-equiv " + "z" * 5000 + "'"):
        list(html_tags.addresses_in_page(text + ' <a href="data:text/html,x"'))
        list(html_tags.TAG.finditer(text))
        list(links.find([text]))
