"""The rules that need more than one value at a time: across records, across files, across data
and pages. Each is a small function that yields every problem it finds; check_data runs those
that need only data/, and missing_pages runs once the site knows which pages exist.

The shapes of single values (types, required keys, an item's audience never wider than its
file's) are declared with the models in playbook/model/ and checked as each file is read.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from playbook.model.data_files import DATA_FILES
from playbook.model.facts import (
    CUSTOMER,
    Checklist,
    EscalationPath,
    GlossaryTerm,
    Playbook,
    Process,
    Role,
    SearchSynonym,
)
from playbook.model.types import Record
from playbook.problems import Location, Problem


@dataclass(frozen=True)
class Written:
    """Every record of the files that were read without a problem, as written (the Playbook keeps
    the first of two equal ids; the rules must see both), and the ids that exist at all: a file
    with a mistake of its own is left out of the playbook, but its ids still count as existing,
    or one typo in roles.yml would also flag every reference to every role."""

    roles: tuple[Role, ...]
    processes: tuple[Process, ...]
    checklists: tuple[Checklist, ...]
    lists: Mapping[str, tuple[Record, ...]]  # Playbook attribute -> records, for the one-file kinds
    known_roles: frozenset[str] | None  # None: roles.yml could not be read, so any role may exist
    known_processes: frozenset[str]

    def role_exists(self, role_id: str) -> bool:
        return self.known_roles is None or role_id in self.known_roles


def check_data(playbook: Playbook, written: Written) -> list[Problem]:
    """Every rule that needs only data/."""
    problems: list[Problem] = []
    for rule in (file_names_match_ids, ids_are_unique, raci_names_defined_roles, one_accountable_and_a_responsible,
                 customers_see_who_is_accountable, phase_orders_are_unique, checklists_belong_to_a_process,
                 checklist_owners_are_roles, role_references_resolve, owners_do_not_receive_their_own_message,
                 communications_say_when_once, escalation_levels_have_time_limits, glossary_spellings_are_unique,
                 synonym_words_mean_one_thing, checked_in_items_exist, sign_offs_say_when, role_names_mean_one_role,
                 activity_phrases_mean_one_activity):
        problems += rule(playbook, written)
    return problems


def _unknown_role(source: Location, role_id: str, roles: Iterable[str], what: str) -> Problem:
    guess = difflib.get_close_matches(role_id, list(roles), n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return source.problem(f"{what} names the role '{role_id}', which is not defined in data/roles.yml",
                          f"{hint}use a role id from data/roles.yml or add the role there")


def file_names_match_ids(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """A process or checklist file is named after its id, so the file is easy to find from a URL
    or a short link."""
    for record in (*written.processes, *written.checklists):
        name = PurePosixPath(record.source.file).name
        if PurePosixPath(name).stem != record.id:
            yield record.source.problem(
                f"the id '{record.id}' does not match the file name '{name}'",
                f"rename the file to {record.id}.yml or change the id to '{PurePosixPath(name).stem}'")


def ids_are_unique(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Roles, processes, checklists, activities and the one-file kinds share one id space: ids
    become URLs, anchors and short links, and one id must never mean two things. Checklist items,
    glossary terms and changelog entries only need ids unique in their own list: item ids are the
    keys people's ticks are stored under, the others never leave their page."""
    seen: dict[str, tuple[str, Location]] = {}

    def claim(kind: str, identifier: str, source: Location) -> Iterable[Problem]:
        if identifier in seen:
            other_kind, other = seen[identifier]
            yield source.problem(
                f"the id '{identifier}' of this {kind} is already used by the {other_kind} at {other.file}:{other.line}",
                "ids are unique across the whole playbook; rename one of them")
        else:
            seen[identifier] = (kind, source)

    def once_in_list(items: Iterable[Record], what: str, place: str, fix: str) -> Iterable[Problem]:
        first: dict[str, Location] = {}
        for item in items:
            if item.id in first:
                yield item.source.problem(f"the {what} id '{item.id}' appears twice in {place} "
                                          f"(first on line {first[item.id].line})", fix)
            first.setdefault(item.id, item.source)

    for role in written.roles:
        yield from claim("role", role.id, role.source)
    for process in written.processes:
        yield from claim("process", process.id, process.source)
        for activity in process.activities:
            yield from claim("activity", activity.id, activity.source)
    for checklist in written.checklists:
        yield from claim("checklist", checklist.id, checklist.source)
        yield from once_in_list(checklist.items, "item", "this checklist",
                                "give each item its own id; ticks people made are stored under it")
    for kind in DATA_FILES:
        if kind.items is None or kind.field not in written.lists:
            continue
        items = written.lists[kind.field]
        yield from once_in_list(items, kind.noun, "this file", f"give each {kind.noun} its own id")
        if not kind.own_id_space:
            firsts = {item.id: item for item in reversed(items)}  # a repeat was reported just above
            for item in items:
                if firsts[item.id] is item:
                    yield from claim(kind.noun, item.id, item.source)


def raci_names_defined_roles(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """A RACI cell names a role by id; a typo would silently add a column nobody holds."""
    for process in playbook.processes.values():
        for activity in process.activities:
            for assignment in activity.raci:
                if not written.role_exists(assignment.role):
                    yield _unknown_role(assignment.source, assignment.role, playbook.roles, f"activity '{activity.id}'")


def one_accountable_and_a_responsible(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Exactly one role answers for each activity (two Accountables means nobody does), and at
    least one does the work."""
    for process in playbook.processes.values():
        for activity in process.activities:
            accountable = [a.role for a in activity.raci if a.letter == "A"]
            if len(accountable) != 1:
                count = "no one" if not accountable else f"{len(accountable)} roles ({', '.join(accountable)})"
                yield activity.source.problem(
                    f"activity '{activity.id}' has {count} Accountable; it needs exactly one",
                    "give exactly one role the letter A: the one person answerable for the outcome; "
                    "others who do the work are R")
            if not any(a.letter == "R" for a in activity.raci):
                yield activity.source.problem(f"activity '{activity.id}' has no Responsible role",
                                              "give at least one role the letter R: whoever does the work")


def customers_see_who_is_accountable(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """The customer site drops internal roles from matrices; a row customers see must not lose
    the one role answerable for it."""
    for process in playbook.processes.values():
        for activity in process.activities:
            accountable = [a.role for a in activity.raci if a.letter == "A"]
            if activity.audience == CUSTOMER and len(accountable) == 1 and accountable[0] in playbook.roles \
                    and playbook.roles[accountable[0]].audience != CUSTOMER:
                yield activity.source.problem(
                    f"activity '{activity.id}' is shown to customers but its Accountable role '{accountable[0]}' is "
                    "internal-only, so customers would see a row with nobody answerable",
                    "make a customer-visible role Accountable, or mark the activity 'audience: internal'")


def phase_orders_are_unique(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """The lifecycle is read in order; two phases in one place would make the order a guess."""
    taken: dict[int, Process] = {}
    for process in playbook.processes.values():
        if process.phase is None:
            continue
        other = taken.setdefault(process.phase.order, process)
        if other is not process:
            yield process.source.problem(
                f"phase order {process.phase.order} is already taken by '{other.id}' ({other.source.file})",
                "give each phase its own order number")


def checklists_belong_to_a_process(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """A checklist is shown on its process's page, and is never wider than it: customers cannot
    run a checklist for a process they cannot see."""
    for checklist in playbook.checklists.values():
        process = playbook.processes.get(checklist.process)
        if checklist.process not in written.known_processes:
            guess = difflib.get_close_matches(checklist.process, list(playbook.processes), n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            yield checklist.source.problem(
                f"checklist '{checklist.id}' belongs to the process '{checklist.process}', which does not exist",
                f"{hint}use the id of a file in data/processes/")
        elif process and checklist.audience == CUSTOMER and process.audience != CUSTOMER:
            yield checklist.source.problem(
                f"checklist '{checklist.id}' is for customers but its process '{process.id}' is internal",
                "make the checklist 'audience: internal', or the process 'audience: customer'")


def checklist_owners_are_roles(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Every item has an owner customers can see when they can see the item: an item with a
    hidden owner would read as owned by nobody."""
    for checklist in playbook.checklists.values():
        for item in checklist.items:
            where = f"item '{item.id}'"
            if not written.role_exists(item.owner):
                yield _unknown_role(item.source, item.owner, playbook.roles, where)
            elif item.owner in playbook.roles and item.audience == CUSTOMER \
                    and playbook.roles[item.owner].audience != CUSTOMER:
                yield item.source.problem(
                    f"{where} is shown to customers but its owner '{item.owner}' is an internal-only role",
                    "give it a customer-visible owner, or mark the item 'audience: internal'")


def _role_refs(playbook: Playbook, written: Written, source: Location, role_ids: Iterable[str], what: str,
               visible_to_customers: bool, must_be_visible: bool) -> Iterable[Problem]:
    seen: set[str] = set()
    for role_id in role_ids:
        if role_id in seen:
            yield source.problem(f"{what} names the role '{role_id}' twice", "list each role once")
        seen.add(role_id)
        if not written.role_exists(role_id):
            yield _unknown_role(source, role_id, playbook.roles, what)
        elif must_be_visible and visible_to_customers and role_id in playbook.roles \
                and playbook.roles[role_id].audience != CUSTOMER:
            yield source.problem(f"{what} is shown to customers but names the internal-only role '{role_id}'",
                                 "name a customer-visible role, or mark the item 'audience: internal'")


def role_references_resolve(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Communications, agendas, change impacts, escalation paths and RAID categories name roles by
    id: each must exist, appear once, and, where it runs the thing, be visible to customers when
    the thing is (recipients and attendees that are internal are simply left out for customers)."""
    for c in playbook.communications.values():
        customer = c.audience == CUSTOMER
        yield from _role_refs(playbook, written, c.source, [c.owner], f"communication '{c.id}' (owner)", customer, True)
        yield from _role_refs(playbook, written, c.source, c.recipients, f"communication '{c.id}' (recipients)",
                              customer, False)
    for i in playbook.change_impacts.values():
        yield from _role_refs(playbook, written, i.source, i.affects, f"change impact '{i.id}'", False, False)
    for a in playbook.agendas.values():
        customer = a.audience == CUSTOMER
        yield from _role_refs(playbook, written, a.source, [a.owner], f"agenda '{a.id}' (owner)", customer, True)
        yield from _role_refs(playbook, written, a.source, a.attendees, f"agenda '{a.id}' (attendees)", customer, False)
    for path in playbook.escalation_paths.values():
        yield from _role_refs(playbook, written, path.source, [level.role for level in path.levels],
                              f"escalation path '{path.id}'", path.audience == CUSTOMER, True)
    for r in playbook.raid_categories.values():
        yield from _role_refs(playbook, written, r.source, [r.owner], f"RAID category '{r.id}'",
                              r.audience == CUSTOMER, True)


def owners_do_not_receive_their_own_message(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """The owner sends a communication; listing them as a recipient too blurs who acts."""
    for c in playbook.communications.values():
        if c.owner in c.recipients:
            yield c.source.problem(f"communication '{c.id}' lists its owner '{c.owner}' among its recipients",
                                   "remove the owner from recipients; the owner sends it")


# A length, a day or a time in words: what a communication's fields hold, never its free text.
_STATED_TIMING = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|half an?)[ -]"
    r"(?:minutes?|mins?|hours?|hrs?|days?|working days?|weeks?)\b"
    r"|\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b"
    r"|\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b(?:daily|weekly|fortnightly|monthly)\b", re.IGNORECASE)
MEETING_MEDIA = {"video-call", "in-person"}


def communications_say_when_once(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Each fact of a communication is one field: a meeting has a length and a message none; a
    communication recurs or happens once, never both; the free text beside the fields states no
    day, time or length of its own, or it would drift from the fields the calendar reads."""
    phases = {p.id for p in playbook.phases()}
    for c in playbook.communications.values():
        what = f"communication '{c.id}'"
        if c.is_meeting and c.minutes is None:
            yield c.source.problem(f"{what} is a meeting without a length", "add 'minutes:', such as 'minutes: 30'")
        if not c.is_meeting:
            for key in ("minutes", "sent_ahead"):
                if getattr(c, key) is not None:
                    yield c.source.problem(f"{what} is a message, sent rather than attended, so it has no '{key}'",
                                           f"remove '{key}:', or write 'kind: meeting' if people meet for it")
        allowed = MEETING_MEDIA if c.is_meeting else {"email", "teams-channel"}
        for medium in c.channel:
            if medium not in allowed:
                yield c.source.problem(f"{what} is a {c.kind}, which does not travel as '{medium}'",
                                       f"use {' or '.join(sorted(allowed))} for a {c.kind}")
        if (c.recurs is None) == (c.once is None):
            yield c.source.problem(f"{what} needs exactly one of 'recurs' and 'once'",
                                   "write 'recurs:' for a series (day and time) or 'once:' for one timed from an event")
        if c.recurs is not None:
            yield from _recurrence_problems(what, c.recurs, phases)
        if c.once is not None:
            amounts = [key for key in ("working_days", "weeks") if getattr(c.once, key) is not None]
            if c.once.relation in ("before", "within") and len(amounts) != 1:
                yield c.once.source.problem(f"{what} is timed '{c.once.relation}' an event without one amount",
                                            "give 'working_days:' or 'weeks:' (one of them)")
            elif c.once.relation not in ("before", "within") and amounts:
                yield c.once.source.problem(f"{what} is timed '{c.once.relation}' an event, which takes no amount",
                                            f"remove '{amounts[0]}:', or use 'relation: before' or 'within'")
        for record, key in ((c, "note"), (c.recurs, "also"), (c.once, "event"), (c.sent_ahead, "what")):
            text = getattr(record, key, None) if record is not None else None
            stated = _STATED_TIMING.search(text) if text else None
            if stated:
                yield (getattr(record, f"{key}_source") or record.source).problem(
                    f"{what} states '{stated.group(0)}' in its free text '{key}'",
                    "write days, times and lengths in their fields (recurs, once, minutes, sent_ahead), "
                    "which every output reads, and leave them out of the text")


def _recurrence_problems(what: str, recurs: Any, phases: set[str]) -> Iterable[Problem]:
    if recurs.every == "week" and recurs.weekday is None:
        yield recurs.source.problem(f"{what} recurs weekly without a weekday", "add 'weekday:', monday to friday")
    if recurs.every == "working-day" and recurs.every_weeks != 1:
        yield recurs.source.problem(f"{what} happens every working day, so 'every_weeks' means nothing",
                                    "remove 'every_weeks:', or write 'every: week'")
    if recurs.then_weekly_last_weeks is not None and (recurs.every != "working-day" or recurs.during is None
                                                      or recurs.weekday is None):
        yield recurs.source.problem(f"{what} has 'then_weekly_last_weeks' without a daily series in a phase and a "
                                    "weekday", "use it with 'every: working-day', 'during:' and 'weekday:'")
    if recurs.during is not None and recurs.during not in phases:
        guess = difflib.get_close_matches(recurs.during, sorted(phases), n=1, cutoff=0.6)
        yield recurs.source.problem(f"{what} happens during '{recurs.during}', which is not a phase",
                                    (f"did you mean '{guess[0]}'? " if guess else "")
                                    + f"name one of: {', '.join(sorted(phases))}")


def escalation_levels_have_time_limits(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """A level without a time limit would hold a problem forever; only the last level decides.
    A limit means nothing without its unit."""
    for path in playbook.escalation_paths.values():
        yield from _escalation_levels(path)


def _escalation_levels(path: EscalationPath) -> Iterable[Problem]:
    for number, level in enumerate(path.levels, start=1):
        last = number == len(path.levels)
        if (level.limit is None) != (level.unit is None):
            has, lacks = ("limit", "unit") if level.unit is None else ("unit", "limit")
            yield level.source.problem(f"level {number} of escalation path '{path.id}' has a {has} without a {lacks}",
                                       "write both, such as 'limit: 2' and 'unit: working days'")
        elif level.limit is None and not last:
            yield level.source.problem(
                f"level {number} of escalation path '{path.id}' has no time limit, so a problem could stay there forever",
                "add 'limit:' and 'unit:' saying how long this level has before the problem moves up")


def glossary_spellings_are_unique(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Each spelling marks one term on every page, so it may belong to one term only; pages mark
    terms with *[term], so a spelling cannot hold square brackets."""
    seen: dict[str, GlossaryTerm] = {}
    for term in playbook.glossary.values():
        for spelling in term.spellings:
            if "[" in spelling or "]" in spelling:
                yield term.source.problem(f"the glossary spelling '{spelling}' contains a square bracket",
                                          "write the term without [ or ]; pages mark terms with *[term]")
            other = seen.setdefault(spelling, term)
            if other is not term:
                yield term.source.problem(
                    f"the spelling '{spelling}' of glossary term '{term.id}' is already used by the term '{other.id}'",
                    "keep the spelling on one term; a page can show only one meaning for it")


def synonym_words_mean_one_thing(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Search reads every word of a group as the same word, so a word in two groups would join
    two meanings; a related word that is also one of the group's words says nothing."""
    seen: dict[str, SearchSynonym] = {}
    for group in written.lists.get("search_synonyms", ()):
        own = set()
        for word in group.words:
            key = " ".join(word.lower().split())
            other = seen.setdefault(key, group)
            if other is not group:
                yield group.source.problem(
                    f"the word '{word}' of search synonym '{group.id}' is already in the group '{other.id}'",
                    "keep it in one group: merge the two groups if they mean the same thing")
            own.add(key)
        for word in group.related:
            if " ".join(word.lower().split()) in own:
                yield group.source.problem(f"'{word}' is both a word and a related word of search synonym '{group.id}'",
                                           "list it once, under words: if pages use it, under related: if only readers do")


def checked_in_items_exist(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """An activity's checklist item gives it a due point and, outside the lifecycle, a phase: the
    item must exist, be seen wherever the activity is, and belong to the activity's own process or,
    for a process outside the lifecycle, to a phase."""
    for process in playbook.processes.values():
        for activity in process.activities:
            if not activity.checked_in:
                continue
            where = f"activity '{activity.id}' (checked_in)"
            source = activity.checked_in_source or activity.source
            found = playbook.checklist_item(activity.checked_in)
            checklist_id = activity.checked_in.partition("/")[0]
            if found is None:
                checklist = playbook.checklists.get(checklist_id)
                known = ([f"{checklist_id}/{i.id}" for i in checklist.items] if checklist
                         else [f"{c.id}/{i.id}" for c in playbook.checklists.values() for i in c.items])
                guess = difflib.get_close_matches(activity.checked_in, known, n=1, cutoff=0.6)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                yield source.problem(f"{where} names the checklist item '{activity.checked_in}', which does "
                                              "not exist", f"{hint}write checklist-id/item-id of an item in data/checklists/")
                continue
            checklist, item = found
            owner = playbook.processes.get(checklist.process)
            if checklist.process != process.id and (process.phase or owner is None or owner.phase is None):
                yield source.problem(
                    f"{where} names an item of the checklist '{checklist.id}', which belongs to '{checklist.process}', "
                    f"not to this activity's process '{process.id}'",
                    "name an item of this process's own checklist; only an activity of a process outside the "
                    "lifecycle may name an item of a phase's checklist, which says when it happens")
            elif activity.audience == CUSTOMER and item.audience != CUSTOMER:
                yield source.problem(
                    f"{where} is shown to customers but its checklist item '{activity.checked_in}' is internal, so the "
                    "customer site could not say when it is due",
                    "name an item customers see, or mark the activity 'audience: internal'")


def sign_offs_say_when(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """Everything signed is listed with when it is due; the due point lives on the checklist item
    that records the signature, so it is written once."""
    for process in playbook.processes.values():
        for activity in process.activities:
            if activity.sign_off and not activity.checked_in:
                yield activity.source.problem(
                    f"activity '{activity.id}' is a sign-off but does not say when it is due",
                    "add 'checked_in: checklist-id/item-id' naming the checklist item that records the signature")


def _said(text: str) -> str:
    return " ".join(text.lower().split())


def role_names_mean_one_role(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """A role's short name is read as that role in every sentence, so it may mean one role only."""
    seen: dict[str, Role] = {_said(role.title): role for role in written.roles}
    for role in written.roles:
        for name in role.short_names:
            other = seen.setdefault(_said(name), role)
            if other is not role:
                yield role.source.problem(f"the short name '{name}' of role '{role.id}' already names the role '{other.id}'",
                                          "give each short name to one role only")


def activity_phrases_mean_one_activity(playbook: Playbook, written: Written) -> Iterable[Problem]:
    """A phrase in said_as is read as its activity in every sentence, so it may mean one activity only."""
    seen: dict[str, str] = {}
    for process in written.processes:
        for activity in process.activities:
            for phrase in activity.said_as:
                other = seen.setdefault(_said(phrase), activity.id)
                if other != activity.id:
                    yield activity.source.problem(
                        f"the phrase '{phrase}' of activity '{activity.id}' is already said of the activity '{other}'",
                        "give each phrase to one activity only: make it name what differs")


def missing_pages(playbook: Playbook, exists: Callable[[str], bool], removed: Iterable[str] = ()) -> list[Problem]:
    """Pages that data names (a process's page, a communication's template, the page of a
    complaint's solution, a glossary term's "more" page, the changelog's pages) must exist, or the
    link drawn from data would silently disappear.

    Checked against the whole playbook, so an internal item is checked in the customer build too.
    A page the customer build dropped as internal counts as existing: the link is simply not shown
    there, as with every other link to an internal page drawn from data."""
    removed = set(removed)
    problems = []
    for ref in playbook.page_references():
        if ref.page in removed or exists(ref.page):
            continue
        problems.append(Problem(ref.source.file if ref.source else "data/", ref.source.line if ref.source else None,
                                f"{ref.what} '{ref.page}', which does not exist in docs/",
                                "correct the path (relative to docs/, such as phases/kickoff.md) or create the page"))
    return problems
