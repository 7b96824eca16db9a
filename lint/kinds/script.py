"""script: runs of another writing system left inside English copy ("said (कहा गया)").

One regular expression finds runs of letters outside the Latin script (with the spaces, digits
and punctuation between them, so that a whole Russian sentence is one finding); the script of
the run's first letter names it.  Symbols are not letters here: a currency sign (₹, ¥, €), a
degree sign or the Devanagari danda never make a run.  Greek letters are also maths and science
symbols (µ, π, Δ, "α-synuclein"), so Greek needs a word of three letters; ideographs and kana
are words on their own.  Words listed in the `allow-words` option are never flagged, nor a
language's name for itself standing in a short line (a page's language menu, which is chrome).
An article not in English, or mostly written in another script, is not English copy: the kind
stays quiet on it.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Iterable

from ..analysis import Analysis
from ..findings import Hit
from ..patterns import lazy_compile
from . import Kind, RuleError

# (first, last, script) for the scripts that English news copy meets; ordered by code point.
SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0531, 0x058F, "Armenian"),
    (0x0591, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0700, 0x074F, "Syriac"),
    (0x0750, 0x077F, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x0870, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Odia"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul (Korean)"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1C90, 0x1CBF, "Georgian"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0x3040, 0x30FF, "Japanese kana"),
    (0x3100, 0x312F, "Bopomofo"),
    (0x3130, 0x318F, "Hangul (Korean)"),
    (0x31F0, 0x31FF, "Japanese kana"),
    (0x3400, 0x4DBF, "Chinese (Han)"),
    (0x4E00, 0x9FFF, "Chinese (Han)"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA8E0, 0xA8FF, "Devanagari"),
    (0xA960, 0xA97F, "Hangul (Korean)"),
    (0xAC00, 0xD7FF, "Hangul (Korean)"),
    (0xF900, 0xFAFF, "Chinese (Han)"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF66, 0xFF9F, "Japanese kana"),
    (0x20000, 0x2FA1F, "Chinese (Han)"),
)
# Punctuation, digits' companions and currency signs inside those blocks: never letters of a run.
_NOT_LETTERS = (
    "\u037e\u0387\u0482\u0589\u055a\u055b\u055c\u055d\u055e\u055f\u05be\u05c0\u05c3\u05c6\u05f3\u05f4"
    "\u0600\u0601\u0602\u0603\u0604\u0605\u060c\u060d\u061b\u061f\u066a\u066b\u066c\u066d\u06d4\u06dd\u06de\u06e9"
    "\u0964\u0965\u0970\u09f2\u09f3\u09fb\u0af1\u0bf3\u0bf4\u0bf5\u0bf6\u0bf7\u0bf8\u0bf9\u0bfa"
    "\u0e3f\u0e4f\u0e5a\u0e5b\u0f04\u0f05\u0f06\u0f07\u0f08\u0f0d\u0f0e\u0f0f\u0f10\u0f11\u0f12\u104a\u104b"
    "\u1360\u1361\u1362\u1363\u1364\u1365\u1366\u1367\u1368\u17d4\u17d5\u17d6\u17d8\u17d9\u17da\u17db"
    "\u1800\u1801\u1802\u1803\u1804\u1805\u1806\u1807\u1808\u1809\u180a\u30fb\ufd3e\ufd3f"
)
# Scripts whose single characters are words; Greek letters double as symbols, so need three.
_MIN_LETTERS = {"Chinese (Han)": 1, "Japanese kana": 1, "Hangul (Korean)": 1, "Greek": 3}
_DEFAULT_MIN_LETTERS = 2


def _letter_class() -> str:
    """A character class of SCRIPT_RANGES without the code points in _NOT_LETTERS."""
    excluded = sorted(ord(c) for c in _NOT_LETTERS)
    parts: list[str] = []
    for first, last, _ in SCRIPT_RANGES:
        start = first
        for code in excluded:
            if first <= code <= last:
                if code > start:
                    parts.append(_span(start, code - 1))
                start = code + 1
        if start <= last:
            parts.append(_span(start, last))
    return "".join(parts)


def _span(first: int, last: int) -> str:
    return re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"


_LETTER = _letter_class()
# What may join two pieces of one foreign run: spaces (not line ends), digits, punctuation,
# combining marks and joiners, CJK and full-width punctuation.
_JOINER = (
    r" \t\u00a0\d.,;:!?'\"()«»„“”‘’\u2010-\u2015·/\-"
    r"\u0300-\u036f\u200c\u200d\u0964\u0965\u060c\u061b\u061f\u06d4\u30fb\u3000-\u303f\uff01-\uff20\uff3b-\uff40\uff5b-\uff65"
)
_RUN = lazy_compile(rf"[{_LETTER}](?:[{_LETTER}\u0300-\u036f\u200c\u200d]|[{_JOINER}]{{1,12}}(?=[{_LETTER}]))*")
# A cheap test with few ranges: does the text hold any character of those blocks at all?
_ANY = lazy_compile(r"[\u0370-\u1dff\u1f00-\u1fff\u2c00-\ud7ff\uf900-\ufdff\ufe70-\ufeff\uff66-\uff9f\U00020000-\U0002fa1f]")
# Languages' names for themselves, as a page's language menu lists them.
_ENDONYMS = frozenset(
    """中文 中文网 简体中文 繁體中文 繁体中文 日本語 한국어 हिंदी हिन्दी मराठी বাংলা தமிழ் తెలుగు ಕನ್ನಡ മലയാളം ગુજરાતી
    ਪੰਜਾਬੀ ଓଡ଼ିଆ اردو العربية عربي فارسی Русский русский РУС рус Українська Ελληνικά עברית ไทย""".split()
)
_RANGE_STARTS = [first for first, _, _ in SCRIPT_RANGES]
_SHOWN_CHARS = 40


def script_of(char: str) -> str | None:
    """The script SCRIPT_RANGES gives a character, or None."""
    code = ord(char)
    index = bisect.bisect_right(_RANGE_STARTS, code) - 1
    if index >= 0 and code <= SCRIPT_RANGES[index][1]:
        return SCRIPT_RANGES[index][2]
    return None


def foreign_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of non-Latin letters in `text` (none at all for most English copy)."""
    first = _ANY.search(text)
    if first is None:
        return []
    return [m.span() for m in _RUN.finditer(text, first.start())]


def name_run(run: str) -> str:
    scripts = {script_of(c) for c in run if c.isalpha()}
    scripts.discard(None)
    if "Japanese kana" in scripts:
        return "Japanese"
    if len(scripts) == 1:
        return scripts.pop()
    return script_of(run[0]) or "non-Latin"


def _letters(run: str) -> int:
    return sum(1 for c in run if c.isalpha())


def _normalise(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


class Script(Kind):
    name = "script"
    placeholders = frozenset({"fragment", "letters", "script"})
    params = {
        # Above this share of the text in foreign runs, the article is not English copy.
        "max-share": ((int, float), 0.4),
    }

    def prepare(self) -> None:
        if not 0 < self.max_share <= 1:
            raise RuleError("'max-share' must be between 0 and 1")

    def check(self, text: Analysis) -> Iterable[Hit]:
        if not text.outside_cp1252 or not text.is_english:
            return  # nothing outside Windows-1252 (so no other script), or not English copy
        body = text.text
        runs = foreign_runs(body)
        if not runs:
            return
        covered = sum(end - start for start, end in runs)
        if covered > self.max_share * max(len(body.strip()), 1):
            return
        allowed = {_normalise(w) for w in text.options.get("allow-words", ())}
        for start, end in runs:
            run = body[start:end]
            script = name_run(run)
            if _letters(run) < _MIN_LETTERS.get(script, _DEFAULT_MIN_LETTERS):
                continue
            if allowed and (_normalise(run) in allowed or all(_normalise(w) in allowed for w in run.split())):
                continue
            if run in _ENDONYMS and _short_line(body, start):
                continue  # a page's language menu: chrome, not copy
            shown = run if len(run) <= _SHOWN_CHARS else run[: _SHOWN_CHARS - 1] + "…"
            yield Hit(start, end, self.format(script=script, fragment=shown, letters=_letters(run)))


def _short_line(body: str, offset: int) -> bool:
    """Whether the line holding `offset` has four words or fewer (a menu entry, not a sentence)."""
    start = body.rfind("\n", 0, offset) + 1
    end = body.find("\n", offset)
    return len(body[start:end if end != -1 else len(body)].split()) <= 4
