"""A rule's examples as tests: each must fire (or stay quiet) in every reader, as stated.

What an example states is read with its pack (lint.example_entries).  Every example runs
through the three readers: as plain text, as Markdown and as HTML (each line a paragraph).  A
line that Markdown reads as markup (a heading, a list item, a quote) would be another text there,
so such an example is not run as Markdown; as HTML, each run of lines is a paragraph with its
lines kept apart by <br>.  A table may also name its `formats` where a rule rightly reads only
some of them.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable

from .analysis import Analysis
from .example_entries import Example
from .formats import read_document
from .patterns import compile_pattern

_SUFFIX = {"text": "example.txt", "markdown": "example.md", "html": "example.html"}
# Lines Markdown reads as markup rather than as the words on them.
_MARKDOWN_MARKUP = compile_pattern(r"^(?: {4}|\t| {0,3}(?:#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|```|~~~|[-*_=]{3,}\s*$|<))")


@dataclass(frozen=True)
class Failure:
    rule: str
    example: str
    format: str
    problem: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.problem} ({self.format}): {self.example!r}"


def wrap(text: str, fmt: str) -> str | None:
    """The example as a file of the format, or None where that format would read it otherwise."""
    if fmt == "text":
        return text
    if fmt == "markdown":
        return None if any(_MARKDOWN_MARKUP.match(line) for line in text.split("\n")) else text
    # A paragraph per run of lines; the lines of a run kept apart by line breaks.
    paragraphs = text.split("\n\n")
    return "\n\n".join(
        "<p>" + "<br>\n".join(html.escape(line, quote=False) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
    )


def run_examples(rule) -> list[Failure]:
    """Every failure of the rule's examples, in every reader they apply to."""
    from .engine import locate

    failures: list[Failure] = []
    for example in rule.examples:
        for fmt in example.formats:
            source = wrap(example.text, fmt)
            if source is None:
                continue
            doc = read_document(_SUFFIX[fmt], source, fmt)
            if example.source is not None:
                from .bilingual.source import source_from_document

                doc.translation = source_from_document(read_document("source.txt", example.source, "text"))
            found = [locate(doc, rule.id, rule.severity, hit) for hit in rule.checker.check(Analysis(doc))]
            problem = _problem(example, found, source, fmt)
            if problem:
                failures.append(Failure(rule.id, example.text, fmt, problem))
    return failures


def _problem(example: Example, found: list, source: str, fmt: str) -> str | None:
    if not example.fires:
        return "fired" if found else None
    if not found:
        return "did not fire"
    shown = (lambda s: html.unescape(s)) if fmt == "html" else (lambda s: s)
    if example.span is not None and not any(shown(source[f.source_start:f.source_end]) == example.span for f in found):
        marked = ", ".join(repr(shown(source[f.source_start:f.source_end])) for f in found)
        return f"marked {marked}, not {example.span!r}"
    if example.message is not None and not any(example.message in f.message for f in found):
        return f"no message says {example.message!r}"
    if example.fix is not None and not any(f.fix is not None and shown(f.fix.replacement) == example.fix for f in found):
        return f"no fix replaces it with {example.fix!r}"
    return None


def needs_server(rule) -> bool:
    """A LanguageTool rule with no server configured: its examples cannot be tried."""
    return getattr(rule.checker, "needs_server", False) and not rule.checker.server_configured({})


def run_all(rules: Iterable) -> list[Failure]:
    failures: list[Failure] = []
    for rule in rules:
        if not needs_server(rule):
            failures += run_examples(rule)
    return failures
