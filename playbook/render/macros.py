"""The macros pages call, for mkdocs-macros-plugin's documented module interface.

A staged site's config names this module under the macros plugin's `modules:`, and the plugin
calls `define_env(env)`; Zensical's macros extension does the same. Each macro is thin: it
takes an id, asks playbook.render.views for what to show, and renders one Jinja template from
the staged tree's overrides/playbook/. The data is the staged, audience-filtered playbook the
stage wrote beside the config (playbook.json), never data/.

The table MACROS is the one list of macros: the stage checks every call a page makes against
it before rendering (playbook.stage.jinja_check), and CONTRIBUTING.md documents each.
"""
from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from playbook.model.facts import Playbook, UnknownId
from playbook.render import activity_views, fences, urls, views

# The logger name puts a failed call under MkDocs' strict count; other engines log it too.
log = logging.getLogger("mkdocs.plugins.playbook.macros")

PLAYBOOK_FILE = "playbook.json"
SITE_FILE = "site.json"


@dataclass(frozen=True)
class Macro:
    name: str
    template: str
    view: Callable[..., Any]       # (playbook, id) -> view, or (playbook) -> rows for whole-file macros
    takes_id: bool = True
    inline: bool = False           # a few words inside a sentence
    context: str = "view"          # the template's name for the view
    kind: str = ""                 # whole-file macros: the Playbook attribute that must not be empty
    example: str = ""
    by_reader: bool = False        # the view orders or words things for the site's reader (reader=audience)


MACROS: dict[str, Macro] = {m.name: m for m in (
    Macro("raci_matrix", "raci-matrix", views.raci_matrix, example="kickoff", by_reader=True),
    Macro("checklist", "checklist", views.checklist, example="kickoff-readiness"),
    Macro("role_card", "role-card", views.role_card, example="account-manager"),
    Macro("role_page", "role-page", views.role_card, example="account-manager"),
    Macro("role_phases", "role-phases", views.role_phases, example="customer-project-lead"),
    Macro("customer_needs", "customer-needs", views.customer_needs, example="kickoff"),
    Macro("customer_time", "customer-time", views.customer_time, takes_id=False, context="roles", kind="roles"),
    Macro("customer_needs_intro", "customer-needs-intro", views.customer_time, takes_id=False, context="roles",
          kind="roles"),
    Macro("role_list", "role-list", views.role_list, takes_id=False, context="roles", kind="roles", by_reader=True),
    Macro("phase_facts", "phase-facts", views.phase_facts, context="process", example="kickoff"),
    Macro("lifecycle", "lifecycle", views.lifecycle, takes_id=False, context="phases", kind="processes"),
    Macro("communication_plan", "communication-plan", views.communication_plan, takes_id=False, context="rows",
          kind="communications"),
    Macro("communications_for", "role-communications", views.communications_for, example="account-manager"),
    Macro("comm_owner", "fact-owner", views.communication, inline=True, example="weekly-status-report"),
    Macro("comm_cadence", "fact-cadence", views.communication, inline=True, example="weekly-status-report"),
    Macro("phase_duration", "fact-duration", views.phase_facts, inline=True, context="process", example="kickoff"),
    Macro("role_time", "fact-time", views.role_time, inline=True, context="role", example="customer-project-lead"),
    Macro("standard", "fact-standard", views.standard, inline=True, context="standard", example="reply-time"),
    Macro("responsible", "fact-roles", activity_views.responsible, inline=True, example="kickoff-confirm-attendees"),
    Macro("accountable", "fact-roles", activity_views.accountable, inline=True, example="discovery-sign-off-design"),
    Macro("due", "fact-due", activity_views.due_point, inline=True, example="discovery-sign-off-design"),
    Macro("sign_offs", "sign-offs", activity_views.sign_offs, takes_id=False, context="rows", kind="processes"),
    Macro("standards", "standards", views.standards, takes_id=False, context="rows", kind="standards"),
    Macro("change_impact_register", "change-impacts", views.change_impact_register, takes_id=False, context="rows",
          kind="change_impacts"),
    Macro("customer_complaints", "complaints", views.complaints, takes_id=False, context="complaints",
          kind="complaints"),
    Macro("agenda", "agenda", views.agenda, example="change-impact-kickoff"),
    Macro("escalation_path", "escalation-path", views.escalation_path, example="standard"),
    Macro("raid_log", "raid-log", views.raid_log, takes_id=False, context="rows", kind="raid_categories"),
    Macro("glossary", "glossary", views.glossary, takes_id=False, context="terms", kind="glossary"),
    Macro("changelog", "changelog", views.changelog, takes_id=False, context="changes", kind="changelog"),
)}


def problem_with_call(name: str, arguments: tuple, visible: Playbook, everything: Playbook,
                      audience: str) -> tuple[str, str] | None:
    """What is wrong with a call, as (call — what, how to fix), or None. The stage asks this of
    every call with constant arguments; the macros say the same when a page runs them."""
    wrong = _usage_problem(name, arguments, visible, everything)
    if wrong or not MACROS[name].takes_id:
        return wrong
    try:
        MACROS[name].view(visible, arguments[0])
    except (UnknownId, ValueError) as error:
        return _view_problem(name, arguments, error, everything, audience)
    return None


def _usage_problem(name: str, arguments: tuple, visible: Playbook, everything: Playbook) -> tuple[str, str] | None:
    """What is wrong with how a call is written, or with the table it shows, before its view is made."""
    macro = MACROS[name]
    call = _call_text(name, arguments)
    if macro.takes_id != bool(arguments) or len(arguments) > 1 or (arguments and not isinstance(arguments[0], str)):
        usage = f'{name}("{macro.example}")' if macro.takes_id else f"{name}()"
        return call, f"{name}() is written {usage}"
    if not macro.takes_id:
        if getattr(visible, macro.kind):
            return None
        reason = ("everything in it is internal, so the customer site cannot show it"
                  if getattr(everything, macro.kind) else "there is nothing in it")
        return call, (f"{reason} — add entries to its file in data/ (see data/README.md), "
                      "or put this call inside a '/// internal' block")
    return None


def _view_problem(name: str, arguments: tuple, error: Exception, everything: Playbook,
                  audience: str) -> tuple[str, str]:
    """What a call's view refused to make, said for the author."""
    call = _call_text(name, arguments)
    if isinstance(error, UnknownId) and arguments[0] in getattr(everything, error.kind):
        return call, (f"'{arguments[0]}' is internal, so the {audience} site cannot show it — mark it "
                      "'audience: customer' in its data file, or put this call inside a '/// internal' block")
    return call, str(error)


def _call_text(name: str, arguments: tuple) -> str:
    """A call as an author wrote it; a value that is neither text nor a number (a page may pass
    `config`) is named by its kind, never printed whole."""
    def shown(value: Any) -> str:
        if isinstance(value, str):
            return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
        if value is None or isinstance(value, (bool, int, float)):
            return repr(value)
        return f"a {type(value).__name__}"
    return f"{name}(" + ", ".join(shown(a) for a in arguments) + ")"


# Characters Markdown would read as syntax in the text of an inline fact (a link, emphasis,
# code): written as character references they show as themselves and mean nothing.
_MARKDOWN_SYNTAX = {ord(c): f"&#{ord(c)};" for c in "[]()*_`\\!#~|{}"}


def tooltip(value: Any) -> str:
    """A value for a `title` attribute inside a page's content. The theme's tooltips
    (content.tooltips) set a title as the tooltip's innerHTML, so the title's decoded value must
    be the text escaped as HTML; autoescaping then escapes it again for the attribute."""
    return escape(str(value), quote=False)


class SiteMacros:
    """The macros of one staged site."""

    def __init__(self, root: Path, current_page: Callable[[], str | None],
                 block: Callable[[str], str] = fences.fenced) -> None:
        self.playbook = _read_playbook(root / PLAYBOOK_FILE)
        site = json.loads((root / SITE_FILE).read_text(encoding="utf-8"))
        self.audience: str = site["audience"]
        self.page_urls: dict[str, str] = site["page_urls"]
        self.page_titles: dict[str, str] = site["page_titles"]
        self.feed: str | None = site.get("feed")
        self.use_directory_urls: bool = site["use_directory_urls"]
        self.current_page = current_page
        self.block = block  # how a finished block goes into the page (the benchmark's plain site: as raw HTML)
        self.templates = Environment(loader=FileSystemLoader(str(root / "overrides")), autoescape=True,
                                     undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.templates.filters["tooltip"] = tooltip
        self.templates.globals["impact_bands"] = views.impact_bands()
        # A view depends only on the data, which never changes during a build; a role card on
        # many pages is worked out once.
        self._views: dict[tuple[str, Any], Any] = {}

    def functions(self) -> dict[str, Callable[..., str]]:
        return {name: functools.partial(self.call, name) for name in MACROS}

    def href(self, src_path: str, anchor: str | None = None) -> str | None:
        """The URL of a page of this site, relative to the page being rendered; None when the
        site does not have it (an internal page, seen from the customer site)."""
        target = self.page_urls.get(src_path)
        if target is None:
            return None
        current = urls.page_url(self.current_page() or "index.md", self.use_directory_urls)
        url = urls.relative_url(current, target)
        return f"{url}#{anchor}" if anchor else url

    def call(self, name: str, *arguments: Any) -> str:
        macro = MACROS[name]
        wrong = _usage_problem(name, arguments, self.playbook, self.playbook)
        if wrong:
            return self._fail(*wrong)
        key = (name if not macro.takes_id else macro.view.__name__, arguments)
        if key not in self._views:
            reader = {"reader": self.audience} if macro.by_reader else {}
            try:  # making the view is what checks its id: it is made once, not once more to check it
                self._views[key] = macro.view(self.playbook, *arguments, **reader)
            except (UnknownId, ValueError) as error:
                return self._fail(*_view_problem(name, arguments, error, self.playbook, self.audience))
        return self.render(macro.template, inline=macro.inline, **{macro.context: self._views[key]})

    def render(self, template: str, inline: bool = False, **context: Any) -> str:
        current = urls.page_url(self.current_page() or "index.md", self.use_directory_urls)
        html = self.templates.get_template(f"playbook/{template}.html").render(
            href=self.href, site_audience=self.audience, this_page=self.current_page(),
            feed_url=urls.relative_url(current, self.feed) if self.feed else None,
            title_of=lambda src: self.page_titles.get(src, src), **context)
        if inline:  # part of a sentence: one line, and nothing Markdown would read as syntax
            return " ".join(html.split()).translate(_MARKDOWN_SYNTAX)
        return self.block(html.strip())

    def _fail(self, call: str, message: str) -> str:
        page = self.current_page() or "?"
        log.error(f"docs/{page}: {call} — {message}")
        return self.render("macro-error", message=f"{call}: {message}")


@functools.lru_cache(maxsize=4)
def _read_playbook_cached(path: str, stamp: tuple[int, int]) -> Playbook:
    return Playbook.from_json(Path(path).read_text(encoding="utf-8"))


def _read_playbook(path: Path) -> Playbook:
    """Zensical calls define_env for every page; read each staged playbook once per version."""
    status = path.stat()
    return _read_playbook_cached(str(path), (status.st_mtime_ns, status.st_size))


def _current_page_of(env: Any) -> Callable[[], str | None]:
    def current() -> str | None:
        page = getattr(env, "page", None)
        if page is None:
            return None
        file = getattr(page, "file", None)  # MkDocs
        return file.src_uri if file is not None else getattr(page, "path", None)  # Zensical
    return current


def define_env(env: Any) -> None:
    """mkdocs-macros' (and Zensical's) entry point: register every macro of this staged site."""
    macros = SiteMacros(Path(env.project_dir), _current_page_of(env))
    for name, function in macros.functions().items():
        env.macro(function, name)
