"""indian-units, decimal-comma and magnitude: figures written for the wrong audience, or twice
at magnitudes that cannot both be right.

All three read `Analysis.figures` (lint/numerals.py), so the text is scanned for numbers once.

indian-units flags lakh, crore and arab and Indian digit grouping ("1,00,000") in copy for an
international audience and offers the converted figure.  It is off when the option `locale`
is "en-IN".  With no locale set the reader is an international desk's, as for a wire or a
syndication feed: an article written throughout in Indian numbering is flagged like any other,
since its readers abroad need the converted figures just the same.  An Indian desk says so
with `locale = "en-IN"`.

decimal-comma flags continental decimal commas ("3,5 million") and thousands dots
("1.000.000") and offers the figure with the separators swapped.

magnitude flags a quantity that the article gives twice at values a factor of 10, 100 or 1,000
apart.  Two figures are taken for the same quantity only on strong evidence: the same
significant digits with three or more of them ("121,480" and "1,214,800"), the same digits and
the same counted noun ("150 Indians" and "1,500 Indians"), or the same counted noun with the
same words around it ("a million Russian soldiers ... killed" and "100,000 Russian soldiers
... killed").  The figure reported is the one fewer mentions agree with (the later one on a
tie), and the message cites the other.
"""
from __future__ import annotations

import bisect
import heapq
import itertools
import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..patterns import lazy_compile
from . import Kind, RuleError

if TYPE_CHECKING:
    from ..numerals import Figure

# ---------------------------------------------------------------------------------- shared

_RANGE_JOIN = lazy_compile(r"[ \u00a0]?[-\u2013\u2014][ \u00a0]?|[ \u00a0](?:to|or|and)[ \u00a0]")


def _number_span(figure: "Figure") -> tuple[int, int]:
    """Offsets of the digits (or number word) of a figure, without currency, scale or unit."""
    index = figure.text.find(figure.number)
    start = figure.start + max(index, 0)
    return start, start + len(figure.number)


# ---------------------------------------------------------------------------------- indian units

_INDIAN_SCALE_AFTER = lazy_compile(r"(?:[ \u00a0\u202f]|-)?(?:lakhs?|crores?|arab|cr)(?!\w)", re.IGNORECASE)
# "1.5 lakh crore" is 1.5 trillion: the second scale word multiplies the first.
_LAKH_CRORE = lazy_compile(r"[ \u00a0\u202f]+crores?(?!\w)", re.IGNORECASE)
# A figure glued to the letters before it, as in a scraped breadcrumb ("World News1 lakh") or
# behind a currency letter ("N50,00,00,000" naira), which the figure finder rightly does not
# read as a figure of its own.  (It opens on a digit so that the regex engine skips ahead fast.)
_GLUED_INDIAN = lazy_compile(
    r"\d(?<=[A-Za-z]\d)(?:\d?(?:,\d\d)+,\d{3}(?![\d,]|\.\d)|\d*(?:\.\d+)?[ \u00a0]?((?i:lakhs?|crores?))(?!\w))"
)
_GLUED_NUMBER = lazy_compile(r"[\d.,]+")
_INDIAN_FACTORS = {"lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}


class _IndianFigure(NamedTuple):
    start: int  # what the finding marks
    end: int
    shown: str  # the figure as written
    edit_start: int  # what the fix replaces: the number and its scale word, never the currency
    edit_end: int
    replacement: str


def _international(value: float) -> str:
    from ..numerals import format_international

    return format_international(value)


def _indian_figures(text: str, figures: Sequence["Figure"]) -> list[_IndianFigure]:
    found: list[_IndianFigure] = []
    skip_next = False
    for index, figure in enumerate(figures):
        if skip_next:
            skip_next = False
            continue
        if not figure.indian or figure.is_year:
            continue
        number_start, number_end = _number_span(figure)
        scale = _INDIAN_SCALE_AFTER.match(text, number_end)
        edit_end = scale.end() if scale and figure.scale else number_end
        value = figure.value
        lakh_crore = _LAKH_CRORE.match(text, edit_end) if figure.scale in ("lakh", "lakhs") else None
        if lakh_crore:
            value *= 10**7
            edit_end = lakh_crore.end()
        replacement = _international(value)
        end = max(figure.end, edit_end)
        # A range sharing one scale word ("5-7 lakh") is converted as a whole: "500,000-700,000".
        following = figures[index + 1] if index + 1 < len(figures) else None
        if (
            scale is None and figure.scale and following is not None and following.indian
            and _RANGE_JOIN.fullmatch(text, number_end, following.start)
        ):
            low, joiner = replacement, text[number_end:following.start]
            _, next_end = _number_span(following)
            next_scale = _INDIAN_SCALE_AFTER.match(text, next_end)
            edit_end = next_scale.end() if next_scale else next_end
            high = _international(following.value)
            low_word, high_word = low.rpartition(" ")[2], high.rpartition(" ")[2]
            if " " in low and " " in high and low_word == high_word:
                low = low.rpartition(" ")[0]  # "20-30 million", not "20 million-30 million"
            replacement = f"{low}{joiner}{high}"
            end = max(following.end, edit_end)
            skip_next = True
        found.append(_IndianFigure(figure.start, end, text[figure.start:end], number_start, edit_end, replacement))
    for match in _GLUED_INDIAN.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        number = _GLUED_NUMBER.match(match.group()).group().replace(",", "")
        factor = _INDIAN_FACTORS[match.group(1).lower()] if match.group(1) else 1
        value = float(number) * factor
        found.append(_IndianFigure(match.start(), match.end(), match.group(), match.start(), match.end(), _international(value)))
    found.sort(key=lambda f: f.start)
    return found


class IndianUnits(Kind):
    name = "indian-units"
    placeholders = frozenset({"figure", "international"})
    fixable = True
    params = {"off-for-locales": (list, ["en-IN"])}

    def prepare(self) -> None:
        if not all(isinstance(v, str) for v in self.off_for_locales):
            raise RuleError("'off-for-locales' must be a list of locales such as \"en-IN\"")

    def check(self, text: Analysis) -> Iterable[Hit]:
        locale = text.options.get("locale")
        if locale in self.off_for_locales:
            return
        figures = text.figures
        if not any(f.indian for f in figures) and not _GLUED_INDIAN.search(text.text):
            return
        # An embedded post keeps its author's numbering, as a quotation does.
        indian = [f for f in _indian_figures(text.text, figures) if not text.in_embedded_post(f.start)]
        if not indian:
            return
        for figure in indian:
            quoted = text.in_quotation(figure.start)
            edit = None if quoted else Edit(figure.edit_start, figure.edit_end, figure.replacement)
            suggestion = text.text[figure.start:figure.edit_start] + figure.replacement + text.text[figure.edit_end:figure.end]
            yield Hit(figure.start, figure.end, self.format(figure=figure.shown, international=suggestion), edit)


# ---------------------------------------------------------------------------------- decimal comma

_SWAP_SEPARATORS = str.maketrans(".,", ",.")
_CODE_AFTER = lazy_compile(r"[/-]\d")


class DecimalComma(Kind):
    name = "decimal-comma"
    placeholders = frozenset({"figure", "international", "style"})
    fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        for figure in text.figures:
            if not figure.decimal_comma or _CODE_AFTER.match(text.text, figure.end):
                continue  # "83.102.459/0001-23" is a registration number, not a figure
            start, end = _number_span(figure)
            fixed = figure.number.translate(_SWAP_SEPARATORS)
            style = "a decimal comma" if "," in figure.number else "thousands dots"
            shown = text.text[figure.start:start] + fixed + text.text[end:figure.end]
            yield Hit(figure.start, figure.end, self.format(figure=figure.text, style=style, international=shown), Edit(start, end, fixed))


# ---------------------------------------------------------------------------------- magnitude

_CONTEXT_WORD = lazy_compile(r"[A-Za-z][a-z'\u2019-]{2,}")
_CONTEXT_STOP = frozenset("""
the and but for with from into onto than that this these those their there them they its his her
our your who whom which what when where while was were are has have had been being will would
could should may might must can not nor also only just more less fewer most least over under
about around nearly almost some any each every per all both such other another same very
said says say told according total overall some including since after before during between
among against across through within without year years month months week weeks day days time
times first last next new old one two three four five six seven eight nine ten hundred
thousand million billion lakh crore
""".split())
# Counted things that are not quantities to compare: durations and ages, ranks, shares.
_NOT_QUANTITY_NOUNS = frozenset({
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "time",
    "percent", "point", "place", "th", "st", "nd", "rd", "am", "pm",
})
_PERCENT_UNITS = frozenset({"%", "per cent", "percent", "percentage point", "percentage points", "‰"})
_YEAR = lazy_compile(r"\b(?:1[89]|20)\d\d\b")
# The period a figure is given per: "500 a day", "a monthly salary of", "per annum".
_PERIOD_AFTER = lazy_compile(
    r"\b(?:(?:a|an|per|each|every)\s+(day|week|month|year|hour|minute|annum|night|shift|match|game)"
    r"|(daily|weekly|monthly|yearly|annually|hourly|nightly))\b", re.IGNORECASE)
_PERIOD_BEFORE = lazy_compile(r"\b(daily|weekly|monthly|yearly|annual|hourly|nightly|per-day)\b", re.IGNORECASE)
_PERIOD_WORDS = {
    "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
    "annual": "year", "annum": "year", "hourly": "hour", "nightly": "night", "per-day": "day",
}
# A figure for each one of something: "Rs 2,500 per person", "$10 a head", "per capita".
_PER_UNIT = lazy_compile(
    r"^[ \u00a0]*(?:(?:a|per|for\s+each|each)\s+(?:person|head|capita|student|family|household|child|"
    r"patient|passenger|worker|employee|share|unit|seat|ticket|vote|member|user|customer|tonne|kg|kilo|litre)"
    r"|apiece|each)\b", re.IGNORECASE)
# A change against a level: "a hike of 25", "raised by 250", "cut by 50" ... and a running total.
_CHANGE_BEFORE = lazy_compile(
    r"\b(?:hikes?|increases?|rises?|jumps?|cuts?|reductions?|drops?|falls?|declines?|gains?|"
    r"raised|increased|rose|jumped|cut|reduced|dropped|fell|declined|gained|up|down)"
    r"(?:\s+(?:of|by))?\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_TOTAL_NEAR = lazy_compile(
    r"\b(?:total|totals|totalled|totaled|cumulative|cumulatively|altogether|in\s+all|so\s+far|to\s+date|overall)\b",
    re.IGNORECASE)
# What happened to the counted thing: "soldiers (have been) killed", "killed 50", "rescued 200".
_OUTCOME_AFTER = lazy_compile(
    r"^((?:[ \u00a0]+(?:have|has|had|were|was|are|is|been|being|be|now|reportedly|also|already|either|who|that))*)"
    r"[ \u00a0]+([a-z]+)(?:[ \u00a0]+(?:or|and)[ \u00a0]+([a-z]+))?")
_PASSIVE_AUX = frozenset({"were", "was", "are", "is", "been", "being", "be"})
_IRREGULAR_PARTICIPLES = frozenset({"hurt", "shot", "held", "slain", "taken", "born", "sold", "built", "left", "lost", "dead", "missing"})
# What may stand right after a count to say what happened to it: "soldiers killed or wounded".
_OUTCOME_STATES = frozenset("""
killed wounded injured dead missing hurt arrested detained displaced rescued evacuated infected
hospitalised hospitalized affected stranded trapped deported vaccinated tested employed sold
exported imported captured abducted kidnapped executed slain drowned
""".split())
_OUTCOME_BEFORE = lazy_compile(r"\b([a-z]+ed|killing|kills|kill)\s+(?:[\w-]+\s+){0,2}$")
# Verbs in -ed that relate or report a figure rather than say what happened to the thing counted.
_NOT_OUTCOMES = frozenset("""
included reached totalled totaled stood remained compared estimated reported recorded counted
claimed confirmed stated announced expected needed required listed based aged named called
owned used served added numbered topped exceeded passed surpassed hit crossed
""".split())
# Places a figure is given for: "in Ukraine", "at Heathrow" (months and days are times, not places).
_PLACE = lazy_compile(r"\b(?:in|at|across|from)\s+((?:the\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)")
_NOT_PLACES = frozenset("""
January February March April May June July August September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday The This That Total
""".split())
_QUALIFIER_STOP = frozenset({
    "more", "than", "about", "around", "some", "of", "the", "nearly", "almost", "over", "under", "estimated",
})
_CURRENCY_SIGNS = lazy_compile(r"[$£€¥₹₩₽₦]|Rs|USD|INR|EUR|GBP|dollar|rupee|euro|pound|yen|yuan|^p$")

# A run of digits as written, whether or not it reads as a figure: "121,480", "1440" in
# "3440x1440", "1660" in "GTX 1660".  Decimals, dates, times and codes ("05/10", "10:48",
# "2106-8000") are left out by the look-arounds and by _TOKEN_JOINED.
# (Opening on the digit class, not on the look-behind, lets the regex engine skip ahead fast.)
_DIGIT_TOKEN = lazy_compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+|\d+)(?![\d]|[.,]\d)")
_TOKEN_JOINED = frozenset(":/")
_TOKEN_LEFT = lazy_compile(r"(?:([A-Za-z]+)[-x]?|([A-Za-z]+)[ \u00a0])$")
_TOKEN_RIGHT = lazy_compile(r"[ \u00a0]?([A-Za-z%]+)")
_NEIGHBOUR_STOP = _CONTEXT_STOP | frozenset("""
a an of in on at to by up as or is it be so if no
""".split())
# Comparisons per mention: enough for any article, and a bound on a 2 MB document of figures.
_MAX_PARTNERS = 8


class _Quantity(NamedTuple):
    """What a figure measures, as far as its sentence says: two figures can only conflict when
    nothing here tells them apart (an empty field says nothing either way)."""

    noun: str = ""  # counted-noun lemma: "soldier"
    qualifiers: frozenset[str] = frozenset()  # words before the noun: {"russian"}
    outcomes: frozenset[str] = frozenset()  # what happened to it: {"killed", "wounded"}
    period: str = ""  # the period a rate is per: "day", "month"
    per_unit: bool = False  # a figure for each one: per person, per share, apiece
    change: bool = False  # a change against a level ("a hike of 25"), not the level itself
    total: bool = False  # a running total ("so far", "in all", "cumulative")
    years: frozenset[str] = frozenset()  # the years its sentence names
    places: frozenset[str] = frozenset()  # the places its sentence names ("in Ukraine")

    def differs(self, other: "_Quantity") -> bool:
        """Whether the two are plainly different quantities."""
        if self.noun and other.noun and self.noun != other.noun:
            return True
        a, b = self.qualifiers, other.qualifiers
        if a and b and not (a <= b or b <= a):
            return True  # Russian soldiers, Ukrainian soldiers
        if self.outcomes and other.outcomes and not self.outcomes & other.outcomes:
            return True  # soldiers killed, soldiers wounded
        if self.period != other.period or self.per_unit != other.per_unit:
            return True  # a daily allowance, a monthly salary; per person, in all
        if self.change != other.change or (self.change and self.total != other.total):
            return True  # a single hike against the level, or against the cumulative change
        if self.years and other.years and not self.years & other.years:
            return True
        return bool(self.places and other.places and not self.places & other.places)


class _Mention(NamedTuple):
    """A figure (or a bare digit string) that may be compared with others."""

    start: int
    end: int
    text: str
    value: float
    digits: str  # significant digits: 121480 -> "12148", 1.5 million -> "15"
    sentence: int  # start offset of its sentence (or line)
    indian: bool = False
    unit: str = ""  # normalised unit ("" for a plain count)
    quantity: _Quantity = _Quantity()
    left: str = ""  # the word or letters just before a digit string ("GTX", "x")
    right: str = ""  # the word or letters just after it ("Ti", "GB")
    context: frozenset[str] = frozenset()  # content words near it, within its sentence
    is_figure: bool = False  # a digit string that is also a figure, judged with its quantity

    @property
    def thing(self) -> str:
        """What the figure measures: its counted noun, else its unit of measure ("foot").

        A currency alone says too little: an article quotes many prices in dollars."""
        return self.quantity.noun or ("" if self.unit.startswith("money:") else self.unit)


def _significant_digits(value: float) -> str:
    if value <= 0 or value != value or value >= 1e18:
        return ""
    text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
    return text.replace(".", "").lstrip("0").rstrip("0")


def _normal_unit(unit: str | None) -> str:
    if not unit:
        return ""
    low = unit.lower().rstrip(".")
    if _CURRENCY_SIGNS.search(unit) or low in ("dollars", "rupees", "euros", "pounds"):
        return "money:" + low.rstrip("s")
    return low


def _in_range(text: str, figures: Sequence["Figure"], index: int) -> bool:
    """An end of a range ("10 to 15", "between 5 and 7"), not a list ("a 512GB and 1TB model")."""
    for first, second in ((index - 1, index), (index, index + 1)):
        if first < 0 or second >= len(figures):
            continue
        a, b = figures[first], figures[second]
        if a.unit and b.unit and a.unit != b.unit:
            continue
        join = _RANGE_JOIN.fullmatch(text, a.end, b.start)
        if join and ("and" not in join.group() or text[max(0, a.start - 8):a.start].lower() == "between "):
            return True
    return False


def _sentence_span(text: Analysis, offset: int) -> tuple[int, int]:
    span = text.sentence_at(offset) or text.line_at(offset)
    return span.start, span.end


def _context(raw: str, start: int, end: int, sentence: tuple[int, int]) -> frozenset[str]:
    """Content words near a figure (four before, eight after, within its sentence)."""
    before = raw[max(sentence[0], start - 50):start]
    after = raw[end:min(sentence[1], end + 90)]
    words = _CONTEXT_WORD.findall(before)[-4:] + _CONTEXT_WORD.findall(after)[:8]
    return frozenset(w.lower().rstrip("s") for w in words if w.lower() not in _CONTEXT_STOP)


def _quantity(raw: str, figure: "Figure", sentence: tuple[int, int]) -> _Quantity:
    """The quantity key of a figure, read from its parse and the sentence around it."""
    s_start, s_end = sentence
    before = raw[max(s_start, figure.start - 45):figure.start]
    after = raw[figure.end:min(s_end, figure.end + 90)]
    qualifiers = frozenset(
        w for w in (figure.qualifier or "").split() if w not in _QUALIFIER_STOP and not w.endswith("ed"))
    outcomes: set[str] = set()
    # After the noun: "Russian soldiers have been killed or wounded".
    noun_end = 0
    if figure.noun:
        stem = figure.noun[: max(3, len(figure.noun) - 1)]
        found = after.lower().find(stem)
        noun_end = after.find(" ", found) if 0 <= found < 40 else -1
    if noun_end >= 0:
        tail = after[noun_end:] if figure.noun else after
        outcome = _OUTCOME_AFTER.match(tail)
        if outcome:
            # A passive ("have been killed") or a state right after the count ("soldiers
            # killed or wounded") says what happened to it; an active verb ("Indians returned
            # home") says what the same people did next.
            passive = bool(_PASSIVE_AUX.intersection(outcome.group(1).split()))
            for word in outcome.group(2, 3):
                if word and (word in _OUTCOME_STATES and (passive or not outcome.group(1))
                             or passive and (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES)):
                    outcomes.add(word)
    verb = _OUTCOME_BEFORE.search(before)
    if verb:
        word = verb.group(1)
        outcomes.add("killed" if word.startswith("kill") else word)
    outcomes -= _NOT_OUTCOMES
    period_match = _PERIOD_AFTER.search(after[:40]) or _PERIOD_BEFORE.search(before)
    period = ""
    if period_match:
        word = next(g for g in period_match.groups() if g).lower()
        period = _PERIOD_WORDS.get(word, word)
    whole = raw[s_start:s_end]
    # Only a place right after the figure is the figure's: "killed in Ukraine", not "told the
    # Economic Club in New York" at the end of the sentence.
    places = frozenset(m.group(1).removeprefix("the ") for m in _PLACE.finditer(after[:45])
                       if m.group(1).split()[0] not in _NOT_PLACES)
    return _Quantity(
        noun=figure.noun or "",
        qualifiers=qualifiers,
        outcomes=frozenset(outcomes),
        period=period,
        per_unit=bool(_PER_UNIT.match(after)),
        change=bool(_CHANGE_BEFORE.search(before[-30:])),
        total=bool(_TOTAL_NEAR.search(before) or _TOTAL_NEAR.search(after[:40])),
        years=frozenset(_YEAR.findall(whole)),
        places=places,
    )


def _figure_mentions(text: Analysis) -> list[_Mention]:
    """Figures that count or measure something: not years, shares, durations or range ends."""
    figures = text.figures
    raw = text.text
    mentions, sources = [], []
    for index, figure in enumerate(figures):
        if figure.is_year or figure.value < 10 or figure.unit in _PERCENT_UNITS:
            continue
        if figure.noun in _NOT_QUANTITY_NOUNS or _in_range(raw, figures, index):
            continue
        sentence = _sentence_span(text, figure.start)
        mentions.append(_Mention(
            figure.start, figure.end, figure.text, figure.value, _significant_digits(figure.value), sentence[0],
            indian=figure.indian, unit=_normal_unit(figure.unit), quantity=_Quantity(noun=figure.noun or ""),
        ))
        sources.append((figure, sentence))
    # Only a figure that shares a group with another is ever compared: only its quantity and the
    # words around it, read from its sentence (most of the cost), are worked out.
    group_sizes = Counter(key for mention in mentions for key in _figure_keys(mention))
    for index, mention in enumerate(mentions):
        if any(group_sizes[key] > 1 for key in _figure_keys(mention)):
            figure, sentence = sources[index]
            mentions[index] = mention._replace(quantity=_quantity(raw, figure, sentence),
                                      context=_context(raw, figure.start, figure.end, sentence))
    return mentions


def _token_mentions(text: Analysis) -> list[_Mention]:
    """Digit strings as written, with the word or letters on either side; only those whose
    significant digits recur elsewhere at another length, the rest cannot conflict."""
    raw = text.text
    # A cheap first pass over the strings alone: most articles have no digits that recur at
    # another length, and then there is nothing to locate.
    lengths: dict[str, set[int]] = {}
    for match in _DIGIT_TOKEN.finditer(raw):  # not findall: a long text's every digit string at once
        digits = match.group().replace(",", "")
        lengths.setdefault(digits.strip("0"), set()).add(len(digits))
    recurring = {sig for sig, seen in lengths.items() if len(seen) > 1 and len(sig) >= 2}
    if not recurring:
        return []
    mentions = []
    for match in _DIGIT_TOKEN.finditer(raw):
        digits = match.group().replace(",", "")
        significant = digits.strip("0")
        if significant not in recurring or len(digits) == 4 and 1800 <= int(digits) <= 2099:
            continue  # cannot conflict, or a year
        start, end = match.span()
        if raw[start - 1:start] in _TOKEN_JOINED or raw[end:end + 1] in _TOKEN_JOINED:
            continue
        if raw[end:end + 1] == "-" and raw[end + 1:end + 2].isdigit() or raw[start - 1:start] == "-" and raw[start - 2:start - 1].isdigit():
            continue  # a phone number or a code: "2106-8000"
        left = _TOKEN_LEFT.search(raw, max(0, start - 24), start)
        right = _TOKEN_RIGHT.match(raw, end)
        mentions.append(_Mention(
            start, end, raw[start:end], float(digits), significant, _sentence_span(text, start)[0],
            left=((left.group(1) or left.group(2)).lower() if left else ""),
            right=(right.group(1).lower() if right else ""),
        ))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _factor(a: float, b: float, tolerance: float) -> int:
    """10, 100 or 1,000 when b is that many times a (either way) within the tolerance; else 0."""
    low, high = sorted((a, b))
    if low <= 0:
        return 0
    ratio = high / low
    power = round(math.log10(ratio))
    if power not in (1, 2, 3):
        return 0
    return 10**power if abs(ratio / 10**power - 1) <= tolerance else 0


def _same_figure_quantity(a: _Mention, b: _Mention, min_shared: int) -> int:
    """How sure we are that two figures are the same quantity (0: not at all)."""
    if a.unit != b.unit or a.quantity.differs(b.quantity):
        return 0
    shared = len(a.context & b.context)
    if a.digits == b.digits and len(a.digits) >= 3:
        return 3 + shared  # "121,480" and "1,214,800": no coincidence
    if a.digits == b.digits and len(a.digits) == 2 and (
            (a.quantity.noun and a.quantity.noun == b.quantity.noun) or (a.unit and shared >= 1)):
        return 2 + shared  # "150 Indians" and "1,500 Indians"; "£250 fine" and "£2,500 fine"
    # Round figures ("100", "a million", "$10 million") are common: ask for the same thing
    # counted or measured and the same words around it too.
    return 1 + shared if a.thing and a.thing == b.thing and shared >= min_shared else 0


def _same_token_quantity(a: _Mention, b: _Mention, min_shared: int) -> int:
    """Digit strings: the same significant digits, three or more of them, or two and the same
    word or letters on the same side ("5500M" and "55,000M")."""
    if a.digits != b.digits or len(a.digits) < 2 or a.is_figure and b.is_figure:
        return 0  # two figures were compared with their whole quantities
    if a.right != b.right and a.right and b.right and a.right not in _NEIGHBOUR_STOP and b.right not in _NEIGHBOUR_STOP:
        return 0  # "512GB" and "5120 x": a storage size and a screen width
    if len(a.digits) >= 3:
        return 3
    same_left = a.left and a.left == b.left and a.left not in _NEIGHBOUR_STOP
    same_right = a.right and a.right == b.right and a.right not in _NEIGHBOUR_STOP
    return 2 if same_left or same_right else 0


class _Conflict(NamedTuple):
    mention: _Mention
    other: _Mention
    factor: int


def _figure_keys(mention: _Mention) -> tuple[str, ...]:
    """Groups of figures worth comparing: the same digits, or the same thing in the same unit."""
    keys = ("d" + mention.digits,) if len(mention.digits) >= 2 else ()
    return keys + (f"t{mention.thing}|{mention.unit}",) if mention.thing else keys


def _token_keys(mention: _Mention) -> tuple[str, ...]:
    return (mention.digits,) if len(mention.digits) >= 2 else ()


class _ByValue:
    """A group's mentions by value, and by place in the text for each value: the nearest few in
    a range of values are found without sorting the whole range (an article repeating one
    figure a thousand times would make that quadratic)."""

    def __init__(self, mentions: list[_Mention], members: list[int]):
        self.mentions = mentions
        at: dict[float, list[int]] = {}
        for index in members:
            at.setdefault(mentions[index].value, []).append(index)
        self.values = sorted(at)
        self.members = [sorted(at[value], key=lambda i: mentions[i].start) for value in self.values]
        self.starts = [[mentions[i].start for i in same] for same in self.members]

    def nearest(self, mention: _Mention, low: float, high: float) -> list[int]:
        """The _MAX_PARTNERS mentions valued from low to high nearest to `mention` in the text
        (on a tie, the lower value, then the earlier mention)."""
        first, last = bisect.bisect_left(self.values, low), bisect.bisect_right(self.values, high)
        candidates = []
        for same, starts in zip(self.members[first:last], self.starts[first:last]):
            at = bisect.bisect_left(starts, mention.start)
            candidates += same[max(0, at - _MAX_PARTNERS):at + _MAX_PARTNERS]
        mentions = self.mentions
        return heapq.nsmallest(
            _MAX_PARTNERS, candidates, key=lambda j: (abs(mentions[j].start - mention.start), mentions[j].value, j)
        )


def _conflicts(mentions: list[_Mention], keys, same, min_shared: int, tolerance: float) -> list[_Conflict]:
    """The mentions that disagree by a factor of 10, 100 or 1,000 with the same quantity
    elsewhere and are outvoted: fewer mentions agree with them (the later one on a tie).

    Linear in the mentions: each group is sorted by value once, and a mention is compared only
    with the nearest few of its group at its own value and at 10, 100 and 1,000 times it."""
    groups: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        for key in keys(mention):
            groups.setdefault(key, []).append(index)
    partners: dict[int, dict[int, tuple[int, int]]] = {}  # index -> partner -> (factor, strength)
    alike: dict[int, set[int]] = {}  # index -> other mentions giving its value for its quantity
    for members in groups.values():
        if len(members) < 2:
            continue
        by_value = _ByValue(mentions, members)
        for i in members:
            a = mentions[i]
            for factor in (1, 10, 100, 1000):
                # The nearest in the text first: a slip is most often close to its witness.
                near = by_value.nearest(a, a.value * factor * (1 - tolerance), a.value * factor * (1 + tolerance))
                for j in near:
                    if j == i:
                        continue
                    b = mentions[j]
                    if factor == 1:
                        if same(a, b, min_shared):
                            alike.setdefault(i, set()).add(j)
                            alike.setdefault(j, set()).add(i)
                        continue
                    if b.sentence == a.sentence:
                        continue  # "rose from 100 to 1,000", "of the 1,000, 100 were": a comparison
                    real = _factor(a.value, b.value, tolerance)
                    strength = real and same(a, b, min_shared)
                    if strength:
                        partners.setdefault(i, {})[j] = (real, strength)
                        partners.setdefault(j, {})[i] = (real, strength)
    found = []
    for i in sorted(partners):
        support = len(alike.get(i, ()))
        outvoted = [
            (p, factor, strength) for p, (factor, strength) in partners[i].items()
            if support < len(alike.get(p, ())) or (support == len(alike.get(p, ())) and p < i)
        ]
        if not outvoted:
            continue
        me = mentions[i]
        # Cite the clearest witness: written the international way, most alike, nearest.
        partner, factor, _ = max(
            outvoted, key=lambda p: (not mentions[p[0]].indian, p[2], -abs(mentions[p[0]].start - me.start))
        )
        found.append(_Conflict(me, mentions[partner], factor))
    return found


class Magnitude(Kind):
    name = "magnitude"
    placeholders = frozenset({"factor", "figure", "line", "other", "thing"})
    params = {"tolerance": ((int, float), 0.15), "shared-words": (int, 2)}

    def prepare(self) -> None:
        if not 0 < self.tolerance < 0.5:
            raise RuleError("'tolerance' must be between 0 and 0.5 (a share of the factor, e.g. 0.15)")
        if self.shared_words < 1:
            raise RuleError("'shared-words' must be 1 or more")

    def check(self, text: Analysis) -> Iterable[Hit]:
        figures = _figure_mentions(text)
        conflicts = _conflicts(figures, _figure_keys, _same_figure_quantity, self.shared_words, self.tolerance) if len(figures) > 1 else []
        tokens = _token_mentions(text)
        if len(tokens) > 1:
            # Digit strings add what the figures missed (labels, codes, glued units), never a
            # second opinion on two figures: those were judged with their whole quantities.
            starts = [f.start for f in text.figures]
            ends = [f.end for f in text.figures]
            tokens = [t._replace(is_figure=_inside(starts, ends, t.start)) for t in tokens]
            judged = _Spans((m.start, m.end) for c in conflicts for m in (c.mention, c.other))
            conflicts += [
                c for c in _conflicts(tokens, _token_keys, _same_token_quantity, self.shared_words, self.tolerance)
                if not any(judged.overlaps(m.start, m.end) for m in (c.mention, c.other))
            ]
        for conflict in sorted(conflicts, key=lambda c: c.mention.start):
            me, other = conflict.mention, conflict.other
            yield Hit(me.start, me.end, self.format(
                figure=me.text,
                thing=_thing(text.text, me),
                other=other.text,
                line=text.doc.position(other.start).line,
                factor=f"{conflict.factor:,}",
            ))


class _Spans:
    """Spans of the text, asked whether any overlaps a given span in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return index >= 0 and self.reach[index] > start


def _inside(starts: list[int], ends: list[int], offset: int) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


_THING_WORD = lazy_compile(r"[ \u00a0]+(?:of[ \u00a0]+)?[A-Za-z][\w'\u2019-]*")


def _thing(text: str, mention: _Mention) -> str:
    """The words after a figure up to its counted noun, for the message: " Russian soldiers"."""
    noun = mention.quantity.noun
    if not noun:
        return ""
    stem = noun[: max(3, len(noun) - 1)].lower()
    end = mention.end
    for _ in range(5):
        word = _THING_WORD.match(text, end)
        if word is None:
            break
        end = word.end()
        if word.group().split()[-1].lower().startswith(stem):
            return text[mention.end:end]
    return ""
