"""The macros a page may call, and the variables it may name: the one list of both.

The stage checks every call a page makes against this table before anything renders
(playbook.load.jinja_check, playbook.stage.pages), the macros module the engine loads
(playbook.render.macros) runs the calls, and CONTRIBUTING.md documents each. A macro is thin:
an id in, the view of playbook.present.views out, drawn by one template of overrides/playbook/.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from playbook.model.facts import Playbook, UnknownId
from playbook.present import activity_views, views

# The variables every page's Jinja may name besides the macros and its own front matter: the stage
# writes them into each site's config (`extra`), which mkdocs-macros gives pages as names.
# CONTRIBUTING.md documents them. How the firm hosts the playbook (the internal site's address, its
# tenant, its Teams app) is nothing a customer page needs: names on the internal site only, so a
# customer page that names one stops the customer build, as any undefined name does.
PAGE_VARIABLES = ("audience", "brand", "customer_site_url", "feedback_url", "generator", "pb_build_date", "site_name")
INTERNAL_PAGE_VARIABLES = ("internal_site_url", "internal_site_host", "entra_tenant_id", "teams_app_name")


def page_variables(audience: str) -> tuple[str, ...]:
    return PAGE_VARIABLES + (INTERNAL_PAGE_VARIABLES if audience == "internal" else ())


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
    wrong = usage_problem(name, arguments, visible, everything)
    if wrong or not MACROS[name].takes_id:
        return wrong
    try:
        MACROS[name].view(visible, arguments[0])
    except (UnknownId, ValueError) as error:
        return view_problem(name, arguments, error, everything, audience)
    return None


def usage_problem(name: str, arguments: tuple, visible: Playbook, everything: Playbook) -> tuple[str, str] | None:
    """What is wrong with how a call is written, or with the table it shows, before its view is made."""
    macro = MACROS[name]
    call = call_text(name, arguments)
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


def view_problem(name: str, arguments: tuple, error: Exception, everything: Playbook,
                  audience: str) -> tuple[str, str]:
    """What a call's view refused to make, said for the author."""
    call = call_text(name, arguments)
    if isinstance(error, UnknownId) and arguments[0] in getattr(everything, error.kind):
        return call, (f"'{arguments[0]}' is internal, so the {audience} site cannot show it — mark it "
                      "'audience: customer' in its data file, or put this call inside a '/// internal' block")
    return call, str(error)


def call_text(name: str, arguments: tuple) -> str:
    """A call as an author wrote it; a value that is neither text nor a number (a page may pass
    `config`) is named by its kind, never printed whole."""
    def shown(value: Any) -> str:
        if isinstance(value, str):
            return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
        if value is None or isinstance(value, (bool, int, float)):
            return repr(value)
        return f"a {type(value).__name__}"
    return f"{name}(" + ", ".join(shown(a) for a in arguments) + ")"
