"""`newslint serve` as a local service must be: what a hostile web page or a broken client can do to it.

The server runs on 127.0.0.1 with fixtures/editor/newslint.toml (the house rules only).
"""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse

import pytest
from conftest import FIXTURES

from lint.server.http import make_server, serve_in_thread
from lint.server.languagetool_format import SENTENCE_CHARS
from lint.server.transport import Limits

CONFIG = FIXTURES / "editor" / "newslint.toml"
ORIGIN = "https://cms.example.org"


def _start(**kwargs):
    running = make_server("127.0.0.1", 0, config=CONFIG, **kwargs)
    thread = serve_in_thread(running)
    return running, thread


@pytest.fixture()
def server():
    running, thread = _start(allow_origins=(ORIGIN,), limits=Limits(head_timeout=2, body_timeout=2, workers=2))
    yield running
    running.shutdown()
    running.server_close()
    thread.join(timeout=5)


def exchange(server, payload: bytes, *, timeout: float = 10) -> bytes:
    """Send raw bytes, read until the server closes or the answer is complete."""
    with socket.create_connection(server.server_address[:2], timeout=timeout) as connection:
        connection.sendall(payload)
        return _read_answer(connection)


def _read_answer(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def http(server, method: str, path: str, body: bytes = b"", headers: dict | None = None, *, host: str | None = None) -> tuple[int, dict, bytes]:
    port = server.server_address[1]
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host or f'127.0.0.1:{port}'}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if method in ("POST", "PUT") or body:
        lines.append(f"Content-Length: {len(body)}")
    answer = exchange(server, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
    head, _, payload = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        found[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), found, payload


FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON = {"Content-Type": "application/json"}


def form(**params: str) -> bytes:
    return urllib.parse.urlencode(params).encode("utf-8")


# --- naming a server ----------------------------------------------------------------------------

class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.connections = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/v2"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.mark.parametrize("key", ["languagetool-url", "languagetoolUrl", "languagetool_url"])
def test_a_request_naming_a_server_is_refused_and_nothing_is_sent(server, key):
    listener = Listener()
    try:
        body = json.dumps({"text": "Zelenskiy spoke.\n\nThe council met.", key: listener.url, "select": ["grammar"]}).encode()
        status, _, answer = http(server, "POST", "/v1/check", body, JSON)
        # The same key, sent as a simple request's text/plain as a hostile page would send it.
        status_plain, _, _ = http(server, "POST", "/v1/check", body, {"Content-Type": "text/plain"})
        # /v2 takes no such parameter: it is ignored, and nothing is sent either.
        status_v2, _, _ = http(server, "POST", "/v2/check", form(text="Zelenskiy spoke.", language="en-US", **{key: listener.url}), FORM)
        time.sleep(0.5)
    finally:
        listener.close()
    assert status == 400 and "server's own configuration" in json.loads(answer)["error"]
    assert status_plain == 415 and status_v2 == 200
    assert listener.connections == 0


@pytest.mark.parametrize("key", ["config", "packs", "allow-words", "max-sentence-words", "languagetool-timeout"])
def test_requests_may_not_set_files_packs_or_options(server, key):
    status, _, answer = http(server, "POST", "/v1/check", json.dumps({"text": "x", key: "y"}).encode(), JSON)
    assert status == 400 and "cannot set" in json.loads(answer)["error"]


def test_path_picks_the_format_never_a_configuration(server, tmp_path):
    # A configuration beside the named path would switch on a rule the server's own does not have.
    (tmp_path / "newslint.toml").write_text('select = ["chrome"]\n', encoding="utf-8")
    body = {"text": "# Kyiv talks\n\nZelenskiy slammed it.\n", "path": str(tmp_path / "story.md")}
    status, _, answer = http(server, "POST", "/v1/check", json.dumps(body).encode(), JSON)
    assert status == 200
    findings = json.loads(answer)["findings"]
    assert {f["rule"] for f in findings} == {"style/house-spelling", "style/house-banned"}  # the server's house rules
    assert {f["path"] for f in findings} == {body["path"]} and findings[0]["line"] == 3  # read as Markdown


@pytest.mark.parametrize("key,name,nearest", [
    ("select", "style/house-banend", "style/house-banned"), ("ignore", "chrom", "chrome"), ("extendSelect", "namez", "names"),
])
def test_unknown_rule_names_are_refused_with_the_nearest(server, key, name, nearest):
    status, _, answer = http(server, "POST", "/v1/check", json.dumps({"text": "x", key: [name]}).encode(), JSON)
    message = json.loads(answer)["error"]
    assert status == 400 and repr(name) in message and repr(nearest) in message


# --- Host and Origin ----------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1:1", "localhost", "127.0.0.1.evil.example:{port}"])
def test_a_host_this_server_is_not_is_refused(server, host):
    port = server.server_address[1]
    status, _, answer = http(server, "POST", "/v2/check", form(text="x", language="en-US"), FORM, host=host.format(port=port))
    assert status == 400 and b"does not answer to Host" in answer


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}"])
def test_loopback_hosts_are_answered(server, host):
    status, _, _ = http(server, "GET", "/v2/languages", host=host.format(port=server.server_address[1]))
    assert status == 200


def test_a_missing_host_is_refused(server):
    answer = exchange(server, b"GET /v2/languages HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400") and b"Host header is required" in answer


@pytest.mark.parametrize("content_type", ["text/plain", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x",
                                          "application/x-www-form-urlencoded"])
def test_a_cross_origin_post_is_refused(server, content_type):
    body = json.dumps({"text": "Zelenskiy spoke."}).encode()
    for path in ("/v1/check", "/v2/check"):
        status, headers, answer = http(server, "POST", path, body, {"Content-Type": content_type, "Origin": "https://evil.example"})
        assert status == 403 and b"cross-origin" in answer
        assert "access-control-allow-origin" not in headers


def test_a_null_origin_is_refused(server):
    status, _, _ = http(server, "POST", "/v2/check", form(text="x", language="en-US"), {**FORM, "Origin": "null"})
    assert status == 403


@pytest.mark.parametrize("path,content_type", [("/v1/check", "text/plain"), ("/v1/check", "application/x-www-form-urlencoded"),
                                               ("/v2/check", "text/plain"), ("/v2/check", "application/json")])
def test_posts_need_their_content_type(server, path, content_type):
    status, _, _ = http(server, "POST", path, form(text="x", language="en-US"), {"Content-Type": content_type})
    assert status == 415


def test_an_allowed_origin_gets_cors_and_a_preflight(server):
    status, headers, _ = http(server, "OPTIONS", "/v1/check", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
        "Access-Control-Request-Private-Network": "true"})
    assert status == 204
    assert headers["access-control-allow-origin"] == ORIGIN and headers["access-control-allow-methods"] == "POST"
    assert "content-type" in headers["access-control-allow-headers"]
    assert headers["access-control-allow-private-network"] == "true"
    status, headers, answer = http(server, "POST", "/v1/check", json.dumps({"text": "Zelenskiy spoke."}).encode(), {**JSON, "Origin": ORIGIN})
    assert status == 200 and headers["access-control-allow-origin"] == ORIGIN and headers["vary"] == "Origin"
    assert json.loads(answer)["findings"]


def test_a_preflight_from_another_origin_is_refused(server):
    status, headers, _ = http(server, "OPTIONS", "/v1/check", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert status == 403 and "access-control-allow-origin" not in headers


def test_allowed_origins_must_be_origins():
    with pytest.raises(ValueError):
        make_server("127.0.0.1", 0, config=CONFIG, allow_origins=("*",))


# --- malformed requests -------------------------------------------------------------------------

@pytest.mark.parametrize("path,body,headers", [
    ("/v1/check", b"{not json", JSON),
    ("/v1/check", b"[" * 50_000 + b"]" * 50_000, JSON),
    ("/v1/check", json.dumps({"text": "a \ud800 b"}).encode(), JSON),  # a lone surrogate, as JSON escapes it
    ("/v2/check", form(language="en-US", data=json.dumps({"annotation": [{"text": "a \udc00"}]})), FORM),
    ("/v2/check", form(language="en-US", data="[" * 50_000), FORM),
    ("/v2/check", b"language=en-US&text=%ED%A0%80", FORM),  # a surrogate's UTF-8 bytes
])
def test_malformed_bodies_are_400(server, path, body, headers):
    status, _, answer = http(server, "POST", path, body, headers)
    assert status == 400, answer


def test_a_body_shorter_than_its_length_is_400(server):
    port = server.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                           f"Content-Length: 100\r\n\r\n{{\"text\": \"x\"}}".encode())
        connection.shutdown(socket.SHUT_WR)
        answer = _read_answer(connection)
    assert answer.startswith(b"HTTP/1.1 400") and b"shorter than its Content-Length" in answer


def test_oversized_heads_are_refused(server):
    port = server.server_address[1]
    big = exchange(server, f"GET /v2/languages HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: {'a' * 20_000}\r\n\r\n".encode())
    assert big.startswith(b"HTTP/1.1 431")
    many = "".join(f"X-{i}: 1\r\n" for i in range(100))
    answer = exchange(server, f"GET /v2/languages HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{many}\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 431")
    assert http(server, "GET", "/v2/languages")[0] == 200


def test_a_client_that_hangs_up_leaves_no_traceback(server, capfd):
    port = server.server_address[1]
    body = form(text="Zelenskiy spoke. " * 2000, language="en-US")
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(f"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                               f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset on close
    time.sleep(1.5)
    assert http(server, "GET", "/v2/languages")[0] == 200
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "ConnectionReset" not in err


# --- slow clients and answer size ---------------------------------------------------------------

def test_slow_clients_do_not_block_a_normal_request(server):
    port = server.server_address[1]
    slow = []
    try:
        for _ in range(50):  # each sends part of a head and then nothing, more than the workers
            connection = socket.create_connection(("127.0.0.1", port), timeout=10)
            connection.sendall(b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1")
            slow.append(connection)
        started = time.monotonic()
        status, _, _ = http(server, "POST", "/v2/check", form(text="Zelenskiy spoke.", language="en-US"), FORM)
        assert status == 200 and time.monotonic() - started < 1.5  # well before the slow ones time out
        # The slow ones are cut at the head deadline with a 408.
        slow[0].settimeout(5)
        assert _read_answer(slow[0]).startswith(b"HTTP/1.1 408")
    finally:
        for connection in slow:
            connection.close()


def test_v2_answers_are_bounded_on_one_long_line(server):
    line = "Zelenskiy slammed it and " * 2000  # 50 KB, one line, 4,000 matches
    status, _, answer = http(server, "POST", "/v2/check", form(text=line, language="en-US"), FORM)
    assert status == 200
    matches = json.loads(answer)["matches"]
    assert len(matches) == 4000
    assert max(len(m["sentence"]) for m in matches) <= SENTENCE_CHARS
    assert max(len(m["context"]["text"]) for m in matches) <= 40 * 2 + 9 + 6
    assert len(answer) < 4000 * 2000  # about 1.5 KB a match, not the line each time
    first = matches[0]
    assert first["context"]["text"][first["context"]["offset"]:][:first["context"]["length"]] == "Zelenskiy"


def test_v2_matches_carry_the_fix_safety(server):
    status, _, answer = http(server, "POST", "/v2/check", form(text="Kyiv talks\n\nZelenskiy slammed it.", language="en-US"), FORM)
    by_rule = {m["rule"]["id"]: m for m in json.loads(answer)["matches"]}
    assert by_rule["style/house-spelling"]["newslintFixSafe"] is False  # a name rewrite is a judgement
    assert "newslintFixSafe" not in by_rule["style/house-banned"]  # no replacement, no level


# --- rule pages ---------------------------------------------------------------------------------

def test_rule_pages_are_escaped_html(server):
    status, headers, page = http(server, "GET", "/rules/style/house-banned")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in headers["content-security-policy"]
    text = page.decode("utf-8")
    assert "<h1><code>style/house-banned</code></h1>" in text
    status, _, index = http(server, "GET", "/rules")
    assert status == 200 and b'href="/rules/style/house-banned"' in index
    assert http(server, "GET", "/rules/style/nope")[0] == 404


def test_rule_page_text_is_escaped():
    from lint.rule_docs import render_rule_html
    from lint.rules import load_rules

    from dataclasses import replace

    rule = next(r for r in load_rules() if r.fire)
    hostile = replace(rule, summary="<script>alert(1)</script>", description="a & b")
    page = render_rule_html(hostile)
    assert "<script>" not in page and "&lt;script&gt;" in page and "a &amp; b" in page
