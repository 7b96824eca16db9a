"""Dates of a source text (Chinese, Hindi, ISO, and day-month names of Western languages) and
of an English target, as (year, month, day) to compare; any part may be unknown (None)."""
from __future__ import annotations

from dataclasses import dataclass

from ..numerals import MONTH_NAMES, MONTH_PATTERN
from ..patterns import lazy_compile
from .numbers import chinese_numeral, fold_digits
from .source import Located

_HINDI_MONTHS = {
    "जनवरी": 1, "फ़रवरी": 2, "फरवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7,
    "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11,
    "दिसंबर": 12, "दिसम्बर": 12,
}
# Western languages' month names, lower-case (English, French, German, Spanish, Portuguese, Italian).
_WESTERN_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)} | {
    name: i for i, names in enumerate((
        "janvier januar enero janeiro gennaio", "février februar febrero fevereiro febbraio",
        "mars märz marzo março", "avril abril aprile", "mai mayo maio maggio", "juin juni junio junho giugno",
        "juillet juli julio julho luglio", "août agosto", "septembre septiembre setembro settembre",
        "octobre oktober octubre outubro ottobre", "novembre noviembre novembro",
        "décembre dezember diciembre dezembro dicembre"), 1) for name in names.split()
}
_CN_NUM = r"[0-9一二三四五六七八九十〇零]"
_CHINESE_DATE = lazy_compile(
    rf"(?:(?P<y>[0-9]{{4}}) ?年 ?)?(?P<m>{_CN_NUM}{{1,3}}) ?月(?: ?(?P<d>{_CN_NUM}{{1,3}}) ?[日号])?"
    rf"|(?<![0-9月])(?P<day>[0-9]{{1,2}}) ?日(?!本)"  # a day alone: 10日 (1号 alone is No. 1: 1号线)
)
_ISO_DATE = lazy_compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[01]?[0-9])-(?P<d>[0-3]?[0-9])(?![0-9])")
_HINDI_DATE = lazy_compile(
    r"(?<![0-9])(?P<d>[0-9]{1,2})\s(?P<m>" + "|".join(_HINDI_MONTHS) + r")(?:,?\s(?P<y>[0-9]{4}))?"
)
_WESTERN_DATE = lazy_compile(
    r"(?i)(?<![0-9])(?P<d>[0-9]{1,2})\.?(?:er|st|nd|rd|th)?\s(?:de\s|of\s)?(?P<m>[a-zéûäç]{3,10})\b(?:\s(?:de\s)?(?P<y>[0-9]{4}))?"
    r"|(?P<m2>[A-Z][a-z]{2,8})\s(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\b(?:,?\s(?P<y2>[0-9]{4}))?"
)
_TARGET_DATE = lazy_compile(
    rf"(?:(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?)?(?P<m>{MONTH_PATTERN})\b\.?"
    r"(?:\s(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s(?P<y>[0-9]{4})\b)?"
)
_NUMERIC_DATE = lazy_compile(r"(?<![0-9/.-])(?:(?P<y>[0-9]{4})[-/.])?(?P<a>[0-9]{1,2})[/.-](?P<b>[0-9]{1,2})(?:[/.-](?P<y2>[0-9]{2,4}))?(?![0-9/])")
_DAY_ONLY = lazy_compile(r"(?<![0-9])(?<![0-9][.,])(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9]|[.,][0-9])")


@dataclass(frozen=True)
class SourceDate(Located):
    year: int | None
    month: int | None
    day: int | None

    def english(self) -> str:
        """The date as an English copy desk writes it: March 5, 2023; March 5; the 5th."""
        if self.month is None:
            return f"the {self.day}{_suffix(self.day)}" if self.day else str(self.year)
        words = MONTH_NAMES[self.month - 1] + (f" {self.day}" if self.day else "")
        return words + (f", {self.year}" if self.year and self.day else f" {self.year}" if self.year else "")


@dataclass(frozen=True)
class TargetDate:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    numeric: bool  # written in figures only (3/5, 2023-03-05)


def _suffix(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _number(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    value = chinese_numeral(text) if len(text) > 1 else {"十": 10.0}.get(text) or chinese_numeral("零" + text)
    return int(value) if value else None


def _valid(month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def source_dates(text: str, start: int = 0, end: int | None = None) -> list[SourceDate]:
    end = len(text) if end is None else end
    folded = fold_digits(text[start:end])
    found: list[SourceDate] = []
    for m in _CHINESE_DATE.finditer(folded):
        if m["day"]:
            date = (None, None, int(m["day"]))
        else:
            date = (int(m["y"]) if m["y"] else None, _number(m["m"]), _number(m["d"]))
        if _valid(date[1], date[2]) and (date[1] or date[2]):
            found.append(SourceDate(start + m.start(), start + m.end(), text[start + m.start():start + m.end()], *date))
    for m in _ISO_DATE.finditer(folded):
        found.append(SourceDate(start + m.start(), start + m.end(), text[start + m.start():start + m.end()], int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _HINDI_DATE.finditer(folded):
        found.append(SourceDate(start + m.start(), start + m.end(), text[start + m.start():start + m.end()], int(m["y"]) if m["y"] else None,
                                _HINDI_MONTHS[m["m"]], int(m["d"])))
    for m in _WESTERN_DATE.finditer(folded):
        month = _WESTERN_MONTHS.get((m["m"] or m["m2"] or "").lower())
        if month is None:
            continue
        day, year = int(m["d"] or m["d2"]), m["y"] or m["y2"]
        found.append(SourceDate(start + m.start(), start + m.end(), text[start + m.start():start + m.end()], int(year) if year else None, month, day))
    found = [d for d in found if _valid(d.month, d.day)]
    found.sort(key=lambda d: d.start)
    return [d for i, d in enumerate(found) if not (i and d.start < found[i - 1].end)]


def target_dates(text: str, start: int, end: int) -> list[TargetDate]:
    segment = text[start:end]
    found: list[TargetDate] = []
    for m in _TARGET_DATE.finditer(segment):
        name = m["m"].lower()
        month = next(i for i, full in enumerate(MONTH_NAMES, 1) if full.lower().startswith(name[:3]))
        day = m["d1"] or m["d2"]
        found.append(TargetDate(start + m.start(), start + m.end(), int(m["y"]) if m["y"] else None, month,
                                int(day) if day else None, False))
    for m in _NUMERIC_DATE.finditer(segment):
        a, b = int(m["a"]), int(m["b"])
        year = m["y"] or m["y2"]
        found.append(TargetDate(start + m.start(), start + m.end(), int(year) if year and len(year) == 4 else None,
                                a, b, True))
        if not m["y"]:  # 5/3: day first or month first
            found.append(TargetDate(start + m.start(), start + m.end(), None, b, a, True))
    return found


def days_in(text: str, start: int, end: int) -> dict[int, list[int]]:
    """Where text[start:end] has each number that may be a day of the month (10, 10th)."""
    days: dict[int, list[int]] = {}
    for m in _DAY_ONLY.finditer(text, start, end):
        days.setdefault(int(m["d"]), []).append(m.start())
    return days
