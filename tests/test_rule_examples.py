"""Every rule carries examples that must fire and examples that must stay quiet; this runs them all."""
from __future__ import annotations

import pytest

from lint.analysis import Analysis
from lint.formats import read_document
from lint.rules import load_rules

RULES = load_rules()


def _hits(rule, text: str):
    return list(rule.checker.check(Analysis(read_document("example.txt", text))))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples(rule):
    assert rule.fire, f"{rule.id} has no examples that must fire"
    assert rule.quiet, f"{rule.id} has no examples that must stay quiet"


@pytest.mark.parametrize(
    "rule,example",
    [(rule, example) for rule in RULES for example in rule.fire],
    ids=lambda value: value.id if hasattr(value, "id") else value[:40],
)
def test_fires(rule, example):
    # A kind that declares `needs_server` (LanguageTool) can only fire when a server is configured.
    if getattr(rule.checker, "needs_server", False) and not rule.checker.server_configured({}):
        pytest.skip(f"{rule.id} needs a server and none is configured")
    assert _hits(rule, example), f"{rule.id} did not fire on: {example!r}"


@pytest.mark.parametrize(
    "rule,example",
    [(rule, example) for rule in RULES for example in rule.quiet],
    ids=lambda value: value.id if hasattr(value, "id") else value[:40],
)
def test_stays_quiet(rule, example):
    assert not _hits(rule, example), f"{rule.id} fired on: {example!r}"
