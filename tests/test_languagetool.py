"""The LanguageTool rules (grammar, spelling, style) against a stand-in server on loopback.

No LanguageTool server can be installed here, so the tests start an HTTP server that answers
what language-tool-python asks (/v2/languages, then /v2/check) in LanguageTool's JSON format,
with offsets in UTF-16 code units as the real server counts them.  A test against a real server
runs when NEWSLINT_LANGUAGETOOL_URL is set.
"""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, lint_string

from lint.config import ConfigError, load_config_file
from lint.kinds.languagetool import ENV_URL

REAL_SERVER = os.environ.get(ENV_URL)  # read before the fixture below hides it from every test
FAMILIES = ("grammar", "spelling", "style")

# What the stand-in server knows: misspellings with their suggestions, and a few patterns.
_UNKNOWN_WORDS = {"clsoe": ["close", "chose"], "Ostrowska": ["Ostrowski"], "Ostrowsky": ["Ostrowski"], "recieve": ["receive"]}
_PATTERNS = [
    # (regex, rule id, category, issue type, message, replacement)
    (r"\ba(?= honest\b)", "EN_A_VS_AN", "MISC", "misspelling", "Use \u201can\u201d instead of \u2018a\u2019.", "an"),
    (r"\b(\w+) \1\b", "ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Possible typo: you repeated a word.", None),
    (r"\bthey was\b", "THEY_WAS", "GRAMMAR", "grammar", "The verb does not agree with the subject.", "they were"),
    (r"\bATM machine\b", "ATM_MACHINE", "REDUNDANCY", "style", "This phrase is redundant.", "ATM"),
    # Categories of one language's own are placed by issue type.
    (r"\bcould of\b", "COULD_OF", "NONSTANDARD_PHRASES", "grammar", "Did you mean \u201ccould have\u201d?", "could have"),
    (r"\bGrand Duchy\b", "PROPER_NOUN_CASE", "PROPER_NOUNS", "misspelling", "Check the spelling of this name.", None),
    (r" ,", "COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY", "whitespace", "Don't put a space before the comma.", ","),
    # A match that spans a character beyond the BMP: its length is two UTF-16 code units longer.
    (r"\U0001F4DA on Mill Street", "EMOJI_IN_COPY", "STYLE", "style", "Emoji have no place in news copy.", None),
]


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _context(text: str, start: int, end: int, around: int = 20) -> dict:
    """The match in a window of the text, cut with "..." as LanguageTool cuts it."""
    left, right = max(start - around, 0), min(end + around, len(text))
    before = ("..." if left > 0 else "") + text[left:start]
    window = before + text[start:right] + ("..." if right < len(text) else "")
    return {"text": window, "offset": _utf16(before, len(before)), "length": _utf16(text, end) - _utf16(text, start)}


def fake_check(text: str, disabled: set[str]) -> list[dict]:
    found = []

    def add(start: int, end: int, rule: str, category: str, issue: str, message: str, replacement: str | None) -> None:
        if rule in disabled:
            return
        found.append({
            "message": message,
            "shortMessage": "",
            "replacements": [{"value": replacement}] if replacement else [],
            "offset": _utf16(text, start),
            "length": _utf16(text, end) - _utf16(text, start),
            "context": _context(text, start, end),
            "sentence": "",
            "type": {"typeName": "Other"},
            "rule": {"id": rule, "description": message, "issueType": issue, "category": {"id": category, "name": category.title()}},
        })

    for match in re.finditer(r"\w+", text):
        if match.group() in _UNKNOWN_WORDS:
            suggestions = _UNKNOWN_WORDS[match.group()]
            add(match.start(), match.end(), "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
                "Possible spelling mistake found.", suggestions[0])
    for pattern, rule, category, issue, message, replacement in _PATTERNS:
        for match in re.finditer(pattern, text):
            add(match.start(), match.end(), rule, category, issue, message, replacement)
    return sorted(found, key=lambda m: m["offset"])


class FakeLanguageTool:
    """A LanguageTool stand-in on 127.0.0.1; records every /v2/check request's form fields and
    counts the /v2/languages requests."""

    def __init__(self, *, delay: float = 0.0, status: int = 200, body: bytes | None = None):
        self.delay, self.status, self.body = delay, status, body
        self.requests: list[dict[str, str]] = []
        self.language_requests = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _answer(self, status: int, payload: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, as it should

            def do_GET(self) -> None:
                if self.path.startswith("/v2/languages"):
                    server.language_requests += 1
                    languages = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
                                 {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]
                    self._answer(200, json.dumps(languages).encode())
                else:
                    self._answer(404, b"not found")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8"), keep_blank_values=True))
                server.requests.append(form)
                if server.delay:
                    time.sleep(server.delay)
                if not self.path.startswith("/v2/check"):
                    return self._answer(404, b"not found")
                if server.body is not None or server.status != 200:
                    return self._answer(server.status, server.body or b"Internal error")
                if form.get("language") not in ("en-US", "en-GB", "auto"):
                    return self._answer(400, f"Error: '{form.get('language')}' is not a language code known to LanguageTool.".encode())
                disabled = set(filter(None, form.get("disabledRules", "").split(",")))
                answer = {"software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
                          "language": {"name": "English (US)", "code": form["language"]},
                          "matches": fake_check(form.get("text", ""), disabled)}
                self._answer(200, json.dumps(answer).encode())

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "FakeLanguageTool":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    with FakeLanguageTool() as fake:
        yield fake


@pytest.fixture(autouse=True)
def no_server_from_environment(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)


def dead_url() -> str:
    """A loopback port with nothing listening on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def check(text: str, url: str, path: str = "article.txt", **options):
    return lint_string(text, path, select=FAMILIES, **{"languagetool-url": url, **options})


def located(findings, rule: str) -> list[tuple[int, int, int, int]]:
    return [(f.start.line, f.start.column, f.end.line, f.end.column) for f in findings if f.rule == rule]


def position_of(source: str, word: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column (code points) of the nth occurrence of `word` in `source`."""
    index = -1
    for _ in range(nth + 1):
        index = source.index(word, index + 1)
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1


def newslint(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != ENV_URL}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "lint.cli", *args], capture_output=True, text=True,
                          env=environment, cwd=cwd or ROOT, timeout=60)


# ---- mapping matches back to the source


def test_findings_land_on_the_source_line_and_column_of_a_multi_paragraph_file(server):
    # Emoji are two UTF-16 code units to LanguageTool and one character to Python: matches after
    # one, and a match spanning one, must land exactly.
    source = (
        "Library to close as council cuts costs\r\n"
        "\r\n"
        "The council voted on Tuesday to clsoe the library \U0001F4DA on Mill Street, and the\r\n"
        "staff will recieve notice this week.\r\n"
        "\r\n"
        "Residents said they was not consulted \U0001F620 about it and would clsoe ranks.\r\n"
    )
    findings = check(source, server.url)
    spelling = located(findings, "spelling/languagetool")
    line, column = position_of(source, "clsoe")
    second_line, second_column = position_of(source, "clsoe", 1)
    recieve_line, recieve_column = position_of(source, "recieve")
    assert spelling == [
        (line, column, line, column + 5),
        (recieve_line, recieve_column, recieve_line, recieve_column + 7),
        (second_line, second_column, second_line, second_column + 5),
    ]
    they_line, they_column = position_of(source, "they was")
    assert located(findings, "grammar/languagetool") == [(they_line, they_column, they_line, they_column + 8)]
    emoji_line, emoji_column = position_of(source, "\U0001F4DA")
    assert located(findings, "style/languagetool") == [(emoji_line, emoji_column, emoji_line, emoji_column + len("\U0001F4DA on Mill Street"))]
    message = next(f.message for f in findings if f.rule == "spelling/languagetool")
    assert message == '"clsoe": Possible spelling mistake found. Did you mean "close"? (LanguageTool MORFOLOGIK_RULE_EN_US)'


def test_findings_land_on_the_source_column_through_markdown_markup(server):
    pytest.importorskip("lint.formats.markdown")
    source = (
        "# Library to close\n"
        "\n"
        "The *council* voted on [Tuesday](https://example.org/vote) to clsoe the library,\n"
        "and the **staff** will recieve notice.\n"
    )
    findings = check(source, server.url, path="article.md")
    assert located(findings, "spelling/languagetool") == [
        (*position_of(source, "clsoe"), position_of(source, "clsoe")[0], position_of(source, "clsoe")[1] + 5),
        (*position_of(source, "recieve"), position_of(source, "recieve")[0], position_of(source, "recieve")[1] + 7),
    ]


def test_a_headline_is_sent_as_its_own_paragraph(server):
    check("Council cuts costs\n\nThe council met on Tuesday.\n", server.url)
    assert server.requests[0]["text"] == "Council cuts costs\n\nThe council met on Tuesday."


# ---- which rule a match belongs to


def test_categories_map_to_grammar_spelling_and_style(server):
    text = (
        "Council votes to shut library\n\n"
        "It was a honest mistake, the the mayor said , after the vote to clsoe the library.\n"
        "Residents queued at the only ATM machine in the Grand Duchy and could of left.\n"
    )
    findings = check(text, server.url)
    by_rule: dict[str, list[str]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(text.splitlines()[finding.start.line - 1][finding.start.column - 1:finding.end.column - 1])
    assert by_rule == {
        # EN_A_VS_AN is in category MISC though LanguageTool types it a misspelling: the category decides.
        "grammar/languagetool": ["a", "the the", "could of"],
        "spelling/languagetool": ["clsoe", "Grand Duchy"],
        "style/languagetool": ["ATM machine"],
    }
    # LanguageTool's TYPOGRAPHY matches (" ,") are left to the typography rules.
    assert not any("space before the comma" in f.message for f in findings)
    assert {f.rule: str(f.severity) for f in findings} == {
        "grammar/languagetool": "warning", "spelling/languagetool": "warning", "style/languagetool": "info"}


def test_the_three_rules_share_one_request_per_document(server):
    check("The council voted to clsoe the library.\n\nIt was a honest mistake.\n", server.url)
    assert len(server.requests) == 1


def test_grammar_and_style_skip_quoted_speech_and_headlines_but_spelling_does_not(server):
    text = (
        "They was told to clsoe it\n\n"
        "\u201cThey was never asked, and we will clsoe the ATM machine,\u201d the mayor said.\n"
    )
    findings = check(text, server.url)
    assert {f.rule for f in findings} == {"spelling/languagetool"}
    assert [f.start.line for f in findings] == [1, 3]


# ---- names the article knows


def test_a_name_the_article_uses_consistently_is_not_a_misspelling(server):
    text = (
        "Dam repairs begin\n\n"
        "The authority's director, Maria Ostrowska, said the dam was never at risk.\n"
        "\"We expect to finish before the rains,\" Ostrowska said. A spokesperson for Ostrowsky declined to comment.\n"
    )
    findings = check(text, server.url)
    assert [text.splitlines()[f.start.line - 1][f.start.column - 1:f.end.column - 1]
            for f in findings if f.rule == "spelling/languagetool"] == ["Ostrowsky"]


def test_a_lower_case_misspelling_repeated_is_still_reported(server):
    findings = check("They will clsoe the road.\n\nThey will clsoe the bridge too.\n", server.url)
    assert len(located(findings, "spelling/languagetool")) == 2


def test_allow_words_are_not_misspellings(server):
    findings = check("The council voted to clsoe the library.\n", server.url, **{"allow-words": ("Clsoe",)})
    assert not located(findings, "spelling/languagetool")


# ---- what is asked of the server


def test_language_and_rule_options_are_sent(server):
    check("The council met.\n", server.url)
    check("The council met.\n", server.url, locale="en-GB")
    check("The council met.\n", server.url, locale="en-IN", **{
        "languagetool-language": "auto",
        "languagetool-enabled-rules": ("PASSIVE_VOICE",),
        "languagetool-disabled-rules": ("EN_QUOTES", "WHITESPACE_RULE"),
    })
    first, british, custom = server.requests
    assert first["language"] == "en-US" and "enabledRules" not in first and "disabledRules" not in first
    assert british["language"] == "en-GB"
    assert custom["language"] == "auto"
    assert custom["enabledRules"] == "PASSIVE_VOICE"
    assert set(custom["disabledRules"].split(",")) == {"EN_QUOTES", "WHITESPACE_RULE"}  # in any order


def test_disabled_languagetool_rules_are_not_reported(server):
    findings = check("The council voted to clsoe the library.\n", server.url,
                     **{"languagetool-disabled-rules": ("MORFOLOGIK_RULE_EN_US",)})
    assert not findings


def test_url_may_name_the_api_path(server):
    for url in (server.url + "/", server.url + "/v2", server.url + "/v2/check"):
        assert located(check("The council voted to clsoe it.\n", url), "spelling/languagetool")


def test_the_server_is_asked_for_its_languages_once_per_configuration(server):
    for n in range(3):
        check(f"Story {n}\n\nThe council voted to clsoe the library.\n", server.url)
    assert (server.language_requests, len(server.requests)) == (1, 3)


def test_a_loopback_server_is_reached_past_the_environments_proxy(server, monkeypatch):
    dead_proxy = dead_url()
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, dead_proxy)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert located(check("The council voted to clsoe the library.\n", server.url), "spelling/languagetool")
    assert len(server.requests) == 1


# ---- nothing is downloaded, started or imported that is not needed


def test_language_tool_python_never_downloads_or_starts_a_server(server, monkeypatch):
    download_lt = pytest.importorskip("language_tool_python.download_lt")
    import language_tool_python.server

    def refuse(*args, **kwargs):
        raise AssertionError("nothing may be downloaded or started")

    for name in ("download_lt", "download_zip", "http_get", "unzip_file"):
        monkeypatch.setattr(download_lt, name, refuse)
    monkeypatch.setattr(download_lt.LocalLanguageTool, "download", refuse)
    monkeypatch.setattr(download_lt.LocalLanguageTool, "from_version_name", refuse)
    monkeypatch.setattr(language_tool_python.server.subprocess, "Popen", refuse)
    findings = check("The council voted to clsoe the library.\n", server.url)
    assert located(findings, "spelling/languagetool")


def _modules_loaded_by(code: str) -> list[str]:
    probe = (
        "import sys\n"
        "from conftest import lint_string\n"
        f"{code}\n"
        "print(sorted(m for m in ('language_tool_python', 'requests') if m in sys.modules))\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != ENV_URL}
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=environment, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().replace("'", '"'))


def test_the_client_is_imported_only_when_a_server_is_configured_and_a_rule_needs_it(server):
    text = "'The council voted to clsoe the library.\\n'"
    assert _modules_loaded_by(f"lint_string({text})") == []
    assert _modules_loaded_by(f"lint_string({text}, select=('chrome',), **{{'languagetool-url': '{server.url}'}})") == []
    assert _modules_loaded_by(f"lint_string({text}, select=('spelling',), **{{'languagetool-url': '{server.url}'}})") == [
        "language_tool_python", "requests"]


# ---- where the server comes from


def test_without_a_server_the_rules_are_silent_and_touch_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no network connection may be attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert lint_string("The council voted to clsoe the library.\n", select=FAMILIES) == []


def test_the_environment_variable_names_the_server(server, monkeypatch):
    monkeypatch.setenv(ENV_URL, server.url)
    findings = lint_string("The council voted to clsoe the library.\n", select=FAMILIES)
    assert located(findings, "spelling/languagetool")


def test_the_configuration_key_names_the_server(server, tmp_path):
    (tmp_path / "newslint.toml").write_text(f'languagetool-url = "{server.url}"\nlanguagetool-timeout = 2\n')
    article = tmp_path / "article.txt"
    article.write_text("The council voted to clsoe the library.\n")
    result = newslint("check", "--format", "json", "--select", "spelling", str(article), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["spelling/languagetool"]


def test_bad_configuration_values_are_rejected(tmp_path):
    config = tmp_path / "newslint.toml"
    for line in ('languagetool-url = "localhost:8081"', "languagetool-timeout = 0", 'languagetool-disabled-rules = "EN_QUOTES"'):
        config.write_text(line + "\n")
        with pytest.raises(ConfigError, match=line.split(" ")[0]):
            load_config_file(config)


def test_the_command_line_option_names_the_server(server, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The council voted to clsoe the library.\n")
    result = newslint("check", "--format", "json", "--select", "grammar,spelling,style", "--languagetool", server.url, str(article))
    assert result.returncode == 1, result.stderr
    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["rule"], finding["line"], finding["column"], finding["end_column"]) == ("spelling/languagetool", 1, 22, 27)


def test_rules_listing_says_a_server_is_needed():
    listing = newslint("rules").stdout
    lines = [line for line in listing.splitlines() if line.split(" ")[0] in ("grammar/languagetool", "spelling/languagetool", "style/languagetool")]
    assert len(lines) == 3
    assert all("needs a LanguageTool server: set NEWSLINT_LANGUAGETOOL_URL" in line for line in lines)


# ---- a server that is away or broken


def _articles(folder: Path, *, chrome: bool) -> None:
    for n in range(3):
        body = f"Article {n}\n\nThe council voted to clsoe the library on Tuesday, officials said.\n"
        if chrome and n == 1:
            body += "\nPlease enter your comment!\n"
        (folder / f"article{n}.txt").write_text(body)


@pytest.mark.parametrize("chrome,expected_exit", [(False, 0), (True, 1)])
def test_a_dead_server_gives_one_warning_and_the_other_rules_decide_the_exit_code(tmp_path, chrome, expected_exit):
    _articles(tmp_path, chrome=chrome)
    result = newslint("check", "--select", "grammar,spelling,style,chrome/comment-form", "--languagetool", dead_url(), str(tmp_path))
    assert result.returncode == expected_exit, result.stdout + result.stderr
    warnings = [line for line in result.stderr.splitlines() if "LanguageTool" in line]
    assert len(warnings) == 1
    assert "unavailable (connection refused)" in warnings[0]
    assert ("chrome/comment-form" in result.stdout) == chrome
    assert "languagetool" not in result.stdout


def test_a_server_that_does_not_answer_in_time_is_given_up_once(tmp_path, capsys):
    with FakeLanguageTool(delay=3.0) as slow:
        started = time.monotonic()
        for n in range(3):
            findings = check(f"Story {n}\n\nThe council voted to clsoe the library.\n", slow.url, **{"languagetool-timeout": 0.3})
            assert findings == []
        elapsed = time.monotonic() - started
        assert len(slow.requests) == 1  # the other documents did not wait again
    assert elapsed < 2.0
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 1 and "no answer within 0.3 s" in warnings[0]


@pytest.mark.parametrize("status,body,reason", [
    (500, b"java.lang.OutOfMemoryError", "the answer is not LanguageTool's JSON: java.lang.OutOfMemoryError"),
    (404, b"Not Found", "the answer is not LanguageTool's JSON: Not Found"),
    (200, b"<html>login page</html>", "the answer is not LanguageTool's JSON: <html>login page</html>"),
    (200, b'{"error": "nope"}', "the answer is not in LanguageTool's format"),
])
def test_a_failing_server_gives_one_clear_warning(status, body, reason, capsys):
    with FakeLanguageTool(status=status, body=body) as broken:
        for _ in range(2):
            assert check("The council voted to clsoe the library.\n", broken.url) == []
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 1 and reason in warnings[0] and broken.url in warnings[0]


def test_an_unknown_language_is_explained_once(server, capsys):
    assert check("The council met.\n", server.url, **{"languagetool-language": "xx-YY"}) == []
    warnings = capsys.readouterr().err.splitlines()
    # language-tool-python checks the language against the server's /v2/languages before asking.
    assert len(warnings) == 1 and "does not offer the language 'xx-YY'" in warnings[0]
    assert server.requests == []


# ---- a real server, when one is configured


@pytest.mark.skipif(not REAL_SERVER, reason=f"{ENV_URL} is not set")
def test_a_real_server_finds_a_misspelling_at_its_column(monkeypatch):
    monkeypatch.setenv(ENV_URL, REAL_SERVER)
    text = "Library to close\n\nThe council voted on Tuesday to clsoe the library on Mill Street.\n"
    findings = lint_string(text, select=("spelling",))
    assert [(f.start.line, f.start.column) for f in findings] == [position_of(text, "clsoe")]
