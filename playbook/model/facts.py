"""The playbook's facts, each kind declared once: what an author writes in data/, checked as it is
read, and the frozen object every later step (audience filtering, views, generated pages, feeds)
reads. Field descriptions are the field reference of data/README.md and the editors' hover text.

Rules that need more than one value at a time (exactly one Accountable, references between
files) are not declared here; playbook/load/rules.py checks them once every file is read.
"""
from __future__ import annotations

import calendar
import datetime
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from playbook.model.types import CUSTOMER as CUSTOMER  # re-exported: readers of the facts compare audiences
from playbook.model.types import INTERNAL as INTERNAL
from playbook.model.types import (
    Audience,
    Day,
    Id,
    Located,
    Means,
    NarrowedAudience,
    Owner,
    PagePath,
    Record,
    Text,
    TimeOfDay,
    WrittenAt,
    YesNo,
    file_audience,
    keyed,
    list_of,
    narrowed_audience,
    one_of,
    whole_number,
)
from playbook.problems import Location

LETTER_NAMES = MappingProxyType({"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"})
Letter = one_of(*LETTER_NAMES)
Side = one_of("firm", "customer")
Score = whole_number(1, 5)
EveryMonths = whole_number(1, 24)
TimeUnit = one_of("hours", "working days")
# A checklist item named from elsewhere: its checklist's id and its own, as the item's anchor reads.
ItemRef = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*/[a-z][a-z0-9]*(-[a-z0-9]+)*$"), Means(
    "a checklist item written checklist-id/item-id, such as uat-exit/uat-signed",
    "write the checklist's id, a slash and the item's id, such as uat-exit/uat-signed",
    short="checklist-id/item-id")]


class Role(Record):
    id: Id = Field(description="the role's id, such as implementation-project-manager")
    title: Text = Field(description="the role's name as people say it")
    side: Side = Field(description="firm or customer: whose payroll the role sits on")
    summary: Text = Field(description="one paragraph: what this role is for")
    time_commitment: Text = Field(
        "", description="how much of the person's time to plan for, as it reads after 'Plan for', such as "
                        "'about an hour a week, more around go-live'; written for customer roles")
    short_names: list_of(Text) = Field(
        (), description="shorter names pages use for the role, such as 'project manager'; a sentence naming the "
                        "role by one of them is checked against the matrices like one naming it by its title")
    audience: NarrowedAudience = narrowed_audience()


class Assignment(Record):
    """One cell of a RACI row: a role and its letter."""

    role: Id = Field(description="a role id from data/roles.yml")
    letter: Letter = Field(description="R, A, C or I")


class Activity(Record):
    id: Id = Field(description="the activity's id, unique in the playbook, such as kickoff-schedule")
    title: Text = Field(description="what is done, as a short imperative phrase")
    detail: Text = Field("", description="a short paragraph of how or why")
    audience: NarrowedAudience = narrowed_audience()
    raci: keyed(Assignment, ("role", Id), ("letter", Letter)) = Field(
        description="role id: letter (R, A, C or I), one line per role")
    sign_off: YesNo = Field(
        False, description="true when the activity is a sign-off, an approval or a decision: its Accountable signs "
                           "(where that is one of our roles, both sides sign and the customer's Responsible roles "
                           "sign for the customer); needs checked_in")
    checked_in: ItemRef | None = Field(
        None, description="the checklist item that checks the activity is done, as checklist-id/item-id: its due "
                          "point is the activity's; for a process outside the lifecycle, its checklist's phase is "
                          "when in the lifecycle the activity happens")
    said_as: list_of(Text) = Field(
        (), description="how pages say someone does it, each a phrase starting with its verb, such as 'book the "
                        "kickoff': a sentence naming a role with one of them must name a role the matrix gives R "
                        "(the one who signs, for a sign-off)")
    checked_in_source: Annotated[Located, WrittenAt("checked_in")] = Field(None, exclude=True, repr=False)

    def letter_for(self, role_id: str) -> str:
        return next((a.letter for a in self.raci if a.role == role_id), "")

    def holders(self, letter: str) -> tuple[str, ...]:
        """The role ids holding a letter, in the order the row names them."""
        return tuple(a.role for a in self.raci if a.letter == letter)


class Phase(Record):
    order: whole_number(1) = Field(description="position in the lifecycle; 1 is first")
    goal: Text = Field(description="one sentence: what the phase achieves")
    typical_duration: Text = Field(description="the usual range of its length, such as '2 to 4 weeks'")
    default_duration: Text = Field(
        "", description="the length a project plans with unless it agrees another, such as '4 weeks'; "
                        "leave it out when the range is enough")
    entry_criteria: list_of(Text) = Field(description="what must be true before the phase starts")
    exit_criteria: list_of(Text) = Field(description="what must be true before the phase ends")
    customer_contribution: Text = Field(
        description="what the customer's side brings to this phase, as a list of things that reads after "
                    "'What you bring:', such as 'the names of the executive sponsor and the project lead'")
    default_working_days: whole_number(1) | None = Field(
        None, description="the phase's default length in working days; project kits date the phases from it")


class Process(Record):
    """A process: one file, data/processes/<id>.yml."""

    model_config = ConfigDict(title="Process (data/processes/<id>.yml)")

    id: Id = Field(description="the process id; the file name is this id plus .yml")
    title: Text = Field(description="the process's name")
    audience: Audience = file_audience()
    page: PagePath = Field(description="the page in docs/ that shows this process, such as phases/kickoff.md")
    summary: Text = Field(description="one paragraph: what the process is for")
    phase: Phase | None = Field(None, description="present when the process is a phase of the lifecycle")
    activities: list_of(Activity) = Field(description="the activities in the order they happen")
    page_source: Annotated[Located, WrittenAt("page")] = Field(None, exclude=True, repr=False)


class ChecklistItem(Record):
    id: Id = Field(description="the item's id, unique in this checklist; people's ticks are stored under it")
    text: Text = Field(description="what must be done or true, as one sentence")
    owner: Id = Field(description="the role id of who makes sure it happens")
    due: Text = Field(description="when, relative to the process, such as 'Before kickoff'")
    audience: NarrowedAudience = narrowed_audience()
    due_at: one_of("phase-start", "phase-end") = Field(
        "phase-end", description="where in its process's phase a project kit dates the item: phase-start or phase-end")


class Checklist(Record):
    """A checklist: one file, data/checklists/<id>.yml."""

    model_config = ConfigDict(title="Checklist (data/checklists/<id>.yml)")

    id: Id = Field(description="the checklist id; the file name is this id plus .yml")
    title: Text = Field(description="the checklist's name")
    audience: Audience = file_audience()
    process: Id = Field(description="the id of the process this checklist belongs to")
    items: list_of(ChecklistItem) = Field(description="the items in the order people work through them")


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
Weekday = one_of(*WEEKDAYS)
CommunicationKind = one_of("meeting", "message")
# How a communication travels. A meeting is held one of its ways ("in person or video call"); a
# message goes every one of them ("by email, and posted in the shared Teams channel").
Medium = one_of("email", "teams-channel", "video-call", "in-person")
Minutes = whole_number(5, 480)


class Recurrence(Record):
    """A communication that recurs: how often, on which day, at what time."""

    every: one_of("week", "working-day") = Field(
        "week", description="week: on one weekday every week or every few weeks; working-day: every working day")
    every_weeks: whole_number(1, 8) = Field(
        1, description="with every: week, 1 for weekly, 2 for every other week, and so on")
    weekday: Weekday | None = Field(
        None, description="the day it happens, monday to friday; required with every: week, and with "
                          "then_weekly_last_weeks")
    time: TimeOfDay = Field(description="the local time a meeting starts or a message is sent by, in quotes, "
                                        "such as \"10:00\"")
    during: Id | None = Field(None, description="a phase id: it happens only in that phase; without it, from kickoff "
                                                "to the project's last day")
    then_weekly_last_weeks: whole_number(1, 8) | None = Field(
        None, description="with every: working-day, it happens only weekly (on weekday) in this many last weeks "
                          "of its phase")
    also: Text | None = Field(None, description="what else decides when, as it reads after the timing, such as "
                                                "'and at each phase gate'; no day, time or length here")
    also_source: Annotated[Located, WrittenAt("also")] = Field(None, exclude=True, repr=False)


class Occasion(Record):
    """A communication that happens once, or each time something happens."""

    relation: one_of("before", "within", "after", "at", "in") = Field(
        description="how it stands to the event: before, within, after, at or in")
    event: Text = Field(description="what it is timed from, as it reads after the relation, such as 'the planned "
                                    "cutover'; no day, time or length here")
    working_days: whole_number(1, 60) | None = Field(
        None, description="with before or within: how many working days")
    weeks: whole_number(1, 12) | None = Field(None, description="with before or within: how many weeks")
    usually: YesNo = Field(False, description="true when the timing is usual rather than fixed")
    event_source: Annotated[Located, WrittenAt("event")] = Field(None, exclude=True, repr=False)


class SentAhead(Record):
    """What is sent before a meeting, and how long before."""

    what: Text = Field(description="what is sent, as it reads before 'sent', such as 'the pack'")
    working_days: whole_number(1, 20) = Field(description="how many working days before the meeting")
    what_source: Annotated[Located, WrittenAt("what")] = Field(None, exclude=True, repr=False)


class Communication(Record):
    id: Id = Field(description="the communication's id, such as weekly-status-report")
    title: Text = Field(description="its name as people say it")
    purpose: Text = Field(description="one or two sentences: why it exists and what the reader gets from it")
    kind: CommunicationKind = Field(
        description="meeting (people attend it for a length of time) or message (it is written and sent, not "
                    "attended)")
    recipients: list_of(Id) = Field(description="role ids of who receives it (a message) or attends (a meeting)")
    channel: list_of(Medium) = Field(
        description="how it travels: email, teams-channel, video-call, in-person; a meeting is held one of these "
                    "ways, a message goes every one of them")
    minutes: Minutes | None = Field(None, description="a meeting's length in minutes; a message has none")
    recurs: Recurrence | None = Field(None, description="when it recurs; give this or once, not both")
    once: Occasion | None = Field(None, description="when it happens once or on an event; give this or recurs")
    sent_ahead: SentAhead | None = Field(None, description="a meeting's papers, and how long before it they are sent")
    note: Text | None = Field(None, description="what else a reader should know about how it travels, as it reads "
                                                "after the channel, such as 'with the RAID log on screen'; no day, "
                                                "time or length here")
    agreed_at_kickoff: YesNo = Field(
        False, description="true when the timing is our default, which each project agrees with the customer at kickoff")
    owner: Id = Field(description="role id of who sends or runs it")
    template: PagePath = Field(
        description="the page in docs/ with its template or format, such as templates/weekly-status-report.md")
    audience: NarrowedAudience = narrowed_audience()
    template_source: Annotated[Located, WrittenAt("template")] = Field(None, exclude=True, repr=False)
    note_source: Annotated[Located, WrittenAt("note")] = Field(None, exclude=True, repr=False)

    @property
    def is_meeting(self) -> bool:
        return self.kind == "meeting"

    def agreed(self, weekday: str | None = None, time: str | None = None, every_weeks: int | None = None,
               minutes: int | None = None) -> Communication:
        """This communication as one project agreed it: its own day, time, frequency or length in
        place of the default (the project file's checks make sure each applies to its kind)."""
        recurs = self.recurs
        if recurs is not None:
            changes = {key: value for key, value in (("weekday", weekday), ("time", time),
                                                     ("every_weeks", every_weeks)) if value is not None}
            recurs = recurs.model_copy(update=changes)
        return self.model_copy(update={"recurs": recurs, "minutes": minutes or self.minutes})


class ChangeImpact(Record):
    id: Id = Field(description="the impact's id, such as status-blind-spots")
    change: Text = Field(description="one sentence: what changes for people during an implementation")
    kind: one_of("known", "predicted") = Field(
        description="known (it happens on every implementation) or predicted (it is likely)")
    affects: list_of(Id) = Field(description="role ids of the people it affects")
    likelihood: Score = Field(description="1 (rare) to 5 (almost certain) on a project that does nothing about it")
    cost: Score = Field(description="1 (a nuisance) to 5 (loses the customer) if it happens unmanaged")
    response: Text = Field(description="what the playbook does about it")
    audience: NarrowedAudience = narrowed_audience()

    @property
    def score(self) -> int:
        """Computed, never typed: a score written by hand drifts from the two numbers it summarises."""
        return self.likelihood * self.cost


class Complaint(Record):
    id: Id = Field(description="the complaint's id, such as never-know-status")
    complaint: Text = Field(description="the complaint in the customer's words")
    solution: Text = Field(description="the solution the firm agreed, in one or two sentences")
    page: PagePath = Field(
        description="the page in docs/ that puts the solution into practice, such as communication-plan.md")
    audience: NarrowedAudience = narrowed_audience()
    page_source: Annotated[Located, WrittenAt("page")] = Field(None, exclude=True, repr=False)


class AgendaItem(Record):
    topic: Text = Field(description="what the group discusses, as a short phrase or question")
    minutes: whole_number(1) = Field(description="time boxed for it, in minutes")
    detail: Text = Field("", description="prompts or how to run the item")


class Agenda(Record):
    id: Id = Field(description="the agenda's id, such as change-impact-kickoff")
    title: Text = Field(description="the meeting's name")
    purpose: Text = Field(description="one or two sentences: why the meeting is held")
    owner: Id = Field(description="role id of who runs the meeting")
    attendees: list_of(Id) = Field(description="role ids of who attends, besides the owner")
    items: list_of(AgendaItem) = Field(description="the agenda items in order; the build adds up the minutes")
    outcome: Text = Field(description="what exists when the meeting ends")
    audience: NarrowedAudience = narrowed_audience()

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)


class EscalationLevel(Record):
    role: Id = Field(description="role id of who holds the problem at this level")
    action: Text = Field(description="what this role does with it")
    limit: whole_number(1) | None = Field(
        None, description="how long this level has before the problem moves up; required on every level but the last")
    unit: TimeUnit | None = Field(None, description="the unit of limit: hours or working days")


class EscalationPath(Record):
    id: Id = Field(description="the path's id, such as standard")
    title: Text = Field(description="the path's name")
    applies_to: Text = Field(description="one sentence: which problems follow this path")
    levels: list_of(EscalationLevel, min_items=2) = Field(description="the levels in order, first contact first")
    audience: NarrowedAudience = narrowed_audience()


class RaidCategory(Record):
    id: Id = Field(description="the category's id: risks, assumptions, issues or decisions")
    title: Text = Field(description="the category's name, such as Risk")
    definition: Text = Field(description="one sentence: what belongs in this category")
    example: Text = Field(description="a typical entry, written as it would appear in the log")
    owner: Id = Field(description="role id of who keeps entries of this category current")
    escalate_when: Text = Field(description="when an entry leaves the log and goes up the escalation path")
    audience: NarrowedAudience = narrowed_audience()


class GlossaryTerm(Record):
    id: Id = Field(description="the term's id, unique in the glossary, such as raci")
    term: Text = Field(description="the term exactly as it is written on pages, such as RACI")
    expansion: Text = Field("", description="what the letters stand for, for an abbreviation")
    definition: Text = Field(description="one or two sentences; also shown when a reader hovers over the term")
    aliases: list_of(Text) = Field((), description="other spellings pages use, such as Hypercare")
    page: PagePath = Field("", description="a page in docs/ that explains more")
    audience: NarrowedAudience = narrowed_audience()
    page_source: Annotated[Located, WrittenAt("page")] = Field(None, exclude=True, repr=False)

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


class SearchSynonym(Record):
    """Words readers search with that mean one thing (playbook/render/search_index.py puts them in
    each site's search index; the search worker applies them to pages and to questions)."""

    id: Id = Field(description="the group's id, unique in the file, such as go-live")
    words: list_of(Text) = Field(
        description="spellings, abbreviations and phrases of one thing, such as go-live, go live, golive: search "
                    "reads each of them as the same word, on pages and in questions")
    related: list_of(Text, min_items=0) = Field(
        (), description="words readers use for it that pages do not, such as launch: a question with one of them "
                        "also finds pages with the words, ranked below pages that use the reader's own word")
    audience: NarrowedAudience = narrowed_audience()


# The kinds of fact search answers a question with (playbook/search/facts.py makes them).
FactKind = one_of("who", "how-long", "how-often", "role-duties", "customer-brings")


class SearchFrame(Record):
    """The words of a question that ask for one kind of fact ("how long", "who approves"): search
    shows the fact itself first when the rest of the question names its subject."""

    id: Id = Field(description="the frame's id, unique in the file, such as how-long")
    asks: FactKind = Field(
        description="the kind of fact it asks for: who (who does, signs or is told about an activity), how-long "
                    "(a phase's duration), how-often (when and how often a communication happens, who runs it), "
                    "role-duties (what a role does) or customer-brings (what the customer provides for a phase)")
    words: list_of(Text) = Field(
        description="phrases that ask for it, such as 'how long' or 'how many weeks': any one in a question "
                    "(its words in this order, any ending) makes the question this frame's")
    also: list_of(Text, min_items=0) = Field(
        (), description="words such questions use that name no subject, such as 'take' or 'last' in 'how long "
                        "does testing take': they are left out when search looks for the subject")
    audience: NarrowedAudience = narrowed_audience()


class Standard(Record):
    """A number every project starts from, such as how soon both sides reply; pages show it with
    standard("id"), so it is written once."""

    id: Id = Field(description="the standard's id, such as reply-time")
    title: Text = Field(description="its name, such as Reply time")
    value: Text = Field(description="the value as it reads inside a sentence, such as 'one working day'")
    meaning: Text = Field(description="one sentence: what the value applies to and who keeps to it")
    audience: NarrowedAudience = narrowed_audience()


class Change(Record):
    id: Id = Field(description="the change's id, unique in the changelog, such as kickoff-checklist-added; the "
                               "page's anchor and the feed entry use it, so it never changes")
    date: Day = Field(description="the day the change was published, YYYY-MM-DD")
    summary: Text = Field(description="one sentence a reader understands: what changed in how we work")
    detail: Text = Field("", description="a short paragraph: why, and what readers do differently")
    pages: list_of(PagePath) = Field(description="the pages in docs/ the change touched, such as phases/kickoff.md")
    audience: NarrowedAudience = narrowed_audience()
    page_sources: Annotated[tuple[Located, ...], WrittenAt("pages", each=True)] = Field((), exclude=True, repr=False)


class Review(Record):
    """Who keeps a page true and when it was last checked against practice. Written pages say it
    in their front matter; pages generated from a data file say it in that file (data/roles.yml,
    under role_pages). playbook/load/review.py holds the rules."""

    owner: Owner = Field(description="who keeps the pages true: a role id from data/roles.yml or a team name")
    last_reviewed: Day = Field(description="the day someone last checked the pages against practice, YYYY-MM-DD")
    every_months: EveryMonths | None = Field(
        None, alias="review_every_months",
        description="how often they must be reviewed; without it, extra.review.every_months in mkdocs.yml")

    @property
    def due(self) -> datetime.date:
        """The day the next review is due; every_months must be known (see review.read_review)."""
        return add_months(self.last_reviewed, self.every_months)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when it is shorter (31 Aug + 6 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class PageReference:
    """A data item that names a page in docs/; the site checks the page exists."""

    page: str
    what: str
    source: Location | None


class Playbook(BaseModel):
    """Every fact of the playbook, keyed by id, in the order authors wrote them."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", serialize_by_alias=True)

    roles: dict[str, Role] = {}
    processes: dict[str, Process] = {}
    checklists: dict[str, Checklist] = {}
    communications: dict[str, Communication] = {}
    change_impacts: dict[str, ChangeImpact] = {}
    complaints: dict[str, Complaint] = {}
    agendas: dict[str, Agenda] = {}
    escalation_paths: dict[str, EscalationPath] = {}
    raid_categories: dict[str, RaidCategory] = {}
    glossary: dict[str, GlossaryTerm] = {}
    standards: dict[str, Standard] = {}
    changelog: dict[str, Change] = {}
    search_synonyms: dict[str, SearchSynonym] = {}
    search_frames: dict[str, SearchFrame] = {}
    changelog_page: str = ""  # the page that shows the changelog; "" when there is none
    changelog_page_source: Located = Field(None, exclude=True, repr=False)
    role_pages_review: Review | None = None  # None only in a Playbook made by hand in a test
    # (checklists table, its checklists by process id): asked once per process by every role card
    # and page footer, and scanning every checklist each time would grow with the square of the
    # playbook. Keyed by the table it was made from, because a filtered copy has its own table.
    _by_process: tuple[Mapping, Mapping[str, tuple[Checklist, ...]]] | None = PrivateAttr(None)

    def to_json(self) -> str:
        """The playbook as JSON, for a later step to read back with from_json (without locations).
        A value left at its default is left out: an empty `detail` is how a record says it has
        none, and is no text an author could write."""
        return self.model_dump_json(exclude_defaults=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> Playbook:
        """A playbook written by to_json. JSON has no dates or tuples, so it is read in lax mode;
        everything in it was checked when the data was first read."""
        return cls.model_validate_json(text, strict=False)

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
                 for c in self.changelog.values()
                 for page, source in zip(c.pages, c.page_sources or (None,) * len(c.pages), strict=True)]
        if self.changelog_page:
            refs.append(PageReference(self.changelog_page, "the changelog names its page", self.changelog_page_source))
        return refs

    def phases(self) -> list[Process]:
        """The lifecycle: processes that are phases, in their order."""
        return sorted((p for p in self.processes.values() if p.phase), key=lambda p: p.phase.order)

    @property
    def activities(self) -> dict[str, tuple[Process, Activity]]:
        """Every activity by id (ids are unique across the playbook), with its process; a property,
        so find("activities", id) looks one up like any other kind."""
        return {activity.id: (process, activity) for process in self.processes.values() for activity in process.activities}

    def checklist_item(self, reference: str) -> tuple[Checklist, ChecklistItem] | None:
        """The item a checklist-id/item-id reference names, or None when this playbook lacks it."""
        checklist_id, _, item_id = reference.partition("/")
        checklist = self.checklists.get(checklist_id)
        item = next((i for i in checklist.items if i.id == item_id), None) if checklist else None
        return (checklist, item) if item else None

    def checklists_for(self, process_id: str) -> list[Checklist]:
        if self._by_process is None or self._by_process[0] is not self.checklists:
            grouped: dict[str, list[Checklist]] = {}
            for checklist in self.checklists.values():
                grouped.setdefault(checklist.process, []).append(checklist)
            self._by_process = (self.checklists, {key: tuple(value) for key, value in grouped.items()})
        return list(self._by_process[1].get(process_id, ()))

    def find(self, kind: str, wanted: str) -> Any:
        """Look up an id for a page; the KeyError says what exists and what was probably meant."""
        table: Mapping[str, Any] = getattr(self, kind)
        if wanted in table:
            return table[wanted]
        raise UnknownId(kind, wanted, list(table))


_NOUNS = {"roles": "role", "processes": "process", "activities": "activity", "checklists": "checklist", "communications": "communication",
          "change_impacts": "change impact", "complaints": "complaint", "agendas": "agenda",
          "escalation_paths": "escalation path", "raid_categories": "RAID category", "glossary": "glossary term",
          "standards": "standard", "changelog": "change"}


class UnknownId(KeyError):
    def __init__(self, kind: str, wanted: str, known: list[str]) -> None:
        self.kind, self.wanted, self.known = kind, wanted, known
        super().__init__(wanted)

    def __str__(self) -> str:
        noun = _NOUNS.get(self.kind, self.kind)
        guess = difflib.get_close_matches(str(self.wanted), self.known, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return f"there is no {noun} with id '{self.wanted}' — {hint}known ids: {', '.join(self.known) or 'none'}"
