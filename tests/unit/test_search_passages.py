"""playbook.render.search_index.entries_of: each table row and each defined term reaches the
search index as a passage of its own (a paragraph), with its cells apart, and what a template
marks data-search-exclude (a header row of column labels, a legend) does not reach it at all.

The search worker reads a run of text as one passage; a table handed over whole would be one
passage holding every word of every row, so it would "answer" any question whose words are
scattered over its rows."""
from __future__ import annotations

from playbook.render.search_index import entries_of


def texts(html: str) -> list[str]:
    return [entry["text"] for entry in entries_of("page/", "Page", html, boost=None, tags=None)]


def test_each_table_row_is_a_paragraph_with_its_cells_apart():
    (text,) = texts("<table><tbody><tr><th>Kickoff</th><td>Project lead</td></tr>"
                    "<tr><th>Testing</th><td>Testers</td></tr></tbody></table>")
    assert text == "<p> Kickoff Project lead</p><p> Testing Testers</p>"


def test_a_header_row_marked_for_exclusion_stays_out_of_the_index():
    (text,) = texts("<table><thead><tr data-search-exclude><th>What</th><th>Who at the customer</th></tr></thead>"
                    "<tbody><tr><td>Sign the design</td><td>Project lead</td></tr></tbody></table>")
    assert "Who at the customer" not in text and "What" not in text
    assert text == "<p> Sign the design Project lead</p>"


def test_a_cell_marked_for_exclusion_leaves_the_rest_of_its_row():
    (text,) = texts('<table><tr><th scope="row">Run the kickoff</th>'
                    '<td data-search-exclude><span>R</span><span>Responsible</span></td></tr></table>')
    assert text == "<p> Run the kickoff </p>"


def test_a_row_holding_a_block_of_its_own_is_left_whole():
    html = "<table><tr><td><p>First</p><ul><li>one</li></ul></td><td>Second</td></tr></table>"
    (text,) = texts(html)
    assert text == "<p>First</p><ul><li>one</li></ul>Second"


def test_a_defined_term_is_a_paragraph_with_its_definitions():
    (text,) = texts("<dl><dt>UAT</dt><dd>User acceptance testing</dd><dd>Signed by the customer</dd>"
                    "<dt>RAID</dt><dd>Risks, assumptions, issues, dependencies</dd></dl>")
    assert text == ("<p>UAT User acceptance testing Signed by the customer</p>"
                    "<p>RAID Risks, assumptions, issues, dependencies</p>")


def test_a_legend_marked_for_exclusion_stays_out_of_the_index():
    (text,) = texts('<p>Matrix</p><dl data-search-exclude><div><dt>A Accountable</dt>'
                    "<dd>answers for the outcome</dd></div></dl><p>After</p>")
    assert text == "<p>Matrix</p><p>After</p>"
