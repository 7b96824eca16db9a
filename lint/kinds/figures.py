"""indian-units, decimal-comma and magnitude: figures written for the wrong audience, or twice
at magnitudes that cannot both be right.

All three read `Analysis.figures` (lint/numerals.py), so the text is scanned for numbers once.

indian-units flags lakh, crore and arab and Indian digit grouping ("1,00,000") in copy for an
international audience and offers the converted figure.  It is off when the option `locale`
is "en-IN".  With no locale set, an article that writes all its large figures the Indian way
(two or more, and no million, billion or 100,000-style figure) is taken for Indian copy and
left alone: it is the mix, or a lone lakh in international copy, that marks the defect.

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

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Sequence

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
_INTERNATIONAL_SCALES = frozenset({
    "million", "billion", "trillion", "hundred million", "hundred billion", "m", "mn", "mln", "b", "bn", "bln", "tn",
})


@dataclass(frozen=True)
class _IndianFigure:
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


def _international_large(figure: "Figure") -> bool:
    """A large figure written the international way: "3 million", "$2bn", "250,000"."""
    if figure.indian or figure.is_year or figure.decimal_comma:
        return False
    return figure.scale in _INTERNATIONAL_SCALES or ("," in figure.number and figure.value >= 100_000)


class IndianUnits(Kind):
    name = "indian-units"
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
        if locale is None and len(indian) >= 2 and not any(_international_large(f) for f in figures):
            return  # written throughout in Indian numbering: Indian copy, not a slip
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
_PERIOD = lazy_compile(r"\b(?:(?:a|an|per|each|every)\s+(day|week|month|year|hour|minute)|(daily|weekly|monthly|yearly|annually|hourly))\b")
_PERIOD_WORDS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year", "hourly": "hour"}
_CURRENCY_SIGNS = lazy_compile(r"[$£€¥₹₩₽₦]|Rs|USD|INR|EUR|GBP|dollar|rupee|euro|pound|yen|yuan")

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


@dataclass(frozen=True)
class _Mention:
    """A figure (or a bare digit string) that may be compared with others."""

    start: int
    end: int
    text: str
    value: float
    digits: str  # significant digits: 121480 -> "12148", 1.5 million -> "15"
    sentence: int  # start offset of its sentence (or line)
    indian: bool = False
    unit: str = ""  # normalised unit ("" for a plain count)
    noun: str = ""  # counted-noun lemma ("" for none)
    left: str = ""  # the word or letters just before a digit string ("GTX", "x")
    right: str = ""  # the word or letters just after it ("Ti", "GB")
    source: str = field(default="", repr=False, compare=False)  # the document text
    sentence_end: int = 0

    @cached_property
    def context(self) -> frozenset[str]:
        """Content words near the figure (four before, eight after, within its sentence)."""
        before = self.source[max(self.sentence, self.start - 50):self.start]
        after = self.source[self.end:min(self.sentence_end, self.end + 90)]
        words = _CONTEXT_WORD.findall(before)[-4:] + _CONTEXT_WORD.findall(after)[:8]
        return frozenset(w.lower().rstrip("s") for w in words if w.lower() not in _CONTEXT_STOP)

    @cached_property
    def when(self) -> tuple[frozenset[str], frozenset[str]]:
        """The years its sentence names, and the period a rate is given per ("a day")."""
        sentence = self.source[self.sentence:self.sentence_end]
        after = self.source[self.end:min(self.sentence_end, self.end + 90)].lower()
        periods = frozenset(m.group(1) or _PERIOD_WORDS[m.group(2)] for m in _PERIOD.finditer(after))
        return frozenset(_YEAR.findall(sentence)), periods

    @property
    def thing(self) -> str:
        """What the figure measures: its counted noun, else its unit of measure ("foot").

        A currency alone says too little: an article quotes many prices in dollars."""
        return self.noun or ("" if self.unit.startswith("money:") else self.unit)


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
    figure = figures[index]
    before = figures[index - 1] if index > 0 else None
    after = figures[index + 1] if index + 1 < len(figures) else None
    if before is not None and _RANGE_JOIN.fullmatch(text, before.end, figure.start):
        return True
    return after is not None and bool(_RANGE_JOIN.fullmatch(text, figure.end, after.start))


def _sentence_span(text: Analysis, offset: int) -> tuple[int, int]:
    span = text.sentence_at(offset) or text.line_at(offset)
    return span.start, span.end


def _figure_mentions(text: Analysis) -> list[_Mention]:
    """Figures that count or measure something: not years, shares, durations or range ends."""
    figures = text.figures
    raw = text.text
    mentions = []
    for index, figure in enumerate(figures):
        if figure.is_year or figure.value < 10 or figure.unit in _PERCENT_UNITS:
            continue
        if figure.noun in _NOT_QUANTITY_NOUNS or _in_range(raw, figures, index):
            continue
        start, end = _sentence_span(text, figure.start)
        mentions.append(_Mention(
            figure.start, figure.end, figure.text, figure.value, _significant_digits(figure.value), start,
            indian=figure.indian, unit=_normal_unit(figure.unit), noun=figure.noun or "", source=raw, sentence_end=end,
        ))
    return mentions


def _token_mentions(text: Analysis) -> list[_Mention]:
    """Digit strings as written, with the word or letters on either side; only those whose
    significant digits recur elsewhere at another length, the rest cannot conflict."""
    raw = text.text
    # A cheap first pass over the strings alone: most articles have no digits that recur at
    # another length, and then there is nothing to locate.
    lengths: dict[str, set[int]] = {}
    for written in _DIGIT_TOKEN.findall(raw):
        digits = written.replace(",", "")
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
    """How sure we are that two figures count the same thing (0: not at all)."""
    if a.unit != b.unit:
        return 0
    if a.noun and b.noun and a.noun != b.noun:
        return 0
    shared = len(a.context & b.context)
    if a.digits == b.digits and len(a.digits) >= 3:
        return 3 + shared
    (years_a, period_a), (years_b, period_b) = a.when, b.when
    if years_a and years_b and years_a != years_b or period_a != period_b:
        return 0  # "100 killed in 2010 ... 1,000 killed in 2019", "500 a day ... 5,000 a year"
    if a.noun and a.noun == b.noun and a.digits == b.digits and len(a.digits) == 2:
        return 2 + shared
    # Round figures ("100", "a million", "$10 million") are common: ask for the same thing
    # counted or measured and the same words around it too.
    return 1 + shared if a.thing and a.thing == b.thing and shared >= min_shared else 0


def _same_token_quantity(a: _Mention, b: _Mention, min_shared: int) -> int:
    """Digit strings: the same significant digits, three or more of them, or two and the same
    word or letters on the same side ("5500M" and "55,000M")."""
    if a.digits != b.digits or len(a.digits) < 2:
        return 0
    if len(a.digits) >= 3:
        return 3
    same_left = a.left and a.left == b.left and a.left not in _NEIGHBOUR_STOP
    same_right = a.right and a.right == b.right and a.right not in _NEIGHBOUR_STOP
    return 2 if same_left or same_right else 0


@dataclass(frozen=True)
class _Conflict:
    mention: _Mention
    other: _Mention
    factor: int


def _figure_keys(mention: _Mention) -> tuple[str, ...]:
    """Buckets of figures worth comparing: the same digits, or the same thing counted."""
    keys = ("d" + mention.digits,) if len(mention.digits) >= 2 else ()
    return keys + ("t" + mention.thing,) if mention.thing else keys


def _token_keys(mention: _Mention) -> tuple[str, ...]:
    return (mention.digits,) if len(mention.digits) >= 2 else ()


def _conflicts(mentions: list[_Mention], keys, same, min_shared: int, tolerance: float) -> list[_Conflict]:
    """The mentions that disagree by a factor of 10, 100 or 1,000 with the same quantity
    elsewhere and are outvoted: fewer mentions agree with them (the later one on a tie)."""
    buckets: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        for key in keys(mention):
            buckets.setdefault(key, []).append(index)
    pairs = {(i, j) for members in buckets.values() if len(members) > 1 for n, i in enumerate(members) for j in members[n + 1:]}
    partners: dict[int, list[tuple[int, int, int]]] = {}  # index -> (partner, factor, strength)
    alike: dict[int, int] = {}  # index -> how many other mentions give its value for its thing
    for i, j in sorted(pairs):
        a, b = mentions[i], mentions[j]
        if abs(a.value - b.value) <= tolerance * max(a.value, b.value):
            if same(a, b, min_shared):
                alike[i] = alike.get(i, 0) + 1
                alike[j] = alike.get(j, 0) + 1
            continue
        if b.sentence == a.sentence:
            continue  # "rose from 100 to 1,000", "of the 1,000, 100 were": a comparison
        factor = _factor(a.value, b.value, tolerance)
        strength = factor and same(a, b, min_shared)
        if strength:
            partners.setdefault(i, []).append((j, factor, strength))
            partners.setdefault(j, []).append((i, factor, strength))
    found = []
    for i in sorted(partners):
        support = alike.get(i, 0)
        outvoted = [p for p in partners[i] if support < alike.get(p[0], 0) or (support == alike.get(p[0], 0) and p[0] < i)]
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
            # second opinion on a pair of figures already judged.
            judged = [(m.start, m.end) for c in conflicts for m in (c.mention, c.other)]
            conflicts += [
                c for c in _conflicts(tokens, _token_keys, _same_token_quantity, self.shared_words, self.tolerance)
                if not any(s < m.end and m.start < e for m in (c.mention, c.other) for s, e in judged)
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


_THING_WORD = lazy_compile(r"[ \u00a0]+(?:of[ \u00a0]+)?[A-Za-z][\w'\u2019-]*")


def _thing(text: str, mention: _Mention) -> str:
    """The words after a figure up to its counted noun, for the message: " Russian soldiers"."""
    if not mention.noun:
        return ""
    stem = mention.noun[: max(3, len(mention.noun) - 1)].lower()
    end = mention.end
    for _ in range(5):
        word = _THING_WORD.match(text, end)
        if word is None:
            break
        end = word.end()
        if word.group().split()[-1].lower().startswith(stem):
            return text[mention.end:end]
    return ""
