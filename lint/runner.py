"""From paths to results: collect files, read them, find their settings, lint them.

The command line, the language server and the HTTP server all go through `check_text` or
`check_paths`; a file that cannot be read yields an InputError and never stops the others.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

from .config import ConfigError, Settings, find_config
from .engine import Linter, RulesOverBudget
from .findings import Finding, InputError, Severity
from .formats import read_document, sniff_format
from .memo import Kept
from .rules import PackError, load_rules
from .sources import UnreadableInput, decode, read_source

STDIN = "-"


@dataclass(frozen=True)
class CliSettings:
    """What the command line sets; each field left None keeps the configuration's value."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    options: dict = field(default_factory=dict)
    config: Path | None = None  # an explicit configuration file
    source: Path | None = None  # --source: the text the checked file was translated from

    def apply(self, settings: Settings) -> Settings:
        return replace(
            settings,
            select=self.select if self.select is not None else settings.select,
            extend_select=settings.extend_select + self.extend_select,
            ignore=settings.ignore + self.ignore,
            fail_on=self.fail_on or settings.fail_on,
            options={**settings.options, **self.options},
        )


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None
    source: str = ""
    fail_on: Severity = Severity.WARNING
    bom: bool = False
    stamp: tuple[int, int] | None = None  # (mtime_ns, size) of the file before it was read, for --fix

    @property
    def failed(self) -> bool:
        return any(f.severity >= self.fail_on for f in self.findings)


class Session:
    """One run: caches rule packs and linters by the packs each configuration names."""

    def __init__(self, cli: CliSettings | None = None, *, keep_results: bool = False):
        self.cli = cli or CliSettings()
        # An editor's session checks the same article over and over: it keeps what each check
        # worked out of a paragraph or a line for the next (a batch run keeps nothing).
        self.kept = Kept() if keep_results else None
        self._linters: dict[tuple[Path, ...], Linter] = {}
        self._by_folder: dict[Path, Settings] = {}  # a folder's settings before per-file overrides
        self._explicit: Settings | None = None
        self._validated: set[tuple[str | None, tuple[Path, ...]]] = set()
        self.warnings: list[str] = []  # one-line notices for standard error (a pack that adds nothing)
        if self.cli.config is not None:
            from .config import load_config_file

            self._explicit = load_config_file(self.cli.config) or Settings()

    def settings_for(self, path: Path | None) -> Settings:
        folder = path.parent if path is not None else Path.cwd()
        settings = self._by_folder.get(folder)
        if settings is None:
            base = self._explicit if self._explicit is not None else find_config(folder.resolve())
            self._validate_selection(base)
            settings = self._by_folder[folder] = self.cli.apply(base)
        return settings.for_file(path) if path is not None else settings

    def _validate_selection(self, base: Settings) -> None:
        """Every rule name of the configuration and the command line must match a loaded rule
        (ConfigError naming the key and the file otherwise); warn about a pack that adds no rule."""
        key = (base.source, base.packs)
        if key in self._validated:
            return
        prefix = "tool.newslint." if base.source and base.source.endswith("pyproject.toml") else ""
        checks: list[tuple[str, str, tuple[str, ...]]] = [
            (f"--{name}", "the command line", values)
            for name, values in (("select", self.cli.select or ()), ("extend-select", self.cli.extend_select), ("ignore", self.cli.ignore))
        ]
        where = base.source or "the configuration"
        checks += [
            (f"{prefix}select", where, base.select or ()),
            (f"{prefix}extend-select", where, base.extend_select),
            (f"{prefix}ignore", where, base.ignore),
            (f"{prefix}severity", where, tuple(base.severity)),
        ]
        for index, override in enumerate(base.overrides):
            name = f"{prefix}overrides[{index}]"
            checks += [(f"{name}.select", where, override.select or ()), (f"{name}.ignore", where, override.ignore),
                       (f"{name}.severity", where, tuple(override.severity))]
        if not base.packs and not any(patterns for _, _, patterns in checks):
            self._validated.add(key)  # nothing named: nothing to match (and no module to import for it)
            return
        from .engine import select_rules
        from .selection import unknown_selection
        from .suppressions import UNUSED_SUPPRESSION_RULE

        rules = (*self.linter(base).rules, UNUSED_SUPPRESSION_RULE)
        ids = [rule.id for rule in rules]
        for key_name, place, patterns in checks:
            problem = unknown_selection(patterns, ids)
            if problem is not None:
                raise ConfigError(f"{place}: key '{key_name}': {problem}")
        chosen = {rule.id for rule in select_rules(rules, self.cli.apply(base))}
        for pack in base.packs:
            if not any(rule.pack == str(pack) and rule.id in chosen for rule in rules):
                self.warnings.append(f"{where}: pack {pack.name!r} contributes no enabled rule (its rules are not selected)")
        self._validated.add(key)

    def forget_settings(self) -> None:
        """Read configuration files afresh from now on (an editor's user may have changed one)."""
        self._by_folder.clear()
        find_config.cache_clear()

    def rules_for(self, paths: Iterable[Path | None]) -> tuple:
        """Every rule the linters of these files know (engine-reported ones included), for reporters."""
        from .suppressions import UNUSED_SUPPRESSION_RULE

        by_id = {}
        for path in paths:
            try:
                rules = self.linter(self.settings_for(path)).rules
            except (ConfigError, PackError):
                continue  # that file's result already carries the error
            for rule in rules:
                by_id.setdefault(rule.id, rule)
        by_id.setdefault(UNUSED_SUPPRESSION_RULE.id, UNUSED_SUPPRESSION_RULE)
        return tuple(by_id.values())

    def linter(self, settings: Settings) -> Linter:
        linter = self._linters.get(settings.packs)
        if linter is None:
            linter = self._linters[settings.packs] = Linter(load_rules(settings.packs))
        return linter

    def check_text(
        self, path: str, text: str, *, fmt: str | None = None, bom: bool = False, settings: Settings | None = None,
        source: Path | None = None,
    ) -> FileResult:
        """Check `text`; with `source`, beside the file it was translated from (the bilingual rules)."""
        if settings is None:
            settings = self.settings_for(Path(path) if path != STDIN else None)
        if fmt is None and path == STDIN:
            fmt = sniff_format(text)  # with no name to go by, the text's own marks say its format
        doc = read_document(path, text, fmt, bom=bom)
        if source is not None and doc.translation is None:
            doc.translation = read_translation_source(source, settings.max_file_size)
        try:
            findings = self.linter(settings).check(doc, settings, self.kept)
        except RulesOverBudget as exc:
            # The other rules' findings are reported, and the file counts as not fully checked.
            return FileResult(path, exc.findings, error=InputError(path, str(exc)), source=text, fail_on=settings.fail_on, bom=bom)
        return FileResult(path, findings, source=text, fail_on=settings.fail_on, bom=bom)

    def check_file(self, path: Path, *, shown: str | None = None) -> FileResult:
        shown = shown or str(path)
        try:
            _refuse_broken_link(path)
            settings = self.settings_for(path)
            stamp = file_stamp(path)
            source = read_source(path, max_bytes=settings.max_file_size)
            original = self.cli.source or settings.translation_source(path)
            return replace(self.check_text(shown, source.text, bom=source.bom, settings=settings, source=original), stamp=stamp)
        except UnreadableInput as exc:
            return FileResult(shown, error=InputError(shown, str(exc)))
        except (ConfigError, PackError) as exc:
            # The message names the configuration file or pack and the key at fault.
            return FileResult(shown, error=InputError(shown, f"not checked: {exc}"))
        except Exception as exc:  # a bug must not stop the other files from being checked
            return FileResult(shown, error=InputError(shown, _internal_error(exc)))

    def check_stdin(self, data: bytes, filename: str | None) -> FileResult:
        shown = filename or STDIN
        try:
            source = decode(shown, data)
            return self.check_text(shown, source.text, bom=source.bom, source=self.cli.source)
        except UnreadableInput as exc:
            return FileResult(shown, error=InputError(shown, str(exc)))
        except (ConfigError, PackError) as exc:
            return FileResult(shown, error=InputError(shown, f"not checked: {exc}"))
        except Exception as exc:
            return FileResult(shown, error=InputError(shown, _internal_error(exc)))

    def collect(self, paths: Iterable[str], *, force_exclude: bool = False) -> Iterator[tuple[Path | None, str, InputError | None]]:
        """Files to check, in a stable order: (path, shown name, error for a missing path).

        With force_exclude, `exclude` applies to files named on the command line too (for
        pre-commit, which names every staged file).
        """
        for raw in paths:
            if raw == STDIN:
                yield None, STDIN, None
                continue
            path = Path(raw)
            if path.is_dir():
                yield from ((p, str(p), None) for p in self._walk(path))
            elif path.exists() or os.path.lexists(path):  # a dangling or looping link: reading it says so
                # A file named on the command line is checked whatever its suffix.
                if not (force_exclude and self._excluded(path)):
                    yield path, raw, None
            else:
                yield None, raw, InputError(raw, "no such file or directory")

    def _excluded(self, path: Path) -> bool:
        try:
            return self.settings_for(path).is_excluded(path)
        except ConfigError:
            return False  # checking it reports the configuration error

    def _walk(self, folder: Path) -> Iterator[Path]:
        for root, dirs, files in os.walk(folder):
            root_path = Path(root)
            try:
                settings = self.settings_for(root_path / "_")
            except (ConfigError, PackError):
                # Walk on with the defaults: checking each file reports the broken configuration
                # in its one line, and the other folders are still checked.
                settings = Settings()
            dirs[:] = sorted(d for d in dirs if not settings.is_excluded(root_path / d))
            for name in sorted(files):
                candidate = root_path / name
                try:
                    wanted = settings.is_included(candidate) and not settings.is_excluded(candidate)
                except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before 3.13)
                    wanted = True  # checking it reports the loop, in one line
                if wanted:
                    yield candidate


def read_translation_source(path: Path, max_bytes: int):
    """The source a target translates, read by newslint's own readers; an unreadable one is an
    input error of the target that names the source."""
    from .bilingual.source import source_from_document

    try:
        text = read_source(path, max_bytes=max_bytes)
    except UnreadableInput as exc:
        raise UnreadableInput(f"its source {path}: {exc}") from None
    return source_from_document(read_document(str(path), text.text))


def _refuse_broken_link(path: Path) -> None:
    """A symbolic link loop or a dangling link is an input error, not a traceback."""
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableInput("dangling symbolic link") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableInput("symbolic link loop") from None


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(mtime_ns, size): enough to tell that a file changed on disk between reading and writing it."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _internal_error(exc: Exception) -> str:
    return f"internal error while checking ({type(exc).__name__}: {exc}); please report this as a bug"
