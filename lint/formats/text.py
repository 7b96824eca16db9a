"""Plain text: paragraphs of lines, hard wraps undone.

Most plain-text articles put one paragraph on a line; others are hard-wrapped at a fixed width
("more than⏎200 protesters had been arrested").  A line break is a wrap, and the two lines one
paragraph, when the line before it stops mid-sentence and this one starts in lower case, or
when the text is wrapped at a width and the first word of this line would not have fitted on
the line before (what a wrapping editor does).  As in Markdown, the lines of a paragraph are
joined with one space mapped to the line end, so that one paragraph is one line of text and
the text, Markdown and HTML forms of an article read alike.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..document import HEADLINE, PARAGRAPH, Document, DocumentBuilder

_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)\]…]\s*$")
_LIST_MARK = re.compile(r"\s*(?:[-*•▪●·]|\d{1,2}[.)])\s")
HEADLINE_MAX_CHARS = 250
# A hard-wrapped text: most lines end near one width, and that width is a column's, not a
# paragraph's.
_WRAP_MIN, _WRAP_MAX = 30, 120
_WRAPPED_SHARE = 0.9  # of non-blank lines no longer than the width
_FULL_SHARE = 0.4  # of non-blank lines within _FULL_SLACK of the width
_FULL_SLACK = 20


class _Line(NamedTuple):
    start: int  # source offset of the line's first character
    end: int  # source offset after its last non-line-end character
    text: str  # without the line end


def _source_lines(source: str) -> list[_Line]:
    lines, start = [], 0
    for raw in source.split("\n"):
        body = raw[:-1] if raw.endswith("\r") else raw
        lines.append(_Line(start, start + len(body), body))
        start += len(raw) + 1
    return lines


def wrap_width(lengths: list[int]) -> int | None:
    """The width a text was hard-wrapped at, from the lengths of its non-blank lines; None
    when it was not wrapped."""
    if len(lengths) < 4:
        return None
    ordered = sorted(lengths)
    width = ordered[int(_WRAPPED_SHARE * (len(ordered) - 1))]
    # The true width is the longest line near that percentile (a wrap leaves lines just short of it).
    width = max(n for n in ordered if n <= width + 5)
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return None
    full = sum(1 for n in lengths if width - _FULL_SLACK <= n <= width)
    return width if full >= _FULL_SHARE * len(lengths) else None


def _continues(previous: str, line: str, width: int | None, blank_separated: bool) -> bool:
    """Whether `line` goes on with the paragraph of `previous` (a hard wrap)."""
    if not previous or _LIST_MARK.match(line):
        return False
    stripped = line.lstrip()
    if stripped[:1].islower() and not _ENDS_SENTENCE.search(previous):
        return True
    if width is None:
        return False
    body = previous.rstrip()
    first_word = stripped.split(maxsplit=1)[0] if stripped else ""
    if len(body) + 1 + len(first_word) <= width or len(body) < width - _FULL_SLACK:
        return False  # the next word would have fitted: the break was the writer's
    # Where blank lines part paragraphs, a lone line break is a wrap; otherwise a full line
    # that ends a sentence may end its paragraph too.
    return blank_separated or not _ENDS_SENTENCE.search(previous)


def read_text(path: str, source: str) -> Document:
    builder = DocumentBuilder(path, source, "text")
    lines = _source_lines(source)
    filled = [line for line in lines if line.text.strip()]
    width = wrap_width([len(line.text.rstrip()) for line in filled])
    blank_separated = len(filled) < len(lines) - 1
    # Paragraphs as runs of line indexes.
    paragraphs: list[list[int]] = []
    previous = ""
    for index, line in enumerate(lines):
        if not line.text.strip():
            previous = ""
            continue
        if paragraphs and previous and _continues(previous, line.text, width, blank_separated):
            paragraphs[-1].append(index)
        else:
            paragraphs.append([index])
        previous = line.text
    # The text: each paragraph's lines joined by one space that stands for the line break (and
    # the white space around it); everything between paragraphs copied as it is.
    spans: list[tuple[int, int]] = []
    copied = 0
    for paragraph in paragraphs:
        first = lines[paragraph[0]]
        builder.add(source[copied:first.start], copied)
        start = builder.length
        for previous_index, index in zip(paragraph, paragraph[1:]):
            before, after = lines[previous_index], lines[index]
            body_end = before.start + len(before.text.rstrip())
            builder.add(source[first.start if previous_index == paragraph[0] else copied:body_end],
                        first.start if previous_index == paragraph[0] else copied)
            next_start = after.start + len(after.text) - len(after.text.lstrip())
            builder.add(" ", body_end, next_start - body_end)
            copied = next_start
        last = lines[paragraph[-1]]
        piece_start = first.start if len(paragraph) == 1 else copied
        builder.add(source[piece_start:last.end], piece_start)
        spans.append((start, builder.length))
        copied = last.end
    builder.add(source[copied:], copied)
    for index, (start, end) in enumerate(spans):
        headline = index == 0 and len(spans) > 1 and end - start <= HEADLINE_MAX_CHARS
        builder.add_block(HEADLINE if headline else PARAGRAPH, start, end)
    return builder.build()
