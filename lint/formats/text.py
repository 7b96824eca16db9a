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

from typing import NamedTuple

from ..document import HEADLINE, PARAGRAPH, Document, DocumentBuilder
from ..patterns import compile_pattern

_ENDS_SENTENCE = compile_pattern(r"[.!?:;\"'\u201d\u2019)\]…]\s*$")
_LIST_MARK = compile_pattern(r"\s*(?:[-*•▪●·]|\d{1,2}[.)])\s")
HEADLINE_MAX_CHARS = 250
# A hard-wrapped text: most lines end near one width, and that width is a column's, not a
# paragraph's.
_WRAP_MIN, _WRAP_MAX = 50, 120
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


WRAP, SOFT = "wrap", "soft"
_SHORT_LINE = 40  # a shorter line that runs on in lower case is a label or menu entry, not wrapped prose


def _continues(previous: str, line: str, width: int | None, blank_separated: bool) -> str | None:
    """How `line` goes on with the paragraph of `previous`: WRAP (a hard wrap inside prose: the
    lines are joined), SOFT (the same block, but its own line: a short line running on in lower
    case), or None (a new paragraph)."""
    if not previous or _LIST_MARK.match(line):
        return None
    stripped = line.lstrip()
    if stripped[:1].islower() and not _ENDS_SENTENCE.search(previous):
        return WRAP if len(previous.strip()) >= _SHORT_LINE else SOFT
    if width is None:
        return None
    body = previous.rstrip()
    first_word = stripped.split(maxsplit=1)[0] if stripped else ""
    if len(body) + 1 + len(first_word) <= width or len(body) < width - _FULL_SLACK:
        return None  # the next word would have fitted: the break was the writer's
    # Where blank lines part paragraphs, a lone line break is a wrap; otherwise a full line
    # that ends a sentence may end its paragraph too.
    return WRAP if blank_separated or not _ENDS_SENTENCE.search(previous) else None


def read_text(path: str, source: str) -> Document:
    builder = DocumentBuilder(path, source, "text")
    lines = _source_lines(source)
    filled = [line for line in lines if line.text.strip()]
    width = wrap_width([len(line.text.rstrip()) for line in filled])
    blank_separated = len(filled) < len(lines) - 1
    # Paragraphs as runs of (line index, how it goes on from the line before).
    paragraphs: list[list[tuple[int, str | None]]] = []
    previous = ""
    for index, line in enumerate(lines):
        if not line.text.strip():
            previous = ""
            continue
        how = _continues(previous, line.text, width, blank_separated) if paragraphs and previous else None
        if how is None:
            paragraphs.append([(index, None)])
        else:
            paragraphs[-1].append((index, how))
        previous = line.text
    # The text: a wrapped line joined to the one before by one space that stands for the line
    # break (and the white space around it); everything else copied as it is.
    spans: list[tuple[int, int]] = []
    copied = 0
    for paragraph in paragraphs:
        first = lines[paragraph[0][0]]
        builder.add(source[copied:first.start], copied)
        start, copied = builder.length, first.start
        for (before_index, _), (index, how) in zip(paragraph, paragraph[1:]):
            if how != WRAP:
                continue
            before, after = lines[before_index], lines[index]
            body_end = before.start + len(before.text.rstrip())
            next_start = after.start + len(after.text) - len(after.text.lstrip())
            builder.add(source[copied:body_end], copied)
            builder.add(" ", body_end, next_start - body_end)
            copied = next_start
        last = lines[paragraph[-1][0]]
        builder.add(source[copied:last.end], copied)
        spans.append((start, builder.length))
        copied = last.end
    builder.add(source[copied:], copied)
    for index, (start, end) in enumerate(spans):
        headline = index == 0 and len(spans) > 1 and end - start <= HEADLINE_MAX_CHARS
        builder.add_block(HEADLINE if headline else PARAGRAPH, start, end)
    return builder.build()
