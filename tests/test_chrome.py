"""Chrome: page furniture left in the copy, found by wording (chrome.toml) and by the shape and
place of lines (chrome-structure.toml): the seeds, whole scraped pages, clean articles and fixes."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, findings_by_line, lint_string, seed

from lint.cli import main
from lint.fixes import apply_fixes, choose
from lint.kinds.phrase import phrase_regex

CHROME = ("chrome",)


def chrome(text: str, path: str = "article.txt"):
    return lint_string(text, path, select=CHROME)


def rules_by_line(findings) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for finding in findings:
        found.setdefault(finding.start.line, set()).add(finding.rule)
    return found


def fixture(name: str) -> str:
    return (FIXTURES / "chrome" / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the seeds


def test_seed_002_breadcrumb_and_comment_form_chrome():
    text = seed("002").read_text(encoding="utf-8")
    found = rules_by_line(chrome(text))
    assert {1, 18, 19, 21, 23, 25} <= set(found)
    assert "chrome/breadcrumb" in found[1]  # "HomeWorld News" glued onto the headline
    trail = next(f for f in chrome(text) if f.rule == "chrome/breadcrumb")
    assert (trail.start.column, trail.end.column) == (1, 15)  # the trail alone, not the headline
    assert "chrome/advertising" in found[21]  # "- Advertisment -"
    # The full headline, the body and its question subheadings are the article.
    assert not {3, 5, 7, 10, 11, 13, 14} & set(found)


def test_seed_000_has_no_chrome():
    text = seed("000").read_text(encoding="utf-8")
    assert chrome(text) == []


def test_seed_001_captions_at_top_and_bottom_only():
    text = seed("001").read_text(encoding="utf-8")
    found = rules_by_line(chrome(text))
    assert found.get(1) == {"chrome/caption"}
    assert found.get(42) == {"chrome/caption"}
    assert not [line for line in found if 4 <= line <= 40]  # summary bullets and body untouched


# ---------------------------------------------------------------- a page scraped whole


SCRAPED_PAGE_CHROME = {
    1: "chrome/repeated-headline",  # "Headline - Valley Herald", the page title
    2: "chrome/navigation",  # "Home | News | Sport | ..."
    3: "chrome/navigation",
    6: "chrome/navigation",
    7: "chrome/breadcrumb",  # "Home > News > Local"
    9: "chrome/byline",
    10: "chrome/timestamp",
    11: "chrome/share-count",  # "124 comments"
    13: "chrome/caption",  # the line above the credit
    14: "chrome/photo-credit",  # "(Photo: Reuters)"
    20: "chrome/stray-heading",  # a section name between paragraphs, off the article's subject
    27: "chrome/page-furniture",  # a link to another story under "Most Popular"
    37: "chrome/page-furniture",  # footer links
    41: "chrome/copyright-notice",
}


def test_scraped_page_furniture_is_found_by_the_right_rule():
    found = rules_by_line(chrome(fixture("scraped-page.txt")))
    for line, rule in SCRAPED_PAGE_CHROME.items():
        assert rule in found.get(line, set()), f"line {line}: expected {rule}, got {found.get(line)}"


def test_scraped_page_keeps_headline_and_body():
    found = findings_by_line(chrome(fixture("scraped-page.txt")))
    headline, paragraphs = 8, {16, 18, 22, 24}
    assert headline not in found
    assert not paragraphs & found


def test_deleting_scraped_page_chrome_leaves_the_article():
    source = fixture("scraped-page.txt")
    findings = chrome(source)
    chosen, _ = choose(findings)
    fixed = apply_fixes(source, chosen)
    # A run of menu entries and a run of other stories' headlines are judged by their place, not
    # their words: they are reported, but a fix never deletes a block of lines.
    assert fixed.startswith("Local News\nPolitics\nEducation\nHealth\nFlood defences fail as river bursts its banks\n")
    assert "Schools to stay shut as floods spread\nCouncil tax rise approved after long debate\n" in fixed
    for kept in ("Flood defences along the River Avon failed", '"We did everything we could', "more rain was forecast"):
        assert kept in fixed
    for gone in ("Valley Herald", "Home |", "Home >", "By Anna Clarke", "Updated:", "124 comments", "(Photo: Reuters)", "©"):
        assert gone not in fixed, gone
    # A heading judged by its place (it shares no word with the article) is reported, not deleted.
    assert "Celebrity Chef Recipes" in fixed
    assert "chrome/stray-heading" in {f.rule for f in findings if "Celebrity Chef" in f.message}
    # Whole lines go with their line ends: no line is left half cut.
    assert all(line == line.strip() for line in fixed.splitlines())


# ---------------------------------------------------------------- clean articles


@pytest.mark.parametrize("name", ["clean-subheadings.txt", "clean-feature.txt"])
def test_clean_articles_have_no_chrome(name):
    """Subheadings, a dateline, a bulleted list, a results list at the end and a credit line for
    the reporters are all article."""
    assert chrome(fixture(name)) == []


def test_the_clean_fixture_of_the_project_has_no_chrome():
    assert chrome((FIXTURES / "clean" / "harbour.txt").read_text(encoding="utf-8")) == []


PARAGRAPH = "The council voted on Monday to close the bridge for six weeks of repairs, the mayor said in a statement."
CLOSING = "Engineers found cracks in two of the steel supports during an inspection last month, officials said."


def test_first_line_headline_is_never_furniture_by_position():
    text = f"City votes to close bridge\n\n{PARAGRAPH}\n\n{CLOSING}\n"
    assert chrome(text) == []


def test_dateline_opening_the_article_is_not_a_timestamp():
    text = f"WASHINGTON (Reuters) - {PARAGRAPH}\n\n{CLOSING}\n"
    assert chrome(text) == []


def test_subheading_that_names_the_subject_stays():
    text = f"{PARAGRAPH}\n\nCracks in the supports\n\n{CLOSING}\n"
    assert chrome(text) == []


def test_off_topic_line_between_paragraphs_is_a_stray_heading():
    text = f"{PARAGRAPH}\n\nPremier League Fixtures\n\n{CLOSING}\n"
    assert rules_by_line(chrome(text)) == {3: {"chrome/stray-heading"}}


def test_short_subheadings_in_an_article_that_has_several_are_left_alone():
    text = f"{PARAGRAPH}\n\nOur ruling\n\n{CLOSING}\n\nThe verdict\n\n{PARAGRAPH}\n"
    assert chrome(text) == []


def test_teaser_after_the_last_paragraph_is_a_trailing_line():
    text = f"{PARAGRAPH}\n\n{CLOSING}\n\nPolice corner protesters on campus\n"
    assert rules_by_line(chrome(text)) == {5: {"chrome/trailing-line"}}


def test_long_headline_with_a_verb_of_action_is_not_a_caption():
    text = f"French trade unions mobilize again in march against government's retirement reform proposal\n\n{PARAGRAPH}\n\n{CLOSING}\n"
    assert chrome(text) == []


def test_last_item_of_a_numbered_list_is_not_a_trailing_line():
    text = f"{PARAGRAPH}\n\n1. Check the river gauges every hour;\n\n2. Install flood barriers on doors and update them regularly;\n"
    assert chrome(text) == []


def test_reporting_credit_after_the_last_paragraph_stays():
    text = f"{PARAGRAPH}\n\n{CLOSING}\n\n(Reporting by Jane Doe; Editing by John Smith)\n"
    assert chrome(text) == []


def test_article_ending_in_a_list_is_not_a_page_footer():
    results = "\n".join(f"Team {name}: {points} points" for name, points in (("Alpha", 12), ("Beta", 9), ("Gamma", 7), ("Delta", 4), ("Omega", 1)))
    text = f"League ends\n\n{PARAGRAPH}\n\n{CLOSING}\n\nFinal table\n{results}\n"
    assert chrome(text) == []


def test_menu_run_inside_the_article_body_is_a_list():
    features = "Optical heart sensor\nDigital Crown\nSwim proof\nAluminium case"
    text = f"{PARAGRAPH}\n\nThe watch has:\n{features}\n\n{CLOSING}\n"
    assert chrome(text) == []


def test_marked_up_subheading_is_not_a_stray_heading():
    text = f"# Bridge to close\n\n{PARAGRAPH}\n\n## Premier League Fixtures\n\n{CLOSING}\n"
    assert [f for f in chrome(text, "article.md") if f.rule == "chrome/stray-heading"] == []


# ---------------------------------------------------------------- spans and fixes


def test_finding_spans_the_text_and_fix_deletes_the_line():
    text = f"Home > World > Europe\n\nFrance votes on pension reform\n\n{PARAGRAPH}\n"
    [finding] = [f for f in chrome(text) if f.rule == "chrome/breadcrumb"]
    assert (finding.start.line, finding.start.column) == (1, 1)
    assert (finding.end.line, finding.end.column) == (1, len("Home > World > Europe") + 1)
    assert finding.fix is not None and finding.fix.replacement == ""
    # The line goes with the blank line after it: the text does not start blank.
    assert apply_fixes(text, [finding]) == text[len("Home > World > Europe\n\n"):]


def test_deleting_the_last_line_leaves_no_blank_line_behind():
    text = f"{PARAGRAPH}\n\n{CLOSING}\n\nPlease enter your comment!"
    [finding] = chrome(text)
    fixed = apply_fixes(text, [finding])
    assert fixed.rstrip("\n") == f"{PARAGRAPH}\n\n{CLOSING}"
    assert not fixed.endswith("\n\n")


def test_a_copyright_line_that_may_be_the_storys_is_reported_but_never_deleted():
    # A wire's terms (its licence may require them) and a notice closing the last paragraph are
    # the story's; a site's notice among the page's footer links is the page's, and may go.
    wire = "© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed."
    own = "Copyright 2019 Hawaii News Now. All rights reserved."
    for text, fixable in (
        (f"{PARAGRAPH}\n\n{CLOSING}\n\nContact us\n\n{wire}\n", False),
        (f"{PARAGRAPH}\n\n{CLOSING}\n\n{own}\n", False),
        (f"{PARAGRAPH}\n\n{CLOSING}\n\nContact us\n\n{own}\n", True),
    ):
        [finding] = [f for f in chrome(text) if f.rule == "chrome/copyright-notice"]
        assert (finding.fix is not None) is fixable, text


def test_credit_closing_a_long_paragraph_is_deleted_alone():
    paragraph = " ".join([PARAGRAPH] * 4) + " (Photo: Reuters)"
    text = f"{paragraph}\n\n{CLOSING}\n"
    [finding] = chrome(text)
    assert finding.rule == "chrome/inline-credit"
    assert text[finding.source_start:finding.source_end] == "(Photo: Reuters)"
    assert finding.fix.safe
    assert apply_fixes(text, [finding]) == f"{' '.join([PARAGRAPH] * 4)}\n\n{CLOSING}\n"


def test_indented_and_crlf_lines_keep_exact_positions():
    text = f"  Home > World > Europe\r\n\r\nFrance votes on pension reform\r\n\r\n{PARAGRAPH}\r\n"
    [finding] = [f for f in chrome(text) if f.rule == "chrome/breadcrumb"]
    assert finding.start.column == 3
    assert text[finding.source_start:finding.source_end] == "Home > World > Europe"
    assert apply_fixes(text, [finding], "\r\n").startswith("France votes")


# ---------------------------------------------------------------- single lines of chrome


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Updated 11H ago", "chrome/timestamp"),
        ("Nov 20, 2019 10:42 am", "chrome/timestamp"),
        ("Posted by Jane Doe on November 19, 2019", "chrome/byline"),
        ("12 comments", "chrome/share-count"),
        ("Image: AFP", "chrome/photo-credit"),
        ("Natalie Naccache | Bloomberg | Getty Images", "chrome/photo-credit"),
        ("Home | World | Business | Sport", "chrome/navigation"),
        ("View this post on Instagram", "chrome/social-embed"),
        ("Sign up for our daily newsletter", "chrome/subscribe-prompt"),
        ("Tags: floods, Tewkesbury, weather", "chrome/tag-list"),
        ("Publish date:", "chrome/timestamp"),  # the label of a stamp whose date was lost
        ("22 hours ago on iOS Blog", "chrome/timestamp"),
        ("2023-02-11 13:07:20 [ source: Xinhua] [ Edited by Li Yang ]", "chrome/timestamp"),
        ("Researched by: Matthew Digby, Minh Do", "chrome/byline"),
        ("More Politics", "chrome/navigation"),  # a site section's name
        ("Next Up In Tech", "chrome/navigation"),
        ("Transfer News", "chrome/navigation"),
        ("Today's Sports", "chrome/navigation"),
        ("» Portfolio", "chrome/navigation"),  # a link and its arrow
        ("See all stories ›", "chrome/navigation"),
        ("TV Schedule", "chrome/widget-heading"),
        ("e-Edition", "chrome/widget-heading"),
        ("Reprints, Rights & Permissions", "chrome/cookie-notice"),
        ("Need help?", "chrome/button-label"),
    ],
)
def test_chrome_line_between_paragraphs(line, rule):
    text = f"{PARAGRAPH}\n\n{line}\n\n{CLOSING}\n"
    assert rule in rules_by_line(chrome(text)).get(3, set())


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the plant will have closed, the company said.",
        "Reuters reported that the talks had stalled on Tuesday.",
        "Sign up for a Hulu account for $11.99 a month and you get the bundle.",
        "Share prices fell 3% on Monday, the exchange said.",
        "— Jane Doe (@janedoe) November 19, 2019",
        "The good news",  # subheadings in the shape of a section's name
        "Updated: the council's statement",
    ],
)
def test_article_line_between_paragraphs_stays(line):
    text = f"{PARAGRAPH}\n\n{line}\n\n{CLOSING}\n"
    assert 3 not in rules_by_line(chrome(text))


def test_fixes_never_eat_a_closing_list_one_item_per_run():
    items = ["England (Group A): 10th appearance", "Spain (Group F): 11th appearance",
             "Italy (Group J): 10th appearance", "Wales (Group E): Second appearance"]
    source = (
        "<h1>Euro qualifying is over</h1>\n<p>The group stage of qualifying finished on Tuesday, and 20 teams "
        "have booked their spots in next summer's tournament, the federation said.</p>\n"
        "<p>Qualified teams</p>\n<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"
    )
    for _ in range(3):
        findings = lint_string(source, "article.html", select=("chrome",))
        chosen, _ = choose(findings)
        source = apply_fixes(source, chosen)
    for item in items:
        assert item in source


def test_inline_teaser_deletes_only_the_marker_and_its_headline():
    text = f"{PARAGRAPH}\n\nThe talks resume on Monday, the minister said. ALSO READ: Floods cut off three villages\n\n{CLOSING}\n"
    [finding] = [f for f in chrome(text) if f.rule == "chrome/inline-teaser"]
    assert finding.fix.safe
    fixed = apply_fixes(text, [finding])
    assert fixed == f"{PARAGRAPH}\n\nThe talks resume on Monday, the minister said.\n\n{CLOSING}\n"


INLINE_MARKERS = [
    "ALSO READ: Why the Brahmaputra embankments keep failing", "(HT Photo)", "(REUTERS)", "(Photo: AFP)",
    "A post shared by Meera Das (@meeradas) on Jul 8, 2024 at 6:15pm IST",
    "Follow @AssamFloodDesk for more updates.", "Click here to see the full list of closed roads.",
    "Read More: Flood-hit students to get extra time for exams", "(Express Photo by Dasarath Deka)",
    "View this post on Instagram", "Also Watch: How a village prepares for the flood season",
]


def test_each_inline_marker_is_a_span_of_its_own_and_the_paragraph_is_not_chrome():
    text = fixture("inline-markers.md")
    found = chrome(text, "article.md")
    marked = sorted(text[f.source_start:f.source_end] for f in found)
    assert marked == sorted(INLINE_MARKERS)
    # No finding takes a whole line: each paragraph is the article's, with a marker inside it.
    assert all(text[f.source_start - 1] == " " for f in found)


def test_fix_deletes_the_inline_markers_and_nothing_else(tmp_path):
    article = tmp_path / "article.md"
    article.write_text(fixture("inline-markers.md"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", str(article)], catch_exceptions=False)
    assert result.exit_code == 0, result.output  # every finding was a marker, and every one is fixed
    assert article.read_text(encoding="utf-8") == fixture("inline-markers.fixed.md")


def test_an_articles_own_tails_and_fact_boxes_are_not_chrome():
    # A "label : value" fact box, a line holding only a zero-width space, the writer's note and
    # the agency line that close an article.
    text = (FIXTURES / "chrome" / "article-tails.txt").read_text(encoding="utf-8")
    assert [f for f in lint_string(text) if f.rule.startswith("chrome/")] == []


def test_a_list_the_article_introduces_is_not_a_menu():
    text = (FIXTURES / "chrome" / "introduced-list.txt").read_text(encoding="utf-8")
    assert [f for f in lint_string(text) if f.rule.startswith("chrome/")] == []
    # The same names with nothing to introduce them, after the article's end, are a menu.
    menu = text.replace("The nominees for best director include:\n\n", "").replace(
        "The ceremony will be held in March in Los Angeles, the academy said.\n", "")
    menu = menu.replace("several first-time directors were among them this year.\n\n",
                        "several first-time directors were among them this year, the academy said.\n\n")
    assert {f.rule for f in lint_string(menu) if f.rule.startswith("chrome/")} == {"chrome/navigation"}


def test_an_article_that_opens_with_its_paragraphs_has_no_header_furniture():
    # A meal plan's days repeat short labels ("Workout Supplement", "Drink during your workout");
    # the last day, with the most prose, is read as the body, and the days before it stood
    # where a page's header would.  Copy that opens with paragraphs has no such header.
    text = fixture("meal-plan.txt")
    assert chrome(text) == []
    # The same labels with nothing but labels around them after the article are still furniture.
    widgets = text + "\n\nMost Popular\n\nWorkout Supplement\n\nDrink during your workout\n\nShop Now\n\nNewsletter\n\nPrivacy Policy\n\nTerms of Use\n"
    found = chrome(widgets)
    article_lines = len(text.splitlines())
    assert found and all(f.start.line > article_lines for f in found)
    assert any(widgets.splitlines()[f.start.line - 1] == "Drink during your workout" for f in found)


def test_the_bracketed_source_of_a_quotation_is_the_articles_own():
    text = fixture("quotation-sources.txt")
    assert chrome(text) == []
    # The same bracketed line after a paragraph that quotes nobody stands alone: it may be the page's.
    unquoted = text.replace("wish for ruin.”", "wish for ruin, he said.")
    assert [f.rule for f in chrome(unquoted)] == ["chrome/trailing-line"]


def test_a_caption_or_address_glued_to_a_paragraph_is_split_off_not_deleted_with_it():
    text = fixture("glued-lead.txt")
    found = chrome(text)
    assert {(f.start.line, f.start.column, f.rule) for f in found} == {
        (3, 1, "chrome/caption"), (3, 69, "chrome/inline-credit"),
        (5, 1, "chrome/glued-address"), (7, 54, "chrome/inline-credit"),
    }
    caption = next(f for f in found if f.rule == "chrome/caption")
    assert text[caption.source_start:caption.source_end] == (
        "Rescue workers wade through a flooded street in Guwahati on Monday. (Photo: PTI)")
    assert not caption.fix.safe  # where a caption ends is a judgement
    fixed = text
    for _ in range(3):  # as --fix --unsafe-fixes does, until nothing more applies
        chosen, _skipped = choose(lint_string(fixed, select=("chrome", "typography")))
        fixed = apply_fixes(fixed, chosen)
    lines = fixed.split("\n")
    assert lines[2] == "The flood waters began to recede on Tuesday, officials said, and 200 families returned home."
    assert lines[4] == "The state government said relief camps would stay open for a week."
    assert lines[6] == "Boats carried food to villages cut off by the water. Police said the roads would reopen by Friday."


def test_a_glued_lead_that_is_the_articles_own_sentence_stays():
    # A sentence with a source is the article's, glued or not; an address with a space after it
    # and a lower-case word is the sentence's subject.
    text = fixture("glued-lead-quiet.txt")
    assert [f for f in chrome(text)] == []
    assert [f.start.line for f in lint_string(text, select=("typography/glued-sentence",))] == [3]


def test_a_label_between_the_headline_and_the_lead_is_furniture_a_standfirst_is_not():
    lead = "The city council voted on Monday to close the bridge for repairs, the mayor said in a statement."
    rest = "The closure will last six weeks, officials said, and a ferry will run in the meantime."
    for label in ("FIND YOUR NEXT CAR", "Best Portfolio Manager", "4,281 tickets available"):
        [finding] = chrome(f"City votes to close bridge\n\n{label}\n\n{lead}\n\n{rest}\n")
        assert (finding.rule, finding.start.line, finding.fix) == ("chrome/page-furniture", 3, None)
    # A standfirst shares its subject with the headline or the lead; a kicker is a phrase.
    for standfirst in ("Repairs To The Bridge Begin In Spring", "Confusion and anger abound",
                       "The council's vote ends a year of argument over the crossing."):
        assert chrome(f"City votes to close bridge\n\n{standfirst}\n\n{lead}\n\n{rest}\n") == []


def test_the_syndicated_storys_source_closing_it_is_the_articles():
    text = f"{PARAGRAPH}\n\n{CLOSING}\n\nProvided by European Space Agency\n"
    assert chrome(text) == []
    assert [f.rule for f in chrome(f"{PARAGRAPH}\n\n{CLOSING}\n\nMore from our partners\n")] == ["chrome/trailing-line"]


# ---------------------------------------------------------------- below and above the body of a scraped page


def test_a_comment_thread_under_a_scraped_article_is_a_feed_not_the_article():
    """The comments' text is prose, yet every line of the thread is reported and no paragraph
    of the article is."""
    found = rules_by_line(chrome(fixture("comment-thread.txt")))
    assert "chrome/share-count" in found[25]  # '6 responses to "..."'
    for handle, stamp, comment in ((27, 29, 31), (33, 35, 37), (39, 41, 43), (45, 47, 49)):
        assert "chrome/feed" in found[handle] and "chrome/feed" in found[comment]
        assert "chrome/timestamp" in found[stamp]
    assert not {13, 15, 17, 19, 21, 23} & set(found)  # the headline and the article's paragraphs


def test_a_feed_is_reported_but_never_deleted():
    """A comment's text is judged by its place, so it is never deleted; a handle ("... says:")
    is its own evidence, and its line may go."""
    feed = {f.start.line: f for f in chrome(fixture("comment-thread.txt")) if f.rule == "chrome/feed"}
    assert all(feed[line].fix is None for line in (31, 37, 43, 49))
    assert feed[27].fix is not None


def test_a_live_blogs_dated_entries_are_the_article_not_a_feed():
    found = rules_by_line(chrome(fixture("live-blog.txt")))
    assert not any("chrome/feed" in rules for rules in found.values())
    entries_and_headings = {11, 17, 19, 23, 25, 29, 31, 35}
    assert not entries_and_headings & set(found)


def test_a_label_above_the_body_of_a_scraped_page_is_furniture_even_among_teasers():
    """"Weather" and "Live" stand between other stories' teasers, which read as content, so no
    run of furniture surrounds them; on a page with furniture at both ends they are still the page's."""
    found = rules_by_line(chrome(fixture("scraped-top.txt")))
    assert "chrome/page-furniture" in found[13] and "chrome/page-furniture" in found[19]
    assert not {21, 23, 25, 27} & set(found)  # the headline and the article


@pytest.mark.parametrize("handle", ["cafetero1075 says:", "jo.bloggs says:", "shutupbrees says:"])
def test_a_readers_comment_handle_between_paragraphs_is_chrome(handle):
    found = rules_by_line(chrome(f"{PARAGRAPH}\n\n{handle}\n\n{CLOSING}\n"))
    assert "chrome/feed" in found.get(3, set())


@pytest.mark.parametrize("intro", ["The report says:", "Smith says:", "He said:"])
def test_a_line_introducing_a_quotation_is_not_a_commenter(intro):
    text = f"{PARAGRAPH}\n\n{intro}\n\n\"We will reopen the bridge as soon as it is safe,\" the statement read.\n"
    assert 3 not in rules_by_line(chrome(text))


def test_an_off_topic_label_beside_a_list_item_is_taken_on_two_foreign_words():
    """Beside a list item a line may be the list's own heading; two topic words the article never
    uses make it a label of the page ("Senior Living"), one does not ("Cornerback")."""
    listed = "- a ferry every twenty minutes from the quay"
    for label, taken in (("Senior Living Guides", True), ("Cornerback", False)):
        text = f"{PARAGRAPH}\n\n{label}\n\n{listed}\n\n{CLOSING}\n"
        assert ("chrome/stray-heading" in rules_by_line(chrome(text)).get(3, set())) is taken, label


def test_a_label_after_the_lead_of_copy_without_a_headline_is_a_stray_heading():
    """Copy that opens with its lead has no headline slot; the line between the lead and the
    second paragraph is a label of the page when it shares nothing with either, even if the
    article mentions its words further down."""
    later = "The ferry will stop at the new clubhouse of the retirement community on the north bank, the operator said."
    for label, taken in (("Builder to debut clubhouse at retirement community", True), ("Bridge repairs", False)):
        found = rules_by_line(chrome(f"{PARAGRAPH}\n\n{label}\n\n{CLOSING}\n\n{later}\n"))
        assert ("chrome/stray-heading" in found.get(3, set())) is taken, label


def test_a_heading_shares_the_subject_only_through_its_own_words():
    """"Tech" is not "technology": a section label is not on topic because a longer word of the
    article starts like one of its words; "Inspections" is the article's "inspection"."""
    engineers = "The council's technology chief said the engineers' inspection would be repeated every spring."
    for label, taken in (("Tech Careers", True), ("Spring Inspections", False)):
        found = rules_by_line(chrome(f"{PARAGRAPH}\n\n{label}\n\n{engineers}\n"))
        assert ("chrome/stray-heading" in found.get(3, set())) is taken, label


def test_a_quotation_in_guillemets_is_no_links_arrow():
    text = f"{PARAGRAPH}\n\n« Nous reviendrons »\n\n{CLOSING}\n"
    assert "chrome/navigation" not in rules_by_line(chrome(text)).get(3, set())


def test_a_bare_label_between_the_headline_and_the_lead_is_furniture():
    """A few words with no function word ("Weather alerts", "Transfer window") are a label or
    a button in the standfirst's place, even when not in title case."""
    lead = "The city council voted on Monday to close the bridge for repairs, the mayor said in a statement."
    rest = "The closure will last six weeks, officials said, and a ferry will run in the meantime."
    for label in ("Weather alerts", "Transfer window"):
        [finding] = chrome(f"City votes to close bridge\n\n{label}\n\n{lead}\n\n{rest}\n")
        assert (finding.rule, finding.start.line) == ("chrome/page-furniture", 3), label
    assert chrome(f"City votes to close bridge\n\nBridge repairs\n\n{lead}\n\n{rest}\n") == []
    # A translated kicker's words are a phrase, not a label.
    assert chrome(f"City votes to close bridge\n\nConfused, speculative\n\n{lead}\n\n{rest}\n") == []


def test_a_label_after_the_lead_over_a_subheading_is_a_stray_heading():
    """Two heading-like lines in a row after a headline-less lead: the first introduces nothing.
    A subheading over the next paragraph stays."""
    subhead = "Ferry timetable"
    ferry = "A ferry will run every twenty minutes from the quay while the bridge is closed, the operator said."
    found = rules_by_line(chrome(f"{PARAGRAPH}\n\nShowbiz & TV\n\n{subhead}\n\n{ferry}\n\n{CLOSING}\n"))
    assert "chrome/stray-heading" in found.get(3, set())
    assert 5 not in found


DEALS = [
    ("Amazon discounts laptop models from $700", "Today only, Amazon offers the 12-inch laptop in refurbished condition for $700, down from the usual $899, and shipping is free for all buyers."),
    ("Wireless earbuds with charging case", "Rakuten offers the latest wireless earbuds with a charging case for $150, down from the usual $199 price tag and the typical $165 holiday price."),
    ("Smart thermostat pricing now live", "Pricing on the latest smart thermostat with voice control is now live at Amazon for $199, a $50 price break from its regular rate this month."),
    ("Tablet drops to $799 at Electronic Express", "Electronic Express is offering the 12.9-inch tablet with 64GB of storage for $799, which is $200 off the regular rate and the best price yet."),
    ("Door sensor brings automations to your home", "Amazon is currently offering the door and window entry sensor for $30, usually selling for $40, a 25% discount and a match of the lowest price."),
]


def deals_article(planted: str) -> str:
    parts = ["Monday's best deals include laptops from $700 at Amazon and earbuds with a charging case for $150, with more below."]
    for heading, paragraph in DEALS:
        parts += [heading, paragraph]
    parts.insert(len(parts) - 2, planted)
    return "\n\n".join(parts) + "\n"


def test_a_short_title_among_longer_headings_is_a_stray_heading():
    """Among an article's product headings, a short name whose words the article never uses
    ("Beltway Confidential") is a section's or a column's, also after the last paragraph."""
    text = deals_article("Beltway Confidential")
    planted = text.split("\n").index("Beltway Confidential") + 1
    assert "chrome/stray-heading" in rules_by_line(chrome(text)).get(planted, set())
    assert set(rules_by_line(chrome(deals_article("Prices checked on Monday morning")))) == set()


def test_a_list_of_names_is_not_a_run_of_stray_headings():
    """Many short titles, each over its own paragraph (the cast of a story), are the article's
    parallel items, not labels."""
    people = ["Olesya Kuprina", "Evgenia Levitskaya", "Dinara Snizhevskaya", "Oksana Lutsan", "Olga Pankova", "Venera Osepchuk"]
    parts = [PARAGRAPH]
    for person in people:
        parts += [person, f"{person.split()[0]} was photographed at home in the spring, with her children and her mother beside her."]
    parts.append(CLOSING)
    assert chrome("\n\n".join(parts) + "\n") == []


def test_a_title_sharing_one_word_with_the_article_but_not_with_what_follows_is_a_stray_heading():
    """"Local Business" in a story about business coaching shares one word with the article but
    none with the paragraphs under it: a section's name.  A subheading shares with its section."""
    lead = "Welcome to my business focus strategy lesson, where online coaches learn to plan the week."
    more = "I help people build online businesses that pay the bills, and the first step is a plan."
    under = "Clients who track their hours for a month find two free afternoons a week, on average."
    for label, taken in (("Local Business", True), ("Tracking Hours", False)):
        text = f"{lead}\n\n{more}\n\n{label}\n\n{under}\n\n{CLOSING}\n"
        assert ("chrome/stray-heading" in rules_by_line(chrome(text)).get(5, set())) is taken, label


def test_another_storys_headline_sharing_a_word_is_a_stray_heading():
    """A headline-length line that shares at most a quarter of its words with the article, and
    none with the paragraphs under it, is a teaser for another story."""
    search = "Rescuers resumed the search for the missing climbers on Monday, the park service said in a statement."
    under = "Two helicopters flew over the ridge at first light, and a ground team reached the upper camp by noon."
    teaser = "NASA discovery fuels hopes in search for life beyond Earth"
    text = f"{search}\n\n{PARAGRAPH}\n\n{teaser}\n\n{under}\n\n{CLOSING}\n"
    assert "chrome/stray-heading" in rules_by_line(chrome(text)).get(5, set())
    subhead = "Helicopters search the ridge at first light for climbers"
    text = f"{search}\n\n{PARAGRAPH}\n\n{subhead}\n\n{under}\n\n{CLOSING}\n"
    assert 5 not in rules_by_line(chrome(text))


def test_a_reporters_address_signing_off_the_story_is_not_a_stray_heading():
    text = f"{PARAGRAPH}\n\n{CLOSING}\n\njane.doe@herald.com\n\ntwitter.com/janedoe\n"
    assert "chrome/stray-heading" not in rules_by_line(chrome(text)).get(5, set())


def test_a_phrase_pattern_takes_either_apostrophe_and_any_run_of_spaces_within_a_line():
    pattern = re.compile(phrase_regex("Don't miss (1+1)"))
    assert phrase_regex("Don't miss (1+1)") == r"Don['’]t[^\S\n]+miss[^\S\n]+\(1\+1\)"
    assert pattern.fullmatch("Don’t  miss\t(1+1)") and pattern.fullmatch("Don't miss (1+1)")
    assert not pattern.fullmatch("Don't\nmiss (1+1)")


def sectioned_explainer(headings: list[str], planted: str) -> str:
    """An explainer of sections under question headings, set apart by rules ("___"), with a
    line planted after the second section's paragraph, above its rule."""
    paragraphs = [
        "The senator has led every poll of the primary since June, and her rivals need a strong night.",
        "The former governor is expected to press his record on schools, roads and the state budget.",
        "Three of the candidates voted on the impeachment articles last year and will be asked about it.",
        "The two business owners in the race have promised to cut taxes on small firms and farms.",
        "Most of the field has talked about the party's future, and few about its leaders in Congress.",
    ]
    parts = ["Five questions hang over the debate in Atlanta tonight, the fifth of the primary season:"]
    for number, (heading, paragraph) in enumerate(zip(headings, paragraphs)):
        parts += [heading, paragraph] + ([planted] if number == 1 else []) + ["___"]
    parts.append(CLOSING)
    return "\n\n".join(parts) + "\n"


def test_a_title_in_another_case_than_all_the_articles_headings_is_a_stray_heading():
    """Among subheadings all in capitals, an off-topic line in upper and lower case came from
    elsewhere on the page; in capitals it would be one of them, and among headings of both
    cases nothing stands out."""
    capitals = ["WHO IS THE FRONT-RUNNER?", "HOW WILL THE GOVERNOR PLAY?", "WHAT SAY THE JURORS?", "WILL THEY BASH THE RICH?", "WHO SPEAKS FOR CONGRESS?"]
    planted = "The Problems of Solitary Confinement"
    text = sectioned_explainer(capitals, planted)
    line = text.split("\n").index(planted) + 1
    assert "chrome/stray-heading" in rules_by_line(chrome(text)).get(line, set())
    assert line not in rules_by_line(chrome(sectioned_explainer(capitals, planted.upper())))
    mixed = capitals[:2] + ["What Say the Jurors?", "Will They Bash the Rich?", "Who Speaks for Congress?"]
    assert line not in rules_by_line(chrome(sectioned_explainer(mixed, planted)))
