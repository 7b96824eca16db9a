"""The engine: rule selection, severities, and one report per line where rules agree."""
from __future__ import annotations

from conftest import FIXTURES, lint_string

from lint.config import Settings
from lint.engine import select_rules, severity_for
from lint.findings import Severity
from lint.rules import load_rules

ARTICLE = (
    "Bridge closes for repairs\n\n"
    "The council voted on Monday to close the bridge for six weeks of repairs, the mayor said in a statement.\n\n"
    "Engineers found cracks in two of the steel supports during an inspection last month, officials said.\n\n"
    "Leave a Reply\n"
)


def test_a_line_two_chrome_rules_want_deleted_is_reported_once():
    findings = [f for f in lint_string(ARTICLE, select=("chrome",)) if f.start.line == 7]
    # Both the comment-form phrase and the structural trailing-line rule see it; the phrase rule,
    # which recognises the text itself, speaks for both.
    assert [f.rule for f in findings] == ["chrome/comment-form"]


def test_selection_prefers_the_more_specific_entry():
    rules = load_rules()
    chosen = {r.id for r in select_rules(rules, Settings(select=("chrome",), ignore=("chrome/teaser",)))}
    assert "chrome/comment-form" in chosen and "chrome/teaser" not in chosen
    chosen = {r.id for r in select_rules(rules, Settings(select=("chrome/teaser",), ignore=("chrome",)))}
    assert chosen == {"chrome/teaser"}


def test_rules_off_by_default_need_selecting():
    rules = load_rules()
    assert "readability/scores" not in {r.id for r in select_rules(rules, Settings())}
    assert "readability/scores" in {r.id for r in select_rules(rules, Settings(extend_select=("readability/scores",)))}


def test_severity_override_most_specific_wins():
    rule = next(r for r in load_rules() if r.id == "chrome/teaser")
    settings = Settings(severity={"chrome": Severity.ERROR, "chrome/teaser": Severity.INFO})
    assert severity_for(rule, settings) is Severity.INFO
    assert severity_for(rule, Settings(severity={"chrome": Severity.ERROR})) is Severity.ERROR


def test_other_families_say_nothing_inside_page_chrome():
    text = (FIXTURES / "chrome" / "findings-inside-chrome.txt").read_text(encoding="utf-8")
    found = {(f.start.line, f.rule) for f in lint_string(text)}
    # The cookie notice is the page's, to delete: its straight apostrophes are not the copy's style.
    assert (9, "chrome/cookie-notice") in found
    assert not [rule for line, rule in found if line == 9 and not rule.startswith("chrome/")]
    # The article's own slip still counts.
    assert (5, "typography/doubled-word") in found
    # Without the chrome rules the notice is read as copy like any other line.
    alone = {(f.start.line, f.rule) for f in lint_string(text, select=("typography",))}
    assert (9, "typography/mixed-apostrophes") in alone


def test_mis_decoded_text_is_reported_even_inside_chrome():
    text = (FIXTURES / "chrome" / "findings-inside-chrome.txt").read_text(encoding="utf-8")
    damaged = text.replace("We'll assume you're", "Weâ€™ll assume youâ€™re")
    found = {(f.start.line, f.rule) for f in lint_string(damaged)}
    assert {(9, "chrome/cookie-notice"), (9, "translation/mojibake")} <= found


def test_a_caption_is_still_read_as_copy():
    # A caption is often published with its picture: its slips are reported beside the caption itself.
    text = (
        "Firefighters work to put out the the fire at a warehouse on the edge of the city on Tuesday afternoon\n\n"
        "Fire crews spent six hours fighting a blaze at a warehouse on the edge of the city on Tuesday, the fire service said.\n\n"
        "Nobody was hurt, and the cause of the fire is not yet known, a spokesman said.\n"
    )
    found = {(f.start.line, f.rule) for f in lint_string(text)}
    assert {(1, "chrome/caption"), (1, "typography/doubled-word")} <= found
