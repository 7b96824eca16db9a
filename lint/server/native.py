"""newslint's own JSON API: POST /v1/check with a JSON body, answered in `newslint check --format json`'s shape.

    {"text": "...", "format": "markdown", "path": "desk/story.md", "select": ["chrome"], "locale": "en-GB"}

Only `text` is required.  `path` names the article (its suffix gives the format when
`format` is absent, and the nearest configuration file above it on the server applies);
`select`, `extend-select`, `ignore` and the options of newslint.toml (`locale`, ...) work as
in the editor settings.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..config import OPTION_CHECKS
from ..lsp.settings import SettingsError, editor_settings, kebab_case
from ..runner import STDIN, CliSettings
from .errors import RequestError

FORMATS = ("text", "markdown", "html")
_RULE_KEYS = {"select", "extend-select", "ignore"}


@dataclass(frozen=True)
class NativeRequest:
    path: str
    text: str
    fmt: str | None  # None: from the path's suffix
    overrides: CliSettings


def read_native_request(body: bytes) -> NativeRequest:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestError(400, f"the body must be a JSON object in UTF-8: {exc}") from None
    if not isinstance(data, dict):
        raise RequestError(400, "the body must be a JSON object, e.g. {\"text\": \"...\", \"format\": \"markdown\"}")
    text, fmt, path = data.pop("text", None), data.pop("format", None), data.pop("path", None)
    if not isinstance(text, str):
        raise RequestError(400, "'text' is required: the article to check, as a string")
    if fmt is not None and fmt not in FORMATS:
        raise RequestError(400, f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if path is not None and (not isinstance(path, str) or not path.strip()):
        raise RequestError(400, "'path' must be a non-empty string")
    unknown = [key for key in data if kebab_case(key) not in _RULE_KEYS and kebab_case(key) not in OPTION_CHECKS]
    if unknown:
        known = ", ".join(["text", "format", "path", *sorted(_RULE_KEYS), *OPTION_CHECKS])
        raise RequestError(400, f"unknown key{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))} (known: {known})")
    try:
        settings, _ = editor_settings(data, "request")
    except SettingsError as exc:
        raise RequestError(400, str(exc)) from None
    return NativeRequest(path or STDIN, text, fmt, settings.overrides)

