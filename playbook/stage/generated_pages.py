"""Pages made from data rather than written by hand.

A role's page is its data shown through the same macros a written page uses, so its Markdown
is only macro calls and headings, and it renders under any engine that runs the macros. The
stage gives every generated page its front matter, like a written one. Headings speak to the
site's reader: a customer reading a customer role's page is told what *you* do.
"""
from __future__ import annotations

from dataclasses import dataclass

from playbook.model.facts import CUSTOMER, INTERNAL, Playbook, Role
from playbook.present import urls, views
from playbook.stage.staged_text import markdown_text

ROLES_SOURCE = "data/roles.yml"
NEEDS_PAGE = "what-we-need-from-you.md"
NEEDS_SOURCE = "data/"  # a folder: the page draws on every process and checklist


@dataclass(frozen=True)
class GeneratedPage:
    src: str      # its path in the staged docs/
    title: str    # plain text; the stage escapes it
    body: str     # Markdown: macro calls, or finished HTML in a fence
    source: str   # the file an author edits to change it
    note: str = ""  # said under the page, so a reader knows where it comes from
    macros: bool = True  # whether the body calls macros
    on_customer_site: bool = False  # whether the customer site has the same page (internal pages link it)
    nav: str = "first"  # a page handed to the stage (a project's page, the projects list): first or last in the nav


def _holder(role: Role, audience: str) -> str:
    """How a heading names who holds the role: 'you' for a customer reading a customer role's
    page; otherwise the role by name ('our' on the customer site), which also lets search find
    "what does the account manager do" on that role's own page."""
    if audience == CUSTOMER and role.side == "customer":
        return "you"
    name = markdown_text(role.title[:1].lower() + role.title[1:])
    return f"our {name}" if audience == CUSTOMER else f"the {name}"


def role_pages(playbook: Playbook, audience: str = INTERNAL) -> list[GeneratedPage]:
    pages = []
    for role in playbook.roles.values():
        who = _holder(role, audience)
        does = "do" if who == "you" else "does"
        card = views.role_card(playbook, role.id)
        activities = sum(len(group.duties) for group in card.groups)
        summary = f"Show all {activities} activities, process by process"
        if card.checklist_items:
            summary += f", and {len(card.checklist_items)} checklist items"
        body = (f'{{{{ role_page("{role.id}") }}}}\n\n'
                f"## What {who} {does}, phase by phase\n\n"
                f'{{{{ role_phases("{role.id}") }}}}\n\n'
                f"## Every activity, with its letter\n\n"
                f"/// details | {summary}\n\n"
                f'{{{{ role_card("{role.id}") }}}}\n\n'
                "///\n")
        if not views.communications_for(playbook, role.id).empty:  # no heading over an empty section
            sends = "you send or receive" if who == "you" else "this role sends or receives"
            body += (f"\n## Communications {sends}\n\n"
                     f'{{{{ communications_for("{role.id}") }}}}\n')
        pages.append(GeneratedPage(urls.role_page_uri(role.id), role.title, body, ROLES_SOURCE,
                                   f"Generated from {ROLES_SOURCE}.", on_customer_site=role.audience == CUSTOMER))
    return pages


def needs_page(playbook: Playbook, audience: str) -> GeneratedPage:
    """Everything the lifecycle needs from the customer's side, phase by phase, with who owns it
    there and when it is due: the customer's own checklist items and the activities their roles do."""
    title = "What we need from you" if audience == CUSTOMER else "What we need from the customer"
    body = "{{ customer_needs_intro() }}\n"
    for process in views.processes_needing_the_customer(playbook):
        number = f"{process.phase.order}. " if process.phase else ""
        body += f"\n## {number}{markdown_text(process.title)}\n\n{{{{ customer_needs(\"{process.id}\") }}}}\n"
    return GeneratedPage(NEEDS_PAGE, title, body, NEEDS_SOURCE,
                         "Generated from the matrices and checklists in data/.", on_customer_site=True)
