"""source-counts: a small count the translation writes in figures because the source does.

Chinese news writes every count in figures (5只产品, 7家机构); English news copy spells out one
to nine (five products, seven institutions) and starts no sentence with a figure.  A digit from
1 to 9 that the source gives with a measure word (a count of things) and that the target keeps
as a bare figure is the source's way of writing it.  What keeps its figures in every style has
no measure word in the source, or a unit in the target: percentages and percentage points,
money, ages, units, dates, times, list numbers, labels (Level 2, No. 5) and compounds (5-4, 3G).
"""
from __future__ import annotations

from typing import Iterable

from ..findings import Edit, Hit
from ..patterns import lazy_compile
from .bilingual_base import BilingualKind

_SPELLED = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Measure words that make a source numeral a count of things or events; units, money, ages,
# durations, multiples and percentage points (个百分点) are not among them.
_MEASURE_WORD = lazy_compile(r"(?:个(?!百分点)|人|名|位|家|件|次|种|项|条|只|台|辆|座|所|架|艘|份|户|起|例|类|款|支|批|部|篇|场|轮|枚|颗|张|间)")
# After the target's digit: a space and a word (not a unit or a scale word).  A hyphen, slash,
# colon, point or comma makes a compound (5-4, 3/5, 5:30, 3.5), a letter a code (3G).
_WORD_AFTER = lazy_compile(r" (?P<word>[A-Za-z][a-z]*)")
_UNIT_WORDS = frozenset({
    "percent", "per", "pct", "percentage", "million", "billion", "trillion", "thousand", "hundred", "mn", "bn",
    "km", "kilometres", "kilometers", "miles", "metres", "meters", "kg", "tonnes", "tons", "degrees", "am", "pm",
    "points", "yuan", "dollars", "euros", "pounds", "rupees", "yen",
})
# A label before the digit: Level 2, No. 5, Phase 1, Article 3 (a capitalised word, or No.),
# unless the word is one that opens a sentence before a count (The 5 products, Only 7).
_LABEL_BEFORE = lazy_compile(r"(?:\b(?P<word>[A-Z][a-z]*)\.?|\bno\.|[#$£€¥₹(])\s?$")
_OPENS_A_COUNT = frozenset({"The", "A", "All", "Only", "These", "Those", "Its", "Their", "His", "Her", "Our", "Some",
                            "About", "Nearly", "Almost", "Over", "Just", "Another", "Of", "In", "And", "But", "With", "Including"})


class SourceCounts(BilingualKind):
    name = "source-counts"
    fixable = True  # spelt out by an unsafe fix: a house may write all counts in figures

    def compare(self, text) -> Iterable[Hit]:
        from ..bilingual.dates import target_dates
        from ..bilingual.numbers import fold_digits, source_figures, target_numbers
        from ..bilingual.segments import MAX_PER_SEGMENT, pairs, quote

        source = text.doc.translation.text
        for _, bead in pairs(text):
            (s0, s1), (t0, t1) = bead.source, bead.target
            figures = source_figures(source, s0, s1)
            if len(figures) > MAX_PER_SEGMENT:
                continue
            counts: dict[int, list] = {}
            for figure in figures:
                digit = fold_digits(figure.text)
                if len(digit) == 1 and digit in "123456789" and _MEASURE_WORD.match(source, figure.end):
                    counts.setdefault(int(digit), []).append(figure)
            if not counts:
                continue
            dated = [(d.start, d.end) for d in target_dates(text.text, t0, t1)]
            for number in target_numbers(text.text, t0, t1):
                value = int(number.values[0]) if number.values[0] == int(number.values[0]) else 0
                if not counts.get(value) or not self._bare(text.text, number, t0) \
                        or any(a <= number.start < b for a, b in dated):
                    continue
                figure = counts[value].pop(0)
                word = _SPELLED[value - 1]
                before = text.text[max(t0, number.start - 20):number.start].rstrip()
                if not before or before.endswith((".", "!", "?")):  # the segment's or a sentence's start
                    word = word.capitalize()
                    problem = f"A sentence starts with the figure “{value}”, written the source's way (“{source[figure.start:figure.end + 1]}”): spell it out, “{word}”"
                else:
                    problem = f"The count “{value}” is written in figures the source's way (“{source[figure.start:figure.end + 1]}”): English news copy spells out one to nine, “{word}”"
                yield Hit(number.start, number.end, self.format(problem=problem, source=quote(source, s0, s1, (figure.start, figure.end))),
                          Edit(number.start, number.end, word))

    @staticmethod
    def _bare(text: str, number, segment_start: int) -> bool:
        """A digit alone, followed by a word that is not a unit, and not a label's or a list's number."""
        if not number.digits or number.currency or number.end - number.start != 1:
            return False
        after = _WORD_AFTER.match(text, number.end)
        if after is None or after["word"].lower() in _UNIT_WORDS:
            return False
        label = _LABEL_BEFORE.search(text[max(segment_start, number.start - 12):number.start])
        return label is None or label["word"] in _OPENS_A_COUNT
