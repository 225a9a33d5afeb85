"""How a communication of the plan reads as a search answer: when and how often, how, who runs it.

The one place search reads a communication; its words are those every other output uses
(playbook.present.wording), so an answer says what the plan, the kit and the calendar say.
"""
from __future__ import annotations

from collections.abc import Mapping

from playbook.model.facts import Communication, Role
from playbook.present import wording


def in_sentence(title: str) -> str:
    """A title inside a sentence: "Executive sponsor" is "executive sponsor", "IT lead" stays."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def answer(communication: Communication, roles: Mapping[str, Role], phase_titles: Mapping[str, str]) -> str:
    """"Weekly, every Thursday by 17:00. Email, and posted in the shared channel. Sent by the
    implementation project manager." The owner is left out when the site does not show the role."""
    parts = [wording.sentence_start(wording.when(communication, phase_titles)).rstrip("."),
             wording.how(communication).rstrip(".")]
    owner = roles.get(communication.owner)
    if owner is not None:
        parts.append(f"Run by the {in_sentence(owner.title)}")
    return ". ".join(part for part in parts if part) + "."
