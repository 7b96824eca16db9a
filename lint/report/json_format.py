"""JSON output, versioned: additions keep every old field as it is."""
from __future__ import annotations

import json
from typing import Any, Iterator, Sequence, TextIO

from .. import __version__
from ..findings import Finding

JSON_VERSION = 1
_CHUNK = 500  # findings encoded per write: few writes, and no whole-run copy of the output in memory


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
            "applicability": "safe" if finding.fix.safe else "unsafe",  # --fix applies only the safe ones
        }
    return item


def _errors(results: Sequence) -> list[dict[str, str]]:
    return [{"path": r.error.path, "message": r.error.reason} for r in results if r.error]


def _tool() -> dict[str, str]:
    return {"name": "newslint", "version": __version__}


def document(results: Sequence) -> dict[str, Any]:
    """The whole output as one value (for callers that embed it, such as the HTTP API)."""
    return {
        "version": JSON_VERSION,
        "tool": _tool(),
        "findings": [finding_dict(f) for result in results for f in result.findings],
        "errors": _errors(results),
    }


def _encoded_findings(results: Sequence) -> Iterator[str]:
    for result in results:
        for finding in result.findings:
            yield json.dumps(finding_dict(finding), ensure_ascii=False)


def write(results: Sequence, out: TextIO, color: bool = False) -> None:
    """The same value as document(), streamed a chunk of findings at a time, one per line."""
    dumps = json.dumps
    out.write(f'{{"version": {JSON_VERSION}, "tool": {dumps(_tool())},\n "findings": [')
    chunk: list[str] = []
    separator = "\n  "
    for encoded in _encoded_findings(results):
        chunk.append(encoded)
        if len(chunk) == _CHUNK:
            out.write(separator + ",\n  ".join(chunk))
            separator, chunk = ",\n  ", []
    if chunk:
        out.write(separator + ",\n  ".join(chunk))
    out.write(f'\n ],\n "errors": {dumps(_errors(results), ensure_ascii=False)}}}\n')
