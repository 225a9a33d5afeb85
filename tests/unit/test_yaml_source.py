import subprocess
import sys

import pytest

from playbook.load.yaml_source import MAX_FILE_BYTES, LineDict, LineList, Tagged, load_yaml, parse_yaml, read_text
from playbook.problems import Problem


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


# -- Careless and hostile YAML: refused with file:line and a fix, quickly, never a crash ----------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi", strict=True))


def refused(text: str, **kwargs) -> Problem:
    value, problems = parse_yaml(text, "data/x.yml", **kwargs)
    assert value is None and len(problems) == 1, problems
    return problems[0]


def test_an_alias_bomb_is_refused_at_once_with_its_line():
    problem = refused(BILLION_LAUGHS)
    assert problem.file == "data/x.yml" and problem.line == 6  # the first line that grows past the limit
    assert "more than 200,000 values (aliases counted as everything they repeat)" in problem.message
    assert "stop repeating large blocks with aliases" in problem.fix


@pytest.mark.parametrize("text", ["a: &x\n  - *x\n", "a: &x\n  b:\n    c: *x\n", "a: &x [1, *x]\n"])
def test_an_alias_inside_the_block_it_names_is_refused(text):
    problem = refused(text)
    assert "the alias *x is used inside the block it names" in problem.message and problem.line in (1, 2, 3)


def test_aliases_are_limited_in_number_and_an_unknown_one_is_named():
    many = "a: &a 1\nb: [" + ", ".join(["*a"] * 1001) + "]\n"
    assert "more than 1000 times" in refused(many).message
    problem = refused("a: 1\nb: *nope\n")
    assert problem.line == 2 and "the alias *nope names no anchor above it" in problem.message


@pytest.mark.parametrize("text", ["[" * 50_000 + "]" * 50_000, "- " * 50_000 + "x\n",
                                  "".join("  " * depth + "k:\n" for depth in range(400)) + "  " * 400 + "v\n"],
                         ids=["flow lists", "one line of block lists", "indented blocks"])
def test_deep_nesting_is_refused_before_anything_recurses(text):
    # In a child process: PyYAML's C composer used to recurse here until the interpreter crashed.
    script = ("import sys; from playbook.load.yaml_source import parse_yaml; "
              "value, problems = parse_yaml(sys.stdin.read(), 'data/x.yml'); print(problems[0])")
    result = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("data/x.yml:") and "nested more than 64 levels deep" in result.stdout


def test_a_huge_text_is_refused_by_its_size():
    problem = refused("a: " + "x" * 1_000_001 + "\n")
    assert "the limit is 1,000,000" in problem.message and "split it" in problem.fix


def test_a_file_that_is_not_utf8_names_the_line_and_the_byte(tmp_path):
    path = tmp_path / "roles.yml"
    path.write_bytes("audience: customer\nroles:\n  - title: Caf\xe9\n".encode("latin-1"))
    value, problems = load_yaml(path, "data/roles.yml")
    assert value is None and len(problems) == 1
    assert str(problems[0]).startswith("data/roles.yml:3: the file is not UTF-8 text: the byte 0xe9 (column 15")
    assert "save the file with UTF-8 encoding" in problems[0].fix
    assert read_text(path, "data/roles.yml")[0] is None


def test_a_file_too_large_to_be_data_is_not_read(tmp_path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    text, problems = read_text(path, "data/big.yml")
    assert text is None and "the limit is" in problems[0].message


def test_an_impossible_date_is_named_at_its_own_line():
    problem = refused("a: 2026-01-31\nb: [x, 2026-02-30]\n")
    assert (problem.line, problem.message.split(" (")[0]) == (2, "'2026-02-30' is not a real date")


def test_a_second_document_is_refused():
    assert "more than one YAML document" in refused("a: 1\n---\nb: 2\n").message


def test_kept_tags_are_values_that_remember_their_tag():
    value, problems = parse_yaml("offline: !ENV [OFFLINE, false]\nemoji: !!python/name:mod.fn\n", "m.yml",
                                 keep_tags=True)
    assert problems == []
    assert value["offline"] == Tagged("!ENV", ["OFFLINE", False])
    assert value["emoji"] == Tagged("tag:yaml.org,2002:python/name:mod.fn", "")
    assert "unknown tag '!ENV'" in refused("offline: !ENV [OFFLINE, false]\n").message
