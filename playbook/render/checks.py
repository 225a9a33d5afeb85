"""Checks of a rendered site, made on its output files: what readers would really get.

The stage stops what it can see in the sources. These checks read the HTML the engine wrote (as
a browser reads it: playbook.render.page_reading), so they hold whatever the engine, the theme or
a macro did, on any engine:

- every link to a section of a page lands on an id that page has (the ids inside the macros'
  finished HTML included, which the engine never sees);
- no address in any page uses a scheme other than http, https, mailto or tel, and data: only
  for a picture, and no attribute holds a javascript: address however it is written;
- no page carries a script of its own: every script is a file of the site's theme or of the
  playbook (overrides/assets/), so the sites' Content-Security-Policy allows scripts from the
  site itself and nothing else; inline code, an event handler attribute or a script from another
  site in a page is refused, never allowed by a hash;
- on the customer site, no page holds an internal box or an HTML comment.

Each problem names the file and line an author edits, through the stage's line maps.
"""
from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path

from playbook.model.handover import Handover, StagedPage
from playbook.problems import Problem
from playbook.render.page_reading import PageReading

SECTION_FIX = "a section's anchor is its heading in lower case with hyphens, such as #who-does-what"


def check_site(readings: Mapping[str, PageReading], staged_root: Path, handover: Handover) -> list[Problem]:
    """The problems of a rendered site, from its pages as read."""
    problems: list[Problem] = []
    for link in handover.section_links:
        known_ids = readings[link.target].ids if link.target in readings else frozenset()
        if link.anchor not in known_ids:
            close = difflib.get_close_matches(link.anchor, sorted(known_ids), n=1, cutoff=0.6)
            hint = f"did you mean '#{close[0]}'? " if close else ""
            problems.append(Problem(link.source, link.line,
                                    f"the link '{link.written}' names the section '#{link.anchor}', which "
                                    f"{link.target} does not have", hint + SECTION_FIX))

    customer = handover.audience == "customer"
    for src, page in handover.pages.items():
        reading = readings.get(src)
        if reading is None:
            continue
        at = _Locator(staged_root, page, src)
        for address, scheme in reading.unsafe:
            problems.append(at(address, f"the page holds a link to '{address[:60]}', whose '{scheme}:' scheme a page "
                                        "may not use", "link to an http, https or mailto address, or to a page of the "
                                                       "site"))
        for script in reading.scripts:
            problems.append(at(_needle(script), f"the page carries {script}: pages run only the playbook's own "
                                                "scripts", "remove it; behaviour for every page belongs in "
                                                           "overrides/assets/ (see CONTRIBUTING.md)"))
        if customer and reading.comments:
            problems.append(at("<!--", "the customer page holds an HTML comment",
                               "remove the comment from the page (comments in a page's source are removed before "
                               "the customer site is built; this one came from a macro or template)"))
        if customer and reading.internal_box:
            # The word as written, or the pieces Jinja puts it together from.
            problems.append(at(("nternal", "inter", "class="), "the customer page shows a box marked internal",
                               "write the passage as a top-level '/// internal' block, which the build removes"))
    return problems


def _needle(script: str) -> str:
    """What to look for in the staged page to find the line a script was written on."""
    if script.startswith("the handler "):
        return script.split()[2].split("=")[0]
    return "script"


class _Locator:
    """A problem at the source line of the first staged line holding a needle (or at the file)."""

    def __init__(self, staged_root: Path, page: StagedPage, src: str) -> None:
        self.page = page
        self.staged = staged_root / "docs" / src
        self._lines: list[str] | None = None

    def __call__(self, needles: str | tuple[str, ...], message: str, fix: str) -> Problem:
        """needles: what to look for, in order of preference; the first one found gives the line."""
        if self._lines is None:
            self._lines = self.staged.read_text(encoding="utf-8").lower().split("\n") if self.staged.is_file() else []
        line = None
        for needle in (needles,) if isinstance(needles, str) else needles:
            line = next((self.page.source_line(number) for number, text in enumerate(self._lines, start=1)
                         if needle.lower() in text), None)
            if line:
                break
        return Problem(self.page.source, line, message, fix)
