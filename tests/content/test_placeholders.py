"""No page of either site asks its reader to fill in a value the build knows (issues 21 and 24).

The statement of work appendix said "This project follows [firm name]'s implementation playbook,
published at [customer site link]", and the hosting page `https://<internal address>/...`, while
mkdocs.yml holds the firm's name, both sites' addresses, the contact address and the tenant. A
template copied per project keeps its fill-in fields for what only the project knows (its name,
its dates, its people): "[Project name]", "[date]", "[link]" to the new system.

So every built page of both sites is read whole, code included, for a fill-in field (a few words
in square brackets, angle brackets or braces) that names one of the values the build knows, and
for the phrases that stand in for one without brackets.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import html
from tests.content.test_content_rot import built_pages

pytestmark = pytest.mark.build

# What the build knows (extra.brand, extra.customer_site, site_url, extra.hosting, extra.teams),
# by the words a stand-in for it uses.
KNOWN = {
    "the firm's name": r"\b(?:firm|company|supplier|vendor)(?:'s)? name\b|^(?:the |our |your )?firm$",
    "the customer site's address": r"\b(?:customer site|guide|playbook|implementation guide)(?:'s)? "
                                   r"(?:url|link|address)\b|^(?:site )?(?:url|address) of the (?:guide|playbook)$",
    "the internal site's address": r"\binternal (?:site )?(?:url|link|address)\b",
    "the contact address": r"\b(?:contact|our|support)(?: e-?mail)? address\b|\bcontact e-?mail\b",
    "the tenant": r"\btenant(?: id)?\b",
    "the Teams app's name": r"\b(?:teams )?app(?:'s)? name\b",
}
_KNOWN = re.compile("|".join(f"(?:{pattern})" for pattern in KNOWN.values()), re.IGNORECASE)
FIELD = re.compile(r"\[([^\[\]\n]{2,60})\]|<([^<>\n]{2,60})>|\{([^{}\n]{2,60})\}")
STAND_INS = re.compile(r"\byour firm\b|\bthe guide's (?:address|url|link)\b|\bthe firm's (?:playbook )?app\b",
                       re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL)


def placeholders(text: str) -> list[str]:
    """Every fill-in field or stand-in in a text that the build could have filled itself."""
    found = [m.group(0) for m in FIELD.finditer(text) if _KNOWN.search(next(g for g in m.groups() if g).strip())]
    return found + [m.group(0) for m in STAND_INS.finditer(text)]


def page_text(page_html: str) -> str:
    """All the text a reader gets from a page: its words, code samples included."""
    return html.text(_SCRIPT.sub(" ", page_html))


@pytest.mark.parametrize("audience", ["internal", "customer"])
def test_no_page_asks_for_a_value_the_build_knows(real_sites, audience):
    site: Path = real_sites.site(audience).site
    found = {}
    for path in built_pages(site):
        if hits := placeholders(page_text(path.read_text(encoding="utf-8"))):
            found[path.relative_to(site).as_posix()] = hits
    assert found == {}


@pytest.mark.parametrize("text", [
    "This project follows [Firm name]'s implementation playbook.",
    "This project follows [firm name]'s playbook, published at [customer site link].",
    "Pin <customer site URL> in the channel.",
    "Open the guide's address in Teams.",
    "Your firm's team will call you.",
    "Write to [contact e-mail] with questions.",
    'oidc_issuer_url = "https://login.microsoftonline.com/<tenant id>/v2.0"',
    "redirect URI https://<internal address>/oauth2/callback",
    "choose the firm's playbook app under Built for your org",
    "Signed for {company name} by [name].",
])
def test_a_stand_in_for_a_known_value_is_found(text):
    assert placeholders(text), text


@pytest.mark.parametrize("text", [
    "Subject: [Project name] status report, week ending [date]",
    "1. Log in at [link] with [how to log in].",
    'client_id = "<application (client) id>"',
    "(https://<preview address>/.auth/login/aad/callback)",
    "Select it and copy it as it stands: the firm's name and the site's address are already filled in.",
    "[Executive sponsor name and title]",
    "Hypercare lasts [hypercare length] after go-live.",
])
def test_a_field_only_the_project_can_fill_is_kept(text):
    assert placeholders(text) == []
