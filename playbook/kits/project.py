"""The project file: one implementation's customer, people, dates and choices, declared once.

`ProjectFile` is the one declaration: pydantic validates a file against it (every mistake at
once, each with its place), `project_json_schema()` writes the same rules for editors
(schemas/project.schema.json, kept current by a test), and the kits read the typed object.

`load_projects(folder, playbook, settings)` reads every `<id>.yml` in the folder with the
playbook's own line-aware YAML reader, checks each file's shape, then what needs the playbook
(role ids, phases, communications, change impacts, checklist items) and the dates, and returns
the projects with every problem as `file:line: what — fix`.
"""
from __future__ import annotations

import datetime
import difflib
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from playbook.kits.schedule import Schedule, ScheduleError, plan_schedule
from playbook.kits.settings import KitSettings
from playbook.load.yaml_source import LineDict, LineList, load_yaml, parse_yaml
from playbook.model.facts import Playbook
from playbook.problems import Problem

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
EMAIL_PATTERN = r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    """Someone named for a role on this project."""

    name: Text = Field(description="the person's name as colleagues write it")
    email: Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)] = Field(
        description="the person's e-mail address, such as dana.whitfield@example.com")


class PhasePlan(_Strict):
    """This project's own dates for one phase, where they differ from the defaults."""

    start: datetime.date | None = Field(None, description="the phase's first day, a working day, YYYY-MM-DD")
    working_days: int | None = Field(None, ge=1, le=400,
                                     description="the phase's length in working days, instead of the phase's default")


class Meeting(_Strict):
    """When a recurring communication happens on this project."""

    weekday: Literal[WEEKDAYS] = Field(description="monday to friday")
    time: Annotated[str, StringConstraints(pattern=TIME_PATTERN)] = Field(
        description="the local time it starts or is sent, in quotes, such as \"10:00\"")
    every_weeks: int = Field(1, ge=1, le=8, description="1 for weekly, 2 for every other week, and so on")
    minutes: int = Field(30, ge=5, le=480, description="how long it takes, in minutes")


class Rescore(_Strict):
    """A change impact scored again for this customer."""

    likelihood: int = Field(ge=1, le=5, description="1 (rare) to 5 (almost certain), for this customer")
    cost: int = Field(ge=1, le=5, description="1 (a nuisance) to 5 (loses the customer), for this customer")
    why: Text | None = Field(None, description="optional: what about this customer changes the score")


class ProjectFile(_Strict):
    """One implementation: projects/<id>.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Project (projects/<id>.yml)")

    id: Id = Field(description="the project's id; the file name is this id plus .yml")
    customer: Text = Field(description="the customer's name as they write it")
    title: Text = Field(description="what is being implemented, such as 'Order-to-cash platform'")
    goals: list[Text] = Field(min_length=1, description="what the customer wants from the project, one sentence each")
    teams_channel: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] = Field(
        description="the link to the shared Microsoft Teams channel, starting https://")
    time_zone: Text = Field(description="the customer's time zone for meetings, such as Europe/London")
    kickoff: datetime.date = Field(description="the kickoff meeting: the first day of the kickoff phase, YYYY-MM-DD")
    go_live: datetime.date = Field(description="the day the system goes live: the last day of the go-live phase")
    phases: dict[Id, PhasePlan] = Field(default_factory=dict,
                                        description="optional: a phase's own start or length, by phase id")
    people: dict[Id, Person] = Field(min_length=1, description="who holds each role on this project, by role id")
    communications: dict[Id, Meeting] = Field(
        default_factory=dict, description="when the recurring communications happen, by communication id")
    change_impacts: dict[Id, Rescore] = Field(default_factory=dict,
                                              description="change impacts scored again for this customer, by id")
    done: dict[Id, list[Id]] = Field(default_factory=dict,
                                     description="checklist items already done, as checklist id: list of item ids")


def project_json_schema() -> dict[str, Any]:
    """The JSON Schema editors check project files with, from the same model the build uses."""
    schema = ProjectFile.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            "$comment": "Generated from playbook/kits/project.py by tools/export_schemas.py; do not edit by hand."}


@dataclass(frozen=True)
class Project:
    """A project file that passed every check, with its computed dates."""

    file: ProjectFile
    path: Path
    display: str           # how messages name the file
    schedule: Schedule
    lines: LineDict

    @property
    def id(self) -> str:
        return self.file.id

    def line_of(self, *keys: Any) -> int:
        return _line_of(self.lines, keys)


def load_projects(folder: Path, playbook: Playbook, settings: KitSettings,
                  *, only: str | None = None) -> tuple[list[Project], list[Problem]]:
    """Every project file in folder (or only the one named), checked; and every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], ([Problem(str(folder), None, "the projects folder does not exist",
                             "create it, or point extra.projects.folder in mkdocs.yml (or PLAYBOOK_PROJECTS) at it")]
                    if only else [])
    paths = sorted(folder.glob("*.yml"))
    for stray in sorted(folder.glob("*.yaml")):
        problems.append(Problem(_display(stray, folder), None, "project files end in .yml; this one is not read",
                                f"rename it to {stray.stem}.yml"))
    if only is not None:
        paths = [p for p in paths if p.stem == only]
        if not paths:
            known = [p.stem for p in sorted(folder.glob("*.yml"))]
            guess = difflib.get_close_matches(only, known, n=1)
            return [], [Problem(_display(folder / f"{only}.yml", folder), None, f"there is no project '{only}'",
                                (f"did you mean '{guess[0]}'? " if guess else "")
                                + f"projects in {folder}: {', '.join(known) or 'none'}")]
    projects = []
    for path in paths:
        project, found = load_project(path, playbook, settings, display=_display(path, folder))
        problems += found
        if project is not None:
            projects.append(project)
    return projects, problems


def _display(path: Path, folder: Path) -> str:
    return f"{folder.name}/{path.name}"


def load_project(path: Path, playbook: Playbook, settings: KitSettings,
                 *, display: str | None = None) -> tuple[Project | None, list[Problem]]:
    display = display or path.name
    raw, problems = load_yaml(path, display)
    if raw is None and problems and _impossible_dates(path):
        # YAML stops at the first day that does not exist; read such days as text instead, so that
        # each is reported at its own line with every other problem of the file.
        raw, problems = parse_yaml(_quote_impossible_dates(path.read_text(encoding="utf-8")), display)
    if problems and raw is None:
        return None, problems
    if not isinstance(raw, LineDict):
        return None, problems + [Problem(display, None, "the file is not a block of keys",
                                         "start from the example project in projects/ and see projects/README.md")]
    try:
        model = ProjectFile.model_validate(raw)
    except ValidationError as error:
        return None, problems + [_problem(display, raw, e) for e in error.errors()]
    if model.id != path.stem:
        problems.append(Problem(display, raw.line_of("id"), f"the id '{model.id}' is not the file's name",
                                f"rename the file to {model.id}.yml, or write 'id: {path.stem}'"))
    problems += _cross_checks(display, raw, model, playbook, settings)
    if problems:
        return None, problems
    try:
        schedule = plan_schedule(playbook, model, settings)
    except ScheduleError as error:
        return None, [Problem(display, _line_of(raw, error.keys), error.message, error.fix)]
    return Project(model, path, display, schedule, raw), []


# -- checks that need the playbook ----------------------------------------------------------------


def _unknown(kind: str, wanted: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return f"{hint}the {kind} ids are: {', '.join(known)}"


def _cross_checks(display: str, raw: LineDict, model: ProjectFile, playbook: Playbook,
                  settings: KitSettings) -> list[Problem]:
    problems: list[Problem] = []

    def at(*keys: Any) -> int:
        return _line_of(raw, keys)

    roles = list(playbook.roles)
    for role_id in model.people:
        if role_id not in playbook.roles:
            problems.append(Problem(display, at("people", role_id), f"unknown role '{role_id}' in 'people'",
                                    _unknown("role", role_id, roles)))
    for role_id in roles:
        if role_id not in model.people:
            problems.append(Problem(display, at("people"), f"nobody is named for the role '{role_id}'",
                                    f"add '{role_id}:' under 'people' with the person's name and email"))
    phases = [p.id for p in playbook.phases()]
    for phase_id in model.phases:
        if phase_id not in phases:
            problems.append(Problem(display, at("phases", phase_id), f"unknown phase '{phase_id}' in 'phases'",
                                    _unknown("phase", phase_id, phases)))
    for communication_id in model.communications:
        if communication_id not in playbook.communications:
            problems.append(Problem(display, at("communications", communication_id),
                                    f"unknown communication '{communication_id}' in 'communications'",
                                    _unknown("communication", communication_id, list(playbook.communications))))
    for impact_id in model.change_impacts:
        if impact_id not in playbook.change_impacts:
            problems.append(Problem(display, at("change_impacts", impact_id),
                                    f"unknown change impact '{impact_id}' in 'change_impacts'",
                                    _unknown("change impact", impact_id, list(playbook.change_impacts))))
    for checklist_id, item_ids in model.done.items():
        checklist = playbook.checklists.get(checklist_id)
        if checklist is None:
            problems.append(Problem(display, at("done", checklist_id), f"unknown checklist '{checklist_id}' in 'done'",
                                    _unknown("checklist", checklist_id, list(playbook.checklists))))
            continue
        known = [item.id for item in checklist.items]
        for index, item_id in enumerate(item_ids):
            if item_id not in known:
                problems.append(Problem(display, at("done", checklist_id, index),
                                        f"the checklist '{checklist_id}' has no item '{item_id}'",
                                        _unknown("item", item_id, known)))
    try:
        zoneinfo.ZoneInfo(model.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(display, at("time_zone"), f"'{model.time_zone}' is not a time zone",
                                "write an IANA time zone name such as Europe/London or America/New_York"))
    if model.go_live <= model.kickoff:
        problems.append(Problem(display, at("go_live"),
                                f"go-live ({model.go_live.isoformat()}) is not after kickoff ({model.kickoff.isoformat()})",
                                "move go_live after kickoff, or correct the kickoff date"))
    return problems


# -- pydantic's errors as an author's problems -------------------------------------------------------


def _line_of(raw: Any, keys: tuple | list) -> int:
    """The line of the value at keys (dict keys and list indexes), or of the deepest block found."""
    line = raw.line if isinstance(raw, (LineDict, LineList)) else 1
    node = raw
    for key in keys:
        if isinstance(node, LineDict) and key in node:
            line, node = node.line_of(key), node[key]
        elif isinstance(node, LineList) and isinstance(key, int) and 0 <= key < len(node):
            line, node = node.line_of(key), node[key]
        else:
            break
    return line


def _path(loc: tuple) -> str:
    text = ""
    for step in loc:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


_FIXES = {
    "email": "write an e-mail address such as name@example.com",
    "time": "write the time as \"HH:MM\" in quotes, such as \"10:00\": without quotes YAML reads 10:00 as a number",
    "teams_channel": "paste the channel's link from Teams (Get link to channel); it starts with https://",
    "weekday": f"write one of: {', '.join(WEEKDAYS)}",
}


def _field_doc(loc: tuple) -> str:
    model: Any = ProjectFile
    doc = ""
    for step in loc:
        if isinstance(step, int) or model is None:
            continue
        fields = getattr(model, "model_fields", None)
        if fields is None or step not in fields:
            continue
        info = fields[step]
        doc = info.description or ""
        model = _inner_model(info.annotation)
    return doc


def _inner_model(annotation: Any) -> Any:
    """The model a field holds, directly or as the values of a dict or list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None


def _allowed_keys(loc: tuple) -> list[str]:
    model: Any = ProjectFile
    for step in loc:
        fields = getattr(model, "model_fields", None)
        if fields is not None and step in fields:
            model = _inner_model(fields[step].annotation)
    return list(getattr(model, "model_fields", {}) or {})


def _problem(display: str, raw: LineDict, error: dict[str, Any]) -> Problem:
    loc = tuple(step for step in error["loc"] if step != "[key]")
    kind, value = error["type"], error.get("input")
    path = _path(loc) or "the file"
    label = f"'{path}'"
    name = next((str(step) for step in reversed(loc) if isinstance(step, str)), "")
    if kind == "missing":
        parent = _path(loc[:-1])
        where = f"'{parent}'" if parent else "the file"
        return Problem(display, _line_of(raw, loc[:-1]), f"{where} is missing the required key '{loc[-1]}'",
                       f"add '{loc[-1]}:' ({_field_doc(loc)})")
    line = _line_of(raw, loc)
    if kind == "extra_forbidden":
        parent = _path(loc[:-1])
        allowed = _allowed_keys(loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return Problem(display, line, f"unknown key '{loc[-1]}' in {f'{parent!r}' if parent else 'the file'}",
                       f"{hint}the keys allowed here are: {', '.join(allowed)}")
    if "[key]" in error["loc"]:
        return Problem(display, line, f"'{value}' in '{_path(loc)}' is not a kebab-case id",
                       "use lower-case words joined by single hyphens, such as customer-project-lead")
    shown = _shown(value)
    if name == "time" and isinstance(value, int) and not isinstance(value, bool):
        return Problem(display, line, f"{label} must be a time in quotes, not the number {value}", _FIXES["time"])
    if name in _FIXES and kind in ("string_pattern_mismatch", "literal_error", "string_type"):
        return Problem(display, line, f"{label} must be {_what(name)}, not {shown}", _FIXES[name])
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact", "date_from_datetime_parsing"):
        return Problem(display, line, f"{label} must be a date written YYYY-MM-DD, not {shown}",
                       "write a day that exists, such as 2027-03-31, without quotes")
    if kind == "string_pattern_mismatch":
        return Problem(display, line, f"{label} must be a kebab-case id, not {shown}",
                       "use lower-case words joined by single hyphens, starting with a letter")
    if kind in ("string_too_short", "string_type") and name:
        return Problem(display, line, f"{label} must be text, not {shown}", f"write it: {_field_doc(loc)}")
    if kind == "too_short":
        return Problem(display, line, f"{label} needs at least one entry", f"add it: {_field_doc(loc)}")
    if kind in ("int_type", "int_parsing", "int_from_float", "greater_than_equal", "less_than_equal"):
        return Problem(display, line, f"{label} must be a whole number ({error['msg'].lower()}), not {shown}",
                       f"write a whole number without quotes: {_field_doc(loc)}")
    return Problem(display, line, f"{label}: {error['msg'].lower()} (it is {shown})",
                   f"{_field_doc(loc) or 'see projects/README.md'}")


def _what(name: str) -> str:
    return {"email": "an e-mail address", "time": "a time such as \"10:00\"", "teams_channel": "an https:// link",
            "weekday": "a weekday"}[name]


def _shown(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


# A plain value shaped like a date (YAML 1.1's own pattern, unquoted): `kickoff: 2027-02-30`.
_DATE_VALUE = re.compile(r"(?m)(:\s+|-\s+)(\d{4})-(\d{1,2})-(\d{1,2})(?=\s*(#.*)?$)")


def _impossible(match: re.Match) -> bool:
    try:
        datetime.date(*(int(match.group(n)) for n in (2, 3, 4)))
    except ValueError:
        return True
    return False


def _impossible_dates(path: Path) -> bool:
    return any(_impossible(m) for m in _DATE_VALUE.finditer(path.read_text(encoding="utf-8")))


def _quote_impossible_dates(text: str) -> str:
    return _DATE_VALUE.sub(lambda m: f"{m.group(1)}'{m.group(2)}-{m.group(3)}-{m.group(4)}'" if _impossible(m)
                           else m.group(0), text)

