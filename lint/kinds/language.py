"""language: a paragraph of English copy written in another language (left untranslated).

Only English articles are checked, and only paragraphs long enough for a reliable answer.  A
paragraph full of English function words is English and costs nothing more.  Of the few that are
not (lists, tables, name-heavy lines, foreign prose), those with the function words of another
language go to langdetect, imported only then (its language profiles take about half a second
to load), seeded so that its answers never change between runs, and trusted only when it is
sure.  Paragraphs mostly in another script are the `script` kind's to report.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Iterable

from ..analysis import ENGLISH_SHARE, Analysis
from ..budget import paused
from ..findings import Hit
from ..patterns import lazy_compile
from . import Kind, RuleError

# Function words of the languages written in Latin letters that news copy meets (French, Spanish,
# German, Italian, Portuguese, Dutch, Indonesian/Malay, Turkish, Polish, Czech/Slovak, Romanian,
# Hungarian, Finnish, Scandinavian, Vietnamese, Tagalog, Swahili, Catalan), none of them English
# words: a paragraph without them is a list, a table or a name-heavy line, not foreign prose.
_FOREIGN_MARKERS = tuple(
    f" {w} "
    for w in set(
        """le la les des et est une du pour dans que qui pas sur avec el los las del y una por para con
        der die das und ist nicht mit den von zu ein eine sich il di che è per della o os da do das dos não
        uma em com het een van niet dat op zijn yang dan di ke dari ini itu dengan untuk ve bir bu için ile
        olarak w na nie się że jest v je se že și în cu pe care este az és hogy egy ja ei että och att det
        som är på av med til og er của và là có được các những trong ang ng mga sa ya wa kwa ni katika els amb""".split()
    )
)
FOREIGN_SHARE = 0.08
_NON_LATIN = lazy_compile(r"[\u0370-\u1dff\u1f00-\u1fff\u2c00-\ud7ff\uf900-\ufdff\ufe70-\ufeff\uff66-\uff9f]")

LANGUAGE_NAMES = {
    "af": "Afrikaans", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German",
    "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French", "hr": "Croatian", "hu": "Hungarian",
    "id": "Indonesian", "it": "Italian", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "sk": "Slovak", "sl": "Slovenian", "so": "Somali",
    "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog", "tr": "Turkish", "vi": "Vietnamese",
}


_LOADING = threading.Lock()


@lru_cache(maxsize=1)
def _detector():
    """langdetect's detect_langs, seeded for repeatable answers (loaded on first use only).

    Its language profiles are loaded here, whole, under a lock: langdetect publishes its
    factory before filling it, so a second thread (a server's, a Dask worker's) detecting
    meanwhile would judge against half the languages."""
    with _LOADING, paused():  # loaded once per process: no cost of the rule on this document
        from langdetect import DetectorFactory, detect_langs
        from langdetect.detector_factory import init_factory

        DetectorFactory.seed = 0
        init_factory()
        return detect_langs


def detect(paragraph: str) -> tuple[str, float]:
    """The most probable language of `paragraph` and its probability."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = _detector()(paragraph)[0]
    except LangDetectException:
        return "", 0.0
    return best.lang, best.prob


class Language(Kind):
    name = "language"
    placeholders = frozenset({"code", "language", "probability"})
    params = {
        "min-letters": (int, 100),
        "min-probability": ((int, float), 0.9),
    }

    def prepare(self) -> None:
        if self.min_letters < 20:
            raise RuleError("'min-letters' must be at least 20: langdetect guesses on shorter text")
        if not 0 < self.min_probability <= 1:
            raise RuleError("'min-probability' must be between 0 and 1")

    def check(self, text: Analysis) -> Iterable[Hit]:
        if not text.is_english:
            return
        body = text.text
        for block in text.blocks:
            start, end = block.start, block.end
            if end - start < self.min_letters or body.count(" the ", start, end) >= 2:
                continue  # too short to judge, or plainly English (no other language writes "the")
            if text.english_share(start, end) >= ENGLISH_SHARE:
                continue
            paragraph = body[start:end]
            if _function_word_share(paragraph, _FOREIGN_MARKERS) < FOREIGN_SHARE:
                continue
            letters = sum(map(str.isalpha, paragraph))
            if letters < self.min_letters or len(_NON_LATIN.findall(paragraph)) * 3 > letters:
                continue
            language, probability = detect(paragraph)
            if language and language != "en" and probability >= self.min_probability:
                name = LANGUAGE_NAMES.get(language, language)
                yield Hit(start, end, self.format(language=name, code=language, probability=f"{probability:.2f}"))


def _function_word_share(paragraph: str, markers: tuple[str, ...]) -> float:
    segment = f" {paragraph.lower()} ".replace("\n", " ")
    words = segment.count(" ") - 1
    return sum(map(segment.count, markers)) / words if words > 0 else 0.0
