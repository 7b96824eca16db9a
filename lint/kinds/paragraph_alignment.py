"""paragraph-alignment: a paragraph of the source with no translation, or a paragraph of the
translation with no source, found when the two have different numbers of paragraphs and the
aligner (lint.bilingual.align) pairs the rest by length."""
from __future__ import annotations

from typing import Iterable

from ..findings import Hit
from . import RuleError
from .bilingual_base import BilingualKind


class ParagraphAlignment(BilingualKind):
    name = "paragraph-alignment"
    placeholders = frozenset({"source"})
    params = {"side": (str, "source")}

    def prepare(self) -> None:
        if self.side not in ("source", "target"):
            raise RuleError("'side' must be \"source\" (a missing paragraph) or \"target\" (an extra one)")

    def compare(self, text) -> Iterable[Hit]:
        from ..bilingual.segments import alignment, quote

        aligned = alignment(text)
        for bead in aligned.beads:
            if not bead.paragraph:
                continue
            if self.side == "source" and bead.source is not None:
                at = min(bead.anchor, max(len(text.text) - 1, 0))
                sentence = text.sentence_at(at)
                start, end = (sentence.start, sentence.end) if sentence else (at, min(at + 1, len(text.text)))
                yield Hit(start, end, self.format(source=quote(aligned.source.text, *bead.source)))
            elif self.side == "target" and bead.target is not None:
                yield Hit(bead.target[0], bead.target[1], self.format())
