"""JSON output, versioned: additions keep every old field as it is."""
from __future__ import annotations

import json
from typing import Any, Sequence, TextIO

from .. import __version__
from ..findings import Finding

JSON_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": finding.path,
        "line": finding.start.line,
        "column": finding.start.column,
        "end_line": finding.end.line,
        "end_column": finding.end.column,
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
    }
    if finding.fix is not None:
        item["fix"] = {
            "replacement": finding.fix.replacement,
            "line": finding.fix.start.line,
            "column": finding.fix.start.column,
            "end_line": finding.fix.end.line,
            "end_column": finding.fix.end.column,
        }
    return item


def document(results: Sequence) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "tool": {"name": "newslint", "version": __version__},
        "findings": [finding_dict(f) for result in results for f in result.findings],
        "errors": [{"path": r.error.path, "message": r.error.reason} for r in results if r.error],
    }


def write(results: Sequence, out: TextIO, color: bool = False) -> None:
    # One write: json.dump's many small writes cost more than the encoding itself.
    out.write(json.dumps(document(results), ensure_ascii=False, indent=2) + "\n")
