"""Human output: the finding's line, then its source line with the span underlined (as ruff and
rustc do), then a summary.  Colour only when asked for (the command line asks on a terminal)."""
from __future__ import annotations

from collections import Counter
from typing import Sequence, TextIO

from ..document import SourceLines
from ..findings import Finding, Severity
from .concise import headline

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_WINDOW = 100  # characters of a long source line shown around the span


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def snippet(lines: SourceLines, finding: Finding, color: bool) -> list[str]:
    """The source line with carets under the span (only its first line, for multi-line spans)."""
    number = finding.start.line
    line = lines.line_text(number).replace("\t", " ")
    start = finding.start.column - 1
    end = finding.end.column - 1 if finding.end.line == number else len(line)
    end = max(end, start + 1)
    if len(line) > _WINDOW:
        # Show a window around the span, marked with ellipses where cut.
        left = max(0, min(start - 20, len(line) - _WINDOW))
        cut = line[left:left + _WINDOW]
        prefix = "…" if left else ""
        suffix = "…" if left + _WINDOW < len(line) else ""
        line = prefix + cut + suffix
        start, end = start - left + len(prefix), min(end - left, _WINDOW) + len(prefix)
    gutter = " " * len(str(number))
    carets = _paint("^" * max(1, end - start), _COLORS[finding.severity], color)
    return [f"{gutter} |", f"{number} | {line}", f"{gutter} | {' ' * start}{carets}"]


def summary(results: Sequence, findings: list[Finding]) -> str:
    files = sum(1 for r in results if r.error is None)
    failed = len(results) - files
    if not files:
        return "No file was checked."  # never "no problems": a mistyped path must not look clean
    if not findings:
        unchecked = f"; {failed} could not be checked" if failed else ""
        return f"No problems found in {files} file{'s' * (files != 1)}{unchecked}."
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1)}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    with_findings = sum(1 for r in results if r.findings)
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    text = f"Found {len(findings)} problem{'s' * (len(findings) != 1)} ({', '.join(parts)}) in {with_findings} of {files} file{'s' * (files != 1)}."
    if safe or unsafe:
        text += f" {safe} fixable with --fix" + (f" ({unsafe} more with --unsafe-fixes)." if unsafe else ".")
    return text


def write(results: Sequence, out: TextIO, color: bool = False) -> None:
    all_findings: list[Finding] = []
    for result in results:
        if not result.findings:
            continue
        lines = SourceLines(result.source)
        for finding in result.findings:
            head = headline(finding)
            out.write((_paint(head, "1", color) if color else head) + "\n")
            out.write("\n".join(snippet(lines, finding, color)) + "\n\n")
        all_findings.extend(result.findings)
    out.write(summary(results, all_findings) + "\n")
