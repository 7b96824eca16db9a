"""newslint's own JSON API: POST /v1/check with a JSON body, answered in `newslint check --format json`'s shape.

    {"text": "...", "format": "markdown", "path": "desk/story.md", "select": ["chrome"], "locale": "en-GB"}

Only `text` is required.  `path` names the article in the answer and, when `format` is
absent, gives its format by its suffix; it never selects a configuration: the server's own
applies.  A request may choose rules (`select`, `extend-select`, `ignore`), the `locale` and
the format, and nothing else: no server, file or rule pack can be named in a request.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Collection

from ..formats import FORMAT_BY_SUFFIX
from ..lsp.settings import SettingsError, editor_settings, kebab_case
from ..runner import STDIN, CliSettings
from .errors import RequestError, check_unicode

FORMATS = tuple(dict.fromkeys(FORMAT_BY_SUFFIX.values()))  # every format a reader reads
REQUEST_KEYS = ("text", "format", "path", "select", "extend-select", "ignore", "locale")
_RULE_KEYS = ("select", "extend-select", "ignore")


@dataclass(frozen=True)
class NativeRequest:
    path: str
    text: str
    fmt: str | None  # None: from the path's suffix
    overrides: CliSettings


def parse_json(body: bytes, what: str) -> object:
    """JSON in UTF-8, or a 400 that says why (deep nesting included)."""
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestError(400, f"{what} must be a JSON object in UTF-8: {exc}") from None
    except RecursionError:
        raise RequestError(400, f"{what} is nested too deeply") from None


def check_rule_names(key: str, patterns: tuple[str, ...], rule_ids: Collection[str]) -> None:
    """A rule id or family nobody knows would switch nothing on or off without a word: refuse it."""
    from ..selection import unknown_selection

    problem = unknown_selection(patterns, rule_ids)
    if problem is not None:
        raise RequestError(400, f"'{key}': {problem}")


def _refuse_key(key: str) -> RequestError:
    name = kebab_case(key)
    if name.startswith("languagetool") or name in ("config", "packs", "extend-packs", "url", "server"):
        return RequestError(400, f"a request cannot set {key!r}: servers, files and rule packs are chosen by the "
                                 "server's own configuration (newslint serve --config), never by a request")
    return RequestError(400, f"a request cannot set {key!r} (a request may set: {', '.join(REQUEST_KEYS)})")


def read_native_request(body: bytes, rule_ids: Collection[str] = ()) -> NativeRequest:
    """A /v1/check request; `rule_ids` are the rules the server knows."""
    return native_request_from(read_json_object(body), rule_ids)


def read_json_object(body: bytes) -> dict:
    data = parse_json(body, "the body")
    if not isinstance(data, dict):
        raise RequestError(400, "the body must be a JSON object, e.g. {\"text\": \"...\", \"format\": \"markdown\"}")
    return data


def native_request_from(data: dict, rule_ids: Collection[str] = (), extra_keys: tuple[str, ...] = ()) -> NativeRequest:
    """A check request from a parsed body: the keys of /v1/check, and `extra_keys` the caller has
    taken out already (an endpoint's own, such as the page's)."""
    for key in data:
        if kebab_case(str(key)) not in REQUEST_KEYS + extra_keys:
            raise _refuse_key(str(key))
    data = {key: value for key, value in data.items() if kebab_case(str(key)) not in extra_keys}
    text, fmt, path = data.pop("text", None), data.pop("format", None), data.pop("path", None)
    if not isinstance(text, str):
        raise RequestError(400, "'text' is required: the article to check, as a string")
    check_unicode(text, "'text'")
    if fmt is not None and fmt not in FORMATS:
        raise RequestError(400, f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if path is not None and (not isinstance(path, str) or not path.strip()):
        raise RequestError(400, "'path' must be a non-empty string")
    if path is not None:
        check_unicode(path, "'path'")
    try:
        settings, _ = editor_settings(data, "request")
    except SettingsError as exc:
        raise RequestError(400, str(exc)) from None
    overrides = settings.overrides
    if rule_ids:
        for key in _RULE_KEYS:
            check_rule_names(key, getattr(overrides, key.replace("-", "_")) or (), rule_ids)
    return NativeRequest(path or STDIN, text, fmt, overrides)
