"""The shape of every data file, written once (see schema.py for why once).

data/README.md explains these fields for authors; when a field changes here, change it there too.
"""
from __future__ import annotations

from playbook.model.schema import Date, Field, Id, Integer, ListOf, MapOf, OneOf, Record, Text

AUDIENCES = ("customer", "internal")
SIDES = ("firm", "customer")
RACI_LETTERS = ("R", "A", "C", "I")
DUE_POINTS = ("phase-start", "phase-end")

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

# Who keeps a page true and when it was last checked. Written pages say it in their front matter
# (checked by playbook.page_review); pages generated from a data file say it in that file.
REVIEW_EVERY_MONTHS = Integer(minimum=1, maximum=24)
REVIEW = Record(title="Review of generated pages", fields=(
    Field("owner", Text(), doc="who keeps the pages true: a role id from data/roles.yml or a team name"),
    Field("last_reviewed", Date(), doc="the day someone last checked the pages against practice, YYYY-MM-DD"),
    Field("review_every_months", REVIEW_EVERY_MONTHS, required=False,
          doc="how often they must be reviewed; without it, extra.review.every_months in mkdocs.yml"),
))

ROLES_FILE = Record(title="Roles (data/roles.yml)", fields=(
    _AUDIENCE_FILE,
    Field("role_pages", REVIEW, doc="owner and review dates of the generated role pages"),
    Field("roles", ListOf(ROLE), doc="every role, firm roles first, in the order matrices show them"),
))

PHASE = Record(title="Lifecycle phase", fields=(
    Field("order", Integer(minimum=1), doc="position in the lifecycle; 1 is first"),
    Field("goal", Text(), doc="one sentence: what the phase achieves"),
    Field("typical_duration", Text(), doc="a default length the firm adjusts, such as '2 to 4 weeks'"),
    Field("entry_criteria", ListOf(Text()), doc="what must be true before the phase starts"),
    Field("exit_criteria", ListOf(Text()), doc="what must be true before the phase ends"),
    Field("customer_contribution", Text(), doc="what the customer brings to this phase"),
    Field("default_working_days", Integer(minimum=1), required=False,
          doc="the phase's default length in working days; project kits date the phases from it"),
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
    Field("due_at", OneOf(DUE_POINTS), required=False,
          doc="the latest day a project kit gives it: its phase's first day (phase-start) or last (phase-end, the default)"),
    _AUDIENCE_ITEM,
))

CHECKLIST_FILE = Record(title="Checklist (data/checklists/<id>.yml)", fields=(
    _id("the checklist id; the file name is this id plus .yml"),
    Field("title", Text(), doc="the checklist's name"),
    _AUDIENCE_FILE,
    Field("process", Id(), doc="the id of the process this checklist belongs to"),
    Field("items", ListOf(CHECKLIST_ITEM), doc="the items in the order people work through them"),
))


# -- Single-file kinds: each file holds one list under one key ------------------------------------
# These files are optional (a missing file means "none yet"), because a small site may not need
# them; a misnamed one is still reported by the loader as a file it does not read.

def _page(doc: str, required: bool = True) -> Field:
    return Field("page", Text(), required=required, doc=doc)


COMMUNICATION = Record(title="Communication", fields=(
    _id("the communication's id, such as weekly-status-report"),
    Field("title", Text(), doc="its name as people say it"),
    Field("purpose", Text(), doc="one or two sentences: why it exists and what the reader gets from it"),
    Field("recipients", ListOf(Id()), doc="role ids of who receives it or attends"),
    Field("channel", Text(), doc="how it travels, such as 'Email, and posted in the shared channel'"),
    Field("cadence", Text(), doc="when or how often, with the default the firm adjusts"),
    Field("owner", Id(), doc="role id of who sends or runs it"),
    Field("template", Text(), doc="the page in docs/ with its template or format, such as templates/weekly-status-report.md"),
    _AUDIENCE_ITEM,
))

COMMUNICATIONS_FILE = Record(title="Communication plan (data/communications.yml)", fields=(
    _AUDIENCE_FILE,
    Field("communications", ListOf(COMMUNICATION), doc="every planned communication, in the order a project meets them"),
))

IMPACT_KINDS = ("known", "predicted")
SCORE_SCALE = (1, 5)

CHANGE_IMPACT = Record(title="Change impact", fields=(
    _id("the impact's id, such as status-blind-spots"),
    Field("change", Text(), doc="one sentence: what changes for people during an implementation"),
    Field("kind", OneOf(IMPACT_KINDS), doc="known (it happens on every implementation) or predicted (it is likely)"),
    Field("affects", ListOf(Id()), doc="role ids of the people it affects"),
    Field("likelihood", Integer(minimum=SCORE_SCALE[0], maximum=SCORE_SCALE[1]),
          doc="1 (rare) to 5 (almost certain) on a project that does nothing about it"),
    Field("cost", Integer(minimum=SCORE_SCALE[0], maximum=SCORE_SCALE[1]),
          doc="1 (a nuisance) to 5 (loses the customer) if it happens unmanaged"),
    Field("response", Text(), doc="what the playbook does about it"),
    _AUDIENCE_ITEM,
))

CHANGE_IMPACTS_FILE = Record(title="Change-impact register (data/change-impacts.yml)", fields=(
    _AUDIENCE_FILE,
    Field("impacts", ListOf(CHANGE_IMPACT), doc="every change impact; the build ranks them by score"),
))

COMPLAINT = Record(title="Customer complaint", fields=(
    _id("the complaint's id, such as never-know-status"),
    Field("complaint", Text(), doc="the complaint in the customer's words"),
    Field("solution", Text(), doc="the solution the firm agreed, in one or two sentences"),
    _page("the page in docs/ that puts the solution into practice, such as communication-plan.md"),
    _AUDIENCE_ITEM,
))

COMPLAINTS_FILE = Record(title="Customer complaints (data/complaints.yml)", fields=(
    _AUDIENCE_FILE,
    Field("complaints", ListOf(COMPLAINT), doc="common complaints during implementations, most frequent first"),
))

AGENDA_ITEM = Record(title="Agenda item", fields=(
    Field("topic", Text(), doc="what the group discusses, as a short phrase or question"),
    Field("minutes", Integer(minimum=1), doc="time boxed for it, in minutes"),
    Field("detail", Text(), required=False, doc="prompts or how to run the item"),
))

AGENDA = Record(title="Agenda", fields=(
    _id("the agenda's id, such as change-impact-kickoff"),
    Field("title", Text(), doc="the meeting's name"),
    Field("purpose", Text(), doc="one or two sentences: why the meeting is held"),
    Field("owner", Id(), doc="role id of who runs the meeting"),
    Field("attendees", ListOf(Id()), doc="role ids of who attends, besides the owner"),
    Field("items", ListOf(AGENDA_ITEM), doc="the agenda items in order; the build adds up the minutes"),
    Field("outcome", Text(), doc="what exists when the meeting ends"),
    _AUDIENCE_ITEM,
))

AGENDAS_FILE = Record(title="Meeting agendas (data/agendas.yml)", fields=(
    _AUDIENCE_FILE,
    Field("agendas", ListOf(AGENDA), doc="every standard meeting agenda"),
))

TIME_UNITS = ("hours", "working days")

ESCALATION_LEVEL = Record(title="Escalation level", fields=(
    Field("role", Id(), doc="role id of who holds the problem at this level"),
    Field("action", Text(), doc="what this role does with it"),
    Field("limit", Integer(minimum=1), required=False,
          doc="how long this level has before the problem moves up; required on every level but the last"),
    Field("unit", OneOf(TIME_UNITS), required=False, doc="the unit of limit: hours or working days"),
))

ESCALATION_PATH = Record(title="Escalation path", fields=(
    _id("the path's id, such as standard"),
    Field("title", Text(), doc="the path's name"),
    Field("applies_to", Text(), doc="one sentence: which problems follow this path"),
    Field("levels", ListOf(ESCALATION_LEVEL, min_items=2), doc="the levels in order, first contact first"),
    _AUDIENCE_ITEM,
))

ESCALATION_FILE = Record(title="Escalation paths (data/escalation.yml)", fields=(
    _AUDIENCE_FILE,
    Field("paths", ListOf(ESCALATION_PATH), doc="every escalation path"),
))

RAID_CATEGORY = Record(title="RAID category", fields=(
    _id("the category's id: risks, assumptions, issues or decisions"),
    Field("title", Text(), doc="the category's name, such as Risk"),
    Field("definition", Text(), doc="one sentence: what belongs in this category"),
    Field("example", Text(), doc="a typical entry, written as it would appear in the log"),
    Field("owner", Id(), doc="role id of who keeps entries of this category current"),
    Field("escalate_when", Text(), doc="when an entry leaves the log and goes up the escalation path"),
    _AUDIENCE_ITEM,
))

RAID_FILE = Record(title="RAID log (data/raid-log.yml)", fields=(
    _AUDIENCE_FILE,
    Field("categories", ListOf(RAID_CATEGORY), doc="the categories of the log, in the order R, A, I, D"),
))

GLOSSARY_TERM = Record(title="Glossary term", fields=(
    _id("the term's id, unique in the glossary, such as raci"),
    Field("term", Text(), doc="the term exactly as it is written on pages, such as RACI"),
    Field("expansion", Text(), required=False, doc="what the letters stand for, for an abbreviation"),
    Field("definition", Text(), doc="one or two sentences; also shown when a reader hovers over the term"),
    Field("aliases", ListOf(Text()), required=False, doc="other spellings pages use, such as Hypercare"),
    _page("a page in docs/ that explains more", required=False),
    _AUDIENCE_ITEM,
))

GLOSSARY_FILE = Record(title="Glossary (data/glossary.yml)", fields=(
    _AUDIENCE_FILE,
    Field("terms", ListOf(GLOSSARY_TERM), doc="every term, in any order; pages sort them"),
))

CHANGE = Record(title="Change", fields=(
    _id("the change's id, unique in the changelog, such as kickoff-checklist-added; the page's anchor and the "
        "feed entry use it, so it never changes"),
    Field("date", Date(), doc="the day the change was published, YYYY-MM-DD"),
    Field("summary", Text(), doc="one sentence a reader understands: what changed in how we work"),
    Field("detail", Text(), required=False, doc="a short paragraph: why, and what readers do differently"),
    Field("pages", ListOf(Text()), doc="the pages in docs/ the change touched, such as phases/kickoff.md"),
    _AUDIENCE_ITEM,
))

CHANGELOG_FILE = Record(title="What changed (data/changelog.yml)", fields=(
    _AUDIENCE_FILE,
    _page("the page in docs/ that shows the changelog with changelog(); the feed links to it"),
    Field("changes", ListOf(CHANGE), doc="every published change to how we work, in any order; pages sort them newest first"),
))


# -- Every kind of data file ------------------------------------------------------------------
# (schema name, files it covers relative to data/, shape). tools/export_schemas.py writes
# schemas/<name>.schema.json from these for editors; the loader (model.py) checks with the same
# shapes, and a test proves both readings accept and refuse the same files.
FILE_KINDS = (
    ("roles", "roles.yml", ROLES_FILE),
    ("process", "processes/*.yml", PROCESS_FILE),
    ("checklist", "checklists/*.yml", CHECKLIST_FILE),
    ("communications", "communications.yml", COMMUNICATIONS_FILE),
    ("change-impacts", "change-impacts.yml", CHANGE_IMPACTS_FILE),
    ("complaints", "complaints.yml", COMPLAINTS_FILE),
    ("agendas", "agendas.yml", AGENDAS_FILE),
    ("escalation", "escalation.yml", ESCALATION_FILE),
    ("raid-log", "raid-log.yml", RAID_FILE),
    ("glossary", "glossary.yml", GLOSSARY_FILE),
    ("changelog", "changelog.yml", CHANGELOG_FILE),
)
