"""The project file: one implementation's customer, people, dates and choices (projects/<id>.yml).

Declared once, like every other kind of data: playbook/kits/project.py validates a file against
`ProjectFile` through the shared messages (playbook/load/messages.py), tools/export_schemas.py
writes schemas/project.schema.json and the field table in projects/README.md from it, and the
kits read the typed object. What needs the playbook (role ids, phases, communications) is checked
after the shape, when the file is loaded.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from playbook.model.facts import Minutes, Score, Weekday
from playbook.model.types import (
    Day,
    Email,
    HttpsAddress,
    Id,
    Means,
    Record,
    Text,
    TimeOfDay,
    by_id,
    list_of,
    one_of,
    whole_number,
)

# The fix an author needs here is where to find the link, not what an address looks like.
TeamsChannel = Annotated[HttpsAddress, Means(
    "an https:// link", "paste the channel's link from Teams (Get link to channel); it starts with https://",
    short="https:// address")]


# A name the calendar writes into a content line (a summary, an organiser's CN) and the deck into
# a title: a line break there would end the line, so one is refused where it is written.
OneLine = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^\n\r\v\f\x85\u2028\u2029]*\S[^\n\r\v\f\x85\u2028\u2029]*$"),
                    Means("text on one line", "write it on one line, without a line break (in a quoted value, "
                          "without \\n)", short="text on one line")]


class Person(Record):
    """Someone named for a role on this project."""

    name: OneLine = Field(description="the person's name as colleagues write it")
    email: Email = Field(description="the person's e-mail address, such as dana.whitfield@example.com")


class PhasePlan(Record):
    """This project's own dates for one phase, where they differ from the defaults."""

    start: Day | None = Field(None, description="the phase's first day, a working day, YYYY-MM-DD")
    working_days: whole_number(1, 400) | None = Field(
        None, description="the phase's length in working days, instead of the phase's default")


class PublicHolidays(Record):
    """Where the project's public holidays come from: the `holidays` package's country and region."""

    country: Text = Field(description="the country's ISO 3166 code, such as GB, DE or AU")
    region: Text | None = Field(None, description="the region's code where holidays differ by region, such as ENG "
                                                  "(England), BY (Bavaria) or NSW (New South Wales)")


class DayOff(Record):
    """A day both sides agreed nobody works on the project, besides the public holidays."""

    day: Day = Field(description="the day, YYYY-MM-DD")
    name: Text = Field(description="what it is, as the project page shows it, such as 'Office closed'")


class Agreed(Record):
    """What this project agreed for one communication, where it differs from the playbook's default
    (data/communications.yml): only what its kind has. A series has a day, a time and a frequency;
    a meeting has a length; a message, sent rather than attended, has none."""

    weekday: Weekday | None = Field(None, description="a series' day, monday to friday")
    time: TimeOfDay | None = Field(
        None, description="a series' local time (a meeting starts, a message is sent by), in quotes, such as \"10:00\"")
    every_weeks: whole_number(1, 8) | None = Field(
        None, description="a weekly series' frequency: 1 for weekly, 2 for every other week, and so on")
    minutes: Minutes | None = Field(None, description="a meeting's length in minutes")


class Done(Record):
    """A checklist item done: when, and who did it."""

    # Not `on:`, which YAML reads as true.
    day: Day = Field(description="the day it was done, YYYY-MM-DD")
    by: Id = Field(description="the role id of who did it (the person named for that role on this project)")


class Risk(Record):
    """An open risk or issue the customer should know, as the weekly status report lists it."""

    kind: one_of("risk", "issue") = Field(description="risk (it may happen) or issue (it has happened)")
    text: Text = Field(description="what it is, in one sentence the customer understands")
    owner: Id = Field(description="the role id of who owns the next action")
    action: Text = Field(description="the next action, as a short imperative phrase")
    due: Day = Field(description="when the next action is due, YYYY-MM-DD")
    rating: one_of("high", "medium", "low") = Field(
        "medium", description="high, medium or low: the status report lists the highest first")


class Need(Record):
    """Something the project needs from the customer, by a date."""

    what: Text = Field(description="what is needed: a decision, access, data, people's time")
    who: Id = Field(description="the role id, on the customer's side, of who provides it")
    by: Day = Field(description="the day it is needed by, YYYY-MM-DD")


class Status(Record):
    """Where the project stands this week, in the project manager's words."""

    overall: one_of("green", "amber", "red") = Field(
        description="green (on plan), amber (at risk, recoverable within the phase) or red (needs a decision from "
                    "the steering committee)")
    summary: Text = Field(description="one sentence: the single thing to know this week")
    phase: Id | None = Field(None, description="the phase the project is in, when it is not the one the plan has "
                                               "for today (the project page then says it is behind or ahead)")


class Rescore(Record):
    """A change impact scored again for this customer."""

    likelihood: Score = Field(description="1 (rare) to 5 (almost certain), for this customer")
    cost: Score = Field(description="1 (a nuisance) to 5 (loses the customer), for this customer")
    why: Text | None = Field(None, description="optional: what about this customer changes the score")


class ProjectFile(Record):
    """One implementation: projects/<id>.yml."""

    model_config = ConfigDict(title="Project (projects/<id>.yml)")

    id: Id = Field(description="the project's id; the file name is this id plus .yml")
    customer: OneLine = Field(description="the customer's name as they write it")
    title: OneLine = Field(description="what is being implemented, such as 'Order-to-cash platform'")
    goals: list_of(Text) = Field(description="what the customer wants from the project, one sentence each")
    teams_channel: TeamsChannel = Field(description="the link to the shared Microsoft Teams channel, starting https://")
    time_zone: Text = Field(description="the customer's time zone for meetings, such as Europe/London")
    public_holidays: PublicHolidays = Field(
        description="the country and region whose public holidays are not working days: no phase starts or ends "
                    "on one and no meeting is held on one")
    days_off: list_of(DayOff, min_items=0) = Field(
        (), description="other days nobody works on the project, such as an office closure between Christmas and "
                        "New Year")
    kickoff: Day = Field(description="the kickoff meeting: the first day of the kickoff phase, YYYY-MM-DD")
    go_live: Day = Field(description="the day the system goes live: the last day of the go-live phase")
    phases: by_id(PhasePlan) = Field(default_factory=dict,
                                     description="optional: a phase's own start or length, by phase id")
    people: by_id(Person, min_items=1) = Field(description="who holds each role on this project, by role id")
    communications: by_id(Agreed) = Field(
        default_factory=dict, description="what this project agreed for a communication (day, time, frequency, "
                                          "length), by communication id; the rest is the playbook's default")
    change_impacts: by_id(Rescore) = Field(default_factory=dict,
                                           description="change impacts scored again for this customer, by id")
    done: by_id(by_id(Done)) = Field(
        default_factory=dict, description="checklist items done, by checklist id then item id, each with the day "
                                          "(day:) and the role of who did it (by:)")
    status: Status | None = Field(None, description="where the project stands this week: the weekly status report "
                                                    "and the project page lead with it")
    risks: list_of(Risk, min_items=0) = Field((), description="the open risks and issues the customer should know")
    needed: list_of(Need, min_items=0) = Field(
        (), description="what the project needs from the customer next, besides the customer's checklist items")
