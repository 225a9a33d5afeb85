"""Checks of a rendered site, made on its output files: what readers would really get.

The stage stops what it can see in the sources. These checks read the HTML the engine wrote,
so they hold whatever the engine, the theme or a macro did, on any engine:

- every link to a section of a page lands on an id that page has (the ids inside the macros'
  finished HTML included, which the engine never sees);
- no address in any page uses a scheme other than http, https, mailto or tel, and data: only
  for a picture (a `javascript:` link from anywhere is stopped here at the latest, however its
  tag is written);
- on the customer site, no page holds an internal box or an HTML comment.

Each problem names the file and line an author edits, through the stage's line maps.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from playbook.problems import Problem
from playbook.render import html_tags

if TYPE_CHECKING:  # the readings are made from this module's functions
    from playbook.render.finished_pages import PageReading

_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
INTERNAL_BOX = re.compile(r"""class\s*=\s*["'][^"']*\binternal\b""", re.I)
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_IMAGES = ("img", "source")  # where a data: address is a picture, not a document or a script


def unsafe_addresses(html: str) -> list[tuple[str, str]]:
    """(address, scheme) of each address in a page with a scheme a page may not use."""
    return [(address, scheme) for tag, attribute, address in html_tags.addresses_in_page(html, with_scheme_only=True)
            if (scheme := unsafe_scheme(tag, attribute, address))]


def unsafe_scheme(tag: str, attribute: str, address: str) -> str | None:
    """The scheme of an address a reader must not be sent to or run, else None."""
    scheme = urlsplit(address).scheme.lower()
    if not scheme or scheme in SAFE_SCHEMES:
        return None
    if scheme == "data" and tag in _IMAGES and attribute in ("src", "srcset"):
        return None
    return scheme


def ids_of(html: str) -> set[str]:
    return {unescape(next(g for g in match.groups() if g is not None)) for match in _ID.finditer(html)}


def check_site(pages: Mapping[str, PageReading], staged_root: Path, manifest: dict[str, Any]) -> list[Problem]:
    """The problems of a rendered site, from its pages as read (playbook.render.finished_pages)."""
    problems: list[Problem] = []
    for anchor in manifest["anchors"]:
        known_ids = pages[anchor["target"]].ids if anchor["target"] in pages else frozenset()
        if anchor["anchor"] not in known_ids:
            close = difflib.get_close_matches(anchor["anchor"], sorted(known_ids), n=1, cutoff=0.6)
            hint = f"did you mean '#{close[0]}'? " if close else ""
            problems.append(Problem(anchor["source"], anchor["line"],
                                    f"the link '{anchor['written']}' names the section '#{anchor['anchor']}', which "
                                    f"{anchor['target']} does not have",
                                    f"{hint}a section's anchor is its heading in lower case with hyphens, such as "
                                    "#who-does-what"))

    customer = manifest["audience"] == "customer"
    for src, page in manifest["pages"].items():
        if src not in pages:
            continue
        reading = pages[src]
        for address, scheme in reading.unsafe:
            problems.append(_at(staged_root, page, src, address,
                                f"the page holds a link to '{address[:60]}', whose '{scheme}:' scheme a page "
                                "may not use", "link to an http, https or mailto address, or to a page of the site"))
        if customer:
            if reading.has_comment:
                problems.append(_at(staged_root, page, src, "<!--", "the customer page holds an HTML comment",
                                    "remove the comment from the page (comments in a page's source are removed "
                                    "before the customer site is built; this one came from a macro or template)"))
            if reading.internal_box:
                problems.append(_at(staged_root, page, src, "internal",
                                    "the customer page shows a box marked internal",
                                    "write the passage as a top-level '/// internal' block, which the build removes"))
    return problems


def _at(staged_root: Path, page: dict[str, Any], src: str, needle: str, message: str, fix: str) -> Problem:
    """A problem at the source line of the first staged line holding needle (or the file)."""
    staged = staged_root / "docs" / src
    line = None
    if staged.is_file() and page["line_map"]:
        for number, text in enumerate(staged.read_text(encoding="utf-8").split("\n"), start=1):
            if needle in text:
                index = number - page["body_start"]
                if 0 <= index < len(page["line_map"]):
                    line = page["line_map"][index] or None
                break
    return Problem(page["source"], line, message, fix)
