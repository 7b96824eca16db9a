"""source-tokens: a Latin-script name, acronym, web address, e-mail address, handle or hashtag
of the source that the translation lost or spelt otherwise.

A Chinese or Hindi source writes brand names and acronyms in Latin letters (Euractiv, NATO,
G7); they reach an English translation as they are.  An acronym spelt out by the initials of
the target's capitalised words (CEO: Chief Executive Officer) is carried.  A token found in the
neighbouring segments is carried too (alignment is by length, and may be off by a sentence).
From a source in Latin script only addresses, handles, hashtags and words with inner capitals or
digits (iPhone, G7) are checked: its other words and acronyms are translated.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Hit
from .bilingual_base import BilingualKind

_KINDS = {"url": "web address", "email": "e-mail address", "handle": "handle", "hashtag": "hashtag", "name": "name"}


class SourceTokens(BilingualKind):
    name = "source-tokens"

    def compare(self, text: Analysis) -> Iterable[Hit]:
        from ..bilingual.segments import MAX_PER_SEGMENT, alignment, quote, sentence_near
        from ..bilingual.tokens import carried, source_tokens

        aligned = alignment(text)
        source = aligned.source.text
        latin = aligned.source.script == "Latin"
        beads = aligned.beads
        for index, bead in enumerate(beads):
            if bead.source is None or bead.target is None:
                continue
            (s0, s1), (t0, t1) = bead.source, bead.target
            target = text.text[t0:t1]
            lower = target.lower()
            near = " ".join(text.text[b.target[0]:b.target[1]] for b in beads[max(index - 1, 0):index + 2] if b.target)
            near_lower = near.lower()
            tokens = source_tokens(source, s0, s1, latin_source=latin)
            if len(tokens) > MAX_PER_SEGMENT:
                continue
            for token in tokens:
                if carried(token, target, lower) or carried(token, near, near_lower):
                    continue
                said = quote(source, s0, s1, (token.start, token.end))
                variant = _variant(token.text, text.text, t0, t1)
                if variant is not None:
                    yield Hit(variant[0], variant[1], self.format(
                        problem=f"“{text.text[variant[0]:variant[1]]}” where the source has “{token.text}”", source=said))
                    continue
                start, end = sentence_near(text, bead, token.start)
                yield Hit(start, end, self.format(
                    problem=f"The source's {_KINDS[token.kind]} “{token.text}” is missing from the translation", source=said))


def _variant(token: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """A word of the target spelt nearly like the token (Euractive for Euractiv)."""
    if len(token) < 4:
        return None
    import difflib  # only with a source: a plain check never loads it
    from ..bilingual.tokens import LATIN_WORD

    low = token.lower()
    for m in LATIN_WORD.finditer(text, start, end):
        word = m.group().lower()
        if word[0] == low[0] and abs(len(word) - len(low)) <= 2 and difflib.SequenceMatcher(None, low, word).ratio() >= 0.8:
            return m.start(), m.end()
    return None
