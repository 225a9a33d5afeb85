from textwrap import dedent

from playbook.stage.markdown_text import has_unclosed_internal_block, remove_internal_blocks, shield_code_from_macros

PAGE = dedent("""\
    # Kickoff

    Shared text.

    /// internal
    Secret **margin** note.

    /// note | Nested
    Still secret.
    ///

    ```text
    ///
    ```
    Secret after code.
    ///

    After the block.

    //// internal
    Four slashes hold /// inside.
    /// tip
    x
    ///
    ////

    ```markdown
    /// internal
    shown as an example, not removed
    ///
    ```
    The end.
    """)


def test_internal_blocks_are_removed_with_everything_nested_inside():
    result = remove_internal_blocks(PAGE)
    for secret in ("Secret", "margin", "Still secret", "Four slashes", "\nx\n"):
        assert secret not in result
    for shared in ("Shared text.", "After the block.", "The end.", "shown as an example, not removed"):
        assert shared in result


def test_other_blocks_and_plain_text_are_untouched():
    text = "/// note\nkeep\n///\n\nplain\n"
    assert remove_internal_blocks(text) == text


def test_an_unclosed_internal_block_is_detected():
    assert has_unclosed_internal_block("a\n/// internal\nsecret\n")
    assert not has_unclosed_internal_block(PAGE)
    assert not has_unclosed_internal_block("```\n/// internal\n```\n")


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
    result = shield_code_from_macros(page)
    assert 'Call {{ checklist("x") }} here.' in result  # real macro calls stay live
    assert "{% raw %}```yaml\ntoken: ${{ secrets.TOKEN }}\n```{% endraw %}" in result
    assert "    {% raw %}```bash\n    echo ${#array[@]}\n    ```{% endraw %}" in result
    assert "Inline {% raw %}`{{ x }}`{% endraw %} and `plain` and {% raw %}``{% y %}``{% endraw %}." in result


def test_code_without_jinja_is_left_byte_for_byte():
    page = "```python\nprint('hi')\n```\n\n`code`\n"
    assert shield_code_from_macros(page) == page


def test_an_unclosed_fence_is_still_shielded():
    assert shield_code_from_macros("```\n{{ x }}\n").startswith("{% raw %}```")


def test_abbreviations_are_appended_only_for_terms_the_page_uses():
    from playbook.stage.markdown_text import append_abbreviations
    terms = {"RACI": "Who does what.", "UAT": "User acceptance testing.", "go/no-go": "The decision."}
    page = "# Kickoff\n\nThe RACI matrix and the go/no-go meeting.\n"
    assert append_abbreviations(page, terms) == page + "\n*[RACI]: Who does what.\n*[go/no-go]: The decision.\n"
    assert append_abbreviations("No terms here.\n", terms) == "No terms here.\n"
    assert append_abbreviations("RACIs are plural.\n", terms) == "RACIs are plural.\n"  # whole words only


def test_abbreviations_never_land_inside_an_open_code_fence():
    from playbook.stage.markdown_text import append_abbreviations
    page = "The RACI.\n\n```text\nRACI in code\n"
    assert append_abbreviations(page, {"RACI": "Who does what."}) == page
