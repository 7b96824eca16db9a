"""Source text -> Document: the checked plain text, its blocks, and a map back to the source.

Readers (lint/formats) build a Document with DocumentBuilder, appending text piece by piece
with the source offset each piece came from.  Every offset of `Document.text` can then be
mapped to the exact line and column of the file as the user has it (markup, CRLF, BOM and
tabs included), which is what findings and fixes are reported against.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple, Sequence, TypeVar

from .findings import Position

if TYPE_CHECKING:
    from .bilingual.source import TranslationSource

T = TypeVar("T")

# Block kinds a reader may produce.
HEADLINE = "headline"
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
CAPTION = "caption"
BLOCK_KINDS = (HEADLINE, HEADING, PARAGRAPH, LIST_ITEM, QUOTE, CAPTION)


class Block(NamedTuple):  # a tuple, as sentences and spans are: a document has hundreds
    kind: str
    start: int
    end: int


def span_at(spans: Sequence[T], starts: Sequence[int], offset: int) -> T | None:
    """The span of `spans` (sorted, not overlapping, `starts` their starts) that holds `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < spans[index].end:
        return spans[index]
    return None


class SourceLines:
    """Offsets of line starts in a source string, for offset -> (line, column)."""

    def __init__(self, source: str):
        self.source = source
        starts = [0]
        find = source.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def position(self, offset: int) -> Position:
        index = bisect.bisect_right(self.starts, offset) - 1
        return Position(index + 1, offset - self.starts[index] + 1)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.source)
        return self.source[start:end].rstrip("\r")

    def line_span(self, line: int) -> tuple[int, int]:
        """Source offsets of a whole line, its line end included."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.source)
        return start, end

    def __len__(self) -> int:
        return len(self.starts)


class SourceMap:
    """Piecewise map from document-text offsets to source offsets.

    Each segment says: text[t : t + text_len] came from source[s : s + source_len].  Verbatim
    pieces have equal lengths; a decoded entity ("&amp;" -> "&") or a dropped "\\r" does not.
    """

    def __init__(self) -> None:
        self.text_starts: list[int] = []
        self.source_starts: list[int] = []
        self.text_lens: list[int] = []
        self.source_lens: list[int] = []

    def add(self, text_start: int, text_len: int, source_start: int, source_len: int) -> None:
        self.text_starts.append(text_start)
        self.source_starts.append(source_start)
        self.text_lens.append(text_len)
        self.source_lens.append(source_len)

    def to_source(self, offset: int, *, end: bool = False) -> int:
        """Source offset of text offset `offset`; with end=True, of the end of a span."""
        starts = self.text_starts
        if not starts:
            return offset
        if end:
            # The end of a span belongs to the segment that holds the character before it.
            index = bisect.bisect_left(starts, offset) - 1
        else:
            index = bisect.bisect_right(starts, offset) - 1
        index = max(index, 0)
        delta = offset - starts[index]
        text_len, source_len = self.text_lens[index], self.source_lens[index]
        if text_len == source_len:
            return self.source_starts[index] + min(delta, source_len)
        # A non-verbatim piece maps as a whole: its start, or its end.
        return self.source_starts[index] + (0 if delta <= 0 else source_len)


@dataclass
class Document:
    """What the rules check: plain text in blocks, with the way back to the source."""

    path: str
    source: str
    text: str
    blocks: tuple[Block, ...]
    source_map: SourceMap
    format: str
    comments: tuple[tuple[int, int, str], ...] = ()  # (source start, source end, body) of markup comments
    protected: tuple[tuple[int, int], ...] = ()  # source spans no fix may touch (front matter)
    bom: bool = False
    newline: str = "\n"
    # The text this one was translated from, when known (the bilingual rules compare the two).
    translation: "TranslationSource | None" = None

    @cached_property
    def source_lines(self) -> SourceLines:
        return SourceLines(self.source)

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        return self.source_map.to_source(offset, end=end)

    def position(self, offset: int, *, end: bool = False) -> Position:
        return self.source_lines.position(self.source_offset(offset, end=end))

    def whole_lines_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Source offsets that delete the whole lines text[start:end] stands on, line ends included.

        None when other text of the document shares those lines.  A blank line left doubled by the
        deletion (blank lines on both sides, or a blank line before a deleted last line) goes too.
        """
        lines = self.source_lines
        source_start = self.source_offset(start)
        source_end = max(self.source_offset(end, end=True), source_start + 1)
        first = lines.position(source_start).line
        last = lines.position(source_end - 1).line
        line_start, _ = lines.line_span(first)
        _, line_end = lines.line_span(last)
        if self._others_within(start, end, line_start, line_end):
            return None
        if line_end == len(self.source) and not self.source.endswith("\n"):
            # The last line has no line end of its own: take the line ends (and blank lines) before it.
            return space_before(self.source, line_start), line_end
        next_blank = last + 1 >= len(lines) or not lines.line_text(last + 1).strip()
        if first > 1 and next_blank and not lines.line_text(first - 1).strip():
            # Between two blank lines (or a blank line and the end): take the blank line before it
            # too, so that deleting a paragraph-like line does not leave two blank lines behind.
            line_start = lines.line_span(first - 1)[0]
        elif first == 1 and next_blank and last + 1 < len(lines):
            # The first line: take the blank line after it, so that the text does not start blank.
            line_end = lines.line_span(last + 1)[1]
        return line_start, line_end

    @cached_property
    def joins(self) -> tuple:
        """Where scraping glued two sentences, or a heading and its paragraph, together
        (lint.repair.Join, in text order): sentence splitting and the rules read it from here."""
        from .repair import find_joins

        return find_joins(self.text, self.blocks)

    def element_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Source offsets of the markup element around text[start:end] (its opening tags before
        it, its closing tags after it), for deleting a block that shares its source line with
        others (`<p>Advertisement</p><p>Prose…</p>`).  None when other text lies in that span."""
        source = self.source
        first = self.source_offset(start)
        last = max(self.source_offset(end, end=True), first)
        while first > 0 and source[first - 1] == ">":
            opening = source.rfind("<", 0, first - 1)
            if opening == -1 or source.startswith("</", opening) or "\n" in source[opening:first]:
                break
            first = opening
        while last < len(source) and source.startswith("</", last):
            closing = source.find(">", last)
            if closing == -1 or "\n" in source[last:closing]:
                break
            last = closing + 1
        if self._others_within(start, end, first, last):
            return None
        return first, last

    def _others_within(self, start: int, end: int, source_start: int, source_end: int) -> bool:
        """Whether text other than text[start:end] (and the white space around it) has its
        source within source_start..source_end."""
        text = self.text
        before, after = space_before(text, start), _SPACE_RUN.match(text, min(end, len(text))).end()
        return bool(before and self.source_offset(before, end=True) > source_start) or (
            after < len(text) and self.source_offset(after) < source_end
        )

    def block_at(self, offset: int) -> Block | None:
        return span_at(self.blocks, self._block_starts, offset)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]


# White space as str.strip() sees it (\s is str.isspace() in a str pattern).
_SPACE_RUN = re.compile(r"\s*")


def space_before(text: str, offset: int) -> int:
    """Where the white space that ends at `offset` starts.  Looked at a window at a time: slicing
    off all the text before it would copy the document once per fix (quadratic on a long one)."""
    offset = min(offset, len(text))
    while offset > 0:
        window = text[max(0, offset - 256):offset]
        kept = len(window.rstrip())
        offset -= len(window) - kept
        if kept:
            break
    return offset


class DocumentBuilder:
    """Accumulates text pieces with their source offsets, and block boundaries."""

    def __init__(self, path: str, source: str, format: str):
        self.path, self.source, self.format = path, source, format
        self.parts: list[str] = []
        self.length = 0
        self.source_map = SourceMap()
        self.comments: list[tuple[int, int, str]] = []
        self.protected: list[tuple[int, int]] = []
        self._raw_blocks: list[tuple[str, int, int]] = []
        self._block_kind: str | None = None
        self._block_start = 0

    def add(self, text: str, source_start: int, source_len: int | None = None) -> None:
        """Append `text`, which came from source[source_start : source_start + source_len].

        source_len defaults to len(text) (a verbatim copy).  CRLF in a verbatim copy is
        folded to LF here, so readers need not care.
        """
        if not text:
            return
        if source_len is None and "\r" in text:
            self._add_folding_cr(text, source_start)
            return
        self.source_map.add(self.length, len(text), source_start, len(text) if source_len is None else source_len)
        self.parts.append(text)
        self.length += len(text)

    def _add_folding_cr(self, text: str, source_start: int) -> None:
        pos = 0
        while pos < len(text):
            cr = text.find("\r\n", pos)
            if cr == -1:
                self.add(text[pos:].replace("\r", "\n"), source_start + pos, len(text) - pos)
                return
            if cr > pos:
                self.add(text[pos:cr], source_start + pos)
            self.add("\n", source_start + cr, 2)
            pos = cr + 2

    def add_synthetic(self, text: str, source_offset: int) -> None:
        """Append text that stands for no source character (a separator between blocks)."""
        self.add(text, source_offset, 0)

    def start_block(self, kind: str) -> None:
        self.end_block()
        self._block_kind = kind
        self._block_start = self.length

    def end_block(self) -> None:
        if self._block_kind is not None and self.length > self._block_start:
            self._raw_blocks.append((self._block_kind, self._block_start, self.length))
        self._block_kind = None

    def add_block(self, kind: str, start: int, end: int) -> None:
        """Record a block over text already added (for readers that find blocks afterwards)."""
        self._raw_blocks.append((kind, start, end))

    def build(self, *, bom: bool = False, newline: str = "\n") -> Document:
        self.end_block()
        text = "".join(self.parts)
        if text == self.source:
            text = self.source  # the article once in memory, not twice: most plain text is its own
        blocks = []
        for kind, start, end in self._raw_blocks:
            # Blocks are trimmed of surrounding white space; empty ones are dropped.
            chunk = text[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            trimmed_end = start + len(chunk.rstrip())
            if trimmed_end > start + lead:
                blocks.append(Block(kind, start + lead, trimmed_end))
        return Document(
            path=self.path,
            source=self.source,
            text=text,
            blocks=tuple(blocks),
            source_map=self.source_map,
            format=self.format,
            comments=tuple(self.comments),
            protected=tuple(self.protected),
            bom=bom,
            newline=newline,
        )
