"""The single-file data kinds (communications, change impacts, complaints, agendas, escalation
paths, the RAID log, the glossary): each validation rule proven by a file that breaks it, and
each view by what it computes."""
from pathlib import Path

import pytest

from playbook.load.data_folder import load_playbook
from playbook.load.rules import missing_pages
from playbook.present import views
from playbook.problems import PlaybookError
from playbook.stage.audience import for_audience
from tests.unit.test_model import only, write

COMMUNICATIONS = """\
audience: customer
communications:
  - id: status-report
    title: Status report
    purpose: Says where we are.
    recipients: [customer-lead, account-manager, resource-manager]
    kind: message
    channel: [email]
    recurs:
      weekday: thursday
      time: "17:00"
    owner: project-manager
    template: templates/status.md
  - id: staffing-call
    title: Staffing call
    purpose: Plans people.
    recipients: [project-manager]
    kind: meeting
    channel: [video-call]
    minutes: 30
    once:
      relation: at
      event: the start of each month
    owner: resource-manager
    template: staffing.md
    audience: internal
"""

IMPACTS = """\
audience: customer
impacts:
  - id: low-one
    change: A small change.
    kind: known
    affects: [customer-lead]
    likelihood: 2
    cost: 2
    response: Watch it.
  - id: likely-one
    change: A likely change.
    kind: predicted
    affects: [customer-lead, resource-manager]
    likelihood: 4
    cost: 3
    response: Plan for it.
  - id: costly-one
    change: A costly change.
    kind: known
    affects: [project-manager]
    likelihood: 3
    cost: 4
    response: Prevent it.
"""

ESCALATION = """\
audience: customer
paths:
  - id: standard
    title: Standard
    applies_to: Blockers.
    levels:
      - role: project-manager
        action: Works it.
        limit: 2
        unit: working days
      - role: account-manager
        action: Pushes it.
        limit: 3
        unit: working days
      - role: customer-lead
        action: Decides.
"""

GLOSSARY = """\
audience: customer
terms:
  - id: kickoff
    term: kickoff
    aliases: [Kickoff]
    definition: The first meeting.
  - id: raci
    term: RACI
    expansion: Responsible, Accountable, Consulted, Informed
    definition: Who does what.
    page: kickoff.md
  - id: margin
    term: margin
    definition: What we keep.
    audience: internal
"""

AGENDAS = """\
audience: customer
agendas:
  - id: change-talk
    title: Change talk
    purpose: Find the impacts.
    owner: project-manager
    attendees: [account-manager, resource-manager]
    items:
      - topic: Known changes
        minutes: 50
      - topic: Rank them
        minutes: 25
        detail: Highest first.
    outcome: A ranked list.
"""

ALL = {"communications.yml": COMMUNICATIONS, "change-impacts.yml": IMPACTS, "escalation.yml": ESCALATION,
       "glossary.yml": GLOSSARY, "agendas.yml": AGENDAS}


def load(data_dir: Path, files: dict[str, str | None] | None = None):
    write(data_dir, {**ALL, **(files or {})})
    return load_playbook(data_dir)


def problems(data_dir: Path, files: dict[str, str | None]):
    with pytest.raises(PlaybookError) as caught:
        load(data_dir, files)
    return caught.value.problems


# -- loading and the rules ---------------------------------------------------------------------


def test_the_single_file_kinds_are_optional_and_load_when_present(data_dir):
    write(data_dir, {})
    assert load_playbook(data_dir).communications == {}
    playbook = load(data_dir)
    assert list(playbook.communications) == ["status-report", "staffing-call"]
    assert playbook.communications["staffing-call"].audience == "internal"
    assert playbook.change_impacts["likely-one"].score == 12
    assert playbook.agendas["change-talk"].minutes == 75
    assert playbook.glossary["raci"].spellings == ("RACI",)


def test_a_misnamed_single_file_is_reported_not_ignored(data_dir):
    write(data_dir, {"communication.yml": COMMUNICATIONS})
    with pytest.raises(PlaybookError) as caught:
        load_playbook(data_dir)
    assert "the build does not read this file" in only(caught.value.problems).message


def test_communication_naming_an_unknown_role(data_dir):
    problem = only(problems(data_dir, {"communications.yml": COMMUNICATIONS.replace("owner: project-manager", "owner: projekt-manager")}))
    assert problem.file == "data/communications.yml" and problem.line == 3
    assert "names the role 'projekt-manager'" in problem.message and "did you mean 'project-manager'?" in problem.fix


def test_communication_naming_a_recipient_twice(data_dir):
    text = COMMUNICATIONS.replace("[customer-lead, account-manager, resource-manager]", "[customer-lead, customer-lead]")
    assert "names the role 'customer-lead' twice" in only(problems(data_dir, {"communications.yml": text})).message


def test_customer_communication_owned_by_an_internal_role(data_dir):
    text = COMMUNICATIONS.replace("owner: project-manager", "owner: resource-manager", 1).replace(", resource-manager]", "]")
    problem = only(problems(data_dir, {"communications.yml": text}))
    assert "shown to customers but names the internal-only role 'resource-manager'" in problem.message


def test_communication_owner_among_its_recipients(data_dir):
    text = COMMUNICATIONS.replace("[customer-lead, account-manager, resource-manager]", "[customer-lead, project-manager]")
    assert "lists its owner 'project-manager' among its recipients" in only(problems(data_dir, {"communications.yml": text})).message


def test_likelihood_and_cost_are_on_the_one_to_five_scale(data_dir):
    text = IMPACTS.replace("likelihood: 4", "likelihood: 6").replace("cost: 2", "cost: 0", 1)
    found = problems(data_dir, {"change-impacts.yml": text})
    assert sorted(p.line for p in found) == [8, 14]
    assert all("a whole number from 1 to 5" in p.message for p in found)


def test_change_impact_kind_is_known_or_predicted(data_dir):
    problem = only(problems(data_dir, {"change-impacts.yml": IMPACTS.replace("kind: predicted", "kind: guessed")}))
    assert "must be one of known, predicted" in problem.message


def test_every_escalation_level_but_the_last_has_a_time_limit(data_dir):
    text = ESCALATION.replace("        limit: 3\n        unit: working days\n", "")
    problem = only(problems(data_dir, {"escalation.yml": text}))
    assert problem.line == 11 and "level 2 of escalation path 'standard' has no time limit" in problem.message


def test_an_escalation_limit_needs_its_unit(data_dir):
    text = ESCALATION.replace("        unit: working days\n", "", 1)
    assert "has a limit without a unit" in only(problems(data_dir, {"escalation.yml": text})).message


def test_an_escalation_path_needs_two_levels_and_unique_roles(data_dir):
    text = ESCALATION.replace("role: customer-lead", "role: project-manager")
    assert "names the role 'project-manager' twice" in only(problems(data_dir, {"escalation.yml": text})).message


def test_a_glossary_spelling_belongs_to_one_term(data_dir):
    text = GLOSSARY.replace("aliases: [Kickoff]", "aliases: [Kickoff, RACI]")
    problem = only(problems(data_dir, {"glossary.yml": text}))
    assert "the spelling 'RACI' of glossary term 'raci' is already used by the term 'kickoff'" in problem.message


def test_glossary_ids_may_share_an_id_with_a_process_but_other_kinds_may_not(data_dir):
    assert "kickoff" in load(data_dir).glossary  # the process 'kickoff' exists too
    text = AGENDAS.replace("id: change-talk", "id: kickoff")
    problem = only(problems(data_dir, {"agendas.yml": text}))
    assert "the id 'kickoff' of this agenda is already used by the process" in problem.message


def test_duplicate_id_inside_one_file(data_dir):
    text = IMPACTS.replace("id: costly-one", "id: low-one")
    problem = only(problems(data_dir, {"change-impacts.yml": text}))
    assert problem.line == 17 and "appears twice in this file (first on line 3)" in problem.message


def test_pages_named_by_data_must_exist(data_dir):
    playbook = load(data_dir)
    found = missing_pages(playbook, lambda page: page == "templates/status.md", removed={"staffing.md"})
    assert [p.message for p in found] == [
        "the process 'kickoff' names the page 'kickoff.md', which does not exist in docs/",
        "the glossary term 'raci' names the page 'kickoff.md', which does not exist in docs/"]
    assert found[1].file == "data/glossary.yml" and found[1].line == 11


# -- audience --------------------------------------------------------------------------------


def test_customers_see_only_customer_items_and_roles(data_dir):
    customer = for_audience(load(data_dir), "customer")
    assert list(customer.communications) == ["status-report"]
    assert customer.communications["status-report"].recipients == ("customer-lead", "account-manager")
    assert customer.change_impacts["likely-one"].affects == ("customer-lead",)
    assert customer.agendas["change-talk"].attendees == ("account-manager",)
    assert list(customer.glossary) == ["kickoff", "raci"]
    assert list(customer.escalation_paths) == ["standard"]


# -- views -----------------------------------------------------------------------------------


def test_register_is_ranked_by_computed_score_ties_to_the_likelier(data_dir):
    rows = views.change_impact_register(load(data_dir))
    assert [(r.rank, r.impact.id, r.score) for r in rows] == [(1, "likely-one", 12), (2, "costly-one", 12),
                                                              (3, "low-one", 4)]


def test_communications_for_a_role_split_into_sends_and_receives(data_dir):
    playbook = load(data_dir)
    pm = views.communications_for(playbook, "project-manager")
    assert [r.communication.id for r in pm.sends] == ["status-report"]
    assert [r.communication.id for r in pm.receives] == ["staffing-call"]
    assert views.communications_for(playbook, "customer-lead").sends == ()
    assert views.communications_for(for_audience(playbook, "customer"), "customer-lead").receives[0].owner.id == "project-manager"
    row = views.communication(playbook, "status-report")
    assert [r.id for r in row.recipients] == ["account-manager", "resource-manager", "customer-lead"]  # firm first


def test_agenda_has_a_running_clock_and_a_computed_length(data_dir):
    view = views.agenda(load(data_dir), "change-talk")
    assert view.minutes == 75
    assert [(s.clock(s.start), s.clock(s.end)) for s in view.slots] == [("0:00", "0:50"), ("0:50", "1:15")]


def test_escalation_steps_say_when_the_problem_reaches_each_level(data_dir):
    view = views.escalation_path(load(data_dir), "standard")
    assert [(s.role.id, s.reached_after, s.limit) for s in view.steps] == [
        ("project-manager", "", "2 working days"), ("account-manager", "2 working days", "3 working days"),
        ("customer-lead", "5 working days", "")]
    mixed = ESCALATION.replace("limit: 3\n        unit: working days", "limit: 1\n        unit: hours")
    steps = views.escalation_path(load(data_dir, {"escalation.yml": mixed}), "standard").steps
    assert steps[1].limit == "1 hour" and steps[2].reached_after == "when the level before runs out of time"


def test_glossary_is_alphabetical_and_every_spelling_gets_a_hover_text(data_dir):
    playbook = load(data_dir)
    assert [t.term for t in views.glossary(playbook)] == ["kickoff", "margin", "RACI"]
    abbreviations = views.abbreviations(for_audience(playbook, "customer"))
    assert abbreviations == {"kickoff": "The first meeting.", "Kickoff": "The first meeting.",
                             "RACI": "Responsible, Accountable, Consulted, Informed: Who does what."}


def test_unknown_ids_name_their_kind(data_dir):
    from playbook.model.facts import UnknownId
    with pytest.raises(UnknownId, match="there is no agenda with id 'change-tak' — did you mean 'change-talk'"):
        views.agenda(load(data_dir), "change-tak")
    with pytest.raises(UnknownId, match="no escalation path with id"):
        views.escalation_path(load(data_dir), "fast")


# -- a communication's facts are fields ------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    kind: message\n    channel: [email]\n", "    kind: message\n    channel: [email]\n    minutes: 15\n",
     "communication 'status-report' is a message, sent rather than attended, so it has no 'minutes'"),
    ("    minutes: 30\n", "", "communication 'staffing-call' is a meeting without a length"),
    ("    channel: [video-call]\n", "    channel: [email]\n",
     "communication 'staffing-call' is a meeting, which does not travel as 'email'"),
    ("    once:\n      relation: at\n", "    recurs: {weekday: monday, time: \"09:00\"}\n    once:\n      relation: at\n",
     "communication 'staffing-call' needs exactly one of 'recurs' and 'once'"),
    ("      weekday: thursday\n", "", "communication 'status-report' recurs weekly without a weekday"),
    ("      event: the start of each month\n", "      event: the start of each month, for 30 minutes\n",
     "communication 'staffing-call' states '30 minutes' in its free text 'event'"),
    ("      relation: at\n", "      relation: before\n",
     "communication 'staffing-call' is timed 'before' an event without one amount"),
])
def test_each_fact_of_a_communication_is_a_field_of_its_kind(data_dir, old, new, message):
    assert old in COMMUNICATIONS
    problem = only(problems(data_dir, {"communications.yml": COMMUNICATIONS.replace(old, new, 1)}))
    assert problem.message == message and problem.file == "data/communications.yml"


def test_a_free_text_stating_a_day_or_time_is_refused_at_its_line(data_dir):
    text = COMMUNICATIONS.replace("      time: \"17:00\"\n", "      time: \"17:00\"\n      also: or Fridays at 09:00\n")
    problem = only(problems(data_dir, {"communications.yml": text}))
    assert problem.message == "communication 'status-report' states 'Fridays' in its free text 'also'"
    assert problem.line == text.splitlines().index("      also: or Fridays at 09:00") + 1


def test_the_plan_words_each_communication_from_its_fields(data_dir):
    playbook = load(data_dir)
    report, call = views.communication(playbook, "status-report"), views.communication(playbook, "staffing-call")
    assert (report.when, report.how) == ("weekly, every Thursday by 17:00", "By email")
    assert (call.when, call.how) == ("at the start of each month", "Video call, 30 minutes")
