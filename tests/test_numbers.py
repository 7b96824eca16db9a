"""numbers/*: Indian units, decimal commas and magnitude conflicts, as an editor meets them."""
from __future__ import annotations

from click.testing import CliRunner
from conftest import FIXTURES, findings_by_line, lint_string, seed

from lint.cli import main

NUMBERS = ("numbers",)


def numbers(text: str, path: str = "article.txt", **options):
    return lint_string(text, path, select=NUMBERS, **options)


def rule_lines(findings, rule: str) -> set[int]:
    return {f.start.line for f in findings if f.rule == rule}


def fixed(source: str, finding) -> str:
    """The source with one finding's fix applied."""
    fix = finding.fix
    return source[:fix.source_start] + fix.replacement + source[fix.source_end:]


def fixture(name: str) -> str:
    return (FIXTURES / "numbers" / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the seed articles


def test_seed_with_lakh_and_million_gets_findings_on_lines_1_3_and_5():
    path = seed("002")
    findings = numbers(path.read_text(encoding="utf-8"), str(path))
    assert rule_lines(findings, "numbers/indian-units") >= {1, 3}
    assert 5 in rule_lines(findings, "numbers/magnitude")
    assert findings_by_line(findings, "numbers") == {1, 3, 5}


def test_clean_seeds_get_no_numbers_findings():
    for prefix in ("000", "001"):
        path = seed(prefix)
        assert numbers(path.read_text(encoding="utf-8"), str(path)) == []


# ---------------------------------------------------------------- indian units


def test_lakh_is_converted():
    text = "1 lakh Russian soldiers have been killed, while 3 million fled, the general said."
    [finding] = numbers(text)
    assert finding.rule == "numbers/indian-units"
    assert fixed(text, finding).startswith("100,000 Russian soldiers")
    assert "100,000" in finding.message


def test_crore_is_converted_and_currency_kept():
    text = "The ministry spent Rs 2.5 crore on the bridge."
    [finding] = numbers(text)
    assert fixed(text, finding) == "The ministry spent Rs 25 million on the bridge."


def test_indian_digit_grouping_is_regrouped():
    text = "More than 1,00,000 people attended the rally, police said."
    [finding] = numbers(text)
    assert fixed(text, finding) == "More than 100,000 people attended the rally, police said."


def test_range_and_lakh_crore_are_converted_whole():
    text = "Between 5-7 lakh people came, and 1.5 lakh crore rupees was spent, against 3 million last year."
    findings = numbers(text)
    assert [f.fix.replacement for f in findings] == ["500,000-700,000", "1.5 trillion"]


def test_figure_in_quotation_is_reported_without_a_fix():
    text = "\u201cWe spent Rs 50 lakh on the campaign,\u201d he said of the $3 million race."
    [finding] = numbers(text)
    assert finding.rule == "numbers/indian-units"
    assert finding.fix is None


def test_with_no_locale_the_reader_is_international_even_for_indian_copy():
    text = fixture("indian-copy.txt")
    # An article written throughout in lakh and crore is no exception for an international desk...
    assert rule_lines(numbers(text), "numbers/indian-units") == {3, 5}
    assert rule_lines(numbers(text, locale="en-GB"), "numbers/indian-units") == {3, 5}
    # ...and an Indian desk says it is one.
    assert numbers(text, locale="en-IN") == []


def test_mixed_article_gets_every_indian_figure():
    findings = numbers(fixture("indian-units.txt"))
    assert rule_lines(findings, "numbers/indian-units") == {1, 3, 5, 7}


def test_embedded_post_keeps_its_author_numbering():
    assert numbers(fixture("embedded-post.txt")) == []


def test_locale_en_in_turns_indian_units_off():
    assert numbers(fixture("indian-units.txt"), locale="en-IN") == []


def test_locale_en_in_from_config_file_and_command_line(tmp_path):
    runner = CliRunner()
    plain = tmp_path / "wire" / "story.txt"
    plain.parent.mkdir()
    plain.write_text(fixture("indian-units.txt"), encoding="utf-8")
    before = runner.invoke(main, ["check", "--select", "numbers", str(plain)], catch_exceptions=False)
    assert before.exit_code == 1 and "numbers/indian-units" in before.output

    cli = runner.invoke(main, ["check", "--select", "numbers", "--locale", "en-IN", str(plain)], catch_exceptions=False)
    assert cli.exit_code == 0, cli.output

    desk = tmp_path / "india-desk"
    desk.mkdir()
    (desk / "newslint.toml").write_text('locale = "en-IN"\n', encoding="utf-8")
    (desk / "story.txt").write_text(fixture("indian-units.txt"), encoding="utf-8")
    configured = runner.invoke(main, ["check", "--select", "numbers", str(desk / "story.txt")], catch_exceptions=False)
    assert configured.exit_code == 0, configured.output


def test_arab_without_currency_is_not_a_billion():
    assert numbers("Five arab nations and 3 million people signed the accord.") == []


# ---------------------------------------------------------------- decimal comma


def test_decimal_commas_and_thousands_dots_are_fixed():
    text = fixture("decimal-comma.txt")
    findings = numbers(text)
    assert {f.rule for f in findings} == {"numbers/decimal-comma"}
    assert [f.fix.replacement for f in findings] == ["3.5", "4.2", "12.9", "1,250,000"]
    assert "3.5 million euros" in findings[0].message
    assert fixed(text, findings[3]).count("1,250,000 people") == 1


def test_thousands_separators_and_codes_are_not_decimal_commas():
    for text in (
        "It registered 3,500 new vehicles and sold 12,000 more.",
        "Version 2.1.3 of the software went on sale.",
        "The company number is 83.102.459/0001-23.",
        "He scored 1,2 and 3 in the first round.",
    ):
        assert numbers(text) == [], text


# ---------------------------------------------------------------- magnitude


def test_magnitude_message_cites_the_other_line_and_value():
    findings = numbers(fixture("magnitude.txt"))
    million = next(f for f in findings if f.start.line == 7)
    assert million.rule == "numbers/magnitude"
    assert "\u201ca million\u201d Russian soldiers here, but 100,000 on line 3: a factor of 10 apart" in million.message


def test_same_digits_times_ten_is_a_conflict():
    findings = numbers(fixture("magnitude.txt"))
    assert rule_lines(findings, "numbers/magnitude") == {7, 11}
    tenfold = next(f for f in findings if f.start.line == 11)
    assert "121,480 on line 9" in tenfold.message


def test_headline_against_body():
    text = (
        "Storm forces 30,000 people from their homes\n\n"
        "A storm forced 3,000 people from their homes on the coast, officials said on Sunday.\n\n"
        "Officials said 3,000 people had been forced from their homes by the storm.\n"
    )
    findings = numbers(text)
    # The headline is outvoted by the two body mentions.
    assert rule_lines(findings, "numbers/magnitude") == {1}
    assert "3,000 on line 3" in findings[0].message and "a factor of 10" in findings[0].message


def test_factor_of_a_thousand_within_tolerance():
    text = (
        "Officials said 2 million people had been displaced by the fighting in the north.\n\n"
        "Aid groups said about 2,100 people had been displaced by the fighting in the north.\n"
    )
    [finding] = numbers(text)
    assert finding.start.line == 3 and "a factor of 1,000" in finding.message


def test_quiet_figures_in_a_clean_article():
    # Different things counted with the same noun, years, percentages, durations.
    assert numbers(fixture("figures-clean.txt")) == []


def test_same_noun_in_other_contexts_is_not_a_conflict():
    text = (
        "About 100 people attended the morning session.\n\n"
        "By the evening 1,000 people had signed the petition.\n"
    )
    assert numbers(text) == []


def test_comparison_within_a_sentence_is_not_a_conflict():
    text = "Membership rose from 128 members to 1,280 members in a decade, the club said."
    assert numbers(text) == []


def test_years_ages_and_percentages_are_not_compared():
    text = (
        "The 25-year-old won 10% of the vote in 2010.\n\n"
        "By 2019 the 250 volunteers had won 100% of the seats.\n"
    )
    assert numbers(text) == []


def test_rule_works_through_markdown(tmp_path):
    text = "# 1 lakh soldiers killed, general says\n\nMore than 100,000 soldiers were killed, and 3 million fled.\n"
    findings = numbers(text, "story.md")
    assert rule_lines(findings, "numbers/indian-units") == {1}
    assert fixed(text, findings[0]).startswith("# 100,000 soldiers")


def test_figures_for_different_years_or_rates_are_not_compared():
    text = (
        "In 2010, about 100 people were killed in floods in the region, officials said.\n\n"
        "In 2019, about 1,000 people were killed in floods in the region, officials said.\n\n"
        "The mine produces 500 tonnes of coal a day for the region.\n\n"
        "The mine produces 5,000 tonnes of coal a month for the region.\n"
    )
    assert numbers(text) == []


def test_different_quantities_with_one_noun_are_not_compared():
    for text in (
        "About 100 Russian soldiers were killed, officials said.\n\n"
        "About 1,000 Ukrainian soldiers were killed, officials said.\n",
        "About 100 soldiers were killed in the attack, officials said.\n\n"
        "About 1,000 soldiers were wounded in the attack, officials said.\n",
        "Workers get a daily allowance of Rs 250 for the site work.\n\n"
        "Workers get a monthly salary of Rs 2,500 for the site work.\n",
        "It sells a 512GB model.\n\nIt sells a 5,120 x 1,440 screen.\n",
    ):
        assert rule_lines(numbers(text), "numbers/magnitude") == set(), text


def test_a_list_is_not_a_range():
    text = (
        "The laptop comes with 512GB of flash storage.\n\n"
        "We tested both a 5,120GB and 1TB model of the flash storage.\n"
    )
    assert rule_lines(numbers(text), "numbers/magnitude") == {3}
