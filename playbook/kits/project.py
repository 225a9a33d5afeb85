"""Project files read and checked: `load_projects(folder, playbook, settings)`.

A project file's shape is declared once (`ProjectFile`, playbook/model/project.py) and checked
like every data file, through the shared messages (playbook/load/messages.py). What needs the
playbook is checked here, once the shape is right: the role, phase, communication, change impact
and checklist ids the file names, its time zone and its dates. Every problem comes back as
`file:line: what — fix`, all of them at once.
"""
from __future__ import annotations

import datetime
import difflib
import re
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import holidays

from playbook.kits.schedule import Schedule, ScheduleError, WorkingDays, plan_schedule
from playbook.kits.settings import KitSettings
from playbook.load.messages import validate
from playbook.load.yaml_source import LineDict, load_yaml, parse_yaml
from playbook.model.facts import Playbook
from playbook.model.project import ProjectFile
from playbook.problems import Problem


@dataclass(frozen=True)
class Project:
    """A project file that passed every check, with its computed dates."""

    file: ProjectFile
    path: Path
    display: str           # how messages name the file
    schedule: Schedule

    @property
    def id(self) -> str:
        return self.file.id


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
    model, found = validate(ProjectFile, raw, display)
    if model is None:
        return None, problems + found
    at = _lines(raw)
    if model.id != path.stem:
        problems.append(Problem(display, at("id"), f"the id '{model.id}' is not the file's name",
                                f"rename the file to {model.id}.yml, or write 'id: {path.stem}'"))
    for check in CHECKS:
        problems += [Problem(display, at(*keys), what, fix) for keys, what, fix in check(model, playbook)]
    if problems:
        return None, problems
    try:
        schedule = plan_schedule(playbook, model, settings, working_days(model))
    except ScheduleError as error:
        return None, [Problem(display, at(*error.keys), error.message, error.fix)]
    return Project(model, path, display, schedule), []


def _lines(raw: LineDict) -> Callable[..., int]:
    """Where the value at keys (block keys and list indexes) was written, or the deepest block found."""
    def at(*keys: Any) -> int:
        line, node = raw.line, raw
        for key in keys:
            written = key in node if isinstance(node, dict) else isinstance(node, list) and key in range(len(node))
            if not written:
                break
            line, node = node.line_of(key), node[key]
        return line
    return at


# -- checks that need the playbook ----------------------------------------------------------------
# Each yields (keys where the mistake was written, what is wrong, how to fix it).

Found = Iterator[tuple[tuple, str, str]]


def _unknown(kind: str, wanted: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return f"{hint}the {kind} ids are: {', '.join(known)}"


def every_role_has_a_person(model: ProjectFile, playbook: Playbook) -> Found:
    """Kits name a person wherever the playbook names a role, so every role needs one, and only roles do."""
    roles = list(playbook.roles)
    for role_id in model.people:
        if role_id not in playbook.roles:
            yield ("people", role_id), f"unknown role '{role_id}' in 'people'", _unknown("role", role_id, roles)
    for role_id in roles:
        if role_id not in model.people:
            yield (("people",), f"nobody is named for the role '{role_id}'",
                   f"add '{role_id}:' under 'people' with the person's name and email")


def phases_are_known(model: ProjectFile, playbook: Playbook) -> Found:
    phases = [p.id for p in playbook.phases()]
    for phase_id in model.phases:
        if phase_id not in phases:
            yield ("phases", phase_id), f"unknown phase '{phase_id}' in 'phases'", _unknown("phase", phase_id, phases)


def communications_are_known(model: ProjectFile, playbook: Playbook) -> Found:
    """A project agrees only what a communication's kind has: a series' day, time and frequency,
    a meeting's length. A message is sent, not attended: a length for it would put an e-mail in
    people's calendars as a meeting."""
    known = list(playbook.communications)
    for communication_id, agreed in model.communications.items():
        where = ("communications", communication_id)
        communication = playbook.communications.get(communication_id)
        if communication is None:
            yield (where, f"unknown communication '{communication_id}' in 'communications'",
                   _unknown("communication", communication_id, known))
            continue
        if agreed.minutes is not None and not communication.is_meeting:
            yield (where + ("minutes",), f"'{communication_id}' is a message, sent rather than attended: it has no "
                   "length", "remove 'minutes:'")
        recurs = communication.recurs
        for key in ("weekday", "time", "every_weeks"):
            if getattr(agreed, key) is None:
                continue
            if recurs is None:
                yield (where + (key,), f"'{communication_id}' happens {communication.once.relation} "
                       f"{communication.once.event}, not on a day of the week", f"remove '{key}:'")
            elif key == "every_weeks" and recurs.every != "week":
                yield (where + (key,), f"'{communication_id}' happens every working day, not every few weeks",
                       "remove 'every_weeks:'")


def change_impacts_are_known(model: ProjectFile, playbook: Playbook) -> Found:
    known = list(playbook.change_impacts)
    for impact_id in model.change_impacts:
        if impact_id not in playbook.change_impacts:
            yield (("change_impacts", impact_id), f"unknown change impact '{impact_id}' in 'change_impacts'",
                   _unknown("change impact", impact_id, known))


def done_items_are_known(model: ProjectFile, playbook: Playbook) -> Found:
    for checklist_id, item_ids in model.done.items():
        checklist = playbook.checklists.get(checklist_id)
        if checklist is None:
            yield (("done", checklist_id), f"unknown checklist '{checklist_id}' in 'done'",
                   _unknown("checklist", checklist_id, list(playbook.checklists)))
            continue
        known = [item.id for item in checklist.items]
        for item_id, done in item_ids.items():
            if item_id not in known:
                yield (("done", checklist_id, item_id), f"the checklist '{checklist_id}' has no item '{item_id}'",
                       _unknown("item", item_id, known))
            if done.by not in playbook.roles:
                yield (("done", checklist_id, item_id, "by"), f"unknown role '{done.by}' in 'done'",
                       _unknown("role", done.by, list(playbook.roles)))


def progress_names_known_roles_and_phases(model: ProjectFile, playbook: Playbook) -> Found:
    """Risks, needs and the status name roles and a phase by id; a need is the customer's to meet."""
    roles = list(playbook.roles)
    for index, risk in enumerate(model.risks):
        if risk.owner not in playbook.roles:
            yield (("risks", index, "owner"), f"unknown role '{risk.owner}' in 'risks'", _unknown("role", risk.owner, roles))
    for index, need in enumerate(model.needed):
        role = playbook.roles.get(need.who)
        if role is None:
            yield (("needed", index, "who"), f"unknown role '{need.who}' in 'needed'", _unknown("role", need.who, roles))
        elif role.side != "customer":
            customer = [r.id for r in playbook.roles.values() if r.side == "customer"]
            yield (("needed", index, "who"), f"'{need.who}' is a role of the firm; 'needed' is what the customer "
                   "provides", f"name a customer role: {', '.join(customer)}")
    phases = [p.id for p in playbook.phases()]
    if model.status and model.status.phase and model.status.phase not in phases:
        yield (("status", "phase"), f"unknown phase '{model.status.phase}' in 'status'",
               _unknown("phase", model.status.phase, phases))


def working_days(model: ProjectFile) -> WorkingDays:
    """Monday to Friday less the public holidays of the project's country and region, from the year
    before kickoff to two years after go-live, and the days off the file lists."""
    found = holidays.country_holidays(model.public_holidays.country, subdiv=model.public_holidays.region,
                                      years=range(model.kickoff.year - 1, model.go_live.year + 3), language="en_US")
    days_off = {day: name for day, name in found.items()}
    days_off.update((off.day, off.name) for off in model.days_off)
    names = {code: name for name, code in getattr(type(found), "subdivisions_aliases", {}).items()}
    region = names.get(model.public_holidays.region or "", "") or model.public_holidays.country
    return WorkingDays(MappingProxyType(days_off), region)


def holidays_are_known(model: ProjectFile, playbook: Playbook) -> Found:
    """The holidays package must know the country and, where given, the region."""
    supported = holidays.list_supported_countries()
    country, region = model.public_holidays.country, model.public_holidays.region
    if country not in supported:
        guess = difflib.get_close_matches(country.upper(), list(supported), n=1)
        yield (("public_holidays", "country"), f"'{country}' is not a country the holidays package knows",
               (f"did you mean '{guess[0]}'? " if guess else "") + "write its ISO 3166 code, such as GB, DE or AU")
    elif region is not None and region not in supported[country]:
        guess = difflib.get_close_matches(region.upper(), list(supported[country]), n=1)
        yield (("public_holidays", "region"), f"'{region}' is not a region of {country} the holidays package knows",
               (f"did you mean '{guess[0]}'? " if guess else "") + f"the regions of {country}: "
               + ", ".join(supported[country]))


def time_zone_exists(model: ProjectFile, playbook: Playbook) -> Found:
    """The calendar's meetings are written in this zone; a misspelt one would move every meeting."""
    try:
        zoneinfo.ZoneInfo(model.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        yield (("time_zone",), f"'{model.time_zone}' is not a time zone",
               "write an IANA time zone name such as Europe/London or America/New_York")


def go_live_after_kickoff(model: ProjectFile, playbook: Playbook) -> Found:
    if model.go_live <= model.kickoff:
        yield (("go_live",), f"go-live ({model.go_live.isoformat()}) is not after kickoff ({model.kickoff.isoformat()})",
               "move go_live after kickoff, or correct the kickoff date")


CHECKS: tuple[Callable[[ProjectFile, Playbook], Found], ...] = (
    every_role_has_a_person, phases_are_known, communications_are_known, change_impacts_are_known,
    done_items_are_known, progress_names_known_roles_and_phases, time_zone_exists, holidays_are_known, go_live_after_kickoff)


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

