"""locale-format: dates, currencies and names written the source's way, not the house's.

Three checks, each of which a rule can leave out with `checks`:

dates     an ambiguous numeric date (03/04/2023: March 4 or 3 April?); an ISO date in running
          text (2023-02-11); "February 11th" (news styles drop the ordinal); and the day-month
          and month-day orders mixed in one article (the minority reported, once the majority
          has been used at least twice).  With the `date-style` option
          ("month-day" or "day-month") every date in the other order, every ordinal date and
          every unambiguous numeric date is reported too, and ISO dates get a fix.
currency  one currency written several ways in one article (Rs 300, ₹300, INR 300; RMB and
          CNY); with the `currency-style` option ("words", "codes" or "symbols") every form
          other than the house's is reported.  Only currencies that translated copy brings
          (rupee, yuan) are known.
names     Chinese names in the surname-in-capitals form of official documents ("XI Jinping")
          and pinyin given names split into syllables ("He Li Feng" for He Lifeng), in
          articles that mention China, Chinese, Beijing or Taiwan.

Dates and currencies inside quotations are the speaker's and are left alone.
"""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..numerals import MONTH_NAMES
from ..patterns import compile_pattern, lazy_compile
from ..validators import one_of
from . import Kind, RuleError, string_list

CHECKS = ("dates", "currency", "names")

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# Each pattern begins with a literal or a month name, so that the regular expression engine skips
# through the text fast; what must come before the match is checked on the few hits.
_MONTH_NAME = lazy_compile(rf"{_MONTH}(?![a-z])")
_DAY_AFTER = lazy_compile(r" (?P<day>[1-9]|[12]\d|3[01])(?P<suffix>st|nd|rd|th)?(?![:.,]?\d)(?!\w)")
_DAY_BEFORE = lazy_compile(r"(?<![\d,.])\b(?P<day>[1-9]|[12]\d|3[01])(?P<suffix>st|nd|rd|th)?(?P<of> of)? $")
# Numeric dates from their second separator on ("/04/2023"); the first number is found after.
_SLASH_DATE = lazy_compile(r"/(?P<middle>\d{1,2})/(?P<last>(?:19|20)?\d\d)(?![\d/])")
_DOT_DATE = lazy_compile(r"\.(?P<middle>\d{1,2})\.(?P<last>(?:19|20)\d\d)(?![\d.]|\.\d)")
_DASH_DATE = lazy_compile(r"-(?P<middle>\d{1,2})-(?P<last>\d\d(?:\d\d)?)(?![\d-])")
_DIGITS_BEFORE = lazy_compile(r"(?<![\w/.\-])\d{1,4}$")
_BEFORE_MONTH = ("st", "nd", "rd", "th", "of")  # what ends a day number before its month


class DateMention(NamedTuple):
    """A date written with the month in words: "February 11th", "11 February"."""

    start: int
    end: int
    text: str
    day: str
    month: str
    suffix: str | None
    month_first: bool

    @property
    def bare(self) -> str:
        return f"{self.month} {self.day}" if self.month_first else f"{self.day} {self.month}"

    @property
    def swapped(self) -> str:
        return f"{self.day} {self.month}" if self.month_first else f"{self.month} {self.day}"


# currency -> form -> pattern.  Every pattern begins with a literal; that a figure stands next to
# the match is checked by hand.  `words` is how a house style in words writes the currency.
_CURRENCIES: dict[str, dict[str, str]] = {
    "rupee": {"local": r"Rs\.?", "codes": r"INR", "symbols": "\u20b9", "words": r"rupees?"},
    "yuan": {"local": r"R(?:MB|mb)", "codes": r"CNY", "words": r"yuan|renminbi"},
}
_CURRENCY_WORDS = {"rupee": "rupees", "yuan": "yuan"}
_CURRENCY_CODES = {"rupee": "INR", "yuan": "CNY"}
_CURRENCY_SYMBOLS = {"rupee": "\u20b9"}
_CURRENCY_FORMS = [
    (currency, form, compile_pattern(rf"(?:{pattern})(?![^\W\d])"))
    for currency, forms in _CURRENCIES.items()
    for form, pattern in forms.items()
]
_FIGURE_AFTER = lazy_compile(r" ?\d")
_FIGURE_BEFORE = lazy_compile(r"\d(?: (?:thousand|lakh|crore|million|billion|trillion))? ?$")


def _beside_figure(body: str, start: int, end: int) -> bool:
    """Whether a currency word or sign at body[start:end] stands beside a figure ("Rs 300", "300 yuan")."""
    if start and (body[start - 1].isalnum() and not body[start - 1].isdigit()):
        return False
    return bool(_FIGURE_AFTER.match(body, end) or _FIGURE_BEFORE.search(body, max(0, start - 20), start))


# Common Chinese surnames in pinyin, and the shape of a pinyin syllable.
_SURNAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie
    song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding
    ren yao shen zhong cui tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan
    duan lei long tao mao hao gu gong shao wan qian lai kong xi mo qi niu ge bi chang wen kang yi ni tong
    hua zhan lan shang qu geng ji rao cen lou pang nie shu jiao""".split()
)
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|a|o|e|i|u)"
)
_CHINESE_CONTEXT = ("Chin", "Beijing", "Taiwan")
_GIVEN_NAME = lazy_compile(rf"{_SYLLABLE}(?:['-]?{_SYLLABLE})?")
_ONE_SYLLABLE = lazy_compile(_SYLLABLE)
# Both begin with the surname itself (an alternation of capitalised words the engine skips to
# fast); that no letter precedes it is checked on the hits.  Longest first; equals in alphabetical
# order, so that the pattern is the same in every run (a set's order is not) and its compiled program
# is reused instead of assembled at every start.
_BY_LENGTH = sorted(_SURNAMES, key=lambda surname: (-len(surname), surname))
_CAPITALS_SURNAME = lazy_compile(
    rf"(?P<surname>{'|'.join(s.upper() for s in _BY_LENGTH if len(s) > 1)}) (?P<given>[A-Z][a-z]+(?:-[a-z]+)?)\b"
)
_SPLIT_GIVEN = lazy_compile(
    rf"(?P<surname>{'|'.join(s.title() for s in _BY_LENGTH)}) (?P<one>[A-Z][a-z]{{0,5}}) (?P<two>[A-Z][a-z]{{0,5}})\b(?! [A-Z])"
)


class LocaleFormat(Kind):
    name = "locale-format"
    options = {"date-style": one_of("month-day", "day-month"), "currency-style": one_of("words", "codes", "symbols")}
    placeholders = frozenset({"advice", "found"})
    params = {"checks": (list, list(CHECKS))}

    def prepare(self) -> None:
        self.enabled = set(string_list(self.checks, "'checks'"))
        unknown = self.enabled - set(CHECKS)
        if unknown:
            raise RuleError(f"unknown check {sorted(unknown)[0]!r} in 'checks' (known: {', '.join(CHECKS)})")

    def check(self, text: Analysis) -> Iterable[Hit]:
        if not text.is_english:
            return
        if "dates" in self.enabled:
            yield from self._dates(text)
        if "currency" in self.enabled:
            yield from self._currency(text)
        if "names" in self.enabled:
            yield from self._names(text)

    # ---- dates

    def _dates(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        style = text.options.get("date-style")
        yield from self._numeric_dates(text, style)
        mentions = [m for m in _month_dates(body) if not text.in_quotation(m.start)]
        misordered = self._misordered(mentions, style)
        yield from self._date_order(misordered, len(mentions), style)
        yield from self._ordinals([m for m in mentions if m not in misordered], mentions, style)

    def _numeric_dates(self, text: Analysis, style: str | None) -> Iterable[Hit]:
        body = text.text
        for regex in (_SLASH_DATE, _DOT_DATE, _DASH_DATE):
            for match in regex.finditer(body):
                before = _DIGITS_BEFORE.search(body, max(0, match.start() - 5), match.start())
                if before is None:
                    continue
                start, end = before.start(), match.end()
                if text.in_quotation(start):
                    continue
                first, middle, last = before.group(), int(match.group("middle")), match.group("last")
                if len(first) == 4:  # year-month-day
                    hit = self._iso_date(start, end, int(first), middle, last, style) if regex is _DASH_DATE else None
                elif regex is _DASH_DATE and len(last) == 2:
                    hit = None  # a score or a code ("3-1-20"), not a date
                else:
                    hit = self._numeric_date(start, end, body[start:end], int(first), middle, style)
                if hit is not None:
                    yield hit

    def _numeric_date(self, start: int, end: int, found: str, a: int, b: int, style: str | None) -> Hit | None:
        if a == 0 or b == 0 or a > 31 or b > 31 or (a > 12 and b > 12):
            return None
        if a <= 12 and b <= 12 and a != b:
            advice = f"ambiguous: {MONTH_NAMES[a - 1]} {b} or {a} {MONTH_NAMES[b - 1]}? Write the month in words"
        elif style:
            advice = "write the month in words, as the house does"
        else:
            return None
        return Hit(start, end, self.format(found=found, advice=advice))

    def _iso_date(self, start: int, end: int, year: int, month: int, day: str, style: str | None) -> Hit | None:
        if not (1900 <= year <= 2099 and 1 <= month <= 12 and len(day) == 2 and 1 <= int(day) <= 31):
            return None
        found, month_name, day_number = f"{year}-{month:02d}-{day}", MONTH_NAMES[month - 1], int(day)
        if style:
            words = f"{month_name} {day_number}, {year}" if style == "month-day" else f"{day_number} {month_name} {year}"
            return Hit(start, end, self.format(found=found, advice=f"write “{words}”"), Edit(start, end, words))
        advice = f"write it in words ({day_number} {month_name} {year} or {month_name} {day_number}, {year})"
        return Hit(start, end, self.format(found=found, advice=advice))

    def _misordered(self, mentions: list[DateMention], style: str | None) -> list[DateMention]:
        """The dates in the order the house (or, without a house style, the article) does not use."""
        month_day = [m for m in mentions if m.month_first]
        day_month = [m for m in mentions if not m.month_first]
        if style == "month-day":
            return day_month
        if style == "day-month":
            return month_day
        if month_day and day_month and max(len(month_day), len(day_month)) >= 2 and len(month_day) != len(day_month):
            # Only a clear majority, used at least twice, shows the article's own style.
            return day_month if len(month_day) > len(day_month) else month_day
        return []

    def _date_order(self, misordered: list[DateMention], total: int, style: str | None) -> Iterable[Hit]:
        counts = f" (the article writes {total - len(misordered)} dates the other way)" if not style else ""
        for mention in misordered:
            yield Hit(mention.start, mention.end, self.format(found=mention.text, advice=f"write “{mention.swapped}”{counts}"),
                      Edit(mention.start, mention.end, mention.swapped) if style else None)

    def _ordinals(self, candidates: list[DateMention], mentions: list[DateMention], style: str | None) -> Iterable[Hit]:
        if not (style or any(m.suffix is None for m in mentions)):
            return
        for mention in candidates:
            if mention.suffix is not None:
                yield Hit(mention.start, mention.end,
                          self.format(found=mention.text, advice=f"write “{mention.bare}”: dates take no ordinal suffix"),
                          Edit(mention.start, mention.end, mention.bare))

    # ---- currency

    def _currency(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        style = text.options.get("currency-style")
        found: dict[str, dict[str, list[re.Match]]] = {}
        for currency, form, regex in _CURRENCY_FORMS:
            if form == "words" and style in (None, "words"):
                continue  # amounts in words are never the odd ones out then
            matches = [
                m for m in regex.finditer(body)
                if _beside_figure(body, m.start(), m.end()) and not text.in_quotation(m.start())
            ]
            if matches:
                found.setdefault(currency, {})[form] = matches
        for currency, forms in found.items():
            if style:
                house = style if style in _CURRENCIES[currency] else "words"
                wrong = [form for form in forms if form != house]
                advice = {"words": f"write the amount in {_CURRENCY_WORDS[currency]}",
                          "codes": f"write {_CURRENCY_CODES[currency]}",
                          "symbols": f"write {_CURRENCY_SYMBOLS.get(currency, '')}"}[house]
            else:
                # No house style: only a currency written several ways in one article is reported;
                # the most used way (ties: the first used) is the article's.
                if len(forms) < 2:
                    continue
                house = max(forms, key=lambda form: (len(forms[form]), -forms[form][0].start()))
                wrong = [form for form in forms if form != house]
                advice = f"the article mostly writes “{forms[house][0].group().strip()}”"
            for form in wrong:
                for match in forms[form]:
                    yield Hit(match.start(), match.end(), self.format(found=match.group().strip(), advice=advice))

    # ---- names

    def _names(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        if not any(word in body for word in _CHINESE_CONTEXT):
            return  # Chinese names are looked for only where China is written about
        for match in _CAPITALS_SURNAME.finditer(body):
            surname, given = match.group("surname"), match.group("given")
            if _GIVEN_NAME.fullmatch(given.lower()) and not _letter_before(body, match.start()):
                fixed = f"{surname.title()} {given}"
                yield Hit(match.start(), match.end(),
                          self.format(found=match.group(), advice=f"write “{fixed}”: English copy does not capitalise the surname"),
                          Edit(match.start(), match.end(), fixed))
        for match in _SPLIT_GIVEN.finditer(body):
            surname, one, two = match.group("surname", "one", "two")
            if _letter_before(body, match.start()) or surname == "He" and text.is_sentence_initial(match.start()):
                continue
            if _ONE_SYLLABLE.fullmatch(one.lower()) and _ONE_SYLLABLE.fullmatch(two.lower()):
                joined = f"{surname} {one}{two.lower()}"
                yield Hit(match.start(), match.end(),
                          self.format(found=match.group(), advice=f"pinyin writes a given name as one word (“{joined}”)"))


def _letter_before(body: str, offset: int) -> bool:
    return offset > 0 and body[offset - 1].isalpha()


def _month_dates(body: str) -> Iterable[DateMention]:
    """Dates with the month in words, found from the month names (few) outwards."""
    for match in _MONTH_NAME.finditer(body):
        start, end = match.span()
        if start and body[start - 1].isalpha():
            continue
        month = match.group()
        after = _DAY_AFTER.match(body, end)
        if after is not None:
            yield DateMention(start, after.end(), body[start:after.end()], after.group("day"), month, after.group("suffix"), True)
        elif start >= 2 and body[start - 1] == " " and (body[start - 2].isdigit() or body[start - 3:start - 1] in _BEFORE_MONTH):
            before = _DAY_BEFORE.search(body, max(0, start - 12), start)
            if before is not None:
                yield DateMention(before.start(), end, body[before.start():end], before.group("day"), month, before.group("suffix"), False)

