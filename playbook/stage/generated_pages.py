"""Pages made from data rather than written by hand.

A role's page is its data shown through the same macros a written page uses, so its Markdown
is only macro calls, and it renders under any engine that runs the macros. The stage gives
every generated page its front matter, like a written one.
"""
from __future__ import annotations

from dataclasses import dataclass

from playbook.model.facts import Playbook
from playbook.render import views

ROLES_SOURCE = "data/roles.yml"


@dataclass(frozen=True)
class GeneratedPage:
    src: str      # its path in the staged docs/
    title: str    # plain text; the stage escapes it
    body: str     # Markdown: macro calls, or finished HTML in a fence
    source: str   # the file an author edits to change it
    note: str = ""  # said under the page, so a reader knows where it comes from
    macros: bool = True  # whether the body calls macros


def role_page_uri(role_id: str) -> str:
    return f"roles/{role_id}.md"


def role_pages(playbook: Playbook) -> list[GeneratedPage]:
    pages = []
    for role in playbook.roles.values():
        body = (f'{{{{ role_page("{role.id}") }}}}\n\n'
                f"## What this role does, process by process\n\n"
                f'{{{{ role_card("{role.id}") }}}}\n')
        if not views.communications_for(playbook, role.id).empty:  # no heading over an empty section
            body += ("\n## Communications this role sends or receives\n\n"
                     f'{{{{ communications_for("{role.id}") }}}}\n')
        pages.append(GeneratedPage(role_page_uri(role.id), role.title, body, ROLES_SOURCE,
                                   f"Generated from {ROLES_SOURCE}."))
    return pages
