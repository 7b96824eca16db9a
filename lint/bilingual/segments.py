"""What the bilingual kinds share: the alignment of a checked document, computed once, and the
way a finding quotes its source."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..budget import OverBudget
from .align import Alignment, Bead, align

if TYPE_CHECKING:
    from ..analysis import Analysis

QUOTE_CHARS = 60
# No sentence or paragraph of prose holds more figures, dates or names than this; a segment that
# does (a table pasted in, a hostile file) is not compared, so the work per segment stays bounded.
MAX_PER_SEGMENT = 300


def alignment(text: "Analysis") -> Alignment | None:
    """The document's alignment with its source; None when it has no source."""
    source = text.doc.translation
    if source is None:
        return None

    def compute() -> Alignment:
        paragraphs = [(b.start, b.end) for b in text.blocks]
        sentences = [(s.start, s.end) for s in text.sentences]
        return align(source, paragraphs, sentences)

    try:
        return text.shared("bilingual/alignment", compute)
    except OverBudget:
        # The rule that ran out of time is reported; the other bilingual rules find the texts
        # unaligned at once instead of each running out of time on the same work.
        text.shared("bilingual/alignment", lambda: Alignment(source, (), False))
        raise


def pairs(text: "Analysis") -> Iterator[tuple[int, Bead]]:
    """(index, bead) of the beads that have both a source and a target."""
    aligned = alignment(text)
    if aligned is None:
        return
    for index, bead in enumerate(aligned.beads):
        if bead.source is not None and bead.target is not None:
            yield index, bead


def quote(source: str, start: int, end: int, around: tuple[int, int] | None = None) -> str:
    """The source segment, or QUOTE_CHARS of it around `around`, on one line."""
    if around is not None and end - start > QUOTE_CHARS:
        middle = (around[0] + around[1]) // 2
        lo = max(start, middle - QUOTE_CHARS // 2)
        hi = min(end, lo + QUOTE_CHARS)
        lo = max(start, hi - QUOTE_CHARS)
        text = ("…" if lo > start else "") + source[lo:hi] + ("…" if hi < end else "")
    elif end - start > QUOTE_CHARS:
        text = source[start:start + QUOTE_CHARS] + "…"
    else:
        text = source[start:end]
    return " ".join(text.split())


def sentence_near(text: "Analysis", bead: Bead, source_offset: int) -> tuple[int, int]:
    """The target sentence of the bead that stands where `source_offset` stands in the source
    segment (by proportion): where a dropped word would have been."""
    assert bead.source is not None and bead.target is not None
    s0, s1 = bead.source
    t0, t1 = bead.target
    share = (source_offset - s0) / max(s1 - s0, 1)
    offset = t0 + int(share * (t1 - t0))
    sentence = text.sentence_at(offset)
    if sentence is None or not (t0 <= sentence.start < t1):
        return t0, t1
    return sentence.start, min(sentence.end, t1)
