"""Offsets in a text <-> editor positions, counted in the code units an editor uses.

newslint reports 1-based lines (ended by "\\n") and columns in Unicode code points of the
source.  The Language Server Protocol counts 0-based lines ended by "\\n", "\\r\\n" or "\\r",
and characters in UTF-16 code units unless client and server agreed on UTF-8 or UTF-32.
LanguageTool's HTTP API counts offsets in UTF-16 code units too (Java strings).  A
character outside the Basic Multilingual Plane (most emoji, 𝒳) is two UTF-16 units.
"""
from __future__ import annotations

import bisect
import re

from ..findings import Position

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)
_LSP_LINE_END = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def code_units(text: str, encoding: str = UTF16) -> int:
    """Length of `text` in the code units of `encoding`."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF16:
        # surrogatepass: a lone surrogate (from JSON "\\ud83d") is one unit, as in the editor.
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    raise ValueError(f"unknown position encoding {encoding!r} (use {', '.join(ENCODINGS)})")


class Utf16Offsets:
    """Code-point offsets -> UTF-16 offsets of one text, in O(log n) each."""

    def __init__(self, text: str):
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)


class LineIndex:
    """Where the lines of a text start, by newslint's line ends and by the protocol's."""

    def __init__(self, text: str):
        self.text = text
        self._lf_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._lsp_starts = [0] + [m.end() for m in _LSP_LINE_END.finditer(text)]

    def offset(self, position: Position) -> int:
        """Offset of a newslint position (1-based line, code-point column), kept within its line."""
        starts = self._lf_starts
        line = min(max(position.line, 1), len(starts))
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return min(start + max(position.column - 1, 0), end)

    def _lsp_line(self, line: int) -> tuple[int, int]:
        """Start and end (line end excluded) of 0-based protocol line `line`."""
        starts = self._lsp_starts
        start = starts[line]
        if line + 1 >= len(starts):
            return start, len(self.text)
        end = starts[line + 1]
        end -= 2 if self.text.startswith("\r\n", end - 2) else 1
        return start, max(end, start)

    def lsp_position(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """(line, character) of a text offset, both 0-based, the character in `encoding` units."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._lsp_starts, offset) - 1
        start, end = self._lsp_line(line)
        # An offset inside a line end ("\r|\n") is the end of that line.
        return line, code_units(self.text[start:min(offset, end)], encoding)

    def lsp_range(self, start: Position, end: Position, encoding: str = UTF16) -> tuple[tuple[int, int], tuple[int, int]]:
        """The protocol range of a newslint span."""
        return self.lsp_position(self.offset(start), encoding), self.lsp_position(self.offset(end), encoding)

    def offset_at(self, line: int, character: int, encoding: str = UTF16) -> int:
        """Offset of a protocol position; a character past the line end means the line end."""
        if line < 0:
            return 0
        if line >= len(self._lsp_starts):
            return len(self.text)
        start, end = self._lsp_line(line)
        content = self.text[start:end]
        if encoding == UTF32 or content.isascii():
            return start + min(max(character, 0), len(content))
        units = 0
        for index, char in enumerate(content):
            if units >= character:
                return start + index
            units += code_units(char, encoding)
        return end
