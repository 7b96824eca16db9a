"""Baselines: record today's findings once, then report only the new ones.

For plain-text archives that cannot carry suppression comments, and for legacy articles a
newsroom does not mean to re-edit.  A finding is known by its path (relative to the baseline
file's folder, so the file can be committed and used from any working directory) and its
fingerprint (lint/fingerprint.py), which survives lines added or removed above it.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from . import __version__
from .fingerprint import FINGERPRINT_KEY, fingerprints

BASELINE_VERSION = 1
STDIN = "-"


class BaselineError(Exception):
    """The baseline file cannot be read or written; str(exc) says why."""


@dataclass(frozen=True)
class Baseline:
    folder: Path
    known: frozenset[tuple[str, str]]  # (relative path, fingerprint)

    def new_findings(self, result):
        """`result` (a FileResult) with only the findings the baseline does not know."""
        if not result.findings:
            return result
        path = baseline_path(result.path, self.folder)
        prints = fingerprints(result.findings, result.source)
        fresh = [f for f, p in zip(result.findings, prints) if (path, p) not in self.known]
        return replace(result, findings=fresh)


def baseline_path(shown: str, folder: Path) -> str:
    if shown == STDIN:
        return STDIN
    return Path(os.path.relpath(Path(shown).resolve(), folder)).as_posix()


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not a newslint baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a newslint baseline of version {BASELINE_VERSION} (write a new one with --write-baseline)")
    if data.get("fingerprint") != FINGERPRINT_KEY:
        raise BaselineError(f"{path}: written with another fingerprint recipe ({data.get('fingerprint')!r}); write it again with --write-baseline")
    known = set()
    for item in data["findings"]:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not isinstance(item.get("fingerprint"), str):
            raise BaselineError(f"{path}: every finding needs a 'path' and a 'fingerprint'")
        known.add((item["path"], item["fingerprint"]))
    return Baseline(path.resolve().parent, frozenset(known))


def write_baseline(path: Path, results: Sequence) -> int:
    """Record every finding of `results` in `path`; returns how many were written."""
    folder = path.resolve().parent
    entries = []
    for result in results:
        if not result.findings:
            continue
        shown = baseline_path(result.path, folder)
        for finding, print_ in zip(result.findings, fingerprints(result.findings, result.source)):
            # rule, line and message are for the people reading the file's diff; only path and
            # fingerprint are compared.
            entries.append({"path": shown, "fingerprint": print_, "rule": finding.rule, "line": finding.start.line, "message": finding.message})
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    data = {"version": BASELINE_VERSION, "tool": {"name": "newslint", "version": __version__}, "fingerprint": FINGERPRINT_KEY, "findings": entries}
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return len(entries)
