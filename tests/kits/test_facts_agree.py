"""One fact, one place: every output of both example projects (kickoff deck, SOW appendix,
calendar, project page) and the built sites say the same about every fact two of them show.

Facts are read from each output's structure, never by matching whole sentences: table cells by
their column (the deck's and the appendix's tables, the page's tables by their data attributes,
the sites' plan and role pages by theirs), calendar events by their properties. From each cell,
a communication's day, time, frequency and length are parsed, and a phase's dates taken from
the dates the cell shows. Each (subject, fact) collects the value every output gives; the test
fails on any that disagree. The sites show the playbook's defaults, so a project's communication
is compared with them only where the project agreed nothing of its own."""
from __future__ import annotations

import datetime
import re
from collections import defaultdict
from pathlib import Path

import icalendar
import pytest
from docx import Document
from lxml import html as lxml_html
from pptx import Presentation

from playbook.kits.build import build_kits
from tests.kits.helpers import TODAY
from tests.sites import ROOT

pytestmark = pytest.mark.build

PROJECTS = ("harbourline-order-to-cash", "alpenwerk-warehouse")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
SHORT = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\b")


def when_facts(text: str) -> dict[str, object]:
    """Day, time and frequency from a 'when' cell: 'weekly, every Thursday by 16:00'."""
    found: dict[str, object] = {}
    lower = text.lower()
    days = [day for day in WEEKDAYS if day in lower]
    if days and "working day" not in lower:
        found["weekday"] = days[0]
    clock = re.search(r"\b(\d{2}:\d{2})\b", text)
    if clock:
        found["time"] = clock.group(1)
    if "weekly" in lower:
        found["every_weeks"] = 1
    every = re.search(r"every (two|three|four|five|six|seven|eight) weeks", lower)
    if every:
        found["every_weeks"] = NUMBERS[every.group(1)]
    return found


def how_facts(text: str) -> dict[str, object]:
    """The length from a 'how' cell: 'Video call, 45 minutes, ...' or '2 hours'."""
    minutes = re.search(r"\b(\d+) minutes\b", text)
    hours = re.search(r"\b(\d+) hours\b", text)
    if minutes:
        return {"minutes": int(minutes.group(1))}
    if hours:
        return {"minutes": int(hours.group(1)) * 60}
    return {}


def day_of(text: str) -> datetime.date:
    match = SHORT.search(text)
    return datetime.datetime.strptime(" ".join(match.groups()), "%d %b %Y").date()


class Facts:
    """(subject, fact) -> {output: value}."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], dict[str, object]] = defaultdict(dict)

    def say(self, output: str, subject: str, found: dict[str, object]) -> None:
        for fact, value in found.items():
            self.values[(subject, fact)][output] = value

    def disagreements(self) -> list[str]:
        return [f"{subject}: {fact}: {said}" for (subject, fact), said in sorted(self.values.items())
                if len(set(map(str, said.values()))) > 1]

    def shared(self) -> int:
        return sum(1 for said in self.values.values() if len(said) > 1)


def communication(line_title: str, when: str, how: str, run_by: str, for_: str) -> dict[str, object]:
    return {**when_facts(when), **how_facts(how), "run by": run_by.strip(),
            "attendees": tuple(sorted(name.strip() for name in for_.split(",") if name.strip() and name.strip() != "—"))}


def read_deck(path: Path, facts: Facts) -> None:
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
            header = rows[0]
            if header == ["What", "When", "How", "Run by", "For"]:
                for title, when, how, run_by, for_ in rows[1:]:
                    facts.say("deck", title, communication(title, when, how, run_by, for_))
            elif header[:3] == ["Phase", "From", "To"]:
                for row in rows[1:]:
                    facts.say("deck", row[0], {"from": day_of(row[1]), "to": day_of(row[2])})


def read_appendix(path: Path, facts: Facts) -> None:
    for table in Document(str(path)).tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        header = rows[0]
        if header == ["Communication", "When", "Run by", "For", "How"]:
            for title, when, run_by, for_, how in rows[1:]:
                facts.say("appendix", title, communication(title, when, how, run_by, for_))
        elif header[:3] == ["Phase", "From", "To"]:
            for row in rows[1:]:
                facts.say("appendix", row[0], {"from": day_of(row[1]), "to": day_of(row[2])})


def read_calendar(path: Path, facts: Facts, customer: str) -> None:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    for event in calendar.events:
        summary = str(event["summary"]).removeprefix(f"{customer}: ")
        if summary.endswith(" (phase)"):
            facts.say("calendar", summary.removesuffix(" (phase)"),
                      {"from": event.start, "to": event.end - datetime.timedelta(days=1)})
        elif "rrule" in event and str(event.get("uid")).endswith(("-meeting-raid-review@meridian.example",
                                                                   "-meeting-steering-committee@meridian.example")):
            rule = event["rrule"]
            names = [address.params["CN"] for address in (event.get("attendee") or [])]
            facts.say("calendar", summary, {
                "weekday": WEEKDAYS[event.start.weekday()], "time": event.start.strftime("%H:%M"),
                "minutes": int(event.duration.total_seconds() // 60), "every_weeks": rule["interval"][0],
                "run by": event["organizer"].params["CN"], "attendees": tuple(sorted(names))})


def cells(row, *labels: str) -> list[str]:
    return [" ".join(row.xpath(f"string(td[@data-label='{label}'])").split()) for label in labels]


def read_page(path: Path, facts: Facts) -> None:
    page = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    for row in page.xpath("//table[@data-pb-table='communications']/tbody/tr"):
        title = " ".join(row.xpath("string(th)").split())
        when, how, run_by, for_ = cells(row, "When", "How", "Run by", "For")
        facts.say("project page", title, communication(title, when, how, run_by, for_))
    for row in page.xpath("//table[@data-pb-table='phases']/tbody/tr"):
        title = " ".join(row.xpath("string(th)").split())
        start, end = (row.xpath(f"string(td[@data-label='{label}']/time[1]/@datetime)") for label in ("From", "To"))
        facts.say("project page", title, {"from": datetime.date.fromisoformat(start),
                                          "to": datetime.date.fromisoformat(end)})


def read_site(site: Path, name: str, facts: Facts, titles: dict[str, str]) -> None:
    """The playbook's defaults, as the plan and every role page show them."""
    plan = lxml_html.fromstring((site / "communication-plan" / "index.html").read_text(encoding="utf-8"))
    for row in plan.xpath("//tr[@data-pb-communication]"):
        title = titles[row.get("data-pb-communication")]
        lines = row.xpath("td[@data-label='When and how']/span[contains(@class, 'pb-comms__line')]")
        when = " ".join(lines[0].xpath("string(.)").split())
        facts.say(f"{name} plan", title, {**when_facts(when), **how_facts(" ".join(lines[1].xpath("string(.)").split()))})
    for role_page in sorted((site / "roles").glob("*/index.html")):
        page = lxml_html.fromstring(role_page.read_text(encoding="utf-8"))
        for item in page.xpath("//li[@data-pb-communication]"):
            when = " ".join(item.xpath("string(span[contains(@class, 'pb-role-comms__when')])").split())
            facts.say(f"{name} role page {role_page.parent.name}", titles[item.get("data-pb-communication")],
                      when_facts(when))


@pytest.fixture(scope="module")
def kits(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("agree")
    outcome = build_kits(ROOT, today=TODAY, work=work)
    assert outcome.ok, "\n".join(map(str, outcome.problems + outcome.messages))
    return work / "site" / "projects"


@pytest.mark.parametrize("project_id", PROJECTS)
def test_every_output_of_a_project_says_the_same(kits, real_sites, project_id):
    from tests.kits.helpers import real_sources
    sources = real_sources()
    titles = {c.id: c.title for c in sources.playbook.communications.values()}
    project = sources.playbook   # noqa: F841  (the sites show this playbook's defaults)
    folder = kits / project_id
    customer = {"harbourline-order-to-cash": "Harbourline Foods", "alpenwerk-warehouse": "Alpenwerk Logistik GmbH"}
    facts = Facts()
    read_deck(folder / f"{project_id}-kickoff-deck.pptx", facts)
    read_appendix(folder / f"{project_id}-sow-process-appendix.docx", facts)
    read_calendar(folder / f"{project_id}.ics", facts, customer[project_id])
    read_page(folder / "site" / "your-project" / "index.html", facts)
    assert facts.disagreements() == []
    assert facts.shared() >= 40, "the outputs must share facts for the test to mean anything"

    # Communications this project agreed nothing for: the same as the playbook's defaults on both sites.
    from playbook.kits.project import load_projects
    [loaded], _ = load_projects(ROOT / "projects", sources.playbook, sources.settings.projects, only=project_id)
    agreed = {titles[c] for c in loaded.file.communications}
    defaults = Facts()
    for name in ("internal", "customer"):
        read_site(real_sites.work / "site" / name, name, defaults, titles)
    assert defaults.disagreements() == []
    merged = Facts()
    for (subject, fact), said in list(facts.values.items()) + list(defaults.values.items()):
        if subject in agreed or fact not in ("weekday", "time", "every_weeks", "minutes"):
            continue
        for output, value in said.items():
            merged.values[(subject, fact)][output] = value
    assert merged.disagreements() == []
    assert merged.shared() >= 5


def test_the_test_sees_a_disagreement():
    """A deck saying 30 minutes where the calendar says 45 is caught."""
    facts = Facts()
    facts.say("deck", "RAID review", communication("RAID review", "Weekly, every Wednesday at 11:00",
                                                   "Video call, 30 minutes", "Dana", "Owen"))
    facts.say("calendar", "RAID review", {"weekday": "wednesday", "time": "11:00", "minutes": 45})
    assert facts.disagreements() == ["RAID review: minutes: {'deck': 30, 'calendar': 45}"]
