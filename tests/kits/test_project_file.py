"""Project files are checked like the rest of the data: every problem at once, each as
file:line: what is wrong — how to fix it; and the editor's JSON Schema comes from the same model."""
from __future__ import annotations

import importlib.util
import json

import jsonschema
import pytest
import yaml

from playbook.kits.project import load_projects
from playbook.kits.settings import ENVIRONMENT, KitSettings, read_kit_settings, settings_problems
from playbook.load.settings import read_settings
from playbook.pipeline import extras_for
from playbook.problems import PlaybookError
from tests.kits.helpers import EXAMPLE_ID, edited, example_project, example_text, line_of, load_text, real_sources
from tests.sites import ROOT


@pytest.fixture(scope="module")
def sources():
    return real_sources()


def test_the_example_project_is_valid_and_dated(sources):
    project = example_project(sources)
    assert project.file.customer == "Harbourline Foods"
    assert project.schedule.of("kickoff").start.isoformat() == "2026-10-05"
    assert project.schedule.of("go-live").end.isoformat() == "2027-03-25"  # written as Good Friday


def test_unknown_role_is_reported_with_its_line_and_a_guess(sources, tmp_path):
    text = edited({"  customer-it-lead:\n": "  customer-it-led:\n"})
    project, problems = load_text(tmp_path, text, sources)
    assert project is None
    messages = [str(p) for p in problems]
    assert (f"projects/{EXAMPLE_ID}.yml:{line_of(text, 'customer-it-led:')}: unknown role 'customer-it-led' in "
            "'people' — did you mean 'customer-it-lead'?") in "\n".join(messages)
    # and the role it meant is now missing a person, said once, at the people block
    assert any("nobody is named for the role 'customer-it-lead'" in m for m in messages)


def test_a_person_without_an_email_is_reported_at_that_person(sources, tmp_path):
    text = edited({"    name: Owen Pryce\n    email: owen.pryce@harbourline.example\n": "    name: Owen Pryce\n"})
    _, problems = load_text(tmp_path, text, sources)
    assert [str(p) for p in problems] == [
        f"projects/{EXAMPLE_ID}.yml:{line_of(text, 'customer-project-lead:')}: 'people.customer-project-lead' is "
        "missing the required key 'email' — add 'email:' (the person's e-mail address, such as "
        "dana.whitfield@example.com)"]


def test_go_live_before_kickoff_is_reported_at_go_live(sources, tmp_path):
    text = edited({"go_live: 2027-03-26": "go_live: 2026-09-30"})
    _, problems = load_text(tmp_path, text, sources)
    assert [str(p) for p in problems] == [
        f"projects/{EXAMPLE_ID}.yml:{line_of(text, 'go_live:')}: go-live (2026-09-30) is not after kickoff "
        "(2026-10-05) — move go_live after kickoff, or correct the kickoff date"]


def test_dates_that_do_not_exist_are_each_reported_at_their_line_with_the_other_problems(sources, tmp_path):
    text = edited({"go_live: 2027-03-26": "go_live: 2027-02-30", "kickoff: 2026-10-05": "kickoff: 2026-13-05",
                   "    name: Helen Marsh\n": ""})
    _, problems = load_text(tmp_path, text, sources)
    assert [str(p) for p in problems] == [
        f"projects/{EXAMPLE_ID}.yml:{line_of(text, 'kickoff:')}: 'kickoff' must be a date written as YYYY-MM-DD, "
        "not '2026-13-05' — write a day that exists, as YYYY-MM-DD without quotes, such as 2026-03-31",
        f"projects/{EXAMPLE_ID}.yml:{line_of(text, 'go_live:')}: 'go_live' must be a date written as YYYY-MM-DD, "
        "not '2027-02-30' — write a day that exists, as YYYY-MM-DD without quotes, such as 2026-03-31",
        f"projects/{EXAMPLE_ID}.yml:{line_of(text, 'executive-sponsor:')}: 'people.executive-sponsor' is missing the "
        "required key 'name' — add 'name:' (the person's name as colleagues write it)",
    ]


def test_every_problem_of_a_file_is_reported_at_once(sources, tmp_path):
    text = edited({
        "teams_channel:": "teams_chanel:",                               # misspelt key
        'time: "10:00"': "time: 10:00",                                  # YAML reads it as a number
        "email: aisha.rahman@harbourline.example": "email: aisha.rahman",  # not an e-mail address
        "  raid-review:\n": "  raid-reveiw:\n",                          # unknown communication
        "    names-on-roles: {": "    names-on-role: {",                # unknown checklist item
    })
    _, problems = load_text(tmp_path, text, sources)
    got = {(p.line, p.message.split(" — ")[0]) for p in problems}
    # shape problems come first: the file's references are checked once its shape is right
    assert (line_of(text, "teams_chanel:"), f"unknown key 'teams_chanel' in the file (id '{EXAMPLE_ID}')") in got
    assert (line_of(text, "time: 10:00"), "'communications.steering-committee.time' must be a time of day \"HH:MM\" "
            "in quotes, not the number 600") in got
    assert (line_of(text, "email: aisha.rahman"), "'people.customer-subject-matter-expert.email' must be an e-mail "
            "address, not 'aisha.rahman'") in got
    fixes = {p.message: p.fix for p in problems}
    assert fixes[f"unknown key 'teams_chanel' in the file (id '{EXAMPLE_ID}')"].startswith(
        "did you mean 'teams_channel'?")
    # the misspelt key is the one mistake: 'teams_channel' is not also reported missing
    assert not any("teams_channel" in message for message in fixes if "missing" in message)
    # fix the shape, and the references are reported, all of them
    text = edited({"teams_chanel:": "teams_channel:", "time: 10:00": 'time: "10:00"',
                   "email: aisha.rahman\n": "email: aisha.rahman@harbourline.example\n"}, text)
    _, problems = load_text(tmp_path, text, sources)
    assert [(p.line, p.message) for p in problems] == [
        (line_of(text, "raid-reveiw:"), "unknown communication 'raid-reveiw' in 'communications'"),
        (line_of(text, "names-on-role: {"), "the checklist 'kickoff-readiness' has no item 'names-on-role'"),
    ]
    assert problems[0].fix.startswith("did you mean 'raid-review'?")


def test_the_file_name_is_the_id_and_the_time_zone_must_exist(sources, tmp_path):
    text = edited({"time_zone: Europe/London": "time_zone: Europe/Londn"})
    _, problems = load_text(tmp_path, text, sources, name="another-name")
    assert [(p.line, p.message) for p in problems] == [
        (line_of(text, "id: "), "the id 'harbourline-order-to-cash' is not the file's name"),
        (line_of(text, "time_zone:"), "'Europe/Londn' is not a time zone"),
    ]


def test_the_json_schema_and_the_field_table_are_generated_from_the_model_and_current():
    spec = importlib.util.spec_from_file_location("export_schemas", ROOT / "tools" / "export_schemas.py")
    export_schemas = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(export_schemas)
    written = json.loads((ROOT / "schemas" / "project.schema.json").read_text(encoding="utf-8"))
    assert written == json.loads(export_schemas.schemas()["project.schema.json"])
    readme = (ROOT / "projects" / "README.md").read_text(encoding="utf-8")
    assert readme == export_schemas.documents()["projects/README.md"]
    assert "| `people.<id>.email` | required | an e-mail address |" in readme
    assert set(written["required"]) >= {"id", "customer", "people", "kickoff", "go_live", "teams_channel"}
    assert written["$defs"]["Person"]["required"] == ["name", "email"]


def test_editors_accept_the_example_and_flag_a_mistake_with_the_schema():
    schema = json.loads((ROOT / "schemas" / "project.schema.json").read_text(encoding="utf-8"))
    as_json = json.loads(json.dumps(yaml.safe_load(example_text()), default=str))
    jsonschema.validate(as_json, schema)
    del as_json["people"]["customer-it-lead"]["email"]
    with pytest.raises(jsonschema.ValidationError, match="'email' is a required property"):
        jsonschema.validate(as_json, schema)
    assert example_text().startswith("# yaml-language-server: $schema=../schemas/project.schema.json\n")


def test_the_projects_folder_is_a_setting_and_can_be_anywhere(tmp_path, monkeypatch, sources):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    elsewhere = sources.settings.model_copy(update={"projects": KitSettings(folder=str(tmp_path))})
    settings, folder, problems = read_kit_settings(ROOT, elsewhere)
    assert (folder, problems) == (tmp_path.resolve(), [])
    _, folder, _ = read_kit_settings(ROOT, sources.settings)
    assert folder == ROOT / "projects"
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "private"))
    _, folder, _ = read_kit_settings(ROOT, sources.settings)
    assert folder == (tmp_path / "private").resolve()
    # A mistake in extra.projects is a settings mistake, with its line, like any other.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("    top_change_impacts: 5", "    top_change_impact: 3")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(PlaybookError) as mistake:
        read_settings(tmp_path)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "top_change_impact: 3" in row)
    assert str(mistake.value.problems[0]).startswith(
        f"mkdocs.yml:{line}: unknown key 'top_change_impact' in 'extra.projects' — did you mean 'top_change_impacts'?")
    assert load_projects(tmp_path / "missing", sources.playbook, KitSettings()) == ([], [])
    wrong = KitSettings(kickoff_phase="kick-off", escalation_path="nowhere")
    assert [p.message for p in settings_problems(wrong, sources.playbook)] == [
        "extra.projects.site_url is not set, so a kit cannot say where its project's page is",
        "extra.projects.kickoff_phase names 'kick-off', which is not a phase",
        "extra.projects.escalation_path names 'nowhere', which is not a customer escalation path"]


def test_a_bad_project_file_stops_the_internal_site_with_its_line(tmp_path, monkeypatch, sources):
    text = edited({"go_live: 2027-03-26": "go_live: 2026-09-30"})
    (tmp_path / f"{EXAMPLE_ID}.yml").write_text(text, encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path))
    _, _, problems = extras_for(sources, "internal")
    assert [str(p) for p in problems] == [
        f"{tmp_path.name}/{EXAMPLE_ID}.yml:{line_of(text, 'go_live:')}: go-live (2026-09-30) is not after kickoff "
        "(2026-10-05) — move go_live after kickoff, or correct the kickoff date"]
    assert extras_for(sources, "customer") == ([], {}, [])  # the customer site never reads project files


def test_a_line_break_in_a_name_the_calendar_writes_is_refused_at_its_line(sources, tmp_path):
    """A title, customer or person's name ends up in the calendar's content lines, where a line
    break would end the line (icalendar refused it with a traceback); it is refused where it is
    written, every one of them at once."""
    text = edited({"title: Order-to-cash platform": 'title: "Order-to-cash\\nplatform"',
                   "customer: Harbourline Foods": 'customer: "Harbourline\\u2028Foods"',
                   "    name: Owen Pryce": '    name: "Owen\\rPryce"'})
    project, problems = load_text(tmp_path, text, sources)
    assert project is None
    assert [(p.line, p.message.split(" must ")[0], p.fix) for p in problems] == [
        (line_of(text, "customer:"), "'customer'", "write it on one line, without a line break (in a quoted value, "
                                                   "without \\n)"),
        (line_of(text, "title:"), "'title'", "write it on one line, without a line break (in a quoted value, "
                                             "without \\n)"),
        (line_of(text, 'name: "Owen'), "'people.customer-project-lead.name'",
         "write it on one line, without a line break (in a quoted value, without \\n)"),
    ]
