"""What the bilingual kinds share: they check a document only when its source is known, and
their messages say the problem and quote the source segment."""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Iterable

from . import Kind

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..findings import Hit


class BilingualKind(Kind):
    placeholders: ClassVar[frozenset[str]] = frozenset({"problem", "source"})

    def check(self, text: "Analysis") -> Iterable["Hit"]:
        if text.doc.translation is None:
            return ()  # no source: nothing to compare (and nothing of lint.bilingual imported)
        return self.compare(text)

    def compare(self, text: "Analysis") -> Iterable["Hit"]:
        """The findings of a document whose `doc.translation` is set."""
        raise NotImplementedError
