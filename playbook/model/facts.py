"""The playbook's facts: frozen records keyed by id, as model.py builds them from data/.

Everything downstream (views, audience filtering, generated pages, feeds) reads these types;
only model.py makes them, after every check has passed.
"""
from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from playbook.problems import Problem

CUSTOMER = "customer"
INTERNAL = "internal"
LETTER_NAMES = MappingProxyType({"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"})


@dataclass(frozen=True)
class Source:
    """Where a fact was written, so later checks can point back at it."""

    file: str
    line: int

    def problem(self, message: str, fix: str) -> Problem:
        return Problem(self.file, self.line, message, fix)


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    side: str
    summary: str
    audience: str
    source: Source


@dataclass(frozen=True)
class Assignment:
    role: str
    letter: str
    source: Source


@dataclass(frozen=True)
class Activity:
    id: str
    title: str
    detail: str
    audience: str
    raci: tuple[Assignment, ...]
    source: Source

    def letter_for(self, role_id: str) -> str:
        return next((a.letter for a in self.raci if a.role == role_id), "")


@dataclass(frozen=True)
class Phase:
    order: int
    goal: str
    typical_duration: str
    entry_criteria: tuple[str, ...]
    exit_criteria: tuple[str, ...]
    customer_contribution: str
    default_working_days: int | None = None  # project kits date phases from it; None: not given


@dataclass(frozen=True)
class Process:
    id: str
    title: str
    audience: str
    page: str
    summary: str
    phase: Phase | None
    activities: tuple[Activity, ...]
    source: Source
    page_source: Source


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    owner: str
    due: str
    audience: str
    source: Source
    due_at: str = "phase-end"  # where in its process's phase a project kit dates it: phase-start | phase-end


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    audience: str
    process: str
    items: tuple[ChecklistItem, ...]
    source: Source


@dataclass(frozen=True)
class Communication:
    id: str
    title: str
    purpose: str
    recipients: tuple[str, ...]
    channel: str
    cadence: str
    owner: str
    template: str
    audience: str
    source: Source
    template_source: Source


@dataclass(frozen=True)
class ChangeImpact:
    id: str
    change: str
    kind: str
    affects: tuple[str, ...]
    likelihood: int
    cost: int
    response: str
    audience: str
    source: Source

    @property
    def score(self) -> int:
        """Computed, never typed: a score written by hand drifts from the two numbers it summarises."""
        return self.likelihood * self.cost


@dataclass(frozen=True)
class Complaint:
    id: str
    complaint: str
    solution: str
    page: str
    audience: str
    source: Source
    page_source: Source


@dataclass(frozen=True)
class AgendaItem:
    topic: str
    minutes: int
    detail: str


@dataclass(frozen=True)
class Agenda:
    id: str
    title: str
    purpose: str
    owner: str
    attendees: tuple[str, ...]
    items: tuple[AgendaItem, ...]
    outcome: str
    audience: str
    source: Source

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)


@dataclass(frozen=True)
class EscalationLevel:
    role: str
    action: str
    limit: int | None
    unit: str | None
    source: Source


@dataclass(frozen=True)
class EscalationPath:
    id: str
    title: str
    applies_to: str
    levels: tuple[EscalationLevel, ...]
    audience: str
    source: Source


@dataclass(frozen=True)
class RaidCategory:
    id: str
    title: str
    definition: str
    example: str
    owner: str
    escalate_when: str
    audience: str
    source: Source


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    expansion: str
    definition: str
    aliases: tuple[str, ...]
    page: str
    audience: str
    source: Source
    page_source: Source

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Review:
    """Who keeps a page true and when it was last checked (see playbook.page_review)."""

    owner: str
    last_reviewed: datetime.date
    every_months: int | None  # None: the site's default
    source: Source


@dataclass(frozen=True)
class Change:
    id: str
    date: datetime.date
    summary: str
    detail: str
    pages: tuple[str, ...]
    audience: str
    source: Source
    page_sources: tuple[Source, ...]


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class PageReference:
    """A data item that names a page in docs/; the site checks the page exists."""

    page: str
    what: str
    source: Source


@dataclass(frozen=True)
class Playbook:
    """Every fact of the playbook, keyed by id, in the order authors wrote them."""

    roles: Mapping[str, Role]
    processes: Mapping[str, Process]
    checklists: Mapping[str, Checklist]
    communications: Mapping[str, Communication] = field(default_factory=_empty)
    change_impacts: Mapping[str, ChangeImpact] = field(default_factory=_empty)
    complaints: Mapping[str, Complaint] = field(default_factory=_empty)
    agendas: Mapping[str, Agenda] = field(default_factory=_empty)
    escalation_paths: Mapping[str, EscalationPath] = field(default_factory=_empty)
    raid_categories: Mapping[str, RaidCategory] = field(default_factory=_empty)
    glossary: Mapping[str, GlossaryTerm] = field(default_factory=_empty)
    changelog: Mapping[str, Change] = field(default_factory=_empty)
    changelog_page: str = ""  # the page that shows the changelog; "" when there is none
    changelog_page_source: Source | None = None
    role_pages_review: Review | None = None  # None only in a Playbook made by hand in a test

    def page_references(self) -> list[PageReference]:
        """Every page a data item names; the site checks each exists."""
        refs = [PageReference(p.page, f"the process '{p.id}' names the page", p.page_source)
                for p in self.processes.values()]
        refs += [PageReference(c.template, f"the communication '{c.id}' names the template page", c.template_source)
                for c in self.communications.values()]
        refs += [PageReference(c.page, f"the complaint '{c.id}' names the page", c.page_source)
                 for c in self.complaints.values()]
        refs += [PageReference(t.page, f"the glossary term '{t.id}' names the page", t.page_source)
                 for t in self.glossary.values() if t.page]
        refs += [PageReference(page, f"the change '{c.id}' names the page", source)
                 for c in self.changelog.values() for page, source in zip(c.pages, c.page_sources, strict=True)]
        if self.changelog_page and self.changelog_page_source:
            refs.append(PageReference(self.changelog_page, "the changelog names its page", self.changelog_page_source))
        return refs

    def phases(self) -> list[Process]:
        """The lifecycle: processes that are phases, in their order."""
        return sorted((p for p in self.processes.values() if p.phase), key=lambda p: p.phase.order)

    def checklists_for(self, process_id: str) -> list[Checklist]:
        return list(self._checklists_by_process.get(process_id, ()))

    @functools.cached_property
    def _checklists_by_process(self) -> Mapping[str, tuple[Checklist, ...]]:
        """Asked once per process by every role card and page footer; scanning every checklist
        each time would grow with the square of the playbook."""
        grouped: dict[str, list[Checklist]] = {}
        for checklist in self.checklists.values():
            grouped.setdefault(checklist.process, []).append(checklist)
        return MappingProxyType({key: tuple(value) for key, value in grouped.items()})

    def to_json(self) -> str:
        """The playbook as JSON, for a staged site's macros (interim: the data layer's models
        replace this with their own serialisation)."""
        return json.dumps(_encode(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Playbook:
        return _decode(json.loads(text))

    def find(self, kind: str, wanted: str) -> Any:
        """Look up an id for a page; the KeyError says what exists and what was probably meant."""
        table: Mapping[str, Any] = getattr(self, kind)
        if wanted in table:
            return table[wanted]
        raise UnknownId(kind, wanted, list(table))


_NOUNS = {"roles": "role", "processes": "process", "checklists": "checklist", "communications": "communication",
          "change_impacts": "change impact", "complaints": "complaint", "agendas": "agenda",
          "escalation_paths": "escalation path", "raid_categories": "RAID category", "glossary": "glossary term",
          "changelog": "change"}


class UnknownId(KeyError):
    def __init__(self, kind: str, wanted: str, known: list[str]) -> None:
        self.kind, self.wanted, self.known = kind, wanted, known
        super().__init__(wanted)

    def __str__(self) -> str:
        noun = _NOUNS.get(self.kind, self.kind)
        guess = difflib.get_close_matches(str(self.wanted), self.known, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return f"there is no {noun} with id '{self.wanted}' — {hint}known ids: {', '.join(self.known) or 'none'}"


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {"__type": type(value).__name__, **{f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Mapping):
        return {"__map": [[key, _encode(item)] for key, item in value.items()]}
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    if isinstance(value, datetime.date):
        return {"__date": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "__type" in value:
            return globals()[value["__type"]](**{k: _decode(v) for k, v in value.items() if k != "__type"})
        if "__map" in value:
            return MappingProxyType({key: _decode(item) for key, item in value["__map"]})
        return datetime.date.fromisoformat(value["__date"])
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    return value
