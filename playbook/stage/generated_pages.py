"""Pages made from data rather than written by hand: one per role.

A role's page is its data shown through the same macros a hand-written page uses, so the
generated Markdown is only front matter and macro calls.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import yaml

from playbook.model.facts import Playbook
from playbook.render import views


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    title: str  # HTML-escaped: MkDocs themes print page and nav titles as they are
    markdown: str


def role_page_uri(role_id: str) -> str:
    return f"roles/{role_id}.md"


def role_pages(playbook: Playbook) -> list[GeneratedPage]:
    pages = []
    for role in playbook.roles.values():
        title = html.escape(role.title, quote=False)
        front = yaml.safe_dump({"title": title, "audience": role.audience, "generated_from": "data/roles.yml"},
                               sort_keys=False, allow_unicode=True)
        body = (f'{{{{ role_page("{role.id}") }}}}\n\n'
                f"## What this role does, process by process\n\n"
                f'{{{{ role_card("{role.id}") }}}}\n')
        if not views.communications_for(playbook, role.id).empty:  # no heading over an empty section
            body += ("\n## Communications this role sends or receives\n\n"
                     f'{{{{ communications_for("{role.id}") }}}}\n')
        pages.append(GeneratedPage(role_page_uri(role.id), title, f"---\n{front}---\n\n{body}"))
    return pages
