"""A finding's identity that survives unrelated edits: for baselines and SARIF partialFingerprints.

The fingerprint hashes the rule, the matched source text and a little of the text on either
side of it on the same line, never the line number: a finding keeps its fingerprint when lines
are added or removed above it, and gets a new one when its own words change.  Identical
findings in one file (the same chrome line twice) are told apart by an occurrence number, in
the order of the file, as code-scanning services do.
"""
from __future__ import annotations

import hashlib
import re
from typing import Sequence

from .findings import Finding

FINGERPRINT_KEY = "newslint/v1"  # the name under which SARIF carries it; bump when the recipe changes
CONTEXT_CHARS = 32  # characters of the same line on either side of the span that take part
_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    """White space does not count: re-wrapping or re-indenting a line keeps the fingerprint."""
    return _SPACE.sub(" ", text).strip()


def _context(source: str, start: int, end: int) -> tuple[str, str, str]:
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    if line_end == -1:
        line_end = len(source)
    before = source[max(line_start, start - CONTEXT_CHARS):start]
    after = source[end:min(line_end, end + CONTEXT_CHARS)]
    return _normal(before), _normal(source[start:end]), _normal(after)


def fingerprints(findings: Sequence[Finding], source: str) -> list[str]:
    """One fingerprint per finding of one file (`findings` in file order, `source` the file's text)."""
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        before, matched, after = _context(source, finding.source_start, finding.source_end)
        key = "\x00".join((finding.rule, matched, before, after))
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        seen[digest] = seen.get(digest, 0) + 1
        result.append(f"{digest}:{seen[digest]}")
    return result
