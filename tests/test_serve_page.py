"""The copy desk's page over plain HTTP: its assets and their policy, the token, the desk's API.

What the page does in a browser is tests/test_page_browser.py's.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from contextlib import contextmanager

import pytest
from conftest import FIXTURES, ROOT
from test_serve_security import http

from lint.server.access import TOKEN_COOKIE
from lint.server.http import make_server, serve_in_thread, server_token

PAGE = FIXTURES / "page"
STORY = (PAGE / "desk-story.txt").read_text(encoding="utf-8")
TOKEN = "serve-test-token-5678"
JSON = {"Content-Type": "application/json"}
ASSETS = {"/": "text/html", "/page.css": "text/css", "/page.js": "text/javascript"}


@contextmanager
def desk_server(**kwargs):
    """`newslint serve` with the page's test configuration, on a free loopback port."""
    running = make_server("127.0.0.1", 0, config=PAGE / "newslint.toml", **kwargs)
    thread = serve_in_thread(running)
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def server():
    with desk_server() as running:
        yield running


@pytest.fixture(scope="module")
def guarded():
    with desk_server(token=TOKEN) as running:
        yield running


def post(server, path: str, payload: dict, headers: dict | None = None) -> tuple[int, dict]:
    status, _, body = http(server, "POST", path, json.dumps(payload).encode("utf-8"), {**JSON, **(headers or {})})
    return status, json.loads(body)


def cli_fixed_bytes(data: bytes, *args: str) -> bytes:
    """What `newslint check --fix -` writes for `data` (the fixed file on standard output)."""
    done = subprocess.run([sys.executable, "-m", "lint", "check", "--config", str(PAGE / "newslint.toml"), "--fix", *args, "-"],
                          input=data, capture_output=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def cli_fix(text: str, *args: str) -> str:
    return cli_fixed_bytes(text.encode("utf-8"), *args).decode("utf-8")


# --- the page and its policy -----------------------------------------------------------------

@pytest.mark.parametrize("path", list(ASSETS))
def test_the_page_and_its_assets_carry_a_strict_policy(server, path):
    status, headers, body = http(server, "GET", path)
    assert status == 200 and headers["content-type"].startswith(ASSETS[path]) and body
    policy = {part.split()[0]: part.split()[1:] for part in headers["content-security-policy"].split("; ")}
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["require-trusted-types-for"] == ["'script'"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_the_page_holds_no_inline_script_or_style_and_names_no_other_host(server):
    import re

    _, _, page = http(server, "GET", "/")
    html = page.decode("utf-8")
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/page.js" defer>']
    assert "<style" not in html and not re.search(r"<[^>]*\s(?:style|on\w+)\s*=", html)
    for path in ASSETS:
        _, _, body = http(server, "GET", path)
        assert b"http://" not in body and b"https://" not in body and b"//cdn" not in body
    _, _, script = http(server, "GET", "/page.js")
    assert b"innerHTML" not in script and b"eval(" not in script


def test_the_assets_ship_in_the_wheel(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("newslint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"lint/server/page/index.html", "lint/server/page/page.css", "lint/server/page/page.js"} <= names


# --- the token -------------------------------------------------------------------------------

@pytest.mark.parametrize("method, path", [("GET", "/"), ("GET", "/page.js"), ("GET", "/page.css"), ("GET", "/v1/rules"),
                                          ("GET", "/rules"), ("GET", "/v2/languages"), ("POST", "/v1/check"),
                                          ("POST", "/v1/desk/check"), ("POST", "/v2/check"), ("GET", "/nowhere")])
def test_without_the_token_every_request_is_401(guarded, method, path):
    status, headers, body = http(guarded, method, path, b"{}" if method == "POST" else b"", JSON)
    assert status == 401
    assert headers["www-authenticate"] == 'Bearer realm="newslint"'
    assert b"requires a token" in body and b"Authorization: Bearer" in body
    assert TOKEN.encode() not in body


def test_a_wrong_token_is_401_in_every_place_it_can_be_shown(guarded):
    for headers, path in (({"Authorization": "Bearer wrong-token-0000"}, "/v1/rules"),
                          ({"Cookie": f"{TOKEN_COOKIE}=wrong-token-0000"}, "/v1/rules"),
                          ({}, "/v1/rules?token=wrong-token-0000")):
        status, _, body = http(guarded, "GET", path, headers=headers)
        assert status == 401 and b"the token is wrong" in body


def test_the_token_opens_every_door(guarded):
    status, headers, _ = http(guarded, "GET", f"/?token={TOKEN}")
    assert status == 200
    # The address the server printed sets a cookie for the page's own style sheet and script.
    assert headers["set-cookie"] == f"{TOKEN_COOKIE}={TOKEN}; Path=/; HttpOnly; SameSite=Strict"
    assert http(guarded, "GET", "/page.js", headers={"Cookie": f"{TOKEN_COOKIE}={TOKEN}"})[0] == 200
    status, answer = post(guarded, "/v1/desk/check", {"text": STORY}, {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and answer["counts"]["names"] == 1
    assert http(guarded, "GET", "/v1/rules", headers={"Authorization": f"Bearer {TOKEN}"})[0] == 200
    assert guarded.page_url == f"{guarded.url}/?token={TOKEN}"


def test_a_loopback_server_asks_no_token_unless_given_one(server):
    assert http(server, "GET", "/v1/rules")[0] == 200
    assert server.page_url == f"{server.url}/"
    assert server_token("127.0.0.1", None, {}) == (None, False)
    assert server_token("127.0.0.1", None, {"NEWSLINT_TOKEN": TOKEN}) == (TOKEN, False)
    assert server_token("0.0.0.0", "given-token-123", {"NEWSLINT_TOKEN": TOKEN}) == ("given-token-123", False)
    made, generated = server_token("0.0.0.0", None, {})
    assert generated and len(made) >= 24 and made != server_token("0.0.0.0", None, {})[0]


def test_beyond_loopback_serve_prints_a_tokenised_address_and_requires_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_TOKEN"}
    process = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--host", "0.0.0.0", "--port", "0", "--quiet",
                                "--config", str(PAGE / "newslint.toml")],
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        lines = []
        while not any("copy desk's page" in line for line in lines):
            line = process.stderr.readline()
            assert line, "".join(lines)
            lines.append(line)
        printed = "".join(lines)
        assert "not loopback: every request needs this token" in printed
        url = lines[-1].rsplit(" ", 1)[1].strip()
        assert url.startswith("http://0.0.0.0:") and "/?token=" in url
        import urllib.error
        import urllib.request

        port = url.split(":")[2].split("/")[0]
        local = f"http://127.0.0.1:{port}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(local + "/v1/rules", timeout=10)
        assert refused.value.code == 401
        token = url.split("token=")[1]
        with urllib.request.urlopen(urllib.request.Request(local + "/v1/rules", headers={"Authorization": f"Bearer {token}"}), timeout=10) as ok:
            assert ok.status == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_an_unusable_token_is_refused_before_listening():
    done = subprocess.run([sys.executable, "-m", "lint", "serve", "--port", "0", "--token", "a b;c"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "--token" in done.stderr and "letters, digits" in done.stderr


def test_a_preflight_needs_no_token(tmp_path):
    with desk_server(token=TOKEN, allow_origins=("https://cms.example.org",)) as running:
        status, headers, _ = http(running, "OPTIONS", "/v1/desk/check", headers={
            "Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type"})
        assert status == 204 and "authorization" in headers["access-control-allow-headers"]


# --- the desk's API --------------------------------------------------------------------------

def test_a_desk_check_marks_findings_by_offset_fingerprint_and_family(server):
    status, answer = post(server, "/v1/desk/check", {"text": STORY})
    assert status == 200 and answer["format"] == "text"
    spans = [(f["rule"], STORY[f["start"]:f["end"]]) for f in answer["findings"]]
    assert ("names/variant", "Sethy") in spans and spans.count(("numbers/indian-units", "1 lakh")) == 2
    from lint.fingerprint import fingerprints
    from lint.runner import CliSettings, Session

    result = Session(CliSettings(config=PAGE / "newslint.toml")).check_text("-", STORY)
    assert [f["fingerprint"] for f in answer["findings"]] == fingerprints(result.findings, STORY)
    assert answer["counts"] == {"numbers": 2, "typography": 1, "names": 1, "chrome": 2}
    assert answer["stats"] == {"words": 120, "sentences": 9, "mean_sentence_words": 13.3, "flesch_reading_ease": 67.8,
                               "flesch_kincaid_grade": 7.1, "long_sentences": 0}
    # And the fields of /v1/check's findings, as they are.
    assert {"line", "column", "end_line", "end_column", "rule", "severity", "message"} <= set(answer["findings"][0])


def test_desk_offsets_count_utf16_units_as_the_browser_does(server):
    text = "Ships 🚢🚢 left port.\n\nThe the crews cheered.\n"
    _, answer = post(server, "/v1/desk/check", {"text": text})
    (doubled,) = [f for f in answer["findings"] if f["rule"] == "typography/doubled-word"]
    utf16 = text.encode("utf-16-le")
    assert utf16[2 * doubled["start"]:2 * doubled["end"]].decode("utf-16-le") == "The the"


@pytest.mark.parametrize("payload, expected", [({"path": "story.md"}, "markdown"), ({"format": "html"}, "html"),
                                               ({"text": "# Heading\n\nSome *text*.\n"}, "markdown"),
                                               ({"text": "<p>Some text.</p>\n"}, "html")])
def test_the_format_is_found_as_on_the_command_line(server, payload, expected):
    _, answer = post(server, "/v1/desk/check", {"text": "Some text.\n", **payload})
    assert answer["format"] == expected


def test_all_safe_fixes_are_the_command_lines_fix_less_the_dismissed(server):
    _, answer = post(server, "/v1/desk/fix", {"text": STORY, "safe": True})
    assert answer["text"] == cli_fix(STORY) and answer["fixed"] == 3
    assert all(f["fix"]["applicability"] == "unsafe" for f in answer["check"]["findings"] if "fix" in f)
    _, checked = post(server, "/v1/desk/check", {"text": STORY})
    doubled = next(f["fingerprint"] for f in checked["findings"] if f["rule"] == "typography/doubled-word")
    _, answer = post(server, "/v1/desk/fix", {"text": STORY, "safe": True, "dismissed": [doubled]})
    assert "said the the evacuation" in answer["text"] and "Please enter" not in answer["text"]


def test_an_accepted_fix_is_applied_alone_whatever_its_safety(server):
    _, checked = post(server, "/v1/desk/check", {"text": STORY})
    variant = next(f["fingerprint"] for f in checked["findings"] if f["rule"] == "names/variant")
    _, answer = post(server, "/v1/desk/fix", {"text": STORY, "accept": [variant]})
    assert answer["text"] == STORY.replace("Sethy's", "Sethi's") and answer["fixed"] == 1
    _, answer = post(server, "/v1/desk/fix", {"text": STORY, "accept": [variant], "dismissed": [variant]})
    assert answer["text"] == STORY and answer["fixed"] == 0


@pytest.mark.parametrize("payload", [{"text": "x", "accept": "abc"}, {"text": "x", "safe": "yes"},
                                     {"text": "x", "dismissed": [1]}, {"text": "x", "languagetool-url": "http://127.0.0.1:1"},
                                     {"text": "x", "config": "/etc/newslint.toml"}])
def test_desk_requests_are_validated_like_check_requests(server, payload):
    status, answer = post(server, "/v1/desk/fix", payload)
    assert status == 400 and answer["error"]


@pytest.mark.parametrize("path", ["/v1/desk/check", "/v1/desk/fix", "/"])
def test_the_page_and_its_api_refuse_other_origins_and_hosts(server, path):
    method = "GET" if path == "/" else "POST"
    body = json.dumps({"text": STORY, "safe": True}).encode("utf-8") if method == "POST" else b""
    status, _, answer = http(server, method, path, body, {**JSON, "Origin": "https://evil.example"})
    assert status == 403 and b"cross-origin requests from 'https://evil.example' are refused" in answer
    status, _, _ = http(server, method, path, body, JSON, host="evil.example:8081")
    assert status == 400
    assert http(server, "POST", "/v1/desk/check", b'{"text": "x"}', {"Content-Type": "text/plain"})[0] == 415
