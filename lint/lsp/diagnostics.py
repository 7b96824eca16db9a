"""Findings -> the protocol's diagnostics and code actions (lsprotocol types)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from lsprotocol import types

from ..findings import Finding, Position, Severity
from ..fixes import applicable, choose
from ..suppressions import UNUSED_SUPPRESSION
from .positions import LineIndex
from .suppress import disable_next_line

SOURCE = "newslint"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.newslint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class CheckedDocument:
    """One check of one version of an open document: what code actions are computed from."""

    uri: str
    version: int | None
    text: str
    fmt: str
    findings: tuple[Finding, ...]
    lines: LineIndex
    encoding: str  # the position encoding agreed with the client

    def range(self, start: Position, end: Position) -> types.Range:
        (start_line, start_char), (end_line, end_char) = self.lines.lsp_range(start, end, self.encoding)
        return types.Range(types.Position(start_line, start_char), types.Position(end_line, end_char))

    def offset_range(self, start: int, end: int) -> types.Range:
        start_line, start_char = self.lines.lsp_position(start, self.encoding)
        end_line, end_char = self.lines.lsp_position(end, self.encoding)
        return types.Range(types.Position(start_line, start_char), types.Position(end_line, end_char))


def docs_href(template: str, rule: str) -> str:
    return template.replace("{rule}", rule)


def diagnostic(checked: CheckedDocument, finding: Finding, docs_url: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=checked.range(finding.start, finding.end),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=docs_href(docs_url, finding.rule)),
        source=SOURCE,
        # Editors grey out an unused suppression comment, as they do unused code.
        tags=[types.DiagnosticTag.Unnecessary] if finding.rule == UNUSED_SUPPRESSION else None,
    )


def diagnostics(checked: CheckedDocument, docs_url: str) -> list[types.Diagnostic]:
    return [diagnostic(checked, finding, docs_url) for finding in checked.findings]


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _replacement(checked: CheckedDocument, finding: Finding) -> tuple[int, int, str]:
    fix = finding.fix
    start, end = checked.lines.offset(fix.start), checked.lines.offset(fix.end)
    replacement = fix.replacement
    if "\r\n" in checked.text and "\n" in replacement:
        # Rules write "\n"; the document keeps its own line ends (as `newslint check --fix` does).
        replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
    return start, end, replacement


def fix_title(checked: CheckedDocument, finding: Finding) -> str:
    start, end, replacement = _replacement(checked, finding)
    old = checked.text[start:end]
    if not replacement:
        whole_line = old.endswith("\n") and old.count("\n") == 1
        what = f"Delete the line “{_short(old)}”" if whole_line else f"Delete “{_short(old)}”"
    elif not old:
        what = f"Insert “{_short(replacement)}”"
    else:
        what = f"Replace “{_short(old)}” with “{_short(replacement)}”"
    # An unsafe fix is a judgement (a name rewritten, a unit converted): the title says so.
    return f"{what} ({finding.rule}{'' if finding.fix.safe else ', unsafe'})"


class ActionBuilder:
    """Code actions for one request on one checked document."""

    def __init__(self, checked: CheckedDocument, docs_url: str, versioned_edits: bool):
        self.checked = checked
        self.docs_url = docs_url
        self.versioned_edits = versioned_edits

    def edit(self, changes: list[tuple[int, int, str]]) -> types.WorkspaceEdit:
        checked = self.checked
        edits = [types.TextEdit(range=checked.offset_range(start, end), new_text=text) for start, end, text in changes]
        if self.versioned_edits:
            # A versioned edit is refused by the client if the document changed meanwhile.
            document = types.OptionalVersionedTextDocumentIdentifier(uri=checked.uri, version=checked.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])
        return types.WorkspaceEdit(changes={checked.uri: edits})

    def actions(self, requested: types.Range, only: Sequence[str] | None) -> list[types.CodeAction]:
        checked = self.checked
        actions: list[types.CodeAction] = []
        if _wanted(types.CodeActionKind.QuickFix.value, only):
            disabled: set[tuple[str, int]] = set()
            for finding in checked.findings:
                diag = diagnostic(checked, finding, self.docs_url)
                if not _overlaps(diag.range, requested):
                    continue
                if finding.fix is not None:
                    actions.append(types.CodeAction(
                        title=fix_title(checked, finding),
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=finding.fix.safe,
                        edit=self.edit([_replacement(checked, finding)]),
                    ))
                key = (finding.rule, finding.start.line)
                change = None if key in disabled else disable_next_line(checked.text, finding.start.line, finding.rule, checked.fmt)
                if change is not None:
                    disabled.add(key)
                    actions.append(types.CodeAction(
                        title=f"Disable {finding.rule} for this line",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        edit=self.edit([(change.start, change.end, change.text)]),
                    ))
        if _wanted(FIX_ALL_KIND, only):
            fix_all = self.fix_all()
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    def fix_all(self) -> types.CodeAction | None:
        # Fix-all runs on save in many editors: like `newslint check --fix`, only the safe fixes.
        chosen, _ = choose([finding for finding in self.checked.findings if applicable(finding)])
        changes = sorted({_replacement(self.checked, finding) for finding in chosen})
        if not changes:
            return None
        count = len(changes)
        return types.CodeAction(
            title=f"Apply all newslint fixes ({count} problem{'s' * (count != 1)})",
            kind=FIX_ALL_KIND,
            edit=self.edit(changes),
        )
