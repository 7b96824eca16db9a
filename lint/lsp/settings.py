"""Settings an editor sends (initializationOptions, workspace/didChangeConfiguration).

They override the configuration file's settings the way command-line options do: `select`
replaces the file's selection, `extend-select` and `ignore` add to it, options such as
`locale` replace the file's.  Keys may be kebab-case as in newslint.toml or camelCase as
editors write them; a `newslint` section is unwrapped.  Values are validated by the same
checks as the configuration file, so a typo is reported and never silently ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..config import ConfigError, option_check, option_keys, settings_from_table
from ..runner import CliSettings
from ..validators import check_http_url

DEFAULT_DEBOUNCE_MS = 200
MAX_DEBOUNCE_MS = 10_000
# The URL of a rule's documentation in diagnostics; `newslint rules RULE` prints that page.
DEFAULT_DOCS_URL = "newslint-rule:{rule}"
_RULE_KEYS = ("select", "extend-select", "ignore")


class SettingsError(Exception):
    """Editor settings that cannot be used; str(exc) names the key."""


@dataclass(frozen=True)
class EditorSettings:
    overrides: CliSettings = field(default_factory=CliSettings)
    config: Path | None = None  # a configuration file to use instead of searching for one
    debounce: float = DEFAULT_DEBOUNCE_MS / 1000  # seconds between the last edit and a check
    docs_url: str = DEFAULT_DOCS_URL  # "{rule}" stands for the rule id


def kebab_case(key: str) -> str:
    """'extendSelect' and 'extend_select' -> 'extend-select'."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", key).replace("_", "-").lower()


def editor_settings(raw: Any, where: str, base: Path | None = None) -> tuple[EditorSettings, tuple[str, ...]]:
    """Settings from an editor's JSON object, and the keys newslint does not know.

    `where` names the source in messages; a relative `config` path is taken from `base`.
    A key whose value is null is left unset (editors send null for settings nobody set).
    """
    if raw is None:
        return EditorSettings(), ()
    if not isinstance(raw, Mapping):
        raise SettingsError(f"{where}: settings must be an object, e.g. {{\"select\": [\"chrome\"], \"locale\": \"en-GB\"}}")
    if isinstance(raw.get("newslint"), Mapping):
        raw = raw["newslint"]
    table: dict[str, Any] = {}
    unknown: list[str] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = kebab_case(str(key))
        if value is None:
            continue
        if name in _RULE_KEYS or option_check(name) is not None:
            table[name] = value
        elif name == "config":
            if not isinstance(value, str) or not value.strip():
                raise SettingsError(f"{where}: key '{key}' must be the path of a configuration file")
            path = Path(value).expanduser()
            values["config"] = path if path.is_absolute() or base is None else base / path
        elif name == "debounce-ms":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DEBOUNCE_MS:
                raise SettingsError(f"{where}: key '{key}' must be a whole number of milliseconds from 0 to {MAX_DEBOUNCE_MS}")
            values["debounce"] = value / 1000
        elif name == "serve-url":
            try:
                values["serve_url"] = check_http_url(value).rstrip("/")
            except TypeError as exc:
                raise SettingsError(f"{where}: key '{key}' {exc}") from None
        elif name == "docs-url":
            if not isinstance(value, str) or "{rule}" not in value:
                raise SettingsError(f"{where}: key '{key}' must be a URL template with {{rule}}, e.g. 'https://example.org/rules/{{rule}}'")
            values["docs_url"] = value
        else:
            unknown.append(str(key))
    serve_url = values.pop("serve_url", None)
    if serve_url and "docs_url" not in values:
        values["docs_url"] = f"{serve_url}/rules/{{rule}}"  # `newslint serve` answers /rules/<id>
    try:
        parsed = settings_from_table(table, Path(where))
    except ConfigError as exc:
        raise SettingsError(str(exc)) from None
    overrides = CliSettings(select=parsed.select, extend_select=parsed.extend_select, ignore=parsed.ignore, options=dict(parsed.options))
    return EditorSettings(overrides=overrides, **values), tuple(unknown)


def known_keys() -> tuple[str, ...]:
    return (*_RULE_KEYS, *option_keys(), "config", "debounce-ms", "docs-url", "serve-url")
