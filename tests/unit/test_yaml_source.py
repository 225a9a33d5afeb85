from playbook.load.yaml_source import LineDict, LineList, parse_yaml


def test_mappings_and_lists_remember_their_lines():
    value, problems = parse_yaml("a: 1\nitems:\n  - x\n  - y: 2\n    z: 3\n", "f.yml")
    assert problems == []
    assert isinstance(value, LineDict) and value.line == 1
    assert value.line_of("items") == 2
    assert isinstance(value["items"], LineList)
    assert value["items"].line_of(0) == 3 and value["items"].line_of(1) == 4
    assert value["items"][1].line_of("z") == 5


def test_duplicate_key_is_reported_with_both_lines_instead_of_silently_dropped():
    value, problems = parse_yaml("raci:\n  pm: A\n  am: I\n  pm: R\n", "p.yml")
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line) == ("p.yml", 4)
    assert "'pm' appears twice" in problem.message and "line 2" in problem.message


def test_syntax_error_names_the_line_and_a_fix():
    _, problems = parse_yaml("title: ok\nsummary: [unclosed\nnext: 1\n", "s.yml")
    assert len(problems) == 1
    assert problems[0].file == "s.yml" and problems[0].line in (2, 3)
    assert problems[0].message.startswith("YAML syntax error")
    assert "indentation" in problems[0].fix


def test_tab_indentation_gets_the_tab_specific_fix():
    _, problems = parse_yaml("roles:\n\t- id: x\n", "t.yml")
    assert len(problems) == 1 and problems[0].line == 2
    assert "spaces, not tabs" in problems[0].fix


def test_dates_and_numbers_keep_their_yaml_types():
    value, _ = parse_yaml("reviewed: 2026-01-31\norder: 3\n", "d.yml")
    assert value["reviewed"].isoformat() == "2026-01-31"
    assert value["order"] == 3


def test_a_list_used_as_a_key_is_a_problem_not_a_crash():
    _, problems = parse_yaml("? [a, b]\n: 1\n", "k.yml")
    assert len(problems) == 1 and "keys must be plain words" in problems[0].message


def test_every_yaml_scalar_type_reads_as_pyyaml_safe_load_reads_it():
    import yaml

    text = ("s: text\nq: 'quoted: yes'\nb: yes\nn: ~\nf: 1.5\ni: 0x1F\nd: 2026-02-01\nt: 2026-02-01 10:00:00\n"
            "e: ''\nl: [1, two, null]\nnested: {a: {b: [c]}}\n")
    value, problems = parse_yaml(text, "s.yml")
    assert problems == []
    assert value == yaml.safe_load(text)
    plain = {LineDict: dict, LineList: list}
    assert [plain.get(type(v), type(v)) for v in value.values()] == [type(v) for v in yaml.safe_load(text).values()]


def test_merge_keys_and_anchors_are_followed_and_keep_lines():
    value, problems = parse_yaml("base: &b\n  owner: pm\n  due: Friday\nitem:\n  <<: *b\n  due: Monday\n", "m.yml")
    assert problems == []
    assert dict(value["item"]) == {"owner": "pm", "due": "Monday"}
    assert value["item"].line_of("due") == 6


def test_an_unknown_tag_is_a_problem_with_its_line_not_an_object():
    _, problems = parse_yaml("safe: 1\nevil: !!python/object:os.system [ls]\n", "u.yml")
    assert len(problems) == 1 and problems[0].line == 2
    assert problems[0].message.startswith("YAML syntax error")


def test_an_empty_file_reads_as_nothing():
    assert parse_yaml("", "e.yml") == (None, [])
    assert parse_yaml("# only a comment\n", "e.yml") == (None, [])
