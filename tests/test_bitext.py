"""Bilingual files (XLIFF 1.2 and 2.x, TMX): the target text is checked beside its source, and
every finding points at the target text inside the XML file, in the command line, the language
server and the HTTP API."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from lsprotocol import types
from test_lsp import client, wait_published  # noqa: F401  (the language server's client fixture)

from lint.cli import main
from lint.formats import read_document
from lint.server.http import make_server, serve_in_thread
from lint.sources import UnreadableInput

PAIRS = FIXTURES / "translation" / "bilingual"
XLIFF_12 = PAIRS / "budget-1.2.xlf"
XLIFF_20 = PAIRS / "budget-2.0.xlf"
FIGURES = ["--select", "translation/figure-mismatch,translation/date-mismatch"]


def spans_in_file(path, findings) -> list[tuple[str, str]]:
    """(rule, the file's text the finding marks), from the JSON report's lines and columns."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [(f["rule"], lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]) for f in findings]


def check_json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_xliff_12_targets_are_checked_beside_their_sources():
    report = check_json(str(XLIFF_12), *FIGURES)
    assert spans_in_file(XLIFF_12, report["findings"]) == [("translation/figure-mismatch", "3 million yuan")]
    (finding,) = report["findings"]
    assert (finding["line"], finding["column"]) == (7, 108)  # after an entity and an inline <g> element
    assert "“3亿元” (300 million)" in finding["message"] and "省政府3月5日公布预算" in finding["message"]


def test_xliff_12_reads_the_segment_text_only():
    doc = read_document(str(XLIFF_12), XLIFF_12.read_text(encoding="utf-8"))
    # The entity is its character, <g> keeps its text, <x/> is a code; alternative translations,
    # notes and a unit with no target are left out.
    assert doc.text == ("The province\u2019s government published its budget on March 5: spending is 3 million yuan."
                        "\n\nThe province received 167,000 visitors last year & more.")
    assert doc.translation.text == "省政府3月5日公布预算，全年财政支出3亿元。\n\n全省去年接待游客16.7万人次。"
    amp = doc.text.index("&")
    assert doc.source[doc.source_offset(amp):doc.source_offset(amp + 1, end=True)] == "&amp;"


def test_xliff_20_segments_and_inline_codes():
    report = check_json(str(XLIFF_20), *FIGURES)
    assert spans_in_file(XLIFF_20, report["findings"]) == [("translation/figure-mismatch", "16,700")]
    doc = read_document(str(XLIFF_20), XLIFF_20.read_text(encoding="utf-8"))
    assert doc.text == "The province received 16,700 visitors last year.\n\nThe new schools should be finished in 2025."


def test_tmx_pairs_the_header_source_language_with_the_other_variant(tmp_path):
    # Written here with CRLF line ends and a segment broken over two lines, as Windows tools save it.
    tmx = tmp_path / "flood.tmx"
    tmx.write_bytes((PAIRS / "flood.tmx").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    report = check_json(str(tmx), *FIGURES)
    (finding,) = report["findings"]
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (7, 1, 7, 12)
    assert "२.५ लाख" in finding["message"] and "(250,000)" in finding["message"]
    doc = read_document(str(tmx), tmx.read_text(encoding="utf-8"))
    assert doc.translation.text == "बाढ़ से २.५ लाख लोग प्रभावित हुए।\n\n४०% फसल नष्ट हो गई।"
    assert doc.text == "The floods affected\n2.5 million people.\n\n40% of the crop was destroyed."


def test_a_folder_walk_takes_bilingual_files_too(tmp_path):
    (tmp_path / "budget.xlf").write_text(XLIFF_12.read_text(encoding="utf-8"), encoding="utf-8")
    report = check_json(str(tmp_path), *FIGURES)
    assert [f["path"] for f in report["findings"]] == [str(tmp_path / "budget.xlf")]


@pytest.mark.parametrize("text, fragment", [
    ('<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source><target>y</trans-unit></body></file></xliff>',
     "malformed XLIFF: mismatched tag (line 1, column 82)"),
    ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<xliff version="1.2"><file>'
     '<body><trans-unit id="1"><source>x</source><target>&b;</target></trans-unit></body></file></xliff>',
     "the XML declares entities, which newslint does not expand"),
    ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file>'
     '<body><trans-unit id="1"><source>x</source><target>&e;</target></trans-unit></body></file></xliff>',
     "the XML declares entities"),
])
def test_bad_xliff_is_a_one_line_error_and_the_other_files_are_checked(tmp_path, text, fragment):
    bad = tmp_path / "bad.xlf"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(bad), str(XLIFF_12), *FIGURES])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [e["path"] for e in report["errors"]] == [str(bad)] and fragment in report["errors"][0]["message"]
    assert [f["path"] for f in report["findings"]] == [str(XLIFF_12)]
    assert [line for line in result.stderr.splitlines() if line.startswith("newslint:")] == [
        f"newslint: {bad}: {report['errors'][0]['message']}"]


def test_the_reader_refuses_entities_before_expanding_them():
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + "a" * 100 + '">' +
            "".join(f'<!ENTITY a{i} "{"&a;" * 10 if i == 0 else f"&a{i - 1};" * 10}">' for i in range(8)) +
            ']><tmx><body><tu><tuv><seg>&a7;</seg></tuv><tuv><seg>x</seg></tuv></tu></body></tmx>')
    with pytest.raises(UnreadableInput, match="declares entities"):
        read_document("bomb.tmx", bomb)


# --- the HTTP API ------------------------------------------------------------------------------

@pytest.fixture()
def server():
    running = make_server("127.0.0.1", 0, config=FIXTURES / "editor" / "newslint.toml")
    thread = serve_in_thread(running)
    yield running
    running.shutdown()
    running.server_close()
    thread.join(timeout=5)


def post(server, payload: dict) -> tuple[int, dict]:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(f"{server.url}/v1/check", json.dumps(payload).encode("utf-8"),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_an_xliff_file_round_trips_through_the_http_api(server):
    text = XLIFF_12.read_text(encoding="utf-8")
    status, answer = post(server, {"text": text, "path": "desk/budget.xlf", "select": ["translation/figure-mismatch"]})
    assert status == 200
    (finding,) = answer["findings"]
    assert (finding["path"], finding["line"], finding["column"], finding["end_column"]) == ("desk/budget.xlf", 7, 108, 122)
    status, answer = post(server, {"text": text, "format": "xliff", "select": ["translation/figure-mismatch"]})
    assert status == 200 and [f["line"] for f in answer["findings"]] == [7]


def test_malformed_xliff_over_http_is_a_422_naming_the_file(server):
    status, answer = post(server, {"text": "<xliff><file>", "path": "desk/broken.xlf"})
    assert status == 422 and "desk/broken.xlf: malformed XLIFF" in json.dumps(answer)


# --- the language server --------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_an_xliff_file_round_trips_through_the_language_server(client):
    uri = (PAIRS / "opened.xlf").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="xml", version=1, text=XLIFF_12.read_text(encoding="utf-8"))))
    published = await wait_published(client, uri)
    (diagnostic,) = [d for d in published.diagnostics if d.code == "translation/figure-mismatch"]
    # Zero-based lines, UTF-16 columns: line 7, column 108 of the file.
    assert (diagnostic.range.start.line, diagnostic.range.start.character,
            diagnostic.range.end.line, diagnostic.range.end.character) == (6, 107, 6, 121)
    assert "3亿元" in diagnostic.message


@pytest.mark.asyncio
async def test_malformed_xliff_in_the_language_server_publishes_nothing_and_the_server_lives_on(client):
    uri = (PAIRS / "broken.xlf").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="xml", version=1, text="<xliff><file><body>")))
    assert list((await wait_published(client, uri)).diagnostics) == []
    good = (PAIRS / "opened.xlf").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=good, language_id="xml", version=1, text=XLIFF_12.read_text(encoding="utf-8"))))
    published = await wait_published(client, good)
    assert [d.code for d in published.diagnostics if d.code.startswith("translation/")] == ["translation/figure-mismatch"]


def test_fixes_in_an_xliff_file_touch_the_target_text_and_keep_the_xml(tmp_path):
    xlf = tmp_path / "story.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file><body>\n'
        '<trans-unit id="1"><source>广告</source><target>Advertisement</target></trans-unit>\n'
        '<trans-unit id="2"><source>汤姆和杰瑞说了这话。</source><target>Tom &amp; Jerry said the the words.</target></trans-unit>\n'
        '</body></file></xliff>\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "chrome/advertising,typography/doubled-word", str(xlf)])
    assert result.exit_code == 0, result.output
    fixed = xlf.read_text(encoding="utf-8")
    # The chrome line's text goes, its unit stays; the doubled word goes; the file is still XLIFF.
    assert '<trans-unit id="1"><source>广告</source><target></target></trans-unit>' in fixed
    assert "<target>Tom &amp; Jerry said the words.</target>" in fixed
    doc = read_document(str(xlf), fixed)
    assert doc.text == "Tom & Jerry said the words."
