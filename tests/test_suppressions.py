"""Inline suppressions in Markdown and HTML comments, and the report of unused ones."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from lint.cli import main
from lint.config import Settings
from lint.engine import Linter
from lint.formats import read_document
from lint.rules import load_rules
from lint.suppressions import UNUSED_SUPPRESSION, UNUSED_SUPPRESSION_RULE, parse_directives

CI = FIXTURES / "ci"
CHROME = "chrome/advertising,chrome/comment-form"
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)


def findings(path, *select: str) -> list[tuple[int, str]]:
    args = ["check", "--format", "json", "--select", ",".join(select), str(path)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return [(f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


def test_markdown_next_line_and_range_suppressions(tmp_path):
    reported = findings(CI / "suppressed.md", CHROME, UNUSED_SUPPRESSION)
    assert reported == [
        (14, "chrome/comment-form"),  # after the enable: reported again
        (16, UNUSED_SUPPRESSION),  # the next line holds no chrome
    ]
    # Without the comments, the suppressed lines are reported.
    bare = tmp_path / "bare.md"
    bare.write_text(_COMMENT.sub("", (CI / "suppressed.md").read_text(encoding="utf-8")), encoding="utf-8")
    assert {rule for _, rule in findings(bare, CHROME)} == {"chrome/advertising", "chrome/comment-form"}
    assert len(findings(bare, CHROME)) == 4


def test_html_suppressions_and_a_partly_unused_one():
    reported = findings(CI / "suppressed.html", CHROME, UNUSED_SUPPRESSION)
    assert reported == [(11, "chrome/advertising")]  # the second label is not covered
    # `names` is listed in a suppression but suppresses nothing: reported once the names rules run.
    with_names = findings(CI / "suppressed.html", CHROME, "names", UNUSED_SUPPRESSION)
    assert (9, UNUSED_SUPPRESSION) in with_names


def test_unused_suppressions_are_reported_only_for_rules_that_ran():
    # Without style/unused-suppression selected, nothing is said about the comments.
    assert findings(CI / "suppressed.md", CHROME) == [(14, "chrome/comment-form")]
    # Only chrome/advertising runs: a chrome-family suppression over a line without an ad label is
    # unused, but the comment-form range cannot be judged and is not reported.
    reported = findings(CI / "suppressed.md", "chrome/advertising", UNUSED_SUPPRESSION)
    assert reported == [(8, UNUSED_SUPPRESSION), (16, UNUSED_SUPPRESSION)]


def lint_markdown(text: str, *select: str):
    settings = Settings(select=tuple(p for item in select for p in item.split(",")))
    return Linter((*load_rules(), UNUSED_SUPPRESSION_RULE)).check(read_document("article.md", text), settings)


def test_unknown_rules_and_stray_enables_are_reported():
    text = (
        "# Notes\n\n<!-- newslint-disable-next-line chrome/advertisment -->\nAdvertisement\n\n"
        "<!-- newslint-enable chrome -->\n\nThe council met on Tuesday.\n"
    )
    reported = [(f.start.line, f.rule, f.message) for f in lint_markdown(text, CHROME, UNUSED_SUPPRESSION)]
    assert (3, UNUSED_SUPPRESSION, "Suppression names no known rule: chrome/advertisment.") in reported
    assert (4, "chrome/advertising") in [(line, rule) for line, rule, _ in reported]
    assert any(line == 6 and "no newslint-disable" in message for line, _, message in reported)


def test_a_bare_disable_covers_every_rule_to_the_end():
    text = "# Notes\n\n<!-- newslint-disable -->\n\nAdvertisement\n\nRecent Comments\n"
    assert lint_markdown(text, CHROME, UNUSED_SUPPRESSION) == []


def test_plain_text_has_no_comments_to_obey():
    text = "Notes\n\n<!-- newslint-disable-next-line chrome -->\nAdvertisement\n"
    settings = Settings(select=tuple(CHROME.split(",")))
    reported = Linter(load_rules()).check(read_document("article.txt", text), settings)
    assert [f.rule for f in reported] == ["chrome/advertising"]


def test_directive_parsing():
    comments = [
        (0, 10, "newslint-disable-next-line names/variant, chrome -- quoted from the page"),
        (20, 30, "newslint-disable"),
        (40, 50, "newslint-enable all"),
        (60, 70, "newslint-disabled chrome"),  # not a directive
        (80, 90, "an editor's note about newslint-disable"),
    ]
    parsed = [(d.action, d.patterns) for d in parse_directives(comments)]
    assert parsed == [("disable-next-line", ("names/variant", "chrome")), ("disable", ()), ("enable", ())]


def test_the_unused_suppression_rule_examples():
    rule = UNUSED_SUPPRESSION_RULE
    for example in rule.fire:
        assert UNUSED_SUPPRESSION in [f.rule for f in lint_markdown(example, "chrome", UNUSED_SUPPRESSION)], example
    for example in rule.quiet:
        assert UNUSED_SUPPRESSION not in [f.rule for f in lint_markdown(example, "chrome", UNUSED_SUPPRESSION)], example


def test_an_unused_comment_on_its_own_line_is_fixable(tmp_path):
    article = tmp_path / "notes.md"
    article.write_text(
        "# Notes\n\nThe council met on Tuesday.\n\n<!-- newslint-disable-next-line chrome -->\nThe vote was close.\n",
        encoding="utf-8",
    )
    args = ["check", "--select", f"chrome,{UNUSED_SUPPRESSION}", "--fix", str(article)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert article.read_text(encoding="utf-8") == "# Notes\n\nThe council met on Tuesday.\n\nThe vote was close.\n"


@pytest.mark.parametrize("name", ["suppressed.md", "suppressed.html"])
def test_suppressed_findings_are_not_fixed(tmp_path, name):
    article = tmp_path / name
    shutil.copy(CI / name, article)
    before = article.read_text(encoding="utf-8")
    CliRunner().invoke(main, ["check", "--select", "chrome/advertising", "--fix", str(article)], catch_exceptions=False)
    after = article.read_text(encoding="utf-8")
    # The suppressed label stays; only an unsuppressed one may go.
    assert after.count("Advertisement") == before.count("Advertisement") - (1 if name.endswith("html") else 0)
