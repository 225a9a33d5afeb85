"""playbook.search_sections against Material's own search parser: the same sections, quirks and all.

split_sections cuts the rendered pages into search sections after the engine has run
(playbook/render/search_index.py), as Material's html.parser-based Parser would.
Each case here is HTML Markdown or the playbook's templates write, or a corner of Material's
rules; the two must agree on every section's heading, id, exclusion, title and text."""
from __future__ import annotations

import pytest
from material.plugins.search.plugin import Parser

from playbook.render.search_sections import PREFACE, split_sections


def material_sections(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.id, s.el.is_excluded(), s.title, s.text) for s in parser.data]


def our_sections(html: str) -> list[tuple]:
    return [(s.tag, s.id, s.excluded, s.title, s.text) for s in split_sections(html)]


CASES = {
    "empty page": "",
    "text only": "Just some words &amp; an ampersand\n",
    "a page as Markdown writes it": (
        '<h1 id="kickoff">Kickoff<a class="headerlink" href="#kickoff" title="Link">&para;</a></h1>\n'
        "<p>The <strong>project manager</strong> runs it.</p>\n"
        '<h2 id="agenda">Agenda<a class="headerlink" href="#agenda" title="Link">&para;</a></h2>\n'
        "<ul>\n<li>Scope</li>\n<li>Risks <code>RAID</code></li>\n</ul>\n"),
    "first heading is not h1": '<h2 id="a">A</h2><p>one</p><h3 id="b">B</h3><p>two</p>',
    "heading without id starts no section": "<h1>Title</h1><p>x</p><h2>Not a section</h2><p>y</p>",
    "text before any heading": '<p>Preface</p><h1 id="t">T</h1><p>Body</p>',
    "headings nested in elements": (
        '<h1 id="t">T</h1><div class="admonition"><h2 id="inner">Inner</h2><p>in</p></div>'
        "<p>after the div</p><div><div><h3 id=\"deep\">Deep</h3></div></div><p>end</p>"),
    "empty and white-space-only elements are dropped": "<h1 id='t'>T</h1><p> </p><p></p><ul>\n<li>\n</li>\n</ul><p>kept</p>",
    "pre keeps its white space": "<h1 id='t'>T</h1><pre><code>line 1\n  line 2\n\n</code></pre><p>a\nb</p>",
    "runs of white space collapse": "<h1 id='t'>T</h1><p>a</p>\n\n\n<p>b</p>  <span> </span> <em>c</em>",
    "entities and markup characters in text": "<h1 id='t'>A &lt;b&gt; &amp; &quot;c&quot;</h1><p>1 &lt; 2 &gt; 0 &#169; &copy;</p>",
    "a bare < in raw HTML": "<h1 id='t'>T</h1><p>a < b and c <3</p>",
    "comments split text": "<h1 id='t'>T</h1><p>before<!-- a <b>comment</b> -->after</p><!---->",
    "script and style are never indexed": (
        "<h1 id='t'>T</h1><script>if (a < b) { document.write('<div><p>x</p>'); }</script>"
        "<style>p > a { color: red }</style><p>seen</p>"),
    "void and self-closing tags": "<h1 id='t'>T<br/></h1><p>a<br>b<img src='x.png' alt=\"x\"/>c<hr/></p><div/><p>d</p>",
    "sub, sup and code are kept": "<h1 id='t'>T</h1><p>H<sub>2</sub>O and x<sup>2</sup> with <code>make test</code></p>",
    "excluded heading": "<h1 id='t'>T</h1><p>a</p><h2 id='hidden' data-search-exclude>Hidden</h2><p>b</p>",
    "excluded block hides every element of its tag until one closes": (
        "<h1 id='t'>T</h1><div data-search-exclude><p>secret</p><div><p>inner</p></div><p>still?</p></div>"
        "<div><p>after</p></div><p>end</p>"),
    "line numbers of code blocks": (
        "<h1 id='t'>T</h1><table class='highlighttable'><tr><td class='linenos'><div class='linenodiv'>"
        "<pre>1\n2</pre></div></td><td><pre><code>a = 1\nb = 2</code></pre></td></tr></table>"),
    "attributes in any case and form": (
        "<H1 ID='Top' class=x>Upper</H1><P DATA-SEARCH-EXCLUDE>hidden</P><p title=\"a > b\">shown</p>"
        "<h2 id=bare-id>Unquoted</h2><p data-x='1' checked>x</p>"),
    "end tags that close nothing open": "<h1 id='t'>T</h1></span><p>a</b>b</p></div><p>c</p>",
    "unclosed elements": "<h1 id='t'>T</h1><p>a<p>b<li>c",
    "a permalink inside a heading": (
        '<h2 id="x">Who <em>sends</em> it<a class="headerlink" href="#x" title="Link to this section">'
        '&para;</a></h2><p>The IPM.</p>'),
    "declarations and processing instructions": "<!DOCTYPE html><?xml version='1.0'?><h1 id='t'>T</h1><p>x</p>",
    "a heading inside a list item": "<h1 id='t'>T</h1><ol><li><h3 id='step'>Step</h3><p>do</p></li><li>next</li></ol><p>z</p>",
    "tables": "<h1 id='t'>T</h1><table><thead><tr><th>Role</th></tr></thead><tbody><tr><td>PM</td></tr></tbody></table>",
    "text after the last tag": "<h1 id='t'>T</h1><p>x</p>trailing &amp; text",
}


@pytest.mark.parametrize("html", CASES.values(), ids=CASES.keys())
def test_same_sections_as_material(html):
    assert our_sections(html) == material_sections(html)


def test_cases_cover_the_rules_that_matter():
    """Guard against the comparison passing on inputs that never reach Material's special cases."""
    excluded = our_sections(CASES["excluded heading"])
    assert [s[2] for s in excluded] == [False, True]
    hidden = our_sections(CASES["excluded block hides every element of its tag until one closes"])
    assert "secret" not in "".join(hidden[0][4])
    preface = our_sections(CASES["first heading is not h1"])
    assert preface[0][0] == PREFACE and preface[1][1] == "a"
    permalink = our_sections(CASES["a permalink inside a heading"])
    assert "".join(permalink[-1][3]) == "Who sends it"
