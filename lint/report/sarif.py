"""SARIF 2.1.0, for code-scanning services (GitHub's upload-sarif and others).

The rules' documentation (summary, description, examples) goes into tool.driver.rules, from
the rules the caller passes in; each result carries the finding's fingerprint in
partialFingerprints so that a service tracks it while the file around it changes.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence, TextIO
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Severity
from ..fingerprint import FINGERPRINT_KEY, fingerprints

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _examples(title: str, examples: Sequence[str]) -> tuple[list[str], list[str]]:
    text = [f"{title}:"] + [f"    {line}" for example in examples for line in example.strip().splitlines()]
    markdown = [f"**{title}:**", ""] + [f"```text\n{example.strip()}\n```" for example in examples]
    return text, markdown


def rule_descriptor(rule: Any) -> dict[str, Any]:
    """A reportingDescriptor from a Rule (anything with its fields: id, summary, description, ...)."""
    summary = getattr(rule, "summary", "") or rule.id
    description = getattr(rule, "description", "")
    text = [summary] + (["", description] if description else [])
    markdown = list(text)
    for title, examples in (("Fires on", getattr(rule, "fire", ())), ("Stays quiet on", getattr(rule, "quiet", ()))):
        if examples:
            more_text, more_markdown = _examples(title, examples)
            text += [""] + more_text
            markdown += [""] + more_markdown
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.replace("/", "-").split("-")),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": description or summary},
        "help": {"text": "\n".join(text), "markdown": "\n".join(markdown)},
        "properties": {"tags": [rule.id.split("/", 1)[0]]},
    }
    severity = getattr(rule, "severity", None)
    if severity is not None:
        descriptor["defaultConfiguration"] = {"level": _LEVELS[severity], "enabled": bool(getattr(rule, "enabled", True))}
    return descriptor


def artifact_location(path: str) -> dict[str, Any]:
    """A relative path stays relative to the source root (what code scanning expects)."""
    posix = Path(path).as_posix()
    if Path(path).is_absolute():
        try:
            posix = Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return {"uri": Path(path).resolve().as_uri()}
    while posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix), "uriBaseId": SOURCE_ROOT}


def _region(start: Any, end: Any) -> dict[str, int]:
    # Columns are Unicode code points (run.columnKind); endColumn is one past the span, as SARIF asks.
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def _result(finding: Finding, fingerprint: str, rule_index: int, location: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(finding.start, finding.end)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.fix is not None and not finding.fix.safe:
        # A code-scanning service may offer `fixes` as one-click changes: only safe ones go there.
        item["properties"] = {"fixApplicability": "unsafe"}
    elif finding.fix is not None:
        replacement = finding.fix.replacement
        item["fixes"] = [{
            "description": {"text": f"Replace with {replacement!r}" if replacement else "Delete"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": _region(finding.fix.start, finding.fix.end), "insertedContent": {"text": replacement}}],
            }],
        }]
    return item


def _notification(error: Any) -> dict[str, Any]:
    """A file that could not be checked."""
    item: dict[str, Any] = {"level": "error", "message": {"text": f"{error.path}: {error.reason}"}}
    if error.path != "-":
        item["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location(error.path)}}]
    return item


def document(results: Sequence, rules: Sequence = ()) -> dict[str, Any]:
    descriptors = [rule_descriptor(rule) for rule in rules]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    sarif_results = []
    for result in results:
        if not result.findings:
            continue
        location = artifact_location(result.path)  # once per file: resolving a path costs system calls
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings, result.source)):
            if finding.rule not in index:
                # A rule the caller did not describe still gets a descriptor, so ruleIndex holds.
                index[finding.rule] = len(descriptors)
                descriptors.append({"id": finding.rule, "shortDescription": {"text": finding.rule}})
            sarif_results.append(_result(finding, fingerprint, index[finding.rule], location))
    notifications = [_notification(r.error) for r in results if r.error is not None]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }},
            "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path(os.getcwd()).resolve().as_uri() + "/"}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def write(results: Sequence, out: TextIO, color: bool = False, rules: Sequence = ()) -> None:
    # Written in 64 KB pieces: json.dump's many tiny writes to standard output cost more than the
    # encoding, and one string of a large run's output costs memory.
    pending: list[str] = []
    size = 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(document(results, rules)):
        pending.append(chunk)
        size += len(chunk)
        if size >= 65536:
            out.write("".join(pending))
            pending.clear()
            size = 0
    out.write("".join(pending) + "\n")
