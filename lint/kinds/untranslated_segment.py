"""untranslated-segment: a target segment that is its source, copied; or, from a source in
Latin script, a run of the source's words left as they are inside the translation.

(Text in the source's own script inside an English target is `translation/untranslated-fragment`,
which needs no source.)  A segment of figures and names alone is the same in any language and is
left alone, as is a source that reads as English.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import ENGLISH_SHARE, english_share
from ..findings import Hit
from ..patterns import lazy_compile
from .bilingual_base import BilingualKind

_WORD = lazy_compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
RUN_WORDS = 6  # a copied run this long is no name or title


class UntranslatedSegment(BilingualKind):
    name = "untranslated-segment"

    def compare(self, text) -> Iterable[Hit]:
        translation = text.doc.translation
        if _reads_as_english(translation.text):
            return
        from ..bilingual.segments import pairs, quote

        source = translation.text
        for _, bead in pairs(text):
            (s0, s1), (t0, t1) = bead.source, bead.target
            said = quote(source, s0, s1)
            if " ".join(source[s0:s1].split()) == " ".join(text.text[t0:t1].split()):
                if _has_words(source[s0:s1]):
                    yield Hit(t0, t1, self.format(problem="This segment is the source, untranslated", source=said))
                continue
            run = _copied_run(source[s0:s1], text.text, t0, t1)
            if run is not None:
                yield Hit(run[0], run[1], self.format(problem="Words of the source left untranslated", source=said))


def _reads_as_english(source: str) -> bool:
    return english_share(source, 0, min(len(source), 3000), _SOURCE_MARKERS) >= ENGLISH_SHARE


# " a " is French and Portuguese too: a source is English by its other function words alone.
_SOURCE_MARKERS = (" the ", " of ", " and ", " to ", " is ")


def _has_words(segment: str) -> bool:
    """More than figures and names: three words, or four letters of a script beyond Latin's
    (Chinese writes no spaces, and has no capitals)."""
    words = _WORD.findall(segment)
    lower = [w for w in words if not w[0].isupper()]
    return len(lower) >= 3 or sum(1 for w in words for c in w if ord(c) > 0x024F) >= 4


def _copied_run(source: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first run of RUN_WORDS words of the target that stands in the source word for word,
    with at least three lower-case words that are not English function words."""
    source_words = [w.lower() for w in _WORD.findall(source)]
    if len(source_words) < RUN_WORDS:
        return None
    grams = {tuple(source_words[i:i + RUN_WORDS]) for i in range(len(source_words) - RUN_WORDS + 1)}
    matches = list(_WORD.finditer(text, start, end))
    words = [m.group().lower() for m in matches]
    for i in range(len(words) - RUN_WORDS + 1):
        gram = tuple(words[i:i + RUN_WORDS])
        if gram in grams:
            plain = [m.group() for m in matches[i:i + RUN_WORDS] if m.group().islower() and m.group() not in _ENGLISH]
            if len(plain) >= 3:
                last = i + RUN_WORDS - 1
                while last + 1 < len(words) and tuple(words[last + 2 - RUN_WORDS:last + 2]) in grams:
                    last += 1  # the copied run goes on
                return matches[i].start(), matches[last].end()
    return None


_ENGLISH = frozenset("the of and to a in is was for on that with as by at from it be are this".split())
