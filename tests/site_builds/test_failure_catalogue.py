"""The catalogue of author mistakes, careless and hostile input: each one stops the build with a
message that names the file, the line (where there is one) and the fix, and a failed build
leaves the last good site in place and writes nothing anywhere else.

The mini fixture is built once with `python -m playbook build`, exactly as `make build` builds it. Each
case then plants one mistake (or several, to prove they are all listed in one run), rebuilds,
and checks that the build failed, that no traceback was printed, that every problem reads
`file:line: what — fix`, that site/ is byte-for-byte what it was, and that nothing appeared,
changed or vanished in the temporary folder around the project outside build/ and site/ (a
redirect to ../../../tmp/x.md would write there). The case restores the files it changed, so
cases stay independent. Cases marked quick (YAML limits, encodings) must be refused before anything is staged, so before
any engine runs: before the limits, an alias bomb grew to 6 GB and a deep list crashed the build.

ACCEPTED lists careless or odd input that is not a mistake: the build must succeed and show it
as written (a data value holding </script>, a page named with spaces, a page of only front
matter).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from playbook.publish import generations
from tests.sites import fixture_text, make_project, playbook

pytestmark = pytest.mark.build

PAGE = fixture_text("docs/onboarding.md")
HOME = fixture_text("docs/index.md")
PROCESS = fixture_text("data/processes/onboarding.yml")
INTERNAL_PROCESS = fixture_text("data/processes/margin-review.yml")
CHECKLIST = fixture_text("data/checklists/onboarding-ready.yml")
ROLES = fixture_text("data/roles.yml")
CHANGELOG = fixture_text("data/changelog.yml")
CONFIG = fixture_text("mkdocs.yml")
SECRET = fixture_text("docs/internal-filename-marker.md")
ROLES_PAGE = fixture_text("docs/roles/index.md")


def line_of(text: str, needle: str) -> int:
    """The line of text holding needle, so a case states the line without hard-coding it."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def swap(text: str, old: str, new: str) -> str:
    assert old in text, f"the fixture no longer holds {old!r}"
    return text.replace(old, new, 1)


@dataclass(frozen=True)
class Symlink:
    """A symbolic link to plant instead of a file."""

    target: str


@dataclass(frozen=True)
class Folder:
    """An empty folder to plant instead of a file."""


Edit = str | bytes | Symlink | Folder


@dataclass
class Mistake:
    edits: dict[str, Edit]
    expected: list[str] | Callable[[dict[str, Edit]], list[str]]
    sites: tuple[str, ...] = ("internal",)
    marks: list = field(default_factory=list)
    quick: bool = False  # refused before anything is staged
    env: dict[str, str] = field(default_factory=dict)
    absent: tuple[str, ...] = ()  # what the output must not say (a false second error)

    def messages(self) -> list[str]:
        return self.expected(self.edits) if callable(self.expected) else self.expected


def _page_edit(old: str, new: str) -> dict[str, str]:
    return {"docs/index.md": swap(HOME, old, new)}


def _front(extra: str, text: str = HOME, path: str = "docs/index.md") -> dict[str, str]:
    """The home page (or another) with lines added to its front matter, after its owner."""
    return {path: swap(text, "owner: project-manager\n", f"owner: project-manager\n{extra}")}


def _redirect(old_path: str) -> dict[str, str]:
    """The onboarding page listing old_path under redirect_from."""
    return {"docs/onboarding.md": swap(PAGE, "  - getting-started.md", f"  - {old_path}")}


def _config(old: str, new: str) -> dict[str, str]:
    return {"mkdocs.yml": swap(CONFIG, old, new)}


def _bomb(key: str = "bomb") -> str:
    """A billion laughs: nine aliases of nine aliases, seven deep (nine to the seventh values)."""
    rows = [f"{key}:", "  a: &a [x, x, x, x, x, x, x, x, x]"]
    rows += [f"  {n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdef", "bcdefg", strict=True)]
    return "\n".join(rows) + "\n"


DEEP = "deep: " + "[" * 50_000 + "]" * 50_000 + "\n"
NEW_PAGE = "---\ntitle: New\nowner: project-manager\nlast_reviewed: 2026-11-02\n---\n\n# New\n"


CATALOGUE: dict[str, Mistake] = {
    # -- YAML that cannot be read ---------------------------------------------------------------
    "bad YAML syntax": Mistake(
        {"data/processes/onboarding.yml": swap(PROCESS, "title: Onboarding", "title: [Onboarding")},
        ["data/processes/onboarding.yml:3: YAML syntax error", "check the indentation and punctuation"]),
    "tab indentation": Mistake(
        {"data/roles.yml": swap(ROLES, "  - id: consultant", "\t- id: consultant")},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], chr(9))}: YAML syntax error",
                   "indent with spaces, not tabs"]),
    "a key written twice": Mistake(
        {"data/roles.yml": swap(ROLES, "    title: Customer lead\n", "    title: Customer lead\n    title: Client lead\n")},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], 'Client lead')}: the key 'title' appears twice",
                   "keep one of them"]),
    "a date that does not exist, in data": Mistake(
        {"data/changelog.yml": swap(CHANGELOG, "date: 2026-09-01", "date: 2026-13-01")},
        lambda e: [f"data/changelog.yml:{line_of(e['data/changelog.yml'], '2026-13-01')}: '2026-13-01' is not a real date",
                   "write a date that exists, as YYYY-MM-DD"]),
    # -- Shapes -------------------------------------------------------------------------------------
    "unknown key (a typo)": Mistake(
        {"data/checklists/onboarding-ready.yml": swap(CHECKLIST, "due: Day 1", "deu: Day 1")},
        ["data/checklists/onboarding-ready.yml:18: unknown key 'deu' in 'items[3]' (id 'plan-shared')",
         "did you mean 'due'?"]),
    "missing required field": Mistake(
        {"data/checklists/onboarding-ready.yml": swap(CHECKLIST, "    text: The contract is signed by both parties.\n", "")},
        ["data/checklists/onboarding-ready.yml:6: 'items[1]' (id 'contract-signed') is missing the required key 'text'",
         "add 'text:'"]),
    "unknown audience in data": Mistake(
        {"data/processes/onboarding.yml": swap(PROCESS, "audience: customer", "audience: everyone")},
        ["data/processes/onboarding.yml:3: 'audience' must be one of customer, internal, not 'everyone'",
         "write one of: customer, internal"]),
    # -- Ids and references ------------------------------------------------------------------------
    "duplicate item id": Mistake(
        {"data/checklists/onboarding-ready.yml": swap(CHECKLIST, "id: plan-shared", "id: contract-signed")},
        ["data/checklists/onboarding-ready.yml:15: the item id 'contract-signed' appears twice in this checklist "
         "(first on line 6)", "give each item its own id"]),
    "duplicate id across files": Mistake(
        {"data/processes/margin-review.yml": swap(INTERNAL_PROCESS, "id: margin-review-run", "id: onboarding-plan")},
        ["data/processes/onboarding.yml:16: the id 'onboarding-plan' of this activity is already used by the "
         "activity at data/processes/margin-review.yml:7", "rename one of them"]),
    "unknown role": Mistake(
        {"data/checklists/onboarding-ready.yml": swap(CHECKLIST, "owner: customer-lead", "owner: customer-lede")},
        ["data/checklists/onboarding-ready.yml:6: item 'contract-signed' names the role 'customer-lede', "
         "which is not defined in data/roles.yml", "did you mean 'customer-lead'?"]),
    "a process naming a page that does not exist": Mistake(
        {"data/processes/onboarding.yml": swap(PROCESS, "page: onboarding.md", "page: onboard.md")},
        ["data/processes/onboarding.yml:4: the process 'onboarding' names the page 'onboard.md', "
         "which does not exist in docs/", "correct the path"]),
    "a change naming a page that does not exist": Mistake(
        {"data/changelog.yml": swap(CHANGELOG, "pages: [index.md]", "pages: [indx.md]")},
        lambda e: [f"data/changelog.yml:{line_of(e['data/changelog.yml'], 'indx.md')}: the change 'first-release' "
                   "names the page 'indx.md', which does not exist in docs/", "correct the path"]),
    # -- RACI rules ----------------------------------------------------------------------------
    "two Accountables": Mistake(
        {"data/processes/onboarding.yml": swap(PROCESS, "customer-lead: C", "customer-lead: A")},
        ["data/processes/onboarding.yml:16: activity 'onboarding-plan' has 2 roles (project-manager, customer-lead) "
         "Accountable; it needs exactly one", "give exactly one role the letter A"]),
    "no Responsible": Mistake(
        {"data/processes/onboarding.yml": swap(PROCESS, "      customer-lead: R\n", "      customer-lead: C\n")},
        ["data/processes/onboarding.yml:29: activity 'onboarding-kickoff' has no Responsible role",
         "give at least one role the letter R"]),
    "every data mistake listed in one run": Mistake(
        {"data/processes/onboarding.yml": swap(PROCESS, "    raci:\n      project-manager: A\n      consultant",
                                               "    raci:\n      project-manager: R\n      consultant"),
         "data/checklists/onboarding-ready.yml": swap(CHECKLIST, "due: Day 1", "deu: Day 1")},
        ["The playbook has 2 problems:",
         "data/processes/onboarding.yml:16: activity 'onboarding-plan' has no one Accountable",
         "data/checklists/onboarding-ready.yml:18: unknown key 'deu'"]),
    # -- Page front matter: owner and review -----------------------------------------------------
    "missing owner": Mistake(
        _page_edit("owner: project-manager\n", ""),
        ["docs/index.md:1: the page names no owner", "add 'owner:' to the front matter: a role id from data/roles.yml"]),
    "owner that is no role": Mistake(
        _page_edit("owner: project-manager", "owner: project-manger"),
        ["docs/index.md:4: the owner 'project-manger' looks like a role id, but data/roles.yml has no such role",
         "did you mean 'project-manager'?"]),
    "missing review date": Mistake(
        _page_edit("last_reviewed: 2026-11-02\n", ""),
        ["docs/index.md:1: the page has no 'last_reviewed' date", "add 'last_reviewed: "]),
    "review date in the wrong format": Mistake(
        _page_edit("last_reviewed: 2026-11-02", "last_reviewed: 02/11/2026"),
        ["docs/index.md:5: 'last_reviewed' must be a date written as YYYY-MM-DD, not '02/11/2026'",
         "write a day that exists, as YYYY-MM-DD"]),
    "review date that does not exist": Mistake(
        _page_edit("last_reviewed: 2026-11-02", "last_reviewed: 2026-02-30"),
        ["docs/index.md:5: '2026-02-30' is not a real date", "write a date that exists"]),
    "review date in the future": Mistake(
        _page_edit("last_reviewed: 2026-11-02", "last_reviewed: 2999-01-01"),
        ["docs/index.md:5: 'last_reviewed' is 2999-01-01, which is in the future", "at the latest"]),
    "review interval that is no number of months": Mistake(
        _page_edit("last_reviewed: 2026-11-02", "last_reviewed: 2026-11-02\nreview_every_months: 0"),
        ["docs/index.md:6: 'review_every_months' must be a whole number from 1 to 24, not the number 0"]),
    "search synonyms written as one text instead of a list": Mistake(
        _page_edit("owner: project-manager\n", "owner: project-manager\nsearch_terms: golive, launch\n"),
        ["docs/index.md:5: 'search_terms' must be a list of words or phrases — write it as search_terms: [golive, "]),
    "unknown audience in a page": Mistake(
        {"docs/internal-filename-marker.md": "---\ntitle: Secret\naudience: customers\nowner: finance-partner\n"
                                             "last_reviewed: 2026-11-02\n---\n\n# Secret\n"},
        ["docs/internal-filename-marker.md:3: unknown audience 'customers' in the front matter",
         "write 'audience: customer'"]),
    # -- Macros and Jinja ------------------------------------------------------------------------
    "unknown macro id, on every page that has one": Mistake(
        {"docs/onboarding.md": swap(PAGE, 'checklist("onboarding-ready")', 'checklist("onboarding-redy")'),
         "docs/roles/index.md": "---\ntitle: Roles\nowner: project-manager\nlast_reviewed: 2026-11-02\n---\n\n"
                                "# Roles\n\n{{ role_card(\"nobody\") }}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'onboarding-redy')}: "
                   "checklist(\"onboarding-redy\") — there is no checklist with id 'onboarding-redy' — "
                   "did you mean 'onboarding-ready'?",
                   "docs/roles/index.md:9: role_card(\"nobody\") — there is no role with id 'nobody'",
                   "The playbook has 2 problems:"]),
    "undefined Jinja variable": Mistake(
        {"docs/onboarding.md": PAGE + "\n{{ projekt_name }}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'projekt_name')}: 'projekt_name' is "
                   "undefined — check the spelling of the macro or variable"]),
    "a customer page printing a value only the internal site has": Mistake(
        {"docs/onboarding.md": PAGE + "\nPin the {{ teams_app_name }} app.\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'teams_app_name')}: 'teams_app_name' is "
                   "undefined — check the spelling of the macro or variable"],
        sites=("internal", "customer")),
    "Jinja typo": Mistake(
        {"docs/onboarding.md": PAGE + '\n{{ checklist("onboarding-ready") }\n'},
        lambda e: [f"docs/onboarding.md:{len(e['docs/onboarding.md'].splitlines())}: Jinja syntax error: "
                   "unexpected '}' — check that every '{{' is closed by '}}'"]),
    # -- Pages and links -------------------------------------------------------------------------
    "broken link": Mistake(
        {"docs/onboarding.md": PAGE + "\nSee [the plan](onbording.md).\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'the plan')}: the link 'onbording.md' "
                   "points to a page that does not exist — did you mean 'onboarding.md'? links are relative"]),
    "broken anchor": Mistake(
        {"docs/index.md": HOME + "\nSee [who does what](onboarding.md#who-does-waht).\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'who-does-waht')}: the link "
                   "'onboarding.md#who-does-waht' names the section '#who-does-waht', which onboarding.md does not "
                   "have — did you mean '#who-does-what'?"]),
    "link to a web address instead of a page": Mistake(
        {"docs/index.md": HOME + "\nSee [onboarding](onboarding/).\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '](onboarding/)')}: the link 'onboarding/' does not "
                   "name a page — link to the page's .md file"]),
    "customer page linking an internal page": Mistake(
        {"docs/onboarding.md": PAGE + "\nSee [our plans](internal-filename-marker.md).\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'our plans')}: this customer page links to "
                   "'internal-filename-marker.md', which is an internal page",
                   "move it into an '/// internal' block"],
        sites=("internal", "customer")),
    "unclosed internal block": Mistake(
        {"docs/onboarding.md": PAGE + "\n/// internal\nSecret\n"},
        lambda e: [f"docs/onboarding.md:{len(e['docs/onboarding.md'].splitlines()) - 1}: this '/// internal' block is "
                   "never closed", "close it with a line holding only ///"]),
    "hand-written page where a role page is generated": Mistake(
        {"docs/roles/consultant.md": "---\nowner: project-manager\nlast_reviewed: 2026-11-02\n---\n# Consultant\n"},
        ["docs/roles/consultant.md: this file would replace a page the build generates from data/roles.yml",
         "delete it (or rename it) and edit data/roles.yml"]),

    # -- Hostile YAML: limits and encodings, each refused by the loader ---------------------------
    "an alias bomb in a data file": Mistake(
        {"data/roles.yml": ROLES + _bomb()},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], 'f: &f')}: the YAML holds more than 200,000 values "
                   "(aliases counted as everything they repeat) — split the file, or stop repeating"], quick=True),
    "an alias bomb in a page's front matter": Mistake(
        _front(_bomb("search")),
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'f: &f')}: the YAML holds more than 200,000 values"],
        quick=True, absent=("names no owner",)),
    "an alias bomb in mkdocs.yml": Mistake(
        {"mkdocs.yml": CONFIG + _bomb("watch")},
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'f: &f')}: the YAML holds more than 200,000 values"],
        quick=True),
    "a recursive alias": Mistake(
        {"data/roles.yml": ROLES + "loop: &loop [a, *loop]\n"},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], 'loop:')}: the alias *loop is used inside the block "
                   "it names, so its value would never end — move the alias out of the block"], quick=True),
    "an alias naming no anchor": Mistake(
        {"data/roles.yml": ROLES + "nothing: *nowhere\n"},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], 'nowhere')}: YAML syntax error: the alias *nowhere "
                   "names no anchor above it"], quick=True),
    "a list nested 50,000 deep in a data file": Mistake(
        {"data/roles.yml": ROLES + DEEP},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], 'deep:')}: the YAML is nested more than 64 levels "
                   "deep — write the value with less nesting"], quick=True),
    "a list nested 50,000 deep in front matter": Mistake(
        _front(DEEP),
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'deep:')}: the YAML is nested more than 64 levels deep"],
        quick=True, absent=("names no owner",)),
    "a data file over the size limit": Mistake(
        {"data/roles.yml": ROLES + "# " + "x" * 4_100_000 + "\n"},
        ["data/roles.yml: the file is 4,100,", "bytes; the limit is 4,000,000 — split it into smaller files"], quick=True),
    "a page over the size limit": Mistake(
        {"docs/index.md": HOME + "x" * 4_100_000 + "\n"},
        ["docs/index.md: the file is 4,100,", "bytes; the limit is 4,000,000"], quick=True),
    "front matter over the YAML size limit": Mistake(
        _page_edit("title: Mini home", "title: " + "long " * 220_000),
        ["docs/index.md: the YAML is 1,100,", "characters long; the limit is 1,000,000 — split it"], quick=True,
        absent=("names no owner",)),
    "a page that is not UTF-8": Mistake(
        {"docs/index.md": HOME.encode().replace(b"Start with", b"Start \xff with")},
        lambda e: [f"docs/index.md:{line_of(HOME, 'Start with')}: the file is not UTF-8 text: the byte 0xff (column 7",
                   "save the file with UTF-8 encoding"], quick=True),
    "a data file that is not UTF-8": Mistake(
        {"data/roles.yml": ROLES.encode().replace(b"Customer lead", b"Customer \xe9 lead")},
        lambda e: [f"data/roles.yml:{line_of(ROLES, 'Customer lead')}: the file is not UTF-8 text: the byte 0xe9",
                   "the usual cause is a character such as"], quick=True),
    "mkdocs.yml that is not UTF-8": Mistake(
        {"mkdocs.yml": CONFIG.encode().replace(b"Mini Firm", b"Mini \x96 Firm")},
        lambda e: [f"mkdocs.yml:{line_of(CONFIG, 'Mini Firm')}: the file is not UTF-8 text: the byte 0x96"], quick=True),
    "a Python object tag in front matter": Mistake(
        _front('search: !!python/object/apply:os.system ["echo ran"]\n'),
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'python/object')}: YAML syntax error: unknown tag "
                   "'!!python/object/apply:os.system' — remove the tag"], quick=True, absent=("names no owner",)),
    "a Python object tag in a data file": Mistake(
        {"data/roles.yml": swap(ROLES, "title: Customer lead", "title: !!python/object/new:os.getcwd []")},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], 'python/object')}: YAML syntax error: unknown tag "
                   "'!!python/object/new:os.getcwd'"], quick=True),
    "two YAML documents in one data file": Mistake(
        {"data/processes/onboarding.yml": PROCESS + "---\nid: second\n"},
        lambda e: [f"data/processes/onboarding.yml:{line_of(e['data/processes/onboarding.yml'], 'id: second') - 1}: "
                   "YAML syntax error: the file holds more than one YAML document — remove the second '---' line"],
        quick=True),
    "an empty data file": Mistake(
        {"data/complaints.yml": ""},
        ["data/complaints.yml:1: the file is empty — fill it in; data/README.md shows its fields"], quick=True),
    "a data file written .yaml": Mistake(
        {"data/processes/extra.yaml": "id: extra\n"},
        ["data/processes/extra.yaml: the build does not read this file — rename it to extra.yml"], quick=True),

    # -- Ids, short links and old addresses: exact, inside the site, colliding with nothing -------
    "redirect_from outside the site": Mistake(
        _redirect("../../../tmp/x.md"),
        ["docs/onboarding.md:6: 'redirect_from[1]' must be the path of a page in docs/", "'../../../tmp/x.md'"]),
    "redirect_from an absolute path": Mistake(
        _redirect("/etc/passwd.md"),
        ["docs/onboarding.md:6: 'redirect_from[1]' must be the path of a page in docs/", "'/etc/passwd.md'"]),
    "redirect_from a javascript: address": Mistake(
        _redirect("'javascript:alert(1)//.md'"),
        ["docs/onboarding.md:6: 'redirect_from[1]' must be the path of a page in docs/"]),
    "redirect_from the home page": Mistake(
        _redirect("index.md"),
        ["docs/onboarding.md:5: redirect_from lists index.md, but a page still lives there — remove it from "
         "redirect_from"]),
    "redirect_from the sitemap": Mistake(
        _redirect("sitemap.xml.md"),
        ["docs/onboarding.md:5: redirect_from lists sitemap.xml.md, whose address /sitemap.xml/index.html is one the "
         "site already uses — remove it"]),
    "redirect_from the search index": Mistake(
        _redirect("search/search_index.json.md"),
        ["docs/onboarding.md:5: redirect_from lists search/search_index.json.md, whose address "
         "/search/search_index.json/index.html is one the site already uses"]),
    "redirect_from the theme's assets": Mistake(
        _redirect("assets/x.md"),
        ["docs/onboarding.md:5: redirect_from lists assets/x.md, whose address /assets/x/index.html is one the site "
         "already uses"]),
    "redirect_from a short link": Mistake(
        _redirect("go/kickoff.md"),
        ["docs/onboarding.md:5: redirect_from lists go/kickoff.md, whose address /go/kickoff/index.html is one the "
         "site already uses"]),
    "redirect_from the page itself": Mistake(
        _redirect("onboarding.md"),
        ["docs/onboarding.md:5: redirect_from lists onboarding.md, but a page still lives there"]),
    "two pages redirecting from each other": Mistake(
        {**_redirect("index.md"), **_front("redirect_from: onboarding.md\n")},
        ["docs/onboarding.md:5: redirect_from lists index.md, but a page still lives there",
         "docs/index.md:5: redirect_from lists onboarding.md, but a page still lives there"]),
    "a short id ending in a newline": Mistake(
        {"docs/onboarding.md": swap(PAGE, "short: start", "short: |\n  start")},
        ["docs/onboarding.md:4: 'short' must be a kebab-case id", "not 'start\\n' —"], quick=True),
    "a data id ending in a newline: one problem, not two": Mistake(
        {"data/roles.yml": swap(ROLES, "  - id: consultant", "  - id: |\n      consultant")},
        lambda e: [f"data/roles.yml:{line_of(e['data/roles.yml'], '- id: |')}: 'roles[4].id' must be a kebab-case id",
                   "not 'consultant\\n' —", "The playbook has 1 problem:"], absent=("is not defined in data/roles.yml",)),
    "the same short id on two pages": Mistake(
        _front("short: start\n"),
        ["docs/onboarding.md:4: the address /go/start/ is already taken by the page docs/index.md — choose another "
         "short id"]),
    "a short id that takes a process's short link": Mistake(
        _front("short: onboarding\n"),
        ["the address /go/onboarding/ is already taken", "short links are unique across the site"]),
    "a short id that climbs out of go/": Mistake(
        _front("short: ../../x\n"),
        ["docs/index.md:5: 'short' must be a kebab-case id", "not '../../x'"]),

    # -- Careless front matter: only the one true error ------------------------------------------
    "a tab in front matter: one problem": Mistake(
        _page_edit("audience: customer", "\taudience: customer"),
        ["docs/index.md:3: YAML syntax error: found a tab character", "indent with spaces, not tabs",
         "The playbook has 1 problem:"], absent=("names no owner", "no 'last_reviewed'")),
    "malformed front matter: one problem": Mistake(
        _page_edit("audience: customer", "audience: [customer"),
        ["docs/index.md:4: YAML syntax error: did not find expected ',' or ']'", "The playbook has 1 problem:"],
        absent=("names no owner", "no 'last_reviewed'")),
    "front matter never closed: one problem": Mistake(
        _page_edit("last_reviewed: 2026-11-02\n---\n", "last_reviewed: 2026-11-02\n\n"),
        ["docs/index.md:1: the front matter opened on line 1 is never closed — end it with a line holding only ---",
         "The playbook has 1 problem:"], absent=("names no owner", "no 'last_reviewed'")),
    "front matter that is a list": Mistake(
        {"docs/index.md": "---\n- title\n- owner\n---\n\n# Home\n"},
        ["docs/index.md:2: the front matter is not a block of 'key: value' lines", "The playbook has 1 problem:"],
        absent=("names no owner",)),
    "a line separator in front matter: one problem": Mistake(
        _page_edit("title: Mini home", "title: Mini\u2028home"),
        ["docs/index.md:2: this line holds a line separator (U+2028), which Markdown does not read as a line break",
         "The playbook has 1 problem:"], absent=("YAML syntax error", "names no owner")),
    "a form feed in a page's text": Mistake(
        _page_edit("Start with", "Start\x0cwith"),
        ["docs/index.md:10: this line holds a form feed, which Markdown does not read as a line break"]),
    "an empty page": Mistake(
        {"docs/empty.md": ""},
        ["docs/empty.md:1: the page is empty — write its front matter", "The playbook has 1 problem:"],
        absent=("names no owner",)),
    "a page of white space": Mistake(
        {"docs/empty.md": "\n   \n\t\n"},
        ["docs/empty.md:1: the page is empty", "The playbook has 1 problem:"]),
    "a misspelt front matter key": Mistake(
        _page_edit("title: Mini home", "titel: Mini home"),
        ["docs/index.md:2: unknown key 'titel' in the front matter — did you mean 'title'?"]),

    # -- Jinja and macros: every problem of every page in one build ------------------------------
    "Jinja mistakes on three pages, all in one build": Mistake(
        {"docs/index.md": HOME + "\n{{ projekt_name }}\n", "docs/onboarding.md": PAGE + "\n{{ kunde }}\n",
         "docs/roles/index.md": ROLES_PAGE + "\n{% if %}\n"},
        lambda e: ["The playbook has 3 problems:",
                   f"docs/index.md:{line_of(e['docs/index.md'], 'projekt_name')}: 'projekt_name' is undefined",
                   f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'kunde')}: 'kunde' is undefined",
                   f"docs/roles/index.md:{line_of(e['docs/roles/index.md'], '{% if %}')}: Jinja syntax error"]),
    "a data mistake and page mistakes, all in one build": Mistake(
        {"data/roles.yml": swap(ROLES, "side: customer", "side: client"), "docs/index.md": HOME + "\n{{ projekt }}\n",
         "docs/onboarding.md": PAGE + "\n/// internal\nNever closed.\n"},
        lambda e: ["The playbook has 3 problems:",
                   f"data/roles.yml:{line_of(e['data/roles.yml'], 'client')}: 'roles[3].side' must be one of firm, customer",
                   f"docs/index.md:{line_of(e['docs/index.md'], 'projekt')}: 'projekt' is undefined",
                   f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], '/// internal')}: this '/// internal' block "
                   "is never closed"]),
    "nested raw blocks": Mistake(
        {"docs/index.md": HOME + "\n{% raw %}{% raw %}x{% endraw %}{% endraw %}\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'endraw')}: Jinja syntax error: Encountered unknown tag "
                   "'endraw'"]),
    "a macro given a number": Mistake(
        {"docs/index.md": HOME + "\n{{ checklist(42) }}\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '(42)')}: checklist(42) — checklist() is written "
                   'checklist("kickoff-readiness")']),
    "a macro given the whole config": Mistake(
        {"docs/index.md": HOME + "\n{{ checklist(config) }}\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '(config)')}: checklist(config) — a macro takes an id "
                   "written in quotes"], absent=("site_name",)),
    "a macro given a keyword": Mistake(
        {"docs/index.md": HOME + "\n{{ raci_matrix(id='onboarding') }}\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'id=')}: raci_matrix(id=\"onboarding\") — a macro "
                   "takes an id written in quotes"]),
    "a macro given an id the page sets, which does not exist": Mistake(
        {"docs/index.md": HOME + "\n{% set which = 'nope' %}\n{{ checklist(which) }}\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'checklist(which)')}: checklist(\"nope\") — there is "
                   "no checklist with id 'nope'"]),
    "an include of a data file outside docs/": Mistake(
        {"docs/index.md": HOME + "\n{% include '../../data/roles.yml' %}\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'include')}: this page includes '../../data/roles.yml', "
                   "which does not exist in docs/"]),
    "an include of an absolute path": Mistake(
        {"docs/index.md": HOME + "\n{% include '/etc/passwd' %}\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'include')}: this page includes '/etc/passwd', which "
                   "does not exist in docs/"]),

    # -- A page's Jinja by allowlist (issue 23): nothing reaches Python, files or the config -------
    "a template global walked to Python's modules": Mistake(
        {"docs/onboarding.md": PAGE + "\n{{ lipsum.__globals__.os.popen('cat /etc/passwd').read() }}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'lipsum')}: 'lipsum.__globals__.os.popen(...)"
                   ".read(...)' calls something that is not a macro, which a page's Jinja may not do"],
        sites=("internal", "customer")),
    "a name of the page walked to its class": Mistake(
        {"docs/onboarding.md": PAGE + "\n{{ brand.__class__.__mro__ }}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], '__mro__')}: 'brand.__class__.__mro__' reaches "
                   "inside Python, which a page's Jinja may not do"], sites=("internal", "customer")),
    "a key worked out while rendering": Mistake(
        {"docs/onboarding.md": PAGE + "\n{% set key = '__cl' ~ 'ass__' %}{{ brand[key] }}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'brand[key]')}: 'brand[key]' reads a key "
                   "worked out while rendering"], sites=("internal", "customer")),
    "a filter that reads attributes by name": Mistake(
        {"docs/onboarding.md": PAGE + "\n{{ brand | attr('__class__') }}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'attr(')}: the filter 'attr', which a page's "
                   "Jinja may not do"], sites=("internal", "customer")),
    "a call of something that is not a macro": Mistake(
        {"docs/onboarding.md": PAGE + "\n{% for i in range(100000000) %}x{% endfor %}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'range(')}: a loop over range(...), which a "
                   "page's Jinja may not do"], sites=("internal", "customer")),
    "the engine's config printed in a page": Mistake(
        {"docs/onboarding.md": PAGE + "\n{{ config.site_author }} {{ git.message }}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'config.')}: 'config' is undefined",
                   f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'git.')}: 'git' is undefined"],
        sites=("internal", "customer")),
    "a page that extends a template": Mistake(
        {"docs/onboarding.md": PAGE + "\n{% extends 'main.html' %}\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'extends')}: '{{% extends %}}', which a page's "
                   "Jinja may not do"], sites=("internal", "customer")),
    # -- What mkdocs.yml may name (issue 23): nothing that reads files or runs code ------------------
    "an extension that includes any file of the machine": Mistake(
        _config("  - pymdownx.superfences\n", "  - pymdownx.superfences\n  - pymdownx.snippets:\n      base_path: ['/']\n"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'pymdownx.snippets')}: the markdown extension "
                   "'pymdownx.snippets' is not one the playbook allows"], quick=True),
    "a hook, an unknown setting and an environment variable": Mistake(
        _config("site_name: Mini Playbook\n",
                "site_name: Mini Playbook\nhooks: [hooks/evil.py]\nsite_author: !ENV [HOME, x]\n"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'hooks:')}: 'hooks' is not a setting the playbook's sites use",
                   f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'site_author:')}: 'site_author' is written with the tag !ENV"],
        quick=True),
    # -- What a page is, by the engine's definition (issue 23) ----------------------------------------
    "a page that ends in .markdown": Mistake(
        {"docs/plans.markdown": "# Plans\n\n[win](javascript:alert(1))\n"},
        ["docs/plans.markdown: the engine would render this file as a page, and pages end in .md — rename it to "
         "plans.md"], quick=True),
    "an HTML file and a script in docs": Mistake(
        {"docs/extra.html": "<script>alert(1)</script>", "docs/assets/run.js": "alert(1)"},
        ["docs/extra.html: a browser would run or show this file as it is, and no check reads it",
         "docs/assets/run.js: a browser would run or show this file as it is"], quick=True),
    # -- What a page carries, read as a browser reads it (issue 23) ---------------------------------
    "an internal box spelled with a character reference": Mistake(
        {"docs/onboarding.md": PAGE + '\n<div class="admonition &#105;nternal">Our margin.</div>\n'},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'nternal')}: the customer page shows a box "
                   "marked internal"], sites=("internal", "customer")),
    "an internal box whose class Jinja puts together": Mistake(
        {"docs/onboarding.md": PAGE + '\n<div class={{ "inter" ~ "nal" }}>Our margin.</div>\n'},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'inter')}: the customer page shows a box "
                   "marked internal"], sites=("internal", "customer")),
    "a script an author writes into a page": Mistake(
        {"docs/onboarding.md": PAGE + "\n<script>fetch('/x')</script>\n\n<a href='#' onclick=alert(1)>x</a>\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], '<script>')}: the page carries an inline "
                   "script (fetch('/x')): pages run only the playbook's own scripts",
                   f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], 'onclick')}: the page carries the handler "
                   'onclick="alert(1)" on a <a>'], sites=("internal", "customer")),
    "links to an internal page the stage must read as Markdown does": Mistake(
        {"docs/onboarding.md": PAGE + "\nSee [the plans][p] and [this](onboarding.md){ href=\"internal-filename-"
                                      "marker.md\" }.\n\n> [p]:\n>     internal-filename-marker.md\n"},
        lambda e: [f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], '{ href')}: this customer page links to "
                   "'internal-filename-marker.md', which is an internal page",
                   f"docs/onboarding.md:{line_of(e['docs/onboarding.md'], '>     internal')}: this customer page links to "
                   "'internal-filename-marker.md', which is an internal page"], sites=("internal", "customer")),

    # -- Script addresses in a page --------------------------------------------------------------
    "a javascript: Markdown link": Mistake(
        {"docs/index.md": HOME + "\n[win](javascript:alert(1))\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '[win]')}: the link 'javascript:alert(1)' uses the "
                   "'javascript:' scheme, which a page may not link to"]),
    "a javascript: link in raw HTML written <a/href>": Mistake(
        {"docs/index.md": HOME + '\n<div><a/href="javascript:alert(1)">win</a></div>\n'},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '<div>')}: the link 'javascript:alert(1)' uses the "
                   "'javascript:' scheme"]),
    "an entity-encoded javascript: link": Mistake(
        {"docs/index.md": HOME + '\n<p><a title="x"href="jav&#x61;script&colon;alert(1)">win</a></p>\n'},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '<p><a')}: the link 'javascript:alert(1)' uses the "
                   "'javascript:' scheme"]),
    "a javascript: address in a srcset": Mistake(
        {"docs/index.md": HOME + '\n<img alt="x" srcset="a.png 1x, javascript:alert(1) 2x">\n'},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], 'srcset')}: the link 'javascript:alert(1)' uses the "
                   "'javascript:' scheme"]),
    "a data: link": Mistake(
        {"docs/index.md": HOME + "\n[win](data:text/html,hello)\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '[win]')}: the link 'data:text/html,hello' uses the "
                   "'data:' scheme"]),
    "a vbscript: reference link": Mistake(
        {"docs/index.md": HOME + "\n[win][x]\n\n[x]: vbscript:msgbox(1)\n"},
        lambda e: [f"docs/index.md:{line_of(e['docs/index.md'], '[x]: ')}: the link 'vbscript:msgbox(1)' uses the "
                   "'vbscript:' scheme"]),

    # -- mkdocs.yml: what the theme prints is an address or a name -------------------------------
    "a nav link to a javascript: address": Mistake(
        _config("  - Tags: tags.md\n", "  - Tags: tags.md\n  - Win: 'javascript://x/%0aalert(1)'\n"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'Win:')}: the nav entry 'Win' is 'javascript://x/%0aalert(1)', "
                   "whose 'javascript:' scheme a reader's browser must not be sent to"], quick=True),
    "a site_url with a javascript: address": Mistake(
        _config("site_url: https://mini.example.com/", "site_url: javascript://mini.example.com/"),
        ["mkdocs.yml:4: 'site_url' is 'javascript://mini.example.com/', whose 'javascript:' scheme"], quick=True),
    "a palette name breaking out of its attribute": Mistake(
        _config("  font: false\n", "  font: false\n  palette:\n    primary: 'indigo\" onmouseover=\"alert(1)'\n"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'primary:')}: 'theme.palette.primary' holds '\"', which the "
                   "theme would print into the page's markup"], quick=True),
    "a font name closing the style element": Mistake(
        _config("  font: false\n", "  font:\n    text: 'Roboto</style><script>alert(1)</script>'\n"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'text: ')}: 'theme.font.text' holds '<'"], quick=True),
    "a permalink title holding markup": Mistake(
        _config("      permalink: true\n", "      permalink: true\n      permalink_title: '<img src=x onerror=alert(1)>'\n"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'permalink_title')}: 'markdown_extensions[4].toc."
                   "permalink_title' holds '<'; the theme shows this title in a tooltip, as HTML"], quick=True),
    "a data: address in extra_javascript": Mistake(
        _config("theme:\n", "extra_javascript:\n  - 'data:text/javascript,alert(1)'\ntheme:\n"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'data:text')}: 'extra_javascript[1]' is "
                   "'data:text/javascript,alert(1)', whose 'data:' scheme"], quick=True),
    "a nav entry naming a page that does not exist": Mistake(
        _config("Onboarding: onboarding.md", "Onboarding: onbording.md"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'onbording')}: the nav entry 'Onboarding' names "
                   "'onbording.md', which is not a page in docs/ — did you mean 'onboarding.md'?"], quick=True),
    "a nav entry naming a folder called x.md": Mistake(
        {"docs/x.md": Folder(), **_config("  - Tags: tags.md\n", "  - Tags: tags.md\n  - X: x.md\n")},
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'X: x.md')}: the nav entry 'X' names 'x.md', which is not a "
                   "page in docs/"], quick=True),

    # -- Settings: addresses and names that cannot end their attribute ---------------------------
    "the customer site address breaking out of its attribute": Mistake(
        _config("url: https://guide.mini.example/", "url: 'https://guide.mini.example/\"><svg onload=alert(1)>'"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'svg onload')}: 'extra.customer_site.url' must be a web "
                   "address starting with https://"], quick=True),
    "a contact e-mail holding a quote": Mistake(
        _config("contact_email: hello@mini.example", "contact_email: 'x\"onmouseover=alert(1)@mini.example'"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'contact_email')}: 'extra.brand.contact_email' must be an "
                   "e-mail address"], quick=True),
    "a feedback address with a javascript: scheme": Mistake(
        _config('internal: "mailto:playbook@mini.example?subject=Search%3A%20{query}"',
                "internal: 'javascript:alert({query})'"),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'javascript:alert')}: 'extra.feedback.internal' must be a "
                   "mailto: or https:// address with {query}"], quick=True),
    "a brand colour carrying CSS": Mistake(
        _config('primary_color: "#123456"', 'primary_color: "#123456;} body {display:none"'),
        lambda e: [f"mkdocs.yml:{line_of(e['mkdocs.yml'], 'primary_color')}: 'extra.brand.primary_color' must be a "
                   'colour written as "#rrggbb"'], quick=True),

    # -- Addresses in data ------------------------------------------------------------------------
    "a process page that is a javascript: address": Mistake(
        {"data/processes/onboarding.yml": swap(PROCESS, "page: onboarding.md", "page: 'javascript:alert(1)'")},
        ["data/processes/onboarding.yml:4: 'page' must be the path of a page in docs/"], quick=True),
    "a glossary page outside docs/": Mistake(
        {"data/glossary.yml": "audience: customer\nterms:\n  - id: raci\n    term: RACI\n    definition: Who does what.\n"
                              "    page: ../../etc/passwd.md\n"},
        ["data/glossary.yml:6: 'terms[1].page' must be the path of a page in docs/"], quick=True),
    "a glossary term holding a square bracket": Mistake(
        {"data/glossary.yml": "audience: customer\nterms:\n  - id: raci\n    term: 'RACI]: <script>'\n"
                              "    definition: Who does what.\n"},
        ["data/glossary.yml:3: the glossary spelling 'RACI]: <script>' contains a square bracket"], quick=True),

    # -- The docs/ folder --------------------------------------------------------------------------
    "a symbolic link in docs/ to a file outside": Mistake(
        {"docs/leak.md": Symlink("/etc/passwd")},
        ["docs/leak.md: this is a symbolic link (to /etc/passwd), which the build does not follow — put the file "
         "itself in docs/"], quick=True),
    "a symbolic link in docs/ to a folder outside": Mistake(
        {"docs/outside": Symlink("/etc")},
        ["docs/outside: this is a symbolic link (to /etc), which the build does not follow"], quick=True),
    "a page whose name holds markup": Mistake(
        {'docs/a"><svg onload=alert(1)>.md': NEW_PAGE},
        ['docs/a"><svg onload=alert(1)>.md: the name holds \'"\', which a web address cannot hold as it is — rename '
         "it"], quick=True),
    "a page in no nav entry": Mistake(
        {"docs/lost.md": NEW_PAGE},
        ["docs/lost.md: this page is in no entry of the nav in mkdocs.yml, so readers cannot reach it from the menu "
         "— add it under nav: in mkdocs.yml"]),
    "a page named with spaces and accents, in no nav entry": Mistake(
        {"docs/a page é.md": NEW_PAGE},
        ["docs/a page é.md: this page is in no entry of the nav in mkdocs.yml"]),

    # -- The engine stuck on a page ----------------------------------------------------------------
    "a page that makes the Markdown parser loop": Mistake(
        {"docs/internal-filename-marker.md": SECRET + "\n> /// note\n///\n/// note\n"},
        ["docs/internal-filename-marker.md: the engine stopped making progress on this page for 4 s: a construct on it "
         "makes the Markdown parser loop", "write blocks at the start of a line, outside quotes and lists"],
        env={"PLAYBOOK_STALL_SECONDS": "4"}),
}


# Careless or odd input that is no mistake: the build succeeds and shows it as written.
# Each check reads the built internal site (site/internal/).
@dataclass
class Accepted:
    edits: dict[str, Edit]
    check: Callable[[Path], None]


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _shows_script_as_text(site: Path) -> None:
    html = _page(site, "roles/consultant")
    assert "Consultant &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "</script><script>alert(1)" not in html


def _shows_u2028_title(site: Path) -> None:
    assert "Mini\u2028home" in _page(site, "")


def _builds_the_huge_line(site: Path) -> None:
    assert _page(site, "").count("word ") >= 200_000


def _builds_the_spaced_page(site: Path) -> None:
    assert "Spaced out" in _page(site, "a page é")


def _ignores_the_hidden_page(site: Path) -> None:
    assert not (site / ".md").exists() and not list(site.rglob("*hidden-marker*"))
    assert all("hidden-marker" not in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def _builds_the_empty_body(site: Path) -> None:
    assert "<h1" in _page(site, "only-front-matter") and "Only front matter" in _page(site, "only-front-matter")


def _shows_braces_as_written(site: Path) -> None:
    html = _page(site, "")
    assert "{{ not_a_macro }}" in html


def _shows_jinja_title_as_written(site: Path) -> None:
    html = _page(site, "")
    assert "&#123;&#123; 7*7 &#125;&#125; home" in html and ">49 home<" not in html


def _runs_a_macro_with_an_id_the_page_sets(site: Path) -> None:
    assert 'data-pb-checklist="onboarding-ready"' in _page(site, "")


ONLY_FRONT = "---\ntitle: Only front matter\nowner: project-manager\nlast_reviewed: 2026-11-02\n---\n"
def _shows_the_footnote(site: Path) -> None:
    html = _page(site, "onboarding")
    assert 'class="footnote"' in html and "Based on our 2025 projects." in html


def _includes_the_page_without_its_front_matter(site: Path) -> None:
    html = _page(site, "")
    assert "Included words." in html and "title: Included" not in html and "owner:" not in html


ACCEPTED: dict[str, Accepted] = {
    "a footnote and its definition": Accepted(
        {"docs/onboarding.md": PAGE + "\nSee the numbers[^1].\n\n[^1]: Based on our 2025 projects.\n"},
        _shows_the_footnote),
    "a page that includes another page": Accepted(
        {"docs/included.md": "---\ntitle: Included\naudience: customer\nowner: project-manager\n"
                             "last_reviewed: 2026-11-02\nsearch:\n  exclude: true\n---\n\nIncluded words.\n",
         "docs/index.md": HOME + '\n{% include "included.md" %}\n',
         **_config("  - Tags: tags.md\n", "  - Tags: tags.md\n  - Included: included.md\n")},
        _includes_the_page_without_its_front_matter),
    "a data value holding </script>": Accepted(
        {"data/roles.yml": swap(ROLES, 'Consultant <script>alert("x")</script>', "Consultant </script><script>alert(1)</script>")},
        _shows_script_as_text),
    "a title with a line separator written as an escape": Accepted(
        _page_edit("title: Mini home", 'title: "Mini\\u2028home"'), _shows_u2028_title),
    "a line of a million characters": Accepted(
        {"docs/index.md": HOME + "\n" + "word " * 200_000 + "\n"}, _builds_the_huge_line),
    "a page named with spaces and accents, in the nav": Accepted(
        {"docs/a page é.md": swap(NEW_PAGE, "# New", "# Spaced out"),
         **_config("  - Tags: tags.md\n", "  - Tags: tags.md\n  - Spaced: a page é.md\n")}, _builds_the_spaced_page),
    "a file named .md": Accepted({"docs/.md": "hidden-marker\n"}, _ignores_the_hidden_page),
    "a page of only front matter": Accepted(
        {"docs/only-front-matter.md": ONLY_FRONT,
         **_config("  - Tags: tags.md\n", "  - Tags: tags.md\n  - Only: only-front-matter.md\n")}, _builds_the_empty_body),
    "braces on a page that turns macros off": Accepted(
        {"docs/index.md": swap(swap(HOME, "owner: project-manager\n", "owner: project-manager\nrender_macros: false\n"),
                               "{{ lifecycle() }}", "{{ not_a_macro }}")}, _shows_braces_as_written),
    "Jinja in a page title": Accepted(_page_edit("title: Mini home", 'title: "{{ 7*7 }} home"'), _shows_jinja_title_as_written),
    "a macro given an id the page sets": Accepted(
        {"docs/index.md": HOME + "\n{% set which = 'onboarding-ready' %}\n{{ checklist(which) }}\n"},
        _runs_a_macro_with_an_id_the_page_sets),
}


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def surroundings(parent: Path, project: Path) -> dict[str, str]:
    """Every file, folder and link in the temporary folder around the project (links not
    followed), build/ and site/ left out (site/ is a link to one of the generations the publish
    step keeps): what a build must never touch."""
    found: dict[str, str] = {}
    for current, folders, files in os.walk(parent):
        here = Path(current)
        if here == project:
            published = ("build", generations.SITE, generations.GENERATIONS)
            folders[:] = [f for f in folders if f not in published]
            files = [f for f in files if f not in published and not f.startswith(f".{generations.SITE}.new-")]
        for name in folders + files:
            path = here / name
            key = path.relative_to(parent).as_posix()
            if path.is_symlink():
                found[key] = "link to " + os.readlink(path)
            elif path.is_file():
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[key] = "folder"
    return found


def build_sites(project: Path, *sites: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return playbook("--root", str(project), "build", *sites, env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("catalogue"))
    first = build_sites(project)
    assert first.returncode == 0, first.stdout + first.stderr
    built_files = snapshot(project / "site")
    assert "internal/index.html" in built_files and "customer/index.html" in built_files
    return project


def _rewrite(target: Path, data: bytes) -> Callable[[], None]:
    return lambda: target.write_bytes(data)


def plant(project: Path, edits: dict[str, Edit]) -> Callable[[], None]:
    """Apply edits; return what puts the project back exactly as it was (folders made included)."""
    undo: list[Callable[[], None]] = []
    for relative, edit in edits.items():
        target = project / relative
        if target.is_file() and not target.is_symlink():
            undo.append(_rewrite(target, target.read_bytes()))
        else:
            top = target
            while not top.parent.exists():
                top = top.parent
            undo.append(lambda top=top: shutil.rmtree(top) if top.is_dir() and not top.is_symlink() else top.unlink())
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(edit, Symlink):
            target.symlink_to(edit.target)
        elif isinstance(edit, Folder):
            target.mkdir()
        elif isinstance(edit, bytes):
            target.write_bytes(edit)
        else:
            target.write_text(edit, encoding="utf-8")

    def restore() -> None:
        for step in reversed(undo):
            step()
    return restore


_PROBLEMS = re.compile(r"^The playbook has (\d+) problems?:$", re.M)


def test_the_catalogue_holds_at_least_eighty_kinds_of_mistake_and_hostile_input():
    assert len(CATALOGUE) >= 80 and len(ACCEPTED) >= 8


@pytest.mark.parametrize("name", CATALOGUE)
def test_a_mistake_stops_the_build_names_file_line_and_fix_and_keeps_the_last_good_site(built, name):
    project = built
    mistake = CATALOGUE[name]
    if mistake.quick and os.environ.get("PLAYBOOK_ENGINE", "mkdocs") != "mkdocs":
        pytest.skip("refused before anything is staged, so before any engine runs: the MkDocs pass covers it")
    before = snapshot(project / "site")
    staged = snapshot(project / "build")
    around = surroundings(project.parent, project)
    restore = plant(project, mistake.edits)
    try:
        result = build_sites(project, *mistake.sites, env=mistake.env)
    finally:
        restore()
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    assert "Traceback" not in output, output
    assert "Nothing in site/ was changed" in output
    for message in mistake.messages():
        assert message in output, f"{message!r} is not in the output:\n{output}"
    for wrong in mistake.absent:
        assert wrong not in output, f"{wrong!r} should not be said:\n{output}"
    for header in _PROBLEMS.finditer(output):  # every problem listed reads `file[:line]: what — fix`
        listed = output[header.end():].strip("\n").split("\n")[:int(header.group(1))]
        assert all(re.match(r"^  \S[^:]*(:\d+)?: .+ — .+", line) for line in listed), listed
    assert snapshot(project / "site") == before, "a failed build changed site/"
    assert surroundings(project.parent, project) == around, "the build wrote outside build/ and site/"
    if mistake.quick:  # refused before anything was staged, so before any engine ran
        assert snapshot(project / "build") == staged, "a refused build staged something"


@pytest.mark.parametrize("name", ACCEPTED)
def test_odd_input_that_is_no_mistake_builds_and_shows_as_written(built, name):
    project = built
    case = ACCEPTED[name]
    around = surroundings(project.parent, project)
    restore = plant(project, case.edits)
    try:
        result = build_sites(project, "internal")
    finally:
        restore()
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    case.check(project / "site" / "internal")
    assert surroundings(project.parent, project) == around, "the build wrote outside build/ and site/"
