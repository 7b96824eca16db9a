"""The HTTP layer of `newslint serve`: who may ask, routes, errors.

    GET  /v2/languages          LanguageTool: the languages newslint checks (English variants)
    POST /v2/check              LanguageTool: form-encoded text= or data=, language=, ...
    POST /v1/check              newslint: JSON body {"text", "format"?, "path"?, ...} -> JSON report
    GET  /v1/rules              newslint: every rule (id, severity, summary, ...), as JSON
    GET  /v1/rules/FAMILY/NAME  newslint: one rule's documentation, as plain text
    GET  /rules, /rules/ID      the rules' documentation as HTML pages (the editors' rule links)
    GET  /, /page.css, /page.js the copy desk's page (assets.py), and its API:
    POST /v1/desk/check         the page's check: findings with offsets and fingerprints, figures
    POST /v1/desk/fix           apply chosen fixes (or the safe ones) as --fix does (desk.py)

Every request must name this server in its Host header, and a request with an Origin must
come from the server itself or from an origin allowed with --allow-origin (see access.py).
A server started with a token (--token, NEWSLINT_TOKEN; generated when it listens beyond
loopback) answers 401 to any request that does not show it.
Errors are 4xx answers that say what to change: 400 (malformed, or a Host this server does
not answer to), 401 (no token, or a wrong one), 403 (an origin not allowed), 404, 405, 415
(wrong Content-Type), and from the transport 408, 411, 413, 431, 503; 508 when newslint's own
LanguageTool rules are pointed at this server.  /v2 errors are plain text, as LanguageTool's server gives them; /v1 errors
are JSON {"error": "..."}.  The connections themselves are transport.py's.
"""
from __future__ import annotations

import io
import json
import logging
import socket
import sys
import threading
import urllib.parse
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..config import ConfigError
from ..lsp.checking import check_text
from ..rules import PackError
from ..runner import STDIN, CliSettings, Session
from ..sources import UnreadableInput
from .access import (ALLOWED_REQUEST_HEADERS, TOKEN_COOKIE, TOKEN_ENV, AccessPolicy, check_token, generate_token, host_form,
                     presented_tokens, token_matches)
from .errors import RequestError
from .assets import PAGE_ASSETS
from .transport import Limits, Transport

logger = logging.getLogger("newslint.serve")

DEFAULT_MAX_BYTES = Limits.max_bytes
MAX_FORM_FIELDS = 100
PREFLIGHT_MAX_AGE = 600  # seconds a browser may keep a preflight's answer
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_FORM = "application/x-www-form-urlencoded"
_JSON = "application/json"


class CheckServer:
    """A bound server that carries the Session every request checks with; serve_forever() serves it."""

    def __init__(self, address: tuple[str, int], session: Session, *, limits: Limits = Limits(), quiet: bool = True,
                 allow_origins: tuple[str, ...] = (), allow_hosts: tuple[str, ...] = (), token: str | None = None):
        host, port = address
        self.policy = AccessPolicy.for_server(host, port or 1, allow_origins=allow_origins)  # validates before binding
        self.token = check_token(token) if token is not None else None  # None: requests need none
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.create_server((host, port), family=family, backlog=limits.backlog)
        self.server_address = self.socket.getsockname()
        self.policy = AccessPolicy.for_server(host, self.server_address[1], allow_hosts=allow_hosts, allow_origins=allow_origins)
        self.session = session
        self.quiet = quiet
        self.transport = Transport(self.socket, self.handle, limits)
        self._refused_origins: set[str] = set()  # told once each on stderr
        self._lock = threading.Lock()

    @property
    def limits(self) -> Limits:
        return self.transport.limits

    @property
    def max_bytes(self) -> int:
        return self.transport.limits.max_bytes

    @max_bytes.setter
    def max_bytes(self, value: int) -> None:
        self.transport.limits = replace(self.transport.limits, max_bytes=value)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host_form(host)}:{port}"

    @property
    def page_url(self) -> str:
        """The page's address, with the token when one is required (as Jupyter prints it)."""
        return f"{self.url}/?token={urllib.parse.quote(self.token)}" if self.token else f"{self.url}/"

    def handle(self, raw: bytes, client_address: tuple) -> tuple[bytes, bool]:
        """One whole request -> the answer's bytes and whether the connection must close."""
        handler = CheckHandler(raw, client_address, self)
        return handler.wfile.getvalue(), handler.close_connection

    def serve_forever(self) -> None:
        self.transport.run()

    def shutdown(self) -> None:
        self.transport.stop()

    def server_close(self) -> None:
        self.transport.close()

    def tell_refused_origin(self, origin: str) -> None:
        with self._lock:
            if origin in self._refused_origins:
                return
            self._refused_origins.add(origin)
        print(f"newslint serve: refused a request from origin {origin!r} (to allow it: newslint serve --allow-origin {origin})",
              file=sys.stderr, flush=True)


class CheckHandler(BaseHTTPRequestHandler):
    """One request, read from the bytes the transport received; the answer goes to a buffer."""

    server: CheckServer
    server_version = f"newslint/{__version__}"
    protocol_version = "HTTP/1.1"  # keep-alive: editors send a check at every pause in typing

    def setup(self) -> None:
        self.rfile = io.BytesIO(self.request)
        self.wfile = io.BytesIO()
        self.cors_origin: str | None = None

    def handle(self) -> None:
        self.close_connection = True
        self.handle_one_request()

    def finish(self) -> None:
        pass

    def handle_expect_100(self) -> bool:
        return True  # the transport sent "100 Continue" before it read the body

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Malformed request lines and headers, found by the standard library's parser.
        self.close_connection = True
        self._error(code, message or self.responses.get(code, ("error",))[0], False)

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

    def _endpoint(self, path: str) -> tuple[str | None, Callable[[], None] | None]:
        routes: dict[str, tuple[str, Callable[[], None]]] = {
            "/v2/languages": ("GET", self.languages),
            "/v2/check": ("POST", self.languagetool_check),
            "/v1/check": ("POST", self.native_check),
            "/v1/rules": ("GET", self.rule_list),
            "/rules": ("GET", self.rule_index),
            "/rules/": ("GET", self.rule_index),
            "/v1/desk/check": ("POST", self.desk_check),
            "/v1/desk/fix": ("POST", self.desk_fix),
            **{path: ("GET", self.page_asset) for path in PAGE_ASSETS},
        }
        if path in routes:
            return routes[path]
        if path.startswith("/v1/rules/"):
            return "GET", self.rule_text
        if path.startswith("/rules/"):
            return "GET", self.rule_html
        return None, None

    def _route(self, method: str) -> None:
        path = urllib.parse.urlsplit(self.path).path
        allowed, handler = self._endpoint(path)
        json_errors = path.startswith("/v1/")
        try:
            self._check_access()
            if method == "OPTIONS" and "Origin" in self.headers:
                return self._preflight(path, allowed)  # a browser's preflight carries no credentials
            self._check_token()
            if handler is None:
                raise RequestError(404, f"no such path: {path} (try GET / for the page, POST /v2/check, POST /v1/check, GET /v2/languages, GET /v1/rules or GET /rules)")
            if method != allowed and not (method == "HEAD" and allowed == "GET"):
                raise RequestError(405, f"{path} answers {allowed} only")
            handler()
        except RequestError as exc:
            self._error(exc.status, exc.message, json_errors, allow=allowed if exc.status == 405 else None)
        except (ConfigError, PackError) as exc:
            self._error(500, f"the server's configuration cannot be used: {exc}", json_errors)
        except Exception as exc:  # a bug answers 500 and leaves the server running
            logger.exception("internal error on %s %s", method, path)
            self._error(500, f"internal error ({type(exc).__name__}); please report this as a bug", json_errors)

    def _check_access(self) -> None:
        policy = self.server.policy
        host = self.headers.get("Host")
        if not policy.host_allowed(host):
            self.close_connection = True
            served = ", ".join(sorted(policy.hosts))
            raise RequestError(400, f"this server does not answer to Host {host!r}: it answers to {served} "
                                    "(newslint serve --allow-host NAME adds a name)" if host else f"a Host header is required ({served})")
        origin = self.headers.get("Origin")
        if origin is None:
            return
        if not policy.origin_allowed(origin):
            self.server.tell_refused_origin(origin)
            self.close_connection = True
            raise RequestError(403, f"cross-origin requests from {origin!r} are refused "
                                    f"(to allow that origin: newslint serve --allow-origin {origin})")
        self.cors_origin = origin

    def _check_token(self) -> None:
        token = self.server.token
        if token is None:
            return
        presented = presented_tokens(self.headers.get("Authorization"), self.headers.get("Cookie"),
                                     urllib.parse.urlsplit(self.path).query)
        if not token_matches(token, presented):
            self.close_connection = True
            raise RequestError(401, ("the token is wrong" if presented else "this server requires a token")
                               + ": open the address newslint serve printed (/?token=...), or send Authorization: Bearer TOKEN")

    def _preflight(self, path: str, allowed: str | None) -> None:
        """A browser asks whether an allowed origin may send a request (CORS preflight)."""
        if allowed is None:
            raise RequestError(404, f"no such path: {path}")
        asked = self.headers.get("Access-Control-Request-Method", "").strip().upper()
        methods = {allowed, "HEAD"} if allowed == "GET" else {allowed}
        if asked not in methods:
            raise RequestError(405, f"{path} answers {allowed} only")
        headers = {
            "Access-Control-Allow-Methods": ", ".join(sorted(methods)),
            "Access-Control-Allow-Headers": ", ".join(ALLOWED_REQUEST_HEADERS),
            "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE),
        }
        if self.headers.get("Access-Control-Request-Private-Network", "").lower() == "true":
            headers["Access-Control-Allow-Private-Network"] = "true"  # a public page asking for a loopback server
        self._send(204, None, b"", headers)

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
        rules = self._rules()
        request = read_check_request(form, rules)
        result = check_text(self.server.session, request.overrides, STDIN, request.text.checked, request.fmt)
        self._json(200, check_response(request, result, rules))

    def native_check(self) -> None:
        from ..report.json_format import document
        from .native import read_native_request

        self._require_type(_JSON, "/v1/check takes a JSON body")
        request = read_native_request(self._body(), self._rules())
        # The article's path names it and may give its format; the configuration is the server's own.
        try:
            result = check_text(self.server.session, request.overrides, request.path, request.text, request.fmt, settings_from=STDIN)
        except UnreadableInput as exc:  # a malformed XLIFF or TMX file: the text cannot be read
            raise RequestError(422, f"{request.path}: {exc}") from None
        self._json(200, document([result]))

    def rule_list(self) -> None:
        from ..rule_docs import render_table

        self._json(200, json.loads(render_table(tuple(self._rules().values()), "json")))

    def rule_text(self) -> None:
        from ..rule_docs import render_rule

        rule = self._rule_named(len("/v1/rules/"), "GET /v1/rules lists them")
        # The pack by its file name, as the rule pages show it: a server does not show its folders.
        rule = replace(rule, pack=Path(rule.pack).name)
        self._send(200, "text/plain; charset=utf-8", (render_rule(rule) + "\n").encode("utf-8"))

    def rule_html(self) -> None:
        from ..rule_docs import render_rule_html

        rule = self._rule_named(len("/rules/"), "/rules lists them")
        self._html(render_rule_html(rule, index_url="/rules"))

    def page_asset(self) -> None:
        from .assets import PAGE_HEADERS, asset

        split = urllib.parse.urlsplit(self.path)
        name, content_type = PAGE_ASSETS[split.path]
        headers = dict(PAGE_HEADERS)
        if self.server.token and "token" in urllib.parse.parse_qs(split.query):
            # Opened from the printed address: the browser shows the token to the assets it loads.
            headers["Set-Cookie"] = f"{TOKEN_COOKIE}={self.server.token}; Path=/; HttpOnly; SameSite=Strict"
        self._send(200, content_type, asset(name), headers)

    def desk_check(self) -> None:
        from .desk import answer, check, read_desk_request

        self._require_type(_JSON, "/v1/desk/check takes a JSON body")
        request, _ = read_desk_request(self._body(), self._rules())
        self._json(200, answer(self.server.session, request, check(self.server.session, request)))

    def desk_fix(self) -> None:
        from .desk import fix, read_desk_request

        self._require_type(_JSON, "/v1/desk/fix takes a JSON body")
        request, extra = read_desk_request(self._body(), self._rules())
        self._json(200, fix(self.server.session, request, extra["accept"], extra["dismissed"], extra["safe"]))

    def rule_index(self) -> None:
        from ..rule_docs import render_index_html

        self._html(render_index_html(tuple(self._rules().values()), rule_url="/rules/{rule}"))

    # --- request bodies ---------------------------------------------------------------------

    def _body(self) -> bytes:
        # The transport read exactly Content-Length bytes (and refused chunked bodies).
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _require_type(self, expected: str, what: str) -> None:
        """Only what a browser cannot send cross-origin without asking first (for JSON), and what clients send."""
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != expected:
            raise RequestError(415, f"{what} with Content-Type: {expected}, not {content_type or 'none'}")

    def _form(self) -> dict[str, str]:
        """Form parameters of the body (application/x-www-form-urlencoded) and of the query string."""
        self._require_type(_FORM, "/v2/check takes form-encoded parameters")
        body = self._body()
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

    def _rules(self) -> dict[str, Any]:
        return {rule.id: rule for rule in self.server.session.rules_for([None])}

    def _rule_named(self, prefix: int, where: str):
        rule_id = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path[prefix:])
        rule = self._rules().get(rule_id)
        if rule is None:
            raise RequestError(404, f"no rule {rule_id!r} ({where})")
        return rule

    def _json(self, status: int, value: Any) -> None:
        self._send(status, "application/json; charset=utf-8", json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def _html(self, page: str) -> None:
        # The page is escaped text and a style sheet: it may run nothing and load nothing.
        self._send(200, "text/html; charset=utf-8", page.encode("utf-8"),
                   {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"})

    def _error(self, status: int, message: str, as_json: bool, allow: str | None = None) -> None:
        headers = {"Allow": allow} if allow else {}
        if status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="newslint"'
        if as_json:
            body = json.dumps({"error": message}, ensure_ascii=True).encode("utf-8")
            self._send(status, "application/json; charset=utf-8", body, headers)
        else:
            # LanguageTool's server answers errors in plain text; its clients show that text.
            self._send(status, "text/plain; charset=utf-8", f"Error: {message}\n".encode("utf-8", "backslashreplace"), headers)

    def _send(self, status: int, content_type: str | None, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if getattr(self, "cors_origin", None):
            self.send_header("Access-Control-Allow-Origin", self.cors_origin)
            self.send_header("Vary", "Origin")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if getattr(self, "command", None) != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            sys.stderr.write(f"newslint serve: {self.address_string()} {format % args}\n")


def make_server(host: str = "127.0.0.1", port: int = 8081, *, config: Path | None = None, limits: Limits | None = None,
                max_bytes: int | None = None, quiet: bool = True, allow_origins: tuple[str, ...] = (),
                allow_hosts: tuple[str, ...] = (), token: str | None = None) -> CheckServer:
    """A server bound to host:port (0: any free port), not yet serving; raises ConfigError, OSError, ValueError."""
    limits = limits or Limits()
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    session = Session(CliSettings(config=config))
    # One check before the first request, so that rules set themselves up before threads share them.
    check_text(session, CliSettings(), STDIN, "Warm-up.\n\nThe council met on Tuesday.\n")
    return CheckServer((host, port), session, limits=limits, quiet=quiet, allow_origins=allow_origins, allow_hosts=allow_hosts,
                       token=token)


def server_token(host: str, token: str | None, environ: dict[str, str]) -> tuple[str | None, bool]:
    """The token requests must show, and whether it was made up here: the one given (--token, else
    NEWSLINT_TOKEN); beyond loopback, where anyone who can reach the port could use it, a new one."""
    token = token or environ.get(TOKEN_ENV) or None
    if token is None and host not in _LOOPBACK:
        return generate_token(), True
    return token, False


def serve(host: str, port: int, *, config: Path | None = None, limits: Limits | None = None, quiet: bool = False,
          allow_origins: tuple[str, ...] = (), allow_hosts: tuple[str, ...] = (), token: str | None = None) -> None:
    """Serve until interrupted (Ctrl-C)."""
    import os

    _raise_open_file_limit()
    token, generated = server_token(host, token, dict(os.environ))
    server = make_server(host, port, config=config, limits=limits, quiet=quiet, allow_origins=allow_origins, allow_hosts=allow_hosts,
                         token=token)
    print(f"newslint serve: listening on {server.url} (LanguageTool API at {server.url}/v2, newslint JSON at {server.url}/v1/check)",
          file=sys.stderr)
    if generated:
        print(f"newslint serve: listening on {host}, not loopback: every request needs this token "
              f"(set your own with --token or {TOKEN_ENV}):", file=sys.stderr)
    print(f"newslint serve: the copy desk's page: {server.page_url}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _raise_open_file_limit() -> None:
    """Each connection is a file: let the process hold as many as the connection limit and backlog need."""
    try:
        import resource
    except ImportError:  # not on POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def serve_in_thread(server: CheckServer) -> threading.Thread:
    """Serve on a daemon thread (tests, embedding); stop with server.shutdown()."""
    thread = threading.Thread(target=server.serve_forever, name="newslint-serve", daemon=True)
    thread.start()
    return thread
