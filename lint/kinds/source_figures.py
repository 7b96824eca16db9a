"""source-figures: a figure of the source that the translation dropped, changed or added.

Each figure of a source segment (digits of any script, Chinese numerals, 万/亿, lakh/crore,
percentages, currencies) must come back in its target segment with its value: 16.7万 as
167,000 or 0.167 million, 3亿元 as 300 million yuan; a target figure rounded to fewer digits
keeps it.  A figure the source gives twice must be there twice, and once more in the target is
a clause repeated.  A figure the translation does not have is dropped, or changed where the
target segment holds a figure the source does not; a figure in digits that stands for no number
of the source at all is added.  A figure in another currency than the source's is changed too.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Hit
from .bilingual_base import BilingualKind


class SourceFigures(BilingualKind):
    name = "source-figures"

    def compare(self, text) -> Iterable[Hit]:
        from ..bilingual.numbers import decimal_mark
        from ..bilingual.segments import pairs

        decimal = decimal_mark(text.doc.translation.text)
        for _, bead in pairs(text):
            yield from self._segment(text, bead, decimal)

    def _segment(self, text: Analysis, bead, decimal: str | None) -> Iterable[Hit]:
        from ..bilingual.dates import source_dates, target_dates
        from ..bilingual.numbers import currency_agrees, loose_source_values, same_value, source_figures, target_numbers
        from ..bilingual.segments import MAX_PER_SEGMENT, quote, sentence_near
        from ..numerals import format_international

        source = text.doc.translation.text
        (s0, s1), (t0, t1) = bead.source, bead.target
        dates = source_dates(source, s0, s1)
        figures = source_figures(source, s0, s1, decimal)
        if len(figures) > MAX_PER_SEGMENT or len(dates) > MAX_PER_SEGMENT:
            return
        wanted = [f for f in figures if not any(d.start < f.end and f.start < d.end for d in dates)]
        numbers = target_numbers(text.text, t0, t1)
        if len(numbers) > 3 * MAX_PER_SEGMENT:  # number words count too ("a", "one")
            return
        loose = loose_source_values(source, s0, s1, decimal)
        strangers = _strangers(numbers, loose)
        if dates:  # a day or year of a date is the date check's to report
            spans = [(d.start, d.end) for d in target_dates(text.text, t0, t1)]
            strangers = [n for n in strangers if not any(a <= n.start and n.end <= b for a, b in spans)]
        used: list[tuple[int, int]] = []  # target numbers already taken: a figure the source gives twice is there twice
        for figure in wanted:
            matches = [n for n in numbers if any(same_value(v, w) for v in figure.values for w in n.values)
                       and not any(a < n.end and n.start < b for a, b in used)]
            said = quote(source, s0, s1, (figure.start, figure.end))
            shown = f"“{figure.text}”" + (f" ({format_international(figure.values[0])})" if figure.values[0] >= 10**4 and not figure.text.replace(",", "").isdigit() else "")
            if matches:
                # Figures for figures first: "1" takes the target's 1 before its "a".
                best = next((n for n in matches if currency_agrees(figure.currency, n.currency) and n.currency),
                            next((n for n in matches if n.digits), matches[0]))
                used.append((best.start, best.end))
                priced = [n for n in matches if n.currency]
                if figure.currency and priced and not any(currency_agrees(figure.currency, n.currency) for n in priced):
                    n = priced[0]
                    yield Hit(n.start, n.end, self.format(problem=f"The source's {shown} is in another currency here", source=said))
                continue
            other = _nearest(strangers, figure.values[0], (figure.start - s0) / max(s1 - s0, 1), t0, t1)
            if other is not None:
                strangers.remove(other)
                yield Hit(other.start, other.end, self.format(
                    problem=f"Figure changed: “{text.text[other.start:other.end]}” where the source has {shown}", source=said))
                continue
            start, end = sentence_near(text, bead, figure.start)
            if not source[s0:figure.start].strip() and source.startswith((".", "、", ")", "）"), figure.end):
                problem = f"The source numbers this item “{source[figure.start:figure.end + 1]}”; the translation does not"
            else:
                problem = f"The source's figure {shown} is missing from the translation"
            yield Hit(start, end, self.format(problem=problem, source=said))
        # A figure of the source the target gives once more: a clause repeated in translation.
        wanted_values = {v for f in wanted for v in f.values}
        in_dates = [(d.start, d.end) for d in target_dates(text.text, t0, t1)]
        for number in numbers:
            if (number.digits and number.values[0] in wanted_values and number.values[0] >= 10 and not _is_year(number.values[0])
                    and not any(a < number.end and number.start < b for a, b in used + in_dates)):
                used.append((number.start, number.end))
                yield Hit(number.start, number.end, self.format(
                    problem=f"“{text.text[number.start:number.end]}” is given more often here than in the source",
                    source=quote(source, s0, s1)))
        for other in strangers:
            yield Hit(other.start, other.end, self.format(
                problem=f"Figure “{text.text[other.start:other.end]}” is not in the source", source=quote(source, s0, s1)))


def _strangers(numbers: list, loose: set[float]) -> list:
    """The target's numbers in digits that stand for no number of the source, read as every
    value it may have: added, or changed."""
    from ..bilingual.numbers import same_value

    return [n for n in numbers if n.digits and not any(same_value(v, w) for w in n.values for v in loose)]


def _nearest(numbers: list, value: float, place: float, t0: int, t1: int):
    """The target number a changed source figure most likely became: the one standing nearest
    where the figure stands in the source segment (translations keep the order of the facts),
    of a size within a factor of 1,000 (a year is no count of voters), and a year for a year."""
    year = _is_year(value)
    fitting = [n for n in numbers if n.values[0] and value and _is_year(n.values[0]) == year and 1 / 1000 <= n.values[0] / value <= 1000]
    return min(fitting, key=lambda n: abs((n.start - t0) / max(t1 - t0, 1) - place), default=None)


def _is_year(value: float) -> bool:
    return value == int(value) and 1800 <= value <= 2099
