"""The one reader of data/: load every file, check it, and return frozen facts keyed by id.

Loading happens once per build. Each file is parsed and shape-checked on its own, then the
cross-file rules run over everything that parsed (ids unique across the playbook, references
that resolve, the RACI rules, audiences that never widen). Every problem from every file is
collected and raised together, so an author fixes a whole pull request in one pass.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from playbook.load.yaml_source import LineDict, load_yaml
from playbook.model import shapes
from playbook.model.facts import (
    CUSTOMER,
    INTERNAL,
    Activity,
    Agenda,
    AgendaItem,
    Assignment,
    Change,
    ChangeImpact,
    Checklist,
    ChecklistItem,
    Communication,
    Complaint,
    EscalationLevel,
    EscalationPath,
    GlossaryTerm,
    Phase,
    Playbook,
    Process,
    RaidCategory,
    Review,
    Role,
    Source,
)
from playbook.model.schema import Record, Where
from playbook.problems import Problem, raise_if_any

# ---------------------------------------------------------------------------------------------
# Loading


def load_playbook(data_dir: Path, *, root: Path | None = None) -> Playbook:
    """Read and check all of data/; raise PlaybookError listing every problem found."""
    data_dir = Path(data_dir)
    root = Path(root) if root else data_dir.parent
    reader = _Reader(root)

    problems: list[Problem] = list(_unexpected_files(data_dir, root))
    roles_raw = reader.read(data_dir / "roles.yml", shapes.ROLES_FILE)
    process_raws = [reader.read(p, shapes.PROCESS_FILE) for p in sorted((data_dir / "processes").glob("*.yml"))]
    checklist_raws = [reader.read(p, shapes.CHECKLIST_FILE) for p in sorted((data_dir / "checklists").glob("*.yml"))]
    problems += reader.problems
    problems_before_lists = list(reader.problems)

    roles = _build_roles(roles_raw) if roles_raw else {}
    processes = {}
    for raw in filter(None, process_raws):
        process = _build_process(raw)
        processes.setdefault(process.id, process)
    checklists = {}
    for raw in filter(None, checklist_raws):
        checklist = _build_checklist(raw)
        checklists.setdefault(checklist.id, checklist)

    # A file with a mistake of its own is left out of the model, but its ids still count as
    # existing: otherwise one typo in roles.yml would also flag every reference to every role.
    known = _Known(
        roles=None if reader.unreadable(data_dir / "roles.yml") else set(roles) | reader.ids_in_broken["roles"],
        processes=set(processes) | reader.ids_in_broken["processes"],
    )
    parsed_files = [r for r in process_raws + checklist_raws if r]
    problems += _check_file_names(parsed_files)
    problems += _check_processes(processes.values(), roles, known)
    problems += _check_checklists(checklists.values(), roles, processes, known)
    problems += _check_phase_order(processes.values())

    lists = {spec.field: reader.read(data_dir / name, spec.shape, optional=True) for name, spec in _LIST_FILES.items()}
    problems += reader.problems[len(problems_before_lists):]
    built = {kind: _build_list(kind, raw) for kind, raw in lists.items()}
    problems += _check_unique_ids(roles_raw, process_raws, checklist_raws, lists)
    problems += _check_lists(built, roles, known)
    raise_if_any(problems)
    changelog_raw = lists["changelog"]
    return Playbook(MappingProxyType(roles), MappingProxyType(processes), MappingProxyType(checklists),
                    **{kind: MappingProxyType(items) for kind, items in built.items()},
                    changelog_page=_text(changelog_raw.value, "page") if changelog_raw else "",
                    changelog_page_source=changelog_raw.source(key="page") if changelog_raw else None,
                    role_pages_review=_build_review(roles_raw.value["role_pages"], roles_raw))


@dataclass
class _Raw:
    """A parsed, shape-checked file: its values and where they came from."""

    value: LineDict
    file: str
    path: Path

    def source(self, mapping: Any = None, key: str | None = None) -> Source:
        mapping = self.value if mapping is None else mapping
        line = mapping.line_of(key) if key and isinstance(mapping, LineDict) else getattr(mapping, "line", 1)
        return Source(self.file, line)


@dataclass
class _Known:
    """Ids that exist, valid or not; None means a file was unreadable, so anything may exist."""

    roles: set[str] | None
    processes: set[str]

    def role(self, role_id: str) -> bool:
        return self.roles is None or role_id in self.roles


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.ids_in_broken: dict[str, set[str]] = {"roles": set(), "processes": set(), "checklists": set()}
        self._unreadable: set[Path] = set()

    def unreadable(self, path: Path) -> bool:
        return path in self._unreadable

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path, shape: Record, *, optional: bool = False) -> _Raw | None:
        name = self.display(path)
        if optional and not path.exists():
            return None
        if not path.is_file():
            self.problems.append(Problem(name, None, "this required file is missing",
                                         "create it; data/README.md shows its fields"))
            return None
        value, problems = load_yaml(path, name)
        if value is None and not problems:
            problems = [Problem(name, 1, "the file is empty", "fill it in; data/README.md shows its fields")]
        if value is None:
            self._unreadable.add(path)
            self.ids_in_broken.setdefault(path.parent.name, set()).add(path.stem)
        elif not problems:
            problems = shape.check(value, Where(name, getattr(value, "line", 1), ""))
        if problems and isinstance(value, dict):
            self._remember_ids(path, value)
        self.problems += problems
        return None if problems else _Raw(value, name, path)

    def _remember_ids(self, path: Path, value: dict) -> None:
        if path.name == "roles.yml":
            entries = value.get("roles") if isinstance(value.get("roles"), list) else []
            self.ids_in_broken["roles"] |= {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}
        elif path.parent.name in self.ids_in_broken and isinstance(value.get("id"), str):
            self.ids_in_broken[path.parent.name].add(value["id"])


_KNOWN_FOLDERS = {"processes", "checklists"}
_KNOWN_TOP_FILES = {"roles.yml", "README.md"}  # and every file in _LIST_FILES


def _unexpected_files(data_dir: Path, root: Path) -> Iterable[Problem]:
    """A file the build would silently skip (kickoff.yaml, a stray folder) is a mistake to report."""
    if not data_dir.is_dir():
        yield Problem(str(data_dir), None, "the data folder is missing", "create data/ with roles.yml")
        return
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        if path.is_dir() or path.name.startswith("."):
            continue
        if len(relative.parts) == 1 and (relative.name in _KNOWN_TOP_FILES or relative.name in _LIST_FILES):
            continue
        if len(relative.parts) == 2 and relative.parts[0] in _KNOWN_FOLDERS and path.suffix == ".yml":
            continue
        if path.suffix == ".yaml":
            fix = f"rename it to {path.stem}.yml; the build only reads .yml files"
        else:
            fix = "move it out of data/; data/README.md lists the files the build reads"
        yield Problem(name, None, "the build does not read this file", fix)


def _audience(mapping: Mapping[str, Any], inherited: str) -> str:
    return mapping.get("audience", inherited) if inherited == CUSTOMER else INTERNAL


def _build_review(value: LineDict, raw: _Raw) -> Review:
    return Review(value["owner"].strip(), value["last_reviewed"], value.get("review_every_months"), raw.source(value))


def _build_roles(raw: _Raw) -> dict[str, Role]:
    file_audience = raw.value["audience"]
    roles: dict[str, Role] = {}
    for item in raw.value["roles"]:
        role = Role(item["id"], item["title"].strip(), item["side"], item["summary"].strip(),
                    _audience(item, file_audience), raw.source(item))
        roles.setdefault(role.id, role)
    return roles


def _build_process(raw: _Raw) -> Process:
    value = raw.value
    audience = value["audience"]
    phase_raw = value.get("phase")
    phase = None
    if phase_raw:
        phase = Phase(phase_raw["order"], phase_raw["goal"].strip(), phase_raw["typical_duration"].strip(),
                      tuple(c.strip() for c in phase_raw["entry_criteria"]),
                      tuple(c.strip() for c in phase_raw["exit_criteria"]),
                      phase_raw["customer_contribution"].strip(), phase_raw.get("default_working_days"))
    activities = tuple(
        Activity(
            item["id"], item["title"].strip(), item.get("detail", "").strip(), _audience(item, audience),
            tuple(Assignment(role, letter, raw.source(item["raci"], role)) for role, letter in item["raci"].items()),
            raw.source(item),
        )
        for item in value["activities"]
    )
    return Process(value["id"], value["title"].strip(), audience, value["page"].strip(),
                   value["summary"].strip(), phase, activities, raw.source(), raw.source(key="page"))


def _build_checklist(raw: _Raw) -> Checklist:
    value = raw.value
    audience = value["audience"]
    items = tuple(
        ChecklistItem(item["id"], item["text"].strip(), item["owner"], item["due"].strip(),
                      _audience(item, audience), raw.source(item), item.get("due_at", "phase-end"))
        for item in value["items"]
    )
    return Checklist(value["id"], value["title"].strip(), audience, value["process"], items, raw.source())


# ---------------------------------------------------------------------------------------------
# Rules across files


def _check_file_names(raws: list[_Raw]) -> Iterable[Problem]:
    for raw in raws:
        if raw.path.stem != raw.value["id"]:
            yield raw.source(key="id").problem(
                f"the id '{raw.value['id']}' does not match the file name '{raw.path.name}'",
                f"rename the file to {raw.value['id']}.yml or change the id to '{raw.path.stem}'")


def _check_unique_ids(roles_raw: _Raw | None, process_raws: list, checklist_raws: list,
                      lists: Mapping[str, _Raw | None]) -> Iterable[Problem]:
    """Roles, processes, checklists, activities and the single-file kinds share one id space:
    ids become URLs, anchors and short links. Checklist items, glossary terms and changelog
    entries only need ids unique in their own list."""
    seen: dict[str, tuple[str, Source]] = {}

    def claim(kind: str, identifier: str, source: Source) -> Iterable[Problem]:
        if identifier in seen:
            other_kind, other = seen[identifier]
            yield source.problem(
                f"the id '{identifier}' of this {kind} is already used by the {other_kind} at {other.file}:{other.line}",
                "ids are unique across the whole playbook; rename one of them")
        else:
            seen[identifier] = (kind, source)

    def once_in_list(items: Iterable[Mapping[str, Any]], raw: _Raw, what: str, place: str,
                     fix: str) -> Iterable[Problem]:
        first: dict[str, Source] = {}
        for item in items:
            source = raw.source(item)
            if item["id"] in first:
                yield source.problem(f"the {what} id '{item['id']}' appears twice in {place} "
                                     f"(first on line {first[item['id']].line})", fix)
            first.setdefault(item["id"], source)

    if roles_raw:
        for item in roles_raw.value["roles"]:
            yield from claim("role", item["id"], roles_raw.source(item))
    for raw in filter(None, process_raws):
        yield from claim("process", raw.value["id"], raw.source(key="id"))
        for item in raw.value["activities"]:
            yield from claim("activity", item["id"], raw.source(item))
    for raw in filter(None, checklist_raws):
        yield from claim("checklist", raw.value["id"], raw.source(key="id"))
        yield from once_in_list(raw.value["items"], raw, "item", "this checklist",
                                "give each item its own id; ticks people made are stored under it")
    for kind, raw in lists.items():
        if raw is None:
            continue
        spec = _SPEC_BY_FIELD[kind]
        items = raw.value[spec.key]
        yield from once_in_list(items, raw, spec.noun, "this file", f"give each {spec.noun} its own id")
        if kind not in _OWN_ID_SPACE:
            firsts = {item["id"]: item for item in reversed(items)}  # a repeat was reported just above
            for item in items:
                if firsts[item["id"]] is item:
                    yield from claim(spec.noun, item["id"], raw.source(item))


def _unknown_role(source: Source, role_id: str, roles: Mapping[str, Role], what: str) -> Problem:
    guess = difflib.get_close_matches(role_id, list(roles), n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return source.problem(f"{what} names the role '{role_id}', which is not defined in data/roles.yml",
                          f"{hint}use a role id from data/roles.yml or add the role there")


def _check_processes(processes: Iterable[Process], roles: Mapping[str, Role], known: _Known) -> Iterable[Problem]:
    for process in processes:
        for activity in process.activities:
            where = f"activity '{activity.id}'"
            for assignment in activity.raci:
                if not known.role(assignment.role):
                    yield _unknown_role(assignment.source, assignment.role, roles, where)
            accountable = [a.role for a in activity.raci if a.letter == "A"]
            if len(accountable) != 1:
                count = "no one" if not accountable else f"{len(accountable)} roles ({', '.join(accountable)})"
                yield activity.source.problem(
                    f"{where} has {count} Accountable; it needs exactly one",
                    "give exactly one role the letter A: the one person answerable for the outcome; "
                    "others who do the work are R")
            if not any(a.letter == "R" for a in activity.raci):
                yield activity.source.problem(
                    f"{where} has no Responsible role",
                    "give at least one role the letter R: whoever does the work")
            if activity.audience == CUSTOMER and accountable and accountable[0] in roles \
                    and roles[accountable[0]].audience != CUSTOMER:
                yield activity.source.problem(
                    f"{where} is shown to customers but its Accountable role '{accountable[0]}' is internal-only, "
                    "so customers would see a row with nobody answerable",
                    "make a customer-visible role Accountable, or mark the activity 'audience: internal'")


def _check_checklists(checklists: Iterable[Checklist], roles: Mapping[str, Role],
                      processes: Mapping[str, Process], known: _Known) -> Iterable[Problem]:
    for checklist in checklists:
        process = processes.get(checklist.process)
        if checklist.process not in known.processes:
            guess = difflib.get_close_matches(checklist.process, list(processes), n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            yield checklist.source.problem(
                f"checklist '{checklist.id}' belongs to the process '{checklist.process}', which does not exist",
                f"{hint}use the id of a file in data/processes/")
        elif process and checklist.audience == CUSTOMER and process.audience != CUSTOMER:
            yield checklist.source.problem(
                f"checklist '{checklist.id}' is for customers but its process '{process.id}' is internal",
                "make the checklist 'audience: internal', or the process 'audience: customer'")
        for item in checklist.items:
            where = f"item '{item.id}'"
            if not known.role(item.owner):
                yield _unknown_role(item.source, item.owner, roles, where)
            elif item.owner in roles and item.audience == CUSTOMER and roles[item.owner].audience != CUSTOMER:
                yield item.source.problem(
                    f"{where} is shown to customers but its owner '{item.owner}' is an internal-only role",
                    "give it a customer-visible owner, or mark the item 'audience: internal'")


def _check_phase_order(processes: Iterable[Process]) -> Iterable[Problem]:
    taken: dict[int, Process] = {}
    for process in processes:
        if process.phase is None:
            continue
        other = taken.setdefault(process.phase.order, process)
        if other is not process:
            yield process.source.problem(
                f"phase order {process.phase.order} is already taken by '{other.id}' ({other.source.file})",
                "give each phase its own order number")


# ---------------------------------------------------------------------------------------------
# The single-file kinds: one optional file each, holding one list of items with ids


@dataclass(frozen=True)
class _ListFile:
    field: str  # the Playbook attribute
    key: str  # the list's key in the file
    shape: Record
    noun: str


_LIST_FILES = {
    "communications.yml": _ListFile("communications", "communications", shapes.COMMUNICATIONS_FILE, "communication"),
    "change-impacts.yml": _ListFile("change_impacts", "impacts", shapes.CHANGE_IMPACTS_FILE, "change impact"),
    "complaints.yml": _ListFile("complaints", "complaints", shapes.COMPLAINTS_FILE, "complaint"),
    "agendas.yml": _ListFile("agendas", "agendas", shapes.AGENDAS_FILE, "agenda"),
    "escalation.yml": _ListFile("escalation_paths", "paths", shapes.ESCALATION_FILE, "escalation path"),
    "raid-log.yml": _ListFile("raid_categories", "categories", shapes.RAID_FILE, "RAID category"),
    "glossary.yml": _ListFile("glossary", "terms", shapes.GLOSSARY_FILE, "glossary term"),
    "changelog.yml": _ListFile("changelog", "changes", shapes.CHANGELOG_FILE, "change"),
}
_SPEC_BY_FIELD = {spec.field: spec for spec in _LIST_FILES.values()}
# Glossary ids only need to be unique in the glossary: a term such as 'hypercare' may share its id
# with the process of the same name, and it never becomes an anchor outside the glossary page.
# Change ids likewise only name entries of the changelog.
_OWN_ID_SPACE = {"glossary", "changelog"}


def _text(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key, "")
    return value.strip() if isinstance(value, str) else value


def _build_item(kind: str, raw: _Raw, item: LineDict, audience: str) -> Any:
    source = raw.source(item)
    if kind == "communications":
        return Communication(item["id"], _text(item, "title"), _text(item, "purpose"), tuple(item["recipients"]),
                             _text(item, "channel"), _text(item, "cadence"), item["owner"], _text(item, "template"),
                             audience, source, raw.source(item, "template"))
    if kind == "change_impacts":
        return ChangeImpact(item["id"], _text(item, "change"), item["kind"], tuple(item["affects"]),
                            item["likelihood"], item["cost"], _text(item, "response"), audience, source)
    if kind == "complaints":
        return Complaint(item["id"], _text(item, "complaint"), _text(item, "solution"), _text(item, "page"),
                         audience, source, raw.source(item, "page"))
    if kind == "agendas":
        items = tuple(AgendaItem(_text(i, "topic"), i["minutes"], _text(i, "detail")) for i in item["items"])
        return Agenda(item["id"], _text(item, "title"), _text(item, "purpose"), item["owner"], tuple(item["attendees"]),
                      items, _text(item, "outcome"), audience, source)
    if kind == "escalation_paths":
        levels = tuple(EscalationLevel(level["role"], _text(level, "action"), level.get("limit"), level.get("unit"),
                                       raw.source(level)) for level in item["levels"])
        return EscalationPath(item["id"], _text(item, "title"), _text(item, "applies_to"), levels, audience, source)
    if kind == "raid_categories":
        return RaidCategory(item["id"], _text(item, "title"), _text(item, "definition"), _text(item, "example"),
                            item["owner"], _text(item, "escalate_when"), audience, source)
    if kind == "glossary":
        return GlossaryTerm(item["id"], _text(item, "term"), _text(item, "expansion"), _text(item, "definition"),
                            tuple(a.strip() for a in item.get("aliases", ())), _text(item, "page"), audience, source,
                            raw.source(item, "page"))
    if kind == "changelog":
        pages = item["pages"]
        return Change(item["id"], item["date"], _text(item, "summary"), _text(item, "detail"),
                      tuple(page.strip() for page in pages), audience, source,
                      tuple(Source(raw.file, pages.line_of(i)) for i in range(len(pages))))
    raise ValueError(f"unknown kind {kind}")  # pragma: no cover - _LIST_FILES and this function change together


def _build_list(kind: str, raw: _Raw | None) -> dict[str, Any]:
    if raw is None:
        return {}
    spec = _SPEC_BY_FIELD[kind]
    built: dict[str, Any] = {}
    for item in raw.value[spec.key]:
        built.setdefault(item["id"], _build_item(kind, raw, item, _audience(item, raw.value["audience"])))
    return built


def _check_lists(built: Mapping[str, Mapping[str, Any]], roles: Mapping[str, Role], known: _Known) -> Iterable[Problem]:
    def role_refs(source: Source, role_ids: Iterable[str], what: str, visible_to_customers: bool,
                  must_be_visible: bool) -> Iterable[Problem]:
        seen: set[str] = set()
        for role_id in role_ids:
            if role_id in seen:
                yield source.problem(f"{what} names the role '{role_id}' twice", "list each role once")
            seen.add(role_id)
            if not known.role(role_id):
                yield _unknown_role(source, role_id, roles, what)
            elif must_be_visible and visible_to_customers and role_id in roles \
                    and roles[role_id].audience != CUSTOMER:
                yield source.problem(
                    f"{what} is shown to customers but names the internal-only role '{role_id}'",
                    "name a customer-visible role, or mark the item 'audience: internal'")

    for c in built["communications"].values():
        customer = c.audience == CUSTOMER
        yield from role_refs(c.source, [c.owner], f"communication '{c.id}' (owner)", customer, True)
        yield from role_refs(c.source, c.recipients, f"communication '{c.id}' (recipients)", customer, False)
        if c.owner in c.recipients:
            yield c.source.problem(f"communication '{c.id}' lists its owner '{c.owner}' among its recipients",
                                   "remove the owner from recipients; the owner sends it")
    for i in built["change_impacts"].values():
        yield from role_refs(i.source, i.affects, f"change impact '{i.id}'", False, False)
    for a in built["agendas"].values():
        customer = a.audience == CUSTOMER
        yield from role_refs(a.source, [a.owner], f"agenda '{a.id}' (owner)", customer, True)
        yield from role_refs(a.source, a.attendees, f"agenda '{a.id}' (attendees)", customer, False)
    for path in built["escalation_paths"].values():
        yield from role_refs(path.source, [lvl.role for lvl in path.levels], f"escalation path '{path.id}'",
                             path.audience == CUSTOMER, True)
        yield from _check_escalation_levels(path)
    for r in built["raid_categories"].values():
        yield from role_refs(r.source, [r.owner], f"RAID category '{r.id}'", r.audience == CUSTOMER, True)
    yield from _check_glossary(built["glossary"].values())


def _check_escalation_levels(path: EscalationPath) -> Iterable[Problem]:
    """A level without a time limit would hold a problem forever; only the last level decides."""
    for number, level in enumerate(path.levels, start=1):
        last = number == len(path.levels)
        if (level.limit is None) != (level.unit is None):
            yield level.source.problem(
                f"level {number} of escalation path '{path.id}' has a {'limit' if level.unit is None else 'unit'} "
                f"without a {'unit' if level.unit is None else 'limit'}",
                "write both, such as 'limit: 2' and 'unit: working days'")
        elif level.limit is None and not last:
            yield level.source.problem(
                f"level {number} of escalation path '{path.id}' has no time limit, so a problem could stay there forever",
                "add 'limit:' and 'unit:' saying how long this level has before the problem moves up")


def _check_glossary(terms: Iterable[GlossaryTerm]) -> Iterable[Problem]:
    """Each spelling marks one term on every page, so it may belong to one term only."""
    seen: dict[str, GlossaryTerm] = {}
    for term in terms:
        for spelling in term.spellings:
            if "[" in spelling or "]" in spelling:
                yield term.source.problem(f"the glossary spelling '{spelling}' contains a square bracket",
                                          "write the term without [ or ]; pages mark terms with *[term]")
            other = seen.setdefault(spelling, term)
            if other is not term:
                yield term.source.problem(
                    f"the spelling '{spelling}' of glossary term '{term.id}' is already used by the term '{other.id}'",
                    "keep the spelling on one term; a page can show only one meaning for it")
