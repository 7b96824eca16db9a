"""SARIF output: valid against the 2.1.0 schema, every rule documented, fingerprints that follow a
finding through unrelated edits (what code scanning needs to track it)."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SHARED

from lint.cli import main
from lint.fingerprint import FINGERPRINT_KEY
from lint.rules import load_rules
from lint.suppressions import UNUSED_SUPPRESSION

ARTICLES = FIXTURES / "ci" / "articles"
SCHEMA = SHARED / "schemas" / "sarif-2.1.0.json"


def sarif(*args: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--format", "sarif", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


def validate(document: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/schemas is not available")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_output_is_valid_sarif_with_results_where_the_findings_are(tmp_path):
    article = tmp_path / "chrome.txt"
    shutil.copy(ARTICLES / "chrome.txt", article)
    document = sarif("--select", "chrome/advertising,chrome/comment-form", str(article), str(ARTICLES / "clean.txt"))
    validate(document)
    run = document["runs"][0]
    found = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]}
    assert found == {("chrome/advertising", 3), ("chrome/comment-form", 9), ("chrome/comment-form", 11)}
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startColumn"] == 1 and region["endColumn"] > region["startColumn"]
        assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == ""


def test_every_rule_is_described_with_its_help(tmp_path):
    document = sarif(str(ARTICLES / "clean.txt"))
    validate(document)
    described = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    for rule in load_rules():
        descriptor = described[rule.id]
        assert descriptor["shortDescription"]["text"] == rule.summary
        help_text = descriptor["help"]["text"]
        assert rule.summary in help_text
        if rule.description:
            assert rule.description in help_text
        for example in (*rule.fire, *rule.quiet):
            assert example.strip().splitlines()[0] in help_text
            assert example.strip() in descriptor["help"]["markdown"]
    # The rule the engine reports itself is described too.
    assert "suppresses nothing" in described[UNUSED_SUPPRESSION]["shortDescription"]["text"]


def _prints(document: dict) -> dict[tuple[str, str], str]:
    return {
        (r["ruleId"], r["message"]["text"]): r["partialFingerprints"][FINGERPRINT_KEY]
        for r in document["runs"][0]["results"]
    }


def test_fingerprints_survive_unrelated_edits_and_follow_the_finding(tmp_path):
    article = tmp_path / "chrome.txt"
    original = (ARTICLES / "chrome.txt").read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")
    select = ("--select", "chrome/advertising,chrome/comment-form")
    before = sarif(*select, str(article))
    # Lines added above, a paragraph reworded: the findings move but keep their fingerprints.
    edited = original.replace(
        "Council approves new library for the east side\n",
        "Council approves new library for the east side\n\nBy a staff reporter\n\nUpdated on Wednesday.\n",
    ).replace("take two years", "take about two years")
    article.write_text(edited, encoding="utf-8")
    after = sarif(*select, str(article))
    assert _prints(before) == _prints(after)
    lines_before = sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before["runs"][0]["results"])
    lines_after = sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"])
    assert [line + 4 for line in lines_before] == lines_after
    # Two identical findings are told apart, and a finding whose own text changes is a new one.
    assert len(set(_prints(after).values())) == len(after["runs"][0]["results"])
    article.write_text(edited.replace("Leave a Reply", "Leave a Comment"), encoding="utf-8")
    changed = _prints(sarif(*select, str(article)))
    assert set(changed.values()) - set(_prints(after).values())


def test_unreadable_file_becomes_a_notification_and_stays_valid(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    document = sarif(str(empty), str(ARTICLES / "clean.txt"))
    validate(document)
    invocation = document["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "empty file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_relative_paths_are_relative_uris(tmp_path, monkeypatch):
    folder = tmp_path / "news desk"
    folder.mkdir()
    shutil.copy(ARTICLES / "chrome.txt", folder / "chrome.txt")
    monkeypatch.chdir(tmp_path)
    document = sarif("--select", "chrome/advertising", "news desk/chrome.txt")
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news%20desk/chrome.txt", "uriBaseId": "%SRCROOT%"}
    assert document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
