"""The kickoff deck (.pptx): the project as the customer meets it on day one, in the firm's brand.

Slides, in the order a kickoff meeting takes them: the title; the goals; the phases with their
dates; who is who; who does what in each phase (the RACI with people's names); how the customer
will be kept informed; change control; the escalation path; the change impacts that matter most
for this customer; where to find everything. Made with python-pptx from one KitFacts; the deck
embeds no picture and no remote content, and its only links are the customer guide, the Teams
channel, the project's own page and people's e-mail addresses.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from playbook.kits.facts import KitFacts, PhaseSection, long_date, short_date, start_said

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
INK = RGBColor(0x22, 0x22, 0x22)
MUTED = RGBColor(0x5F, 0x63, 0x68)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
ROW_TINT = RGBColor(0xF2, 0xF4, 0xF7)
MAX_ROWS = 8  # table rows a slide holds at a readable size; longer tables continue on the next slide


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#")[:6].upper())


class _Deck:
    def __init__(self, facts: KitFacts) -> None:
        self.facts = facts
        self.primary = _rgb(facts.brand.primary_color)
        self.accent = _rgb(facts.brand.accent_color)
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = WIDTH, HEIGHT
        self.blank = self.presentation.slide_layouts[6]
        core = self.presentation.core_properties
        core.title = f"{facts.customer}: {facts.title} — project kickoff"
        core.author = facts.brand.firm_name
        core.subject = f"Kickoff on {long_date(facts.kickoff)}"
        core.keywords = f"playbook {facts.playbook_version}"

    # -- building blocks ------------------------------------------------------------------------

    def slide(self, title: str):
        slide = self.presentation.slides.add_slide(self.blank)
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(1.1))
        band.fill.solid()
        band.fill.fore_color.rgb = self.primary
        band.line.fill.background()
        rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(1.1), WIDTH, Inches(0.06))
        rule.fill.solid()
        rule.fill.fore_color.rgb = self.accent
        rule.line.fill.background()
        self.text(slide, title, MARGIN, Inches(0.15), WIDTH - 2 * MARGIN, Inches(0.8), size=28 if len(title) <= 48 else 24,
                  bold=True, colour=WHITE, anchor=MSO_ANCHOR.MIDDLE)
        number = len(self.presentation.slides)
        footer = f"{self.facts.brand.firm_name} · {self.facts.customer}: {self.facts.title} · {number}"
        self.text(slide, footer, MARGIN, HEIGHT - Inches(0.45), WIDTH - 2 * MARGIN, Inches(0.3), size=10, colour=MUTED)
        return slide

    def text(self, slide, text: str, left, top, width, height, *, size: int = 16, bold: bool = False,
             colour: RGBColor = INK, anchor=MSO_ANCHOR.TOP, align=PP_ALIGN.LEFT, link: str | None = None):
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = anchor
        paragraph = frame.paragraphs[0]
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour
        if link:
            run.hyperlink.address = link
        return box

    def bullets(self, slide, lines: Sequence[str], top, *, size: int = 20):
        box = slide.shapes.add_textbox(MARGIN, top, WIDTH - 2 * MARGIN, HEIGHT - top - Inches(0.8))
        frame = box.text_frame
        frame.word_wrap = True
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.space_after = Pt(12)
            run = paragraph.add_run()
            run.text = f"•  {line}"
            run.font.size, run.font.color.rgb = Pt(size), INK

    def table(self, slide, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              top: int, *, size: int = 11):
        shape = slide.shapes.add_table(len(rows) + 1, len(header), MARGIN, top, WIDTH - 2 * MARGIN,
                                       Inches(0.4) * (len(rows) + 1))
        table = shape.table
        total = sum(widths)
        usable = WIDTH - 2 * MARGIN
        for index, width in enumerate(widths):
            table.columns[index].width = Emu(int(usable * width / total))
        for column, title in enumerate(header):
            self._cell(table.cell(0, column), title, size, bold=True, colour=WHITE, fill=self.primary)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                self._cell(table.cell(number, column), value, size, fill=ROW_TINT if number % 2 == 0 else WHITE)
        return table

    @staticmethod
    def _cell(cell, value: str, size: int, *, bold: bool = False, colour: RGBColor = INK, fill: RGBColor = WHITE):
        cell.fill.solid()
        cell.fill.fore_color.rgb = fill
        cell.margin_left = cell.margin_right = Inches(0.08)
        cell.margin_top = cell.margin_bottom = Inches(0.04)
        frame = cell.text_frame
        frame.word_wrap = True
        run = frame.paragraphs[0].add_run()
        run.text = value
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour

    def tables(self, title: str, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               *, intro: str = "", size: int = 11, max_rows: int = MAX_ROWS) -> None:
        """A table over as many slides as it needs, max_rows rows each."""
        chunks = [rows[i:i + max_rows] for i in range(0, len(rows), max_rows)] or [rows]
        for number, chunk in enumerate(chunks):
            slide = self.slide(title if number == 0 else f"{title} (continued)")
            top = Inches(1.4)
            if intro and number == 0:
                self.text(slide, intro, MARGIN, top, WIDTH - 2 * MARGIN, Inches(0.6), size=14, colour=MUTED)
                top = Inches(2.05)
            self.table(slide, header, chunk, widths, top, size=size)

    # -- the slides -----------------------------------------------------------------------------

    def title_slide(self) -> None:
        facts = self.facts
        slide = self.presentation.slides.add_slide(self.blank)
        background = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, HEIGHT)
        background.fill.solid()
        background.fill.fore_color.rgb = self.primary
        background.line.fill.background()
        stripe = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(3.55), Inches(2.2), Inches(0.08))
        stripe.fill.solid()
        stripe.fill.fore_color.rgb = self.accent
        stripe.line.fill.background()
        self.text(slide, facts.customer, MARGIN, Inches(1.5), WIDTH - 2 * MARGIN, Inches(1.0), size=44, bold=True,
                  colour=WHITE)
        self.text(slide, f"{facts.title}: project kickoff", MARGIN, Inches(2.5), WIDTH - 2 * MARGIN, Inches(0.9),
                  size=28, colour=WHITE)
        manager = facts.project_manager
        lines = f"{long_date(facts.kickoff)} · go-live {long_date(facts.go_live)}"
        self.text(slide, lines, MARGIN, Inches(3.9), WIDTH - 2 * MARGIN, Inches(0.5), size=20, colour=WHITE)
        if manager:
            self.text(slide, f"{facts.brand.firm_name} · {manager.name}, {manager.role.title.lower()}", MARGIN,
                      Inches(4.5), WIDTH - 2 * MARGIN, Inches(0.5), size=18, colour=WHITE)

    def goals(self) -> None:
        slide = self.slide("What this project is for")
        self.bullets(slide, self.facts.goals, Inches(1.6), size=22)

    def phases(self) -> None:
        rows = [(s.process.title, start_said(s.dates), short_date(s.dates.end), s.process.phase.goal)
                for s in self.facts.phases]
        self.tables("The plan: phases and dates", ("Phase", "From", "To", "What it achieves"), rows,
                    (2.4, 1.8, 1.4, 5.6), size=12, max_rows=10, intro=f"Kickoff {long_date(self.facts.kickoff)}; go-live "
                    f"{self.facts.go_live_said}. {self.facts.working_days_rule}")

    def people(self) -> None:
        slide = self.slide("Who is who")
        half = (WIDTH - 2 * MARGIN - Inches(0.4)) / 2
        for column, (heading, people) in enumerate(((self.facts.brand.firm_name, self.facts.firm_people),
                                                     (self.facts.customer, self.facts.customer_people))):
            left = MARGIN + column * (half + Inches(0.4))
            self.text(slide, heading, left, Inches(1.4), half, Inches(0.5), size=20, bold=True, colour=self.primary)
            box = slide.shapes.add_textbox(left, Inches(2.0), half, Inches(4.8))
            frame = box.text_frame
            frame.word_wrap = True
            for index, person in enumerate(people):
                paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
                name = paragraph.add_run()
                name.text = person.name
                name.font.size, name.font.bold, name.font.color.rgb = Pt(15), True, INK
                role = paragraph.add_run()
                role.text = f"  {person.role.title}"
                role.font.size, role.font.color.rgb = Pt(13), MUTED
                line = frame.add_paragraph()
                line.space_after = Pt(8)
                email = line.add_run()
                email.text = person.email
                email.font.size, email.font.color.rgb = Pt(12), self.primary
                email.hyperlink.address = f"mailto:{person.email}"

    def raci(self, section: PhaseSection, title: str) -> None:
        rows = [(line.activity.title, line.names("A"), line.names("R"), line.names("C"), line.names("I"))
                for line in section.raci]
        dates = f"{short_date(section.dates.start)} to {short_date(section.dates.end)}. " if section.dates else ""
        self.tables(title, ("Activity", "Accountable", "Responsible", "Consulted", "Informed"), rows,
                    (3.4, 1.7, 2.2, 2.2, 2.2), size=12,
                    intro=dates + "Accountable: answers for it. Responsible: does the work. Consulted: asked "
                    "before. Informed: told after.")

    def communications(self) -> None:
        rows = [(line.communication.title, line.when, line.how, line.owner.name,
                 ", ".join(p.name for p in line.recipients) or "—") for line in self.facts.communications]
        self.tables("How we keep you informed", ("What", "When", "How", "Run by", "For"), rows,
                    (2.0, 3.0, 3.0, 1.4, 3.0), size=10, max_rows=5, intro="Times are in your time zone "
                    f"({self.facts.time_zone}); the calendar file in this kit holds every meeting.")

    def escalation(self) -> None:
        facts = self.facts
        rows = [(str(line.number), f"{line.person.name} ({line.person.role.title})", line.level.action,
                 line.limit or "Decides")
                for line in facts.escalation]
        self.tables(f"When something is stuck: {facts.escalation_title.lower()}", ("Level", "Who", "What they do",
                    "Time to solve it"), rows, (0.7, 3.0, 6.4, 1.6), size=14, intro=facts.escalation_applies_to)

    def impacts(self) -> None:
        rows = [(str(line.rank), line.impact.change, f"{line.score} ({line.likelihood} × {line.cost})"
                 + (" *" if line.rescored else ""), line.impact.response) for line in self.facts.impacts]
        intro = "Score = likelihood × cost, each 1 to 5. * scored again for your organisation."
        self.tables("What could get in the way", ("#", "Change", "Score", "What we do about it"), rows,
                    (0.5, 4.2, 1.3, 5.9), size=12, max_rows=5, intro=intro)

    def links(self) -> None:
        facts = self.facts
        slide = self.slide("Where to find everything")
        entries = [("How we run implementations, for you", facts.guide_url, facts.guide_url),
                   ("Our shared Teams channel", "Open the channel in Microsoft Teams", facts.teams_channel),
                   ("Your project page: contacts, dates, checklists and progress, for your project's people only",
                    facts.page_url, facts.page_url or None),
                   ("Your calendar", f"{facts.project_id}.ics in this kit, and on your project page: phases, "
                    "milestones and every meeting", None)]
        top = Inches(1.6)
        for heading, text, link in entries:
            self.text(slide, heading, MARGIN, top, WIDTH - 2 * MARGIN, Inches(0.45), size=20, bold=True,
                      colour=self.primary)
            self.text(slide, text, MARGIN, top + Inches(0.45), WIDTH - 2 * MARGIN, Inches(0.45), size=16, link=link)
            top += Inches(1.1)
        self.text(slide, f"Drawn from the {facts.brand.firm_name} implementation playbook, version "
                  f"{facts.playbook_version}, on {long_date(facts.cut_on)}.", MARGIN, HEIGHT - Inches(0.95),
                  WIDTH - 2 * MARGIN, Inches(0.4), size=11, colour=MUTED)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.presentation.save(buffer)
        return buffer.getvalue()


def build_deck(facts: KitFacts) -> bytes:
    deck = _Deck(facts)
    deck.title_slide()
    deck.goals()
    deck.phases()
    deck.people()
    for section in facts.phases:
        deck.raci(section, f"Who does what: {section.process.title}")
    deck.communications()
    if facts.change_control:
        deck.raci(facts.change_control, f"Change control: {facts.change_control.process.title.lower()}")
    deck.escalation()
    deck.impacts()
    deck.links()
    return deck.save()
