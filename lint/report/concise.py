"""One line per finding: `path:line:col: severity rule message`, for grep and editors' quickfix lists."""
from __future__ import annotations

from typing import Sequence, TextIO

from ..findings import Finding


def headline(finding: Finding) -> str:
    return f"{finding.path}:{finding.start.line}:{finding.start.column}: {finding.severity} {finding.rule} {finding.message}"


def write(results: Sequence, out: TextIO, color: bool = False) -> None:
    for result in results:
        for finding in result.findings:
            out.write(headline(finding) + "\n")
