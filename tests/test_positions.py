"""Findings point into the file as the user has it: CRLF line ends, a BOM, tabs and non-ASCII text."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.document import SourceLines
from lint.formats import read_document

BODY = "Café owners’ union — “prices rose”\n\n\tThe union said on Monday that 12 cafés closed.\n\nMost Popular\n"


def positions(tmp_path, data: bytes):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "chrome/widget-heading", str(path)])
    return [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize(
    "data",
    [
        BODY.encode(),
        BODY.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + BODY.encode(),
        b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode(),
    ],
    ids=["lf", "crlf", "bom", "bom-crlf"],
)
def test_line_and_column_survive_line_ends_and_bom(tmp_path, data):
    assert positions(tmp_path, data) == [(5, 1, 5, 13)]


def test_columns_count_code_points_after_tabs_and_accents(tmp_path):
    text = "Héadline\n\n\t\tÉté — Most Popular\n\n\t– Most Popular –\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "chrome/widget-heading", str(path)])
    found = [(f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    # Line 3 is not a widget heading (it has other words); line 5 is, after a tab and a dash.
    assert found == [(5, 4)]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_text_offset_maps_back_to_its_source_character(newline):
    source = newline.join(["Zelenskyy’s café", "", "\tkm² — 10 €", "a wrapped line", "continues here."])
    doc = read_document("a.txt", source)
    lines = SourceLines(source)
    for offset, char in enumerate(doc.text):
        if char == "\n":
            continue
        pos = doc.position(offset)
        line = lines.line_text(pos.line)
        if pos.column > len(line):
            # The space that joins a wrapped line to the next stands for the line end.
            assert char == " " and pos.column == len(line) + 1
            continue
        assert line[pos.column - 1] == char


@pytest.mark.parametrize("text", ["one line", "a\nb\n", "a\n\n\nb", "headline\n\nbody \u00e9\U0001f600 \n\n", "\n\nlate start"])
def test_analysis_lines_are_the_texts_lines_with_their_offsets(text):
    from lint.analysis import Analysis
    from lint.document import space_before

    analysis = Analysis(read_document("a.txt", text))
    lines = analysis.lines
    assert [analysis.line_text(line) for line in lines] == analysis.text.split("\n")
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    for offset in range(len(analysis.text) + 1):
        assert space_before(analysis.text, offset) == len(analysis.text[:offset].rstrip())
