import datetime

from playbook.load.yaml_source import parse_yaml
from playbook.model import shapes
from playbook.model.schema import Date, Field, Id, Integer, ListOf, MapOf, OneOf, Record, Text, Where

WHERE = Where("f.yml", 1, "")


def check(shape, text):
    value, problems = parse_yaml(text, "f.yml")
    assert problems == []
    return shape.check(value, Where("f.yml", getattr(value, "line", 1), ""))


RECORD = Record(fields=(
    Field("id", Id()),
    Field("title", Text()),
    Field("accountable", Text(), required=False),
))


def test_unknown_key_is_reported_at_its_line_with_a_spelling_suggestion():
    problems = check(RECORD, "id: a\ntitle: T\nacountable: x\n")
    assert len(problems) == 1
    assert problems[0].line == 3
    assert "unknown key 'acountable'" in problems[0].message
    assert "did you mean 'accountable'?" in problems[0].fix


def test_missing_required_key_names_the_key_and_what_it_is_for():
    problems = check(Record(fields=(Field("id", Id()), Field("title", Text(), doc="the name"))), "id: a\n")
    assert [p.message for p in problems] == ["the file (id 'a') is missing the required key 'title'"]
    assert "add 'title:' (the name)" == problems[0].fix


def test_every_mistake_in_a_file_is_reported_not_just_the_first():
    problems = check(RECORD, "id: Not An Id\ntitle: 12\nextra: 1\n")
    assert len(problems) == 3
    assert sorted(p.line for p in problems) == [1, 2, 3]


def test_ids_must_be_kebab_case():
    assert Id().check("weekly-status-report", WHERE) == []
    for bad in ("Weekly", "weekly_status", "-x", "x--y", "9lives", 7):
        assert Id().check(bad, WHERE), bad


def test_text_refuses_numbers_dates_booleans_and_blank():
    assert Text().check("ok", WHERE) == []
    for bad in (3, True, datetime.date(2026, 1, 1), "  ", None):
        problems = Text().check(bad, WHERE)
        assert problems and "quotes" in problems[0].fix


def test_one_of_lists_the_choices():
    problems = OneOf(("R", "A")).check("X", Where("f.yml", 4, "raci.pm"))
    assert problems[0].line == 4 and "'raci.pm' must be one of R, A" in problems[0].message


def test_integer_and_date():
    assert Integer(minimum=1).check(0, WHERE) and Integer(minimum=1).check(True, WHERE)
    assert Integer(minimum=1).check(2, WHERE) == []
    assert Date().check(datetime.date(2026, 1, 1), WHERE) == []
    assert "YYYY-MM-DD" in Date().check("31/01/2026", WHERE)[0].message


def test_list_items_are_checked_with_their_own_lines():
    problems = check(Record(fields=(Field("items", ListOf(Id())),)), "items:\n  - good\n  - Bad One\n")
    assert len(problems) == 1 and problems[0].line == 3 and "'items[2]'" in problems[0].message


def test_empty_list_is_refused():
    problems = check(Record(fields=(Field("items", ListOf(Id())),)), "items: []\n")
    assert "needs at least 1" in problems[0].message


def test_map_of_checks_keys_and_values():
    shape = Record(fields=(Field("raci", MapOf(key=Id(), value=OneOf(("R", "A")))),))
    problems = check(shape, "raci:\n  Bad Role: R\n  pm: AR\n")
    assert sorted(p.line for p in problems) == [2, 3]


def test_json_schema_says_the_same_rules():
    schema = shapes.PROCESS_FILE.json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "audience", "page", "summary", "activities"}
    activity = schema["properties"]["activities"]["items"]
    assert activity["properties"]["raci"]["additionalProperties"] == {"enum": ["R", "A", "C", "I"]}
    assert activity["properties"]["id"]["pattern"] == shapes.ACTIVITY.fields[0].shape.json_schema()["pattern"]
    assert schema["properties"]["audience"]["enum"] == ["customer", "internal"]


def test_integer_with_a_maximum_names_the_range():
    shape = Integer(minimum=1, maximum=5)
    assert shape.check(5, WHERE) == [] and shape.check(1, WHERE) == []
    assert "must be a whole number from 1 to 5, not the number 6" in shape.check(6, WHERE)[0].message
    assert shape.json_schema() == {"type": "integer", "minimum": 1, "maximum": 5}
