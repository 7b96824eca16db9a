"""Property tests on generated articles: checking never crashes and every finding points into the file."""
from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from lint.runner import CliSettings, Session  # noqa: E402

_SESSION = Session(CliSettings(select=("ALL",), ignore=("grammar", "spelling", "style")))
# Pieces of real and damaged copy: prose, punctuation runs, markup, marks that break naive code.
_PIECES = st.sampled_from([
    "The council said on Tuesday", " that ", "3,000", " per cent", ".", "!", "...", "\u2026", "\u2014",
    " - ", "|", "\n", "\n\n", "\r\n", "\r", "\t", "  ", "\u200b", "\u202e", "\u0301", "\ufeff", "\x00",
    "<p>", "</p>", "<div>", "<b>", "&amp;", "&#", "<!--", "# ", "> ", "* ", "1. ", "---\n", "| a | b |\n",
    "\u201c", "\u201d", '"', "'", "(", ")", "Rs 5 lakh", "Mr Smith", "Smyth", "the the", "a a a",
    "Home > World", "By Jane Doe", "Photo: AFP", "\u00a9 2024", "Updated 5 June 2024",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, name=st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_findings_point_into_the_source(text: str, name: str) -> None:
    result = _SESSION.check_text(name, text)
    lines = text.splitlines(keepends=True) or [""]
    for finding in result.findings:
        assert 0 <= finding.source_start <= finding.source_end <= len(text)
        assert 1 <= finding.start.line <= len(lines) + 1
        assert (finding.start.line, finding.start.column) <= (finding.end.line, finding.end.column)
        if finding.fix is not None:
            assert 0 <= finding.fix.source_start <= finding.fix.source_end <= len(text)
