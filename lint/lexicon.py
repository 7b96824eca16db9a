"""How established a spelling is in English at large: wordfreq's Zipf frequency.

A name rule needs to tell a slip ("Zelenksy", "Giulian") from a word or a name in its own right
("Indira" beside "India", "Capitol" beside "Capital", "Ivana" beside "Ivanka"), and which of two
spellings is the usual one when an article's majority is itself the slip ("Hunstman" three times,
"Huntsman" once).  wordfreq ships its word lists in the package, so this works offline.

Importing wordfreq and reading its list costs most of a cold start (its tokenizer compiles large
patterns at import), yet a name is one plain word.  So the Zipf value of every plain word (ASCII
letters only, for which wordfreq's tokenizer only folds the case) is worked out once with
wordfreq itself, kept as a table beside the parsed packs (lint.pack_cache.cached_bytes: plain
bytes, mapped), and looked up there on later runs; any other word still goes to wordfreq.
"""
from __future__ import annotations

import bisect
import itertools
from array import array
from functools import lru_cache

from .budget import paused
from .pack_cache import cached_bytes, entry_name, package_data_stamp

# Zipf frequencies: 3 is about one use per million words of English, 0 means never seen.
ESTABLISHED = 2.0  # a spelling at least this common is in use as a word or a name
COMMONPLACE = 3.5  # a spelling this common is a word or a name of its own, whatever it stands beside
CLOSE = 1.0  # two established spellings within this of each other are two names, not a name and its slip
UNSEEN = 1.0  # below this, a spelling is practically unknown

_WORDLIST = "large_en.msgpack.gz"  # the list wordfreq's "best" English answers from


def established_apart(rare: str, frequent: str) -> bool:
    """Whether two spellings are each established in their own right ("Capitol" and "Capital",
    "Ivana" and "Ivanka"), so that the rarer is no slip for the other.  A rare spelling much less
    used than the frequent one ("Bide" beside "Biden", "Patrik" beside "Patrick") may still be one."""
    r, f = zipf(rare), zipf(frequent)
    return r >= COMMONPLACE or (r >= ESTABLISHED and f >= ESTABLISHED and f - r < CLOSE)


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English (0 when it does not know it)."""
    word = word.lower()
    if word.isascii() and word.isalpha():
        table = _plain_words()
        if table is not None:
            return table.zipf(word)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


class PlainWords:
    """The plain words of wordfreq's English list, sorted, each with the band of the list it is
    in and each band with its Zipf value, as one block of bytes mapped from the cache: the
    number of words and of bands, each band's value (doubles), where each word starts (32 bits,
    then the end of the last word), each word's band (16 bits), then the words.  A lookup reads a
    few pages of it, where loading a dictionary of 289,000 words takes over a hundred
    milliseconds (and even reading the block whole, a few)."""

    # What the cache entry holds; a table kept in another layout is made again.
    LAYOUT = "mapped: counts, values, starts, bands, words"

    def __init__(self, block: memoryview):
        count, bands = int.from_bytes(block[:8], "little"), int.from_bytes(block[8:16], "little")
        at = 16
        self.values = block[at:at + 8 * bands].cast("d")
        at += 8 * bands
        self.starts = block[at:at + 4 * (count + 1)].cast("I")
        at += 4 * (count + 1)
        self.bands = block[at:at + 2 * count].cast("H")
        self.words = block[at + 2 * count:]
        self.count = count

    @staticmethod
    def build(bands: list[list[str]], value_of) -> bytes:
        """The block, from wordfreq's bands of equally frequent words; value_of(word) -> its Zipf value."""
        values: list[float] = []
        by_word: dict[str, int] = {}
        for band in bands:
            plain = [word for word in band if word.isascii() and word.isalpha() and word == word.lower()]
            if plain:
                by_word.update(dict.fromkeys(plain, len(values)))
                values.append(value_of(plain[0]))
        words = sorted(by_word)
        starts = array("I", itertools.accumulate((len(w) for w in words), initial=0))
        return b"".join((
            len(words).to_bytes(8, "little"), len(values).to_bytes(8, "little"), array("d", values).tobytes(),
            starts.tobytes(), array("H", (by_word[w] for w in words)).tobytes(), "".join(words).encode("ascii"),
        ))

    def _word(self, index: int) -> bytes:
        return self.words[self.starts[index]:self.starts[index + 1]].tobytes()

    def zipf(self, word: str) -> float:
        key = word.encode("ascii")
        index = bisect.bisect_left(range(self.count), key, key=self._word)
        if index < self.count and self._word(index) == key:
            return self.values[self.bands[index]]
        return 0.0


@lru_cache(maxsize=1)
def _plain_words() -> PlainWords | None:
    """The plain words' table, from the cache when it is current (None: ask wordfreq)."""
    stamp = package_data_stamp("wordfreq", "data", _WORDLIST)
    if stamp is None:
        return None
    with paused():  # made once per install (about a second), then mapped in a fraction of a millisecond
        block = cached_bytes(entry_name("wordfreq-en-zipf", stamp[0], "table"), (*stamp, PlainWords.LAYOUT), _plain_words_of_wordfreq)
    return PlainWords(block)


def _plain_words_of_wordfreq() -> tuple:
    from wordfreq import get_frequency_list, zipf_frequency

    # The words of one band share one frequency, so wordfreq is asked once a band.
    return PlainWords.build(get_frequency_list("en", "best"), lambda word: zipf_frequency(word, "en"))
