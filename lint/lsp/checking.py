"""Checking a text with an editor's or a request's settings over the configuration file's."""
from __future__ import annotations

from pathlib import Path

from ..formats import read_document
from ..runner import STDIN, CliSettings, FileResult, Session


def check_text(session: Session, overrides: CliSettings, path: str, text: str, fmt: str | None = None, *,
               settings_from: str | None = None) -> FileResult:
    """Session.check_text, with `overrides` applied last (they win over the configuration's).

    The configuration is the one that applies to `settings_from` (default: `path`); STDIN
    means the session's own (its --config, or the one found from the working directory).

    Configuration and rule-pack errors are raised (ConfigError, PackError) for the caller to
    report in its own way: a message in the editor, a 4xx/5xx answer over HTTP.
    """
    where = path if settings_from is None else settings_from
    settings = overrides.apply(session.settings_for(Path(where) if where != STDIN else None))
    doc = read_document(path, text, fmt)
    findings = session.linter(settings).check(doc, settings, session.kept)
    return FileResult(path, findings, source=text, fail_on=settings.fail_on)
