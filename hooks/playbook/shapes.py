"""The shape of every data file, written once (see schema.py for why once).

data/README.md explains these fields for authors; when a field changes here, change it there too.
"""
from __future__ import annotations

from .schema import Field, Id, Integer, ListOf, MapOf, OneOf, Record, Text

AUDIENCES = ("customer", "internal")
SIDES = ("firm", "customer")
RACI_LETTERS = ("R", "A", "C", "I")

_AUDIENCE_FILE = Field("audience", OneOf(AUDIENCES),
                       doc="who may read this file: customer (both sites) or internal (employees only)")
_AUDIENCE_ITEM = Field("audience", OneOf(("internal",)), required=False,
                       doc="write 'internal' to hide this item from customers")


def _id(doc: str) -> Field:
    return Field("id", Id(), doc=doc)


ROLE = Record(title="Role", fields=(
    _id("the role's id, such as implementation-project-manager"),
    Field("title", Text(), doc="the role's name as people say it"),
    Field("side", OneOf(SIDES), doc="firm or customer: whose payroll the role sits on"),
    Field("summary", Text(), doc="one paragraph: what this role is for"),
    _AUDIENCE_ITEM,
))

ROLES_FILE = Record(title="Roles (data/roles.yml)", fields=(
    _AUDIENCE_FILE,
    Field("roles", ListOf(ROLE), doc="every role, firm roles first, in the order matrices show them"),
))

PHASE = Record(title="Lifecycle phase", fields=(
    Field("order", Integer(minimum=1), doc="position in the lifecycle; 1 is first"),
    Field("goal", Text(), doc="one sentence: what the phase achieves"),
    Field("typical_duration", Text(), doc="a default length the firm adjusts, such as '2 to 4 weeks'"),
    Field("entry_criteria", ListOf(Text()), doc="what must be true before the phase starts"),
    Field("exit_criteria", ListOf(Text()), doc="what must be true before the phase ends"),
    Field("customer_contribution", Text(), doc="what the customer brings to this phase"),
))

ACTIVITY = Record(title="Activity", fields=(
    _id("the activity's id, unique in the playbook, such as kickoff-schedule"),
    Field("title", Text(), doc="what is done, as a short imperative phrase"),
    Field("detail", Text(), required=False, doc="a short paragraph of how or why"),
    _AUDIENCE_ITEM,
    Field("raci", MapOf(key=Id(), value=OneOf(RACI_LETTERS)),
          doc="role id: letter (R, A, C or I), one line per role"),
))

PROCESS_FILE = Record(title="Process (data/processes/<id>.yml)", fields=(
    _id("the process id; the file name is this id plus .yml"),
    Field("title", Text(), doc="the process's name"),
    _AUDIENCE_FILE,
    Field("page", Text(), doc="the page in docs/ that shows this process, such as phases/kickoff.md"),
    Field("summary", Text(), doc="one paragraph: what the process is for"),
    Field("phase", PHASE, required=False, doc="present when the process is a phase of the lifecycle"),
    Field("activities", ListOf(ACTIVITY), doc="the activities in the order they happen"),
))

CHECKLIST_ITEM = Record(title="Checklist item", fields=(
    _id("the item's id, unique in this checklist; people's ticks are stored under it"),
    Field("text", Text(), doc="what must be done or true, as one sentence"),
    Field("owner", Id(), doc="the role id of who makes sure it happens"),
    Field("due", Text(), doc="when, relative to the process, such as 'Before kickoff'"),
    _AUDIENCE_ITEM,
))

CHECKLIST_FILE = Record(title="Checklist (data/checklists/<id>.yml)", fields=(
    _id("the checklist id; the file name is this id plus .yml"),
    Field("title", Text(), doc="the checklist's name"),
    _AUDIENCE_FILE,
    Field("process", Id(), doc="the id of the process this checklist belongs to"),
    Field("items", ListOf(CHECKLIST_ITEM), doc="the items in the order people work through them"),
))
