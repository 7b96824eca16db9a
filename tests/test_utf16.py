"""Offsets and positions in the code units editors count (lint/lsp/positions.py).

The expected values are counted by hand: 🇺🇦 is two regional-indicator symbols and 𝒳 one
mathematical letter, each outside the Basic Multilingual Plane, so each is two UTF-16 code
units and four UTF-8 bytes; é and ’ are one UTF-16 unit, two and three UTF-8 bytes.
"""
from __future__ import annotations

import pytest

from lint.findings import Position
from lint.lsp.positions import UTF8, UTF16, UTF32, LineIndex, Utf16Offsets, code_units
from lint.server.languagetool_format import _context

LINE = "🇺🇦 Zelenskiy’s 𝒳 plan: Zelenskiy slammed it."


@pytest.mark.parametrize("text,utf16,utf8,utf32", [
    ("plain", 5, 5, 5),
    ("Élysée", 6, 8, 6),
    ("Zelenskiy’s", 11, 13, 11),
    ("🇺🇦", 4, 8, 2),
    ("𝒳", 2, 4, 1),
    ("\ud83d", 1, 3, 1),  # a lone surrogate, as JSON can carry one
])
def test_code_units(text, utf16, utf8, utf32):
    assert (code_units(text, UTF16), code_units(text, UTF8), code_units(text, UTF32)) == (utf16, utf8, utf32)


def test_positions_after_astral_characters():
    lines = LineIndex(f"Kyiv talks\n\n{LINE}\n")
    second = Position(3, 24)  # newslint: 1-based line, code-point column of the second "Zelenskiy"
    end = Position(3, 33)
    assert lines.lsp_range(second, end, UTF16) == ((2, 26), (2, 35))
    assert lines.lsp_range(second, end, UTF32) == ((2, 23), (2, 32))
    assert lines.lsp_range(second, end, UTF8) == ((2, 34), (2, 43))
    assert lines.lsp_range(Position(3, 4), Position(3, 13), UTF16) == ((2, 5), (2, 14))


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_protocol_positions_round_trip(encoding):
    text = f"Kyiv\r\n\r\n{LINE}\rÉlysée 𝒳\n"
    lines = LineIndex(text)
    for offset in range(len(text) + 1):
        if text[offset - 1:offset + 1] == "\r\n":
            continue  # between "\r" and "\n": not a position an editor can name
        line, character = lines.lsp_position(offset, encoding)
        assert lines.offset_at(line, character, encoding) == offset


def test_line_ends_as_the_protocol_counts_them():
    # "\r\n", "\n" and a lone "\r" each end a protocol line; newslint counts "\n" only.
    text = "one\r\ntwo\rthree 🇺🇦 four\n"
    lines = LineIndex(text)
    four = text.index("four")
    assert lines.lsp_position(four, UTF16) == (2, 11)
    assert lines.offset(Position(2, four - text.index("two") + 1)) == four
    assert lines.lsp_position(text.index("\r"), UTF16) == (0, 3)  # the line end is the end of the line
    assert lines.lsp_position(text.index("\n"), UTF16) == (0, 3)


def test_characters_past_the_line_end_mean_the_line_end():
    lines = LineIndex("Kyiv\nÉlysée\n")
    assert lines.offset_at(1, 99, UTF16) == len("Kyiv\nÉlysée")
    assert lines.offset_at(7, 0, UTF16) == len("Kyiv\nÉlysée\n")


def test_utf16_offsets_of_a_whole_text():
    to_utf16 = Utf16Offsets(f"Kyiv talks\n\n{LINE}")
    start = len("Kyiv talks\n\n")
    assert [to_utf16(start + i) for i in (0, 2, 3, 15, 16, 23)] == [12, 16, 17, 29, 31, 38]


def test_languagetool_context_offset_is_the_same_in_any_count():
    # The context window starts after the last astral character before the match, so that a
    # client counting code points (Python) and one counting UTF-16 units (Java, JavaScript) agree.
    start = LINE.index("slammed")
    context = _context(LINE, start, start + 7, Utf16Offsets(LINE))
    assert context["text"][context["offset"]:context["offset"] + context["length"]] == "slammed"
    assert "𝒳" not in context["text"][:context["offset"]]
