"""Finding and validating configuration: `[tool.newslint]` in pyproject.toml, or newslint.toml.

The nearest configuration file above each checked file applies to it (newslint.toml wins over
pyproject.toml in the same folder).  Every problem is reported as a ConfigError naming the file
and the key, so that a typo never silently changes what is checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

from .findings import Severity
from .validators import check_locale, check_positive_int, check_str, check_str_list
from .sources import DEFAULT_MAX_BYTES

CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.xlf", "*.xliff", "*.tmx")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox")


class ConfigError(Exception):
    """Configuration that cannot be used; str(exc) names the file and the key."""


# Options every rule may read, whatever its kind; the options of particular kinds are declared by
# the kinds themselves (Kind.options).
GENERAL_OPTIONS: dict[str, Callable[[Any], Any]] = {
    "locale": check_locale,
    "allow-words": check_str_list,
}


def option_check(key: str) -> Callable[[Any], Any] | None:
    """The validator of an option key: a general one or one a kind declares; None if nobody reads it."""
    if key in GENERAL_OPTIONS:
        return GENERAL_OPTIONS[key]
    from .kinds import declared_options

    return declared_options().get(key)


def option_keys() -> list[str]:
    from .kinds import declared_options

    return sorted({*GENERAL_OPTIONS, *declared_options()})


def _rule_patterns(value: Any) -> tuple[str, ...]:
    patterns = check_str_list(value)
    for pattern in patterns:
        if not re.fullmatch(r"[a-z]+(?:/[a-z0-9-]+)?|ALL", pattern):
            raise TypeError(f"{pattern!r} is not a rule id or family (e.g. 'chrome' or 'names/variant')")
    return patterns


def _severity_table(value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise TypeError("must be a table of rule = severity")
    table = {}
    for rule, name in value.items():
        _rule_patterns([rule])
        try:
            table[rule] = Severity.parse(str(name))
        except ValueError as exc:
            raise TypeError(f"{rule}: {exc}") from None
    return table


def _fail_on(value: Any) -> Severity:
    try:
        return Severity.parse(check_str(value))
    except ValueError as exc:
        raise TypeError(str(exc)) from None


@dataclass(frozen=True)
class Override:
    """Settings for the files that match `files` (globs relative to the config file's folder)."""

    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # None: every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    packs: tuple[Path, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    fail_on: Severity = Severity.WARNING
    max_file_size: int = DEFAULT_MAX_BYTES
    options: Mapping[str, Any] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    root: Path | None = None  # folder of the configuration file
    source: str | None = None  # the configuration file, for messages
    translation: tuple[tuple[str, str], ...] = ()  # [translation]: target pattern -> source pattern

    def translation_source(self, path: Path) -> Path | None:
        """The file `path` was translated from, by the [translation] patterns; None if none says."""
        if not self.translation:
            return None
        from .translation_map import source_for

        found = source_for(self.translation, _relative_posix(path, self.root))
        if found is None:
            return None
        return (self.root / found) if self.root is not None else Path(found)

    def for_file(self, path: Path) -> "Settings":
        """These settings with the overrides that match `path` applied."""
        if not self.overrides:
            return self
        relative = _relative_posix(path, self.root)
        settings = self
        for override in self.overrides:
            if globs_match(override.files, relative):
                settings = replace(
                    settings,
                    select=override.select if override.select is not None else settings.select,
                    ignore=settings.ignore + override.ignore,
                    severity={**settings.severity, **override.severity},
                    options={**settings.options, **override.options},
                )
        return replace(settings, overrides=())

    def is_excluded(self, path: Path) -> bool:
        relative = _relative_posix(path, self.root)
        return globs_match(self.exclude, relative)

    def is_included(self, path: Path) -> bool:
        return globs_match(self.include, path.name)


def _relative_posix(path: Path, root: Path | None) -> str:
    resolved = path.resolve()
    if root is not None:
        try:
            return resolved.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


@lru_cache(maxsize=256)
def _path_spec(patterns: tuple[str, ...]):
    """Patterns as git reads .gitignore (pathspec's gitwildmatch): a pattern without '/' matches a
    name at any depth, '**' spans folders, '[...]' classes, and '!pattern' takes a path back out;
    a match on a folder covers everything below it."""
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def globs_match(patterns: tuple[str, ...], relative_path: str) -> bool:
    """Whether the last of `patterns` that speaks of the path includes it (git's precedence)."""
    return bool(patterns) and _path_spec(tuple(patterns)).match_file(relative_path)


def _translation_table(value: Any) -> tuple[tuple[str, str], ...]:
    from .translation_map import check_translation_table

    return check_translation_table(value)


# key -> (Settings field, validator); keys are kebab-case as in ruff.
_TOP_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "select": ("select", _rule_patterns),
    "extend-select": ("extend_select", _rule_patterns),
    "ignore": ("ignore", _rule_patterns),
    "severity": ("severity", _severity_table),
    "include": ("include", check_str_list),
    "exclude": ("exclude", check_str_list),
    "extend-exclude": ("extend_exclude", check_str_list),
    "packs": ("packs", check_str_list),
    "fail-on": ("fail_on", _fail_on),
    "max-file-size": ("max_file_size", check_positive_int),
    "translation": ("translation", _translation_table),
}
_OVERRIDE_KEYS: dict[str, Callable[[Any], Any]] = {
    "files": check_str_list,
    "select": _rule_patterns,
    "ignore": _rule_patterns,
    "severity": _severity_table,
}


def _validate(where: str, key: str, check: Callable[[Any], Any], value: Any) -> Any:
    try:
        return check(value)
    except TypeError as exc:
        raise ConfigError(f"{where}: key '{key}' {exc}") from None


def settings_from_table(table: Mapping[str, Any], path: Path, prefix: str = "") -> Settings:
    """Validate a [tool.newslint] table read from `path`."""
    where = str(path)
    values: dict[str, Any] = {}
    options: dict[str, Any] = {}
    overrides: list[Override] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if key in _TOP_KEYS:
            field_name, check = _TOP_KEYS[key]
            values[field_name] = _validate(where, name, check, value)
        elif (check := option_check(key)) is not None:
            options[key] = _validate(where, name, check, value)
        elif key == "overrides":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise ConfigError(f"{where}: key '{name}' must be an array of tables ([[{prefix}overrides]])")
            overrides.extend(_override(where, f"{name}[{i}]", item) for i, item in enumerate(value))
        else:
            known = ", ".join(sorted([*_TOP_KEYS, *option_keys(), "overrides"]))
            raise ConfigError(f"{where}: unknown key '{name}' (known keys: {known})")
    root = path.resolve().parent
    packs = tuple((root / p).resolve() for p in values.pop("packs", ()))
    for pack in packs:
        if not pack.is_file():
            raise ConfigError(f"{where}: key '{prefix}packs': rule pack {pack.name!r} not found")
    extend_exclude = values.pop("extend_exclude", ())
    settings = Settings(**values, packs=packs, options=options, overrides=tuple(overrides), root=root, source=where)
    if extend_exclude:
        settings = replace(settings, exclude=settings.exclude + extend_exclude)
    return settings


def _override(where: str, name: str, table: Mapping[str, Any]) -> Override:
    values: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in table.items():
        if key in _OVERRIDE_KEYS:
            values[key] = _validate(where, f"{name}.{key}", _OVERRIDE_KEYS[key], value)
        elif (check := option_check(key)) is not None:
            options[key] = _validate(where, f"{name}.{key}", check, value)
        else:
            raise ConfigError(f"{where}: unknown key '{name}.{key}'")
    if "files" not in values:
        raise ConfigError(f"{where}: key '{name}' needs 'files', a list of globs")
    return Override(options=options, **values)


def load_config_file(path: Path) -> Settings | None:
    """Settings from one file; None for a pyproject.toml without [tool.newslint]."""
    from .pack_cache import load_toml  # parsed once, like the packs: tomllib is slow to import

    try:
        data = load_toml(path)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "newslint" not in tool:
            return None
        table = tool["newslint"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: key 'tool.newslint' must be a table")
        return settings_from_table(table, path, "tool.newslint.")
    return settings_from_table(data, path)


@lru_cache(maxsize=1024)
def find_config(folder: Path) -> Settings:
    """The settings of the nearest configuration file at or above `folder` (defaults if none)."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                settings = load_config_file(candidate)
                if settings is not None:
                    return settings
    return Settings()
