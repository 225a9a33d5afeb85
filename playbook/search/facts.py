"""The facts search answers questions with, from the staged, audience-filtered playbook.

A question such as "how often does the steering committee meet" is answered by one fact the data
holds; the search worker shows it above the results, with a link to the place on a page that
states it (the communication plan's row). This module makes every such fact the site may show:
who does each activity (from its RACI), how long each phase takes, when and how often each
communication happens and who runs it, what each role does, and what the customer brings to each
phase. Each names its subject (its title), the kind of question it answers (a frame of
data/search-frames.yml), and the id of the element that states it; the worker decides, per
question, whether the question names one subject unambiguously.

The facts come from the Playbook the stage filtered for the site's audience, so the customer
site's facts hold no internal role, activity or fact by construction. Links are made only to
elements the rendered pages hold (`located`), so a fact never links to a place that is not there.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from playbook.model.facts import LETTER_NAMES, Playbook, Process
from playbook.present import views
from playbook.search import communications
from playbook.search.communications import in_sentence
from playbook.search.stemming import stems

# The element ids of the templates that state each kind of fact (overrides/playbook/): a matrix's
# row is its activity's id (raci-matrix.html), a plan's row "communication-<id>"
# (communication-plan.html), a phase's facts "phase-<id>" (phase-facts.html), a process's needs
# "needs-<id>" (customer-needs.html). Each such element also carries data-pb-fact, which is how
# the page reader finds them.
COMMUNICATION_ID = "communication-{}"
PHASE_ID = "phase-{}"
NEEDS_ID = "needs-{}"
# The generated pages that state a role's duties and the customer's needs (playbook/stage/
# generated_pages.py writes them; the stage's hand-over gives their addresses).
ROLE_PAGE = "roles/{}.md"
NEEDS_PAGE = "what-we-need-from-you.md"
# Letters in the order an answer names them: who answers for it, who does it, who is asked.
LETTER_ORDER = ("A", "R", "C", "I")


@dataclass(frozen=True)
class Fact:
    """One answer: `asks` is the kind of question it answers, `subject` its title (`names`: other
    names of it in data, such as a phase's id in words), `answer` the fact as plain text, `anchor`
    the id of the element that states it ("" for a page's top) on the first of `pages` that holds
    it (any page when none of them does)."""

    asks: str
    subject: str
    answer: str
    anchor: str
    pages: tuple[str, ...]
    names: tuple[str, ...] = ()


def _who(playbook: Playbook) -> Iterable[Fact]:
    for process in playbook.processes.values():
        for activity in process.activities:
            by_letter: dict[str, list[str]] = {}
            for cell in activity.raci:
                role = playbook.roles.get(cell.role)
                if role is not None:
                    by_letter.setdefault(cell.letter, []).append(in_sentence(role.title))
            parts = [f"{LETTER_NAMES[letter]}: {', '.join(by_letter[letter])}"
                     for letter in LETTER_ORDER if letter in by_letter]
            if parts:
                yield Fact("who", activity.title, ". ".join(parts) + ".", activity.id, (process.page,))


def _duration(process: Process) -> str:
    phase = process.phase
    default = f", {phase.default_duration} by default" if phase.default_duration else ""
    return f"Typically {phase.typical_duration}{default}; the project plan sets the real dates."


def _words(identifier: str) -> str:
    return identifier.replace("-", " ")


def _phases(playbook: Playbook) -> Iterable[Fact]:
    for process in playbook.phases():
        # "Project kickoff" is also "kickoff", its id: a question names a phase by either.
        names = (_words(process.id),)
        yield Fact("how-long", process.title, _duration(process), PHASE_ID.format(process.id), (process.page,), names)
        yield Fact("customer-brings", process.title, process.phase.customer_contribution,
                   NEEDS_ID.format(process.id), (NEEDS_PAGE, process.page), names)


def _communications(playbook: Playbook) -> Iterable[Fact]:
    titles = views.phase_titles(playbook)
    for communication in playbook.communications.values():
        yield Fact("how-often", communication.title, communications.answer(communication, playbook.roles, titles),
                   COMMUNICATION_ID.format(communication.id), ())


def _roles(playbook: Playbook) -> Iterable[Fact]:
    for role in playbook.roles.values():
        time = f" Plan for {role.time_commitment}." if role.time_commitment else ""
        yield Fact("role-duties", role.title, role.summary + time, "", (ROLE_PAGE.format(role.id),))


def facts(playbook: Playbook) -> list[Fact]:
    """Every fact of the site's playbook, in the authors' order."""
    return [*_who(playbook), *_phases(playbook), *_communications(playbook), *_roles(playbook)]


def located(found: Iterable[Fact], urls: Mapping[str, str], anchors: Mapping[str, frozenset[str]]) -> list[dict]:
    """The facts as the worker reads them ({asks, subject, answer, location}), each linked to the
    first of its pages whose content holds its element, else to the first page that does; a fact
    no page states is left out. urls: page source -> address; anchors: page source -> the fact
    ids its content holds (what templates mark data-pb-fact)."""
    holders: dict[str, list[str]] = {}
    for src, ids in anchors.items():
        for anchor in ids:
            holders.setdefault(anchor, []).append(src)
    out = []
    for fact in found:
        if fact.anchor:
            held = holders.get(fact.anchor, [])
            page = next((src for src in fact.pages if src in held), held[0] if held else None)
        else:
            page = next((src for src in fact.pages if src in urls), None)
        if page is None or page not in urls:
            continue
        location = urls[page] + (f"#{fact.anchor}" if fact.anchor else "")
        out.append({"asks": fact.asks, "subject": fact.subject, "names": list(fact.names), "answer": fact.answer,
                    "location": location})
    return out


def ambiguous_subjects(found: Iterable[Fact]) -> list[tuple[str, str, str]]:
    """(kind, subject, subject) for two facts of one kind whose titles have the same words once
    stemmed: no question could tell them apart, so the worker would show neither."""
    seen: dict[tuple[str, frozenset[str]], str] = {}
    clashes = []
    for fact in found:
        key = (fact.asks, frozenset(stems(fact.subject)))
        if key in seen and seen[key] != fact.subject:
            clashes.append((fact.asks, seen[key], fact.subject))
        seen.setdefault(key, fact.subject)
    return clashes
