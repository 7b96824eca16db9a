"""The language server answers every request, hostile or not: invalid params get an error
response, and a document over the size limit is not checked."""
from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time

import pytest

from lint.lsp.server import MAX_DOCUMENT_CHARS


class RawClient:
    """JSON-RPC over a subprocess's pipes, with no client-side checking of what is sent."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "lint.cli", "lsp"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = b""

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def wait_for(self, accept, timeout: float = 20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\r\n\r\n" in self.buffer:
                head, rest = self.buffer.split(b"\r\n\r\n", 1)
                length = int(next(line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")).split(b":")[1])
                if len(rest) < length:
                    break
                message, self.buffer = json.loads(rest[:length]), rest[length:]
                if accept(message):
                    return message
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                self.buffer += os.read(self.process.stdout.fileno(), 1 << 20)
        return None

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def client():
    raw = RawClient()
    raw.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    assert raw.wait_for(lambda m: m.get("id") == 1) is not None
    raw.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    yield raw
    raw.close()


def _open(client, uri: str, text: str) -> None:
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})


@pytest.mark.parametrize("line", [-1, 2**31, 2**40])
def test_a_request_with_invalid_params_gets_an_error_answer(client, line):
    uri = "file:///desk/story.md"
    _open(client, uri, "Advertisement\n\nEngineers began repairs on Monday, the authority said.\n")
    client.send({"jsonrpc": "2.0", "id": 7, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": uri}, "context": {"diagnostics": []},
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}}})
    answer = client.wait_for(lambda m: m.get("id") == 7)
    assert answer is not None and answer["error"]["code"] == -32602
    # The server goes on answering.
    client.send({"jsonrpc": "2.0", "id": 8, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": uri}, "context": {"diagnostics": []},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}}})
    assert client.wait_for(lambda m: m.get("id") == 8) is not None


def test_a_document_over_the_limit_is_not_checked(client):
    uri = "file:///desk/huge.md"
    started = time.monotonic()
    _open(client, uri, "Advertisement\n\n" + "word " * (MAX_DOCUMENT_CHARS // 5 + 10))
    shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert shown is not None and "huge.md" in shown["params"]["message"] and "MiB" in shown["params"]["message"]
    published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert published is not None and published["params"]["diagnostics"] == []
    assert time.monotonic() - started < 15
