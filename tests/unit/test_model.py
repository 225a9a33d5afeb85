"""Every validation rule of the data loader, each proven by a file that breaks it."""
from pathlib import Path
from textwrap import dedent

import pytest
from pydantic import ValidationError

from playbook.load.data_folder import load_playbook
from playbook.problems import PlaybookError

ROLES = """\
audience: customer
roles:
  - id: project-manager
    title: Project manager
    side: firm
    summary: Runs the project.
  - id: account-manager
    title: Account manager
    side: firm
    summary: Owns the relationship.
  - id: resource-manager
    title: Resource manager
    side: firm
    summary: Staffs projects.
    audience: internal
  - id: customer-lead
    title: Customer lead
    side: customer
    summary: Leads on the customer side.
role_pages:
  owner: project-manager
  last_reviewed: 2026-11-02
"""

PROCESS = """\
id: kickoff
title: Kickoff
audience: customer
page: kickoff.md
summary: Starts the project.
phase:
  order: 1
  goal: Start well.
  typical_duration: 1 week
  entry_criteria: [Signed]
  exit_criteria: [Planned]
  customer_contribution: A lead.
activities:
  - id: kickoff-plan
    title: Plan the kickoff
    raci:
      project-manager: A
      customer-lead: R
      account-manager: I
"""

CHECKLIST = """\
id: kickoff-ready
title: Ready
audience: customer
process: kickoff
items:
  - id: signed
    text: Contract signed.
    owner: account-manager
    due: Before kickoff
"""


def write(data_dir: Path, files: dict[str, str]) -> None:
    base = {"roles.yml": ROLES, "processes/kickoff.yml": PROCESS, "checklists/kickoff-ready.yml": CHECKLIST}
    for name, text in {**base, **files}.items():
        path = data_dir / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")


def problems_for(data_dir: Path, files: dict[str, str | None]) -> list:
    write(data_dir, files)
    with pytest.raises(PlaybookError) as caught:
        load_playbook(data_dir)
    return caught.value.problems


def only(problems: list):
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_valid_data_loads_into_frozen_facts_keyed_by_id(data_dir):
    write(data_dir, {})
    playbook = load_playbook(data_dir)
    assert list(playbook.roles) == ["project-manager", "account-manager", "resource-manager", "customer-lead"]
    kickoff = playbook.processes["kickoff"]
    assert kickoff.phase.order == 1 and kickoff.activities[0].letter_for("project-manager") == "A"
    assert playbook.checklists_for("kickoff")[0].items[0].owner == "account-manager"
    assert playbook.roles["resource-manager"].audience == "internal"
    with pytest.raises(ValidationError, match="frozen"):
        kickoff.title = "changed"


def test_two_accountables(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("account-manager: I", "account-manager: A")}))
    assert problem.file == "data/processes/kickoff.yml" and problem.line == 14
    assert "2 roles (project-manager, account-manager) Accountable" in problem.message
    assert "exactly one" in problem.message and "letter A" in problem.fix


def test_no_accountable(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("project-manager: A", "project-manager: C")}))
    assert "no one Accountable" in problem.message


def test_no_responsible(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("customer-lead: R", "customer-lead: C")}))
    assert "has no Responsible role" in problem.message and "letter R" in problem.fix


def test_a_letter_that_is_not_raci(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("account-manager: I", "account-manager: X")}))
    assert problem.line == 19 and "must be one of R, A, C, I" in problem.message


def test_two_letters_for_one_role(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("account-manager: I", "account-manager: AR")}))
    assert problem.line == 19 and "not 'AR'" in problem.message


def test_a_role_named_twice_in_one_activity(data_dir):
    text = PROCESS.replace("      account-manager: I\n", "      account-manager: I\n      customer-lead: C\n")
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": text}))
    assert problem.line == 20 and "'customer-lead' appears twice" in problem.message


def test_unknown_role_with_suggestion(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("account-manager: I", "acount-manager: I")}))
    assert problem.line == 19 and "'acount-manager', which is not defined" in problem.message
    assert "did you mean 'account-manager'?" in problem.fix


def test_unknown_key_typo(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("    raci:", "    racy:")}))
    assert problem.line == 16 and "unknown key 'racy'" in problem.message


def test_missing_required_field(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("summary: Starts the project.\n", "")}))
    assert problem.line == 1 and "missing the required key 'summary'" in problem.message


def test_missing_audience_has_no_silent_default(data_dir):
    problem = only(problems_for(data_dir, {"checklists/kickoff-ready.yml": CHECKLIST.replace("audience: customer\n", "")}))
    assert problem.file == "data/checklists/kickoff-ready.yml"
    assert "missing the required key 'audience'" in problem.message


def test_unknown_audience(data_dir):
    problem = only(problems_for(data_dir, {"roles.yml": ROLES.replace("audience: customer", "audience: customers", 1)}))
    assert problem.line == 1 and "one of customer, internal" in problem.message


def test_duplicate_id_across_files(data_dir):
    clash = CHECKLIST.replace("id: kickoff-ready", "id: project-manager")
    problems = problems_for(data_dir, {"checklists/kickoff-ready.yml": clash})
    messages = [str(p) for p in problems]
    assert any("the id 'project-manager' of this checklist is already used by the role at data/roles.yml:3" in m
               for m in messages), messages


def test_duplicate_activity_id_across_processes(data_dir):
    other = PROCESS.replace("id: kickoff\n", "id: kickoff-two\n").replace("order: 1", "order: 2")
    problem = only(problems_for(data_dir, {"processes/kickoff-two.yml": other}))
    # Files are read in name order, so kickoff-two.yml claims the id first.
    assert problem.file == "data/processes/kickoff.yml" and problem.line == 14
    assert "'kickoff-plan' of this activity is already used by the activity at data/processes/kickoff-two.yml:14" in problem.message


def test_duplicate_item_id_in_a_checklist(data_dir):
    text = CHECKLIST + "  - id: signed\n    text: Again.\n    owner: customer-lead\n    due: Later\n"
    problem = only(problems_for(data_dir, {"checklists/kickoff-ready.yml": text}))
    assert problem.line == 10 and "'signed' appears twice in this checklist (first on line 6)" in problem.message


def test_file_name_must_match_id(data_dir):
    write(data_dir, {"processes/kickoff.yml": None, "processes/start.yml": PROCESS})
    with pytest.raises(PlaybookError) as caught:
        load_playbook(data_dir)
    problem = only(caught.value.problems)
    assert problem.file == "data/processes/start.yml" and "rename the file to kickoff.yml" in problem.fix


def test_checklist_for_unknown_process_and_unknown_owner(data_dir):
    text = CHECKLIST.replace("process: kickoff", "process: kikoff").replace("owner: account-manager", "owner: nobody")
    problems = problems_for(data_dir, {"checklists/kickoff-ready.yml": text})
    assert len(problems) == 2
    assert "'kikoff', which does not exist" in problems[0].message and "did you mean 'kickoff'?" in problems[0].fix
    assert problems[1].line == 6 and "'nobody', which is not defined" in problems[1].message


def test_customer_activity_cannot_hinge_on_an_internal_role(data_dir):
    text = PROCESS.replace("project-manager: A", "resource-manager: A").replace("account-manager: I", "project-manager: I")
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": text}))
    assert "internal-only" in problem.message and "audience: internal" in problem.fix


def test_customer_checklist_of_an_internal_process(data_dir):
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": PROCESS.replace("audience: customer", "audience: internal")}))
    assert "is for customers but its process 'kickoff' is internal" in problem.message


def test_phase_order_is_unique(data_dir):
    other = PROCESS.replace("id: kickoff\n", "id: later\n").replace("kickoff-plan", "later-plan")
    problem = only(problems_for(data_dir, {"processes/later.yml": other}))
    assert "phase order 1 is already taken by 'kickoff'" in problem.message


def test_yaml_file_with_the_wrong_extension_is_not_silently_ignored(data_dir):
    write(data_dir, {"processes/extra.yaml": PROCESS})
    with pytest.raises(PlaybookError) as caught:
        load_playbook(data_dir)
    problem = only(caught.value.problems)
    assert problem.file == "data/processes/extra.yaml" and "rename it to extra.yml" in problem.fix


def test_empty_file_and_missing_roles_file(data_dir):
    problems = problems_for(data_dir, {"roles.yml": None, "checklists/kickoff-ready.yml": ""})
    messages = {(p.file, p.message) for p in problems}
    assert ("data/roles.yml", "this required file is missing") in messages
    assert ("data/checklists/kickoff-ready.yml", "the file is empty") in messages


def test_all_problems_of_all_files_are_reported_together_in_reading_order(data_dir):
    problems = problems_for(data_dir, {
        "processes/kickoff.yml": PROCESS.replace("account-manager: I", "account-manager: A"),
        "checklists/kickoff-ready.yml": CHECKLIST.replace("due: Before kickoff", "due: ''"),
        "roles.yml": ROLES.replace("side: customer", "side: client"),
    })
    assert [p.file for p in problems] == ["data/checklists/kickoff-ready.yml", "data/processes/kickoff.yml",
                                          "data/roles.yml"]
    error = PlaybookError(problems)
    assert str(error).startswith("The playbook data has 3 problems:")
    assert "data/roles.yml:18: 'roles[4].side' must be one of firm, customer" in str(error)


def test_a_hostile_data_file_is_one_problem_at_its_line_and_the_rest_is_still_checked(data_dir):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    found = problems_for(data_dir, {"checklists/kickoff-ready.yml": bomb,
                                    "processes/kickoff.yml": PROCESS.replace("customer-lead: R", "customer-lead: C")})
    assert [(p.file, p.line) for p in found] == [("data/checklists/kickoff-ready.yml", 6),
                                                 ("data/processes/kickoff.yml", 14)]
    assert "more than 200,000 values" in found[0].message and "no Responsible role" in found[1].message


def test_an_id_with_a_trailing_newline_or_a_page_that_is_a_script_is_refused(data_dir):
    text = PROCESS.replace("id: kickoff\n", "id: |\n  kickoff\n").replace("page: kickoff.md", "page: 'javascript:alert(1)'")
    found = problems_for(data_dir, {"processes/kickoff.yml": text})
    assert [(p.line, p.message.split(",")[0]) for p in found] == [
        (1, "'id' must be a kebab-case id (lower-case letters"),
        (5, "'page' must be the path of a page in docs/")]


def test_a_data_file_that_is_not_utf8_names_its_line(data_dir):
    write(data_dir, {})
    (data_dir / "roles.yml").write_bytes(ROLES.replace("Runs the project.", "Runs the projet\u00e9.").encode("latin-1"))
    with pytest.raises(PlaybookError) as caught:
        load_playbook(data_dir)
    problem = only(caught.value.problems)
    assert (problem.file, problem.line) == ("data/roles.yml", 6) and "not UTF-8" in problem.message


@pytest.mark.parametrize("roles", ["- a list\n- of nothing\n", ROLES.split("roles:")[0] + "roles: nobody\n"])
def test_a_roles_file_that_cannot_say_its_roles_does_not_flag_every_reference(data_dir, roles):
    # Every activity and item names roles; without their ids, any role may exist.
    found = problems_for(data_dir, {"roles.yml": roles})
    assert {p.file for p in found} == {"data/roles.yml"} and len(found) <= 2, found


# -- Sign-offs, checklist items named by activities, and the names prose uses (issue 24) ---------

SIGN_OFF = "    title: Plan the kickoff\n    sign_off: true\n    checked_in: kickoff-ready/signed\n"


def test_a_sign_off_names_the_checklist_item_that_says_when_it_is_due(data_dir):
    write(data_dir, {"processes/kickoff.yml": PROCESS.replace("    title: Plan the kickoff\n", SIGN_OFF)})
    playbook = load_playbook(data_dir)
    activity = playbook.processes["kickoff"].activities[0]
    assert activity.sign_off and playbook.checklist_item(activity.checked_in)[1].due == "Before kickoff"
    assert playbook.find("activities", "kickoff-plan") == (playbook.processes["kickoff"], activity)


def test_a_sign_off_without_a_due_point(data_dir):
    text = PROCESS.replace("    title: Plan the kickoff\n", "    title: Plan the kickoff\n    sign_off: true\n")
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": text}))
    assert problem.line == 14 and "is a sign-off but does not say when it is due" in problem.message
    assert "checked_in: checklist-id/item-id" in problem.fix


def test_a_checked_in_item_that_does_not_exist_gets_a_suggestion(data_dir):
    text = PROCESS.replace("    title: Plan the kickoff\n", SIGN_OFF.replace("kickoff-ready/signed", "kickoff-ready/sined"))
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": text}))
    assert problem.line == 17 and "names the checklist item 'kickoff-ready/sined', which does not exist" in problem.message
    assert "did you mean 'kickoff-ready/signed'?" in problem.fix


def test_a_checked_in_reference_must_name_a_checklist_and_an_item(data_dir):
    text = PROCESS.replace("    title: Plan the kickoff\n", SIGN_OFF.replace("kickoff-ready/signed", "signed"))
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": text}))
    assert problem.line == 17 and "checklist-id/item-id" in problem.message + problem.fix


def test_a_phase_activity_is_checked_in_its_own_phase_only(data_dir):
    later = PROCESS.replace("id: kickoff\n", "id: later\n").replace("kickoff-plan", "later-plan") \
        .replace("order: 1", "order: 2").replace("    title: Plan the kickoff\n", SIGN_OFF)
    problem = only(problems_for(data_dir, {"processes/later.yml": later}))
    assert "belongs to 'kickoff', not to this activity's process 'later'" in problem.message


def test_a_process_outside_the_lifecycle_is_checked_in_a_phase(data_dir):
    """An activity outside the lifecycle (access to the system) takes its phase from the checklist."""
    outside = PROCESS.replace("id: kickoff\n", "id: access\n").replace("kickoff-plan", "access-plan") \
        .replace("    title: Plan the kickoff\n", "    title: Plan the kickoff\n    checked_in: kickoff-ready/signed\n")
    outside = outside[:outside.index("phase:")] + outside[outside.index("activities:"):]
    write(data_dir, {"processes/access.yml": outside})
    assert load_playbook(data_dir).processes["access"].activities[0].checked_in == "kickoff-ready/signed"


def test_a_customer_activity_is_not_checked_in_an_internal_item(data_dir):
    checklist = CHECKLIST + "    audience: internal\n"
    text = PROCESS.replace("    title: Plan the kickoff\n", SIGN_OFF)
    problem = only(problems_for(data_dir, {"processes/kickoff.yml": text, "checklists/kickoff-ready.yml": checklist}))
    assert "its checklist item 'kickoff-ready/signed' is internal" in problem.message


def test_a_short_name_or_a_phrase_means_one_thing(data_dir):
    roles = ROLES.replace("    title: Account manager\n", "    title: Account manager\n    short_names: [project manager]\n")
    second = PROCESS.replace("id: kickoff\n", "id: later\n").replace("kickoff-plan", "later-plan") \
        .replace("order: 1", "order: 2").replace("    title: Plan the kickoff\n", "    title: Plan the kickoff\n    said_as: [plan the kickoff]\n")
    first = PROCESS.replace("    title: Plan the kickoff\n", "    title: Plan the kickoff\n    said_as: [plan the  Kickoff]\n")
    problems = problems_for(data_dir, {"roles.yml": roles, "processes/kickoff.yml": first, "processes/later.yml": second})
    assert sorted(p.message for p in problems) == [
        "the phrase 'plan the kickoff' of activity 'later-plan' is already said of the activity 'kickoff-plan'",
        "the short name 'project manager' of role 'account-manager' already names the role 'project-manager'"]
