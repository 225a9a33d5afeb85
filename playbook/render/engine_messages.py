"""MkDocs' and mkdocs-macros' own complaints, rewritten the way every other build message reads:
`docs/<page>:<line>: what is wrong — how to fix it`.

A broken link, a broken anchor or a Jinja mistake is caught by MkDocs or by mkdocs-macros, not
by us, and their wording names the page but neither the line nor the fix. An author who is not
a programmer should not have to decode "contains an unrecognized relative link". Each rewrite
below recognises one message by its exact wording (pinned versions, so the wording is stable)
and leaves anything it does not recognise exactly as it was.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_MISSING_PAGE = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found "
    r"among documentation files\.(?: Did you mean '(?P<guess>[^']+)'\?)?$")
_MISSING_ANCHOR = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc '(?P<target>[^']+)' does not "
    r"contain an anchor '#(?P<anchor>[^']+)'|there is no such anchor on this page)\.")
_UNRECOGNISED = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\.")
_OMITTED = re.compile(r'^The following pages exist in the docs directory, but are not included in the "nav" '
                      r"configuration:\s*(?P<pages>(?:\n\s*- .+)+)")
# A macro's own complaint when a page runs it (playbook/render/macros.py): the page, not the line.
_MACRO_CALL = re.compile(r"^docs/(?P<page>[^:\n]+\.md): (?P<name>[a-z_]+)\((?P<rest>.*)$", re.S)
_MACRO_ERROR = re.compile(r"# _Macro (?P<kind>Syntax|Rendering) Error_\s+_File_: `(?P<page>[^`]+)`", re.DOTALL)
_SYNTAX_DETAIL = re.compile(r"_Line \d+ in Markdown file:_ \*\*(?P<what>.+?)\*\*\s+```markdown\n(?P<line>.*?)\n")
_RENDER_DETAIL = re.compile(r"_(?P<type>\w+)_: (?P<what>.+)")

_BRACES_FIX = "to show braces as text, put them in a code block or between backticks"


@dataclass(frozen=True)
class SiteFacts:
    """What the rewrites may look up about the site being built."""

    read_page: Callable[[str], str | None]         # a page's source by its path in docs/
    pages: Iterable[str]                           # every page's path in docs/
    anchors_of: Callable[[str], Iterable[str]]     # the anchors a built page has


def rewrite(message: str, site: SiteFacts) -> str | None:
    """The author-friendly form of a message, or None when it is not one we rewrite. A message
    about several files is rewritten as one line per file."""
    for pattern, build in ((_MISSING_PAGE, _missing_page), (_MISSING_ANCHOR, _missing_anchor),
                           (_UNRECOGNISED, _unrecognised), (_OMITTED, _omitted), (_MACRO_CALL, _macro_call),
                           (_MACRO_ERROR, _macro_error)):
        match = pattern.search(message)
        if match:
            return build(match, message, site)
    return None


def _where(site: SiteFacts, page: str, *needles: str, whole_line: str = "") -> str:
    """docs/<page>:<line> of the first line that is whole_line, else that holds every needle."""
    lines = (site.read_page(page) or "").splitlines()
    for number, line in enumerate(lines, start=1):
        if whole_line and line.strip() == whole_line:
            return f"docs/{page}:{number}"
    for number, line in enumerate(lines, start=1):
        if all(needle in line for needle in needles if needle):
            return f"docs/{page}:{number}"
    return f"docs/{page}"


def _missing_page(match: re.Match[str], _message: str, site: SiteFacts) -> str:
    page, link = match.group("page"), match.group("link")
    guess = match.group("guess") or _guess_page(page, link, site.pages)
    hint = f"did you mean '{guess}'? " if guess else ""
    return (f"{_where(site, page, f']({link}')}: the link '{link}' points to a page that does not exist — "
            f"{hint}links are relative to this page's folder and end in .md, such as ../phases/kickoff.md")


def _guess_page(page: str, link: str, pages: Iterable[str]) -> str | None:
    pages = list(pages)
    target = posixpath.splitext(posixpath.basename(link.split("#")[0]))[0]
    names = {posixpath.splitext(posixpath.basename(p))[0]: p for p in pages}
    close = difflib.get_close_matches(target, list(names), n=1, cutoff=0.8)
    if not close:
        return None
    return posixpath.relpath(names[close[0]], posixpath.dirname(page) or ".")


def _missing_anchor(match: re.Match[str], _message: str, site: SiteFacts) -> str:
    page, link = match.group("page"), match.group("link")
    target = match.group("target") or page
    anchor = match.group("anchor") or link.partition("#")[2]
    anchors = sorted(set(site.anchors_of(target)))
    close = difflib.get_close_matches(anchor, anchors, n=1, cutoff=0.6)
    hint = f"did you mean '#{close[0]}'? " if close else ""
    return (f"{_where(site, page, link)}: the link '{link}' names the section '#{anchor}', which {target} does not "
            f"have — {hint}a section's anchor is its heading in lower case with hyphens, such as #who-does-what")


def _unrecognised(match: re.Match[str], _message: str, site: SiteFacts) -> str:
    page, link = match.group("page"), match.group("link")
    return (f"{_where(site, page, f']({link}')}: the link '{link}' does not name a page — "
            "link to the page's .md file, such as ../phases/kickoff.md (not its web address)")


def _macro_call(match: re.Match[str], _message: str, site: SiteFacts) -> str:
    page, name = match.group("page"), match.group("name")
    return f"{_where(site, page, name + '(')}: {name}({match.group('rest')}"


def _omitted(match: re.Match[str], _message: str, _site: SiteFacts) -> str:
    """One message per page, each on its own line (the caller says each as a message of its own)."""
    pages = [line.strip()[2:] for line in match.group("pages").splitlines() if line.strip().startswith("- ")]
    return "\n".join(f"docs/{page}: this page is in no entry of the nav in mkdocs.yml, so readers cannot reach it "
                     "from the menu — add it under nav: in mkdocs.yml, or delete the file" for page in pages)


def _macro_error(match: re.Match[str], message: str, site: SiteFacts) -> str:
    page = match.group("page")
    if match.group("kind") == "Syntax":
        detail = _SYNTAX_DETAIL.search(message)
        what = detail.group("what") if detail else "the template cannot be read"
        line = detail.group("line").strip() if detail else ""
        return (f"{_where(site, page, line, whole_line=line)}: Jinja syntax error: {what} — check that every '{{{{' is closed by "
                f"'}}}}' and every '{{%' by '%}}'; {_BRACES_FIX}")
    detail = _RENDER_DETAIL.search(message[match.end():])
    what = detail.group("what").strip() if detail else "a macro failed"
    name = re.search(r"'([^']+)' is undefined", what)
    if name:
        return (f"{_where(site, page, name.group(1))}: {what} — check the spelling of the macro or variable "
                f"(CONTRIBUTING.md lists every macro); {_BRACES_FIX}")
    return f"{_where(site, page)}: {what} — check the macro call on this page against CONTRIBUTING.md"
