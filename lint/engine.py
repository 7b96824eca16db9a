"""Runs the enabled rules over a Document and returns sorted, located Findings."""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, NamedTuple

from .analysis import Analysis
from .budget import OverBudget, budget_for, ticks, time_limit
from .config import Settings
from .document import Document
from .findings import Edit, Finding, Fix, Hit, Severity
from .formats import BITEXT_FORMATS
from .memo import Kept
from .rules import Rule


def _matches(pattern: str, rule_id: str) -> bool:
    return pattern == "ALL" or rule_id == pattern or rule_id.startswith(pattern + "/")


def _most_specific(patterns: Iterable[str], rule_id: str) -> int:
    """Length of the most specific pattern matching rule_id; -1 for none (ruff's precedence)."""
    return max((len(p) if p != "ALL" else 0 for p in patterns if _matches(p, rule_id)), default=-1)


def select_rules(rules: Iterable[Rule], settings: Settings) -> list[Rule]:
    """The rules `settings` turn on: select (or the defaults) plus extend-select, less ignore.

    As in ruff, the more specific of a select and an ignore that both match a rule wins.
    """
    chosen = []
    for rule in rules:
        if settings.select is None:
            picked = 0 if rule.enabled else -1
        else:
            picked = _most_specific(settings.select, rule.id)
        picked = max(picked, _most_specific(settings.extend_select, rule.id))
        if picked >= 0 and picked > _most_specific(settings.ignore, rule.id):
            chosen.append(rule)
    return chosen


def severity_for(rule: Rule, settings: Settings) -> Severity:
    best, severity = -1, rule.severity
    for pattern, level in settings.severity.items():
        if _matches(pattern, rule.id) and len(pattern) > best:
            best, severity = len(pattern), level
    return severity


class Plan(NamedTuple):
    """What checking under one selection runs: rules with their severities, and their rank when
    two rules report the same line (see _one_deletion_per_line)."""

    rules: list[tuple[Rule, Severity]]
    rank: dict[str, tuple[bool, int]]


class Linter:
    """The rules of a set of packs, and the plan of each selection checked with them."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self._plans: dict[tuple, Plan] = {}

    def plan(self, settings: Settings) -> "Plan":
        """The selected rules with their severities; worked out once per distinct selection."""
        key = (settings.select, settings.extend_select, settings.ignore, tuple(sorted(settings.severity.items())))
        plan = self._plans.get(key)
        if plan is None:
            selected = select_rules(self.rules, settings)
            plan = self._plans[key] = Plan(
                rules=[(rule, severity_for(rule, settings)) for rule in selected],
                rank={rule.id: (rule.checker.structural, index) for index, rule in enumerate(selected)},
            )
        return plan

    def check(self, doc: Document, settings: Settings, kept: Kept | None = None) -> list[Finding]:
        text = Analysis(doc, settings.options, kept)
        findings: dict[tuple, Finding] = {}
        plan = self.plan(settings)
        stopped: list[str] = []
        budget = budget_for(len(doc.text))
        with ticks():
            for rule, severity in plan.rules:
                try:
                    with time_limit(budget) as deadline:
                        for hit in rule.checker.check(text):
                            finding = locate(doc, rule.id, severity, hit)
                            findings.setdefault((finding.start, finding.end, finding.rule, finding.message), finding)
                            if deadline.passed():
                                raise OverBudget
                except OverBudget:
                    stopped.append(rule.id)  # what it found so far stays; the other rules still run
        ordered = _one_deletion_per_line(sorted(findings.values(), key=lambda f: f.sort_key), plan.rank)
        ordered = _none_inside_chrome(ordered)
        if doc.comments:
            ordered = self.suppress(doc, ordered, list(plan.rank), settings)
        if stopped:
            raise RulesOverBudget(tuple(stopped), budget, ordered)
        return ordered

    def suppress(self, doc: Document, findings: list[Finding], selected: list[str], settings: Settings) -> list[Finding]:
        """Drop the findings that suppression comments cover; report the comments that cover none."""
        from .suppressions import UNUSED_SUPPRESSION_RULE, apply, unused_findings

        kept, problems = apply(doc, findings, selected, (rule.id for rule in self.rules))
        if problems and select_rules((UNUSED_SUPPRESSION_RULE,), settings):
            severity = severity_for(UNUSED_SUPPRESSION_RULE, settings)
            kept = sorted(kept + unused_findings(doc, problems, severity), key=lambda f: f.sort_key)
        return kept


class RulesOverBudget(Exception):
    """Rules stopped for running past their time budget; the findings of the check are kept."""

    def __init__(self, rules: tuple[str, ...], budget: float, findings: list[Finding]):
        super().__init__(
            f"rule {', '.join(rules)} stopped after {budget:.1f} s (its time budget on this document); "
            "its findings may be incomplete; please report this as a bug"
        )
        self.rules, self.findings = rules, findings




def locate(doc: Document, rule_id: str, severity: Severity, hit: Hit) -> Finding:
    """Map a hit's document-text offsets to the source file."""
    source_start = doc.source_offset(hit.start)
    source_end = max(doc.source_offset(hit.end, end=True), source_start)
    lines = doc.source_lines
    fix = None
    span = _source_span(doc, hit.edit) if hit.edit is not None else None
    if span is not None and any(start < span[1] and span[0] < end for start, end in doc.protected):
        span = None  # front matter is the CMS's, not the copy's: no fix touches it
    if span is not None:
        edit_start, edit_end = span
        replacement = hit.edit.replacement
        if doc.format in BITEXT_FORMATS and replacement:
            from xml.sax.saxutils import escape

            replacement = escape(replacement)  # written into XML: "&" and "<" as entities
        fix = Fix(replacement, lines.position(edit_start), lines.position(edit_end), edit_start, edit_end, hit.edit.safe)
    return Finding(
        path=doc.path,
        start=lines.position(source_start),
        end=lines.position(source_end),
        rule=rule_id,
        severity=severity,
        message=hit.message,
        fix=fix,
        source_start=source_start,
        source_end=source_end,
    )


def _source_span(doc: Document, edit: Edit) -> tuple[int, int] | None:
    """Source offsets an edit replaces; None when it cannot be applied safely."""
    if edit.whole_lines and doc.format in BITEXT_FORMATS:
        # A line of an XLIFF or TMX file holds the segment's markup too: delete the text alone.
        start = doc.source_offset(edit.start)
        return start, max(doc.source_offset(edit.end, end=True), start)
    if edit.whole_lines:
        span = doc.whole_lines_span(edit.start, edit.end)
        if span is None and doc.format == "html":
            span = doc.element_span(edit.start, edit.end)  # a block sharing its line: delete its element
        return span
    start = doc.source_offset(edit.start)
    return start, max(doc.source_offset(edit.end, end=True), start)


def _one_deletion_per_line(findings: list[Finding], rank: dict[str, tuple[bool, int]]) -> list[Finding]:
    """Two rules of one family that both ask to delete the same line say the same thing twice
    ("Leave a Reply" is comment-form chrome and a stray trailing line): keep the more severe,
    and of equals the one that recognises the text over a structural guess, then the one loaded first."""
    best: dict[tuple, Finding] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None or fix.replacement:
            continue
        key = (finding.rule.split("/", 1)[0], fix.source_start, fix.source_end)
        if key not in best or (-finding.severity, rank[finding.rule]) < (-best[key].severity, rank[best[key].rule]):
            best[key] = finding
    keep = {id(f) for f in best.values()}
    kept = [f for f in findings if f.fix is None or f.fix.replacement or id(f) in keep]
    # A structural guess that offers no fix says nothing more on a line another rule of its
    # family has recognised by its text.
    recognised = {(f.rule.split("/", 1)[0], f.start.line) for f in kept if not rank[f.rule][0]}
    return [
        f for f in kept
        if not (f.fix is None and rank[f.rule][0] and (f.rule.split("/", 1)[0], f.start.line) in recognised)
    ]


def _none_inside_chrome(findings: list[Finding]) -> list[Finding]:
    """What lies inside page chrome is the page's, to delete, not copy to edit: a language picker's
    own scripts, a widget's thousands dots, a teaser's dashes or a cookie notice's apostrophes say
    nothing about the article, so other families' findings within a chrome span are dropped."""
    spans = sorted(_chrome_span(f) for f in findings if f.rule.startswith("chrome/") and f.rule not in _COPY_IN_CHROME)
    if not spans:
        return findings
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _ in merged]

    def inside_chrome(finding: Finding) -> bool:
        index = bisect_right(starts, finding.source_start) - 1
        return index >= 0 and finding.source_end <= merged[index][1]

    return [f for f in findings if f.rule.startswith("chrome/") or f.rule in _SEEN_IN_CHROME or not inside_chrome(f)]


# A caption is often kept and published with the picture: its words are still read as copy.
_COPY_IN_CHROME = frozenset({"chrome/caption"})
# Damage to the file's encoding is the file's wherever it shows: a chrome line's mojibake says the
# article's text was mis-decoded too.
_SEEN_IN_CHROME = frozenset({"translation/mojibake"})


def _chrome_span(finding: Finding) -> tuple[int, int]:
    """What a chrome finding takes for the page's: the line or element its fix deletes, else its span."""
    fix = finding.fix
    if fix is not None and not fix.replacement:
        return min(fix.source_start, finding.source_start), max(fix.source_end, finding.source_end)
    return finding.source_start, finding.source_end
