"""Readability figures of an article, computed one way for the readability rules and `newslint stats`.

Sentences and quotations come from the shared Analysis.  A word is what an editor (and
textstat) counts: a run of non-space characters, a dash standing alone not being one, so that
"U.S.-China" and "3.5" are one word each; str.split does it at C speed, where building the
shared per-word objects would cost the family's whole time budget.  Only syllables come from
textstat (the CMU pronouncing dictionary, pyphen for words it lacks), looked up once per distinct
word and remembered for the rest of the run.  The formulas are Flesch's (reading ease) and
Kincaid's (US school grade), as textstat computes them.
"""
from __future__ import annotations

import string
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from .analysis import FUNCTION_WORDS, Analysis, Sentence
from .document import CAPTION, HEADING, HEADLINE, LIST_ITEM, PARAGRAPH, QUOTE, Block

# Tuned on professionally edited articles: at 45 words a third of them got a warning; over 60
# words it is one in twenty, and those sentences are genuinely hard to follow.
DEFAULT_MAX_SENTENCE_WORDS = 60
DEFAULT_MAX_PARAGRAPH_WORDS = 150
# Headlines and headings are not running prose: they are left out of the figures and the checks.
NOT_PROSE = frozenset({HEADLINE, HEADING})
# Blocks whose paragraphs the writer shapes (a block quote is someone else's words).
PARAGRAPH_KINDS = frozenset({PARAGRAPH, LIST_ITEM, CAPTION})

# Sentences not checked for length: no prose, or someone else's words.
_NOT_CHECKED = NOT_PROSE | {QUOTE}
_LONE_DASHES = (" - ", " \u2013 ", " \u2014 ")
_PUNCTUATION = string.punctuation + "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb"
# lower-case token -> syllables (0: no word), counted (lint.syllables) on first sight of each token.
_SYLLABLES: dict[str, int] = {}


class ArticleStats(NamedTuple):
    """Counts of an article's running prose and the readability scores derived from them."""

    words: int
    sentences: int
    syllables: int
    long_sentences: int

    @property
    def mean_sentence_words(self) -> float | None:
        return self.words / self.sentences if self.sentences else None

    @property
    def flesch_reading_ease(self) -> float | None:
        """100 is very easy; 60-70 plain English; below 30 is hard going."""
        if not self.words or not self.sentences:
            return None
        return 206.835 - 1.015 * (self.words / self.sentences) - 84.6 * (self.syllables / self.words)

    @property
    def flesch_kincaid_grade(self) -> float | None:
        """US school grade needed to follow the text."""
        if not self.words or not self.sentences:
            return None
        return 0.39 * (self.words / self.sentences) + 11.8 * (self.syllables / self.words) - 15.59


def max_sentence_words(options: Mapping[str, Any], default: int = DEFAULT_MAX_SENTENCE_WORDS) -> int:
    return int(options.get("max-sentence-words", default))


def max_paragraph_words(options: Mapping[str, Any], default: int = DEFAULT_MAX_PARAGRAPH_WORDS) -> int:
    return int(options.get("max-paragraph-words", default))


def prose_sentences(text: Analysis) -> list[Sentence]:
    return [s for s in text.sentences if s.block.kind not in NOT_PROSE]


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    """Words in text[start:end]: runs of non-space characters less the dashes standing alone
    (the one non-word token that is common in prose)."""
    chunk = text[start:end]
    return len(chunk.split()) - sum(chunk.count(dash) for dash in _LONE_DASHES)


def words_outside_quotations(text: Analysis, start: int, end: int) -> int:
    """Words in text[start:end] that are the writer's own: quoted speech is not the writer's to shorten."""
    count = word_count(text.text, start, end)
    for quote in text.quotations_overlapping(start, end):
        count -= word_count(text.text, max(quote.start, start), min(quote.end, end))
    return count


def _may_exceed(text: str, start: int, end: int, limit: int) -> bool:
    """Cheap bound: n words need n - 1 white-space characters between them."""
    count = text.count
    spaces = count(" ", start, end) + count("\n", start, end) + count("\xa0", start, end) + count("\t", start, end)
    return spaces >= limit


def long_sentences(text: Analysis, limit: int) -> Iterator[tuple[Sentence, int]]:
    """Sentences of running prose with more than `limit` words of the writer's own."""
    body = text.text
    for sentence in text.sentences:
        if sentence.block.kind in _NOT_CHECKED:
            continue
        if not _may_exceed(body, sentence.start, sentence.end, limit) or word_count(body, sentence.start, sentence.end) <= limit:
            continue
        words = words_outside_quotations(text, sentence.start, sentence.end)
        if words > limit and not _reads_as_list(body[sentence.start:sentence.end]):
            yield sentence, words


def _reads_as_list(sentence: str) -> bool:
    """A run of names with hardly a function word among them ("Archives Select Month October 2019
    September 2019 …", a tag cloud, a dropdown of car makes) is a list, however many words it has.
    A function word counts in lower case only: prose writes them so, and a dropdown of states
    holds "AS", "IN", "OR" and "ME"."""
    words = sentence.split()[:_LIST_SAMPLE]
    capitals = sum(word[0].isupper() or word[0].isdigit() or word[1:2].isupper() for word in words)  # "iPad" too
    function_words = sum(word.strip(".,;:") in FUNCTION_WORDS for word in words)
    return capitals > _LIST_CAPITALS * len(words) and function_words < _LIST_FUNCTION_WORDS * len(words)


_LIST_SAMPLE = 80
_LIST_CAPITALS = 0.6
_LIST_FUNCTION_WORDS = 0.1


def long_paragraphs(text: Analysis, limit: int) -> Iterator[tuple[Block, int]]:
    """Paragraphs with more than `limit` words, lists run together into one (a menu, an archive
    dropdown) left out."""
    for block in text.blocks:
        if block.kind in PARAGRAPH_KINDS and _may_exceed(text.text, block.start, block.end, limit):
            words = word_count(text.text, block.start, block.end)
            if words > limit and not _reads_as_list(text.text[block.start:block.end]):
                yield block, words


def article_stats(text: Analysis, max_words: int | None = None) -> ArticleStats:
    """The figures of the article's running prose (headlines and headings left out)."""
    limit = max_words if max_words is not None else max_sentence_words(text.options)
    sentences = prose_sentences(text)
    prose = " ".join(text.text[b.start:b.end] for b in text.blocks if b.kind not in NOT_PROSE)
    tokens = Counter(prose.lower().split())
    syllables = token_syllables(tokens)
    return ArticleStats(
        words=sum(n for token, n in tokens.items() if syllables[token]),
        sentences=len(sentences),
        syllables=sum(syllables[token] * n for token, n in tokens.items()),
        long_sentences=sum(1 for _ in long_sentences(text, limit)),
    )


def token_syllables(tokens: Iterable[str]) -> Mapping[str, int]:
    """Syllables of each lower-case token (0 for one that is no word), as textstat counts them."""
    cache = _SYLLABLES
    missing = [token for token in tokens if token not in cache]
    if missing:
        from .syllables import syllable_count

        for token in missing:
            word = token.strip(_PUNCTUATION)
            cache[token] = max(1, syllable_count(word)) if any(c.isalnum() for c in word) else 0
    return cache


# ---- the figures of files (`newslint stats`)


def collect_stats(
    paths: Sequence[str], config: Path | None = None, read_stdin: Callable[[], bytes] | None = None
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Figures of every article under `paths`, each read with its own configuration's options.

    Returns (records, errors): a file that cannot be read is an error and never stops the others.
    """
    from .config import ConfigError
    from .formats import read_document
    from .rules import PackError
    from .runner import CliSettings, Session
    from .sources import UnreadableInput, decode, read_source

    session = Session(CliSettings(config=config))
    records: list[dict[str, Any]] = []
    errors: list[tuple[str, str]] = []
    for path, shown, error in session.collect(paths):
        if error is not None:
            errors.append((shown, error.reason))
            continue
        try:
            settings = session.settings_for(path)
            if path is None:
                source = decode(shown, read_stdin() if read_stdin else b"", max_bytes=settings.max_file_size)
            else:
                source = read_source(path, max_bytes=settings.max_file_size)
            doc = read_document(shown, source.text, bom=source.bom)
        except UnreadableInput as exc:
            errors.append((shown, str(exc)))
            continue
        except (ConfigError, PackError) as exc:
            errors.append((shown, f"not checked: {exc}"))
            continue
        records.append(stats_record(shown, article_stats(Analysis(doc, settings.options))))
    return records, errors


# ---- presenting the figures

_COLUMNS = (
    ("words", "words", "d"),
    ("sentences", "sentences", "d"),
    ("mean_sentence_words", "words/sentence", ".1f"),
    ("flesch_reading_ease", "reading ease", ".1f"),
    ("flesch_kincaid_grade", "grade", ".1f"),
    ("long_sentences", "long sentences", "d"),
)


def stats_record(path: str, stats: ArticleStats) -> dict[str, Any]:
    """One article's figures as plain values, rounded for people and for JSON alike."""
    record: dict[str, Any] = {"path": path}
    for key, _, _ in _COLUMNS:
        value = getattr(stats, key)
        record[key] = round(value, 1) if isinstance(value, float) else value
    return record


def render_json(records: Sequence[dict[str, Any]], errors: Sequence[tuple[str, str]], version: str) -> str:
    document = {
        "version": 1,
        "tool": {"name": "newslint", "version": version},
        "articles": list(records),
        "errors": [{"path": path, "message": reason} for path, reason in errors],
    }
    import json  # here: the readability rules import this module, and a check writes no JSON of it

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_table(records: Sequence[dict[str, Any]]) -> str:
    headers = ["path"] + [title for _, title, _ in _COLUMNS]
    rows = [
        [record["path"]] + ["-" if record[key] is None else format(record[key], spec) for key, _, spec in _COLUMNS]
        for record in records
    ]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
