"""Which part of the source each part of the target translates.

Paragraph by paragraph when both have as many; otherwise sentence by sentence with a
length-based aligner (Gale and Church, 1993): translated sentences have lengths in a steady
ratio, here measured on the two texts themselves, so it holds for any pair of scripts.  The
dynamic programme runs in a band around the diagonal: time and memory grow with the number of
sentences times the band, never with its square.  A source paragraph with no counterpart is a
missing paragraph; a target paragraph with no source, an extra one.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Sequence

from .source import TranslationSource

Span = tuple[int, int]
# Bead kinds (source sentences, target sentences) and their prior costs (-log probability).
_BEADS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
_PRIOR = {kind: -math.log(p) for kind, p in _BEADS.items()}
_VARIANCE = 6.8  # Gale and Church's variance of target length per source character, at ratio 1
MAX_SENTENCES = 20000  # beyond this a text is not an article: it is left unaligned
_MIN_BAND = 20
# Counts further apart than this are not one text and its translation: they are left unaligned
# (and the band, so the work per sentence, stays bounded).
MAX_GAP = 190
MAX_CELLS = 200_000  # of the banded table: a few tenths of a second of work


@dataclass(frozen=True)
class Bead:
    source: Span | None  # offsets in the source text
    target: Span | None  # offsets in the target document's text
    paragraph: bool = False  # a whole paragraph with no counterpart
    anchor: int = 0  # where in the target a missing paragraph belongs


@dataclass(frozen=True)
class Alignment:
    source: TranslationSource
    beads: tuple[Bead, ...]
    by_paragraph: bool


def align(source: TranslationSource, target_paragraphs: Sequence[Span], target_sentences: Sequence[Span]) -> Alignment:
    """Paragraphs one to one when the counts agree; otherwise the paragraphs are aligned by length
    first (a paragraph with no counterpart is missing or extra), and where one paragraph stands
    for two (merged or split in translation) their sentences are aligned within that group."""
    paragraphs = source.paragraphs
    if len(paragraphs) == len(target_paragraphs):
        return Alignment(source, tuple(Bead(s, t) for s, t in zip(paragraphs, target_paragraphs)), True)
    if (not paragraphs or not target_paragraphs or max(len(paragraphs), len(target_paragraphs)) > MAX_SENTENCES
            or abs(len(paragraphs) - len(target_paragraphs)) > MAX_GAP):
        return Alignment(source, (), False)
    source_sentences = source.sentences()
    beads: list[Bead] = []
    for (i0, i1), (j0, j1) in gale_church([e - s for s, e in paragraphs], [e - s for s, e in target_paragraphs]):
        if j1 == j0:
            beads.append(Bead(paragraphs[i0], None, True, _anchor(target_paragraphs, j0)))
        elif i1 == i0:
            beads.append(Bead(None, target_paragraphs[j0], True, target_paragraphs[j0][0]))
        elif i1 - i0 == 1 and j1 - j0 == 1:
            beads.append(Bead(paragraphs[i0], target_paragraphs[j0]))
        else:
            beads += _sentence_beads(_within(source_sentences, _cover(paragraphs, i0, i1)),
                                     _within(target_sentences, _cover(target_paragraphs, j0, j1)))
    return Alignment(source, tuple(beads), False)


def _within(spans: Sequence[Span], outer: Span) -> list[Span]:
    starts = [s for s, _ in spans]
    return list(spans[bisect.bisect_left(starts, outer[0]):bisect.bisect_left(starts, outer[1])])


def _sentence_beads(source: list[Span], target: list[Span]) -> list[Bead]:
    pairs = gale_church([e - s for s, e in source], [e - s for s, e in target]) if source and target else []
    if not pairs:  # nothing to align, or too much: the group as one bead
        return [Bead(_cover(source, 0, len(source)), _cover(target, 0, len(target)))]
    return [Bead(_cover(source, i0, i1), _cover(target, j0, j1), anchor=_anchor(target, j0)) for (i0, i1), (j0, j1) in pairs]


def _cover(spans: Sequence[Span], first: int, last: int) -> Span | None:
    return (spans[first][0], spans[last - 1][1]) if last > first else None


def _anchor(spans: Sequence[Span], index: int) -> int:
    return spans[index][0] if index < len(spans) else spans[-1][1]


def gale_church(source_lengths: Sequence[int], target_lengths: Sequence[int]) -> list[tuple[Span, Span]]:
    """The least costly sequence of beads: ((i0, i1), (j0, j1)) ranges of sentence indexes.

    The length ratio is first taken from the totals, which a missing paragraph skews; it is then
    measured again on the one-to-one beads of that first alignment, and the texts aligned anew.
    Texts too long to align within MAX_CELLS, or with counts more than MAX_GAP apart, get no beads."""
    n, m = len(source_lengths), len(target_lengths)
    if abs(n - m) > MAX_GAP or (n + 1) * (2 * _band(n, m) + 1) > MAX_CELLS:
        return []
    ratio = max(sum(target_lengths), 1) / max(sum(source_lengths), 1)
    beads = _gale_church(source_lengths, target_lengths, ratio)
    ratios = sorted(target_lengths[j0] / source_lengths[i0] for (i0, i1), (j0, j1) in beads
                    if i1 - i0 == 1 and j1 - j0 == 1 and source_lengths[i0] > 0)
    if ratios:
        better = ratios[len(ratios) // 2]
        if abs(better - ratio) > 0.1 * ratio:
            beads = _gale_church(source_lengths, target_lengths, better)
    return beads


def _gale_church(source_lengths: Sequence[int], target_lengths: Sequence[int], ratio: float) -> list[tuple[Span, Span]]:
    n, m = len(source_lengths), len(target_lengths)
    band = _band(n, m)
    src_sum = [0]
    for length in source_lengths:
        src_sum.append(src_sum[-1] + length)
    tgt_sum = [0]
    for length in target_lengths:
        tgt_sum.append(tgt_sum[-1] + length)
    # Row i keeps the columns lo[i]..hi[i] of the table: the band around the diagonal.
    lo = [max(0, (i * m // n if n else 0) - band) for i in range(n + 1)]
    hi = [min(m, (i * m // n if n else 0) + band) for i in range(n + 1)]
    infinity = math.inf
    moves_with_prior = list(_PRIOR.items())
    variance = _VARIANCE * ratio
    erfc, log, sqrt = math.erfc, math.log, math.sqrt
    costs: list[list[float]] = []
    moves: list[list[tuple[int, int] | None]] = []
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        row = [infinity] * (row_hi - row_lo + 1)
        back: list[tuple[int, int] | None] = [None] * (row_hi - row_lo + 1)
        for j in range(row_lo, row_hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, move = infinity, None
            for (di, dj), prior in moves_with_prior:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                if pi == i:
                    if pj < row_lo:
                        continue
                    previous = row[pj - row_lo]
                else:
                    if not lo[pi] <= pj <= hi[pi]:
                        continue
                    previous = costs[pi][pj - lo[pi]]
                cost = previous + prior
                if cost >= best:
                    continue
                if di and dj:  # a sentence left out costs its prior alone: how long it is proves nothing
                    source_length = src_sum[i] - src_sum[pi]
                    target_length = tgt_sum[j] - tgt_sum[pj]
                    mean = (source_length + target_length / ratio) / 2
                    if mean > 0:
                        delta = abs(target_length - source_length * ratio) / sqrt(mean * variance)
                        cost -= log(max(erfc(delta * 0.7071067811865476), 1e-300))
                if cost < best:
                    best, move = cost, (di, dj)
            row[j - row_lo], back[j - row_lo] = best, move
        costs.append(row)
        moves.append(back)
    beads: list[tuple[Span, Span]] = []
    i, j = n, m
    while i > 0 or j > 0:
        move = moves[i][j - lo[i]]
        if move is None:  # outside the band: cannot happen with the band wider than the length gap
            break
        di, dj = move
        beads.append(((i - di, i), (j - dj, j)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _band(n: int, m: int) -> int:
    """How far from the diagonal (scaled to the two counts) a path may stray: no alignment of
    n with m items strays further than their difference."""
    return max(_MIN_BAND, abs(n - m) + 10)


def _length_cost(source_length: int, target_length: int, ratio: float) -> float:
    mean = (source_length + target_length / ratio) / 2
    if mean <= 0:
        return 0.0
    delta = (target_length - source_length * ratio) / math.sqrt(mean * _VARIANCE * ratio)
    return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300))
