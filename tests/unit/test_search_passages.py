"""playbook.render.search_index.entries_of: each table row and each defined term reaches the
search index as an item of a list (a passage of its own, read whole), with its cells apart, and
what a template marks data-search-exclude (a header row of column labels, a legend) does not
reach it at all.

The search worker reads a run of text as one passage, and the sentences of a paragraph apart; a
table handed over whole would be one passage holding every word of every row, and a row handed
over as a paragraph would lose its "who" and "when" to the sentence before them."""
from __future__ import annotations

from playbook.render.search_index import entries_of


def texts(html: str) -> list[str]:
    return [entry["text"] for entry in entries_of("page/", "Page", html, boost=None, tags=None)]


def test_each_table_row_is_an_item_with_its_cells_apart():
    (text,) = texts("<table><tbody><tr><th>Kickoff</th><td>Project lead</td></tr>"
                    "<tr><th>Testing</th><td>Testers</td></tr></tbody></table>")
    assert text == "<ul><li> Kickoff Project lead</li><li> Testing Testers</li></ul>"


def test_a_caption_comes_before_the_list_of_rows():
    (text,) = texts("<table><caption>Who does what</caption><tr><td>Run the kickoff.</td>"
                    "<td>Project manager</td></tr></table>")
    assert text == "Who does what<ul><li> Run the kickoff. Project manager</li></ul>"


def test_a_header_row_marked_for_exclusion_stays_out_of_the_index():
    (text,) = texts("<table><thead><tr data-search-exclude><th>What</th><th>Who at the customer</th></tr></thead>"
                    "<tbody><tr><td>Sign the design</td><td>Project lead</td></tr></tbody></table>")
    assert "Who at the customer" not in text and "What" not in text
    assert text == "<ul><li> Sign the design Project lead</li></ul>"


def test_a_cell_marked_for_exclusion_leaves_the_rest_of_its_row():
    (text,) = texts('<table><tr><th scope="row">Run the kickoff</th>'
                    '<td data-search-exclude><span>R</span><span>Responsible</span></td></tr></table>')
    assert text == "<ul><li> Run the kickoff </li></ul>"


def test_a_row_holding_blocks_is_an_item_holding_them():
    (text,) = texts("<table><tr><td><p>First</p><ul><li>one</li></ul></td><td>Second</td></tr></table>")
    assert text == "<ul><li> <p>First</p><ul><li>one</li></ul> Second</li></ul>"


def test_a_table_inside_a_table_is_left_as_it_is():
    html = "<table><tr><td><table><tr><td>inner</td></tr></table></td><td>outer</td></tr></table>"
    (text,) = texts(html)
    assert text == "innerouter"


def test_a_defined_term_is_an_item_with_its_definitions():
    (text,) = texts("<dl><dt>UAT</dt><dd>User acceptance testing</dd><dd>Signed by the customer</dd>"
                    "<dt>RAID</dt><dd>Risks, assumptions, issues, dependencies</dd></dl>")
    assert text == ("<ul><li>UAT User acceptance testing Signed by the customer</li>"
                    "<li>RAID Risks, assumptions, issues, dependencies</li></ul>")


def test_a_legend_marked_for_exclusion_stays_out_of_the_index():
    (text,) = texts('<p>Matrix</p><dl data-search-exclude><div><dt>A Accountable</dt>'
                    "<dd>answers for the outcome</dd></div></dl><p>After</p>")
    assert text == "<p>Matrix</p><p>After</p>"
