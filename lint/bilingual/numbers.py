"""Figures of a source text in any script, and of an English target, as values to compare.

Source digits are folded to ASCII first (Devanagari, Arabic-Indic, full-width: one code point
each, so offsets stay), then one bounded pattern finds a numeral with its multiplier (万, 亿,
千, lakh, crore, लाख, करोड़, million ...), percent sign and currency.  Chinese numerals written
out (一千五百, 三百万) count only when well formed and long enough not to be a word (一些, 十分).
A figure keeps every value it may have ("1.234" is 1.234 or 1,234 in a decimal-comma language):
a translation that gives any of them keeps the figure.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..numerals import SCALE_FACTORS, find_figures
from ..patterns import lazy_compile
from .source import Located

# One code point to one code point: offsets in the folded text are offsets in the original.
_DIGITS = str.maketrans(
    "०१२३४५६७८९٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９٫٬％",
    "0123456789012345678901234567890123456789.,%",
)

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
# Multipliers written after digits, in the scripts a source may use.
_MULTIPLIERS = {
    "万": 10**4, "亿": 10**8, "万亿": 10**12, "千": 10**3, "百": 10**2, "千万": 10**7, "百万": 10**6,
    "लाख": 10**5, "करोड़": 10**7, "करोड": 10**7, "अरब": 10**9, "हज़ार": 10**3, "हजार": 10**3,
    "खरब": 10**11, "millions": 10**6, "millionen": 10**6, "millones": 10**6, "milliard": 10**9,
    "milliards": 10**9, "milliarden": 10**9, "mio": 10**6, "mio.": 10**6, "mrd": 10**9, "mrd.": 10**9,
    "مليون": 10**6, "مليار": 10**9, "ألف": 10**3,
} | SCALE_FACTORS
_CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "RMB": "CNY", "CNY": "CNY", "yuan": "CNY", "renminbi": "CNY",
    "美元": "USD", "USD": "USD", "$": "USD", "dollar": "USD", "dollars": "USD",
    "欧元": "EUR", "€": "EUR", "EUR": "EUR", "euro": "EUR", "euros": "EUR",
    "英镑": "GBP", "£": "GBP", "GBP": "GBP", "pound": "GBP", "pounds": "GBP",
    "日元": "JPY", "JPY": "JPY", "yen": "JPY",
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR", "रुपये": "INR", "रुपए": "INR", "रुपया": "INR",
    "rupee": "INR", "rupees": "INR", "卢比": "INR",
}
_AMBIGUOUS_YEN = frozenset({"CNY", "JPY"})  # ¥ is the sign of both

_SP = r"[ \u00a0\u202f]?"
_SOURCE_FIGURE = lazy_compile(
    r"(?P<pre>(?:人民币|RMB|CNY|USD|INR|EUR|GBP|Rs\.?|[$€£¥₹])" + _SP + r")?"
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
    r"(?P<mul>" + _SP + r"[余多]?(?:万亿|千万|百万|万|亿|千|百(?!分)|लाख|करोड़?|अरब|खरब|हज़ार|हजार"
    r"|مليون|مليار|ألف|(?i:lakhs?|crores?|million(?:s|en|es)?|milliard(?:s|en)?|billion|trillion|thousand|mio|mrd)(?![a-z])"
    r"|(?:bn|mn)(?![a-z])))?"
    r"(?P<post>" + _SP + r"(?:%|‰|人民币|美元|欧元|英镑|日元|卢比|元|रुपये|रुपए|(?i:per ?cent|percent|yuan|rupees?)(?![a-z])))?"
)
# Written-out Chinese numerals: a run of numeral characters; its shape is checked in Python.
_CN_RUN = lazy_compile(r"(?P<pct>百分之)?(?P<run>[零〇一二两三四五六七八九十百千万亿]{2,12})")
# Date parts and ordinals are not quantities: 2月10日, 第3, 3号.
_DATE_AFTER = lazy_compile(r"\s?(?:月|日|時|时(?!间)|点|分(?!之))")  # 1号 alone is No. 1
_ORDINAL_BEFORE = "第"
# Times and ISO dates hold digits that count nothing (the date check reads the dates).
_NOT_QUANTITIES = lazy_compile(r"\d{1,2}:\d{2}(?::\d{2})?|\d{4}-\d{1,2}-\d{1,2}")
# Measure words after a written-out Chinese numeral that make it a count.
_CLASSIFIER = lazy_compile(r"[余多]?(?:人|名|个|位|元|家|件|次|年|天|岁|种|项|条|只|台|辆|座|所|架|艘|吨|公里|米|美元|倍|股|份|户|起|例)")
_RANGE = lazy_compile(r"\s?(?:-|–|—|~|～|至|到|तक|से)\s?")


@dataclass(frozen=True)
class SourceFigure(Located):
    values: tuple[float, ...]  # every value the numeral may stand for
    currency: str | None
    percent: bool


def fold_digits(text: str) -> str:
    return text.translate(_DIGITS)


_CLEAR_DECIMAL = lazy_compile(r"(?<![\d.,])\d+([.,])\d{1,2}(?![\d.,])")


def decimal_mark(text: str) -> str | None:
    """The decimal mark a text uses, from its numbers that can only be decimals (7,5 or 3.4):
    "," or ".", None when it does not show."""
    counts = {",": 0, ".": 0}
    for m in _CLEAR_DECIMAL.finditer(fold_digits(text[:20000])):
        counts[m.group(1)] += 1
    if counts[","] == counts["."]:
        return None
    return "," if counts[","] > counts["."] else "."


def _number_values(num: str, decimal: str | None = None) -> tuple[float, ...]:
    """The values "1,234", "3,5", "1.234.567", "1.234,5" may stand for; `decimal`, the text's
    decimal mark when known, settles "1.234" and "1,234"."""
    try:
        if "," in num and "." in num:
            decimal_mark = "," if num.rfind(",") > num.rfind(".") else "."
            group = "." if decimal_mark == "," else ","
            return (float(Decimal(num.replace(group, "").replace(decimal_mark, "."))),)
        for mark in (",", "."):
            if mark in num:
                parts = num.split(mark)
                grouped = all(len(p) in (2, 3) for p in parts[1:]) and len(parts[-1]) == 3
                whole = float(Decimal(num.replace(mark, "")))
                if len(parts) > 2:
                    return (whole,)
                fraction = float(Decimal(num.replace(mark, ".")))
                if not grouped or decimal == mark:
                    return (fraction,)
                if decimal is not None:
                    return (whole,)
                return (fraction, whole) if mark == "." else (whole, fraction)
        return (float(Decimal(num)),)
    except InvalidOperation:
        return ()


def chinese_numeral(run: str) -> float | None:
    """The value of a well-formed written-out Chinese numeral (一千五百, 三万, 十二), else None."""
    total, section, digit, last_unit = 0, 0, None, None
    for char in run:
        if char in _CN_DIGITS:
            if digit is not None and char not in "零〇":
                return None  # 四五: "four or five", no numeral
            digit = _CN_DIGITS[char] if char not in "零〇" else None
        elif char in _CN_UNITS:
            unit = _CN_UNITS[char]
            if last_unit is not None and unit >= last_unit and digit is None:
                return None
            section += (digit if digit is not None else 1) * unit
            digit, last_unit = None, unit
        else:  # 万, 亿
            section += digit or 0
            if section == 0:
                return None
            total += section * _CN_BIG[char]
            section, digit, last_unit = 0, None, None
    return float(total + section + (digit or 0))


def source_figures(text: str, start: int = 0, end: int | None = None, decimal: str | None = None) -> list[SourceFigure]:
    """The quantities of text[start:end]: dates, ordinals and words that merely hold a numeral
    character are left out (the date check reads dates)."""
    end = len(text) if end is None else end
    folded = _NOT_QUANTITIES.sub(lambda m: " " * len(m.group()), fold_digits(text[start:end]))
    found: list[SourceFigure] = []
    for m in _SOURCE_FIGURE.finditer(folded):
        if m.start("num") > 0 and (folded[m.start("num") - 1] == _ORDINAL_BEFORE or folded[m.start("num") - 1].isalpha()
                                   and folded[m.start("num") - 1].isascii()):
            continue  # 第3 (third), F-16, G7: an ordinal or a code
        if not m["mul"] and not m["post"] and _DATE_AFTER.match(folded, m.end()):
            continue
        if not m["mul"] and not m["pre"] and not m["post"] and folded[m.end():m.end() + 1].isascii() \
                and folded[m.end():m.end() + 1].isalpha():
            continue  # 5G, 3D: a name
        values = _number_values(m["num"], decimal)
        multiplier = _MULTIPLIERS.get((m["mul"] or "").strip().lstrip("余多").lower(), 1)
        values = tuple(v * multiplier for v in values)
        unit = (m["pre"] or "").strip() or (m["post"] or "").strip()
        found.append(SourceFigure(start + m.start(), start + m.end(), text[start + m.start():start + m.end()], values, _currency(unit),
                                  unit.lower().startswith(("%", "per", "‰"))))
    for m in _CN_RUN.finditer(folded):
        run = m["run"]
        if not any(c in "十百千万亿" for c in run) or run[0] in "千万亿百" or _DATE_AFTER.match(folded, m.end()):
            continue  # 千万 (by all means), 万一 (in case), 十一月 (November)
        if run[-1] not in "万亿" and not _CLASSIFIER.match(folded, m.end()):
            continue  # 二十大, 伤敌一千: a name or an idiom; a count has its measure word (一千五百人)
        value = chinese_numeral(run)
        if value is None or (m.start() > 0 and folded[m.start() - 1] == _ORDINAL_BEFORE):
            continue
        found.append(SourceFigure(start + m.start(), start + m.end(), text[start + m.start():start + m.end()], (value,), None, bool(m["pct"])))
    found.sort(key=lambda f: f.start)
    return _share_range_multipliers(folded, start, found)


def _share_range_multipliers(folded: str, base: int, figures: list[SourceFigure]) -> list[SourceFigure]:
    """3至5万: the first number of a range takes the multiplier of the second."""
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        gap = folded[a.end - base:b.start - base]
        if _RANGE.fullmatch(gap) and len(a.values) == 1 and len(b.values) == 1 and a.values[0] < b.values[0] / 10:
            scale = b.values[0] / float(_number_values(_plain_number(b.text))[0] or 1)
            if scale > 1:
                figures[i] = SourceFigure(a.start, a.end, a.text, (a.values[0], a.values[0] * scale), a.currency, a.percent)
    return figures


def _plain_number(text: str) -> str:
    match = re.search(r"\d+(?:[.,]\d+)*", fold_digits(text))
    return match.group() if match else "1"


def _currency(unit: str) -> str | None:
    if unit == "¥":
        return "CNY|JPY"
    return _CURRENCIES.get(unit.rstrip(".") if unit.startswith("Rs") else unit.lower() if unit.isascii() and unit.isalpha() and len(unit) > 3 else unit)


@dataclass(frozen=True)
class TargetNumber:
    """A place of the target that holds a number, with every value it may be read as."""

    start: int
    end: int
    values: tuple[float, ...]
    currency: str | None
    digits: bool  # written in digits (not a number word)


_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())} | {
    "dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "half": 0.5, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "first": 1, "second": 2, "third": 3,
    "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "a": 1, "an": 1, "both": 2, "twice": 2, "double": 2, "pair": 2, "once": 1, "single": 1, "twin": 2,
}
_LOOSE_NUMBER = lazy_compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_SCALE_AFTER = lazy_compile(r"[ \u00a0]?(million|billion|trillion|thousand|mn|bn|m|k)(?![A-Za-z])", re.IGNORECASE)
_WORD = lazy_compile(r"[A-Za-z]+")


def target_numbers(text: str, start: int, end: int) -> list[TargetNumber]:
    """The places of an English text[start:end] that hold a number: the figures lint.numerals
    reads (with their scale words and currencies), then every other run of digits (dates, labels
    and ordinals included, read the English way: 1,234 is 1234) and number words."""
    segment = text[start:end]
    places = [
        TargetNumber(start + f.start, start + f.end, (abs(f.value),), _currency(f.unit) if f.unit else None,
                     any(c.isdigit() for c in f.number))
        for f in find_figures(segment)
    ]
    # The figures are in order and apart: a place is free when it overlaps neither neighbour.
    starts = [p.start for p in places]

    def free(a: int, b: int) -> bool:
        index = bisect.bisect_right(starts, a) - 1
        if index >= 0 and places[index].end > a:
            return False
        return index + 1 >= len(starts) or starts[index + 1] >= b

    for m in _LOOSE_NUMBER.finditer(segment):
        a, b = start + m.start(), start + m.end()
        if not free(a, b):
            continue
        value = _english_value(m.group())
        if value is None:
            continue
        values = [value]
        scale = _SCALE_AFTER.match(segment, m.end())
        if scale:
            values.append(value * SCALE_FACTORS.get(scale.group(1).lower(), 1))
            b = start + scale.end()
        places.append(TargetNumber(a, b, tuple(reversed(values)), None, True))
    for m in _WORD.finditer(segment):
        value = _WORDS.get(m.group().lower())
        if value is not None and free(start + m.start(), start + m.end()):
            places.append(TargetNumber(start + m.start(), start + m.end(), (float(value),), None, False))
    places.sort(key=lambda p: p.start)
    return places


def _english_value(number: str) -> float | None:
    """1,234.5 as English writes it; a run that is no English number (5.17,000) read without its commas."""
    try:
        return float(Decimal(number.replace(",", "")))
    except InvalidOperation:
        return None


def same_value(source: float, target: float) -> bool:
    """Equal, or the source rounded to the target's fewer significant digits (167.3万 as 1.67 million)."""
    if source == target:
        return True
    if source == 0 or target == 0:
        return False
    if abs(source - target) <= 1e-9 * abs(source):
        return True
    digits = _significant(target)
    return digits < _significant(source) and float(f"{source:.{digits}g}") == target


def _significant(value: float) -> int:
    mantissa = f"{abs(value):.12g}"
    if "e" in mantissa:
        mantissa = mantissa.split("e")[0]
    return max(len(mantissa.replace(".", "").strip("0")), 1)


def currency_agrees(source: str | None, target: str | None) -> bool:
    if source is None or target is None:
        return True
    return bool(set(source.split("|")) & set(target.split("|")))


_ANY_DIGITS = lazy_compile(r"\d+(?:[.,]\d+)*")
_ANY_CN = lazy_compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_LATIN_WORD = lazy_compile(r"[A-Za-z]+")


def loose_source_values(text: str, start: int, end: int, decimal: str | None = None) -> set[float]:
    """Every number the source segment may hold, dates, ordinals and codes included (with its
    multipliers, and every written-out numeral, down to 一): a target figure that is none of
    these was added in translation."""
    folded = fold_digits(text[start:end])
    values: set[float] = set()
    for figure in source_figures(text, start, end, decimal):
        values.update(figure.values)
    for m in _ANY_DIGITS.finditer(folded):
        values.update(_number_values(m.group(), decimal))
    for m in _ANY_CN.finditer(folded):
        run = m.group()
        if len(run) > 12:  # no numeral is that long: its characters one by one (and bounded work)
            values.update(float(_CN_DIGITS[c]) for c in set(run) if c in _CN_DIGITS)
            continue
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                if (value := chinese_numeral(run[i:j])) is not None:
                    values.add(value)
        spelt = "".join(str(_CN_DIGITS[c]) for c in run if c in _CN_DIGITS)
        if len(spelt) == len(run) and len(spelt) in (2, 4):  # 九二, 二〇二三: a year read digit by digit
            value = float(spelt)
            values.update((value, 1900 + value, 2000 + value) if len(spelt) == 2 else (value,))
    for m in _LATIN_WORD.finditer(folded):
        if (value := _WORDS.get(m.group().lower())) is not None:
            values.add(float(value))
    return values
