"""Not one byte of internal content reaches the customer: a marker planted in every channel.

The mini fixture is extended with a unique marker in each place internal content can live:
internal pages (body, title, description, tags, file name, search terms, redirects, short
links), every form of internal passage in customer pages, comments, files in docs/ that only
internal pages use or nothing uses, the nav, the settings and the keys of mkdocs.yml the engine
would print (site_author), theme files and templates only the internal site uses, every kind of
data file, and the review owners. (What the engine could reach beyond what it is given, a page's
Jinja reaching Python, the git history, extensions that read files, pages by another suffix, is
refused by the build or sealed off: tests/site_builds/test_failure_catalogue.py and
test_sealed_render.py.) Both sites and the customer bundle
are built. Each marker must be absent from every file of the staged customer tree, the built
customer site and the bundle (contents and names, gzip unpacked), and present in the internal
site or its staged tree, so the test proves it can see the marker at all.
"""
from __future__ import annotations

import functools
import gzip
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.sites import ROOT, build, fixture_text, make_project, playbook

pytestmark = pytest.mark.build


def marker(number: int) -> str:
    return f"leakchannel{number:02d}x"


CUSTOMER_PAGE = fixture_text("docs/onboarding.md")
HOME = fixture_text("docs/index.md")
CONFIG = fixture_text("mkdocs.yml")

# (channel, marker number) for every place a marker is planted below.
CHANNELS: dict[str, int] = {}


def plant(channel: str) -> str:
    CHANNELS[channel] = len(CHANNELS) + 1
    return marker(CHANNELS[channel])


INTERNAL_PAGE = f"""---
title: Plans {plant("internal page title")}
description: {plant("internal page description")}
tags: [{plant("internal page tag")}]
search_terms: [{plant("internal page search terms")}]
short: {plant("internal page short id")}
redirect_from: [{plant("internal page old path")}.md]
owner: {plant("internal page owner (a team name)").upper()} team
last_reviewed: 2026-09-01
---

# Plans

{plant("internal page body")} and a picture: ![chart]({plant("image only an internal page uses")}.png)

Notes live in [the notes](notes/{plant("attachment only an internal page links")}.pdf).

{{% include "snippets/{plant("snippet only an internal page includes")}.txt" %}}

## {plant("internal page heading")}

Text.
"""

CUSTOMER_EXTRA = f"""
/// internal
{plant("internal block")}
///

/// INTERNAL
{plant("internal block in upper case")}
///

/// internal | For staff {plant("internal block title")}
text
///

//// internal
/// note
{plant("block nested inside an internal block")}
///
////

/// internal
```text
///
{plant("fence holding slashes inside an internal block")}
```
///

<!-- {plant("HTML comment")} -->

<!--
{plant("HTML comment over several lines")}
-->

{{# {plant("Jinja comment")} #}}

/// internal
See [the plans](internal-filename-marker.md) and ![x]({plant("image only an internal block uses")}.png)
[ref-{plant("link reference inside an internal block")}]: internal-filename-marker.md
///


```python
a fence that is never closed

/// internal
{plant("internal block after a fence that is never closed")}
///
"""

CRLF_PAGE = ("---\r\ntitle: Windows page\r\naudience: customer\r\nowner: project-manager\r\n"
             "last_reviewed: 2026-11-02\r\n---\r\n\r\n# Windows page\r\n\r\nShared.\r\n\r\n"
             f"/// internal\r\n{plant('internal block in a page with CRLF line endings')}\r\n///\r\n")

SEARCH_TERMS_PAGE = CUSTOMER_PAGE.replace(
    "audience: customer\n",
    f"audience: customer\nsearch_terms:\n  customer: [onboard]\n  internal: [{plant('internal search term of a customer page')}]\n")

CONFIG_EXTRA = CONFIG.replace(
    "site_name: Mini Playbook\n", f"site_name: Mini Playbook\nsite_author: {plant('site_author in mkdocs.yml')}\n"
).replace(
    "  - Secret plans: internal-filename-marker.md\n",
    f"  - Secret plans {plant('nav title of an internal page')}: internal-filename-marker.md\n"
    f"  - Section {plant('nav section of internal pages only')}:\n"
    f"      - Plans: internal-filename-marker.md\n"
    f"  - Dashboard: https://dash.example/{plant('external nav link not marked for customers')}/\n"
    "  - Windows page: crlf.md\n"
).replace("https://git.mini.example/playbook/edit/main/{path}",
          f"https://git.mini.example/{plant('repository edit URL')}/edit/main/{{path}}"
          ).replace('internal: "mailto:playbook@mini.example',
                    f'internal: "mailto:{plant("internal search feedback address")}@mini.example')

DATA = {
    "data/communications.yml": f"""audience: customer
communications:
  - id: status-report
    title: Status report
    purpose: Says where we are.
    recipients: [customer-lead]
    kind: message
    channel: [email]
    recurs:
      weekday: thursday
      time: "17:00"
    owner: project-manager
    template: onboarding.md
  - id: margin-note
    title: Margin note {plant("internal communication")}
    purpose: For finance.
    recipients: [finance-partner]
    kind: message
    channel: [email]
    once:
      relation: at
      event: each month's end
    owner: project-manager
    template: internal-filename-marker.md
    audience: internal
""",
    "data/agendas.yml": f"""audience: customer
agendas:
  - id: kickoff-agenda
    title: Kickoff
    purpose: Start well.
    owner: project-manager
    attendees: [customer-lead]
    items:
      - topic: Plan
        minutes: 30
    outcome: A plan.
  - id: staffing-agenda
    title: Staffing {plant("internal agenda")}
    purpose: Who works where.
    owner: project-manager
    attendees: [finance-partner]
    items:
      - topic: People
        minutes: 30
    outcome: A staffing plan.
    audience: internal
""",
    "data/escalation.yml": f"""audience: customer
paths:
  - id: standard
    title: Standard
    applies_to: Everything.
    levels:
      - role: project-manager
        action: Solves it.
        limit: 2
        unit: working days
      - role: customer-lead
        action: Decides.
  - id: money
    title: Money {plant("internal escalation path")}
    applies_to: Margin.
    levels:
      - role: project-manager
        action: Raises it.
        limit: 1
        unit: working days
      - role: finance-partner
        action: Decides.
    audience: internal
""",
    "data/raid-log.yml": f"""audience: customer
categories:
  - id: risks
    title: Risk
    definition: Might happen.
    example: A late sign-off.
    owner: project-manager
    escalate_when: Score over 15.
  - id: margins
    title: Margin {plant("internal RAID category")}
    definition: Money.
    example: Overrun.
    owner: finance-partner
    escalate_when: Always.
    audience: internal
""",
    "data/change-impacts.yml": f"""audience: customer
impacts:
  - id: status-blind
    change: People lose sight of status.
    kind: known
    affects: [customer-lead]
    likelihood: 4
    cost: 4
    response: A weekly report.
  - id: margin-squeeze
    change: Margins shrink {plant("internal change impact")}.
    kind: predicted
    affects: [finance-partner]
    likelihood: 3
    cost: 5
    response: Monthly review.
    audience: internal
""",
    "data/complaints.yml": f"""audience: customer
complaints:
  - id: never-know
    complaint: We never know where we are.
    solution: A weekly report.
    page: onboarding.md
  - id: too-cheap
    complaint: They sold it too cheap {plant("internal complaint")}.
    solution: Price better.
    page: internal-filename-marker.md
    audience: internal
""",
    "data/glossary.yml": f"""audience: customer
terms:
  - id: raci
    term: RACI
    definition: Who does what.
  - id: margin
    term: Onboarding margin
    definition: What we keep {plant("internal glossary definition")}.
    audience: internal
""",
}


@functools.cache
def edits() -> dict[str, str]:
    roles = fixture_text("data/roles.yml").replace("Watches the margin. INTERNAL-ROLE-MARKER",
                                                   f"Watches the margin. {plant('internal role summary')}")
    roles = roles.replace("  owner: project-manager\n  last_reviewed: 2026-11-02",
                          f"  owner: {plant('owner of the generated role pages').upper()} team\n  last_reviewed: 2026-11-02")
    process = fixture_text("data/processes/onboarding.yml").replace(
        "title: Check the budget INTERNAL-ACTIVITY-MARKER",
        f"title: Check the budget {plant('internal activity title')}\n    detail: {plant('internal activity detail')}")
    checklist = fixture_text("data/checklists/onboarding-ready.yml").replace(
        "The margin is approved. INTERNAL-ITEM-MARKER", f"The margin is approved. {plant('internal checklist item')}")
    changelog = fixture_text("data/changelog.yml").replace(
        "Margin reviews run monthly. INTERNAL-CHANGE-MARKER",
        f"Margin reviews run monthly. {plant('internal change in the changelog')}").replace(
        "Finance asked for an earlier warning.", f"Finance asked {plant('internal change detail')}.")
    internal_process = fixture_text("data/processes/margin-review.yml")
    internal_process = internal_process.replace("title: ", f"title: {plant('internal process title')} ", 1)
    customer_page = SEARCH_TERMS_PAGE.replace("owner: project-manager",
                                              f"owner: {plant('owner of a customer page (a team name)').upper()} team")
    return {
        "mkdocs.yml": CONFIG_EXTRA,
        "docs/internal-filename-marker.md": INTERNAL_PAGE,
        "docs/onboarding.md": customer_page + CUSTOMER_EXTRA,
        "docs/index.md": HOME.replace("{{ lifecycle() }}", "{{ lifecycle() }}\n\n{{ customer_complaints() }}\n\n"
                                      "{{ change_impact_register() }}\n\n{{ raid_log() }}\n\n{{ glossary() }}\n\n"
                                      "{{ communication_plan() }}\n\n{{ agenda(\"kickoff-agenda\") }}\n\n"
                                      "{{ escalation_path(\"standard\") }}\n\nThe RACI, and our Onboarding margin.\n"),
        "docs/roles/index.md": fixture_text("docs/roles/index.md"),
        f"docs/{marker(CHANNELS['image only an internal page uses'])}.png": "PNG " + plant("content of an internal image"),
        f"docs/notes/{marker(CHANNELS['attachment only an internal page links'])}.pdf": "PDF " + plant("content of an internal attachment"),
        f"docs/snippets/{marker(CHANNELS['snippet only an internal page includes'])}.txt": plant("content of an internal snippet"),
        f"docs/{plant('file nothing links to')}.txt": "unreferenced " + plant("content of a file nothing links to"),
        f"docs/{marker(CHANNELS['image only an internal block uses'])}.png": "PNG",
        "docs/crlf.md": CRLF_PAGE,
        "data/checklists/margin-check.yml": f"""audience: internal
title: Margin check {plant("internal checklist")}
process: margin-review
items:
  - id: numbers
    text: The numbers add up.
    owner: finance-partner
    due: Monthly
""".replace("audience: internal\n", "id: margin-check\naudience: internal\n", 1),
        # Theme files: the engine copies every file of custom_dir that is not a template into the
        # site; the customer site is given only those its templates use (playbook.stage.theme_files).
        "overrides/assets/playbook/staff-notes.txt": plant("a theme file nothing of the customer site uses"),
        "overrides/playbook/content-health.html": fixture_overrides("playbook/content-health.html").replace(
            "</table>", f"</table><p>{plant('a template only the internal site renders')}</p>", 1),
        "data/roles.yml": roles,
        "data/processes/onboarding.yml": process,
        "data/checklists/onboarding-ready.yml": checklist,
        "data/changelog.yml": changelog,
        "data/processes/margin-review.yml": internal_process,
        **DATA,
    }


def every_file(root: Path) -> dict[str, bytes]:
    """Every file under root, by path (names matter too), gzip unpacked."""
    found = {}
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found[path.relative_to(root).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return found


def zip_files(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def fixture_overrides(path: str) -> str:
    return (ROOT / "overrides" / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    planted = edits()
    project = make_project(tmp_path_factory.mktemp("leaks"), edits={
        path: text for path, text in planted.items() if not path.startswith("overrides/")})
    # The project's own copy of the theme's overrides, so markers can be planted in it.
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    for path, text in planted.items():
        if path.startswith("overrides/"):
            (project / path).write_text(text, encoding="utf-8")
    result = build(project)
    assert result.ok, result.output
    bundle = playbook("--root", str(project), "bundle")
    assert bundle.returncode == 0, bundle.stdout + bundle.stderr
    customer = {
        "staged customer tree": every_file(project / "build" / "customer"),
        "customer site": every_file(project / "site" / "customer"),
        "customer bundle": zip_files(project / "site" / "customer-bundle.zip"),
        "staged bundle tree": every_file(project / "build" / "customer-bundle"),
    }
    internal = {**every_file(project / "build" / "internal"), **every_file(project / "site" / "internal")}
    return customer, internal


def test_there_are_at_least_forty_channels():
    edits()
    assert len(set(CHANNELS.values())) >= 40, len(CHANNELS)


@pytest.mark.parametrize("channel", list((edits(), CHANNELS)[1]))
def test_a_marker_never_reaches_the_customer_and_does_reach_employees(built, channel):
    customer, internal = built
    token = marker(CHANNELS[channel]).encode()
    for where, files in customer.items():
        leaked = [name for name, data in files.items() if token in data.lower() or token in name.lower().encode()]
        assert leaked == [], f"{channel} reached the {where}: {leaked}"
    seen = [name for name, data in internal.items() if token in data.lower() or token in name.lower().encode()]
    assert seen, f"the test cannot see the {channel} marker even on the internal site"
