"""`make status PROJECT=<id>`: the week's status report, following the playbook's own template, as
e-mail-ready HTML (every style inline, nothing loaded from anywhere) and as .docx, which
LibreOffice opens; both say the same: phase, done, next, what we need by when, top risks."""
from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from lxml import html as lxml_html

from playbook.kits.status import status_report, write_status
from tests.kits.helpers import EXAMPLE_ID, example_facts, real_sources
from tests.sites import ROOT

FRIDAY = datetime.date(2026, 12, 4)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("status")
    assert write_status(ROOT, EXAMPLE_ID, today=FRIDAY, work=work) == 0
    folder = work / "site" / "status" / EXAMPLE_ID
    return {path.suffix: path for path in folder.iterdir()}


def test_the_report_follows_the_playbooks_template():
    facts = example_facts(real_sources(), FRIDAY)
    report = status_report(facts)
    assert report.subject == "Order-to-cash platform status report, week ending 4 December 2026"
    assert (report.week_start, report.week_ending) == (datetime.date(2026, 11, 30), FRIDAY)
    # done this week: the items the project file records with a day from Monday to Friday
    assert [(i.item.id, i.done_on.isoformat(), i.done_by.name) for i in report.done] == [
        ("change-impacts-ranked", "2026-12-01", "Owen Pryce"), ("gaps-resolved", "2026-12-02", "Ravi Menon"),
        ("iterations-planned", "2026-12-03", "Dana Whitfield")]
    # next: what is open and due by the end of next week, the overdue first
    assert all(not i.done and i.due <= datetime.date(2026, 12, 11) for i in report.next)
    # needed from you: the customer's, by when, the project file's own need included
    assert ("Three months of anonymised orders as test data", "Lukas Brandt", datetime.date(2026, 12, 18)) in \
        [(n.what, n.who.name, n.by) for n in report.needed]
    assert all(n.who.role.side == "customer" for n in report.needed)
    assert [r.rating for r in report.risks] == ["high", "medium"]
    # the steering committee meets every four weeks from 6 October; 29 December the offices are closed
    assert report.next_steering == datetime.date(2027, 1, 26)


def test_the_html_is_ready_for_e_mail(written):
    text = written[".html"].read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    assert not page.xpath("//style | //script | //link | //img | //iframe | //*[@class] | //*[@src]")
    assert all(href.startswith(("mailto:", "https://projects.meridian.example/"))
               for href in page.xpath("//a/@href"))
    said = {element.get("data-pb-status"): " ".join(element.text_content().split())
            for element in page.xpath("//*[@data-pb-status]")}
    assert said["subject"] == "Order-to-cash platform status report, week ending 4 December 2026"
    assert said["overall"] == "Amber"
    assert said["phase"].startswith("Phase: Discovery and design") and "build and configuration" in said["phase"]
    assert "The first two iterations are planned" in said["done"] and "(Dana Whitfield, Thu 3 Dec 2026)" in said["done"]
    needed = [[" ".join(cell.text_content().split()) for cell in row.xpath("td")]
              for row in page.xpath("//*[@data-pb-status='needed']//tr[td]")]
    assert ["Three months of anonymised orders as test data", "Lukas Brandt", "Fri 18 Dec 2026"] in needed
    assert said["risks"].startswith("Issue (high): The design is not signed off")
    assert "26 January 2027" in text and "Priya Nair" not in text   # nothing of the internal roles


def test_the_docx_says_the_same_and_libreoffice_opens_it(written, tmp_path):
    document = Document(str(written[".docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert "Overall status: Amber. The design sign-off is a week late" in text
    assert ["Three months of anonymised orders as test data", "Lukas Brandt", "Fri 18 Dec 2026"] in rows
    assert "Issue (high): The design is not signed off" in text
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office and shutil.which("pdftotext"), "run `make office` (or `make test`) to install LibreOffice and poppler"
    result = subprocess.run([office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(written[".docx"])],
                            capture_output=True, text=True, timeout=300)
    pdf = tmp_path / (written[".docx"].stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    flat = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in ("week ending 4 December 2026", "Done this week", "Needed from you", "Top risks and issues",
                     "Lukas Brandt", "Fri 18 Dec 2026", "Next steering committee: 26 January 2027"):
        assert expected in flat, expected
