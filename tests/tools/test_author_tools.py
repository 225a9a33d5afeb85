"""The tools authors and reviewers run: lint, data validation, the JSON Schemas editors read,
and the scaffold for a new process or checklist."""
from __future__ import annotations

import copy
import datetime
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from playbook.load.messages import validate
from playbook.load.yaml_source import load_yaml, parse_yaml
from playbook.model.data_files import DATA_FILES, DataFile
from playbook.model.types import AUDIENCES
from tests.sites import ROOT, build, make_project

TOOLS = ROOT / "tools"


def _script(name: str):
    """A script of tools/ as a module (tools/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


export_schemas = _script("export_schemas")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


# -- Lint: the same commands pre-commit runs ------------------------------------------------------

def test_yamllint_passes_with_the_repo_rules():
    result = run("-m", "yamllint", "--strict", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_passes_on_the_package_tools_and_tests():
    result = run("-m", "ruff", "check", "playbook", "tools", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


# -- tools/validate_data.py -----------------------------------------------------------------------

def test_validate_data_passes_on_the_real_data():
    result = run(str(TOOLS / "validate_data.py"))
    assert result.returncode == 0, result.stdout
    assert "The settings, data/ and the front matter of every page are valid" in result.stdout


def test_validate_data_lists_every_problem_of_a_broken_copy(tmp_path):
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    roles = tmp_path / "data/roles.yml"
    roles.write_text(roles.read_text().replace("side: customer", "side: client", 1))
    result = run(str(TOOLS / "validate_data.py"), "--root", str(tmp_path))
    assert result.returncode == 1
    assert "The playbook data has 1 problem:" in result.stdout
    assert "data/roles.yml:" in result.stdout and "must be one of firm, customer, not 'client'" in result.stdout
    roles.write_text((ROOT / "data/roles.yml").read_text())
    page = tmp_path / "docs/faq.md"
    page.write_text(page.read_text().replace("owner: Delivery operations team\n", ""))
    result = run(str(TOOLS / "validate_data.py"), "--root", str(tmp_path))
    assert result.returncode == 1
    assert "docs/faq.md:1: the page names no owner" in result.stdout


# -- JSON Schemas and field references ------------------------------------------------------------

def test_the_committed_schemas_are_up_to_date():
    for name, content in export_schemas.schemas().items():
        path = ROOT / "schemas" / name
        assert path.is_file() and path.read_text(encoding="utf-8") == content, \
            f"schemas/{name} is stale: run .venv/bin/python tools/export_schemas.py"
    assert sorted(p.name for p in (ROOT / "schemas").glob("*.json")) == sorted(export_schemas.schemas())


def test_the_field_references_are_up_to_date_and_list_every_key():
    for document, text in export_schemas.documents().items():
        assert (ROOT / document).read_text(encoding="utf-8") == text, \
            f"{document} is stale: run .venv/bin/python tools/export_schemas.py"
    readme = (ROOT / "data/README.md").read_text(encoding="utf-8")
    assert "| `activities[].raci.<role>` |  | `R` or `A` or `C` or `I` |" in readme
    assert "| `role_pages.review_every_months` | optional | whole number from 1 to 24 |" in readme


def test_export_check_fails_when_a_schema_or_a_reference_is_stale(tmp_path, monkeypatch, capsys):
    for document in {document for document, *_ in export_schemas.REFERENCES}:
        (tmp_path / document).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / document).write_text((ROOT / document).read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    monkeypatch.setattr(export_schemas, "ROOT", tmp_path)
    monkeypatch.setattr(export_schemas, "SCHEMA_DIR", tmp_path / "schemas")
    assert export_schemas.main(["--check"]) == 0
    readme = tmp_path / "data/README.md"
    readme.write_text(readme.read_text().replace("| `phase.order` | required |", "| `phase.order` | optional |"))
    schema = tmp_path / "schemas/roles.schema.json"
    schema.write_text(schema.read_text().replace('"minItems": 1', '"minItems": 0', 1))
    assert export_schemas.main(["--check"]) == 1
    assert "Stale: schemas/roles.schema.json, data/README.md" in capsys.readouterr().out
    assert "optional |" in readme.read_text()  # --check changes nothing
    assert export_schemas.main([]) == 0 and export_schemas.main(["--check"]) == 0
    assert (tmp_path / "data/README.md").read_text() == (ROOT / "data/README.md").read_text()


def data_files() -> list[tuple[str, Path, DataFile]]:
    return [(kind.schema, path, kind) for kind in DATA_FILES for path in sorted((ROOT / "data").glob(kind.pattern))]


def test_every_data_file_names_its_schema_on_its_first_line():
    files = data_files()
    assert len(files) == len(list((ROOT / "data").rglob("*.yml")))
    for name, path, _ in files:
        relative = path.relative_to(ROOT).as_posix()
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == export_schemas.header(name, relative), relative
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target == ROOT / "schemas" / f"{name}.schema.json"


def as_json(value):
    """YAML dates load as dates; JSON has none, so an editor sees them as YYYY-MM-DD strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def verdicts(kind: DataFile, value) -> tuple[bool, bool]:
    """(the build accepts it, the JSON Schema accepts it)."""
    schema = json.loads(export_schemas.schemas()[f"{kind.schema}.schema.json"])
    audience = value.get("audience") if isinstance(value, dict) else None
    by_build = validate(kind.model, value, "f.yml", audience=audience if audience in AUDIENCES else None)[1] == []
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    by_schema = validator.is_valid(as_json(value))
    return by_build, by_schema


@pytest.mark.parametrize("name, path, kind", data_files(), ids=lambda v: v.name if isinstance(v, Path) else None)
def test_schema_and_build_accept_every_real_data_file(name, path, kind):
    value, problems = load_yaml(path, path.name)
    assert problems == []
    assert verdicts(kind, value) == (True, True)


def _first(value, key):
    return value[key][0]


# Each mistake: (file, what to do to its loaded value). Both readings must refuse every one.
# (Not here: an id with a trailing newline. The build and editors refuse it, but this test's
# oracle, the jsonschema package, reads patterns with Python's re, whose `$` matches before a
# final newline; tests/unit/test_schema.py checks that case.)
MISTAKES = {
    "unknown key": ("roles.yml", lambda v: _first(v, "roles").update(acountable="x")),
    "missing required key": ("roles.yml", lambda v: _first(v, "roles").pop("summary")),
    "id not kebab-case": ("roles.yml", lambda v: _first(v, "roles").update(id="Project_Manager")),
    "value not in the list": ("roles.yml", lambda v: _first(v, "roles").update(side="client")),
    "empty text": ("roles.yml", lambda v: _first(v, "roles").update(title="   ")),
    "number where text belongs": ("roles.yml", lambda v: _first(v, "roles").update(title=42)),
    "review date not a date": ("roles.yml", lambda v: v["role_pages"].update(last_reviewed="last week")),
    "review interval too long": ("roles.yml", lambda v: v["role_pages"].update(review_every_months=36)),
    "empty list": ("processes/kickoff.yml", lambda v: v.update(activities=[])),
    "raci letter": ("processes/kickoff.yml", lambda v: _first(v, "activities")["raci"].update({"account-manager": "X"})),
    "raci role not an id": ("processes/kickoff.yml", lambda v: _first(v, "activities")["raci"].update({"Account Manager": "I"})),
    "phase order zero": ("processes/kickoff.yml", lambda v: v["phase"].update(order=0)),
    "page that is a script": ("processes/kickoff.yml", lambda v: v.update(page="javascript:alert(1)")),
    "page outside docs": ("complaints.yml", lambda v: _first(v, "complaints").update(page="../mkdocs.yml")),
    "score out of range": ("change-impacts.yml", lambda v: _first(v, "impacts").update(likelihood=6)),
    "list where text belongs": ("complaints.yml", lambda v: _first(v, "complaints").update(solution=["a", "b"])),
    "changelog date as text": ("changelog.yml", lambda v: _first(v, "changes").update(date="25/11/2026")),
    "changelog without pages": ("changelog.yml", lambda v: _first(v, "changes").pop("pages")),
    "audience that widens nothing": ("glossary.yml", lambda v: _first(v, "terms").update(audience="customer")),
    "escalation path of one level": ("escalation.yml", lambda v: _first(v, "paths")["levels"].__delitem__(slice(1, None))),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_schema_and_build_refuse_the_same_mistakes(mistake):
    relative, spoil = MISTAKES[mistake]
    kind = next(k for k in DATA_FILES if Path(relative).match(k.pattern))
    value, _ = load_yaml(ROOT / "data" / relative, relative)
    value = copy.deepcopy(value)
    spoil(value)
    assert verdicts(kind, value) == (False, False)


def test_a_yaml_date_is_a_date_to_the_build_and_a_string_to_the_schema():
    value, _ = parse_yaml("audience: customer\npage: a.md\nchanges:\n  - id: x\n    date: 2026-11-25\n"
                          "    summary: S\n    pages: [a.md]\n", "c.yml")
    assert isinstance(value["changes"][0]["date"], datetime.date)
    assert verdicts(next(k for k in DATA_FILES if k.schema == "changelog"), value) == (True, True)


# -- tools/scaffold.py --------------------------------------------------------------------------

def scaffold(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run(str(TOOLS / "scaffold.py"), *args, "--root", str(project))


@pytest.mark.build
def test_a_scaffolded_process_and_checklist_build_at_once(tmp_path):
    project = make_project(tmp_path)
    made = scaffold(project, "process", "vendor-onboarding")
    assert made.returncode == 0, made.stdout
    made = scaffold(project, "checklist", "vendor-onboarding-ready", "--process", "vendor-onboarding")
    assert made.returncode == 0, made.stdout
    assert (project / "data/processes/vendor-onboarding.yml").read_text().startswith(
        "# yaml-language-server: $schema=../../schemas/process.schema.json\n")
    built = build(project, "internal")
    assert built.ok, built.output
    page = built.internal.page("processes/vendor-onboarding/")
    assert 'data-pb-matrix="vendor-onboarding"' in page and 'id="checklist-vendor-onboarding-ready"' in page
    assert 'href="processes/vendor-onboarding/"' in built.internal.page("")  # in the nav


def test_the_scaffold_refuses_bad_ids_used_ids_unknown_processes_and_overwriting(tmp_path):
    project = make_project(tmp_path)
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    for args, reason in [
        (("process", "Vendor_Onboarding"), "'Vendor_Onboarding' is not a kebab-case id"),
        (("process", "onboarding"), "the id 'onboarding' is already used in data/"),
        (("process", "consultant"), "the id 'consultant' is already used in data/"),
        (("checklist", "new-list", "--process", "onboardng"), "there is no process 'onboardng'"),
        (("process", "fresh", "--page", "onboarding.md"), "docs/onboarding.md already exists, and the scaffold never overwrites"),
    ]:
        result = scaffold(project, *args)
        assert result.returncode == 1 and "Nothing was written: " + reason in result.stdout, result.stdout
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()) == before


def test_contributing_shows_every_macro_with_an_example():
    from playbook.present.macro_table import MACROS

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [name for name in MACROS if f"{{{{ {name}(" not in guide]
    assert missing == []
