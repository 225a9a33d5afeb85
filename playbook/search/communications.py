"""How a communication of the plan reads as a search answer: when and how often, how, who runs it.

The one place search reads a communication's fields. Issue 21 splits `channel` and `cadence` into
separate fields (channel, length, day, time, attendees); when it lands, only this module changes.
"""
from __future__ import annotations

from playbook.model.facts import Communication, Role


def in_sentence(title: str) -> str:
    """A title inside a sentence: "Executive sponsor" is "executive sponsor", "IT lead" stays."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def when(communication: Communication) -> str:
    """When and how often it happens, as the plan's cell says it ("Weekly, every Thursday by 17:00")."""
    cadence = communication.cadence
    return cadence[:1].upper() + cadence[1:]


def answer(communication: Communication, roles: dict[str, Role]) -> str:
    """"Weekly, every Thursday by 17:00. Email, and posted in the shared channel. Sent by the
    implementation project manager." The owner is left out when the site does not show the role."""
    parts = [when(communication).rstrip("."), communication.channel.rstrip(".")]
    owner = roles.get(communication.owner)
    if owner is not None:
        parts.append(f"Run by the {in_sentence(owner.title)}")
    return ". ".join(parts) + "."
