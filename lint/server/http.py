"""The HTTP transport of `newslint serve`: routes, size limits, errors, one thread per request.

    GET  /v2/languages        LanguageTool: the languages newslint checks (English variants)
    POST /v2/check            LanguageTool: form-encoded text= or data=, language=, ...
    POST /v1/check            newslint: JSON body {"text", "format"?, "path"?, ...} -> JSON report
    GET  /v1/rules            newslint: every rule (id, severity, summary, ...), as JSON
    GET  /v1/rules/FAMILY/NAME  newslint: one rule's documentation, as plain text

Errors are 4xx answers that say what to change: 400 (malformed), 404 (no such path or rule),
405 (wrong method), 411 (no Content-Length), 413 (body over --max-bytes); 508 when newslint's
own LanguageTool rules are pointed at this server (it would answer them by asking itself).  /v2 errors are
plain text, as LanguageTool's server gives them; /v1 errors are JSON {"error": "..."}.
"""
from __future__ import annotations

import json
import logging
import socket
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..config import ConfigError
from ..lsp.checking import check_text
from ..rules import PackError
from ..runner import STDIN, CliSettings, Session
from .errors import RequestError

logger = logging.getLogger("newslint.serve")

DEFAULT_MAX_BYTES = 1024 * 1024
MAX_FORM_FIELDS = 100
REQUEST_TIMEOUT = 30  # seconds a client may take to send its request
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class CheckServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the Session every request checks with."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], session: Session, *, max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = True):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, CheckHandler)
        self.session = session
        self.max_bytes = max_bytes
        self.quiet = quiet

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}"


class CheckHandler(BaseHTTPRequestHandler):
    server: CheckServer
    server_version = f"newslint/{__version__}"
    protocol_version = "HTTP/1.1"  # keep-alive: editors send a check at every pause in typing
    timeout = REQUEST_TIMEOUT

    # --- routing ----------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._route("GET")

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PUT(self) -> None:
        self._route("PUT")

    def do_DELETE(self) -> None:
        self._route("DELETE")

    def do_PATCH(self) -> None:
        self._route("PATCH")

    def do_OPTIONS(self) -> None:
        self._route("OPTIONS")

    def _route(self, method: str) -> None:
        path = urllib.parse.urlsplit(self.path).path
        routes: dict[str, tuple[str, Callable[[], None]]] = {
            "/v2/languages": ("GET", self.languages),
            "/v2/check": ("POST", self.languagetool_check),
            "/v1/check": ("POST", self.native_check),
            "/v1/rules": ("GET", self.rule_list),
        }
        allowed, handler = routes.get(path, (None, None))
        if handler is None and path.startswith("/v1/rules/"):
            allowed, handler = "GET", self.rule_page
        json_errors = path.startswith("/v1/")
        try:
            if handler is None:
                self._discard_body()
                raise RequestError(404, f"no such path: {path} (try POST /v2/check, POST /v1/check, GET /v2/languages or GET /v1/rules)")
            if method != allowed and not (method == "HEAD" and allowed == "GET"):
                self._discard_body()
                raise RequestError(405, f"{path} answers {allowed} only")
            handler()
        except RequestError as exc:
            self._error(exc.status, exc.message, json_errors, allow=allowed if exc.status == 405 else None)
        except (ConfigError, PackError) as exc:
            self._error(500, f"the server's configuration cannot be used: {exc}", json_errors)
        except Exception as exc:  # a bug answers 500 and leaves the server running
            logger.exception("internal error on %s %s", method, path)
            self._error(500, f"internal error ({type(exc).__name__}: {exc}); please report this as a bug", json_errors)

    # --- endpoints --------------------------------------------------------------------------

    def languages(self) -> None:
        from .languagetool_format import languages

        self._json(200, languages())

    def languagetool_check(self) -> None:
        from .languagetool_format import check_response, read_check_request

        form = self._form()
        if self.headers.get("User-Agent", "").startswith("newslint/"):
            # newslint's own grammar rules asking: they want LanguageTool, and this server would ask itself.
            raise RequestError(508, "this is newslint serve, not LanguageTool: point languagetool-url at a LanguageTool server")
        rules = self._rules(None)
        request = read_check_request(form, rules)
        result = check_text(self.server.session, request.overrides, STDIN, request.text.checked, request.fmt)
        self._json(200, check_response(request, result, rules))

    def native_check(self) -> None:
        from ..report.json_format import document
        from .native import read_native_request

        request = read_native_request(self._body())
        result = check_text(self.server.session, request.overrides, request.path, request.text, request.fmt)
        self._json(200, document([result]))

    def rule_list(self) -> None:
        from ..rule_docs import render_table

        self._json(200, json.loads(render_table(tuple(self._rules(None).values()), "json")))

    def rule_page(self) -> None:
        from ..rule_docs import render_rule

        rule_id = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path[len("/v1/rules/"):])
        rule = self._rules(None).get(rule_id)
        if rule is None:
            raise RequestError(404, f"no rule {rule_id!r} (GET /v1/rules lists them)")
        self._send(200, "text/plain; charset=utf-8", (render_rule(rule) + "\n").encode("utf-8"))

    # --- request bodies ---------------------------------------------------------------------

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise RequestError(411, "send the body with a Content-Length (chunked bodies are not accepted)")
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            raise RequestError(411, "a Content-Length header is required")
        try:
            size = int(length)
            if size < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            raise RequestError(400, f"invalid Content-Length: {length!r}") from None
        if size > self.server.max_bytes:
            self.close_connection = True  # the body is not read: the connection cannot carry another request
            raise RequestError(413, f"the request body is {size} bytes, over this server's limit of {self.server.max_bytes} (newslint serve --max-bytes)")
        body = self.rfile.read(size)
        if len(body) < size:
            self.close_connection = True
            raise RequestError(400, "the request body is shorter than its Content-Length")
        return body

    def _discard_body(self) -> None:
        """Read and drop a body that comes with a refused request, so that the connection stays usable."""
        length = self.headers.get("Content-Length")
        if length and length.isdigit() and int(length) <= self.server.max_bytes:
            self.rfile.read(int(length))
        elif length or "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True

    def _form(self) -> dict[str, str]:
        """Form parameters of the body (application/x-www-form-urlencoded) and of the query string."""
        content_type = self.headers.get("Content-Type", "application/x-www-form-urlencoded").split(";")[0].strip().lower()
        body = self._body()
        if content_type != "application/x-www-form-urlencoded":
            raise RequestError(400, f"/v2/check takes form-encoded parameters (application/x-www-form-urlencoded), not {content_type}")
        try:
            sources = (urllib.parse.urlsplit(self.path).query, body.decode("utf-8"))
        except UnicodeDecodeError:
            raise RequestError(400, "the form is not UTF-8") from None
        params: dict[str, str] = {}
        for raw in sources:
            try:
                pairs = urllib.parse.parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict",
                                               max_num_fields=MAX_FORM_FIELDS)
            except UnicodeDecodeError:
                raise RequestError(400, "the form's %-escapes are not UTF-8") from None
            except ValueError as exc:
                raise RequestError(400, f"malformed form: {exc}") from None
            params.update(pairs)
        return params

    # --- answers ----------------------------------------------------------------------------

    def _rules(self, path: Path | None) -> dict[str, Any]:
        return {rule.id: rule for rule in self.server.session.rules_for([path])}

    def _json(self, status: int, value: Any) -> None:
        self._send(status, "application/json; charset=utf-8", json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def _error(self, status: int, message: str, as_json: bool, allow: str | None = None) -> None:
        headers = {"Allow": allow} if allow else {}
        if as_json:
            body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
            self._send(status, "application/json; charset=utf-8", body, headers)
        else:
            # LanguageTool's server answers errors in plain text; its clients show that text.
            self._send(status, "text/plain; charset=utf-8", f"Error: {message}\n".encode("utf-8"), headers)

    def _send(self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            sys.stderr.write(f"newslint serve: {self.address_string()} {format % args}\n")


def make_server(host: str = "127.0.0.1", port: int = 8081, *, config: Path | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = True) -> CheckServer:
    """A server bound to host:port (0: any free port), not yet serving; raises ConfigError, OSError."""
    session = Session(CliSettings(config=config))
    # One check before the first request, so that rules set themselves up before threads share them.
    check_text(session, CliSettings(), STDIN, "Warm-up.\n\nThe council met on Tuesday.\n")
    return CheckServer((host, port), session, max_bytes=max_bytes, quiet=quiet)


def serve(host: str, port: int, *, config: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = False) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(host, port, config=config, max_bytes=max_bytes, quiet=quiet)
    if host not in _LOOPBACK:
        print(f"newslint serve: warning: listening on {host}, not loopback: anyone who can reach it can use it", file=sys.stderr)
    print(f"newslint serve: listening on {server.url} (LanguageTool API at {server.url}/v2, newslint JSON at {server.url}/v1/check)",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def serve_in_thread(server: CheckServer) -> threading.Thread:
    """Serve on a daemon thread (tests, embedding); stop with server.shutdown()."""
    thread = threading.Thread(target=server.serve_forever, name="newslint-serve", daemon=True)
    thread.start()
    return thread
