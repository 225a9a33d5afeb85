"""Who a page's own words say does or signs an activity, read against that activity's matrix.

Issue 24: the welcome page and the customer questions said the implementation project manager
books the kickoff, while the kickoff matrix makes the customer project lead Responsible for it.
A sentence that names a role together with an activity states a fact the matrix holds, and the
two drift. So each sentence of a page's prose (code, macro calls and link targets left out, as
in test_facts_in_prose) is read for:

- an activity, named by its title or by one of its `said_as` phrases (data/processes/), each a
  phrase starting with its verb ("book the kickoff"), matched in any form of the verb ("books",
  "booked", "booking") and with any determiner ("your kickoff"), actively ("X books the kickoff")
  or passively ("the kickoff is booked by X");
- the role the sentence makes its doer: for an active phrase the role named last before the verb
  (with the roles joined to it by "and" or "or", and "who" leading back to it), for a passive one
  the role after "by". Roles are named by their title or a `short_names` entry (data/roles.yml).

That role must hold the letter the sentence gives it: R for doing the activity; for a sign-off,
be one who signs it (its Accountable, and where that is one of our roles, the customer's
Responsible roles: playbook.present.activity_views.signers); A where the sentence says the role is
accountable or answers for it.

Precision comes from the matching, not from exceptions: a question ("Can the account manager run
the kickoff?") and a negated clause state no one's duty and are not read; a role separated from
the verb by a subject of its own ("we", "you"), by a macro call, or by more than a short clause is
not taken for its doer. A sentence that says who does something through responsible() or
accountable() names no role in its own words, so it is right by construction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from playbook.model.facts import Activity, Playbook, Process
from playbook.present.activity_views import signers

# Verbs whose forms a suffix rule gets wrong: base -> (third person, past, participle, -ing).
IRREGULAR = {
    "run": ("runs", "ran", "run", "running"),
    "write": ("writes", "wrote", "written", "writing"),
    "make": ("makes", "made", "made", "making"),
    "give": ("gives", "gave", "given", "giving"),
    "send": ("sends", "sent", "sent", "sending"),
    "hold": ("holds", "held", "held", "holding"),
    "lead": ("leads", "led", "led", "leading"),
    "tell": ("tells", "told", "told", "telling"),
    "set": ("sets", "set", "set", "setting"),
    "take": ("takes", "took", "taken", "taking"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "build": ("builds", "built", "built", "building"),
    "plan": ("plans", "planned", "planned", "planning"),
    "draw": ("draws", "drew", "drawn", "drawing"),
}
DETERMINERS = ("the", "a", "an", "your", "our", "their", "its", "this", "that", "each", "every")
PARTICLES = ("off", "up", "over", "back", "out", "through", "in", "down")
# Words that end a claim before it is made: "does not book", "never signs".
NEGATION = re.compile(r"\b(?:not|never|no longer|nobody|no one|neither|nor)\b|n't\b", re.IGNORECASE)
# A subject of its own between a role and a verb makes the verb that subject's.
OTHER_SUBJECT = re.compile(r"\b(?:we|you|they|I|he|she)\b", re.IGNORECASE)
ACCOUNTABLE_CUE = re.compile(r"\b(?:accountable|answerable|answers)\s+for\b", re.IGNORECASE)
# How far a doer may stand from its verb: a short clause ("..., who runs it until handover and").
MAX_GAP_WORDS = 12
# A role after one of these is the object of something else ("works with the project manager to
# book"), unless a "who" leads back to it.
PREPOSITION_BEFORE = re.compile(r"\b(?:with|to|by|from|for|of|at|on|about|than|beside|between|under|via)\s+"
                                r"(?:(?:the|a|an|your|our|their|its|each|every|dedicated|named|new|outgoing)\s+)*$",
                                re.IGNORECASE)
# The only comma allowed between a doer and its verb opens a relative clause about the doer.
WHO = re.compile(r"^\s*,\s*who\b", re.IGNORECASE)
MACRO_MARK = "…"  # test_facts_in_prose.prose() puts this where a macro call was


def verb_forms(verb: str) -> tuple[str, str, str, str, str]:
    """(base, third person, past, participle, -ing) of a verb."""
    if verb in IRREGULAR:
        return (verb, *IRREGULAR[verb])
    if verb.endswith("e"):
        third, past, ing = verb + "s", verb + "d", verb[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", verb):
        third, past, ing = verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    elif re.search(r"(?:s|sh|ch|x|z)$", verb):
        third, past, ing = verb + "es", verb + "ed", verb + "ing"
    else:
        third, past, ing = verb + "s", verb + "ed", verb + "ing"
    return verb, third, past, past, ing


def _words_pattern(words: list[str]) -> str:
    """The words of a phrase after its verb: a determiner may be any determiner, or none."""
    parts = []
    for word in words:
        if word.lower() in DETERMINERS:
            parts.append(r"(?:(?:" + "|".join(DETERMINERS) + r")\s+)?")
        else:
            parts.append(re.escape(word) + r"s?\s+")
    return "".join(parts).removesuffix(r"\s+")


@dataclass(frozen=True)
class Phrase:
    activity: Activity
    process: Process
    active: re.Pattern
    passive: re.Pattern | None


def phrases(playbook: Playbook) -> list[Phrase]:
    """A pattern for every title and said_as phrase of every activity."""
    found = []
    for process in playbook.processes.values():
        for activity in process.activities:
            for text in (activity.title, *activity.said_as):
                words = text.split()
                verb, rest = words[0].lower(), words[1:]
                base, third, past, participle, ing = verb_forms(verb)
                forms = "|".join(sorted({base, third, past, participle, ing}, key=len, reverse=True))
                tail = _words_pattern(rest)
                active = re.compile(rf"\b(?:{forms})\s+{tail}\b" if rest else rf"\b(?:{forms})\b", re.IGNORECASE)
                passive = None
                particle = rest[0] if rest and rest[0].lower() in PARTICLES else ""
                thing = rest[1:] if particle else rest
                if thing:
                    be = r"(?:is|are|was|were|be|been|being|gets|get|got)"
                    passive = re.compile(
                        rf"\b{_words_pattern(thing)}\s+(?:\w+\s+){{0,2}}?{be}\s+(?:\w+\s+)?{re.escape(participle)}"
                        + (rf"\s+{particle}" if particle else "") + r"\s+by\b", re.IGNORECASE)
                found.append(Phrase(activity, process, active, passive))
    return found


def role_pattern(playbook: Playbook) -> list[tuple[str, re.Pattern]]:
    """(role id, pattern) for every title and short name, longest first so "customer project
    lead" is read before "project lead". A name with a word in capitals (PM, IT lead) keeps its
    case: "it lead" and "pm" are other words."""
    names = []
    for role in playbook.roles.values():
        for name in (role.title, *role.short_names):
            names.append((role.id, name))
    names.sort(key=lambda pair: len(pair[1]), reverse=True)
    patterns = []
    for role_id, name in names:
        capitals = any(len(word) > 1 and word.isupper() for word in name.split())
        flags = 0 if capitals else re.IGNORECASE
        patterns.append((role_id, re.compile(rf"\b{re.escape(name)}(?:s|es)?\b", flags)))
    return patterns


@dataclass(frozen=True)
class Mention:
    role: str
    start: int
    end: int


def mentions(sentence: str, roles: list[tuple[str, re.Pattern]]) -> list[Mention]:
    """Every role named in a sentence, a longer name winning over a shorter one inside it."""
    taken: list[Mention] = []
    for role_id, pattern in roles:
        for match in pattern.finditer(sentence):
            if not any(m.start < match.end() and match.start() < m.end for m in taken):
                taken.append(Mention(role_id, match.start(), match.end()))
    return sorted(taken, key=lambda m: m.start)


_JOINED = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:(?:the|your|our|their)\s+)?$", re.IGNORECASE)


def _group_before(named: list[Mention], sentence: str, index: int) -> list[Mention]:
    """The mention at index and those joined to it before it ("A, B and C"); a pronoun standing
    for several roles is several mentions of one span."""
    group = [m for m in named if (m.start, m.end) == (named[index].start, named[index].end)]
    index = named.index(group[0])
    while index > 0 and _JOINED.match(sentence[named[index - 1].end:named[index].start]):
        index -= 1
        group.append(named[index])
    return group


def _first_of_group(named: list[Mention], sentence: str, index: int) -> int:
    return named.index(_group_before(named, sentence, index)[-1])


def _group_after(named: list[Mention], sentence: str, index: int) -> list[Mention]:
    group = [named[index]]
    while index + 1 < len(named) and _JOINED.match(sentence[named[index].end:named[index + 1].start]):
        index += 1
        group.append(named[index])
    return group


@dataclass(frozen=True)
class Claim:
    """A sentence saying a role does, signs or answers for an activity."""

    role: str
    activity: Activity
    process: Process
    letter: str        # the letter the sentence gives: R (does), S (signs) or A (answers for)
    said: str          # the words that name the activity


# A sentence that opens with one of these speaks of the roles the sentence before named last.
PRONOUN_SUBJECT = re.compile(r"^(?:They|He|She|(?:That|This|The same) person)\b")


def claims(sentence: str, playbook: Playbook, known: list[Phrase] | None = None,
           roles: list[tuple[str, re.Pattern]] | None = None, carried: tuple[str, ...] = ()) -> list[Claim]:
    """Every role a sentence names as the doer, signer or answerer of an activity. `carried`: the
    roles the paragraph's earlier sentences named last, which an opening "They" stands for."""
    if sentence.rstrip().endswith("?"):
        return []
    known = phrases(playbook) if known is None else known
    roles = role_pattern(playbook) if roles is None else roles
    named = mentions(sentence, roles)
    pronoun = PRONOUN_SUBJECT.match(sentence.lstrip())
    if pronoun and carried:
        offset = len(sentence) - len(sentence.lstrip())
        named = [Mention(role, offset, offset + pronoun.end()) for role in carried] + named
    if not named:
        return []
    found = []
    for phrase in known:
        for match in phrase.active.finditer(sentence):
            before = [i for i, m in enumerate(named) if m.end <= match.start()]
            if not before:
                continue
            last = before[-1]
            gap = sentence[named[last].end:match.start()]
            relative = WHO.match(gap)
            if (NEGATION.search(gap) or OTHER_SUBJECT.search(gap) or MACRO_MARK in gap
                    or len(gap.split()) > MAX_GAP_WORDS or any(p.active.search(gap) for p in known)
                    or ("," in gap and not relative)
                    or (not relative and PREPOSITION_BEFORE.search(sentence[:named[_first_of_group(named, sentence, last)].start]))):
                continue
            letter = "A" if ACCOUNTABLE_CUE.search(gap) else "S" if phrase.activity.sign_off else "R"
            found += [Claim(m.role, phrase.activity, phrase.process, letter, match.group(0))
                      for m in _group_before(named, sentence, last)]
        if phrase.passive is None:
            continue
        for match in phrase.passive.finditer(sentence):
            if NEGATION.search(match.group(0)):
                continue
            after = [i for i, m in enumerate(named) if m.start >= match.end()]
            if not after or sentence[match.end():named[after[0]].start].strip(" ,").lower() not in ("", "the", "your", "our"):
                continue
            letter = "S" if phrase.activity.sign_off else "R"
            found += [Claim(m.role, phrase.activity, phrase.process, letter, match.group(0))
                      for m in _group_after(named, sentence, after[0])]
    # A title and a phrase, or two phrases, may name the same words: one claim each.
    return list({(c.role, c.activity.id, c.letter): c for c in found}.values())


def holds(playbook: Playbook, claim: Claim) -> bool:
    if claim.letter == "S":
        return claim.role in {r.id for r in signers(playbook, claim.activity)}
    return claim.activity.letter_for(claim.role) == claim.letter


LETTER_WORDS = {"R": "does", "S": "signs", "A": "answers for"}


def describe(playbook: Playbook, claim: Claim) -> str:
    role = playbook.roles[claim.role].title
    letter = claim.activity.letter_for(claim.role) or "no letter"
    if claim.letter == "S":
        expected = " or ".join(r.title for r in signers(playbook, claim.activity))
    else:
        expected = " and ".join(playbook.roles[r].title for r in claim.activity.holders(claim.letter))
    macro = "accountable" if claim.letter in "AS" else "responsible"
    return (f"says the {role.lower()} {LETTER_WORDS[claim.letter]} '{claim.activity.title}' ('{claim.said}'), but "
            f"data/processes/{claim.process.id}.yml gives it {letter}; the matrix says {expected} — write "
            f'{{{{ {macro}("{claim.activity.id}") }}}} instead of the role\'s name')


def claims_in(sentences: list[tuple[int, str]], playbook: Playbook, known: list[Phrase] | None = None,
              roles: list[tuple[str, re.Pattern]] | None = None) -> list[tuple[int, Claim]]:
    """The claims of a page's sentences, (line, claim), each sentence knowing which roles the
    sentences before it in its paragraph named last (prose() gives a paragraph's sentences its
    first line)."""
    known = phrases(playbook) if known is None else known
    roles = role_pattern(playbook) if roles is None else roles
    found, block, carried = [], None, ()
    for line, sentence in sentences:
        if line != block:
            block, carried = line, ()
        found += [(line, claim) for claim in claims(sentence, playbook, known, roles, carried)]
        named = mentions(sentence, roles)
        if named:
            carried = tuple(m.role for m in _group_before(named, sentence, len(named) - 1))
    return found
