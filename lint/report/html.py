"""One self-contained HTML page for a whole run, for CI to keep as a build artifact: a summary
(findings per family and per rule as inline SVG bars, the files with most findings), then each
file's lines with the findings marked at their exact spans and their messages under the line,
then the documentation of every rule that fired, so each link works offline.

No script, no style sheet or font fetched, nothing from the checked files unescaped: the page's
Content-Security-Policy allows only its own style block.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from html import escape
from typing import Sequence, TextIO
from urllib.parse import quote

from .. import __version__
from ..document import SourceLines
from ..findings import Finding, Severity
from ..rule_docs import rule_doc_html
from ..svg_chart import bar_chart
from .text import summary

CONTEXT = 2  # lines shown around each finding's lines
TOP_FILES = 10
COLOURS = {Severity.ERROR: "#c5483c", Severity.WARNING: "#c98a0b", Severity.INFO: "#4f86c6"}
FAMILY_COLOUR = "#5a6b85"

STYLE = """
:root{--error:#c5483c;--warning:#c98a0b;--info:#4f86c6;--line:#e3e5ea;--muted:#5f6673}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2027;background:#f6f7f9}
main{max-width:76rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
h1{font-size:1.7rem;margin:.2rem 0 .3rem}h2{font-size:1.25rem;margin:2.2rem 0 .8rem}h3{font-size:1.05rem;margin:0}
a{color:#1f5fae}code,pre,.code{font-family:ui-monospace,"SF Mono",Menlo,Consolas,monospace;font-size:.88rem}
.lede{color:var(--muted);margin:0 0 .4rem}nav{font-size:.9rem;margin:0 0 1rem}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;margin:0 0 1rem;overflow-x:auto}
.kpi{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0}
.kpi div{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;min-width:8.5rem;color:var(--muted)}
.kpi b{display:block;font-size:1.45rem;color:#1d2027;font-variant-numeric:tabular-nums}
.kpi .error b{color:var(--error)}.kpi .warning b{color:#9a6700}.kpi .info b{color:#2f659f}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(28rem,100%),1fr));gap:1rem}
.charts h3{margin-bottom:.5rem}svg.chart{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#1d2027}
svg text.value{font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:.85rem}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.78rem;font-weight:600;color:#fff;text-transform:uppercase;letter-spacing:.02em}
.sev.error{background:var(--error)}.sev.warning{background:#9a6700}.sev.info{background:#2f659f}
.file{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 1.2rem;overflow:hidden}
.file>header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;padding:.7rem 1rem;border-bottom:1px solid var(--line);background:#fbfbfc}
.file>header h3{word-break:break-all}.file>header p{margin:0;color:var(--muted);white-space:nowrap}.file>p{margin:.8rem 1rem}
.source{width:100%;border-collapse:collapse}.source td{border:0;padding:0 .8rem}
.source td.ln{width:1%;text-align:right;color:#8a909c;user-select:none;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;padding-top:.15rem;border-right:1px solid var(--line);background:#fbfbfc}
.source td.code{white-space:pre-wrap;word-break:break-word;tab-size:4;padding-top:.1rem;padding-bottom:.1rem}
.source tr.hit td.ln{color:#1d2027;font-weight:600}
.source tr.gap td{color:#8a909c;font-size:.8rem;background:#f3f4f6;padding:.15rem .8rem}
mark{background:none;color:inherit;border-radius:2px;padding:1px 0}
mark.error{background:#fbe1de;box-shadow:inset 0 -2px 0 var(--error)}
mark.warning{background:#fdf0c9;box-shadow:inset 0 -2px 0 var(--warning)}
mark.info{background:#e1ecf9;box-shadow:inset 0 -2px 0 var(--info)}
mark.overlap{box-shadow:inset 0 -4px 0 currentColor}
mark.point{display:inline-block;width:0;padding:0;border-left:2px solid var(--warning);height:1.1em;vertical-align:text-bottom}
mark.point.error{border-color:var(--error)}mark.point.info{border-color:var(--info)}
.notes td{padding:.1rem .8rem .5rem}
.notes ul{list-style:none;margin:0;padding:0}
.notes li{font-family:system-ui,sans-serif;font-size:.88rem;margin:.25rem 0;padding:.3rem .6rem;border-left:3px solid var(--warning);background:#fffaf0;border-radius:0 4px 4px 0}
.notes li.error{border-color:var(--error);background:#fdf3f2}.notes li.info{border-color:var(--info);background:#f3f7fd}
.notes .where{color:var(--muted);font-size:.8rem;margin-left:.3rem}.notes .fix{display:block;color:var(--muted)}
.notes .fix code{background:#eef0f3;padding:0 .25rem;border-radius:3px;white-space:pre-wrap}
.rule{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.8rem 1.1rem;margin:0 0 1rem;scroll-margin-top:1rem}
.rule:target{outline:3px solid #1f5fae;outline-offset:2px}.rule h3{font-size:1.05rem}.rule h4{font-size:.92rem;margin:.8rem 0 .3rem}
.rule pre{background:#f3f4f6;padding:.5rem .7rem;border-radius:4px;white-space:pre-wrap;margin:.3rem 0}
.errors li{margin:.2rem 0}footer{color:var(--muted);font-size:.85rem;margin-top:3rem}
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
# Nothing but the style block above: no script in any form, no fetch, no form, no frame.
CSP = (f"default-src 'none'; script-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src 'none'; "
       "base-uri 'none'; form-action 'none'")
# Controls other than tab would be invisible (or, as a lone CR, move the text): shown as their
# Unicode pictures, one for one, so columns still count as in the file.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _visible(text: str) -> str:
    return escape(_CONTROLS.sub(lambda m: chr(0x2421) if m.group() == "\x7f" else chr(0x2400 + ord(m.group())), text))


def rule_anchor(rule: str) -> str:
    return f"rule:{rule}"


def _rule_link(rule: str) -> str:
    return f"<a class=rule-link href='#{escape(quote(rule_anchor(rule), safe=':/'))}'><code>{escape(rule)}</code></a>"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' * (n != 1)}"


def write(results: Sequence, out: TextIO, color: bool = False, rules: Sequence = ()) -> None:
    findings = [f for result in results for f in result.findings]
    out.write("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>\n"
              f"<meta http-equiv=Content-Security-Policy content=\"{CSP}\">\n"
              "<meta name=viewport content='width=device-width,initial-scale=1'>\n"
              f"<title>newslint report</title><style>{STYLE}</style></head><body><main>\n")
    out.write("<h1>newslint report</h1>\n")
    out.write(f"<p class=lede>{escape(summary(results, findings))}</p>\n")
    if findings:
        out.write("<nav aria-label='Sections'><a href='#summary'>Summary</a> · <a href='#files'>Files</a> · <a href='#rules'>Rules</a></nav>\n")
    out.write(_figures(results, findings))
    out.write(_charts(findings))
    out.write(_top_files(results))
    out.write(_unchecked(results))
    out.write("<h2 id=files>Files</h2>\n")
    for number, result in enumerate(results, 1):
        if result.error is None or result.findings:  # a rule over its time budget leaves the others' findings
            out.write(_file(number, result))
    out.write(_rule_docs(findings, rules))
    out.write(f"<footer>newslint {escape(__version__)}</footer>\n</main></body></html>\n")


def _figures(results: Sequence, findings: list[Finding]) -> str:
    severities = Counter(f.severity for f in findings)
    checked = sum(1 for r in results if r.error is None)
    items = [("", "files checked", checked), ("", "files with findings", sum(1 for r in results if r.findings)),
             ("", "findings", len(findings))]
    items += [(str(s), label, severities[s]) for s, label in ((Severity.ERROR, "errors"), (Severity.WARNING, "warnings"), (Severity.INFO, "info"))]
    unchecked = len(results) - checked
    if unchecked:
        items.append(("error", "not checked", unchecked))
    boxes = "".join(f"<div class='{kind}'><b>{value:,}</b>{escape(label)}</div>" for kind, label, value in items)
    return f"<section class=kpi aria-label='Totals'>{boxes}</section>\n"


def _charts(findings: list[Finding]) -> str:
    if not findings:
        return ""
    families = Counter(f.rule.split("/", 1)[0] for f in findings)
    by_rule = Counter(f.rule for f in findings)
    worst: dict[str, Severity] = {}
    for f in findings:
        worst[f.rule] = max(worst.get(f.rule, f.severity), f.severity)
    family_rows = [(family, n, FAMILY_COLOUR) for family, n in sorted(families.items(), key=lambda kv: (-kv[1], kv[0]))]
    rule_rows = [(rule, n, COLOURS[worst[rule]]) for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]
    rule_table = "".join(
        f"<tr><td>{_rule_link(rule)}</td><td><span class='sev {worst[rule]}'>{worst[rule]}</span></td><td class=n>{n:,}</td></tr>"
        for rule, n, _ in rule_rows
    )
    return (
        "<h2 id=summary>Summary</h2>\n<div class=charts>"
        f"<section class=card><h3>Findings by family</h3>"
        f"{bar_chart(family_rows, title='Findings by family', chart_id='chart-families', label_width=110, bar_width=300)}</section>"
        f"<section class=card><h3>Findings by rule</h3>"
        f"{bar_chart(rule_rows, title='Findings by rule', chart_id='chart-rules', label_width=230, bar_width=230)}</section>"
        "</div>\n"
        f"<section class=card><h3>Rules that fired</h3><table><tr><th>rule</th><th>severity</th><th class=n>findings</th></tr>{rule_table}</table></section>\n"
    )


def _top_files(results: Sequence) -> str:
    numbered = [(number, r) for number, r in enumerate(results, 1) if r.findings]
    if not numbered:
        return ""
    numbered.sort(key=lambda item: (-len(item[1].findings), item[1].path))
    rows = []
    for number, result in numbered[:TOP_FILES]:
        severities = Counter(f.severity for f in result.findings)
        cells = "".join(f"<td class=n>{severities[s]:,}</td>" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        rows.append(f"<tr><td><a href='#file-{number}'>{escape(result.path)}</a></td><td class=n>{len(result.findings):,}</td>{cells}</tr>")
    return ("<section class=card><h3>Files with most findings</h3><table><tr><th>file</th><th class=n>findings</th>"
            f"<th class=n>errors</th><th class=n>warnings</th><th class=n>info</th></tr>{''.join(rows)}</table></section>\n")


def _unchecked(results: Sequence) -> str:
    errors = [r.error for r in results if r.error is not None]
    if not errors:
        return ""
    items = "".join(f"<li><code>{escape(e.path)}</code>: {escape(e.reason)}</li>" for e in errors)
    return f"<section class='card errors'><h3>Files not checked</h3><ul>{items}</ul></section>\n"


def _file(number: int, result) -> str:
    count = len(result.findings)
    head = (f"<section class=file id=file-{number}><header><h3>{escape(result.path)}</h3>"
            f"<p>{_plural(count, 'finding') if count else 'no findings'}</p></header>")
    if not count:
        return head + "<p>No findings.</p></section>\n"
    lines = SourceLines(result.source)
    last = len(lines)
    starting: dict[int, list[tuple[int, Finding]]] = {}
    shown: set[int] = set()
    for index, finding in enumerate(result.findings, 1):
        start, end = min(finding.start.line, last), min(finding.end.line, last)
        starting.setdefault(start, []).append((index, finding))
        shown.update(range(max(1, start - CONTEXT), min(last, end + CONTEXT) + 1))
    bounds = shown | {0, last + 1}
    shown.update(line + 1 for line in bounds if line + 2 in bounds and 1 <= line + 1 <= last)  # never hide one line
    covering = _spans_by_line(result.findings, lines)
    rows = []
    previous = 0
    for line in sorted(shown):
        if line > previous + 1:
            rows.append(f"<tr class=gap><td colspan=2>⋯ {_plural(line - previous - 1, 'line')}</td></tr>")
        previous = line
        marked = line in starting
        rows.append(f"<tr{' class=hit' if marked else ''}><td class=ln>{line}</td>"
                    f"<td class=code>{_marked_line(lines.line_text(line), covering.get(line, []))}</td></tr>")
        if marked:
            notes = "".join(_note(number, index, finding) for index, finding in starting[line])
            rows.append(f"<tr class=notes><td class=ln></td><td><ul>{notes}</ul></td></tr>")
    if previous < last:
        rows.append(f"<tr class=gap><td colspan=2>⋯ {_plural(last - previous, 'line')}</td></tr>")
    return head + f"<table class=source>{''.join(rows)}</table></section>\n"


def _spans_by_line(findings: list[Finding], lines: SourceLines) -> dict[int, list[tuple[int, int, Finding]]]:
    """For each line, the column range (0-based, end excluded) each finding covers on it."""
    spans: dict[int, list[tuple[int, int, Finding]]] = {}
    last = len(lines)
    for finding in findings:
        first, final = min(finding.start.line, last), min(finding.end.line, last)
        for line in range(first, final + 1):
            length = len(lines.line_text(line))
            start = finding.start.column - 1 if line == finding.start.line else 0
            end = finding.end.column - 1 if line == finding.end.line else length
            if line == final and line != first and end == 0:
                continue  # the span ends where this line starts
            start = min(max(start, 0), length)
            spans.setdefault(line, []).append((start, max(start, min(end, length)), finding))
    return spans


def _marked_line(text: str, spans: list[tuple[int, int, Finding]]) -> str:
    """The line with a <mark> over each stretch some findings cover, the worst one's colour;
    a finding of no width (a missing space) is a thin mark at its place."""
    if not spans:
        return _visible(text) or " "
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    points: dict[int, list[Finding]] = {}
    for start, end, finding in spans:
        if start == end:
            points.setdefault(start, []).append(finding)
    parts = []
    for left, right in zip(cuts, cuts[1:] + [None]):
        for finding in points.get(left, ()):
            parts.append(f"<mark class='point {finding.severity}' title='{_title([finding])}'></mark>")
        if right is None:
            break
        over = [f for s, e, f in spans if s <= left and e >= right and s != e]
        piece = _visible(text[left:right])
        if over:
            worst = max(f.severity for f in over)
            overlap = " overlap" if len(over) > 1 else ""
            parts.append(f"<mark class='{worst}{overlap}' title='{_title(over)}'>{piece}</mark>")
        else:
            parts.append(piece)
    return "".join(parts) or " "


def _title(findings: list[Finding]) -> str:
    return escape("\n".join(f"{f.rule}: {f.message}" for f in findings))


def _note(file_number: int, index: int, finding: Finding) -> str:
    where = f"{finding.start.line}:{finding.start.column}–{finding.end.line}:{finding.end.column}"
    fix = ""
    if finding.fix is not None:
        change = f"replace with <code>{_visible(finding.fix.replacement)}</code>" if finding.fix.replacement else "delete"
        fix = f"<span class=fix>Fix ({'safe' if finding.fix.safe else 'unsafe'}): {change}</span>"
    return (f"<li class='{finding.severity}' id='f{file_number}-{index}'><span class='sev {finding.severity}'>{finding.severity}</span> "
            f"{_rule_link(finding.rule)} {_visible(finding.message)}<span class=where>{where}</span>{fix}</li>")


def _rule_docs(findings: list[Finding], rules: Sequence) -> str:
    fired = sorted({f.rule for f in findings})
    if not fired:
        return ""
    known = {rule.id: rule for rule in rules}
    parts = ["<h2 id=rules>Rules</h2>\n"]
    for rule_id in fired:
        rule = known.get(rule_id)
        body = rule_doc_html(rule, level=3) if rule is not None else (
            f"<h3><code>{escape(rule_id)}</code></h3><p>No documentation was loaded for this rule.</p>")
        parts.append(f"<article class=rule id='{escape(rule_anchor(rule_id))}'>{body}</article>\n")
    return "".join(parts)
