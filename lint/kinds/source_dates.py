"""source-dates: a date of the source that the translation dropped, changed, or wrote the
source's way.

2月10日 must come back as February 10 (or 10 February), 1989年11月13日 as November 13, 1989,
5 मार्च as March 5; a day alone (10日) as the 10th or with its month.  A date the target gives
only in figures (3/5, 2023-03-05) is written the source's way: an English reader does not know
which is the month.  A year of the source must be in the target segment too.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Hit
from .bilingual_base import BilingualKind


class SourceDates(BilingualKind):
    name = "source-dates"

    def compare(self, text) -> Iterable[Hit]:
        from ..bilingual.dates import days_in, source_dates, target_dates
        from ..bilingual.segments import MAX_PER_SEGMENT, pairs, quote, sentence_near

        source = text.doc.translation.text
        for _, bead in pairs(text):
            (s0, s1), (t0, t1) = bead.source, bead.target
            dates = source_dates(source, s0, s1)
            found = target_dates(text.text, t0, t1)
            if len(dates) > MAX_PER_SEGMENT or len(found) > MAX_PER_SEGMENT:
                continue
            days = days_in(text.text, t0, t1)
            # The fullest dates first, each taking the target date it matches: a date the source
            # gives twice (a dateline and the lead) must be there twice.
            for date in sorted(dates, key=lambda d: (d.month is None, d.day is None, d.start)):
                problem, span = self._judge(text, date, found, days, t0, t1)
                if problem is None:
                    continue
                if span is None:
                    span = sentence_near(text, bead, date.start)
                yield Hit(span[0], span[1], self.format(problem=problem, source=quote(source, s0, s1, (date.start, date.end))))

    @staticmethod
    def _judge(text: Analysis, date, found: list, days: dict, t0: int, t1: int):
        """(problem, span) of one source date; the target date (or day) it matches is taken from
        `found` (or `days`)."""
        english = date.english()
        segment = text.text[t0:t1]
        if date.year is not None and str(date.year) not in segment:
            return f"The source's year {date.year} (in “{date.text}”) is missing from the translation", None
        if date.month is None:  # a day alone
            if days.get(date.day):
                days[date.day].pop(0)
                return None, None
            return f"The source's date “{date.text}” ({english}) is missing from the translation", None
        named = [d for d in found if not d.numeric and d.month == date.month and (date.day is None or d.day in (date.day, None))]
        match = next((d for d in named if d.day == date.day), named[0] if named and date.day is None else None)
        if match is not None:
            _take(found, days, match)
            return None, None
        numeric = [d for d in found if d.numeric and d.month == date.month and d.day == date.day]
        if numeric:
            d = numeric[0]
            return f"The date is written in figures, the source's way: write {english}", (d.start, d.end)
        if date.day is not None and named:  # the month alone
            d = named[0]
            return f"The day of the source's date is missing: the source has “{date.text}” ({english})", (d.start, d.end)
        swapped = [d for d in found if not d.numeric and d.month == date.day and d.day == date.month]
        if swapped:
            d = swapped[0]
            return f"Date changed, its day and month swapped: the source has “{date.text}” ({english})", (d.start, d.end)
        other = [d for d in found if not d.numeric and d.day is not None and date.day is not None and
                 ((d.day == date.day) != (d.month == date.month))]
        if other:
            d = other[0]
            return f"Date changed: the source has “{date.text}” ({english})", (d.start, d.end)
        return f"The source's date “{date.text}” ({english}) is missing from the translation", None


def _take(found: list, days: dict, date) -> None:
    """The target date is spoken for, and so is its day (and any other reading of its figures)."""
    for other in [d for d in found if d.start == date.start]:
        found.remove(other)
    for offsets in days.values():
        for offset in [o for o in offsets if date.start <= o < date.end]:
            offsets.remove(offset)
