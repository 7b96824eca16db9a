"""Clean articles stay clean: every default rule together, on articles with nothing to report."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from lint.findings import Severity
from lint.runner import Session

CLEAN = sorted({*FIXTURES.glob("clean/*"), *FIXTURES.glob("*/clean*"), *FIXTURES.glob("*/*-clean.*")})


def test_there_are_clean_articles():
    assert len(CLEAN) >= 4


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_warning_on_a_clean_article(path):
    result = Session().check_file(path)
    assert result.error is None
    assert [f for f in result.findings if f.severity >= Severity.WARNING] == []
