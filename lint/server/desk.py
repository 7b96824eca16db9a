"""The copy desk's page API: what the page at / needs beyond /v1/check's report.

    POST /v1/desk/check  {"text", "format"?, "path"?, "select"?, "ignore"?, "locale"?, ...}
    POST /v1/desk/fix    the same, with "accept": [fingerprint, ...] or "safe": true,
                         and "dismissed": [fingerprint, ...] (findings the editor rejected)

A check answers the findings with what the page marks them by: the offsets of the span and of
the fix in the text as the browser holds it (UTF-16 code units), the rule's family, and the
finding's fingerprint (lint/fingerprint.py, as in baselines), by which the page keeps rejected
findings dismissed and names the fixes to apply.  It also answers the format it read the text
as (by `path`'s suffix, else sniffed as standard input is) and the readability figures of
`newslint stats`.  A fix is applied on the server by the machinery of `--fix` (lint/fixes.py),
never re-done in the page; "safe": true is `--fix` itself, less the dismissed findings.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Collection

from ..fingerprint import fingerprints
from ..formats import format_for, sniff_format
from ..lsp.checking import check_text
from ..lsp.positions import Utf16Offsets
from ..report.json_format import finding_dict
from ..runner import STDIN, FileResult, Session
from .errors import RequestError
from .native import NativeRequest, native_request_from, read_json_object

DESK_KEYS = ("accept", "safe", "dismissed")
MAX_FINGERPRINTS = 10_000


def read_desk_request(body: bytes, rule_ids: Collection[str]) -> tuple[NativeRequest, dict[str, Any]]:
    """The check part of a desk request (as /v1/check reads it) and the desk's own keys, validated."""
    data = read_json_object(body)
    request = native_request_from(data, rule_ids, DESK_KEYS)
    extra: dict[str, Any] = {"accept": _fingerprint_list(data, "accept"), "dismissed": _fingerprint_list(data, "dismissed"),
                             "safe": data.get("safe", False)}
    if not isinstance(extra["safe"], bool):
        raise RequestError(400, "'safe' must be true or false")
    return request, extra


def _fingerprint_list(data: dict, key: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_FINGERPRINTS or not all(isinstance(v, str) and len(v) <= 64 for v in value):
        raise RequestError(400, f"'{key}' must be a list of finding fingerprints (strings, at most {MAX_FINGERPRINTS})")
    return frozenset(value)


def text_format(request: NativeRequest) -> str:
    """As the command line reads it: the named format, else the path's suffix, else sniffed."""
    if request.fmt:
        return request.fmt
    if request.path != STDIN:
        return format_for(request.path)
    return sniff_format(request.text)


def check(session: Session, request: NativeRequest, text: str | None = None) -> FileResult:
    return check_text(session, request.overrides, request.path, request.text if text is None else text,
                      text_format(request), settings_from=STDIN)


def answer(session: Session, request: NativeRequest, result: FileResult) -> dict[str, Any]:
    """The page's view of one check: findings with offsets, fingerprints and families; counts; figures."""
    utf16 = Utf16Offsets(result.source)
    findings = []
    counts: dict[str, int] = {}
    for finding, print_ in zip(result.findings, fingerprints(result.findings, result.source)):
        item = finding_dict(finding)
        family = finding.rule.split("/", 1)[0]
        counts[family] = counts.get(family, 0) + 1
        item.update(fingerprint=print_, family=family, start=utf16(finding.source_start), end=utf16(finding.source_end))
        if finding.fix is not None:
            item["fix"].update(start=utf16(finding.fix.source_start), end=utf16(finding.fix.source_end))
        findings.append(item)
    return {"format": text_format(request), "findings": findings, "counts": counts,
            "stats": readability(session, request, result.source),
            "errors": [result.error.reason] if result.error else []}


def readability(session: Session, request: NativeRequest, text: str) -> dict[str, Any]:
    """`newslint stats`' figures of the text, read with the request's settings."""
    from ..analysis import Analysis
    from ..formats import read_document
    from ..stats import article_stats, stats_record

    settings = request.overrides.apply(session.settings_for(None))
    doc = read_document(request.path, text, text_format(request))
    record = stats_record(request.path, article_stats(Analysis(doc, settings.options)))
    del record["path"]
    return record


def fix(session: Session, request: NativeRequest, accept: frozenset[str], dismissed: frozenset[str], safe: bool) -> dict[str, Any]:
    """Apply the accepted fixes (any applicability: the editor chose them) or, with `safe`, what
    `--fix` applies; dismissed findings are never fixed.  Answers the new text and its check."""
    from ..fixes import plan, settled_plan

    def keep(result: FileResult, wanted: Callable[[str], bool]) -> FileResult:
        chosen = [f for f, p in zip(result.findings, fingerprints(result.findings, result.source)) if wanted(p)]
        return replace(result, findings=chosen)

    result = check(session, request)
    if safe:
        fix_plan = settled_plan(keep(result, lambda p: p not in dismissed),
                                lambda text: keep(check(session, request, text), lambda p: p not in dismissed))
    else:
        fix_plan = plan(keep(result, lambda p: p in accept and p not in dismissed), unsafe=True)
    new_text = fix_plan.new if fix_plan is not None else result.source
    fixed = len(fix_plan.fixed) if fix_plan is not None and new_text != result.source else 0
    refused = len(fix_plan.refused) + len(fix_plan.skipped) if fix_plan is not None else 0
    after = result if new_text == result.source else check(session, request, new_text)
    return {"text": new_text, "fixed": fixed, "not_applied": refused, "check": answer(session, request, after)}
