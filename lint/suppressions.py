"""Inline suppressions, written as Markdown or HTML comments in the article:

    <!-- newslint-disable RULES -->  ...  <!-- newslint-enable RULES -->
    <!-- newslint-disable-next-line RULES -->

RULES are rule ids or families separated by commas or spaces; none means every rule.  Text
after " -- " is a reason for the reader and is ignored.  A disable without its enable runs to
the end of the file; `newslint-enable` with no RULES ends every open disable.

A suppression that suppresses nothing is itself reported, as `style/unused-suppression`: a
rule the engine reports (no rule pack can, since only the engine knows what was suppressed).
It is reported only for rules that ran, so `--select chrome` never calls a `names` suppression
unused, and only when that rule is itself selected (it is on by default).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .document import Document
from .findings import Finding, Fix, Severity
from .kinds import Kind
from .patterns import compile_pattern
from .rules import Rule

UNUSED_SUPPRESSION = "style/unused-suppression"
_DIRECTIVE = compile_pattern(r"\s*newslint-(disable-next-line|disable|enable)(?![\w-])(.*)", re.DOTALL)
_SEPARATORS = compile_pattern(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    """One suppression comment."""

    action: str  # "disable", "enable" or "disable-next-line"
    patterns: tuple[str, ...]  # rule ids or families; () for every rule
    start: int  # source offsets of the whole comment
    end: int


@dataclass(frozen=True)
class Scope:
    """Source range [start, end) in which findings of `pattern` (None: any rule) are suppressed."""

    pattern: str | None
    start: int
    end: int
    directive: Directive
    ended: bool = False  # a disable that a later enable ends


@dataclass(frozen=True)
class Problem:
    """A suppression comment to report: unused, or an enable with nothing to end."""

    start: int
    end: int
    message: str
    delete: tuple[int, int] | None = None  # source span whose deletion fixes it, when that is safe


def matches(pattern: str | None, rule_id: str) -> bool:
    return pattern is None or rule_id == pattern or rule_id.startswith(pattern + "/")


def parse_directives(comments: Iterable[tuple[int, int, str]]) -> list[Directive]:
    directives = []
    for start, end, body in comments:
        if "newslint-" not in body:
            continue
        body = body.strip()
        body = body[4:] if body.startswith("<!--") else body
        body = body[:-3] if body.endswith("-->") else body
        match = _DIRECTIVE.fullmatch(body)
        if match is None:
            continue
        # Rule ids never hold "--", so whatever follows one is the reason.
        rules_part = match.group(2).split("--", 1)[0]
        patterns = tuple(p for p in _SEPARATORS.split(rules_part) if p)
        if any(p.lower() == "all" for p in patterns):
            patterns = ()
        directives.append(Directive(match.group(1), patterns, start, end))
    return directives


def _next_line_span(doc: Document, offset: int) -> tuple[int, int]:
    """Source span of the line after the one holding `offset`, line end included."""
    lines = doc.source_lines
    line = lines.position(offset).line + 1
    if line > len(lines):
        return len(doc.source), len(doc.source)
    return lines.line_span(line)


def _own_line(doc: Document, directive: Directive) -> tuple[int, int] | None:
    """The span to delete to remove a comment that stands alone on its line(s), else None."""
    source = doc.source
    line_start = source.rfind("\n", 0, directive.start) + 1
    line_end = source.find("\n", directive.end)
    line_end = len(source) if line_end == -1 else line_end + 1
    if source[line_start:directive.start].strip() or source[directive.end:line_end].strip():
        return None
    if line_end == len(source) and line_start > 0 and not source.endswith("\n"):
        line_start -= 2 if source[line_start - 2:line_start] == "\r\n" else 1
    return line_start, line_end


def scopes(doc: Document, directives: Sequence[Directive]) -> tuple[list[Scope], list[Problem]]:
    found: list[Scope] = []
    problems: list[Problem] = []
    open_scopes: list[Scope] = []  # disables waiting for their enable

    def close(scope: Scope, end: int, ended: bool) -> None:
        found.append(Scope(scope.pattern, scope.start, end, scope.directive, ended))

    for directive in directives:
        if directive.action == "disable-next-line":
            start, end = _next_line_span(doc, directive.end)
            found.extend(Scope(p, start, end, directive) for p in directive.patterns or (None,))
        elif directive.action == "disable":
            open_scopes.extend(Scope(p, directive.end, len(doc.source), directive) for p in directive.patterns or (None,))
        else:
            targets = directive.patterns or (None,)
            ending = [s for s in open_scopes if any(t is None or matches(t, s.pattern or "\x00") for t in targets)]
            unmatched = [t for t in directive.patterns if not any(s.pattern is not None and matches(t, s.pattern) for s in ending)]
            for scope in ending:
                open_scopes.remove(scope)
                close(scope, directive.start, True)
            if not ending or unmatched:
                what = ", ".join(unmatched) if unmatched else "any rule"
                problems.append(Problem(directive.start, directive.end, f"newslint-enable with no newslint-disable of {what} before it.",
                                        _own_line(doc, directive) if not ending else None))
    for scope in open_scopes:
        close(scope, len(doc.source), False)
    return found, problems


def apply(
    doc: Document,
    findings: Sequence[Finding],
    selected: Sequence[str],
    known: Iterable[str],
) -> tuple[list[Finding], list[Problem]]:
    """The findings no suppression covers, and the suppression comments to report.

    `selected` are the ids of the rules that ran, `known` every rule id there is.
    """
    directives = parse_directives(doc.comments)
    if not directives:
        return list(findings), []
    found, problems = scopes(doc, directives)
    used: set[int] = set()
    kept = []
    for finding in findings:
        covering = [i for i, s in enumerate(found) if s.start <= finding.source_start < s.end and matches(s.pattern, finding.rule)]
        if covering:
            used.update(covering)
        else:
            kept.append(finding)
    known = {*known, UNUSED_SUPPRESSION}
    by_directive: dict[Directive, list[tuple[Scope, bool]]] = {}
    for index, scope in enumerate(found):
        by_directive.setdefault(scope.directive, []).append((scope, index in used))
    for directive, entries in by_directive.items():
        problems.extend(_unused(doc, directive, entries, selected, known))
    # `newslint-disable style/unused-suppression` quiets these reports in its range.
    quieting = [s for s in found if s.pattern is not None and matches(s.pattern, UNUSED_SUPPRESSION)]
    problems = [p for p in problems if not any(s.start <= p.start < s.end for s in quieting)]
    problems.sort(key=lambda p: p.start)
    return kept, problems


def _unused(doc: Document, directive: Directive, entries: list[tuple[Scope, bool]], selected: Sequence[str], known: set[str]) -> list[Problem]:
    patterns = [scope.pattern for scope, _ in entries]
    unknown = [p for p in patterns if p is not None and not any(matches(p, r) for r in known)]
    if unknown:
        return [Problem(directive.start, directive.end, f"Suppression names no known rule: {', '.join(unknown)}.")]
    # Only rules that ran can tell whether a suppression is needed.
    unused = [s.pattern for s, was_used in entries if not was_used and any(matches(s.pattern, r) for r in selected)]
    if not unused:
        return []
    if len(unused) < len(entries):
        return [Problem(directive.start, directive.end, f"Part of the suppression is unused: nothing of {', '.join(p or 'all' for p in unused)} to suppress; remove it from the comment.")]
    what = "any rule" if unused == [None] else ", ".join(p for p in unused if p)
    # Deleting a disable that an enable ends would leave that enable with nothing to end.
    safe = not any(scope.ended for scope, _ in entries)
    return [Problem(directive.start, directive.end, f"Unused suppression: no finding of {what} to suppress here; delete the comment.",
                    _own_line(doc, directive) if safe else None)]


class EngineReported(Kind):
    """The checker of a rule the engine reports itself: alone it finds nothing in a text."""

    name = "engine"
    fixable = True

    def check(self, text) -> tuple:
        return ()  # the engine does the work


UNUSED_SUPPRESSION_RULE = Rule(
    id=UNUSED_SUPPRESSION,
    kind="engine",
    severity=Severity.WARNING,
    message="Unused suppression: no finding of {rules} to suppress here; delete the comment.",
    summary="A newslint-disable comment that suppresses nothing, or names no known rule.",
    description=(
        "Suppression comments (<!-- newslint-disable RULE -->, <!-- newslint-disable-next-line RULE -->) "
        "outlive the copy they were written for; one that suppresses nothing would hide the next real problem "
        "in its range. Reported only for rules that ran. Delete the comment, or the unused rule ids in it."
    ),
    fire=("<!-- newslint-disable-next-line chrome -->\nThe council met on Tuesday.",),
    quiet=("<!-- newslint-disable-next-line chrome -->\nAdvertisement\n\nThe council met on Tuesday.",),
    checker=EngineReported(UNUSED_SUPPRESSION, "", {}),
    pack="(built into the engine)",
)


def unused_findings(doc: Document, problems: Sequence[Problem], severity: Severity) -> list[Finding]:
    """Findings of `style/unused-suppression` for the problems `apply` returned."""
    lines = doc.source_lines
    out = []
    for problem in problems:
        fix = None
        if problem.delete is not None:
            start, end = problem.delete
            fix = Fix("", lines.position(start), lines.position(end), start, end, safe=True)
        out.append(Finding(doc.path, lines.position(problem.start), lines.position(problem.end), UNUSED_SUPPRESSION,
                           severity, problem.message, fix, problem.start, problem.end))
    return out
