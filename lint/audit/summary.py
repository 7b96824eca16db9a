"""The audit's summary: partitions' figures merged into rates per 1,000 articles.

Partitions are merged in their order, so the summary of a resumed audit is the summary of an
uninterrupted one: the same examples, the same ties among the articles with most findings.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from .. import __version__
from .worker import BAD_EXAMPLES, DIMENSIONS, EXAMPLES_PER_RULE, TOP_ARTICLES

SUMMARY_VERSION = 1


def per_thousand(count: int, articles: int) -> float:
    return round(1000 * count / articles, 2) if articles else 0.0


def build_summary(partitions: Iterable[dict], *, run: dict) -> dict:
    articles = checked = findings = flagged = 0
    rule_findings: Counter[str] = Counter()
    rule_articles: Counter[str] = Counter()
    severity: dict[str, str] = {}
    by: dict[str, dict[str, dict]] = {name: {} for name in DIMENSIONS}
    top: list[list] = []
    examples: dict[str, list[dict]] = {}
    bad: Counter[str] = Counter()
    bad_examples: list[dict] = []
    seconds = 0.0
    for part in partitions:
        articles += part["articles"]
        checked += part["checked"]
        findings += part["findings"]
        flagged += part.get("flagged", 0)
        seconds += part.get("seconds", 0.0)
        for rule, (count, with_rule) in part["rules"].items():
            rule_findings[rule] += count
            rule_articles[rule] += with_rule
        for rule, level in part["severity"].items():
            severity.setdefault(rule, level)
        for name, cells in part["by"].items():
            merged = by.setdefault(name, {})
            for value, cell in cells.items():
                into = merged.setdefault(value, {"articles": 0, "findings": 0, "rules": Counter()})
                into["articles"] += cell["articles"]
                into["findings"] += cell["findings"]
                into["rules"].update(cell["rules"])
        top.extend(part["top"])
        top.sort(key=lambda item: -item[0])  # stable: earlier partitions win ties
        del top[TOP_ARTICLES:]
        for rule, items in part["examples"].items():
            kept = examples.setdefault(rule, [])
            kept.extend(items[:EXAMPLES_PER_RULE - len(kept)])
        bad.update(part["bad"])
        bad_examples.extend(part["bad_examples"][:BAD_EXAMPLES - len(bad_examples)])

    rules = [
        {
            "rule": rule,
            "family": rule.split("/", 1)[0],
            "severity": severity.get(rule, "warning"),
            "findings": count,
            "articles": rule_articles[rule],
            "per_1000_articles": per_thousand(count, checked),
            "articles_per_1000": per_thousand(rule_articles[rule], checked),
        }
        for rule, count in sorted(rule_findings.items(), key=lambda item: (-item[1], item[0]))
    ]
    families: Counter[str] = Counter()
    for rule, count in rule_findings.items():
        families[rule.split("/", 1)[0]] += count
    dimensions = {}
    for name, cells in by.items():
        if not cells:
            continue  # no article carries that metadata
        rows = []
        for value, cell in sorted(cells.items(), key=lambda item: (-item[1]["articles"], item[0]) if name != "month" else (0, item[0])):
            rows.append({
                "value": value,
                "articles": cell["articles"],
                "findings": cell["findings"],
                "per_1000_articles": per_thousand(cell["findings"], cell["articles"]),
                "rules": {rule: per_thousand(count, cell["articles"]) for rule, count in sorted(cell["rules"].items(), key=lambda item: (-item[1], item[0]))},
            })
        dimensions[name] = rows
    return {
        "version": SUMMARY_VERSION,
        "tool": {"name": "newslint", "version": __version__},
        "articles": articles,
        "checked": checked,
        "articles_with_findings": flagged,
        "findings": findings,
        "per_1000_articles": per_thousand(findings, checked),
        "bad_rows": {"count": sum(bad.values()), "by_reason": dict(sorted(bad.items())), "examples": bad_examples},
        "rules": rules,
        "families": [{"family": family, "findings": count, "per_1000_articles": per_thousand(count, checked)} for family, count in families.most_common()],
        "by": dimensions,
        "top_articles": [
            {"article_id": ident, "findings": count, "source": source, "section": section, "date": date, "url": url, "rules": per_rule}
            for count, ident, source, section, date, url, per_rule in top
        ],
        "examples": {rule: examples[rule] for rule in sorted(examples)},
        "run": {**run, "worker_seconds": round(seconds, 2)},
    }
