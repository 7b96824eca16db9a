"""source-punctuation: the punctuation of another writing system left in English copy.

The Devanagari danda "।", full-width CJK punctuation "，。：；（）！？、「」【】" and full-width
letters and digits; the fix is the English form, spaced as English spaces it.  Marks that sit
beside a run of foreign letters belong to that untranslated fragment, which the `script` kind
reports, and articles that are not English copy are left alone.  (A space before a colon or a
question mark is the `space-before` kind's.)
"""
from __future__ import annotations

import unicodedata
from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..patterns import compile_pattern
from . import Kind
from .script import script_of

# Marks with no NFKC equivalent (or a poor one), and their English forms.
_ENGLISH_FORMS = {
    "\u0964": ".", "\u0965": ".", "\u3001": ",", "\u3002": ".", "\u3000": " ", "\u300c": "\u201c",
    "\u300d": "\u201d", "\u300e": "\u2018", "\u300f": "\u2019", "\u3010": "[", "\u3011": "]", "\u3014": "[",
    "\u3015": "]", "\u3016": "[", "\u3017": "]", "\u3008": "\u201c", "\u3009": "\u201d", "\u300a": "\u201c",
    "\u300b": "\u201d", "\uff5e": "~", "\uff61": ".", "\uff62": "\u201c", "\uff63": "\u201d", "\uff64": ",",
    "\uff65": "\u00b7",
}
_MARKS = compile_pattern(r"[\u0964\u0965\u3000-\u3003\u3008-\u3011\u3014-\u301b\uff01-\uff65]+")
_SPACE_AFTER = ",.;:!?)]\u201d\u2019"
_SPACE_BEFORE_OPENERS = "([\u201c\u2018"


def english_form(marks: str) -> str:
    return "".join(_ENGLISH_FORMS.get(c) or unicodedata.normalize("NFKC", c) for c in marks)


class SourcePunctuation(Kind):
    name = "source-punctuation"
    placeholders = frozenset({"english", "mark"})
    params: dict = {}
    fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        if not text.outside_cp1252 or not text.is_english:
            return  # the marks all lie outside Windows-1252
        yield from self._marks(text.text)

    def _marks(self, body: str) -> Iterable[Hit]:
        for match in _MARKS.finditer(body):
            start, end = match.span()
            before = body[start - 1] if start else " "
            after = body[end] if end < len(body) else " "
            if script_of(before) or script_of(after):
                continue  # part of an untranslated fragment
            english = english_form(match.group())
            if english.rstrip()[-1:] in _SPACE_AFTER and (after.isalnum() or after in "\"'\u201c\u2018("):
                english = english.rstrip() + " "
            if english[:1] in _SPACE_BEFORE_OPENERS and before.isalnum():
                english = " " + english
            if english == match.group():
                continue
            yield Hit(start, end, self.format(mark=match.group(), english=english.strip() or english),
                      Edit(start, end, english, safe=True))
