"""The statement-of-work process appendix (.docx): the processes both sides agree to run the project by.

Drawn from the same KitFacts as the deck, with python-docx's documented API (and two table row
properties it has no API for, so no row splits across pages): the people,
the plan, each phase with its entry and exit criteria, what the customer brings, who does what
(with names) and the checklists with their latest dates; then the communication plan, change
control, escalation and the change impacts scored for this customer. It names the playbook
version and the day it was cut, so a signed appendix can be traced to the text it came from.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Row

from playbook.kits.facts import KitFacts, PhaseSection, long_date, short_date, start_said

# A plain grid: a signed appendix is printed and copied; bold headers carry the structure.
TABLE_STYLE = "Table Grid"


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#")[:6].upper())


class Writer:
    """An A4 document in the firm's colours, with the kit's building blocks: headings, paragraphs,
    bullet lists and tables whose rows never split (the status report writes with it too)."""

    def __init__(self, facts: KitFacts, title: str, footer_text: str) -> None:
        self.facts = facts
        self.document = Document()
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
        styles = self.document.styles
        styles["Normal"].font.size = Pt(10.5)
        primary = _rgb(facts.brand.primary_color)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            styles[name].font.color.rgb = primary
        core = self.document.core_properties
        core.title = title
        core.author = facts.brand.firm_name
        core.keywords = f"playbook {facts.playbook_version}"
        footer = section.footer.paragraphs[0]
        footer.text = footer_text
        footer.runs[0].font.size = Pt(8)

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level=level)

    def paragraph(self, text: str, *, bold_lead: str = "", italic: bool = False) -> None:
        paragraph = self.document.add_paragraph()
        if bold_lead:
            paragraph.add_run(bold_lead).bold = True
        run = paragraph.add_run(text)
        run.italic = italic

    def items(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.document.add_paragraph(line, style="List Bullet")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              *, size: float = 9) -> None:
        # What introduces a table stays on the page where the table starts.
        self.document.paragraphs[-1].paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=len(rows) + 1, cols=len(header))
        table.style = self.document.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        total = sum(widths)
        sizes = [Cm(17.0 * width / total) for width in widths]
        for column, width in zip(table.columns, sizes, strict=True):
            column.width = width  # LibreOffice reads the grid's widths, Word the cells'
        for number, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
            for cell, value, width in zip(row.cells, values, sizes, strict=True):
                cell.width = width
                run = cell.paragraphs[0].add_run(value)
                run.bold, run.font.size = number == 0, Pt(size)
            _keep_on_one_page(row, header=number == 0)
        self.document.add_paragraph()

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


class _Appendix(Writer):
    def __init__(self, facts: KitFacts) -> None:
        super().__init__(facts, f"{facts.customer}: {facts.title} — statement of work, process appendix",
                         f"{facts.brand.firm_name} · {facts.customer}: {facts.title} · process appendix · "
                         f"playbook version {facts.playbook_version}, cut on {long_date(facts.cut_on)}")

    # -- the sections -----------------------------------------------------------------------------

    def opening(self) -> None:
        facts = self.facts
        self.document.add_heading("Statement of work — process appendix", level=0)
        self.paragraph(f"{facts.customer} and {facts.brand.firm_name}: {facts.title}", bold_lead="")
        self.paragraph(f"This appendix sets out how {facts.brand.firm_name} and {facts.customer} will run the "
                       f"project: who holds each role, the phases and their dates, who does what, how both sides "
                       f"keep each other informed, and how changes and problems are handled. Both parties agree to "
                       f"work by it; a change to it is agreed in writing like any other change to the statement of "
                       f"work.")
        as_of = f" (its latest recorded change: {facts.playbook_as_of})" if facts.playbook_as_of else ""
        self.paragraph(f"Drawn from the {facts.brand.firm_name} implementation playbook, version "
                       f"{facts.playbook_version}{as_of}, on {long_date(facts.cut_on)}. The full guide: "
                       f"{facts.guide_url}", italic=True)
        self.heading("Goals", 1)
        self.items(facts.goals)

    def people(self) -> None:
        facts = self.facts
        self.heading("1. Who holds each role", 1)
        rows = [(person.role.title, person.name, person.email,
                 facts.brand.firm_name if person.role.side == "firm" else facts.customer) for person in facts.people]
        self.table(("Role", "Name", "E-mail", "For"), rows, (3.2, 3.0, 4.2, 2.4))
        self.paragraph(f"Shared channel: {facts.teams_channel}")
        self.paragraph(f"The project's own page (contacts, dates, checklists and progress, open only to the people of "
                       f"this project): {facts.page_url}")

    def plan(self) -> None:
        facts = self.facts
        self.heading("2. Phases and dates", 1)
        self.paragraph(f"Kickoff is on {long_date(facts.kickoff)} and go-live on {facts.go_live_said}. "
                       f"{facts.working_days_rule} The project plan baselined at kickoff refines them.")
        rows = [(s.process.title, start_said(s.dates), short_date(s.dates.end), str(s.dates.working_days))
                for s in facts.phases]
        self.table(("Phase", "From", "To", "Working days"), rows, (4.4, 3.4, 2.6, 1.6))
        if facts.days_off:
            self.paragraph("", bold_lead="Days off, when nobody works on the project:")
            self.items([f"{short_date(day)}: {name}" for day, name in facts.days_off])

    def raci(self, section: PhaseSection) -> None:
        rows = [(line.activity.title, line.names("A"), line.names("R"), line.names("C"), line.names("I"))
                for line in section.raci]
        self.table(("Activity", "Accountable", "Responsible", "Consulted", "Informed"), rows, (4.0, 2.2, 2.6, 2.6, 2.6))

    def phases(self) -> None:
        self.heading("3. The phases", 1)
        self.paragraph("In each table, Accountable answers for the activity (one person), Responsible does the work, "
                       "Consulted is asked before and Informed is told after.")
        for number, section in enumerate(self.facts.phases, start=1):
            phase = section.process.phase
            self.heading(f"3.{number} {section.process.title}: {short_date(section.dates.start)} to "
                         f"{short_date(section.dates.end)}", 2)
            self.paragraph(section.process.summary)
            self.paragraph(phase.goal, bold_lead="Goal: ")
            self.paragraph("", bold_lead="Starts when:")
            self.items(phase.entry_criteria)
            self.paragraph("", bold_lead="Ends when:")
            self.items(phase.exit_criteria)
            self.paragraph(phase.customer_contribution, bold_lead=f"What {self.facts.customer} brings: ")
            self.raci(section)
            for dated in section.checklists:
                self.paragraph("", bold_lead=f"Checklist: {dated.checklist.title}")
                rows = [(d.item.text, d.owner.name, short_date(d.due) if d.due else "—", d.item.due)
                        for d in dated.items]
                self.table(("Item", "Owner", "Latest date", "When, in the playbook's words"), rows, (6.2, 2.4, 2.4, 3.0))

    def communications(self) -> None:
        self.heading("4. Communication plan", 1)
        self.paragraph(f"Meeting times are in {self.facts.time_zone}. Where this project agreed its own day and time, "
                       "it is shown; otherwise the playbook's default applies.")
        rows = [(line.communication.title, line.when, line.owner.name, ", ".join(p.name for p in line.recipients) or "—",
                 line.how) for line in self.facts.communications]
        self.table(("Communication", "When", "Run by", "For", "How"), rows, (2.8, 3.2, 2.0, 3.8, 3.0))

    def change_control(self) -> None:
        section = self.facts.change_control
        if section is None:
            return
        self.heading(f"5. Change control: {section.process.title.lower()}", 1)
        self.paragraph(section.process.summary)
        self.raci(section)
        for dated in section.checklists:
            self.paragraph("", bold_lead=f"Checklist: {dated.checklist.title}")
            self.table(("Item", "Owner", "When"), [(d.item.text, d.owner.name, d.item.due) for d in dated.items],
                       (7.0, 2.6, 3.4))

    def escalation(self) -> None:
        facts = self.facts
        self.heading(f"6. Escalation: {facts.escalation_title.lower()}", 1)
        self.paragraph(facts.escalation_applies_to)
        rows = [(str(line.number), f"{line.person.name} ({line.person.role.title})", line.level.action,
                 line.limit or "Decides", line.reached_after or "At once") for line in facts.escalation]
        self.table(("Level", "Who", "What they do", "Time at this level", "Reached after"), rows,
                   (1.5, 3.2, 5.8, 2.0, 2.0))

    def impacts(self) -> None:
        self.heading("7. Change impacts to watch", 1)
        self.paragraph("The changes this project is most likely to cause, scored for this customer (likelihood × "
                       "cost, each 1 to 5), and what both sides do about them.")
        rows = [(str(line.rank), line.impact.change, f"{line.score} ({line.likelihood} × {line.cost})",
                 line.impact.response + (f" Why this score: {line.why}" if line.why else ""))
                for line in self.facts.impacts]
        self.table(("#", "Change", "Score", "What we do about it"), rows, (0.7, 5.0, 1.9, 7.0))


def _keep_on_one_page(row: _Row, *, header: bool) -> None:
    """A row never splits across a page break, and the header row repeats on every page a table
    reaches. python-docx has no API for either, so the row's own properties element gets them
    (w:cantSplit and w:tblHeader, ECMA-376 part 1, 17.4.6 and 17.4.49)."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def build_appendix(facts: KitFacts) -> bytes:
    appendix = _Appendix(facts)
    appendix.opening()
    appendix.people()
    appendix.plan()
    appendix.phases()
    appendix.communications()
    appendix.change_control()
    appendix.escalation()
    appendix.impacts()
    return appendix.save()
