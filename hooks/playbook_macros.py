"""The macros pages call, registered with mkdocs-macros by playbook_site.py.

Each macro is thin: it takes an id, asks playbook.views for what to show, and renders one Jinja
template from overrides/playbook/. An unknown id is reported as a build error naming the page,
the line and the id (the build fails once every page has been read, with every such mistake
listed) and never renders as an empty table.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from playbook.model.facts import Playbook, UnknownId
from playbook.render import views
from playbook.stage.changelog_feed import FEED_PATH

# href(src_path, anchor) -> a URL relative to the page being rendered, or None when the target
# page is not part of this site (for example an internal page, seen from the customer site).
Href = Callable[..., "str | None"]
# report(macro_call, message): record a mistake in the page being rendered.
Report = Callable[[str, str], None]
# hold(html) -> a token that stands for the finished block in the page's Markdown, so Markdown
# passes it through without parsing it again (hooks/prerendered_html.py).
Hold = Callable[[str], str]


class PlaybookMacros:
    def __init__(self, playbook: Playbook, site_audience: str, templates_dir: Path,
                 href: Href, report: Report, *, everything: Playbook | None = None) -> None:
        self.playbook = playbook  # what this site's audience may see
        self.everything = everything or playbook  # to explain an id that exists but is hidden here
        self.site_audience = site_audience
        self.href = href
        self.report = report
        # Set by hooks/prerendered_html.py when it is on; without it, blocks go into the Markdown.
        self.hold: Hold | None = None
        # Views by (maker, id): a view depends only on the data, which a build never changes,
        # and a role card on many pages would otherwise be worked out again for each.
        self._views: dict[tuple[Callable, str], Any] = {}
        # Page titles by source path, for macros that list pages (the changelog); set by
        # hooks/changelog_feed.py once the site's pages are known.
        self.page_titles: dict[str, str] = {}
        # Autoescape: every string from YAML is text, never markup.
        self.env = Environment(loader=FileSystemLoader(str(templates_dir)), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

    def functions(self) -> dict[str, Callable[..., str]]:
        return {
            "raci_matrix": self.raci_matrix,
            "checklist": self.checklist,
            "role_card": self.role_card,
            "role_page": self.role_page,
            "role_list": self.role_list,
            "phase_facts": self.phase_facts,
            "lifecycle": self.lifecycle,
            "communication_plan": self.communication_plan,
            "communications_for": self.communications_for,
            "comm_owner": self.comm_owner,
            "comm_cadence": self.comm_cadence,
            "change_impact_register": self.change_impact_register,
            "customer_complaints": self.customer_complaints,
            "agenda": self.agenda,
            "escalation_path": self.escalation_path,
            "raid_log": self.raid_log,
            "glossary": self.glossary,
            "phase_duration": self.phase_duration,
            "changelog": self.changelog,
        }

    # -- the macros -----------------------------------------------------------------------

    def raci_matrix(self, process_id: str) -> str:
        return self._render_view("raci_matrix", process_id, "raci-matrix", views.raci_matrix)

    def checklist(self, checklist_id: str) -> str:
        return self._render_view("checklist", checklist_id, "checklist", views.checklist)

    def role_card(self, role_id: str) -> str:
        return self._render_view("role_card", role_id, "role-card", views.role_card)

    def role_page(self, role_id: str) -> str:
        return self._render_view("role_page", role_id, "role-page", views.role_card)

    def role_list(self) -> str:
        return self._render("role-list", roles=views.ordered_roles(self.playbook, set(self.playbook.roles)))

    def phase_facts(self, process_id: str) -> str:
        return self._render_view("phase_facts", process_id, "phase-facts", views.phase_facts, name="process")

    def lifecycle(self) -> str:
        return self._render("lifecycle", phases=views.lifecycle(self.playbook))

    def communication_plan(self) -> str:
        return self._render_list("communication_plan", "communications", "communication-plan",
                                 rows=views.communication_plan(self.playbook))

    def communications_for(self, role_id: str) -> str:
        return self._render_view("communications_for", role_id, "role-communications", views.communications_for)

    def change_impact_register(self) -> str:
        return self._render_list("change_impact_register", "change_impacts", "change-impacts",
                                 rows=views.change_impact_register(self.playbook))

    def customer_complaints(self) -> str:
        return self._render_list("customer_complaints", "complaints", "complaints",
                                 complaints=views.complaints(self.playbook))

    def agenda(self, agenda_id: str) -> str:
        return self._render_view("agenda", agenda_id, "agenda", views.agenda)

    def escalation_path(self, path_id: str) -> str:
        return self._render_view("escalation_path", path_id, "escalation-path", views.escalation_path)

    def raid_log(self) -> str:
        return self._render_list("raid_log", "raid_categories", "raid-log", rows=views.raid_log(self.playbook))

    def glossary(self) -> str:
        return self._render_list("glossary", "glossary", "glossary", terms=views.glossary(self.playbook))

    def changelog(self) -> str:
        return self._render_list("changelog", "changelog", "changelog", changes=views.changelog(self.playbook),
                                 feed=FEED_PATH, title_of=lambda src: self.page_titles.get(src, src))

    # Inline facts: a few words inside a sentence, read from data so the sentence cannot go stale.

    def comm_owner(self, communication_id: str) -> str:
        return self._render_view("comm_owner", communication_id, "fact-owner", views.communication, inline=True)

    def comm_cadence(self, communication_id: str) -> str:
        return self._render_view("comm_cadence", communication_id, "fact-cadence", views.communication, inline=True)

    def phase_duration(self, process_id: str) -> str:
        return self._render_view("phase_duration", process_id, "fact-duration", views.phase_facts,
                                 name="process", inline=True)

    # -- plumbing -------------------------------------------------------------------------

    def _render_list(self, macro: str, kind: str, template: str, **context: Any) -> str:
        """A macro that shows a whole data file: an empty file is an error, never an empty table."""
        if not getattr(self.playbook, kind):
            reason = ("everything in it is internal, so the customer site cannot show it"
                      if getattr(self.everything, kind) else "there is nothing in it")
            return self._fail(f"{macro}()", f"{reason} — add entries to its file in data/ (see data/README.md), "
                                            "or put this call inside a '/// internal' block")
        return self._render(template, **context)

    def _render_view(self, macro: str, wanted: Any, template: str,
                     make_view: Callable[[Playbook, str], Any], name: str = "view", inline: bool = False) -> str:
        call = f'{macro}("{wanted}")'
        if not isinstance(wanted, str):
            return self._fail(call, f"{macro}() takes an id in quotes, such as {macro}(\"kickoff\")")
        try:
            key = (make_view, wanted)
            if key not in self._views:
                self._views[key] = make_view(self.playbook, wanted)
            view = self._views[key]
        except UnknownId as error:
            if wanted in getattr(self.everything, error.kind):
                return self._fail(call, f"'{wanted}' is internal, so the {self.site_audience} site cannot show it "
                                        "— mark it 'audience: customer' in its data file, or put this call "
                                        "inside a '/// internal' block")
            return self._fail(call, str(error))
        except ValueError as error:
            return self._fail(call, str(error))
        return self._render(template, inline=inline, **{name: view})

    def _render(self, template: str, inline: bool = False, **context: Any) -> str:
        html = self.env.get_template(f"playbook/{template}.html").render(
            href=self.href, site_audience=self.site_audience, **context)
        if inline:  # part of a sentence: no line breaks, or Markdown would end the paragraph
            return " ".join(html.split())
        # Blank lines around the markup keep Markdown from gluing it to a neighbouring paragraph.
        block = html.strip()
        return "\n\n" + (self.hold(block) if self.hold else block) + "\n\n"

    def _fail(self, call: str, message: str) -> str:
        self.report(call, message)
        return self._render("macro-error", message=f"{call}: {message}")
