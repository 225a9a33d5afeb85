"""Rewrites of a page's Markdown made before any engine reads it.

- Code samples are shielded from the macro engine, so authors never need to know Jinja to show
  `{{ ... }}` in a code block or between backticks.
- Comments (HTML `<!-- -->` and Jinja `{# #}`) are taken out of customer pages: whatever an
  author notes there is for the people who edit the page, and it would otherwise travel into
  the customer's HTML or the staged tree.
- Glossary terms the page uses get Markdown abbreviation lines, which show their meaning on
  hover.

Lines and code are read by playbook.stage.markdown_lines, as the parser reads them.
"""
from __future__ import annotations

import html
import re

from playbook.load import markdown_lines

JINJA_STARTS = ("{{", "{%", "{#")
RAW_OPEN, RAW_CLOSE = "{% raw %}", "{% endraw %}"
_COMMENTS = re.compile(r"<!--.*?-->|\{#.*?#\}", re.DOTALL)


def has_jinja(text: str) -> bool:
    return any(start in text for start in JINJA_STARTS)


def shield_code_from_macros(lines: list[str]) -> list[str]:
    """Wrap fenced and inline code that holds Jinja delimiters in raw tags, so the macro
    engine shows it as written. The line count never changes."""
    out = list(lines)
    for fence in markdown_lines.fences(lines):
        block = lines[fence.start:fence.end + 1]
        if not has_jinja("\n".join(block)):
            continue
        first = lines[fence.start]
        indent = first[:len(first) - len(first.lstrip())]
        out[fence.start] = indent + RAW_OPEN + first[len(indent):]
        out[fence.end] = out[fence.end] + RAW_CLOSE
    code = markdown_lines.code_lines(lines)
    for index, line in enumerate(lines):
        if not code[index] and has_jinja(line):
            out[index] = _shield_inline(line)
    return out


def _shield_inline(line: str) -> str:
    pieces, last = [], 0
    for start, end in markdown_lines.inline_code_spans(line):
        span = line[start:end]
        pieces.append(line[last:start])
        pieces.append(RAW_OPEN + span + RAW_CLOSE if has_jinja(span) else span)
        last = end
    pieces.append(line[last:])
    return "".join(pieces)


def strip_comments(lines: list[str]) -> list[str]:
    """The lines with HTML and Jinja comments outside code removed. A comment spanning lines
    leaves those lines empty rather than removing them, so line numbers still match the source."""
    code = markdown_lines.code_lines(lines)
    out: list[str] = []
    index = 0
    while index < len(lines):
        if code[index]:
            out.append(lines[index])
            index += 1
            continue
        # Gather a run of prose lines and strip comments across it (a comment may span lines).
        end = index
        while end < len(lines) and not code[end]:
            end += 1
        run = "\n".join(lines[index:end])
        masked = _mask_inline_code(run)
        kept, cursor = [], 0
        for match in _COMMENTS.finditer(masked):
            kept.append(run[cursor:match.start()])
            kept.append("\n" * match.group(0).count("\n"))
            cursor = match.end()
        kept.append(run[cursor:])
        out += "".join(kept).split("\n")
        index = end
    return out


def _mask_inline_code(text: str) -> str:
    """text with inline code spans blanked out (same length), so comments inside them are kept."""
    chars = list(text)
    offset = 0
    for line in text.split("\n"):
        for start, end in markdown_lines.inline_code_spans(line):
            for position in range(offset + start, offset + end):
                chars[position] = " "
        offset += len(line) + 1
    return "".join(chars)


def tooltip_source(meaning: str) -> str:
    """A meaning written so that the abbreviation's tooltip shows it exactly, as text.

    The theme's tooltips (Material's content.tooltips) show a title by setting it as the
    tooltip's innerHTML, so the title must be HTML itself: the meaning escaped once. Python-Markdown
    writes the title attribute keeping every character reference it finds, so the source is
    escaped twice (`<` is written `&amp;lt;`, which the attribute decodes to `&lt;`, which the
    tooltip shows as `<`). Braces become references, so no meaning can close the raw block the
    lines sit in on a page with Jinja."""
    twice = html.escape(html.escape(meaning, quote=False), quote=False)
    return twice.replace("{", "&#123;").replace("}", "&#125;")


def abbreviation_lines(body: str, abbreviations: dict[str, str], *, raw: bool) -> list[str]:
    """`*[term]: meaning` lines for the glossary terms the body uses, to go after its last line.

    They go at the very end so they can never land in front matter or split a block; a body
    that ends inside an open code fence gets none, since they would show as code. With raw,
    the lines are wrapped so the macro engine leaves the meanings (data) as written."""
    # The plain substring test first: most terms are on few pages, and it is far cheaper.
    used = [(term, meaning) for term, meaning in abbreviations.items()
            if term in body and re.search(rf"\b{re.escape(term)}\b", body)]
    if not used:
        return []
    lines = [f"*[{term}]: {tooltip_source(' '.join(meaning.split()))}" for term, meaning in used]
    if raw:
        lines = [RAW_OPEN, *lines, RAW_CLOSE]
    return ["", *lines]
