"""The real customer site, checked against the real sources: nothing that is internal in
docs/ or data/ reaches it, and every link in it lands on a page it has."""
import gzip
import re

import pytest

from playbook.load.data_folder import load_playbook
from playbook.load.front_matter import read_front_matter
from tests import html
from tests.sites import ROOT

pytestmark = pytest.mark.build

PLAYBOOK = load_playbook(ROOT / "data")
INTERNAL_BLOCK = re.compile(r"^/{3,} *internal.*?\n(.*?)^/{3,} *$", re.MULTILINE | re.DOTALL)


def customer_text(site) -> str:
    parts = []
    for path in site.site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            parts.append((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
            parts.append(path.relative_to(site.site).as_posix())
    return "\n".join(parts)


def internal_pages():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        meta = read_front_matter(path.read_text(), path.name)
        if meta.audience != "customer":
            yield path.relative_to(ROOT / "docs").as_posix()


def internal_block_sentences():
    """A distinctive line from every internal block of every customer page."""
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text()
        if read_front_matter(text, path.name).audience != "customer":
            continue
        for block in INTERNAL_BLOCK.findall(text):
            lines = [line.strip(" -*") for line in block.splitlines() if len(line.strip()) > 40 and "{{" not in line]
            if lines:
                yield path.name, lines[0][:60]


@pytest.fixture(scope="module")
def everything(real_customer_site):
    return customer_text(real_customer_site)


def test_no_internal_page_is_in_the_customer_site(real_customer_site, everything):
    pages = list(internal_pages())
    assert pages, "the playbook should have internal pages to keep out"
    for src in pages:
        address = src[:-3] + "/"
        assert address not in everything, f"{src} is internal but its address appears in the customer site"


def test_no_internal_block_reaches_the_customer_site(everything):
    sentences = list(internal_block_sentences())
    assert len(sentences) >= 5
    for page, sentence in sentences:
        plain = re.sub(r"[*_`\[\]]", "", sentence)
        assert plain not in everything, f"internal text from {page} leaked: {plain!r}"


def test_no_internal_data_item_or_role_reaches_the_customer_site(everything):
    internal_roles = [r for r in PLAYBOOK.roles.values() if r.audience == "internal"]
    assert internal_roles
    for role in internal_roles:
        assert role.id not in everything and role.summary[:50] not in everything
    activities = [a for p in PLAYBOOK.processes.values() for a in p.activities if a.audience == "internal"]
    items = [i for c in PLAYBOOK.checklists.values() for i in c.items if i.audience == "internal"]
    assert activities and items
    for activity in activities:
        assert f'id="{activity.id}"' not in everything and activity.title not in everything, activity.id
    for item in items:
        assert item.text[:50] not in everything, item.id


def test_every_link_in_the_customer_site_lands_on_a_customer_page(real_customer_site):
    site = real_customer_site.site
    checked = 0
    for page_path in site.rglob("*.html"):
        if page_path.name == "404.html":
            continue
        for href in html.hrefs(page_path.read_text()):
            target = html.local_target(site, page_path, href)
            if target is None or href.startswith("/"):
                continue
            path, anchor = target
            assert path.exists(), f"{page_path.relative_to(site)} links to missing {href}"
            checked += 1
    assert checked > 500


def test_customer_home_is_the_customer_welcome_page(real_customer_site):
    home = real_customer_site.page("")
    assert "What we need from you" in home and "Who to contact" in home
    assert "Meridian Consulting" in html.text(html.between(home, "<header", "</header>"))
    assert 'href="assets/playbook/brand.css"' in home
