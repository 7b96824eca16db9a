"""The contract a newsroom gates on: fixes carry a safety level, and no path switches a check off silently."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, lint_string

from lint.cli import main

MIXED = FIXTURES / "contract" / "mixed-fixes.txt"  # a doubled word and a chrome line (safe), a name and a unit (unsafe)


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kwargs)


def copy(tmp_path, source=MIXED):
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


# --- fix safety ---------------------------------------------------------------------------------


def test_fix_applies_only_the_safe_fixes(tmp_path):
    article = copy(tmp_path)
    result = run("check", "--fix", str(article))
    text = article.read_text(encoding="utf-8")
    assert "the the" not in text and "Advertisement" not in text
    # The name rewrite and the unit conversion are judgements: left for --unsafe-fixes.
    assert "Mille said" in text and "1 lakh" in text
    assert "fixed 2 problems in 1 file; 2 more fixable with --unsafe-fixes" in result.stderr


def test_unsafe_fixes_adds_the_judgements(tmp_path):
    article = copy(tmp_path)
    run("check", "--fix", "--unsafe-fixes", str(article))
    text = article.read_text(encoding="utf-8")
    assert "Milley said the army had lost 100,000 soldiers" in text and "the the" not in text


def test_diff_respects_the_flags_and_names_the_unsafe_fixes(tmp_path):
    article = copy(tmp_path)
    safe = run("check", "--diff", str(article))
    assert "-Mille said" not in safe.stdout and "+General Mark Milley said on Wednesday that the war" in safe.stdout
    assert "unsafe fix" not in safe.stderr and "2 more fixable with --unsafe-fixes" in safe.stderr
    both = run("check", "--diff", "--unsafe-fixes", str(article))
    assert "+Milley said the army had lost 100,000 soldiers" in both.stdout
    assert f"{article}:7:1: unsafe fix of names/variant" in both.stderr
    assert f"{article}:7:30: unsafe fix of numbers/indian-units" in both.stderr
    assert article.read_text(encoding="utf-8") == MIXED.read_text(encoding="utf-8")


def test_json_fix_states_its_applicability():
    result = run("check", "--format", "json", str(MIXED))
    levels = {f["rule"]: f["fix"]["applicability"] for f in json.loads(result.stdout)["findings"]}
    assert levels == {
        "typography/doubled-word": "safe", "chrome/advertising": "safe",
        "names/variant": "unsafe", "numbers/indian-units": "unsafe",
    }


def test_sarif_offers_only_safe_fixes():
    result = run("check", "--format", "sarif", str(MIXED))
    results = {r["ruleId"]: r for r in json.loads(result.stdout)["runs"][0]["results"]}
    assert "fixes" in results["typography/doubled-word"] and "fixes" in results["chrome/advertising"]
    for rule in ("names/variant", "numbers/indian-units"):
        assert "fixes" not in results[rule]
        assert results[rule]["properties"]["fixApplicability"] == "unsafe"


def test_summary_counts_safe_and_unsafe_fixes():
    result = run("check", str(MIXED))
    assert "2 fixable with --fix (2 more with --unsafe-fixes)." in result.stdout


@pytest.mark.parametrize("text,rule,safe", [
    ("The minister said the the plan would work.", "typography/doubled-word", True),
    ("Where is Washington/Moscow : nobody knows.", "typography/space-before-punctuation", True),
    ("Russiaâ€™s army advanced, officials said.", "translation/mojibake", True),
    ("The talks ended। Both sides left.", "translation/source-punctuation", True),
    ("Headline here\n\nThe council met on Tuesday.\n\nAdvertisement\n\nIt voted for the plan.\n", "chrome/advertising", True),
    ("He said “yes” and she said \"no\" and they said \"maybe\".", "typography/mixed-quotes", True),
    ("The army lost 1 lakh soldiers, officials said.", "numbers/indian-units", False),
    ("Talks in Kiev went on, officials said.", "names/house-spelling", False),
])
def test_each_kind_states_whether_its_fix_is_safe(text, rule, safe):
    (finding,) = [f for f in lint_string(text, select=(rule,)) if f.rule == rule][:1]
    assert finding.fix is not None and finding.fix.safe is safe
