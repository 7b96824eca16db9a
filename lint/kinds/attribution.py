"""attribution: a figure about a contested or reported quantity, stated with no source.

Death tolls, casualties, troop numbers, arrests, refugees, crowd sizes and poll results are
figures someone counted or estimated; a reader must be told who.  A sentence giving such a
figure is attributed when its paragraph has a reporting cue, before it or after it
(Analysis.has_reporting_cue: "said", "according to", "estimated", "data from ... showed"): "He
said" carries over to the figures of its paragraph.  A headline is attributed when one of the
first paragraphs gives its figure with a source, as the lead does ("… police said").  A list item
stands alone and inherits nothing.  Figures inside quotation marks or an embedded post are
someone's words, attributed by definition.  Settled or official counts (`settled`: seats and
votes of a result, runs and wickets, goals and medals) need no source.

A figure counts as contested when the noun it counts is one of `nouns` ("720 military
personnel", "121,480 losses"), when it is the figure of one of `totals` ("the death toll has
risen to 52", "a crowd of 5,000"), when it counts no noun or one of `people` and one of `verbs`
governs it just before or stands just after it ("killed 50", "40 others injured"), or, for a
percentage, when the sentence speaks of `poll-words`.  Ages, scores, money and counts in
brackets are not contested quantities, and neither, by default, are counts under 10: a single
event's "two hostages" is an established fact, a large count is someone's estimate.
"""
from __future__ import annotations

import bisect

import re
from typing import TYPE_CHECKING, Iterable

from ..analysis import Analysis
from ..document import HEADLINE, LIST_ITEM
from ..findings import Hit
from ..patterns import compile_pattern, lazy_compile
from . import Kind, RuleError, string_list

if TYPE_CHECKING:
    from ..numerals import Figure

_PERCENT_UNITS = frozenset({"%", "per cent", "percent", "percentage point", "percentage points"})
# Counted things that are never the contested quantity itself: durations and ages.
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "time"})
_CURRENCY = lazy_compile(r"[$£€¥₹₩₽₦]|Rs|USD|INR|EUR|GBP|dollar|rupee|euro|pound|yen|yuan")
_AGE = lazy_compile(r"[,)]")
_SCORE_BEFORE = lazy_compile(r"\d[-\u2013]$")
_SCORE_AFTER = lazy_compile(r"[-\u2013]\d")
# Words that may stand between a verb and the figure it governs.
_HEDGE = (
    r"(?:(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|as\s+many\s+as|up\s+to|"
    r"about|around|nearly|almost|some|over|roughly|approximately|an\s+estimated|a\s+total\s+of)\s+)?"
)
# How far from a figure a verb may stand and still say what the figure counts.
_BEFORE_CHARS = 45
_AFTER_CHARS = 60
_LEAD_PARAGRAPHS = 3  # where a headline's figure is sourced, if anywhere
# A toll in a relative clause of an event the sentence looks back on ("hit following two crashes
# that killed a total of 346 people"): background the record settled, not the news being reported.
_BACKGROUND_TOLL = lazy_compile(
    r"\b(?:following|since|after|in\s+the\s+wake\s+of)\s[^.;:!?]{0,80}?\b(?:that|which)\s+(?:killed|claimed)\s+" + _HEDGE + r"$",
    re.IGNORECASE,
)
_BACKGROUND_CHARS = 140
# A headline that opens with its source as a label: "Amnesty: More than 100 protesters killed".
_HEADLINE_SOURCE = lazy_compile(r"[A-Z][\w&'\u2019-]*(?: [A-Z][\w&'\u2019-]*){0,2}[.:] (?=\S)")


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    # Longest first; equals in text order, so that the pattern is the same in every run.
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return compile_pattern(rf"\b(?:{body})\b", re.IGNORECASE)


class Attribution(Kind):
    name = "attribution"
    placeholders = frozenset({"figure"})
    params = {
        "nouns": (list, []),
        "verbs": (list, []),
        "people": (list, []),
        "totals": (list, []),
        "poll-words": (list, []),
        "min-value": ((int, float), 2),
        "settled": (list, []),
    }

    def prepare(self) -> None:
        nouns = string_list(self.nouns, "'nouns'")
        verbs = string_list(self.verbs, "'verbs'")
        if not nouns and not verbs:
            raise RuleError("'nouns' or 'verbs' must list the words of contested quantities")
        self.noun_set = frozenset(n.lower() for n in nouns)
        self.people_set = frozenset(n.lower() for n in string_list(self.people, "'people'"))
        self.verb_regex = _word_pattern(verbs) if verbs else None
        # Before a figure the verb must govern it: "killed 50", "lost a total of 720".
        self.verb_before = compile_pattern(rf"{self.verb_regex.pattern}\s+{_HEDGE}$", re.IGNORECASE) if verbs else None
        totals = string_list(self.totals, "'totals'")
        # "the death toll has risen to 52", "a crowd of 5,000"
        self.total_before = compile_pattern(
            rf"{_word_pattern(totals).pattern}(?:\s+[\w'\u2019-]+){{0,4}}?\s+(?:to|at|of|was|is|reached|hit|exceeded|passed|topped)\s+{_HEDGE}$",
            re.IGNORECASE,
        ) if totals else None
        poll = string_list(self.poll_words, "'poll-words'")
        self.poll_regex = _word_pattern(poll) if poll else None
        self.settled_set = frozenset(n.lower() for n in string_list(self.settled, "'settled'"))

    def check(self, text: Analysis) -> Iterable[Hit]:
        figures = text.figures
        if not figures:
            return
        raw = text.text
        flagged_sentences: set[int] = set()
        polls: dict[int, bool] = {}  # sentence start -> whether it speaks of a poll
        # The article's own time, as far as the text tells it: the latest year it names.
        years = [figure for figure in figures if figure.is_year]
        latest = max((year.value for year in years), default=None)
        year_starts = [year.start for year in years]
        for figure in figures:
            if figure.is_year or figure.value < self.min_value or text.in_quotation(figure.start):
                continue
            if text.in_embedded_post(figure.start):
                continue
            sentence = text.sentence_at(figure.start)
            if sentence is None or sentence.start in flagged_sentences:
                continue
            if not self._contested(raw, figure, sentence.start, sentence.end, polls):
                continue
            if _of_an_earlier_year(years, year_starts, latest, sentence):
                continue  # history: "the 2003 quake in Iran that killed 31,000", a count anyone can check
            if _BACKGROUND_TOLL.search(raw, max(sentence.start, figure.start - _BACKGROUND_CHARS), figure.start):
                continue
            # A cue anywhere in the paragraph carries over; a list item stands alone; a headline
            # is sourced by the lead paragraphs that give its figure.
            block = sentence.block
            if block.kind == LIST_ITEM:
                if text.has_reporting_cue(sentence.start, sentence.end):
                    continue
            elif text.has_reporting_cue(block.start, block.end):
                continue
            if block.kind == HEADLINE and self._sourced_in_lead(text, figure):
                continue
            if _titled(raw, block) and _HEADLINE_SOURCE.match(raw, block.start):
                continue  # "Amnesty: More than 100 protesters killed", the page's own headline or not
            flagged_sentences.add(sentence.start)
            yield Hit(figure.start, figure.end, self.format(figure=figure.text))

    def _sourced_in_lead(self, text: Analysis, figure: "Figure") -> bool:
        """Whether one of the first paragraphs gives the headline's figure with a source."""
        lead = [b for b in text.blocks if b.kind not in (HEADLINE, LIST_ITEM)][:_LEAD_PARAGRAPHS]
        for block in lead:
            if not text.has_reporting_cue(block.start, block.end):
                continue
            if any(block.start <= other.start < block.end and other.value == figure.value for other in text.figures):
                return True
        return False

    def _contested(self, raw: str, figure: "Figure", start: int, end: int, polls: dict[int, bool]) -> bool:
        if figure.noun in _TIME_NOUNS or raw.startswith("-year", figure.end) or _AGE.match(raw, figure.end) and raw[figure.start - 2:figure.start] == ", ":
            return False  # an age or a duration: "25-year-old", "the star, 42, was"
        if _SCORE_BEFORE.search(raw, max(0, figure.start - 2), figure.start) or _SCORE_AFTER.match(raw, figure.end):
            return False  # a score or a range: "6-3", "10-15"
        if raw[figure.start - 1:figure.start] == "(" and raw[figure.end:figure.end + 1] == ")":
            return False  # a count in brackets: "(142)", a reference or a tally of comments
        if figure.noun in self.settled_set:
            return False  # a declared result or a match's tally: "52 seats", "245 runs"
        if figure.unit and _CURRENCY.search(figure.unit):
            return False  # money lost or estimated is a different story
        if figure.unit in _PERCENT_UNITS:
            if start not in polls:  # once a sentence: a long one may hold many percentages
                polls[start] = self.poll_regex is not None and self.poll_regex.search(raw, start, end) is not None
            return polls[start]
        if figure.noun in self.noun_set:
            return True
        window = max(start, figure.start - _BEFORE_CHARS)
        if self.total_before is not None and self.total_before.search(raw, window, figure.start):
            return True
        if self.verb_regex is None or (figure.noun is not None and figure.noun not in self.people_set):
            return False  # "in 21 cities ... killed": the verb is not about this figure
        return bool(
            self.verb_regex.search(raw, figure.end, min(end, figure.end + _AFTER_CHARS))
            or self.verb_before.search(raw, window, figure.start)
        )


def _titled(raw: str, block) -> bool:
    """A headline, or a line written as one: short, with no full stop at its end."""
    if block.kind == HEADLINE:
        return True
    line = raw[block.start:block.end].rstrip()
    return "\n" not in line and len(line.split()) <= _TITLE_WORDS and line[-1:] not in ".!?\"\u201d"


_TITLE_WORDS = 16


def _of_an_earlier_year(years: list, year_starts: list[int], latest: float | None, sentence) -> bool:
    """Whether the sentence names a year before the latest the article names: its figures are
    then of a past, recorded event, not of the news being reported."""
    if latest is None:
        return False
    index = bisect.bisect_left(year_starts, sentence.start)
    while index < len(years) and years[index].start < sentence.end:
        if years[index].value < latest:
            return True
        index += 1
    return False
