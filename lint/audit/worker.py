"""What a worker does with one partition: lint each article as `newslint check` does, and return
the findings as an Arrow table with the partition's summary figures.

Runs in a local worker process or on a Dask worker; the rules are loaded once per worker (the
Session below is a per-process cache) and nothing outlives the partition but that cache.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..fingerprint import fingerprints
from ..runner import Session
from ..sources import UnreadableInput, decode
from .inputs import Article, Partition

TOP_ARTICLES = 20  # articles with most findings kept in the summary
EXAMPLES_PER_RULE = 5
BAD_EXAMPLES = 20
DIMENSIONS = ("source", "section", "month")
UNKNOWN = "(none)"
_MONTH = re.compile(r"(\d{4})[-/](\d{2})")

COLUMNS = (
    ("article_id", "string"), ("input", "string"), ("row", "int64"),
    ("source", "string"), ("section", "string"), ("date", "string"), ("url", "string"),
    ("rule", "string"), ("family", "string"), ("severity", "string"), ("message", "string"),
    ("line", "int32"), ("column", "int32"), ("end_line", "int32"), ("end_column", "int32"),
    ("matched", "string"), ("fingerprint", "string"), ("fix", "string"), ("fix_safe", "bool_"),
)

_session: Session | None = None  # one per worker process: rules load once, on the first partition


def findings_schema():
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])


@dataclass(frozen=True)
class PartitionResult:
    index: int
    table: Any  # pyarrow.Table of findings, one row per finding
    stats: dict  # JSON-able summary figures of the partition (see Tally.as_dict)


def audit_partition(partition: Partition) -> PartitionResult:
    global _session
    if _session is None:
        _session = Session()
    started = time.perf_counter()
    rows: dict[str, list] = {name: [] for name, _ in COLUMNS}
    tally = Tally()
    for article in partition.articles:
        _audit_article(_session, partition, article, rows, tally)
    import pyarrow as pa

    table = pa.Table.from_pydict(rows, schema=findings_schema())
    tally.seconds = time.perf_counter() - started
    return PartitionResult(partition.index, table, tally.as_dict())


def _audit_article(session: Session, partition: Partition, article: Article, rows: dict[str, list], tally: "Tally") -> None:
    if article.problem is not None:
        tally.bad(article, article.problem)
        return
    text = article.text
    settings = partition.settings[article.settings]
    bom = False
    if article.data is not None:
        # A folder's file: decoded as `check` decodes it, with that file's size limit.
        try:
            source = decode(article.path, article.data, max_bytes=settings.max_file_size)
        except UnreadableInput as exc:
            tally.bad(article, str(exc))
            return
        text, bom = source.text, source.bom
    if text is None or not text.strip():
        tally.bad(article, "empty text")
        return
    fmt = None if article.data is not None else partition.text_format
    try:
        result = session.check_text(article.path, text, fmt=fmt, bom=bom, settings=settings)
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop the archive
        tally.bad(article, f"internal error ({type(exc).__name__}: {exc})")
        return
    findings = result.findings
    tally.checked(article, findings)
    if not findings:
        return
    for finding, print_ in zip(findings, fingerprints(findings, text)):
        matched = text[finding.source_start:finding.source_end]
        for name, value in (
            ("article_id", article.id), ("input", article.input), ("row", article.row),
            ("source", article.source), ("section", article.section), ("date", article.date), ("url", article.url),
            ("rule", finding.rule), ("family", finding.rule.split("/", 1)[0]), ("severity", str(finding.severity)),
            ("message", finding.message), ("line", finding.start.line), ("column", finding.start.column),
            ("end_line", finding.end.line), ("end_column", finding.end.column), ("matched", matched),
            ("fingerprint", print_),
            ("fix", finding.fix.replacement if finding.fix else None),
            ("fix_safe", finding.fix.safe if finding.fix else None),
        ):
            rows[name].append(value)
        tally.example(article, finding, matched)


def month_of(date: str | None) -> str | None:
    """'2024-03' from an ISO-like date ('2024-03-09', '2024/03/09T10:00'); None otherwise."""
    if not date:
        return None
    match = _MONTH.match(date.strip())
    return f"{match.group(1)}-{match.group(2)}" if match and 1 <= int(match.group(2)) <= 12 else None


class Tally:
    """Summary figures of one partition; merged in the driver by lint/audit/summary.py."""

    def __init__(self):
        self.articles = 0
        self.checked_articles = 0
        self.findings = 0
        self.flagged = 0  # articles with at least one finding
        self.rule_findings: Counter[str] = Counter()
        self.rule_articles: Counter[str] = Counter()
        self.severity: dict[str, str] = {}
        self.by: dict[str, dict[str, dict]] = {name: {} for name in DIMENSIONS}
        self.top: list[list] = []
        self.examples: dict[str, list[dict]] = {}
        self.bad_reasons: Counter[str] = Counter()
        self.bad_examples: list[dict] = []
        self.seconds = 0.0

    def bad(self, article: Article, reason: str) -> None:
        self.articles += 1
        self.bad_reasons[bad_category(reason)] += 1
        if len(self.bad_examples) < BAD_EXAMPLES:
            self.bad_examples.append({"article_id": article.id, "input": article.input, "row": article.row, "reason": reason})

    def checked(self, article: Article, findings) -> None:
        self.articles += 1
        self.checked_articles += 1
        self.findings += len(findings)
        per_rule = Counter(f.rule for f in findings)
        self.rule_findings.update(per_rule)
        self.rule_articles.update(per_rule.keys())
        for finding in findings:
            self.severity.setdefault(finding.rule, str(finding.severity))
        values = {"source": article.source, "section": article.section, "month": month_of(article.date)}
        for name, value in values.items():
            if value is None:
                continue
            cell = self.by[name].setdefault(value, {"articles": 0, "findings": 0, "rules": Counter()})
            cell["articles"] += 1
            cell["findings"] += len(findings)
            cell["rules"].update(per_rule)
        if findings:
            self.flagged += 1
            self.top.append([len(findings), article.id, article.source, article.section, article.date, article.url, dict(per_rule.most_common(5))])
            if len(self.top) > TOP_ARTICLES * 2:
                self._trim_top()

    def example(self, article: Article, finding, matched: str) -> None:
        kept = self.examples.setdefault(finding.rule, [])
        if len(kept) < EXAMPLES_PER_RULE and all(e["article_id"] != article.id for e in kept):
            kept.append({"article_id": article.id, "line": finding.start.line, "column": finding.start.column, "matched": matched[:200], "message": finding.message})

    def _trim_top(self) -> None:
        self.top.sort(key=lambda item: -item[0])  # stable: the first articles win ties
        del self.top[TOP_ARTICLES:]

    def as_dict(self) -> dict:
        self._trim_top()
        return {
            "articles": self.articles,
            "checked": self.checked_articles,
            "findings": self.findings,
            "flagged": self.flagged,
            "rules": {rule: [self.rule_findings[rule], self.rule_articles[rule]] for rule in sorted(self.rule_findings)},
            "severity": self.severity,
            "by": {name: {value: {**cell, "rules": dict(cell["rules"])} for value, cell in cells.items()} for name, cells in self.by.items()},
            "top": self.top,
            "examples": self.examples,
            "bad": dict(self.bad_reasons),
            "bad_examples": self.bad_examples,
            "seconds": round(self.seconds, 3),
        }


def bad_category(reason: str) -> str:
    """The summary counts bad rows by kind; the examples keep the full reason."""
    lowered = reason.lower()
    if lowered.startswith(("empty", "missing")):
        return "empty text" if lowered.startswith("empty") else "missing text"
    if "utf-8" in lowered or "utf-16" in lowered or "encoding" in lowered:
        return "invalid encoding"
    if "json" in lowered:
        return "invalid JSON"
    if lowered.startswith("internal error"):
        return "internal error"
    return "unreadable"
