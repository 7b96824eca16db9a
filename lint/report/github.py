"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.

`::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message`, escaped as the
Actions toolkit does: `%`, CR and LF in the message; also `:` and `,` in property values.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence, TextIO

from ..findings import Finding, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    posix = Path(path).as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


def annotation(finding: Finding) -> str:
    properties = [("file", _path(finding.path)), ("line", str(finding.start.line))]
    # GitHub takes columns only for a span on one line.
    if finding.end.line == finding.start.line:
        properties += [("col", str(finding.start.column)), ("endLine", str(finding.end.line)), ("endColumn", str(finding.end.column))]
    else:
        properties += [("endLine", str(finding.end.line))]
    properties.append(("title", finding.rule))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMANDS[finding.severity]} {props}::{escape_data(finding.message)}"


def write(results: Sequence, out: TextIO, color: bool = False) -> None:
    for result in results:
        if result.error is not None:
            where = f"file={escape_property(_path(result.error.path))}," if result.error.path != "-" else ""
            out.write(f"::error {where}title=newslint::{escape_data(result.error.reason)}\n")
        for finding in result.findings:
            out.write(annotation(finding) + "\n")
