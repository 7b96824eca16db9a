"""readability-scores, sentence-length, paragraph-length: how hard the copy is to read.

The figures come from lint.stats, the same code as `newslint stats`, so a rule and the command
never disagree.  Limits come from the `max-sentence-words` / `max-paragraph-words` options when
set, else from the rule's `max-words`.  Quoted speech does not count towards a sentence's length
(it is not the writer's to shorten); headlines and headings are not checked.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Hit
from ..stats import (
    DEFAULT_MAX_PARAGRAPH_WORDS,
    DEFAULT_MAX_SENTENCE_WORDS,
    article_stats,
    long_paragraphs,
    long_sentences,
    max_paragraph_words,
    max_sentence_words,
)
from ..validators import check_positive_int
from . import Kind, RuleError


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


class ReadabilityScores(Kind):
    """One finding at the top of the article with its figures; silent on texts too short to score."""

    name = "readability-scores"
    options = {"max-sentence-words": check_positive_int}
    placeholders = frozenset({"ease", "grade", "long", "mean", "sentences", "words"})
    params = {"min-words": (int, 100)}

    def prepare(self) -> None:
        if self.min_words < 1:
            raise RuleError("'min-words' must be 1 or more")

    def check(self, text: Analysis) -> Iterable[Hit]:
        stats = article_stats(text)
        if stats.words < self.min_words:
            return
        anchor = text.blocks[0].start if text.blocks else 0
        yield Hit(
            anchor,
            anchor,
            self.format(
                ease=_figure(stats.flesch_reading_ease),
                grade=_figure(stats.flesch_kincaid_grade),
                mean=_figure(stats.mean_sentence_words),
                words=stats.words,
                sentences=stats.sentences,
                long=stats.long_sentences,
            ),
        )


class SentenceLength(Kind):
    name = "sentence-length"
    options = {"max-sentence-words": check_positive_int}
    placeholders = frozenset({"limit", "words"})
    params = {"max-words": (int, DEFAULT_MAX_SENTENCE_WORDS)}

    def prepare(self) -> None:
        if self.max_words < 1:
            raise RuleError("'max-words' must be 1 or more")

    def check(self, text: Analysis) -> Iterable[Hit]:
        limit = max_sentence_words(text.options, self.max_words)
        for sentence, words in long_sentences(text, limit):
            yield Hit(sentence.start, sentence.end, self.format(words=words, limit=limit))


class ParagraphLength(Kind):
    name = "paragraph-length"
    options = {"max-paragraph-words": check_positive_int}
    placeholders = frozenset({"limit", "words"})
    params = {"max-words": (int, DEFAULT_MAX_PARAGRAPH_WORDS)}

    def prepare(self) -> None:
        if self.max_words < 1:
            raise RuleError("'max-words' must be 1 or more")

    def check(self, text: Analysis) -> Iterable[Hit]:
        limit = max_paragraph_words(text.options, self.max_words)
        for block, words in long_paragraphs(text, limit):
            yield Hit(block.start, block.end, self.format(words=words, limit=limit))
