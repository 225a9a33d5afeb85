"""The catalogue of author mistakes: each one stops the build with a message that names the file,
the line (where there is one) and the fix, and a failed build leaves the last good site in place.

The mini fixture is built once with `python -m playbook build`, exactly as `make build` builds it. Each
case then plants one mistake (or several, to prove they are all listed in one run), rebuilds,
and checks that the build failed, that site/ is byte-for-byte what it was, and that the output
says what is wrong and where. The case restores the files it changed, so cases stay independent.
"""
from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.sites import fixture_text, make_project, playbook

pytestmark = pytest.mark.build

PAGE = fixture_text("docs/onboarding.md")
HOME = fixture_text("docs/index.md")
PROCESS = fixture_text("data/processes/onboarding.yml")
INTERNAL_PROCESS = fixture_text("data/processes/margin-review.yml")
CHECKLIST = fixture_text("data/checklists/onboarding-ready.yml")
ROLES = fixture_text("data/roles.yml")
CHANGELOG = fixture_text("data/changelog.yml")


def line_of(text: str, needle: str) -> int:
    """The line of text holding needle, so a case states the line without hard-coding it."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def swap(text: str, old: str, new: str) -> str:
    assert old in text, f"the fixture no longer holds {old!r}"
    return text.replace(old, new, 1)


@dataclass
class Mistake:
    edits: dict[str, str]
    expected: list[str] | Callable[[dict[str, str]], list[str]]
    sites: tuple[str, ...] = ("internal",)
    marks: list = field(default_factory=list)

    def messages(self) -> list[str]:
        return self.expected(self.edits) if callable(self.expected) else self.expected


def _page_edit(old: str, new: str) -> dict[str, str]:
    return {"docs/index.md": swap(HOME, old, new)}


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
         "write the date as YYYY-MM-DD"]),
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
}


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def build_sites(project: Path, *sites: str) -> subprocess.CompletedProcess:
    return playbook("--root", str(project), "build", *sites)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("catalogue"))
    first = build_sites(project)
    assert first.returncode == 0, first.stdout + first.stderr
    built_files = snapshot(project / "site")
    assert "internal/index.html" in built_files and "customer/index.html" in built_files
    return project


def test_the_catalogue_covers_at_least_fifteen_kinds_of_mistake():
    assert len(CATALOGUE) >= 15


@pytest.mark.parametrize("name", CATALOGUE)
def test_a_mistake_stops_the_build_names_file_line_and_fix_and_keeps_the_last_good_site(built, name):
    project = built
    before = snapshot(project / "site")
    mistake = CATALOGUE[name]
    originals = {path: (project / path).read_text(encoding="utf-8") if (project / path).exists() else None
                 for path in mistake.edits}
    try:
        for path, text in mistake.edits.items():
            (project / path).write_text(text, encoding="utf-8")
        result = build_sites(project, *mistake.sites)
    finally:
        for path, text in originals.items():
            if text is None:
                (project / path).unlink()
            else:
                (project / path).write_text(text, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    assert "Nothing in site/ was changed" in output
    for message in mistake.messages():
        assert message in output, f"{message!r} is not in the output:\n{output}"
    assert snapshot(project / "site") == before, "a failed build changed site/"
