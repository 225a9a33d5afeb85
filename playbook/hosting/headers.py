"""The security headers of both sites, worked out from the pages the build wrote.

The Content-Security-Policy allows the site itself and nothing else: scripts, styles, images,
the search worker and its index all come from the site's own address. No page carries an
inline script: Material's few inline snippets are files of the site (overrides/partials/
javascripts/), and the build refuses a page that carries one of its own (playbook.render.checks),
so the policy holds no script hash and no 'unsafe-inline': a script written into a page does not
run. Inline `<style>` elements and `style` attributes are allowed by the sha256 hash of each
distinct one found in the output (none are written today). `data:` images stay allowed because
Material's stylesheet draws its icons from data: SVGs.

Framing is allowed for Microsoft Teams and the other Microsoft 365 hosts that show Teams tabs,
the list Microsoft documents in "Prerequisites" for tabs
(learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements), and for the site
itself; every other site is refused.
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

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

def source_hash(code: str) -> str:
    """A CSP hash source: 'sha256-<base64 of the UTF-8 text's digest>'."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(styles: Iterable[str] = (), style_attributes: Iterable[str] = ()) -> str:
    style_hashes = sorted({source_hash(code) for code in styles})
    attribute_hashes = sorted({source_hash(code) for code in style_attributes})
    style_src = ["'self'", *style_hashes]
    if attribute_hashes:
        # Hashes of style attributes count only with 'unsafe-hashes' (CSP level 3).
        style_src += ["'unsafe-hashes'", *attribute_hashes]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'"]),
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


def security_headers(styles: Iterable[str] = (), style_attributes: Iterable[str] = ()) -> dict[str, str]:
    """The headers every response of the site carries, given the inline styles of its pages."""
    return {
        "Content-Security-Policy": content_security_policy(styles, style_attributes),
        "X-Content-Type-Options": "nosniff",
        # No address of either site leaves with a click, not even to the same site: internal
        # page addresses say what the firm works on, and nothing here needs a referrer.
        "Referrer-Policy": "no-referrer",
    }
