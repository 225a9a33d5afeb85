"""playbook.render.search_index.entries_of: each table row and each defined term reaches the
search index as an item of a list (a passage of its own, read whole), with its cells apart, and
what a template marks data-search-exclude (a header row of column labels, a legend) does not
reach it at all.

The search worker reads a run of text as one passage, and the sentences of a paragraph apart; a
table handed over whole would be one passage holding every word of every row, and a row handed
over as a paragraph would lose its "who" and "when" to the sentence before them."""
from __future__ import annotations

import re

from playbook.model.handover import StagedPage
from playbook.present import html as html_reader
from playbook.render.search_index import CONTENT, entries_of

PAGE = StagedPage(url="page/", source="docs/page.md", body_start=1, title="Page")


def entries(content: str) -> list[dict]:
    document = html_reader.parse(f"<div class='pb-page-content' data-pb-content>{content}</div>")
    return entries_of(document.css_first(CONTENT), PAGE)


def texts(content: str) -> list[str]:
    """Each entry's text, with the white space between tags (which the worker ignores) taken out."""
    return [re.sub(r"\s*(</?\w+>)\s*", r"\1", entry["text"]) for entry in entries(content)]


def test_each_table_row_is_an_item_with_its_cells_apart():
    (text,) = texts("<table><tbody><tr><th>Kickoff</th><td>Project lead</td></tr>"
                    "<tr><th>Testing</th><td>Testers</td></tr></tbody></table>")
    assert text == "<ul><li>Kickoff Project lead</li><li>Testing Testers</li></ul>"


def test_a_caption_comes_before_the_list_of_rows():
    (text,) = texts("<table><caption>Who does what</caption><tr><td>Run the kickoff.</td>"
                    "<td>Project manager</td></tr></table>")
    assert text == "Who does what<ul><li>Run the kickoff. Project manager</li></ul>"


def test_a_header_row_marked_for_exclusion_stays_out_of_the_index():
    (text,) = texts("<table><thead><tr data-search-exclude><th>What</th><th>Who at the customer</th></tr></thead>"
                    "<tbody><tr><td>Sign the design</td><td>Project lead</td></tr></tbody></table>")
    assert "Who at the customer" not in text and "What" not in text
    assert text == "<ul><li>Sign the design Project lead</li></ul>"


def test_a_cell_marked_for_exclusion_leaves_the_rest_of_its_row():
    (text,) = texts('<table><tr><th scope="row">Run the kickoff</th>'
                    '<td data-search-exclude><span>R</span><span>Responsible</span></td></tr></table>')
    assert text == "<ul><li>Run the kickoff</li></ul>"


def test_a_row_holding_blocks_is_an_item_holding_them():
    (text,) = texts("<table><tr><td><p>First</p><ul><li>one</li></ul></td><td>Second</td></tr></table>")
    assert text == "<ul><li><p>First</p><ul><li>one</li></ul>Second</li></ul>"


def test_a_table_inside_a_table_gives_its_rows_once():
    (text,) = texts("<table><tr><td><table><tr><td>inner</td></tr></table></td><td>outer</td></tr></table>")
    assert text.count("inner") == 1 and "outer" in text


def test_a_defined_term_is_an_item_with_its_definitions():
    (text,) = texts("<dl><dt>UAT</dt><dd>User acceptance testing</dd><dd>Signed by the customer</dd>"
                    "<dt>RAID</dt><dd>Risks, assumptions, issues, dependencies</dd></dl>")
    assert text == ("<ul><li>UAT User acceptance testing Signed by the customer</li>"
                    "<li>RAID Risks, assumptions, issues, dependencies</li></ul>")


def test_a_legend_marked_for_exclusion_stays_out_of_the_index():
    (text,) = texts('<p>Matrix</p><dl data-search-exclude><div><dt>A Accountable</dt>'
                    "<dd>answers for the outcome</dd></div></dl><p>After</p>")
    assert text == "<p>Matrix</p><p>After</p>"


def test_a_heading_with_an_id_starts_a_section_whose_anchor_is_its_location():
    found = entries('<p>Preface</p><h2 id="agenda">Agenda<a class="headerlink" href="#agenda">&para;</a></h2>'
                    "<p>Scope &amp; risks</p><h2>No id, no section</h2><p>more</p>")
    assert [(e["location"], e["title"]) for e in found] == [("page/", "Page"), ("page/#agenda", "Agenda")]
    assert "Scope &amp; risks" in found[1]["text"] and "more" in found[1]["text"]


def test_a_heading_marked_for_exclusion_keeps_its_section_out():
    found = entries('<h2 id="a">A</h2><p>in</p><h2 id="b" data-search-exclude>B</h2><p>out</p>')
    assert [e["location"] for e in found] == ["page/#a"]


def test_scripts_and_comments_never_reach_the_index():
    (text,) = texts("<p>Kept</p><script>var secret = 1</script><!-- note --><template><p>hidden</p></template>")
    assert text == "<p>Kept</p>"
