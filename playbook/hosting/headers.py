"""The security headers of both sites, worked out from the pages the build wrote.

The Content-Security-Policy allows the site itself and nothing else: scripts, styles, images,
the search worker and its index all come from the site's own address. Material writes a few
small inline scripts into every page (the `__md_scope` storage helper, one per folder depth, and
the tab-restoring snippet), and the redirect pages have one of their own; rather than
'unsafe-inline', the policy lists the sha256 hash of each distinct inline script found in the
output, so a script injected into a page, or changed, does not run. Inline `<style>` elements
and `style` attributes are hashed the same way (none are written today). `data:` images stay
allowed because Material's stylesheet draws its icons from data: SVGs.

Framing is allowed for Microsoft Teams and the other Microsoft 365 hosts that show Teams tabs,
the list Microsoft documents in "Prerequisites" for tabs
(learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements), and for the site
itself; every other site is refused.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# The hosts Microsoft documents for a tab's frame-ancestors: every Microsoft 365 host (the new
# cloud.microsoft domain), Teams, the Microsoft 365 app, and Outlook.
TEAMS_FRAME_ANCESTORS = (
    "https://*.cloud.microsoft",
    "https://teams.microsoft.com",
    "https://*.teams.microsoft.com",
    "https://*.microsoft365.com",
    "https://*.office.com",
    "https://outlook.office.com",
    "https://outlook.office365.com",
    "https://outlook-sdf.office.com",
    "https://outlook-sdf.office365.com",
)

# A tag's attributes, quoted values included (a '>' inside quotes does not end the tag).
_ATTRIBUTES = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
_SCRIPT = re.compile(r"<script\b" + _ATTRIBUTES + r">(.*?)</script\s*>", re.I | re.S)
_STYLE = re.compile(r"<style\b" + _ATTRIBUTES + r">(.*?)</style\s*>", re.I | re.S)
_STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*?"""
                              r"""\s+style\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_STYLE_HINT = re.compile(r"\sstyle\s*=")
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
# Script types a browser runs; any other type (application/json: Material's __config) is data.
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


@dataclass(frozen=True)
class Inline:
    """The distinct inline code of a site's pages, which its policy must allow by hash."""

    scripts: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()
    style_attributes: frozenset[str] = frozenset()


def inline_code_of(html: str) -> Inline:
    """The inline scripts, style elements and style attributes of one page."""
    scripts: set[str] = set()
    for match in _SCRIPT.finditer(html):
        attrs = match.group(1)
        kind = _TYPE.search(attrs)
        kind_value = next((g for g in kind.groups() if g is not None), "").strip().lower() if kind else ""
        if not _SRC.search(attrs) and kind_value in _JAVASCRIPT_TYPES and match.group(2).strip():
            scripts.add(match.group(2))
    styles = {match.group(2) for match in _STYLE.finditer(html) if match.group(2).strip()}
    attributes = set()
    if _STYLE_HINT.search(html):  # nearly no page has one: the long expression runs only where it can match
        attributes = {next(g for g in match.groups() if g is not None) for match in _STYLE_ATTRIBUTE.finditer(html)}
    return Inline(frozenset(scripts), frozenset(styles), frozenset(attributes))


def inline_code(site_dir: Path, known: Mapping[Path, Inline] | None = None) -> Inline:
    """The inline code of every HTML file of a site; known holds what was already read of some
    of them (the render step reads every page once, while the engine writes)."""
    found = [(known or {}).get(path) or inline_code_of(path.read_text(encoding="utf-8"))
             for path in sorted(Path(site_dir).rglob("*.html"))]
    return Inline(frozenset().union(*(each.scripts for each in found)),
                  frozenset().union(*(each.styles for each in found)),
                  frozenset().union(*(each.style_attributes for each in found)))


def source_hash(code: str) -> str:
    """A CSP hash source: 'sha256-<base64 of the UTF-8 text's digest>'."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(inline: Inline) -> str:
    scripts = sorted(source_hash(code) for code in inline.scripts)
    styles = sorted(source_hash(code) for code in inline.styles)
    attributes = sorted(source_hash(code) for code in inline.style_attributes)
    style_src = ["'self'", *styles]
    if attributes:
        # Hashes of style attributes count only with 'unsafe-hashes' (CSP level 3).
        style_src += ["'unsafe-hashes'", *attributes]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *scripts]),
        ("style-src", style_src),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'self'", *TEAMS_FRAME_ANCESTORS]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def security_headers(site_dir: Path, inline: Inline | None = None) -> dict[str, str]:
    """The headers every response of the site carries; inline is the site's inline code, when
    the render step has read it already."""
    return {
        "Content-Security-Policy": content_security_policy(inline if inline is not None else inline_code(site_dir)),
        "X-Content-Type-Options": "nosniff",
        # No address of either site leaves with a click, not even to the same site: internal
        # page addresses say what the firm works on, and nothing here needs a referrer.
        "Referrer-Policy": "no-referrer",
    }
