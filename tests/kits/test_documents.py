"""The kit's documents, read back as their readers' programs read them: python-pptx, python-docx and
icalendar, then LibreOffice (Debian's, installed by `make test`) turning the deck and the appendix
into PDF, whose text must hold the names, the dates and the RACI."""
from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest
from docx import Document
from pptx import Presentation

from playbook.kits.appendix import build_appendix
from playbook.kits.calendar import build_calendar
from playbook.kits.deck import build_deck
from playbook.kits.facts import kit_facts
from playbook.kits.project import load_projects
from tests.kits.helpers import TODAY, example_facts, internal_only, real_sources
from tests.sites import ROOT


@pytest.fixture(scope="module")
def sources():
    return real_sources()


@pytest.fixture(scope="module")
def facts(sources):
    return example_facts(sources)


@pytest.fixture(scope="module")
def documents(facts, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("kit-documents")
    made = {"deck.pptx": build_deck(facts), "appendix.docx": build_appendix(facts), "project.ics": build_calendar(facts)}
    for name, content in made.items():
        (folder / name).write_bytes(content)
    return {name: folder / name for name in made}


def slide_texts(path: Path) -> list[str]:
    texts = []
    for slide in Presentation(str(path)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        texts.append("\n".join(parts))
    return texts


def test_the_deck_reads_back_with_every_part_the_issue_names(documents, facts):
    slides = slide_texts(documents["deck.pptx"])
    titles = [text.splitlines()[0] for text in slides[1:]]
    for title in ("What this project is for", "The plan: phases and dates", "Who is who", "Who does what: Project kickoff",
                  "How we keep you informed", "Change control: change requests", "When something is stuck: standard escalation",
                  "What could get in the way", "Where to find everything"):
        assert title in titles, title
    kickoff = slides[titles.index("Who does what: Project kickoff") + 1]
    # the RACI with names: the kickoff meeting is run by the PM (A), the architect and sponsor (R)
    assert re.search(r"Run the kickoff meeting\nDana Whitfield\nIngrid Solberg, Helen Marsh\n", kickoff)
    plan = slides[titles.index("The plan: phases and dates") + 1]
    assert "Build and configuration\nMon 23 Nov 2026\nThu 4 Feb 2027" in plan
    impacts = slides[titles.index("What could get in the way") + 1]
    assert "20 (5 × 4) *" in impacts  # re-scored for this customer, and marked so
    assert "Harbourline Foods" in slides[0] and "5 October 2026" in slides[0]
    assert "https://implementations.meridian.example/" in slides[-1]
    # the project's own page, at its real address, where the deck used to say "pinned in the Teams channel"
    assert f"https://projects.meridian.example/{facts.project_id}/your-project/" in slides[-1]
    assert "pinned in the Teams channel" not in "\n".join(slides)


def test_the_appendix_reads_back_and_names_the_playbook_version(documents, facts):
    document = Document(str(documents["appendix.docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"version {facts.playbook_version}" in text and "on 30 November 2026" in text
    assert "3.4 Build and configuration: Mon 23 Nov 2026 to Thu 4 Feb 2027" in text
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Customer IT lead", "Lukas Brandt", "lukas.brandt@harbourline.example", "Harbourline Foods"] in rows
    assert ["Run the kickoff meeting", "Dana Whitfield", "Ingrid Solberg, Helen Marsh", "Owen Pryce, Aisha Rahman, Lukas Brandt",
            "Ravi Menon, Martin Hale"] in rows
    assert any(row[1:3] == ["Owen Pryce", "Mon 5 Oct 2026"] and row[3] == "One week before kickoff" for row in rows)
    assert document.sections[0].footer.paragraphs[0].text.endswith("cut on 30 November 2026")
    assert f"https://projects.meridian.example/{facts.project_id}/your-project/" in text


def test_no_appendix_table_row_splits_across_pages_and_headers_repeat(documents):
    word = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(documents["appendix.docx"]) as package:
        body = ElementTree.fromstring(package.read("word/document.xml"))
    tables = list(body.iter(f"{word}tbl"))
    assert len(tables) > 5
    for table in tables:
        rows = table.findall(f"{word}tr")
        assert all(row.find(f"{word}trPr/{word}cantSplit") is not None for row in rows)
        assert [row.find(f"{word}trPr/{word}tblHeader") is not None for row in rows] == [True] + [False] * (len(rows) - 1)


def test_the_calendar_holds_milestones_and_the_agreed_meetings(documents):
    calendar = icalendar.Calendar.from_ical(documents["project.ics"].read_bytes())
    events = {str(e["summary"]): e for e in calendar.events}
    assert events["Harbourline Foods: Go-live"].start.isoformat() == "2027-03-25"  # not Good Friday
    assert events["Harbourline Foods: Kickoff meeting"].start.isoformat() == "2026-10-05"
    build = events["Harbourline Foods: Build and configuration (phase)"]
    assert (build.start.isoformat(), build.end.isoformat()) == ("2026-11-23", "2027-02-05")  # DTEND is exclusive
    # The status report is an e-mail, sent rather than attended: no event, no attendees.
    assert "Harbourline Foods: Weekly status report" not in events
    raid = events["Harbourline Foods: RAID review"]
    assert raid.start.isoformat() == "2026-10-07T11:00:00+01:00"  # the first Wednesday, London summer time
    assert raid["rrule"]["freq"] == ["WEEKLY"] and raid["rrule"]["byday"] == ["WE"]
    assert raid.duration.total_seconds() == 45 * 60 and "Video call, 45 minutes" in str(raid["description"])
    steering = events["Harbourline Foods: Steering committee"]
    assert steering["rrule"]["interval"] == [4] and steering.duration.total_seconds() == 3600
    assert "mailto:helen.marsh@harbourline.example" in [str(a) for a in steering.get("attendee")]
    assert str(steering["organizer"]) == "mailto:dana.whitfield@meridian.example"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/London"]
    assert len({str(e["uid"]) for e in calendar.events}) == len(calendar.events)


def test_the_documents_embed_nothing_remote(documents):
    for name in ("deck.pptx", "appendix.docx"):
        with zipfile.ZipFile(documents[name]) as archive:
            assert not [n for n in archive.namelist() if n.startswith(("ppt/media/", "word/media/", "ppt/embeddings"))]
            for part in (n for n in archive.namelist() if n.endswith(".rels")):
                for relation in re.findall(r"<Relationship [^>]*>", archive.read(part).decode()):
                    if 'TargetMode="External"' in relation:
                        # the only outside references are links a reader clicks, never content fetched
                        assert relation.split('Type="')[1].split('"')[0].endswith("/hyperlink"), relation
                        assert re.search(r'Target="(https://|mailto:)', relation), relation
    ics = documents["project.ics"].read_text()
    assert "ATTACH" not in ics and "IMAGE" not in ics


def test_nothing_internal_reaches_the_documents(documents, sources):
    hidden = internal_only(sources) + ["Priya Nair", "priya.nair@meridian.example"]  # the internal resource manager
    assert "Resource manager" in hidden and "Internal project health review" in hidden
    for path in documents.values():
        if path.suffix == ".ics":
            text = icalendar.Calendar.from_ical(path.read_bytes()).to_ical().decode()
            text = re.sub(r"\r\n[ \t]", "", text).replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")
        else:
            text = html.unescape("\n".join(
                zipfile.ZipFile(io.BytesIO(path.read_bytes())).read(n).decode() for n in
                zipfile.ZipFile(path).namelist() if n.endswith(".xml")))
        for secret in hidden:
            assert secret not in text, (path.name, secret)


@pytest.mark.office
@pytest.mark.parametrize("name", ["deck.pptx", "appendix.docx"])
def test_libreoffice_opens_the_document_and_its_pdf_holds_names_dates_and_raci(documents, tmp_path, name):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office and shutil.which("pdftotext"), "run `make office` (or `make test`) to install LibreOffice and poppler"
    profile = tmp_path / "profile"  # a profile of its own, so a desktop LibreOffice never gets in the way
    result = subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(documents[name])], capture_output=True, text=True,
                            timeout=300)
    pdf = tmp_path / (Path(name).stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for expected in ("Harbourline Foods", "Dana Whitfield", "Owen Pryce", "Helen Marsh", "Lukas Brandt",
                     "Accountable", "Responsible", "Consulted", "Informed", "Run the kickoff meeting",
                     "Mon 5 Oct 2026", "Thu 25 Mar 2027", "Build and configuration"):
        assert expected in flat, expected
    assert "Priya Nair" not in flat


def test_the_second_example_meets_in_berlin_time_and_skips_bavarian_holidays(sources):
    """The other example project is in Bavaria: its calendar is in Europe/Berlin, its go-live moves
    off Corpus Christi (not a holiday in England), and its steering committee skips Whit Monday."""
    projects, problems = load_projects(ROOT / "projects", sources.playbook, sources.settings.projects,
                                       only="alpenwerk-warehouse")
    assert problems == []
    settings = sources.settings.projects
    facts = kit_facts(sources.playbook, projects[0], sources.settings.brand, sources.settings.customer_site.url,
                      settings, TODAY, page_url=settings.page_url("alpenwerk-warehouse"))
    assert (facts.go_live.isoformat(), facts.go_live_moved.reason) == ("2027-05-26", "Corpus Christi")
    assert facts.holiday_region == "Bayern" and facts.phase("handoff").dates.start.isoformat() == "2026-12-31"
    calendar = icalendar.Calendar.from_ical(build_calendar(facts))
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]
    steering = {str(e["summary"]): e for e in calendar.events}["Alpenwerk Logistik GmbH: Steering committee"]
    assert steering.start.isoformat() == "2027-01-11T09:00:00+01:00" and steering.duration.total_seconds() == 3600
    assert steering["rrule"]["interval"] == [2] and steering["rrule"]["byday"] == ["MO"]
    skipped = [day.dt.date().isoformat() for exdate in [steering["exdate"]] for day in exdate.dts]
    assert skipped == ["2027-05-17"]   # Whit Monday
    assert "https://projects.meridian.example/alpenwerk-warehouse/your-project/" in str(calendar["url"])
