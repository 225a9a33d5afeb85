"""How search reads text: words and their stems, the words that carry no meaning, synonym groups,
and a section's text cut into passages. The build reads every page with this module
(playbook/search/split_index.py); the search worker (overrides/assets/playbook/search-worker.js)
reads each question with its own copy of `words` and of the synonym matching, and receives the stop
words from here, so a word on a page and the same word in a question meet.
tests/browser/test_search_worker.py compares the two readings.
"""
from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from playbook.search.stemming import stem

# Words that carry no meaning in a question. They are dropped from questions; on pages they are
# kept out of the index, so they never decide a ranking. The worker gets this list in the index's
# config (config.playbook.stop).
STOP_WORDS = frozenset((
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can cannot could did do does doing done during each either else ever every "
    "few for from further get gets getting got had has have having he her here hers herself him himself his "
    "how however i if in into is it its itself just let like me might mine more most must my myself nor not "
    "now of on once only onto or other ought our ours ourselves out over own please quite rather really same "
    "shall she should so some someone something such than that the their theirs them themselves then there "
    "these they this those through thus to too under until up upon us very was we were what whatever when "
    "whenever where whether which while who whoever whom whose why will with within would yet you your yours "
    "yourself yourselves im ive id youre youve weve theyre dont doesnt didnt cant cannot couldnt shouldnt "
    "wont wouldnt isnt arent wasnt werent hasnt havent hadnt mustnt whats whos wheres hows lets thats theres "
    # Light verbs: in a question they carry the sentence, not its subject ("what goes in", "can't make it").
    "go goes going went gone make makes made making take takes took taking give gives gave given giving "
    "put puts happen happens happened want wants wanted look looks looking "
    # The frame of a question about duties ("what is expected of the sponsor", "what am I supposed
    # to do"): it asks for what a role does, which the role's own words answer.
    "expect expects expected expecting supposed"
).split())

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_ABBREVIATION_PLURAL = re.compile(r"\b([A-Z]{2,})['’]?s\b")
_GLUED = re.compile(r"([a-z])([A-Z])")
_POSSESSIVE = re.compile(r"['’]s$")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Word:
    """A word as search reads it: `surface` lower-cased, its `stem`; `extra` marks the joined
    spelling of a hyphenated word ("golive" after "go", "live"); `typed` numbers the word as written."""

    surface: str
    stem: str
    extra: bool
    typed: int


def words(text: str) -> list[Word]:
    """The words of a text, in order, as the worker's words() reads a question: a word two words
    glue together ("InternalOwner") is split; "customer's" is "customer", "don't" is "dont"; the
    plural of an abbreviation ("SMEs") is the abbreviation; a hyphenated word is its parts in order
    plus the joined spelling."""
    found: list[Word] = []
    for typed, match in enumerate(_matches(text)):
        found += [Word(surface, stem_, extra, typed) for surface, stem_, extra in _spelled(match)]
    return found


def _matches(text: str) -> list[str]:
    return WORD.findall(_GLUED.sub(r"\1 \2", _ABBREVIATION_PLURAL.sub(r"\1", text)).lower())


@functools.lru_cache(maxsize=200_000)
def _spelled(match: str) -> tuple[tuple[str, str, bool], ...]:
    """One written word as (surface, stem, extra) words: a page of a handbook repeats its words, so
    each spelling is worked out once."""
    word = _POSSESSIVE.sub("", match).replace("'", "").replace("’", "")
    if "-" not in word:
        return ((word, stem(word), False),)
    parts = [part for part in word.split("-") if part]
    joined = "".join(parts)
    return (*((part, stem(part), False) for part in parts), (joined, stem(joined), True))


def read(text: str, synonyms: Synonyms) -> tuple[list[str], list[tuple[str, str, bool]]]:
    """A text's tokens (as tokens() gives them) and its words as (surface, stem, extra): the build
    reads every passage of every page with this."""
    spelled = [each for match in _matches(text) for each in _spelled(match)]
    out = [stem_ for surface, stem_, _ in spelled if surface not in STOP_WORDS]
    if synonyms.phrases:
        out += [token for _start, _end, token in synonyms.find_stems([each[1] for each in spelled if not each[2]])]
    return out, spelled


def plain(markup: str) -> str:
    """A fragment's text: tags out, entities decoded."""
    return html.unescape(_TAG.sub(" ", markup))


class Synonyms:
    """config.synonyms as the worker reads them: each group's words become one token ("=" and the
    group's number) wherever they occur; each related word points to the group."""

    def __init__(self, groups: Sequence[dict]) -> None:
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first stem -> longest first
        self.group_stems: dict[str, set[str]] = {}  # token -> the stems of its words' phrases
        for n, group in enumerate(groups):
            token = f"={n}"
            for phrase in group.get("words") or ():
                self._add(phrase, token)
        for entries in self.phrases.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # stable, as the worker's sort

    def _add(self, phrase: str, token: str) -> None:
        listed = words(phrase)
        seq = tuple(w.stem for w in listed if not w.extra)
        if not seq:
            return
        self.phrases.setdefault(seq[0], []).append((seq, token))
        self.group_stems.setdefault(token, set()).update(seq)
        joined = [w for w in listed if w.extra]
        if len(joined) == 1:  # "golive" written as one word is the same word too
            self.phrases.setdefault(joined[0].stem, []).append(((joined[0].stem,), token))
            self.group_stems[token].add(joined[0].stem)

    def find(self, seq: Sequence[Word]) -> list[tuple[int, int, str]]:
        """Where a group's words occur in a run of words: (start, end, token), longest first, not
        overlapping."""
        return self.find_stems([w.stem for w in seq])

    def find_stems(self, seq: Sequence[str]) -> list[tuple[int, int, str]]:
        found = []
        i = 0
        while i < len(seq):
            for stems, token in self.phrases.get(seq[i], ()):
                if i + len(stems) <= len(seq) and all(seq[i + k] == stems[k] for k in range(1, len(stems))):
                    found.append((i, i + len(stems), token))
                    i += len(stems) - 1
                    break
            i += 1
        return found


def tokens(listed: Sequence[Word], synonyms: Synonyms) -> list[str]:
    """The tokens of a text: each word's stem (stop words left out), joined spellings, and the
    token of every synonym group found in it."""
    out = [w.stem for w in listed if w.surface not in STOP_WORDS]
    out += [token for _start, _end, token in synonyms.find([w for w in listed if not w.extra])]
    return out


# -- Passages -------------------------------------------------------------------------------------

# A section's text is cut into passages: a paragraph into sentences, a list into its items, a code
# block into lines; text outside any of them reads as paragraphs. A list inside an item is a block
# of its own after it, so an item holding a long list never holds every word of it. The build cuts
# every section once: the passages are what search ranks, and the text files hold them as they
# are, so a result's snippet shows the passages that hold the question's words, each put back in
# the element it came from (the worker no longer cuts text of its own).
_BLOCK_START = re.compile(r"<(ul|ol|p|pre)\b[^>]*>")
_ITEM = re.compile(r"<li\b[^>]*>")
_SUBLIST = re.compile(r"<(ul|ol)\b[^>]*>")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z0-9\"“(])")
_CODE = re.compile(r"^<code\b[^>]*>|</code>$")
LEAD_WORDS = 12  # the longest sentence read as the introduction of the list after it


@dataclass(frozen=True)
class Piece:
    """A passage: its markup, the sentence that introduces its list ("" when none), the element it
    goes back into when shown (p, ul, ol or pre) and the number of its block within the section
    (the passages of one list or paragraph share it)."""

    html: str
    lead: str = ""
    tag: str = "p"
    block: int = 0


def _closing(markup: str, tag: str, start: int) -> int:
    """Where the element opening at start ends: just after its matching end tag."""
    depth = 0
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(markup, start):
        depth += -1 if match.group(1) else 1
        if not depth:
            return match.end()
    return len(markup)


def _strip_end(markup: str, tag: str) -> str:
    return markup[:-len(f"</{tag}>")] if markup.endswith(f"</{tag}>") else markup


def cut(markup: str) -> list[Piece]:
    """A section's text (the index's HTML: p, ul, ol, li, pre, code) as passages, in order."""
    pieces: list[Piece] = []
    blocks = 0

    def block() -> int:
        nonlocal blocks
        blocks += 1
        return blocks - 1

    def add(part: str, tag: str, number: int, lead: str = "") -> None:
        if part.strip():
            pieces.append(Piece(part.strip(), lead, tag, number))

    def sentences(inner: str) -> None:
        number = block()
        for part in _SENTENCE_END.split(inner):
            add(part, "p", number)

    def lead_in(before: str) -> str:
        last = _SENTENCE_END.split(_TAG.sub(" ", before))[-1].strip()
        return last if last and len(WORD.findall(last)) <= LEAD_WORDS else ""

    def items(tag: str, inner: str, lead: str) -> None:
        number, at = block(), 0
        while match := _ITEM.search(inner, at):
            end = _closing(inner, "li", match.start())
            body = _strip_end(inner[match.end():end], "li")
            own, nested, k = "", [], 0
            while sub := _SUBLIST.search(body, k):
                stop = _closing(body, sub.group(1), sub.start())
                before = body[k:sub.start()]
                own += before
                nested.append((sub.group(1), _strip_end(body[sub.end():stop], sub.group(1)), lead_in(before)))
                k = stop
            own += body[k:]
            add(own, tag, number, lead)
            for inner_tag, inner_list, inner_lead in nested:
                items(inner_tag, inner_list, inner_lead)
            at = end

    at, previous = 0, ""
    while match := _BLOCK_START.search(markup, at):
        loose = markup[at:match.start()]
        loose_text = _TAG.sub("", loose).strip()
        if loose_text:
            sentences(loose)
        tag = match.group(1)
        end = _closing(markup, tag, match.start())
        inner = _strip_end(markup[match.end():end], tag)
        if tag == "pre":
            number = block()
            for line in _CODE.sub("", inner).split("\n"):
                add(line, "pre", number)
        elif tag == "p":
            sentences(inner)
        else:
            items(tag, inner, lead_in(loose if loose_text else previous))
        previous = inner if tag == "p" else ""
        at = end
    rest = markup[at:]
    if _TAG.sub("", rest).strip():
        sentences(rest)
    return pieces


def title_stems(title: str) -> list[str]:
    """The stems of a title's words that carry meaning, as the ranking weighs how much of a page's
    title a question names."""
    return [w.stem for w in words(plain(title)) if not w.extra and w.surface not in STOP_WORDS]

