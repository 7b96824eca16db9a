"""Analyses shared by all rules, computed at most once per document and only when asked for.

Rules read lines, sentences, words, figures, quotations and attribution cues from here
instead of re-tokenising the text themselves.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Mapping

from .document import HEADING, HEADLINE, Block, Document

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = (
    "mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr no vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres supt dept est approx fig"
).split()
_SENTENCE_END = re.compile(r"""[.!?…]+['"\u2019\u201d)\]]*(?=\s+|$)""")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")
_QUOTE_SPAN = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"\n]*\"")
# A capitalised word: an ASCII capital (or any non-ASCII letter, checked afterwards), then letters,
# inner apostrophes kept (O'Brien, Kyiv's); hyphens split compounds (Al-Qaeda: Al, Qaeda).
_CAPITALISED = re.compile(r"(?<!\w)(?:[A-Z]|[^\x00-\x7f\W\d_])[^\W\d_]*(?:['\u2019][^\W\d_]+)*")
# What may stand between the start of a sentence and its first word.
_OPENING = re.compile(r"[\s\"'\u201c\u2018(\[\-\u2013\u2014\u2022*]*")
# Just after an opening quotation mark or a colon a capital proves nothing either.
_AFTER_OPENER = re.compile(r"(?:^|\s)[\"\u201c\u2018]\s*$|:\s*$")
_LOWER_WORD = re.compile(r"(?<!\w)[a-z][a-z]{3,}")
_REPORTING = re.compile(
    r"\b(?:said|says|say|saying|told|tells|according|estimated?|estimates|claim(?:s|ed|ing)?|report(?:s|ed|ing)?|"
    r"announc(?:ed|es|ing)|stated?|states|show(?:s|ed|n)?|confirm(?:s|ed)?|added|adds|cit(?:ed|es|ing)|"
    r"put|puts|record(?:ed|s)?|count(?:ed|s)?|tally|data|figures?|statistics|survey|poll(?:ed|s)?|"
    r"reportedly|allegedly|acknowledged|admitted|believed|thought|tweeted|wrote|writes|posted|"
    r"declared|disclosed|revealed|quoted|citing|per|sources?|officials?\s+(?:say|said)|toll)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: Block


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A capitalised word (possessive 's dropped)."""

    start: int
    end: int
    text: str
    initial: bool  # opens a sentence, line or quotation, or stands in a title-case headline: the capital proves nothing


@dataclass(frozen=True)
class ProperNouns:
    """Every capitalised mention in text order, with counts by spelling."""

    mentions: tuple[Mention, ...]
    counts: Mapping[str, int]  # all capitalised mentions
    mid_sentence: Mapping[str, int]  # mentions where the capital marks a name (not initial)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the document text
    start: int
    end: int


class Analysis:
    """A Document plus lazily computed, cached analyses and the options in force."""

    def __init__(self, doc: Document, options: Mapping[str, Any] | None = None):
        self.doc = doc
        self.text = doc.text
        self.options: Mapping[str, Any] = options or {}

    # ---- lines

    @cached_property
    def lines(self) -> list[Line]:
        lines, start = [], 0
        for number, line in enumerate(self.text.split("\n"), 1):
            lines.append(Line(number, start, start + len(line)))
            start += len(line) + 1
        return lines

    @cached_property
    def content_lines(self) -> list[Line]:
        """Lines with any text on them."""
        text = self.text
        return [line for line in self.lines if text[line.start:line.end].strip()]

    def line_at(self, offset: int) -> Line:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self.lines[max(index, 0)]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_text(self, line: Line) -> str:
        return self.text[line.start:line.end]

    def line_edit_span(self, line: Line) -> tuple[int, int]:
        """Offsets that delete `line` with its line end (or the one before it, at the end)."""
        if line.end < len(self.text):
            return line.start, line.end + 1
        return (line.start - 1 if line.start > 0 else 0), line.end

    # ---- blocks and sentences

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return self.doc.blocks

    @cached_property
    def sentences(self) -> list[Sentence]:
        text = self.text
        sentences: list[Sentence] = []
        for block in self.blocks:
            start = block.start
            for match in _SENTENCE_END.finditer(text, block.start, block.end):
                end = match.end()
                if match.group().startswith(".") and _is_abbreviation(text, match.start()):
                    continue
                if text[start:end].strip():
                    sentences.append(Sentence(start, end, block))
                start = end
            if text[start:block.end].strip():
                sentences.append(Sentence(start, block.end, block))
        # Leading white space is not part of a sentence.
        return [Sentence(s.start + len(text[s.start:s.end]) - len(text[s.start:s.end].lstrip()), s.end, s.block) for s in sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    # ---- words, quotations, figures

    @cached_property
    def words(self) -> list[Word]:
        return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text)]

    @cached_property
    def word_counts_lower(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for word in self.words:
            key = word.text.lower()
            counts[key] = counts.get(key, 0) + 1
        return counts

    @cached_property
    def quotations(self) -> list[Span]:
        """Quoted speech: spans between matching double quotes, within one line."""
        return [Span(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(self.text)]

    def in_quotation(self, offset: int) -> bool:
        index = bisect.bisect_right(self._quotation_starts, offset) - 1
        return index >= 0 and offset < self.quotations[index].end

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [q.start for q in self.quotations]

    @cached_property
    def figures(self) -> list:
        from .numerals import find_figures

        return find_figures(self.text)

    # ---- proper nouns

    @cached_property
    def proper_nouns(self) -> ProperNouns:
        """Capitalised words, not all capitals, each marked when its capital proves nothing."""
        text = self.text
        sentences = self.sentences
        title_case = [b for b in self.blocks if b.kind in (HEADLINE, HEADING) and _is_title_case(text, b)]
        mentions: list[Mention] = []
        counts: dict[str, int] = {}
        mid_sentence: dict[str, int] = {}
        index, last = -1, len(sentences) - 1
        for match in _CAPITALISED.finditer(text):
            word = match.group()
            if not word[0].isupper() or word.isupper():
                continue
            start, end = match.span()
            if word.endswith(("'s", "\u2019s")):
                word, end = word[:-2], end - 2
            while index < last and sentences[index + 1].start <= start:
                index += 1
            if index >= 0 and start < sentences[index].end:
                opening = sentences[index].start
            else:
                opening = self.line_at(start).start
            initial = (
                _OPENING.match(text, opening, start).end() == start
                or bool(_AFTER_OPENER.search(text, max(opening, start - 3), start))
                or any(b.start <= start < b.end for b in title_case)
            )
            mentions.append(Mention(start, end, word, initial))
            counts[word] = counts.get(word, 0) + 1
            if not initial:
                mid_sentence[word] = mid_sentence.get(word, 0) + 1
        return ProperNouns(tuple(mentions), counts, mid_sentence)

    # ---- attribution cues

    def has_reporting_cue(self, start: int, end: int) -> bool:
        """Whether text[start:end] names a source: a reporting verb or phrase, or a quotation."""
        return bool(_REPORTING.search(self.text, start, end))

    def is_sentence_initial(self, offset: int) -> bool:
        """Whether the word at `offset` opens a sentence, a line or a quotation."""
        sentence = self.sentence_at(offset)
        start = sentence.start if sentence else self.line_at(offset).start
        return not self.text[start:offset].strip(" \t\"'\u201c\u2018([-•*")


def _is_title_case(text: str, block: Block) -> bool:
    """A headline with (nearly) every longer word capitalised."""
    lower = len(_LOWER_WORD.findall(text, block.start, block.end))
    upper = sum(1 for w in text[block.start:block.end].split() if len(w) > 3 and w[0].isupper())
    return upper >= 2 and lower * 4 <= upper


def _is_abbreviation(text: str, dot: int) -> bool:
    """A full stop that ends an abbreviation, an initial or a number, not a sentence."""
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot]
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS:
        return True
    # Initials and dotted abbreviations: "J.", "U.S.", "a.m."
    if len(word) == 1 and word.isupper() or "." in word:
        return True
    return False
