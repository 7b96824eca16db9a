"""attribution/unsourced-figure: contested figures must say who gives them."""
from __future__ import annotations

from conftest import FIXTURES, findings_by_line, lint_string, seed

RULE = "attribution/unsourced-figure"


def attribution(text: str, path: str = "article.txt"):
    return lint_string(text, path, select=("attribution",))


def lines(text: str, path: str = "article.txt") -> set[int]:
    return findings_by_line(attribution(text, path), "attribution")


def fixture(name: str) -> str:
    return (FIXTURES / "attribution" / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the seed articles


def test_seed_summary_bullets_are_flagged_and_attributed_body_is_not():
    path = seed("001")
    found = lines(path.read_text(encoding="utf-8"), str(path))
    assert {4, 5} <= found
    assert not found & {8, 10, 12, 14}


def test_seed_with_sources_throughout_is_quiet():
    path = seed("000")
    assert attribution(path.read_text(encoding="utf-8"), str(path)) == []


# ---------------------------------------------------------------- fixtures


def test_unsourced_fixture():
    findings = attribution(fixture("unsourced.txt"))
    assert {f.rule for f in findings} == {RULE}
    # Headline, both summary bullets, a bare death toll and an agentless passive;
    # line 8 is carried by "The army said" earlier in its paragraph, line 14 says "according to".
    assert findings_by_line(findings) == {1, 3, 4, 10, 12}
    assert all(f.severity.name == "WARNING" for f in findings)


def test_attributed_fixture_is_quiet():
    assert attribution(fixture("attributed.txt")) == []


# ---------------------------------------------------------------- behaviour


def test_message_names_the_figure():
    [finding] = attribution("Russia lost 720 military personnel in Ukraine between Sunday and Monday")
    assert "\u201c720\u201d" in finding.message and "source" in finding.message
    assert (finding.start.column, finding.end.column) == (13, 16)


def test_cue_in_an_earlier_sentence_of_the_paragraph_carries_over():
    text = "The ministry said the fighting was heavy. At least 50 soldiers were killed on Sunday."
    assert lines(text) == set()


def test_cue_does_not_carry_into_the_next_paragraph():
    text = "The ministry said the fighting was heavy.\n\nAt least 50 soldiers were killed on Sunday.\n"
    assert lines(text) == {3}


def test_list_items_inherit_nothing(tmp_path):
    text = (
        "# Fighting in the east\n\n"
        "The ministry said on Monday that the fighting was heavy.\n\n"
        "- At least 50 soldiers were killed on Sunday\n"
        "- 2,000 people fled the town, the mayor said\n"
    )
    assert lines(text, "story.md") == {5}


def test_quoted_figures_are_attributed_by_the_quotation():
    assert lines("\u201cWe lost 720 men in a single day,\u201d the commander told reporters.") == set()
    assert lines("\u201cWe lost 720 men in a single day.\u201d") == set()


def test_active_recording_is_a_source_and_agentless_passive_is_not():
    assert lines("The Ukrainian military recorded 720 Russian army losses in a single day.") == set()
    assert lines("A total of 121,480 Russian losses have been recorded in the war.") == {1}
    assert lines("A total of 121,480 Russian losses have been recorded by the General Staff.") == set()


def test_a_death_toll_is_not_a_source():
    assert lines("The death toll has risen to 52.") == {1}
    assert lines("The death toll has risen to 52, the health ministry said.") == set()


def test_poll_results_need_a_source_other_percentages_do_not():
    assert lines("Some 52% of voters back the plan and 40% approve of the mayor.") == {1}
    assert lines("Some 52% of voters back the plan, a Gallup poll found.") == set()
    assert lines("Shares in the company fell 52% on Monday.") == set()


def test_figures_that_are_not_contested_quantities_are_quiet():
    for text in (
        "The hospital has 300 beds and 1,200 staff.",
        "The 25-year-old soldier was killed in 2019.",
        "The company lost $5 million in the quarter.",
        "The team lost 30 games last season.",
        "Two hostages were freed on Tuesday.",
        "Nadal won 6-3, 7-6 after Rublev had rallied to beat Bautista-Agut 3-6, 6-3 in the first match.",
        "The star, 42, was voted off the show on Monday.",
    ):
        assert lines(text) == set(), text


def test_one_finding_per_sentence():
    text = "At least 40 soldiers were killed and 120 were wounded in the clashes."
    assert len(attribution(text)) == 1


def test_embedded_post_is_the_posters_words():
    text = (
        "Officials said the storm had passed by Monday.\n\n"
        "At least 300 people were killed in the floods overnight\n\n"
        "\u2014 City Fire Department (@cityfire) November 1, 2019\n"
    )
    assert lines(text) == set()


def _unsourced_lines(name: str) -> list[int]:
    text = (FIXTURES / "attribution" / name).read_text(encoding="utf-8")
    return sorted(f.start.line for f in lint_string(text, select=("attribution",)))


def test_a_headline_figure_sourced_in_the_lead_is_attributed():
    assert _unsourced_lines("headline-sourced.txt") == []
    assert _unsourced_lines("headline-unsourced.txt") == [1]


def test_settled_and_official_counts_need_no_source():
    # Seats and votes of a declared result, runs, overs and wickets of a match.
    assert _unsourced_lines("settled-facts.txt") == []


def test_a_source_in_the_paragraph_carries_over_before_or_after():
    # "… the agency said" after the figures; "According to an official report" before them.
    assert _unsourced_lines("carried-over.txt") == []


def test_contested_figures_stated_as_fact_need_a_source():
    # A crowd size and arrests with no one saying so: both sentences are flagged.
    assert _unsourced_lines("contested.txt") == [3, 3]


def test_a_headline_that_names_its_source_as_a_label_is_attributed():
    text = "Amnesty: More than 100 protesters killed in unrest\n\nThe unrest spread to twenty cities over the weekend.\n"
    assert lint_string(text, select=("attribution",)) == []
    unlabelled = "More than 100 protesters killed in unrest\n\nThe unrest spread to twenty cities over the weekend.\n"
    assert [f.start.line for f in lint_string(unlabelled, select=("attribution",))] == [1]


def test_a_toll_of_an_earlier_years_event_is_history_the_news_toll_needs_a_source():
    # The 1999 quake's toll is on the record; the toll of the quake being reported is not.
    assert _unsourced_lines("history.txt") == [5]
    # With no later year to tell the news from the past, a year proves nothing.
    text = "The 1999 earthquake in northwestern Turkey killed more than 17,000 people.\n"
    assert [f.start.line for f in lint_string(text, select=("attribution",))] == [1]


def test_a_toll_the_sentence_looks_back_on_is_background_the_news_toll_needs_a_source():
    # "hit following two crashes that killed 346": the record's figure, given as background;
    # "A fire that killed 12 people swept through …" is the news itself.
    assert _unsourced_lines("background-toll.txt") == [7]


def test_a_line_written_as_a_headline_with_a_source_label_is_attributed_wherever_it_stands():
    # A scraped page repeats its headline below the menus, where it is a line like any other.
    page = ("Iran unrest - Example News\n\nPolitics\n\nSociety\n\n"
            "Amnesty. More than 100 protesters killed in Iran unrest\n\n"
            "Security forces used live fire on crowds in several cities over the weekend.\n")
    assert lines(page) == set()
    assert lines(page.replace("Amnesty. ", "")) == {7}
