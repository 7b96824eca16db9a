"""`newslint serve`: LanguageTool's /v2 API and newslint's /v1 JSON, on loopback.

The server runs on 127.0.0.1, port 0, with fixtures/editor/newslint.toml (the house rules
only), so that the answers do not depend on the built-in packs.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import FIXTURES, ROOT

from lint.server.http import make_server, serve_in_thread

EDITOR = FIXTURES / "editor"
CONFIG = EDITOR / "newslint.toml"
EMOJI_TEXT = "Kyiv talks\n\n🇺🇦 Zelenskiy’s 𝒳 plan: Zelenskiy slammed it."


@pytest.fixture()
def server():
    running = make_server("127.0.0.1", 0, config=CONFIG)
    thread = serve_in_thread(running)
    yield running
    running.shutdown()
    running.server_close()
    thread.join(timeout=5)


def request(url: str, data: bytes | None = None, *, method: str | None = None, headers: dict | None = None) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def check(server, **params: str) -> tuple[int, dict | str]:
    status, _, body = request(f"{server.url}/v2/check", urllib.parse.urlencode(params).encode("ascii"))
    return status, json.loads(body) if status == 200 else body.decode("utf-8")


def native(server, payload) -> tuple[int, dict]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    status, _, answer = request(f"{server.url}/v1/check", body, headers={"Content-Type": "application/json"})
    return status, json.loads(answer)


def raw_exchange(server, payload: bytes) -> bytes:
    """Send bytes as they are (for requests urllib will not make) and read the whole answer."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(payload)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


# --- LanguageTool clients -----------------------------------------------------------------------

def test_language_tool_python_uses_newslint_as_its_server(server, monkeypatch):
    import language_tool_python
    from language_tool_python import server as lt_server

    def no_local_server(*args, **kwargs):
        raise AssertionError("language_tool_python tried to download or start LanguageTool")

    monkeypatch.setattr(lt_server.LanguageTool, "_start_local_server", no_local_server)
    monkeypatch.setattr(lt_server.LanguageTool, "_start_server_on_free_port", no_local_server)
    monkeypatch.setattr(lt_server.LocalLanguageTool, "download", no_local_server)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        found = tool.check(EMOJI_TEXT)
        corrected = tool.correct(EMOJI_TEXT)
    finally:
        tool.close()
    assert [(m.rule_id, m.offset, m.error_length) for m in found] == [
        ("style/house-spelling", 15, 9), ("style/house-spelling", 35, 9), ("style/house-banned", 45, 7),
    ]
    # The client turns UTF-16 offsets back into Python's: the spans are the words themselves.
    assert [EMOJI_TEXT[m.offset:m.offset + m.error_length] for m in found] == ["Zelenskiy", "Zelenskiy", "slammed"]
    assert [m.matched_text for m in found] == ["Zelenskiy", "Zelenskiy", "slammed"]
    assert found[0].message == "House spelling is “Zelenskyy”."
    assert [m.replacements for m in found] == [["Zelenskyy"], ["Zelenskyy"], []]
    assert found[2].category == "STYLE"
    assert corrected == EMOJI_TEXT.replace("Zelenskiy", "Zelenskyy")


def test_offsets_count_utf16_code_units(server):
    status, answer = check(server, text=EMOJI_TEXT, language="en-GB")
    assert status == 200
    assert [(m["rule"]["id"], m["offset"], m["length"]) for m in answer["matches"]] == [
        ("style/house-spelling", 17, 9), ("style/house-spelling", 38, 9), ("style/house-banned", 48, 7),
    ]
    first = answer["matches"][0]
    assert first["context"]["text"][first["context"]["offset"]:][:9] == "Zelenskiy"
    assert first["sentence"] == "🇺🇦 Zelenskiy’s 𝒳 plan: Zelenskiy slammed it."
    assert first["rule"]["issueType"] == "style" and first["rule"]["description"] == "House spelling of a name."
    assert answer["language"]["code"] == "en-GB" and answer["software"]["name"] == "newslint"


def test_annotated_text_offsets_count_the_markup(server):
    annotation = [
        {"markup": "<h1>"}, {"text": "Kyiv talks"}, {"markup": "</h1>", "interpretAs": "\n\n"},
        {"markup": "<p>"}, {"text": "👍 "}, {"markup": "<b>"}, {"text": "Zelenskiy"}, {"markup": "</b>"},
        {"text": " slammed it."}, {"markup": "</p>"},
    ]
    original = "".join(part.get("text", part.get("markup")) for part in annotation)
    status, answer = check(server, data=json.dumps({"annotation": annotation}), language="en-US")
    assert status == 200
    spans = [(m["rule"]["id"], m["offset"], m["length"], [r["value"] for r in m["replacements"]]) for m in answer["matches"]]
    zelenskiy = len(original[:original.index("Zelenskiy")].encode("utf-16-le")) // 2
    slammed = len(original[:original.index("slammed")].encode("utf-16-le")) // 2
    assert spans == [("style/house-spelling", zelenskiy, 9, ["Zelenskyy"]), ("style/house-banned", slammed, 7, [])]


def test_languages_are_the_english_variants(server):
    status, headers, body = request(f"{server.url}/v2/languages")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    codes = {item["longCode"] for item in json.loads(body)}
    assert {"en", "en-US", "en-GB", "en-IN"} <= codes
    assert all(item["code"] == "en" for item in json.loads(body))


@pytest.mark.parametrize("language", ["auto", "en", "en-US", "en_gb", "EN-IN", "en-IE"])
def test_english_in_any_variant_is_accepted(server, language):
    status, answer = check(server, text=EMOJI_TEXT, language=language)
    assert status == 200 and len(answer["matches"]) == 3


def test_unknown_language_is_refused_clearly(server):
    status, message = check(server, text="Guten Tag.", language="de-DE")
    assert status == 400
    assert "de-DE" in message and "English only" in message


@pytest.mark.parametrize("params,fragment", [
    ({"text": "x"}, "missing 'language'"),
    ({"language": "en-US"}, "either 'text' or 'data'"),
    ({"language": "en-US", "text": "x", "data": "{}"}, "either 'text' or 'data'"),
    ({"language": "en-US", "data": "{not json"}, "not valid JSON"),
    ({"language": "en-US", "data": "{\"annotation\": [{\"text\": 1}]}"}, "'text' must be a string"),
    ({"language": "en-US", "text": "x", "format": "docx"}, "unknown format"),
    ({"language": "en-US", "text": "x", "enabledOnly": "true"}, "needs enabledRules"),
])
def test_malformed_checks_are_refused(server, params, fragment):
    status, message = check(server, **params)
    assert status == 400
    assert message.startswith("Error: ") and fragment in message


def test_rules_can_be_enabled_and_disabled_per_request(server):
    _, answer = check(server, text=EMOJI_TEXT, language="en-US", disabledRules="style/house-spelling,UPPERCASE_SENTENCE_START")
    assert [m["rule"]["id"] for m in answer["matches"]] == ["style/house-banned"]
    _, answer = check(server, text=EMOJI_TEXT, language="en-US", enabledRules="style/house-banned", enabledOnly="true")
    assert [m["rule"]["id"] for m in answer["matches"]] == ["style/house-banned"]
    _, answer = check(server, text=EMOJI_TEXT, language="en-US", disabledCategories="STYLE")
    assert answer["matches"] == []


# --- newslint's own JSON ------------------------------------------------------------------------

def test_v1_check_answers_what_the_command_line_prints(server):
    article = EDITOR / "article.md"
    printed = subprocess.run([sys.executable, "-m", "lint.cli", "check", "--format", "json", "fixtures/editor/article.md"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    status, answer = native(server, {"text": article.read_text(encoding="utf-8"), "path": "fixtures/editor/article.md"})
    assert status == 200
    assert answer == json.loads(printed.stdout)
    assert {f["rule"] for f in answer["findings"]} == {"style/house-spelling", "style/house-banned", "style/house-word", "chrome/house-promo"}


def test_v1_check_takes_format_and_settings(server):
    html = "<h1>Kyiv talks</h1>\n<p>Zelenskiy <b>slammed</b> it.</p>\n"
    status, answer = native(server, {"text": html, "format": "html", "ignore": ["style/house-spelling"]})
    assert status == 200
    (finding,) = answer["findings"]
    assert (finding["rule"], finding["path"], finding["line"], finding["column"]) == ("style/house-banned", "-", 2, 17)


@pytest.mark.parametrize("payload,fragment", [
    (b"{not json", "JSON object"),
    (b"[1, 2]", "JSON object"),
    ({"format": "text"}, "'text' is required"),
    ({"text": "x", "format": "docx"}, "unknown format"),
    ({"text": "x", "debounce-ms": 5}, "cannot set"),
    ({"text": "x", "select": "style"}, "'select'"),
    ({"text": "x", "locale": "British"}, "'locale'"),
])
def test_v1_malformed_requests_are_refused(server, payload, fragment):
    status, answer = native(server, payload)
    assert status == 400
    assert fragment in answer["error"]


def test_rule_documentation_is_served(server):
    status, _, body = request(f"{server.url}/v1/rules")
    assert status == 200
    assert "style/house-banned" in {rule["id"] for rule in json.loads(body)}
    status, headers, body = request(f"{server.url}/v1/rules/style/house-banned")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert body.decode("utf-8").startswith("style/house-banned  (error")
    assert request(f"{server.url}/v1/rules/style/no-such-rule")[0] == 404


# --- HTTP errors --------------------------------------------------------------------------------

def test_unknown_paths_answer_404(server):
    status, _, body = request(f"{server.url}/v2/words")
    assert status == 404 and b"no such path" in body
    status, _, body = request(f"{server.url}/v1/nothing", b"{}")
    assert status == 404 and "no such path" in json.loads(body)["error"]


@pytest.mark.parametrize("method,path,allowed", [
    ("GET", "/v2/check", "POST"), ("PUT", "/v2/check", "POST"), ("DELETE", "/v1/check", "POST"), ("POST", "/v2/languages", "GET"),
])
def test_wrong_methods_answer_405(server, method, path, allowed):
    status, headers, _ = request(f"{server.url}{path}", b"" if method in ("POST", "PUT") else None, method=method)
    assert status == 405 and headers["Allow"] == allowed


def test_bodies_over_the_limit_answer_413(server):
    server.max_bytes = 1000
    status, message = check(server, text="Zelenskiy spoke. " * 100, language="en-US")
    assert status == 413 and "limit of 1000" in message
    # The server goes on answering.
    assert check(server, text="Zelenskiy spoke.", language="en-US")[0] == 200


def test_missing_length_and_bad_escapes_are_refused(server):
    answer = raw_exchange(server, b"POST /v2/check HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 411")
    answer = raw_exchange(server, b"POST /v2/check HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 411")
    status, message = check_raw(server, b"language=en-US&text=%FF%FE")
    assert status == 400 and "UTF-8" in message


def test_newslint_grammar_rules_pointed_here_are_refused(server):
    body = urllib.parse.urlencode({"text": "Zelenskiy spoke.", "language": "en-US"}).encode("ascii")
    status, _, answer = request(f"{server.url}/v2/check", body, headers={"User-Agent": "newslint/0.1.0"})
    assert status == 508 and b"not LanguageTool" in answer


def check_raw(server, body: bytes) -> tuple[int, str]:
    status, _, answer = request(f"{server.url}/v2/check", body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    return status, answer.decode("utf-8")


def test_concurrent_requests_are_all_answered(server):
    count = 8
    barrier = threading.Barrier(count)
    answers: dict[int, tuple[int, dict]] = {}

    def ask(index: int) -> None:
        barrier.wait(timeout=10)
        answers[index] = check(server, text=f"Kyiv talks\n\n{'Zelenskiy spoke. ' * (index + 1)}", language="en-US")

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(answers) == list(range(count))
    for index, (status, answer) in answers.items():
        assert status == 200 and len(answer["matches"]) == index + 1  # each answer is for its own text


def test_serve_command_listens_and_answers():
    process = subprocess.Popen(
        [sys.executable, "-m", "lint.cli", "serve", "--port", "0", "--quiet", "--config", str(CONFIG)],
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = process.stderr.readline()
        assert "listening on http://127.0.0.1:" in line, line
        url = line.split("listening on ", 1)[1].split()[0]
        status, _, body = request(f"{url}/v2/languages")
        assert status == 200 and json.loads(body)[0]["code"] == "en"
    finally:
        process.terminate()
        process.wait(timeout=10)
