"""Issue 16, "What readers saw": the words on the built pages of both sites, as a reader gets them.
Layout, which only a browser shows, is tested in tests/browser/test_layout.py."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from playbook.load.data_folder import load_playbook
from playbook.present import views
from playbook.stage.audience import for_audience
from tests import html
from tests.sites import ROOT

pytestmark = pytest.mark.build

_SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL)


def pages(site: Path) -> dict[str, str]:
    """Every page a reader can open (redirect pages and the search index left out), by path."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text[:2000]:
            found[path.relative_to(site).as_posix()] = text
    return found


def visible(page_html: str) -> str:
    """The text a reader sees, with no space before punctuation where a tag used to end."""
    return re.sub(r"\s+([,.;:!?)])", r"\1", html.text(_SCRIPT.sub(" ", page_html)))


@pytest.fixture(params=["internal", "customer"])
def site(request, real_sites):
    return real_sites.site(request.param)


def test_no_page_shows_template_syntax(site):
    """Defect 1: "Sharing with customers" showed {{ customer_site_url }} as written."""
    shown = {path: re.findall(r"\{\{[^}]*\}\}|\{%[^%]*%\}", visible(text)) for path, text in pages(site.site).items()}
    assert {path: found for path, found in shown.items() if found} == {}


def test_the_sharing_page_gives_the_paragraph_with_real_values(real_internal_site):
    page = visible(real_internal_site.page("sharing-with-customers/"))
    assert ("The implementation follows Meridian Consulting's implementation playbook, published at "
            "https://implementations.meridian.example/.") in page
    assert "https://implementations.meridian.example/go/kickoff/" in page


def test_keyboard_keys_are_drawn_as_keys(site):
    """Defect 2: "Press ++slash++ or ++s++" was shown as written."""
    written = {path: re.findall(r"\+\+[\w+-]+\+\+", visible(text)) for path, text in pages(site.site).items()}
    assert {path: found for path, found in written.items() if found} == {}
    if site.site.name == "internal":
        home = site.page("")
        assert '<kbd class="key-slash">/</kbd>' in home and '<kbd class="key-s">S</kbd>' in home


# -- What we need from the customer (defect 12) -------------------------------------------------

PLAYBOOK = load_playbook(ROOT / "data")


def _expected_needs(audience: str) -> dict[str, set[str]]:
    """Process id -> what the customer's side owns in it, from the data (not from the page)."""
    visible = for_audience(PLAYBOOK, audience)
    customer = {r.id for r in visible.roles.values() if r.side == "customer"}
    expected: dict[str, set[str]] = {}
    for process in visible.processes.values():
        found = {f"{c.id}/{item.id}" for c in visible.checklists_for(process.id) for item in c.items
                 if item.owner in customer}
        found |= {a.id for a in process.activities if any(x.role in customer and x.letter in "RA" for x in a.raci)}
        if found:
            expected[process.id] = found
    return expected


@pytest.mark.parametrize(("audience", "title"), [
    ("customer", "What we need from you"),
    ("internal", "What we need from the customer"),
])
def test_one_page_lists_everything_needed_from_the_customer(real_sites, audience, title):
    """Issue 24: beside who does each thing stands who answers for it, the one who signs, from the
    matrix: the page named the doer where the Accountable is the one who signs."""
    site = real_sites.site(audience)
    visible_playbook = for_audience(PLAYBOOK, audience)
    activities = visible_playbook.activities
    page = site.page("what-we-need-from-you/")
    assert "<h1" in page and title in html.text(html.between(page, "<h1", "</h1>"))
    shown: dict[str, set[str]] = {}

    def titles(role_ids) -> set[str]:
        return {visible_playbook.roles[r].title for r in role_ids if r in visible_playbook.roles}

    for block in re.findall(r'<div class="pb-needs"[^>]* data-pb-needs="([^"]+)">(.*?)</table>', page, re.DOTALL):
        process_id, table = block
        rows = re.findall(r'<tr data-pb-need="([^"]+)">(.*?)</tr>', table, re.DOTALL)
        shown[process_id] = {need for need, _ in rows}
        for need, row in rows:
            cells = re.findall(r"<td (?:class=\"pb-needs__who-cell\" )?data-label=\"([^\"]+)\">(.*?)</td>", row, re.DOTALL)
            assert [label for label, _ in cells] == ["Who", "When"], need
            assert html.text(cells[1][1]), f"{need} lacks its due point"
            who = {letter: set(re.split(r"\s*,\s*", visible(part).split(":", 1)[1].strip()))
                   for letter, part in re.findall(r'data-pb-who="([^"]+)">(.*?)</span>\s*(?=<span class="pb-needs__who"|$)',
                                                  cells[0][1], re.DOTALL)}
            if need in activities:
                activity = activities[need][1]
                assert who == {"R": titles(activity.holders("R")), "A": titles(activity.holders("A"))}, need
            else:  # an item's owner does it and answers for it
                checklist_id, item_id = need.split("/")
                owner = next(i.owner for i in visible_playbook.checklists[checklist_id].items if i.id == item_id)
                assert who == {"owner": titles([owner])}, need
    assert shown == _expected_needs(audience)
    # The row the issue named: the customer project lead signs the design, the experts review it.
    design = visible(html.between(page, '<tr data-pb-need="discovery-sign-off-design">', "</tr>"))
    assert ("Does it: Customer subject matter expert, Customer IT lead Accountable: Customer project lead"
            in design), design
    phases = [p.id for p in PLAYBOOK.phases() if p.id in shown]
    order = [m for m in re.findall(r'data-pb-needs="([^"]+)"', page) if m in phases]
    assert order == phases, "the phases are not in lifecycle order"
    nav = html.text(html.between(page, '<nav class="md-nav md-nav--primary"', '<div class="md-content"'))
    assert nav.index(title) < nav.index("Lifecycle"), "the page is not near the top of the navigation"


def test_the_customer_page_says_when_each_checklist_item_is_due(real_customer_site):
    page = real_customer_site.page("what-we-need-from-you/")
    row = html.between(page, '<tr data-pb-need="kickoff-readiness/attendees-confirmed">', "</tr>")
    assert "One week before kickoff" in html.text(row) and "Customer project lead" in html.text(row)


# -- Role pages (defect 7) -----------------------------------------------------------------------


@pytest.mark.parametrize(("audience", "role", "heading"), [
    ("customer", "customer-project-lead", "What you do, phase by phase"),
    ("customer", "implementation-project-manager", "What our implementation project manager does, phase by phase"),
    ("internal", "implementation-project-manager", "What the implementation project manager does, phase by phase"),
    ("internal", "customer-it-lead", "What the customer IT lead does, phase by phase"),
])
def test_a_role_page_opens_with_what_the_role_does_phase_by_phase(real_sites, audience, role, heading):
    page = real_sites.site(audience).page(f"roles/{role}/")
    body = html.between(page, "<article", "</article>")
    headings = [html.text(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", body, re.DOTALL)]
    assert headings[0].rstrip("¶ ") == heading, headings
    assert headings.index(headings[0]) < [h.startswith("Every activity") for h in headings].index(True)
    phases = re.findall(r'<li class="pb-role-phases__phase" data-pb-phase="([^"]+)">', body)
    visible = for_audience(PLAYBOOK, audience)
    expected = [p.id for p in views.ordered_processes(visible)  # the phases, then change requests
                if any(a.letter_for(role) for a in p.activities)
                or any(i.owner == role for c in visible.checklists_for(p.id) for i in c.items)]
    assert phases == expected


def test_the_project_managers_page_is_no_wall_of_links(real_sites):
    """Defect 7: about 85 links and 30 unstyled paragraphs of checklist items."""
    for audience in ("internal", "customer"):
        page = real_sites.site(audience).page("roles/implementation-project-manager/")
        body = html.between(page, "<article", "</article>")
        in_view = re.sub(r"<details.*?</details>", "", body, flags=re.DOTALL)
        assert len(re.findall(r"<a\s", in_view)) <= 40, f"{audience}: too many links before the full list"
        items = re.findall(r'<li class="pb-owned-items__item">', body)
        owned = views.role_card(for_audience(PLAYBOOK, audience), "implementation-project-manager").checklist_items
        assert len(items) == 2 * len(owned), "each owned item shows once by phase and once in the full list"
        assert not re.search(r"<p>[^<]*\((?:Before|Within|At|Two|One)[^)]*<a ", body), "an item is a bare paragraph"


# -- Internal pages say whether customers see them (defect 14) ----------------------------------


def test_every_internal_page_says_whether_it_is_on_the_customer_site(real_sites):
    internal, customer = real_sites.internal.site, real_sites.customer.site
    base = "https://implementations.meridian.example/"
    for path, text in pages(internal).items():
        if "pb-page-facts" not in text:
            continue  # the 404 page has no facts
        link = re.search(r'data-pb-customer-link="([^"]*)"', text)
        assert link, f"{path} does not say whether customers see it"
        if link.group(1):
            assert link.group(1).startswith(base)
            target = customer / link.group(1).removeprefix(base) / "index.html"
            landed = target.read_text(encoding="utf-8") if target.is_file() else ""
            if 'http-equiv="refresh"' in landed[:2000]:  # a short link: follow it
                target = (target.parent / re.search(r'url=([^"]+)"', landed).group(1)).resolve()
                target = target / "index.html" if target.is_dir() else target
            assert target.is_file(), f"{path}: {link.group(1)} is not a page of the customer site"
            assert f'data-pb-copy="{link.group(1)}"' in text
        else:
            assert "Internal only" in visible(html.between(text, "pb-page-facts__customer", "</p>"))
    kickoff = real_sites.internal.page("phases/kickoff/")
    assert 'data-pb-customer-link="https://implementations.meridian.example/go/kickoff/"' in kickoff
    assert 'data-pb-customer-link=""' in real_sites.internal.page("faq/")


# -- The customer site speaks to the customer (defect 11) ----------------------------------------

# Words of the firm's own handbook: the customer in the third person, the firm by name of kind,
# the playbook and its employees. A customer role's title ("Customer IT lead") is a name, not a
# way of speaking about the reader.
HANDBOOK_WORDS = re.compile(
    r"\bcustomers?'?s?\b(?!\s+(?:project lead|IT lead|subject matter experts?|end users))"
    r"|\bfirms?'?s?\b|\b(?:this|the) playbook\b|\b(?:for|our) employees\b|\binside the firm\b",
    re.IGNORECASE)
# A template's body (a code block) is the document a project sends or signs, in that document's
# own words (a contract appendix names "the customer"); the page around it speaks to the reader.
_CODE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_ATTRIBUTE_TEXT = re.compile(r'\s(?:title|aria-label|alt)="([^"]*)"')


def customer_words(page_html: str) -> str:
    """All a customer can read on a page: its text, and the text of tooltips and labels."""
    body = _CODE.sub(" ", _SCRIPT.sub(" ", page_html[page_html.find("<body"):]))
    words = visible(body) + " " + " ".join(html.text(t) for t in _ATTRIBUTE_TEXT.findall(body))
    return re.sub(r"https?://\S+", " ", words)  # a page's address is a name, not words


def test_the_customer_site_never_reads_as_the_firms_handbook(real_customer_site):
    found = {}
    for path, text in pages(real_customer_site.site).items():
        words = customer_words(text)
        hits = sorted({words[max(0, m.start() - 30): m.end() + 20] for m in HANDBOOK_WORDS.finditer(words)})
        if hits:
            found[path] = hits
    assert found == {}


def test_every_customer_page_speaks_to_the_reader(real_customer_site):
    silent = []
    for path, text in pages(real_customer_site.site).items():
        if path == "404.html":
            continue
        article = visible(html.between(text, "<article", "</article>"))
        if not re.search(r"\b(?:you|your|we|our|us)\b", article, re.IGNORECASE):
            silent.append(path)
    assert silent == []


def test_the_customer_footer_and_navigation_are_the_customers(real_customer_site):
    home = real_customer_site.page("")
    footer = visible(html.between(home, '<footer class="md-footer"', "</footer>"))
    assert "Meridian Consulting" in footer and "implementation playbook" not in footer.lower()
    nav = visible(html.between(home, '<nav class="md-nav md-nav--primary"', '<div class="md-content"'))
    assert "Using this playbook" not in nav and "What we need from you" in nav


def test_every_role_page_opens_with_its_phases(real_sites):
    for audience in ("internal", "customer"):
        for role in for_audience(PLAYBOOK, audience).roles.values():
            body = html.between(real_sites.site(audience).page(f"roles/{role.id}/"), "<article", "</article>")
            first = html.text(re.search(r"<h2[^>]*>(.*?)</h2>", body, re.DOTALL).group(1)).rstrip("¶ ")
            assert first.startswith("What ") and first.endswith(", phase by phase"), f"{audience} {role.id}: {first}"
            assert body.index("data-pb-role-phases") < body.index("data-pb-role-card"), f"{audience} {role.id}"


# -- Sentences built from data read well (defect 10) ---------------------------------------------


def _sentences(site: Path) -> dict[str, list[str]]:
    found = {}
    for path, text in pages(site).items():
        article = text[text.find("<article"): text.find("</article>")]
        words = visible(re.sub(r"<pre\b.*?</pre>", " ", article, flags=re.DOTALL))
        found[path] = re.split(r"(?<=[.!?])\s+", words)
    return found


def test_sentences_built_from_data_read_well(site):
    """Defect 10: "By default 2 to 4 weeks; 4 weeks by default after go-live", "When the kickoff
    happens: Once, within…", "default is 'Weekly … (default)'"."""
    # A fact dropped after a label ("When: weekly, ..."), a default said twice, or a cadence that
    # carries its own "(default)" or starts "Once," where a sentence goes on around it.
    clumsy = re.compile(r"\bby default\b.*\bby default\b|\(default\)|\bWhen: |\bWhen it is sent: |"
                        r"\bWhen the (?:kickoff happens|committee meets): |\bHow often: |\bdefault is \"|"
                        r"(?-i:\bOnce, )", re.IGNORECASE)
    bad = {path: [s for s in sentences if clumsy.search(s)] for path, sentences in _sentences(site.site).items()}
    assert {path: found for path, found in bad.items() if found} == {}


def test_the_hypercare_answers_read_as_sentences(real_sites):
    faq = visible(html.between(real_sites.internal.page("faq/"), 'id="how-long-is-hypercare"', "</p>"))
    assert "Hypercare lasts 2 to 4 weeks (4 weeks by default) after go-live, adjusted per project." in faq
    questions = visible(real_sites.customer.page("customer-questions/"))
    assert "Hypercare, a period of close support that lasts 2 to 4 weeks (4 weeks by default)." in questions
    assert ("The kickoff follows, usually within two weeks of the signed handoff: your customer project lead "
            "books it and confirms who attends") in questions


def test_adopting_does_not_promise_a_check_the_build_does_not_make(real_internal_site):
    """Defect 17: the page said a placeholder word stops the build; only the tests refuse one."""
    page = visible(real_internal_site.page("adopting/"))
    build_stops = re.search(r"The build checks every change: ([^.]*)stops it", page)
    assert build_stops and "placeholder" not in build_stops.group(1)
    assert "tests that run on every pull request" in page
