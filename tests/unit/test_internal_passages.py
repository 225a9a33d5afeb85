"""Internal passages never reach a customer page, however they are written.

The rule tested is the cause, not a list of examples: whatever Python-Markdown with the site's
extensions draws as an internal box on the internal site must either be removed from the
customer page, or the page must be refused with its line. Hand-picked variants (every kind of
channel an author or attacker could use) and a few hundred generated combinations of them are
each staged for customers; a secret the internal site shows inside an internal box may never
be in the staged customer page that was accepted.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import markdown
import pytest

from playbook.load import passages
from playbook.load.front_matter import read_front_matter
from playbook.load.jinja_check import Delimiters, JinjaChecker
from playbook.load.pages import SourcePage, read_page
from playbook.stage.markdown_oracle import Oracle, TooSlow, time_limit
from playbook.stage.pages import PageContext, stage_page

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.tasklist",
              "pymdownx.blocks.admonition", "pymdownx.blocks.details"]
CONFIGS = {"pymdownx.blocks.admonition": {"types": ["note", "tip", "warning", "internal"]},
           "pymdownx.blocks.details": {"types": [{"name": "internal-details", "class": "internal"}]}}
SECRET = "SECRETMARKER"
ORACLE = Oracle(EXTENSIONS, CONFIGS)


def internal_words(text: str) -> set[str] | None:
    """The words the internal site shows inside an internal box (the real parser's view); None
    when the parser loops on the page (pymdownx blocks in a quote can)."""
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    try:
        with time_limit(5):
            rendered = md.convert(text)
    except TooSlow:
        return None
    words: set[str] = set()
    for box in re.finditer(r'<(div|details)[^>]*class="[^"]*\binternal\b[^"]*"[^>]*>(.*?)</\1>', rendered, re.S):
        words |= set(re.findall(r"[A-Z]{6,}\w*", box.group(2)))
    return words


def stage_for_customers(body: str) -> tuple[str | None, list[str]]:
    page = SourcePage("page.md", "docs/page.md", read_front_matter("", "docs/page.md"), body.split("\n"), 1)
    checker = JinjaChecker(Delimiters(), (), (), lambda name, args: None, lambda path: None)
    context = PageContext(audience="customer", staged_pages={"page.md"}, all_pages={"page.md"}, files=set(),
                          home="index.md", checker=checker, oracle=lambda: ORACLE, abbreviations={},
                          facts=lambda page, src: {}, search_terms=lambda page: ())
    staged, problems = stage_page(page, context)
    return (None if problems else staged.text), [str(p) for p in problems]


VARIANTS = {
    "plain block": f"/// internal\n{SECRET}\n///\n",
    "upper-case name": f"/// INTERNAL\n{SECRET}\n///\n",
    "title after the name": f"/// internal | For staff\n{SECRET}\n///\n",
    "four slashes with a block inside": f"//// internal\n/// note\nx\n///\n{SECRET}\n////\n",
    "a fence holding /// inside the block": f"/// internal\n```\n///\n```\n{SECRET}\n///\n",
    "nested in another block": f"/// note\n/// internal\n{SECRET}\n///\n///\n",
    "in a blockquote": f"> /// internal\n> {SECRET}\n> ///\n",
    "in a list item": f"- item\n\n    /// internal\n    {SECRET}\n    ///\n",
    "indented": f"  /// internal\n  {SECRET}\n  ///\n",
    "admonition !!!": f"!!! internal\n    {SECRET}\n",
    "admonition ???": f"??? internal\n    {SECRET}\n",
    "admonition ???+": f"???+ internal \"Title\"\n    {SECRET}\n",
    "admonition with two classes": f"!!! note internal\n    {SECRET}\n",
    "type: internal option": f"/// admonition | Title\n    type: internal\n{SECRET}\n///\n",
    "details block of the internal type": f"/// internal-details | More\n{SECRET}\n///\n",
    "raw HTML box": f'<div class="admonition internal">\n<p>{SECRET}</p>\n</div>\n',
    "unclosed fence before the block": f"```python\ncode\n\n/// internal\n{SECRET}\n///\n",
    "line opening with inline backticks": f"```x``` then\n/// internal\n{SECRET}\n///\n",
    "never closed": f"text\n/// internal\n{SECRET}\n",
    "closed with the wrong number of slashes": f"//// internal\n{SECRET}\n///\nmore {SECRET}\n",
    "CRLF line endings": f"/// internal\r\n{SECRET}\r\n///\r\n",
    "trailing spaces after the closing slashes": f"/// internal\n{SECRET}\n///   \n",
    "internal inside internal": f"/// internal\nouter\n/// internal\n{SECRET}\n///\n///\n",
    "example in a closed fence is code, not a block": "```markdown\n/// internal\nEXAMPLEWORDS\n///\n```\n",
}


@pytest.mark.parametrize("name", VARIANTS)
def test_what_the_internal_site_boxes_never_reaches_an_accepted_customer_page(name):
    body = VARIANTS[name].replace("\r\n", "\n") if "CRLF" not in name else VARIANTS[name]
    hidden = internal_words(body.replace("\r\n", "\n"))
    staged, problems = stage_for_customers(body.replace("\r\n", "\n").replace("\r", "\n"))
    if staged is None:
        assert problems and all(re.match(r"docs/page\.md:\d+: ", p) for p in problems), problems
        return
    leaked = {word for word in hidden if word in staged}
    assert not leaked, f"{name}: {leaked} reached the customer page:\n{staged}"


def test_the_canonical_form_is_removed_not_refused():
    for name in ("plain block", "upper-case name", "title after the name", "four slashes with a block inside",
                 "a fence holding /// inside the block", "CRLF line endings", "unclosed fence before the block"):
        staged, problems = stage_for_customers(VARIANTS[name].replace("\r\n", "\n"))
        assert staged is not None, (name, problems)
        assert SECRET not in staged


def test_each_ambiguous_form_is_refused_at_its_line_with_the_fix():
    for name in ("nested in another block", "in a blockquote", "in a list item", "indented", "admonition !!!",
                 "admonition ???", "admonition ???+", "admonition with two classes", "type: internal option",
                 "never closed", "internal inside internal"):
        staged, problems = stage_for_customers("Intro.\n\n" + VARIANTS[name])
        assert staged is None, name
        assert any(p.startswith("docs/page.md:") and " — " in p for p in problems), (name, problems)


def test_a_code_sample_of_the_syntax_stays_on_the_customer_page():
    staged, problems = stage_for_customers(VARIANTS["example in a closed fence is code, not a block"])
    assert problems == [] and "EXAMPLEWORDS" in staged


_PIECES = ["/// internal", "/// Internal | T", "//// internal", "///", "////", "/// note", "> /// internal",
           "- x", "    /// internal", "```", "```python", "~~~", "!!! internal", "??? note internal", "    type: internal",
           '<div class="internal">', "</div>", "", "text", "`code` /// internal", "<!-- /// internal -->"]


@pytest.mark.parametrize("seed", range(300))
def test_generated_pages_never_leak_what_is_boxed(seed):
    rng = random.Random(seed)
    lines = []
    for _ in range(rng.randint(3, 12)):
        lines.append(rng.choice(_PIECES))
        if rng.random() < 0.6:
            lines.append(f"{SECRET}{len(lines)}")
    body = "\n".join(lines) + "\n"
    hidden = internal_words(body)
    staged, _problems = stage_for_customers(body)
    if hidden is None:  # a page the parser cannot read is never accepted
        assert staged is None, body
    elif staged is not None:
        assert not {w for w in hidden if w in staged}, body


def test_a_page_with_an_odd_line_break_is_refused_at_load_with_its_line(tmp_path: Path):
    for separator, what in (("\x0c", "form feed"), ("\u2028", "U+2028"), ("\x85", "NEL")):
        page = tmp_path / "page.md"
        page.write_text(f"# T\n\nIntro{separator}/// internal\n{SECRET}\n///\n", encoding="utf-8")
        _page, problems = read_page(page, "page.md", "docs/page.md")
        assert any(p.line == 3 and what in p.message for p in problems), problems


def test_a_page_that_makes_the_parser_loop_is_refused_not_hung_on():
    staged, problems = stage_for_customers("Intro.\n\n/// note\n> /// internal\n///\n/// internal\n")
    assert staged is None and problems


def test_mentions_internal_is_what_decides_whether_the_parser_is_asked():
    assert passages.mentions_internal("a\n/// INTERNAL\n") and not passages.mentions_internal("a\n/// note\n")
