"""The declarations of playbook/model/, read two ways: the build's messages (each at its line,
with a fix) and the JSON Schema editors use. tests/tools/test_author_tools.py proves the two
accept and refuse the same files."""
import datetime

import pytest

from playbook.load.messages import validate
from playbook.load.yaml_source import parse_yaml
from playbook.model.facts import Activity, ChangeImpact, Process, Role
from playbook.model.settings import Settings
from playbook.model.types import ID_PATTERN, Record, Text, is_id, list_of


def problems(model, text, *, audience="customer"):
    value, found = parse_yaml(text, "f.yml")
    assert found == []
    return validate(model, value, "f.yml", audience=audience)[1]


ROLE = "id: pm\ntitle: Project manager\nside: firm\nsummary: Runs it.\n"


def test_unknown_key_is_reported_at_its_line_with_a_spelling_suggestion():
    found = problems(Role, ROLE + "sid: firm\n")
    assert [str(p) for p in found] == [
        "f.yml:5: unknown key 'sid' in the file (id 'pm') — did you mean 'side'? the keys allowed here are: "
        "id, title, side, summary, time_commitment, short_names, audience"]


def test_a_typo_of_a_required_key_is_one_problem_not_two():
    found = problems(Role, ROLE.replace("side: firm", "sid: firm"))
    assert len(found) == 1 and "unknown key 'sid'" in found[0].message and "did you mean 'side'?" in found[0].fix


def test_missing_required_key_names_the_key_and_what_it_is_for():
    found = problems(Role, "id: pm\ntitle: PM\nside: firm\n")
    assert [p.message for p in found] == ["the file (id 'pm') is missing the required key 'summary'"]
    assert found[0].fix == "add 'summary:' (one paragraph: what this role is for)"


def test_every_mistake_in_a_file_is_reported_not_just_the_first():
    found = problems(Role, "id: Not An Id\ntitle: 12\nside: firm\nsummary: S\nextra: 1\n")
    assert sorted(p.line for p in found) == [1, 2, 5]


@pytest.mark.parametrize("good", ["weekly-status-report", "a", "phase2", "go-2-live"])
def test_ids_are_kebab_case(good):
    assert is_id(good) and problems(Role, ROLE.replace("id: pm", f"id: {good}")) == []


@pytest.mark.parametrize("bad", ["Weekly", "weekly_status", "-x", "x--y", "9lives", "7", "x-", "'x\\n'", "' x'"])
def test_anything_else_is_not_an_id(bad):
    found = problems(Role, ROLE.replace("id: pm", f"id: {bad}"))
    assert len(found) == 1 and found[0].line == 1 and "'id' must be a kebab-case id" in found[0].message
    assert "lower-case words joined by single hyphens" in found[0].fix


def test_an_id_with_a_trailing_newline_is_refused_everywhere():
    # `id: |` keeps a final newline; Python's `$` would match before it, the patterns never do.
    value, _ = parse_yaml("id: |\n  kickoff\n", "f.yml")
    assert value["id"] == "kickoff\n" and not is_id(value["id"])
    assert "must be a kebab-case id" in problems(Role, ROLE.replace("id: pm\n", "id: |\n  pm\n"))[0].message
    assert ID_PATTERN.endswith("$") and not ID_PATTERN.endswith("\\Z")  # JSON Schema's regex has no \Z


@pytest.mark.parametrize("value, said", [("3", "the number 3"), ("true", "the yes/no value true"),
                                         ("2026-01-01", "the date 2026-01-01"), ("'  '", "'  '"), ("", "empty"),
                                         ("[a]", "a list")])
def test_text_refuses_numbers_dates_booleans_and_blank(value, said):
    found = problems(Role, ROLE.replace("title: Project manager", f"title: {value}"))
    assert [str(p) for p in found] == [f"f.yml:2: 'title' must be text, not {said} — write the text; put it in quotes "
                                       "if YAML reads it as a number, date or yes/no"]


def test_text_is_kept_without_surrounding_space():
    value, _ = parse_yaml(ROLE.replace("summary: Runs it.", "summary: |\n  Runs it.\n"), "f.yml")
    assert validate(Role, value, "f.yml", audience="customer")[0].summary == "Runs it."


def test_one_of_lists_the_choices():
    found = problems(Role, ROLE.replace("side: firm", "side: client"))
    assert str(found[0]) == "f.yml:3: 'side' must be one of firm, customer, not 'client' — write one of: firm, customer"


IMPACT = ("id: x\nchange: C\nkind: known\naffects: [pm]\nlikelihood: 5\ncost: 1\nresponse: R\n")


@pytest.mark.parametrize("value, said", [("0", "the number 0"), ("6", "the number 6"), ("'3'", "'3'"),
                                         ("2.0", "the number 2.0"), ("yes", "the yes/no value true")])
def test_a_whole_number_in_a_range(value, said):
    found = problems(ChangeImpact, IMPACT.replace("likelihood: 5", f"likelihood: {value}"))
    assert [p.message for p in found] == [f"'likelihood' must be a whole number from 1 to 5, not {said}"]
    assert found[0].fix == "write a whole number such as 1, without quotes" and found[0].line == 5


def test_a_date_is_a_real_day_written_yyyy_mm_dd():
    value, _ = parse_yaml("owner: pm\nlast_reviewed: 31/01/2026\n", "f.yml")
    from playbook.model.facts import Review

    found = validate(Review, value, "f.yml")[1]
    assert str(found[0]) == ("f.yml:2: 'last_reviewed' must be a date written as YYYY-MM-DD, not '31/01/2026' — "
                             "write a day that exists, as YYYY-MM-DD without quotes, such as 2026-03-31")
    value, _ = parse_yaml("owner: pm\nlast_reviewed: 2026-01-31 10:00:00\n", "f.yml")
    assert "must be a date" in validate(Review, value, "f.yml")[1][0].message  # a time is not a day
    value, _ = parse_yaml("owner: pm\nlast_reviewed: 2026-01-31\n", "f.yml")
    assert validate(Review, value, "f.yml")[0].last_reviewed == datetime.date(2026, 1, 31)


class Listed(Record):
    items: list_of(Text)


def test_list_items_are_checked_with_their_own_lines_counted_from_one():
    found = problems(Listed, "items:\n  - good\n  - 12\n")
    assert [(p.line, p.message) for p in found] == [(3, "'items[2]' must be text, not the number 12")]


def test_empty_list_and_a_text_for_a_list_are_refused():
    assert [p.message for p in problems(Listed, "items: []\n")] == ["'items' needs at least 1 item(s)"]
    found = problems(Listed, "items: a, b\n")
    assert found[0].message == "'items' must be a list of at least 1 (each item on its own line starting with '- '), not 'a, b'"


def test_a_wrong_item_in_a_list_is_one_problem():
    # pydantic also reports the list as too short when its only item fails; that is not a second mistake.
    assert len(problems(Listed, "items:\n  - [nested]\n")) == 1


ACTIVITY = "id: plan\ntitle: Plan\nraci:\n  pm: A\n  Bad Role: R\n  am: AR\n"


def test_a_keyed_block_checks_each_key_and_value_at_its_line():
    found = problems(Activity, ACTIVITY)
    assert [str(p) for p in found] == [
        "f.yml:5: the key 'Bad Role' in 'raci' must be a kebab-case id (lower-case letters, digits and single hyphens, "
        "such as weekly-status-report), not 'Bad Role' — use lower-case words joined by single hyphens, starting with "
        "a letter",
        "f.yml:6: 'raci.am' must be one of R, A, C, I, not 'AR' — write one of: R, A, C, I"]
    assert [p.message for p in problems(Activity, "id: plan\ntitle: Plan\nraci: {}\n")] == ["'raci' needs at least 1 entry"]
    assert "must be a block of 'key: value' lines, not a list" in problems(Activity, "id: p\ntitle: P\nraci: [pm]\n")[0].message


def test_a_keyed_block_reads_into_records_that_know_their_lines():
    value, _ = parse_yaml("id: plan\ntitle: Plan\nraci:\n  pm: A\n  am: R\n", "f.yml")
    activity = validate(Activity, value, "f.yml", audience="customer")[0]
    assert [(a.role, a.letter, a.source.line) for a in activity.raci] == [("pm", "A", 4), ("am", "R", 5)]
    assert activity.source.line == 1 and activity.letter_for("am") == "R"


def test_an_item_inherits_its_file_audience_and_can_only_narrow_it():
    assert validate(Role, parse_yaml(ROLE, "f")[0], "f", audience="customer")[0].audience == "customer"
    assert validate(Role, parse_yaml(ROLE, "f")[0], "f", audience="internal")[0].audience == "internal"
    narrowed = parse_yaml(ROLE + "audience: internal\n", "f")[0]
    assert validate(Role, narrowed, "f", audience="customer")[0].audience == "internal"
    found = problems(Role, ROLE + "audience: customer\n", audience="internal")
    assert [str(p) for p in found] == [
        "f.yml:5: 'audience' must be internal (an item can only narrow its file's audience), not 'customer' — "
        "write 'audience: internal' to hide this item from customers, or leave the key out"]


def test_a_key_only_the_loader_writes_is_an_unknown_key_to_an_author():
    found = problems(Role, ROLE + "source: data/roles.yml\n")
    assert [p.message for p in found] == ["unknown key 'source' in the file (id 'pm')"]


@pytest.mark.parametrize("page", ["javascript:alert(1)", "data:text/html,x", "vbscript:msgbox", "/etc/passwd.md",
                                  "../secret.md", "https://evil.example/x.md", "phases/kickoff", " phases/kickoff.md"])
def test_a_page_path_is_a_page_of_docs_and_nothing_else(page):
    text = ("id: p\ntitle: P\naudience: customer\npage: PAGE\nsummary: S\n"
            "activities:\n  - id: a\n    title: A\n    raci: {pm: A}\n").replace("PAGE", repr(page))
    found = problems(Process, text)
    assert [(p.line, p.message.split(", not")[0]) for p in found] == [
        (4, "'page' must be the path of a page in docs/, such as phases/kickoff.md")]
    assert problems(Process, text.replace(repr(page), "phases/kickoff.md")) == []


SETTINGS = """\
brand: {firm_name: F, customer_site_title: G, primary_color: "#123456", accent_color: "#abcdef",
        contact_email: hello@f.example}
customer_site: {url: "https://guide.f.example/", description: D}
feedback: {internal: "mailto:a@f.example?subject={query}", customer: "https://f.example/issues/new?title={query}"}
"""


@pytest.mark.parametrize("where, bad", [("url", "javascript:alert(1)"), ("url", "data:text/html,x"),
                                        ("internal", "vbscript:x{query}"), ("customer", "javascript:{query}")])
def test_addresses_in_settings_accept_only_http_https_and_mailto(where, bad):
    assert problems(Settings, SETTINGS) == []
    good = {"url": "https://guide.f.example/", "internal": "mailto:a@f.example?subject={query}",
            "customer": "https://f.example/issues/new?title={query}"}[where]
    found = problems(Settings, SETTINGS.replace(good, bad))
    assert len(found) == 1 and found[0].line in (3, 4) and "must be a" in found[0].message


def test_the_json_schema_says_the_same_rules():
    schema = Process.model_json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "audience", "page", "summary", "activities"}
    activity = schema["$defs"]["Activity"]
    assert activity["properties"]["raci"]["additionalProperties"]["enum"] == ["R", "A", "C", "I"]
    assert activity["properties"]["raci"]["propertyNames"]["pattern"] == ID_PATTERN
    assert activity["properties"]["audience"]["enum"] == ["internal"]
    assert schema["properties"]["audience"]["enum"] == ["customer", "internal"]
    assert "source" not in schema["properties"] and "page_source" not in schema["properties"]
    assert schema["properties"]["page"]["description"].startswith("the page in docs/")


def test_every_key_an_author_writes_says_what_it_holds():
    """The descriptions are the field reference in data/README.md and the editors' hover text."""
    import typing

    from playbook.model.data_files import DATA_FILES
    from playbook.model.page import PageFrontMatter
    from playbook.model.types import field_type, is_record, unwrap

    seen, undescribed = set(), []

    def walk(model):
        if model in seen:
            return
        seen.add(model)
        for key, name in model.author_keys().items():
            if not model.model_fields[name].description:
                undescribed.append(f"{model.__name__}.{key}")
            base = unwrap(field_type(model, name))[0]
            if typing.get_origin(base) is tuple:
                base = unwrap(typing.get_args(base)[0])[0]
            if is_record(base):
                walk(base)

    for model in (*(kind.model for kind in DATA_FILES), PageFrontMatter, Settings):
        walk(model)
    assert undescribed == [] and len(seen) > 30
