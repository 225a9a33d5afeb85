"""The shape of every file in data/, and where each kind lives.

A process and a checklist are each a file of their own (their records are in facts.py); every
other kind is one file holding its audience and one list. tools/export_schemas.py writes
schemas/<schema>.schema.json and the field reference in data/README.md from DATA_FILES; the
loader reads data/ with the same models.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import ConfigDict, Field

from playbook.model.facts import (
    Agenda,
    Change,
    ChangeImpact,
    Checklist,
    Communication,
    Complaint,
    EscalationPath,
    GlossaryTerm,
    Process,
    RaidCategory,
    Review,
    Role,
    SearchFrame,
    SearchSynonym,
    Standard,
)
from playbook.model.types import Audience, Located, PagePath, Record, WrittenAt, file_audience, list_of


class RolesFile(Record):
    model_config = ConfigDict(title="Roles (data/roles.yml)")

    audience: Audience = file_audience()
    role_pages: Review = Field(description="owner and review dates of the generated role pages")
    roles: list_of(Role) = Field(description="every role, firm roles first, in the order matrices show them")


class CommunicationsFile(Record):
    model_config = ConfigDict(title="Communication plan (data/communications.yml)")

    audience: Audience = file_audience()
    communications: list_of(Communication) = Field(
        description="every planned communication, in the order a project meets them")


class ChangeImpactsFile(Record):
    model_config = ConfigDict(title="Change-impact register (data/change-impacts.yml)")

    audience: Audience = file_audience()
    impacts: list_of(ChangeImpact) = Field(description="every change impact; the build ranks them by score")


class ComplaintsFile(Record):
    model_config = ConfigDict(title="Customer complaints (data/complaints.yml)")

    audience: Audience = file_audience()
    complaints: list_of(Complaint) = Field(description="common complaints during implementations, most frequent first")


class AgendasFile(Record):
    model_config = ConfigDict(title="Meeting agendas (data/agendas.yml)")

    audience: Audience = file_audience()
    agendas: list_of(Agenda) = Field(description="every standard meeting agenda")


class EscalationFile(Record):
    model_config = ConfigDict(title="Escalation paths (data/escalation.yml)")

    audience: Audience = file_audience()
    paths: list_of(EscalationPath) = Field(description="every escalation path")


class RaidLogFile(Record):
    model_config = ConfigDict(title="RAID log (data/raid-log.yml)")

    audience: Audience = file_audience()
    categories: list_of(RaidCategory) = Field(description="the categories of the log, in the order R, A, I, D")


class GlossaryFile(Record):
    model_config = ConfigDict(title="Glossary (data/glossary.yml)")

    audience: Audience = file_audience()
    terms: list_of(GlossaryTerm) = Field(description="every term, in any order; pages sort them")


class StandardsFile(Record):
    model_config = ConfigDict(title="Standards (data/standards.yml)")

    audience: Audience = file_audience()
    standards: list_of(Standard) = Field(
        description="every number projects start from (reply times, thresholds), in any order")


class ChangelogFile(Record):
    model_config = ConfigDict(title="What changed (data/changelog.yml)")

    audience: Audience = file_audience()
    page: PagePath = Field(description="the page in docs/ that shows the changelog with changelog(); the feed links to it")
    changes: list_of(Change) = Field(
        description="every published change to how we work, in any order; pages sort them newest first")
    page_source: Annotated[Located, WrittenAt("page")] = Field(None, exclude=True, repr=False)


class SearchSynonymsFile(Record):
    model_config = ConfigDict(title="Search synonyms (data/search-synonyms.yml)")

    audience: Audience = file_audience()
    synonyms: list_of(SearchSynonym) = Field(
        description="groups of words readers search with for one thing; the glossary's abbreviations and "
                    "expansions count as groups too")


class SearchFramesFile(Record):
    model_config = ConfigDict(title="Search question frames (data/search-frames.yml)")

    audience: Audience = file_audience()
    frames: list_of(SearchFrame) = Field(
        description="the ways a question asks for a fact the data holds (who, how long, how often, what a role "
                    "does, what the customer brings)")


@dataclass(frozen=True)
class DataFile:
    """One kind of file in data/."""

    schema: str  # schemas/<schema>.schema.json
    pattern: str  # the files it covers, relative to data/
    model: type[Record]
    field: str  # the Playbook attribute its records go into
    items: str | None  # the key of the file's list; None when the file is the record (a process)
    noun: str  # one record, in messages
    optional: bool = True  # a missing file means "none yet"
    own_id_space: bool = False  # ids need only be unique in this file

    @property
    def folder(self) -> str | None:
        """The folder of a kind with one file per record (processes/), else None."""
        return self.pattern.split("/")[0] if "/" in self.pattern else None


DATA_FILES = (
    DataFile("roles", "roles.yml", RolesFile, "roles", "roles", "role", optional=False),
    DataFile("process", "processes/*.yml", Process, "processes", None, "process"),
    DataFile("checklist", "checklists/*.yml", Checklist, "checklists", None, "checklist"),
    DataFile("communications", "communications.yml", CommunicationsFile, "communications", "communications",
             "communication"),
    DataFile("change-impacts", "change-impacts.yml", ChangeImpactsFile, "change_impacts", "impacts", "change impact"),
    DataFile("complaints", "complaints.yml", ComplaintsFile, "complaints", "complaints", "complaint"),
    DataFile("agendas", "agendas.yml", AgendasFile, "agendas", "agendas", "agenda"),
    DataFile("escalation", "escalation.yml", EscalationFile, "escalation_paths", "paths", "escalation path"),
    DataFile("raid-log", "raid-log.yml", RaidLogFile, "raid_categories", "categories", "RAID category"),
    # Glossary ids only need to be unique in the glossary: a term such as 'hypercare' may share its
    # id with the process of the same name, and it never becomes an anchor outside the glossary
    # page. Change ids likewise only name entries of the changelog.
    DataFile("standards", "standards.yml", StandardsFile, "standards", "standards", "standard"),
    DataFile("glossary", "glossary.yml", GlossaryFile, "glossary", "terms", "glossary term", own_id_space=True),
    DataFile("changelog", "changelog.yml", ChangelogFile, "changelog", "changes", "change", own_id_space=True),
    # Synonym ids only name groups in this file; they never become a URL or an anchor.
    DataFile("search-synonyms", "search-synonyms.yml", SearchSynonymsFile, "search_synonyms", "synonyms",
             "search synonym", own_id_space=True),
    DataFile("search-frames", "search-frames.yml", SearchFramesFile, "search_frames", "frames",
             "search frame", own_id_space=True),
)
