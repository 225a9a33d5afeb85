"""`make status PROJECT=<id>`: the week's status report, as the playbook's own template has it
(docs/templates/weekly-status-report.md): overall status and the one thing to know, done this
week, next week, what we need from you by when, the milestones, the top risks and issues, and
the next steering committee.

Made from the same KitFacts as the kit (so it says what the deck, the appendix and the project
page say) and the project file's progress (done items with their day and who, the status, the
risks and needs). Two files: e-mail-ready HTML (every style inline, no script, no image, no
address it loads: it is pasted into a message or attached as it is) drawn by
overrides/playbook/status-report.html, and a .docx for those who file reports. They are
published under site/status/<id>/ with the sites' generations, so a report in progress is never
half-written there.
"""
from __future__ import annotations

import datetime
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from playbook.kits.appendix import Writer
from playbook.kits.calendar import meeting_series
from playbook.kits.facts import DatedItem, KitFacts, NeedLine, RiskLine, kit_facts, long_date, short_date
from playbook.kits.project import load_projects
from playbook.kits.project_site import project_templates
from playbook.kits.schedule import Milestone
from playbook.kits.settings import read_kit_settings, settings_problems
from playbook.load.sources import load_sources
from playbook.problems import PlaybookError, Problem
from playbook.publish import generations
from playbook.publish.scratch import scratch

FOLDER = "status"
TOP_RISKS = 3
STEERING = "steering-committee"
OVERALL = {"green": "Green", "amber": "Amber", "red": "Red", "": "Not reported"}
ONE_WEEK = datetime.timedelta(weeks=1)


@dataclass(frozen=True)
class StatusReport:
    facts: KitFacts
    week_start: datetime.date        # the Monday of the report's week
    week_ending: datetime.date       # its Friday
    done: tuple[DatedItem, ...]      # done this week, by the day
    next: tuple[DatedItem, ...]      # open items due by the end of next week (overdue ones first)
    needed: tuple[NeedLine, ...]     # what we need from the customer by the end of the week after next
    milestones: tuple[Milestone, ...]
    risks: tuple[RiskLine, ...]
    next_steering: datetime.date | None

    @property
    def subject(self) -> str:
        return f"{self.facts.title} status report, week ending {long_date(self.week_ending)}"

    @property
    def overall(self) -> str:
        return OVERALL[self.facts.overall]


def status_report(facts: KitFacts) -> StatusReport:
    """The report of the week holding the day the facts were cut for."""
    today = facts.cut_on
    monday = today - datetime.timedelta(days=today.weekday())
    friday = monday + datetime.timedelta(days=4)
    items = facts.items()
    done = tuple(sorted((i for i in items if i.done and monday <= i.done_on <= friday + datetime.timedelta(days=2)),
                        key=lambda i: i.done_on))
    upcoming = tuple(sorted((i for i in items if not i.done and i.due is not None and i.due <= friday + ONE_WEEK),
                            key=lambda i: i.due))
    needed = tuple(n for n in facts.needed if n.by <= friday + 2 * ONE_WEEK)
    milestones = tuple(m for m in facts.milestones if m.day > today)[:3]
    return StatusReport(facts, monday, friday, done, upcoming, needed, milestones, facts.risks[:TOP_RISKS],
                        _next_meeting(facts, STEERING, today))


def _next_meeting(facts: KitFacts, communication_id: str, today: datetime.date) -> datetime.date | None:
    line = next((c for c in facts.communications if c.communication.id == communication_id), None)
    if line is None or line.communication.recurs is None:
        return None
    off = dict(facts.days_off)
    days = sorted(day for series in meeting_series(facts, line) for day in series.days() if day not in off)
    return next((day for day in days if day > today), None)


def report_html(report: StatusReport, templates: Environment) -> str:
    return templates.get_template("playbook/status-report.html").render(
        report=report, facts=report.facts, long_date=long_date, short_date=short_date, phase_text=phase_text(report.facts))


def report_docx(report: StatusReport) -> bytes:
    facts = report.facts
    writer = Writer(facts, report.subject, f"{facts.brand.firm_name} · {facts.customer}: {facts.title} · "
                    f"status report, week ending {long_date(report.week_ending)}")
    writer.document.add_heading(report.subject, level=0)
    writer.paragraph(f" {facts.summary}" if facts.summary else "", bold_lead=f"Overall status: {report.overall}.")
    phase = facts.current_phase
    if phase is not None:
        writer.paragraph(_phase_text(facts), bold_lead="Phase: ")
    writer.heading("Done this week", 1)
    writer.items([f"{i.item.text} ({i.done_by.name if i.done_by else i.owner.name}, {short_date(i.done_on)})"
                  for i in report.done] or ["Nothing recorded as done this week."])
    writer.heading("Next", 1)
    writer.items([f"{i.item.text} ({i.owner.name}, by {short_date(i.due)}"
                  + (", overdue)" if i.overdue(facts.cut_on) else ")") for i in report.next]
                 or ["Nothing falls due before the end of next week."])
    writer.heading("Needed from you", 1)
    if report.needed:
        writer.table(("What", "Who", "By when"), [(n.what, n.who.name, short_date(n.by)) for n in report.needed],
                     (8.0, 3.0, 2.4))
    else:
        writer.paragraph("Nothing is waiting on your team.")
    writer.heading("Milestones", 1)
    writer.table(("Milestone", "Planned"), [(m.title, short_date(m.day)) for m in report.milestones], (9.0, 3.0))
    writer.heading("Top risks and issues", 1)
    writer.items([f"{r.kind.capitalize()} ({r.rating}): {r.text} {r.owner.name}: {r.action}, by {short_date(r.due)}."
                  for r in report.risks] or ["No open risk or issue."])
    if report.next_steering:
        writer.paragraph(long_date(report.next_steering), bold_lead="Next steering committee: ")
    return writer.save()


def _phase_text(facts: KitFacts) -> str:
    phase, planned = facts.current_phase, facts.planned_phase
    text = f"{phase.process.title}, planned {short_date(phase.dates.start)} to {short_date(phase.dates.end)}"
    if planned is not None and planned.process.id != phase.process.id:
        text += f"; the plan has {planned.process.title.lower()} from {short_date(planned.dates.start)}"
    return text


def phase_text(facts: KitFacts) -> str:
    return _phase_text(facts) if facts.current_phase is not None else ""


def write_status(root: Path, project_id: str, *, today: datetime.date | None = None, work: Path | None = None) -> int:
    """Write one project's status report of this week into site/status/<id>/; 0 when published."""
    root = Path(root).resolve()
    output = Path(work).resolve() if work else root
    try:
        sources = load_sources(root, today=today)
    except PlaybookError as error:
        print(PlaybookError(error.problems, what="The status report"))
        return 1
    settings, folder, problems = read_kit_settings(root, sources.settings)
    problems += settings_problems(settings, sources.playbook)
    projects, found = load_projects(folder, sources.playbook, settings, only=project_id) if not problems else ([], [])
    problems += found
    if problems or not projects:
        print(PlaybookError(problems or [Problem(str(folder), None, f"there is no project '{project_id}'",
                                                 "name a project file of the projects folder")],
                            what="The status report"))
        return 1
    project = projects[0]
    facts = kit_facts(sources.playbook, project, sources.settings.brand, sources.settings.customer_site.url, settings,
                      sources.today, page_url=settings.page_url(project.id))
    report = status_report(facts)
    templates = project_templates(root)
    name = f"{project.id}-status-{report.week_ending.isoformat()}"
    current = generations.current(output)
    with scratch(output, "status") as scratch_dir:
        made = scratch_dir / FOLDER
        if current is not None and (current / FOLDER).is_dir():
            shutil.copytree(current / FOLDER, made, copy_function=os.link)
        target = made / project.id
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob(f"{name}.*"):
            old.unlink()   # a hard link to the published file: replaced, never written through
        (target / f"{name}.html").write_text(report_html(report, templates), encoding="utf-8")
        (target / f"{name}.docx").write_bytes(report_docx(report))
        generations.publish(output, {FOLDER: made})
    print(f"site/{FOLDER}/{project.id}/{name}.html and .docx: {report.subject}")
    return 0

