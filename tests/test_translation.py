"""The translation family: untranslated fragments, paragraphs in another language, mojibake, the
source's punctuation, dates, currencies and names, and literal renderings."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, findings_by_line, lint_string, seed

from lint.config import ConfigError, settings_from_table
from lint.fixes import apply_fixes, choose

TRANSLATION = FIXTURES / "translation"


def lint(text: str, select: str = "translation", **options):
    return lint_string(text, select=(select,), **options)


def rules_on(findings) -> set[str]:
    return {f.rule for f in findings}


def fixed(text: str, findings) -> str:
    chosen, _ = choose(findings)
    return apply_fixes(text, chosen)


# ---- the seed articles


def test_seed_002_literal_subheading_is_translation():
    findings = lint_string(seed("002").read_text(encoding="utf-8"), select=("translation", "typography"))
    assert 10 in findings_by_line(findings, "translation")
    assert 5 in findings_by_line(findings, "typography")  # "Washington/Moscow :"


def test_seed_000_has_no_translation_warnings():
    assert lint(seed("000").read_text(encoding="utf-8")) == []


def test_seed_001_has_no_translation_warnings():
    assert lint(seed("001").read_text(encoding="utf-8")) == []


# ---- untranslated fragments


@pytest.mark.parametrize(
    "fragment,script",
    [
        ("कहा गया", "Devanagari"), ("война", "Cyrillic"), ("记者报道", "Chinese (Han)"), ("مسؤول", "Arabic"),
        ("שלום עולם", "Hebrew"), ("Αθήνα", "Greek"), ("ประเทศไทย", "Thai"), ("서울", "Hangul (Korean)"),
        ("ভারত", "Bengali"), ("தமிழ்", "Tamil"), ("東京タワー", "Japanese"),
    ],
)
def test_fragment_in_any_script_is_named(fragment, script):
    findings = lint(f"The minister said ({fragment}) that the talks would resume.", "translation/untranslated-fragment")
    assert len(findings) == 1
    assert script in findings[0].message and fragment in findings[0].message


def test_a_foreign_sentence_is_one_finding():
    text = "The envoy read the note aloud to reporters: Москва, 12 мая — Киев, 13 мая. Then he left the hall without taking questions."
    findings = lint(text, "translation/untranslated-fragment")
    assert len(findings) == 1


def test_symbols_and_single_greek_letters_are_not_fragments():
    assert lint((TRANSLATION / "clean.txt").read_text(encoding="utf-8")) == []


def test_allowed_words_are_not_reported():
    text = "The term 躺平 spread online, and Xi Jinping (习近平) spoke on Monday."
    assert len(lint(text, "translation/untranslated-fragment")) == 2
    findings = lint(text, "translation/untranslated-fragment", **{"allow-words": ["习近平"]})
    assert len(findings) == 1 and "躺平" in findings[0].message


def test_an_article_in_another_script_is_not_english_copy():
    assert lint((TRANSLATION / "russian-article.txt").read_text(encoding="utf-8")) == []


# ---- mixed language


def test_french_paragraph_in_english_article_is_named():
    findings = lint((TRANSLATION / "mixed-language.txt").read_text(encoding="utf-8"), "translation/mixed-language")
    assert [(f.start.line, "French" in f.message) for f in findings] == [(5, True)]


def test_language_detection_is_repeatable():
    text = (TRANSLATION / "mixed-language.txt").read_text(encoding="utf-8")
    first = [f.message for f in lint(text, "translation/mixed-language")]
    assert all([f.message for f in lint(text, "translation/mixed-language")] == first for _ in range(3))


def test_threads_detecting_at_first_use_all_get_the_whole_detector():
    """A server's or a Dask worker's threads may all meet their first foreign paragraph at once;
    none may judge it against a half-loaded set of languages."""
    import threading

    import langdetect.detector_factory as factory
    from lint.kinds import language

    paragraph = (
        "Le conseil municipal a voté mardi soir un budget qui prévoit la construction de trois écoles "
        "et d'une clinique dans le quartier nord de la ville, selon le maire."
    )
    expected = language.detect(paragraph)[0]
    factory._factory = None  # as in a fresh process
    language._detector.cache_clear()
    start = threading.Barrier(8)
    answers: list[str] = []

    def detect() -> None:
        start.wait()
        try:
            answers.append(language.detect(paragraph)[0])
        except Exception as exc:  # a half-loaded factory may also fail outright
            answers.append(repr(exc))

    threads = [threading.Thread(target=detect) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [expected] * 8


def test_plain_english_check_loads_neither_langdetect_nor_ftfy():
    """A plain check must start fast: the heavy libraries load only for text that needs them."""
    script = (
        "import sys; sys.path.insert(0, 'tests'); from conftest import lint_string; "
        "text = open('fixtures/translation/clean.txt', encoding='utf-8').read(); "
        "lint_string(text, select=('translation',)); "
        "print('langdetect' in sys.modules, 'ftfy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---- mojibake


def test_mojibake_fixes_restore_the_text():
    broken = (TRANSLATION / "mojibake.txt").read_text(encoding="utf-8")
    findings = lint(broken, "translation/mojibake")
    assert len(findings) == 8 and all(f.severity.name == "ERROR" for f in findings)
    assert fixed(broken, findings) == (TRANSLATION / "mojibake-repaired.txt").read_text(encoding="utf-8")


def test_mojibake_with_its_last_byte_lost_is_reported_without_a_fix():
    findings = lint("He called it â€œa disasterâ€ and left.", "translation/mojibake")
    assert len(findings) == 2
    assert findings[0].fix is not None and findings[1].fix is None


def test_accented_text_is_not_mojibake():
    assert lint("São Paulo, Zürich, the café’s «menu» and Straße… all stay as written: £5 – or €6.", "translation/mojibake") == []


# ---- source punctuation


def test_source_punctuation_fix_is_english():
    text = "The report was released on Friday，and officials welcomed it。 The minister agreed।"
    findings = lint(text, "translation/source-punctuation")
    assert fixed(text, findings) == "The report was released on Friday, and officials welcomed it. The minister agreed."


def test_punctuation_inside_a_fragment_is_the_fragments():
    findings = lint("The sign read 记者报道。 in red.")
    assert rules_on(findings) == {"translation/untranslated-fragment"}


# ---- locale formats


def test_ambiguous_numeric_date():
    assert len(lint("The deadline is 03/04/2023.", "translation/locale-format")) == 1
    assert lint("The deadline is 13/04/2023, and 24/7 service and 9/11 stay.", "translation/locale-format") == []
    assert len(lint("The deadline is 13/04/2023.", "translation/locale-format", **{"date-style": "day-month"})) == 1


def test_iso_date_is_fixed_to_the_house_order():
    text = "The list was fixed on 2023-01-31 as the base date."
    findings = lint(text, "translation/locale-format", **{"date-style": "day-month"})
    assert fixed(text, findings) == "The list was fixed on 31 January 2023 as the base date."
    assert lint(text, "translation/locale-format")[0].fix is None


def test_ordinal_dates_only_where_the_article_writes_plain_ones():
    assert lint("The talks began on February 10th.", "translation/locale-format") == []
    text = "The talks began on February 10th and ended on February 19."
    findings = lint(text, "translation/locale-format")
    assert fixed(text, findings) == "The talks began on February 10 and ended on February 19."


def test_mixed_date_orders_report_the_minority():
    text = "Leaders met on 10 February, again on February 12 and on February 14."
    findings = lint(text, "translation/locale-format")
    assert [f.message.split("”")[0] for f in findings] == ["“10 February"]
    assert lint("Amnesty said on 15 November that the protests began on November 19.", "translation/locale-format") == []


def test_currency_written_two_ways():
    findings = lint("He paid Rs 300 for the ticket, ₹250 for the meal and ₹400 for the taxi.", "translation/locale-format")
    assert [f.message for f in findings] == ["“Rs”: the article mostly writes “₹”."]
    assert lint("He paid Rs 300 for the ticket and Rs 250 for the meal.", "translation/locale-format") == []
    styled = lint("He paid Rs 300 for the ticket.", "translation/locale-format", **{"currency-style": "codes"})
    assert [f.message for f in styled] == ["“Rs”: write INR."]


def test_chinese_names():
    text = "Chinese President XI Jinping met Vice Premier He Li Feng and Lee Hsien Loong in Beijing."
    findings = lint(text, "translation/locale-format")
    assert len(findings) == 2
    assert fixed(text, findings).startswith("Chinese President Xi Jinping met")


def test_new_options_are_validated():
    with pytest.raises(ConfigError, match="date-style"):
        settings_from_table({"date-style": "american"}, Path("newslint.toml"))
    with pytest.raises(ConfigError, match="currency-style"):
        settings_from_table({"currency-style": 3}, Path("newslint.toml"))
    settings = settings_from_table({"date-style": "month-day", "currency-style": "words"}, Path("newslint.toml"))
    assert settings.options == {"date-style": "month-day", "currency-style": "words"}


# ---- literal renderings


def test_machine_translation_articles():
    hindi = lint((TRANSLATION / "hindi-mt.txt").read_text(encoding="utf-8"))
    assert findings_by_line(hindi) == {3, 5, 7, 9}
    assert {"translation/literal", "translation/literal-reporting", "translation/source-punctuation"} <= rules_on(hindi)
    chinese = lint((TRANSLATION / "chinese-mt.txt").read_text(encoding="utf-8"))
    assert findings_by_line(chinese) == {1, 3, 5, 7}


def test_told_that_needs_a_clause_and_no_passive():
    assert len(lint("The minister told that the talks had failed.", "translation/literal-reporting")) == 1
    for quiet in ("The minister told reporters that the talks had failed.", "The court was told that the talks had failed.",
                  "I’m told that the talks failed.", "He told that story every year."):
        assert lint(quiet, "translation/literal-reporting") == [], quiet
