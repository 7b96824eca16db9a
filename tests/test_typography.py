"""The typography family: quotation marks, brackets, dashes, doubled words and spaces."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, findings_by_line, lint_string, seed

from lint.config import ConfigError, settings_from_table
from lint.findings import Severity
from lint.fixes import apply_fixes, choose

TYPOGRAPHY = FIXTURES / "typography"


def lint(text: str, select: str = "typography", **options):
    return lint_string(text, select=(select,), **options)


def fixture(name: str) -> str:
    return (TYPOGRAPHY / name).read_text(encoding="utf-8")


def fixed(text: str, findings) -> str:
    chosen, _ = choose(findings)
    return apply_fixes(text, chosen)


# ---- quotation marks


def test_seed_000_mixed_quotes_flag_the_straight_minority():
    findings = lint(seed("000").read_text(encoding="utf-8"), "typography/mixed-quotes")
    assert findings_by_line(findings) == {2, 5, 7, 9}
    assert all("13 curly and 9 straight" in f.message for f in findings)


def test_mixed_quotes_fix_converts_to_the_majority():
    text = fixture("quotes-mixed.txt")
    findings = lint(text, "typography/mixed-quotes")
    assert findings_by_line(findings) == {5}
    assert 'called the decision “a disaster” and said the road was “our only way out”.' in fixed(text, findings)


def test_house_quote_style_overrides_the_majority():
    text = fixture("quotes-mixed.txt")
    findings = lint(text, "typography/mixed-quotes", **{"quote-style": "straight"})
    assert findings_by_line(findings) == {3, 7}
    assert "“" not in fixed(text, findings).split("\n", 6)[6]


def test_inch_marks_are_not_quotes():
    assert lint('He bought a 34" screen and called it “huge”.', "typography/mixed-quotes") == []


def test_a_curly_inch_mark_is_not_a_quote():
    # A straight-quoted article: the ” of a 14” screen is a prime, not a curly quotation mark.
    text = 'The "Pro" model has a 14” screen, the company said. Buyers called it "light".'
    assert lint(text, "typography/mixed-quotes") == []
    assert len(lint(text.replace('"light"', "“light”"), "typography/mixed-quotes")) == 1


def test_apostrophes_are_advice_only():
    findings = lint(fixture("quotes-mixed.txt"), "typography/mixed-apostrophes")
    assert [(f.start.line, f.severity) for f in findings] == [(7, Severity.INFO)]


# ---- balance


def test_quotation_running_over_paragraphs_is_news_style():
    findings = lint(fixture("running-quote.txt"), "typography/unbalanced")
    assert [(f.start.line, f.message) for f in findings] == [(9, "“(” is not closed in its paragraph.")]


def test_unbalanced_quotes_and_brackets():
    assert len(lint("“We will not give up, he said. Talks resume on Monday.", "typography/unbalanced")) == 1
    assert len(lint("He said the talks were over” and left.", "typography/unbalanced")) == 1
    assert lint("The plan has three parts: 1) cut costs, 2) raise prices :) and (a) wait.", "typography/unbalanced") == []


def test_a_bracket_left_open_inside_another_is_the_one_reported():
    text = "Breakfast [1 cup asparagus, ½ cup sweet potato (or 1 slice toast), 1 tsp. olive oil (or butter for toast]"
    [finding] = lint(text, "typography/unbalanced")
    assert (finding.start.column, finding.message) == (text.rindex("(") + 1, "“(” is not closed before the “]” around it.")


def test_german_quotation_marks_an_inch_mark_and_a_wink_are_balanced():
    assert lint("Die Serie „Vivy“ startet im Herbst, sagte der Sender.", "typography/unbalanced") == []
    assert lint("The laptop has a 14” screen and weighs 1.2kg.", "typography/unbalanced") == []
    assert lint("Great post (see you soon ;)) and thanks. The plan (item 8) was approved.", "typography/unbalanced") == []
    # The same marks left open still are.
    assert [f.message for f in lint("Er sagte „ja und ging.", "typography/unbalanced")] == ["“„” is not closed in its paragraph."]
    assert [f.message for f in lint("Great post ;)) and thanks.", "typography/unbalanced")] == ["“)” closes nothing."]


def test_two_apostrophes_for_a_closing_quote_are_fixed():
    text = "“It was an attempt to mislead voters,’’ he told the BBC."
    assert fixed(text, lint(text, "typography/unbalanced")) == "“It was an attempt to mislead voters,” he told the BBC."


# ---- words and spaces


def test_doubled_word_fix_and_allowed_repeats():
    text = fixture("typos.txt")
    findings = lint(text, "typography/doubled-word")
    assert [f.start.line for f in findings] == [3]  # not "that that" (5) nor "had had" (7)
    assert "Work on the bridge" in fixed(text, findings)
    assert len(lint("The the council met.", "typography/doubled-word")) == 1
    assert lint("They flew to Bora Bora.", "typography/doubled-word") == []


def test_double_space_is_advice_with_a_fix():
    text = fixture("typos.txt")
    findings = lint(text, "typography/double-space")
    assert [(f.start.line, f.severity) for f in findings] == [(3, Severity.INFO)]
    assert "will start on Monday, the council said.  It" in fixed(text, findings)


def test_space_before_punctuation():
    text = fixture("typos.txt")
    findings = lint(text, "typography/space-before-punctuation")
    assert fixed(text, findings).count("manage, and") == 1
    assert lint("Arsenal won 3 : 1; the match began at 10 : 30, and fans cheered ... then left :)", "typography/space-before-punctuation") == []
    # A spaced ellipsis is a style of its own; a full stop after a space is still a slip.
    assert lint("The season drags on . . . off the field as well.", "typography/space-before-punctuation") == []
    assert len(lint("The season drags on . Off the field it is worse.", "typography/space-before-punctuation")) == 1


def test_french_article_keeps_its_own_spacing():
    assert lint(fixture("french-article.txt")) == []


# ---- dashes


def test_dashes_against_the_article_style():
    findings = lint(fixture("dashes.txt"), "typography/dash-style")
    assert [f.start.line for f in findings] == [5, 7]  # not the ranges, the compound nor the bullets
    assert all("mostly uses “ — ”" in f.message for f in findings)


def test_dashes_against_the_house_style_are_fixed():
    text = fixture("dashes.txt")
    findings = lint(text, "typography/dash-style", **{"dash-style": "spaced-en"})
    result = fixed(text, findings)
    assert "\u2014" not in result and "temporary \u2013 and" in result and "2024\u201325" in result
    assert "- Morning sailings" in result


def test_dash_style_option_is_validated():
    with pytest.raises(ConfigError, match="dash-style"):
        settings_from_table({"dash-style": "long"}, Path("newslint.toml"))
    with pytest.raises(ConfigError, match="quote-style"):
        settings_from_table({"quote-style": "smart"}, Path("newslint.toml"))


def test_doubled_word_only_in_english_paragraphs():
    indonesian = ("Kami datang ke sana karena keadaannya amat amat buruk, dan orang-orang di kampung itu sudah "
                  "lama sekali menunggu bantuan dari pemerintah pusat.")
    german = ("Die Leute, die die Stadt verlassen haben, kehren nicht zurück, sagte der Bürgermeister am Montag "
              "in einer Rede vor dem Rat der Stadt.")
    english = ("The council said the the bridge would stay closed for six weeks while engineers inspect it, and "
               "the mayor told residents to use the ferry until the work is done.")
    caption = ("Spain's Rafael Nadal celebrates celebrates a point against Russia's Karen Khachanov during their "
               "Davis Cup tennis match in Madrid, Spain, Tuesday, Nov. 19, 2019.")
    # An English article quoting a long paragraph in another language: the English slips are found,
    # a caption with few of English's commonest words among them.
    text = f"Flood relief stalls\n\n{english}\n\n{indonesian}\n\n{english}\n\n{caption}\n"
    found = lint(text, "typography/doubled-word")
    assert [(f.start.line, text[f.source_start:f.source_end]) for f in found] == [
        (3, "the the"), (7, "the the"), (9, "celebrates celebrates")]
    # Articles in another language: their repeats are grammar.
    assert lint(f"Kabar terbaru\n\n{indonesian}\n\nSudah lama lama sekali.\n", "typography/doubled-word") == []
    assert lint(f"Neue Zahlen\n\n{german}\n", "typography/doubled-word") == []
