"""mixed-quotes: straight and curly quotation marks mixed in one article.

The article's majority style is its house style; each occurrence of the other style is
reported, the message giving both counts.  `marks = "double"` checks double quotation marks
(a pair on one line is one finding), `marks = "single"` apostrophes and single
quotation marks.  The `quote-style` option ("curly" or "straight") names the house style
outright.  Primes after figures (5'10", a 34" screen) are not quotation marks.  The fix converts
to the other style where the direction is plain: curly to straight always; straight to curly
for a straight pair (opening and closing) and for an apostrophe inside a word.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..patterns import lazy_compile
from ..validators import one_of
from . import Kind, RuleError

# Each pattern begins with the mark itself, a literal the engine skips to fast, and looks back
# from there: a straight mark after a figure is a prime (5'10", a 34" screen), and a curly mark
# after "€" is a byte of mojibake ("â€œ", "â€“"), not a quotation mark.
_STRAIGHT_DOUBLE = lazy_compile(r'"(?<!\d")')
_CURLY_DOUBLE = lazy_compile(r"[\u201c\u201d](?<!\u20ac.)(?<!\d\u201d)")
_CURLY_INCH = lazy_compile(r"\u201d(?<=\d\u201d)")  # a 14” screen: the curly prime of a figure
_STRAIGHT_PAIR = lazy_compile(r'"(?<!\d")(?P<inner>[^"\n]*)"')
_CURLY_PAIR = lazy_compile(r"\u201c(?P<inner>[^\u201c\u201d\n]*)\u201d")
_STRAIGHT_SINGLE = lazy_compile(r"'(?<!\d')")
_CURLY_SINGLE = lazy_compile(r"[\u2018\u2019](?<!\u20ac.)")
_SHOWN = 40
_OPENS_AFTER = " \t\n([{\u2014\u2013-/"
_TO_STRAIGHT = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}


class MixedQuotes(Kind):
    name = "mixed-quotes"
    options = {"quote-style": one_of("curly", "straight")}
    placeholders = frozenset({"counts", "mark", "other", "style"})
    params = {"marks": (str, "double")}
    fixable = True

    def prepare(self) -> None:
        if self.marks not in ("double", "single"):
            raise RuleError("'marks' must be 'double' or 'single'")
        if self.marks == "double":
            self.straight, self.curly = _STRAIGHT_DOUBLE, _CURLY_DOUBLE
        else:
            self.straight, self.curly = _STRAIGHT_SINGLE, _CURLY_SINGLE

    def check(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        # Counted fast: straight marks by a pattern that begins with the mark (and leaves out
        # primes), curly ones with str.count, less any that are bytes of mojibake.
        if self.marks == "double":
            opening, closing, straight_mark = "\u201c", "\u201d", '"'
        else:
            opening, closing, straight_mark = "\u2018", "\u2019", "'"
        count = body.count
        curly = count(opening) + count(closing)
        if not curly or straight_mark not in body:
            return
        if "\u20ac" in body:
            curly -= count("\u20ac" + opening) + count("\u20ac" + closing)
        if self.marks == "double":
            curly -= len(_CURLY_INCH.findall(body))
            if not curly:
                return
        straight = len(self.straight.findall(body))
        if not straight or not curly:
            return
        style = text.options.get("quote-style")
        if style is None:
            # The majority is the house style; a tie goes to curly, the typeset form.
            style = "straight" if straight > curly else "curly"
        counts = f"{curly} curly and {straight} straight"
        if style == "straight":
            yield from self._curly_hits(body, counts)
        else:
            yield from self._straight_hits(body, counts)

    def _curly_hits(self, body: str, counts: str) -> Iterable[Hit]:
        if self.marks == "double":
            # A curly pair is one finding, its fix both marks.
            paired: set[int] = set()
            for match in _CURLY_PAIR.finditer(body):
                start, end = match.span()
                paired.update((start, end - 1))
                yield Hit(start, end, self.format(mark=_shown(match.group()), style="straight", other="curly", counts=counts),
                          Edit(start, end, f'"{match.group("inner")}"', safe=True))
        else:
            paired = set()
        for match in self.curly.finditer(body):
            if match.start() in paired:
                continue
            mark = match.group()
            yield Hit(match.start(), match.end(), self.format(mark=mark, style="straight", other="curly", counts=counts),
                      Edit(match.start(), match.end(), _TO_STRAIGHT[mark], safe=True))

    def _straight_hits(self, body: str, counts: str) -> Iterable[Hit]:
        if self.marks == "single":
            for match in self.straight.finditer(body):
                start = match.start()
                inside_word = 0 < start < len(body) - 1 and body[start - 1].isalpha() and body[start + 1].isalpha()
                yield Hit(start, start + 1, self.format(mark="'", style="curly", other="straight", counts=counts),
                          Edit(start, start + 1, "\u2019", safe=True) if inside_word else None)
            return
        paired: set[int] = set()
        for match in _STRAIGHT_PAIR.finditer(body):
            start, end = match.span()
            paired.update((start, end - 1))
            edit = Edit(start, end, f"\u201c{match.group('inner')}\u201d", safe=True) if _is_quotation(body, start, end) else None
            yield Hit(start, end, self.format(mark=_shown(match.group()), style="curly", other="straight", counts=counts), edit)
        for match in self.straight.finditer(body):
            if match.start() not in paired:
                yield Hit(match.start(), match.end(), self.format(mark='"', style="curly", other="straight", counts=counts))


def _is_quotation(body: str, start: int, end: int) -> bool:
    """Whether body[start:end], from one straight quote to the next, is plainly a quotation."""
    before = body[start - 1] if start else " "
    after = body[end] if end < len(body) else " "
    inner = body[start + 1:end - 1]
    return before in _OPENS_AFTER and bool(inner) and not inner[0].isspace() and not inner[-1].isspace() and not after.isalnum()


def _shown(quotation: str) -> str:
    return quotation if len(quotation) <= _SHOWN else f"{quotation[:_SHOWN - 2]}…{quotation[-1]}"
