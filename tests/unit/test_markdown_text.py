"""The line-level rewrites the stage makes to a page: shielding code from the macro engine,
stripping comments, glossary abbreviations; with lines and fences read as Markdown reads them."""
from textwrap import dedent

from playbook.load import markdown_lines
from playbook.load.markdown_text import abbreviation_lines, shield_code_from_macros, strip_comments


def lines(text: str) -> list[str]:
    return markdown_lines.split(text)


def shielded(text: str) -> str:
    return "\n".join(shield_code_from_macros(lines(text)))


def test_lines_end_only_where_markdown_ends_them():
    assert lines("a\r\nb\rc\x0cd\u2028e\x85f") == ["a", "b", "c\x0cd\u2028e\x85f"]
    assert markdown_lines.odd_line_breaks(lines("ok\nform\x0cfeed\nsep\u2028x")) == [
        (2, "a form feed"), (3, "a line separator (U+2028)")]


def test_a_fence_is_code_only_when_it_is_closed_and_backtick_info_has_no_backtick():
    assert markdown_lines.code_lines(lines("```\ncode\n```\nprose")) == [True, True, True, False]
    assert markdown_lines.code_lines(lines("```python\nnever closed\n")) == [False, False, False]
    assert markdown_lines.code_lines(lines("```x``` is inline\ntext\n```\n")) == [False, False, False, False]
    assert markdown_lines.code_lines(lines("~~~~\n~~~\n~~~~\n")) == [True, True, True, False]


def test_code_with_jinja_delimiters_is_wrapped_in_raw_tags():
    page = dedent("""\
        Call {{ checklist("x") }} here.

        ```yaml
        token: ${{ secrets.TOKEN }}
        ```

        - In a list:

            ```bash
            echo ${#array[@]}
            ```

        Inline `{{ x }}` and `plain` and ``{% y %}``.
        """)
    result = shielded(page)
    assert 'Call {{ checklist("x") }} here.' in result  # real macro calls stay live
    assert "{% raw %}```yaml\ntoken: ${{ secrets.TOKEN }}\n```{% endraw %}" in result
    assert "    {% raw %}```bash\n    echo ${#array[@]}\n    ```{% endraw %}" in result
    assert "Inline {% raw %}`{{ x }}`{% endraw %} and `plain` and {% raw %}``{% y %}``{% endraw %}." in result
    assert len(result.split("\n")) == len(lines(page))  # line numbers still match the source


def test_code_without_jinja_is_left_byte_for_byte():
    page = "```python\nprint('hi')\n```\n\n`code`\n"
    assert shielded(page) == page


def test_an_unclosed_fence_is_prose_as_markdown_reads_it():
    assert shielded("```\n{{ x }}\n") == "```\n{{ x }}\n"


def test_comments_outside_code_are_stripped_and_line_numbers_kept():
    page = dedent("""\
        Before <!-- a note --> after.
        <!-- spans
        two lines -->
        {# a Jinja note #}
        `<!-- in code -->`
        ```
        <!-- in a fence -->
        ```
        """)
    result = strip_comments(lines(page))
    assert len(result) == len(lines(page))
    assert result[0] == "Before  after." and result[1] == "" and result[2] == "" and result[3] == ""
    assert result[4] == "`<!-- in code -->`" and result[6] == "<!-- in a fence -->"


def test_abbreviations_are_added_only_for_terms_the_page_uses():
    terms = {"RACI": "Who does what.", "UAT": "User acceptance testing.", "go/no-go": "The decision."}
    page = "# Kickoff\n\nThe RACI matrix and the go/no-go meeting.\n"
    assert abbreviation_lines(page, terms, raw=False) == ["", "*[RACI]: Who does what.", "*[go/no-go]: The decision."]
    assert abbreviation_lines("No terms here.\n", terms, raw=False) == []
    assert abbreviation_lines("RACIs are plural.\n", terms, raw=False) == []  # whole words only


def test_abbreviations_are_kept_from_the_macro_engine_on_pages_it_renders():
    assert abbreviation_lines("The RACI.", {"RACI": "{{ not a macro }}"}, raw=True) == [
        "", "{% raw %}", "*[RACI]: &#123;&#123; not a macro &#125;&#125;", "{% endraw %}"]
    # A meaning cannot close the raw block and run Jinja after it.
    escaped = abbreviation_lines("The RACI.", {"RACI": '{% endraw %}{{ "ran" }}{% raw %}'}, raw=True)
    assert "{" not in "".join(escaped[2:-1]) and escaped[-1] == "{% endraw %}"


def test_an_abbreviation_title_holds_no_markup_once_the_browser_decodes_it():
    """The theme's tooltips set a title as innerHTML: its decoded value may hold no '<', and an
    entity written in data must not decode to one either."""
    import html
    import re

    import markdown

    meaning = 'Risks & issues <img src=x onerror=alert(1)> &lt;script&gt; "quoted"'
    page = "The RACI.\n" + "\n".join(abbreviation_lines("The RACI.", {"RACI": meaning}, raw=False))
    written = markdown.markdown(page, extensions=["abbr"])
    title = html.unescape(re.search(r'title="([^"]*)"', written).group(1))
    assert "<" not in title
    assert html.unescape(title) == meaning  # what the tooltip shows: the meaning, as written
