"""The LanguageTool server's side of the languagetool rules: what is asked, the client, and the
answer mapped back to the document.

Imported by the kind only when a server is configured (lint.kinds.languagetool): a plain check
without one pays nothing for the client, its threads or its dataclasses.

language-tool-python is the client, always handed the server (`remote_server`), so it never
downloads or starts a LanguageTool of its own.  Its defaults suit a batch job that will wait for
a server (300 seconds a request, two tries); a pre-publish check wants one clear word within
seconds when the server is away, so `_client_class` narrows them to the `languagetool-timeout`
option and a single try.

A document's blocks go to the server in one check (blank-line separated, so that LanguageTool
sees paragraphs and a headline never runs into the first sentence), and each match maps back to
the document through its block.  The grammar, spelling and style rules share that check: its
answer is cached per document.

An unreachable or failing server is reported once, on standard error (it is the set-up that is
wrong, not an article); the rules then stay silent for a while, so a run waits for a dead server
once.
"""
from __future__ import annotations

import bisect
import functools
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from .analysis import Analysis
from .document import Block
from .kinds.languagetool import server_url

if TYPE_CHECKING:
    import language_tool_python

DEFAULT_LANGUAGE = "en-US"
DEFAULT_TIMEOUT = 5.0  # seconds; the `languagetool-timeout` option
MAX_REQUEST_CHARS = 20_000  # the public server's limit; longer documents go in several checks
RETRY_AFTER = 60.0  # seconds a failed server is left alone before it is asked again
_SEPARATOR = "\n\n"  # between blocks: a paragraph break to LanguageTool
# LanguageTool's English variants by the `locale` option, used when no language is set.
_LANGUAGE_BY_LOCALE = {
    "en-US": "en-US", "en-GB": "en-GB", "en-AU": "en-AU", "en-CA": "en-CA", "en-NZ": "en-NZ",
    "en-ZA": "en-ZA", "en-IN": "en-GB",  # Indian English spells the British way
}
_NOT_LANGUAGETOOL = "the answer is not in LanguageTool's format: is this a LanguageTool server?"


@dataclass(frozen=True)
class Request:
    """What is asked of the server; equal requests share one client, and one check per document."""

    server: str  # the base URL, without /v2
    language: str
    enabled_rules: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    timeout: float


@dataclass(frozen=True)
class MappedMatch:
    """A LanguageTool match, its span mapped to offsets of the document text."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule: str
    category: str
    issue_type: str


class ServerUnavailable(Exception):
    """No usable answer from the server; str(exc) says why in a few words."""


# ---- configuration


def server_base(url: str) -> str:
    """The base URL of a server given as 'http://host:8081', '.../v2' or '.../v2/check'."""
    base = url.strip().rstrip("/")
    for api_path in ("/v2/check", "/v2"):
        if base.endswith(api_path):
            return base[: -len(api_path)]
    return base


def request_for(options: Mapping[str, Any]) -> Request | None:
    url = server_url(options)
    if url is None:
        return None
    language = options.get("languagetool-language") or _LANGUAGE_BY_LOCALE.get(options.get("locale", ""), DEFAULT_LANGUAGE)
    return Request(
        server=server_base(url),
        language=language,
        enabled_rules=tuple(options.get("languagetool-enabled-rules", ())),
        disabled_rules=tuple(options.get("languagetool-disabled-rules", ())),
        timeout=float(options.get("languagetool-timeout", DEFAULT_TIMEOUT)),
    )


# ---- server health: one wait and one message per outage


class _ServerHealth:
    def __init__(self) -> None:
        self.down_since: dict[str, float] = {}

    def usable(self, server: str) -> bool:
        since = self.down_since.get(server)
        return since is None or time.monotonic() - since >= RETRY_AFTER

    def failed(self, server: str, reason: str) -> None:
        first = server not in self.down_since
        self.down_since[server] = time.monotonic()
        if first:
            sys.stderr.write(
                f"newslint: warning: LanguageTool server {server} is unavailable ({reason}); "
                "grammar, spelling and style are not being checked, the other rules run as usual\n"
            )
            sys.stderr.flush()

    def answered(self, server: str) -> None:
        self.down_since.pop(server, None)


_health = _ServerHealth()
def document_matches(text: Analysis, request: Request) -> tuple[MappedMatch, ...]:
    """The server's matches for this document: the three rules share one check."""
    return text.shared(("languagetool", request), lambda: _ask(text, request))


def _ask(text: Analysis, request: Request) -> tuple[MappedMatch, ...]:
    if not _health.usable(request.server):
        return ()
    try:
        client = _client(request)
        answers = [(chunk, _check(client, chunk.text, request.timeout)) for chunk in _chunks(text)]
    except ServerUnavailable as exc:
        _health.failed(request.server, str(exc))
        return ()
    _health.answered(request.server)
    return tuple(found for chunk, matches in answers for found in _mapped(chunk, matches))


# ---- the client


@functools.cache
def _client_class() -> type[language_tool_python.LanguageTool]:
    import language_tool_python

    class Client(language_tool_python.LanguageTool):
        """language-tool-python's client, patient for seconds rather than minutes.

        Its `_TIMEOUT` (300 s a request) and two tries in `_query_server` would hold a run for
        ten minutes on a server that accepts connections and never answers; one try within the
        `languagetool-timeout` is enough to say the server is away, and the 60 s back-off then
        spares the other documents the wait.
        """

        def __init__(self, request: Request) -> None:
            self._TIMEOUT = request.timeout  # type: ignore[misc]  # before the constructor asks /v2/languages
            super().__init__(request.language, remote_server=request.server + "/", proxies=_proxies(request.server))
            self.enabled_rules = set(request.enabled_rules)
            self.disabled_rules = set(request.disabled_rules)

        def _query_server(self, url: str, params: Any = None, num_tries: int = 1, **kwargs: Any) -> Any:
            return super()._query_server(url, params, num_tries=1, **kwargs)  # whatever the caller asks

    return Client


def _proxies(server: str) -> dict[str, str] | None:
    """A server on this machine is never reached through the environment's HTTP proxy."""
    import urllib.parse  # like json below: only needed once a server is configured

    host = urllib.parse.urlsplit(server).hostname or ""
    if host in ("localhost", "::1") or host.startswith("127."):
        return {"no_proxy": host}  # requests' own key: bypass HTTP(S)_PROXY for this host
    return None  # elsewhere the environment's proxy settings apply


@functools.lru_cache(maxsize=8)
def _client(request: Request) -> language_tool_python.LanguageTool:
    """One client per configuration: its constructor asks the server for its languages once."""
    if not request.server.startswith(("http://", "https://")):
        raise ServerUnavailable("not an http:// or https:// URL")
    from language_tool_python.exceptions import LanguageToolError

    try:
        return _client_class()(request)
    except LanguageToolError as exc:
        raise ServerUnavailable(_why(exc, request.timeout)) from None
    except ValueError:  # the language is not among those the server lists at /v2/languages
        raise ServerUnavailable(f"it does not offer the language {request.language!r}") from None
    except (LookupError, TypeError, AttributeError):
        raise ServerUnavailable(_NOT_LANGUAGETOOL) from None


# language_tool_python.Match keeps the last checked text's astral-character positions on its
# class, to turn LanguageTool's UTF-16 offsets into string offsets: threads (`newslint serve`)
# check one at a time, or one text's positions could shift another's matches.
_MATCH_LOCK = threading.Lock()


def _check(client: language_tool_python.LanguageTool, text: str, timeout: float) -> list[language_tool_python.Match]:
    from language_tool_python.exceptions import LanguageToolError

    try:
        with _MATCH_LOCK:
            return client.check(text)
    except LanguageToolError as exc:
        raise ServerUnavailable(_why(exc, timeout)) from None
    except (LookupError, TypeError, AttributeError, ValueError):
        raise ServerUnavailable(_NOT_LANGUAGETOOL) from None


def _why(exc: BaseException, timeout: float) -> str:
    """A few words for a failed request, from the exceptions behind language-tool-python's."""
    import json

    causes = list(_causes(exc))
    if any(isinstance(cause, TimeoutError) for cause in causes):
        return f"no answer within {timeout:g} s"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return "connection refused"
    if any(isinstance(cause, json.JSONDecodeError) for cause in causes):
        # It answered, but not in JSON: language-tool-python's message is the answer's body.
        detail = str(exc).strip().splitlines()
        return "the answer is not LanguageTool's JSON" + (f": {detail[0][:160]}" if detail else "")
    innermost = causes[-1]
    return str(innermost).strip() or type(innermost).__name__


def _causes(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


# ---- what is sent, and mapping the answer back


@dataclass(frozen=True)
class _Chunk:
    """Blocks sent in one check: the text sent and where each block starts in it."""

    text: str
    starts: tuple[int, ...]
    blocks: tuple[Block, ...]


def _chunks(text: Analysis) -> Iterator[_Chunk]:
    parts: list[str] = []
    starts: list[int] = []
    blocks: list[Block] = []
    length = 0
    for block in text.blocks:
        # A line break inside a block is a space to the reader; same length, so offsets hold.
        piece = text.text[block.start:block.end].replace("\n", " ")
        if parts and length + len(_SEPARATOR) + len(piece) > MAX_REQUEST_CHARS:
            yield _Chunk("".join(parts), tuple(starts), tuple(blocks))
            parts, starts, blocks, length = [], [], [], 0
        if parts:
            parts.append(_SEPARATOR)
            length += len(_SEPARATOR)
        starts.append(length)
        blocks.append(block)
        parts.append(piece)
        length += len(piece)
    if parts:
        yield _Chunk("".join(parts), tuple(starts), tuple(blocks))


def _end_of(text: str, start: int, utf16_length: int) -> int:
    """Match turns the start into a string offset; the length is still in UTF-16 code units."""
    end = start
    while utf16_length > 0 and end < len(text):
        utf16_length -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


def _mapped(chunk: _Chunk, matches: Iterable[language_tool_python.Match]) -> Iterator[MappedMatch]:
    for match in matches:
        start = match.offset
        end = _end_of(chunk.text, start, match.error_length)
        index = bisect.bisect_right(chunk.starts, start) - 1
        if index < 0:
            continue
        block, block_start = chunk.blocks[index], chunk.starts[index]
        if end > block_start + (block.end - block.start):
            continue  # runs across blocks: not something to point at
        offset = block.start - block_start
        yield MappedMatch(
            start=start + offset,
            end=end + offset,
            message=match.message.strip(),
            replacements=tuple(match.replacements),
            rule=match.rule_id,
            category=match.category,
            issue_type=match.rule_issue_type,
        )
