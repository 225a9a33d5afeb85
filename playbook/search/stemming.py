"""Words as search compares them: Snowball's English stemmer (Porter2), the same algorithm the
search worker runs on each question (npm porter2, vendored by tools/vendor_stemmer.py), so a word
stemmed here at build time and the same word typed into the search box meet.

snowballstemmer 2.2.0 and porter2 1.1.0 implement Snowball's English stemmer as published before
Snowball 3 (which changed a few words, such as "added" and "internal"); a test stems a large word
list with both and compares every stem.
"""
from __future__ import annotations

import functools
import re

import snowballstemmer

# A word as the worker reads one: letters and digits, joined by apostrophes or hyphens.
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# The plural of an abbreviation ("SMEs", "CRs") is the abbreviation, as the worker reads it.
_ABBREVIATION_PLURAL = re.compile(r"\b([A-Z]{2,})['’]?s\b")

_stemmer = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one lower-case word; a word with a digit in it is kept as it is ("sev1")."""
    if any(ch.isdigit() for ch in word):
        return word
    return _stemmer.stemWord(word)


def plain_words(text: str) -> list[str]:
    """The words of a text, lower-cased, as the worker splits a question: "customer's" is
    "customer", "don't" is "dont", "SMEs" is "sme", a hyphenated word is its parts."""
    words = []
    for match in WORD.finditer(_ABBREVIATION_PLURAL.sub(r"\1", text).lower()):
        word = _POSSESSIVE.sub("", match.group()).replace("'", "").replace("’", "")
        words += [part for part in word.split("-") if part]
    return words


def stems(text: str) -> list[str]:
    return [stem(word) for word in plain_words(text)]
