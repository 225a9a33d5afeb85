"""The search index split into files a reader's browser fetches by need, as Pagefind splits its own.

One index file holding every page's text grows with the handbook (5.6 MB gzipped at 3,000 pages),
and every reader paid for all of it before the first result. The build now reads each page's words
itself (playbook/search/words.py: the stems, synonym groups and passages the worker used to compute
in the browser) and writes:

  search/search_index.json   what the worker always needs (Material loads it and hands it over as
                             the config of its SETUP message): the stop words, synonyms and question
                             frames; each page's address and title and how many passages each of
                             its sections holds; the first token of each word file; the site's
                             numbers (pages, the files there are)
  search/words/<n>.js        postings by page: for each token (a stem or a synonym group) in a run
                             of the sorted tokens, the section titles, page titles and pages that
                             hold it, with its saturated frequency worked out here, and the facts
                             whose subject names it; and its passages, when they are few
  search/passages/<n>.js     the passages of one token found in many (a frequent word): loaded
                             only for a word of the question typed whole, never for a completion
                             of the word being typed, packed (see packed)
  search/vocab/<c>.js        the words of the site starting with one character, with their stems,
                             for completing the word still being typed, typos and suggestions
  search/pages/<n>.js        one page's sections (anchor, title) and its first PASSAGES_PER_FILE
                             passages, as shown ([element, block, markup]); pages/<n>-<k>.js the
                             k-th run of as many: a result loads its page's first file and the
                             files holding the passages its snippets show
  search/facts/<n>.js        the facts search answers with, a hundred to a file

Every file but the first is a script that hands its data to `pbSearchData(name, data)`: the worker
fetches it and reads the data, and from disk (the customer bundle, where fetch() of a local file is
refused) it loads it as a script, as Material's offline index is loaded. The ranking is the
worker's (overrides/assets/playbook/search-worker.js); this module only counts.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from playbook.search import words as reading
from playbook.search.words import STOP_WORDS, Synonyms, Word, cut, plain, title_stems

FILES = "search/"
FOLDERS = ("words", "passages", "vocab", "pages", "facts")  # under search/, written anew by every build
# A word file holds the tokens of a run, sorted, until its JSON reaches this many characters (one
# token whose postings are longer has a file to itself): small enough that a question's rare words
# cost a few kilobytes, large enough that a handbook has a few hundred files, not a file per word.
WORDS_FILE_CHARS = 24_000
# A token's passages stay in its word file while they take fewer characters than this; a token
# found in more passages has them in a file of its own (passages/<n>.js), which only a question
# that holds the word itself loads: a word being typed is completed from the word files alone
# (pages, titles and headings, at most one entry per page), so a prefix never costs the passages
# of every word it starts.
PASSAGES_INLINE_CHARS = 2_000
FACTS_PER_FILE = 100
# A page's passages are cut into files of this many passages (about 4,000 characters), anywhere
# between two (a section of a role page holds thousands): a result loads the first file of its
# page (its sections' anchors and titles, and its first passages) and the files holding the
# passages its snippets show.
PASSAGES_PER_FILE = 40

# The worker's weights of a word's frequency (BM25's saturation, per passage and per page); they
# are applied here, so the worker reads one number per place a word is found.
K1, B_PASSAGE, B_PAGE = 1.2, 0.5, 0.9
# The page's own weights (BM25F): its title and search terms, its headings, its text.
PAGE_TITLE, PAGE_TERMS, HEADINGS, TEXT = 4, 3, 1.5, 1
# Fractions are written as whole hundredths: the files are read by a person as rarely as ever,
# and "113" is a third the size of "1.1304347826".
SCALE = 100
# A word's weight in a passage, in twentieths: passages are the largest part of the index (a
# frequent word is in tens of thousands), and its weight there is one of a page's two measures.
PASSAGE_SCALE = 20
# Passages' numbers are written as strings of these digits (see packed), which gzip packs twice
# as tightly as JSON's decimals.
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def saturate(tf: float, length: float, average: float, b: float) -> float:
    return tf * (K1 + 1) / (tf + K1 * (1 - b + b * length / average))


def idf(pages: int, df: int) -> float:
    return math.log(1 + (pages - df + 0.5) / (df + 0.5))


def _scaled(value: float, scale: int = SCALE) -> int:
    return max(1, round(value * scale))


def _packed_one(number: int) -> str:
    digits = [DIGITS[number & 31]]
    number >>= 5
    while number:
        digits.append(DIGITS[32 + (number & 31)])
        number >>= 5
    return "".join(reversed(digits))


# Nearly every number packed is a small delta or weight: their spellings are looked up, not worked
# out (the index packs millions of them at 1,000 pages).
_PACKED = tuple(_packed_one(number) for number in range(1 << 15))


def packed(numbers: Iterable[int]) -> str:
    """Whole numbers (0 or more) as one string: each number in five-bit digits, the most
    significant first, every digit but its last one from the upper half of DIGITS. The worker's
    unpacked() reads it back."""
    table, size = _PACKED, len(_PACKED)
    return "".join([table[number] if number < size else _packed_one(number) for number in numbers])


@dataclass
class _Page:
    number: int
    path: str
    title: str
    boost: float
    own: dict[str, int] = field(default_factory=dict)        # title and search terms
    whole: dict[str, float] = field(default_factory=dict)    # weighted frequency over the page
    length: int = 0
    sections: list[list[str]] = field(default_factory=list)  # [location, title] of each entry
    passages: list[int] = field(default_factory=list)        # passages per entry
    shown: list[list] = field(default_factory=list)          # each passage as shown: [tag, block, html]
    titles: list[dict[str, int]] = field(default_factory=list)  # each section's title tokens


def _count(items: Iterable[str], into: dict | None = None, weight: float = 1) -> dict:
    into = {} if into is None else into
    for item in items:
        into[item] = into.get(item, 0) + weight
    return into


@dataclass
class Files:
    """What write_index writes: the always-loaded index, and every other file by its path under
    search/ with its text."""

    index: dict
    scripts: dict[str, str]


def script(name: str, data: object) -> str:
    """A file the worker reads: the data handed to pbSearchData, by name. Its JSON escapes "<",
    so no text of a page can end the script it sits in."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False).replace("<", "\\u003c")
    return f"pbSearchData({json.dumps(name)},{text});\n"


def build(docs: Sequence[dict], config: Mapping, facts: Sequence[dict]) -> Files:
    """The split index of a site: docs as Material's index lists them (a page's entry first, its
    sections after it; `terms` and `boost` on the page's entry), config with its synonyms and
    frames, and the facts search answers with (playbook.search.facts.located)."""
    synonyms = Synonyms(config.get("synonyms") or ())
    surfaces: dict[str, tuple[str, bool]] = {}  # surface -> (stem, only ever a joined spelling)
    title_words: dict[str, int] = {}

    def read(text: str, is_title: bool = False) -> list[str]:
        found, spelled = reading.read(text, synonyms)
        for surface, stem, extra in spelled:
            if surface not in surfaces or surfaces[surface][1] and not extra:
                surfaces[surface] = (stem, extra)
            if is_title and not extra and surface not in STOP_WORDS:
                title_words[surface] = title_words.get(surface, 0) + 1
        return found

    # A handbook repeats passages (a role's line, a step every checklist holds): each distinct
    # markup is read once. Reading it again would change nothing: a passage's words are not a
    # title's, so they only fill `surfaces`, which the first reading filled.
    read_passages: dict[str, tuple[list[str], str]] = {}

    def passage(markup: str) -> tuple[list[str], str]:
        found = read_passages.get(markup)
        if found is None:
            listed = read(plain(markup))
            found = read_passages[markup] = (listed, " ".join(listed))
        return found

    pages: list[_Page] = []
    by_path: dict[str, _Page] = {}
    passages: list[tuple[int, dict[str, int], int]] = []  # (page, token counts, length)
    copies_of: dict[str, set[int]] = {}
    passage_text: list[str] = []
    for doc in docs:
        path = doc["location"].split("#")[0]
        page = by_path.get(path)
        if page is None:
            boost = doc.get("boost") or 1
            page = by_path[path] = _Page(len(pages), path, doc.get("title") or "", boost ** 0.25 if boost > 0 else 1)
            pages.append(page)
            title_tokens = read(plain(page.title), True)
            term_tokens = read(doc.get("terms") or "")
            page.own = _count(title_tokens, _count(term_tokens))
            _count(title_tokens, page.whole, PAGE_TITLE)
            _count(term_tokens, page.whole, PAGE_TERMS)
        number = page.number
        is_page = doc["location"] == path
        heading: dict[str, int] = {}
        if not is_page:
            heading = _count(read(plain(doc.get("title") or ""), True))
            for token, n in heading.items():
                page.whole[token] = page.whole.get(token, 0) + HEADINGS * n
        page.titles.append(heading)
        page.sections.append([doc["location"], doc.get("title") or ""])
        pieces = cut(doc.get("text") or "")
        page.passages.append(len(pieces))
        for piece in pieces:
            page.shown.append([piece.tag, piece.block, piece.html])
            listed, same = passage(piece.html)
            found = listed + passage(piece.lead)[0] if piece.lead else listed
            if same:
                copies_of.setdefault(same, set()).add(number)
            passage_text.append(same)
            passages.append((number, Counter(found), len(found)))
            _count(listed, page.whole, TEXT)
            page.length += len(listed)

    copy_ids: dict[str, int] = {}
    for text, holders in copies_of.items():
        if len(holders) > 1:
            copy_ids[text] = len(copy_ids)
    average_passage = (sum(length for _, _, length in passages) / max(len(passages), 1)) or 1
    average_page = (sum(p.length for p in pages) / max(len(pages), 1)) or 1
    n_pages = len(pages)

    postings: dict[str, dict[str, list]] = {}

    def posting(token: str) -> dict[str, list]:
        found = postings.get(token)
        if found is None:
            found = postings[token] = {}
        return found

    weighed: dict[tuple[int, int], int] = {}  # (frequency, length) -> saturated, scaled: few distinct pairs
    for pid, (_page, counts, length) in enumerate(passages):
        copy = copy_ids.get(passage_text[pid], -1) if copy_ids else -1
        for token, tf in counts.items():
            sat = weighed.get((tf, length))
            if sat is None:
                sat = weighed[tf, length] = _scaled(saturate(tf, length, average_passage, B_PASSAGE), PASSAGE_SCALE)
            entry = postings.get(token)
            if entry is None:
                entry = postings[token] = {}
            found = entry.get("p")
            if found is None:  # the passages, their weights, and the copy each is (-1: none), side by side
                found = entry["p"] = ([], [], [])
            found[0].append(pid)
            found[1].append(sat)
            found[2].append(copy)
    for number, page in enumerate(pages):
        for local, heading in enumerate(page.titles):
            for token in heading:
                posting(token).setdefault("s", []).append((number, local))
        for token in page.own:
            posting(token).setdefault("o", []).append(number)
        for token, tf in page.whole.items():
            posting(token).setdefault("w", []).append((number, _scaled(saturate(tf, page.length, average_page,
                                                                                   B_PAGE))))
    df = {token: len(entry.get("w", ())) for token, entry in postings.items()}
    # How much of a page's title a question names: each title word weighs its rarity; the word
    # counts as named when the question holds it or a synonym group it belongs to.
    groups_of: dict[str, list[str]] = {}
    for token, stems in synonyms.group_stems.items():
        for each in stems:
            groups_of.setdefault(each, []).append(token)
    for number, page in enumerate(pages):
        stems = title_stems(page.title)
        weights = [idf(n_pages, df.get(s) or 1) for s in stems]
        total = sum(weights)
        for position, (each, weight) in enumerate(zip(stems, weights, strict=True)):
            for token in dict.fromkeys([each, *groups_of.get(each, ())]):
                posting(token).setdefault("n", []).append((number, position, _scaled(weight), _scaled(total)))

    fact_files, asks = _facts(facts, config, synonyms, by_path, posting)
    words_files, firsts, passage_files = _word_files(postings, df)
    vocab = _vocab(surfaces, df, title_words)

    scripts: dict[str, str] = {}
    for n, data in enumerate(words_files):
        scripts[f"words/{n}.js"] = script(f"words/{n}", data)
    for n, data in enumerate(passage_files):
        scripts[f"passages/{n}.js"] = script(f"passages/{n}", data)
    for key, data in vocab.items():
        scripts[f"vocab/{key}.js"] = script(f"vocab/{key}", data)
    for n, page in enumerate(pages):
        sections = [[location.partition("#")[2], title] for location, title in page.sections]
        for k in range(max(1, math.ceil(len(page.shown) / PASSAGES_PER_FILE))):
            name = f"pages/{n}" + (f"-{k}" if k else "")
            shown = page.shown[k * PASSAGES_PER_FILE:(k + 1) * PASSAGES_PER_FILE]
            scripts[name + ".js"] = script(name, {"sections": sections, "passages": shown} if not k else shown)
    for n, data in enumerate(fact_files):
        scripts[f"facts/{n}.js"] = script(f"facts/{n}", data)
    index = {
        "files": FILES,
        "stop": sorted(STOP_WORDS),
        "pages": [_page_row(p) for p in pages],
        "groups": [df.get(f"={n}", 0) for n in range(len(config.get("synonyms") or ()))],
        "words": firsts,
        "vocab": sorted(vocab),
        "asks": asks,
        "facts": len(fact_files),
        "perFactFile": FACTS_PER_FILE,
        "scale": SCALE,
        "passageScale": PASSAGE_SCALE,
        "perTextFile": PASSAGES_PER_FILE,
    }
    return Files(index, scripts)


def _page_row(page: _Page) -> list:
    """A page as the index lists it: [address, title, passages of each section, boost]; the boost
    only when it is not 1."""
    row: list = [page.path, page.title, page.passages]
    if page.boost != 1:
        row.append(round(page.boost, 4))
    return row


def _delta(numbers: Iterable[int]) -> list[int]:
    numbers = list(numbers)
    return [number - last for number, last in zip(numbers, [0, *numbers[:-1]], strict=True)]


def _encoded(entry: dict[str, list], df: int) -> dict:
    """A token's postings as a word file holds them: ids delta-coded, one flat list per kind."""
    out: dict = {"d": df}
    if "p" in entry:
        # Packed: the passages (delta-coded), their weights, and [position in the list (delta-coded),
        # number of the text] of each passage copied onto several pages.
        pids, sats, copies = entry["p"]
        out["p"] = packed(_delta(pids))
        out["q"] = packed(sats)
        copied = [(k, copy) for k, copy in enumerate(copies) if copy >= 0]
        if copied:
            out["c"] = packed(x for k, (_, copy) in zip(_delta(k for k, _ in copied), copied, strict=True)
                              for x in (k, copy))
    if "s" in entry:
        found = entry["s"]
        out["s"] = [x for page, (_, local) in zip(_delta(s[0] for s in found), found, strict=True)
                    for x in (page, local)]
    if "o" in entry:
        out["o"] = _delta(entry["o"])
    if "w" in entry:
        found = entry["w"]
        out["w"] = [x for page, (_, sat) in zip(_delta(w[0] for w in found), found, strict=True) for x in (page, sat)]
    if "n" in entry:
        out["n"] = [x for item in entry["n"] for x in item]
    if "f" in entry:
        out["f"] = [x for item in entry["f"] for x in item]
    return out


def _sort_key(token: str) -> bytes:
    return token.encode("utf-16-be")  # the worker compares strings by UTF-16 code units


def _word_files(postings: Mapping[str, dict], df: Mapping[str, int]) -> tuple[list[dict], list[str], list[dict]]:
    """The word files, the first token of each, and the passage files: a token whose passages take
    PASSAGES_INLINE_CHARS or more has them in a passage file of its own, named in its entry ("x")."""
    files: list[dict] = []
    firsts: list[str] = []
    passage_files: list[dict] = []
    size = 0
    for token in sorted(postings, key=_sort_key):
        encoded = _encoded(postings[token], df.get(token, 0))
        own = {kind: encoded[kind] for kind in ("p", "q", "c") if kind in encoded}
        # Their JSON's length, worked out: packed strings hold no character JSON escapes.
        if own and 1 + len(own) + sum(len(text) + 6 for text in own.values()) >= PASSAGES_INLINE_CHARS:
            for kind in own:
                del encoded[kind]
            encoded["x"] = len(passage_files)
            passage_files.append(own)
        length = len(json.dumps(encoded, separators=(",", ":"))) + len(token) + 4
        if not files or size + length > WORDS_FILE_CHARS and files[-1]:
            files.append({})
            firsts.append(token)
            size = 0
        files[-1][token] = encoded
        size += length
    return files, firsts, passage_files


def _vocab(surfaces: Mapping[str, tuple[str, bool]], df: Mapping[str, int],
           title_words: Mapping[str, int]) -> dict[str, list]:
    """The words of the site that can help a question, by first character: [surface, stem, pages
    holding the stem, times in a title], and 1 after them for a joined spelling ("golive"), which
    tells whether a hyphenated word of a question is one word of the site but is never offered as a
    completion; a word whose stem no page holds (a stop word) is left out."""
    out: dict[str, list] = {}
    for surface in sorted(surfaces, key=_sort_key):
        stem, extra = surfaces[surface]
        if not df.get(stem):
            continue
        out.setdefault(_vocab_key(surface), []).append(
            [surface, stem, df[stem], title_words.get(surface, 0), *([1] if extra else [])])
    return out


def _vocab_key(surface: str) -> str:
    """The file of a word: its first character, or "_" for a character a file name cannot hold."""
    first = surface[0]
    return first if first.isascii() and first.isalnum() else "_"


def _facts(facts: Sequence[dict], config: Mapping, synonyms: Synonyms, by_path: Mapping[str, _Page],
           posting) -> tuple[list[list], list[str]]:
    """The facts' files, and each fact named in the word files under every word of each of its
    names: [fact, kind, name, words in the name, place], place numbering the fact's location so
    the worker can tell two facts of one place from two places."""
    also: dict[str, set[str]] = {}
    for frame in config.get("frames") or ():
        skip = also.setdefault(frame["asks"], set())
        for word in frame.get("also") or ():
            skip.update(w.stem for w in reading.words(word) if not w.extra)
    asks = sorted({fact["asks"] for fact in facts})
    places: dict[str, int] = {}
    files: list[list] = []
    for number, fact in enumerate(facts):
        place = places.setdefault(fact["location"], len(places))
        for name_number, name in enumerate([fact["subject"], *fact.get("names", ())]):
            units = _units([w for w in reading.words(name) if not w.extra], also.get(fact["asks"], set()), synonyms)
            for unit in units:
                posting(unit).setdefault("f", []).append(
                    (number, asks.index(fact["asks"]), name_number, len(units), place))
        page = by_path.get(fact["location"].split("#")[0])
        if number % FACTS_PER_FILE == 0:
            files.append([])
        files[-1].append({"subject": fact["subject"], "answer": fact["answer"], "location": fact["location"],
                          "page": page.number if page is not None else -1})
    return files, asks


def _units(seq: Sequence[Word], skip: set[str], synonyms: Synonyms) -> list[str]:
    """What a run of words names, as the worker's Facts.units reads a question: the token of each
    synonym group found in it (unless all its words are of skip), and the stem of every other word
    that is neither a stop word nor one of skip."""
    units: dict[str, None] = {}
    covered: set[int] = set()
    for start, end, token in synonyms.find(seq):
        if any(seq[k].stem not in skip for k in range(start, end)):
            units[token] = None
        covered.update(range(start, end))
    for k, w in enumerate(seq):
        if k not in covered and w.surface not in STOP_WORDS and w.stem not in skip:
            units[w.stem] = None
    return list(units)
