"""The readability rules: long sentences and paragraphs, and the article's figures."""
from __future__ import annotations

import re

import pytest
from conftest import LONG_SENTENCE, lint_string, seed

from lint.analysis import Analysis
from lint.config import ConfigError, load_config_file
from lint.formats import read_document
from lint.stats import article_stats

LONG = LONG_SENTENCE
SHORT = "The council approved the budget on Tuesday."


def words(text: str) -> int:
    return len([token for token in text.split() if re.search(r"\w", token)])


def readability(text: str, path: str = "article.txt", **options):
    return lint_string(text, path, select=("readability/long-sentence", "readability/long-paragraph"), **options)


def test_a_long_sentence_is_reported_where_it_stands():
    text = f"Trade talks stall\n\n{SHORT} {LONG}\n"
    findings = readability(text)
    assert [(f.rule, f.start.line, f.start.column, f.end.line, f.end.column) for f in findings] == [
        ("readability/long-sentence", 3, len(SHORT) + 2, 3, len(SHORT) + 2 + len(LONG)),
    ]
    assert findings[0].message == f"Sentence of {words(LONG)} words (limit 60): split it or cut it."


def test_a_run_of_names_is_a_list_not_a_long_sentence():
    # An archive dropdown or a tag cloud left on one line has seventy words and no sentence.
    months = " ".join(f"{month} {year}" for year in (2019, 2018, 2017) for month in (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"))
    text = f"Trade talks stall\n\n{SHORT}\n\nArchives Select Month {months}\n"
    assert words(months) > 60
    assert [f.rule for f in readability(text)] == []
    # A real sentence as long, mostly of names, still has its function words.
    assert [f.rule for f in readability(f"Trade talks stall\n\n{LONG}\n")] == ["readability/long-sentence"]


def test_a_dropdown_run_together_is_neither_a_long_sentence_nor_a_long_paragraph():
    # The states' codes hold "AS", "IN", "OR" and "ME", which are no function words in capitals.
    states = ("AL AK AS AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
              "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AA AE AP FM MH PW")
    months = " ".join(f"{month} {year}" for year in range(2006, 2020) for month in (
        "January", "March", "May", "July", "September", "November"))
    text = f"Trade talks stall\n\n{SHORT}\n\nSelect State {states}\n\nArchives Select Month {months}\n"
    assert words(months) > 150 and words(states) > 60
    assert readability(text) == []
    # A real paragraph as long still is one.
    paragraph = " ".join([LONG.replace(", and", ". And")] * 3)
    assert words(paragraph) > 150
    assert "readability/long-paragraph" in [f.rule for f in readability(f"Trade talks stall\n\n{paragraph}\n")]


def test_the_limit_is_a_configuration_option():
    assert not readability(f"{SHORT} {LONG}\n", **{"max-sentence-words": words(LONG)})
    tight = readability(f"{SHORT} {LONG}\n", **{"max-sentence-words": 6})
    assert [f.start.column for f in tight] == [1, len(SHORT) + 2]


def test_quoted_words_do_not_count_towards_a_sentence():
    quote = (
        "\u201cWe have spent months talking to every business owner on the high street, and every one of them "
        "told us the same thing, that the road works and the parking charges and the closures of the last two "
        "years have driven their customers away to the retail parks,\u201d"
    )
    assert words(quote) > 45
    assert not readability(f"{quote} said Ana Ruiz, who runs the bakery.\n")
    # The writer's own words around the quotation still count.
    own = " ".join(["the council said on Tuesday in a statement that"] * 8)
    findings = readability(f"{quote} {own}.\n")
    assert [f.message.split(" words")[0] for f in findings] == [f"Sentence of {words(own)}"]


def test_headlines_headings_and_block_quotes_are_not_checked():
    pytest.importorskip("lint.formats.markdown")
    headline = " ".join(["Word"] * 60)
    text = f"# {headline}\n\n## {headline}\n\n> {LONG}\n\n{SHORT}\n"
    assert not readability(text, "article.md")


def test_a_long_paragraph_is_reported_and_its_limit_is_configurable():
    paragraph = " ".join([SHORT] * 25)  # 175 words in short sentences
    text = f"Budget approved\n\n{paragraph}\n\n{SHORT}\n"
    findings = readability(text)
    assert [(f.rule, f.start.line, f.start.column, f.end.column) for f in findings] == [
        ("readability/long-paragraph", 3, 1, len(paragraph) + 1),
    ]
    assert findings[0].message == "Paragraph of 175 words (limit 150): break it up."
    assert not readability(text, **{"max-paragraph-words": 200})


def test_limits_must_be_positive_whole_numbers(tmp_path):
    config = tmp_path / "newslint.toml"
    for line in ("max-sentence-words = 0", 'max-paragraph-words = "long"'):
        config.write_text(line + "\n")
        with pytest.raises(ConfigError, match=line.split(" ")[0]):
            load_config_file(config)
    config.write_text("max-sentence-words = 30\nmax-paragraph-words = 120\n")
    assert dict(load_config_file(config).options) == {"max-sentence-words": 30, "max-paragraph-words": 120}


def test_scores_are_off_by_default_and_one_info_finding_at_the_top_when_selected():
    text = "Budget approved\n\n" + " ".join([SHORT, "The vote was seven to two.", LONG] * 4) + "\n"
    assert not [f for f in lint_string(text) if f.rule == "readability/scores"]
    findings = lint_string(text, select=("readability/scores",))
    assert [(f.rule, str(f.severity), f.start.line, f.start.column) for f in findings] == [("readability/scores", "info", 1, 1)]
    stats = article_stats(Analysis(read_document("article.txt", text)))
    assert findings[0].message == (
        f"Readability: Flesch reading ease {stats.flesch_reading_ease:.1f}, Flesch-Kincaid grade "
        f"{stats.flesch_kincaid_grade:.1f}, {stats.mean_sentence_words:.1f} words per sentence "
        f"({stats.words} words, {stats.sentences} sentences, 4 long)."
    )


def test_scores_stay_quiet_on_a_text_too_short_to_score():
    assert not lint_string(f"Budget approved\n\n{SHORT}\n", select=("readability/scores",))


def test_the_near_clean_seed_article_has_no_readability_warnings():
    path = seed("000")
    assert not readability(path.read_text(encoding="utf-8"), str(path))
