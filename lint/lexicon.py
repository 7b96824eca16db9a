"""How established a spelling is in English at large: wordfreq's Zipf frequency.

A name rule needs to tell a slip ("Zelenksy", "Giulian") from a word or a name in its own right
("Indira" beside "India", "Capitol" beside "Capital", "Ivana" beside "Ivanka"), and which of two
spellings is the usual one when an article's majority is itself the slip ("Hunstman" three times,
"Huntsman" once).  wordfreq ships its word lists in the package, so this works offline; it is
imported only when a rule first asks, never on the plain start-up path.
"""
from __future__ import annotations

from functools import lru_cache

# Zipf frequencies: 3 is about one use per million words of English, 0 means never seen.
ESTABLISHED = 2.0  # a spelling at least this common is in use as a word or a name
COMMONPLACE = 3.5  # a spelling this common is a word or a name of its own, whatever it stands beside
CLOSE = 1.0  # two established spellings within this of each other are two names, not a name and its slip
UNSEEN = 1.0  # below this, a spelling is practically unknown


def established_apart(rare: str, frequent: str) -> bool:
    """Whether two spellings are each established in their own right ("Capitol" and "Capital",
    "Ivana" and "Ivanka"), so that the rarer is no slip for the other.  A rare spelling much less
    used than the frequent one ("Bide" beside "Biden", "Patrik" beside "Patrick") may still be one."""
    r, f = zipf(rare), zipf(frequent)
    return r >= COMMONPLACE or (r >= ESTABLISHED and f >= ESTABLISHED and f - r < CLOSE)


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English (0 when it does not know it)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")
