"""Each kind of author mistake stops the build with a message naming the file, the line and the fix."""
import re

import pytest

from tests.sites import build_fixture, fixture_text

pytestmark = pytest.mark.build

ONBOARDING_PAGE = fixture_text("docs/onboarding.md")
ONBOARDING_DATA = fixture_text("data/processes/onboarding.yml")
CHECKLIST_DATA = fixture_text("data/checklists/onboarding-ready.yml")


def failing_build(tmp_path, edits):
    result = build_fixture(tmp_path, edits)
    assert not result.ok, "the build should have failed:\n" + result.output
    return result.output


def test_yaml_syntax_error_in_data(tmp_path):
    broken = ONBOARDING_DATA.replace("title: Onboarding", "title: [Onboarding")
    output = failing_build(tmp_path, {"data/processes/onboarding.yml": broken})
    assert "data/processes/onboarding.yml:3: YAML syntax error" in output
    assert "check the indentation" in output


def test_two_accountables(tmp_path):
    broken = ONBOARDING_DATA.replace("customer-lead: C", "customer-lead: A")
    output = failing_build(tmp_path, {"data/processes/onboarding.yml": broken})
    assert ("data/processes/onboarding.yml:16: activity 'onboarding-plan' has 2 roles "
            "(project-manager, customer-lead) Accountable; it needs exactly one") in output


def test_unknown_role_in_a_checklist(tmp_path):
    broken = CHECKLIST_DATA.replace("owner: customer-lead", "owner: customer-lede")
    output = failing_build(tmp_path, {"data/checklists/onboarding-ready.yml": broken})
    assert "data/checklists/onboarding-ready.yml:6: item 'contract-signed' names the role 'customer-lede'" in output
    assert "did you mean 'customer-lead'?" in output


def test_every_data_mistake_is_listed_in_one_run(tmp_path):
    output = failing_build(tmp_path, {
        "data/processes/onboarding.yml": ONBOARDING_DATA.replace("    raci:\n      project-manager: A\n      consultant",
                                                                 "    raci:\n      project-manager: R\n      consultant"),
        "data/checklists/onboarding-ready.yml": CHECKLIST_DATA.replace("due: Day 1", "deu: Day 1"),
    })
    assert "The playbook data has 2 problems:" in output
    assert "data/processes/onboarding.yml:16: activity 'onboarding-plan' has no one Accountable" in output
    assert "data/checklists/onboarding-ready.yml:18: unknown key 'deu'" in output
    assert "did you mean 'due'?" in output


def test_macro_with_an_unknown_id_names_page_line_and_id_and_all_such_pages_are_listed(tmp_path):
    output = failing_build(tmp_path, {
        "docs/onboarding.md": ONBOARDING_PAGE.replace('checklist("onboarding-ready")', 'checklist("onboarding-redy")'),
        "docs/roles/index.md": "---\ntitle: Roles\n---\n\n# Roles\n\n{{ role_card(\"nobody\") }}\n",
    })
    assert ('docs/onboarding.md:20: checklist("onboarding-redy") — there is no checklist with id '
            "'onboarding-redy' — did you mean 'onboarding-ready'?") in output
    assert "docs/roles/index.md:7: role_card(\"nobody\") — there is no role with id 'nobody'" in output
    assert "Aborted with 2 errors in strict mode" in output


def test_undefined_jinja_variable(tmp_path):
    output = failing_build(tmp_path, {"docs/onboarding.md": ONBOARDING_PAGE + "\n{{ projekt_name }}\n"})
    assert "'projekt_name' is undefined" in output
    assert "onboarding.md" in output


def test_jinja_syntax_typo(tmp_path):
    output = failing_build(tmp_path, {"docs/onboarding.md": ONBOARDING_PAGE + '\n{{ checklist("onboarding-ready") }\n'})
    assert "Macro Syntax Error" in output and "_File_: `onboarding.md`" in output
    assert re.search(r"Line \d+ in Markdown file:_ \*\*unexpected '}'\*\*", output)


def test_broken_link(tmp_path):
    output = failing_build(tmp_path, {"docs/onboarding.md": ONBOARDING_PAGE + "\nSee [the plan](plan.md).\n"})
    assert "Doc file 'onboarding.md' contains a link 'plan.md', but the target is not found" in output


def test_process_naming_a_page_that_does_not_exist(tmp_path):
    output = failing_build(tmp_path, {"data/processes/onboarding.yml": ONBOARDING_DATA.replace("page: onboarding.md", "page: onboard.md")})
    assert ("data/processes/onboarding.yml:4: the process 'onboarding' names the page 'onboard.md', "
            "which does not exist in docs/") in output


def test_unclosed_internal_block(tmp_path):
    output = failing_build(tmp_path, {"docs/onboarding.md": ONBOARDING_PAGE + "\n/// internal\nSecret\n"})
    assert "docs/onboarding.md: an '/// internal' block is never closed" in output


def test_unknown_audience_in_front_matter(tmp_path):
    output = failing_build(tmp_path, {"docs/internal-filename-marker.md": "---\ntitle: Secret\naudience: customers\n---\n\n# Secret\n"})
    assert "docs/internal-filename-marker.md:3: unknown audience 'customers' in the front matter" in output


def test_hand_written_page_where_a_role_page_is_generated(tmp_path):
    output = failing_build(tmp_path, {"docs/roles/consultant.md": "# Consultant\n"})
    assert "docs/roles/consultant.md: role pages are generated from data/roles.yml" in output
