"""The names family: a name spelt unlike its more frequent spelling, and the house's spellings."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, lint_string, seed

from lint.analysis import Analysis
from lint.cli import main
from lint.findings import Severity
from lint.formats import read_document
from lint.kinds import kind_class
from lint.rules import PackError, load_pack
from lint.runner import Session

NAMES = FIXTURES / "names"
VARIANT = "names/variant"
HOUSE = "names/house-spelling"


def names_findings(text: str, rule: str | None = None, **options):
    found = lint_string(text, select=("names",), **options)
    return [f for f in found if rule is None or f.rule == rule]


def variant_hits(text: str, **params) -> list[str]:
    """The spellings a name-variant rule with these parameters flags in `text`."""
    checker = kind_class("name-variant")("names/test", "{variant}", params)
    return [hit.message for hit in checker.check(Analysis(read_document("a.txt", text)))]


def column_of(line: str, word: str) -> int:
    """1-based column of `word` as a whole word in `line`."""
    return re.search(rf"(?<!\w){word}(?!\w)", line).start() + 1


def apply_fixes(source: str, findings) -> str:
    for finding in sorted(findings, key=lambda f: f.fix.source_start, reverse=True):
        source = source[: finding.fix.source_start] + finding.fix.replacement + source[finding.fix.source_end:]
    return source


# ---- the seed articles


def test_seed_misspelt_milley_is_flagged_with_the_fix_and_the_count():
    source = seed("002").read_text(encoding="utf-8")
    findings = names_findings(source, VARIANT)
    assert [(f.start.line, f.start.column, f.end.column) for f in findings] == [(14, 1, 6)]
    finding = findings[0]
    assert finding.severity is Severity.WARNING
    assert "“Mille” appears once" in finding.message
    assert "“Milley” 4 times" in finding.message
    assert finding.fix.replacement == "Milley"
    assert source[finding.fix.source_start:finding.fix.source_end] == "Mille"
    fixed = apply_fixes(source, findings)
    assert fixed.splitlines()[13].startswith("Milley has estimated")
    assert not names_findings(fixed, VARIANT)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_clean_seeds_have_no_names_findings(prefix):
    assert names_findings(seed(prefix).read_text(encoding="utf-8")) == []


# ---- planted misspellings, one of each kind, in an article written for the tests

PLANTED = [
    # (line, variant, frequent spelling, its count): swap, swap, dropped letter, doubled letter
    # (inside a quotation), dropped last letter, changed vowel, dropped inner letter
    (5, "Stoltenbreg", "Stoltenberg", "3 times"),
    (7, "Zelenksy", "Zelensky", "4 times"),
    (9, "Olongren", "Ollongren", "twice"),
    (11, "Scholzz", "Scholz", "3 times"),
    (13, "Borrel", "Borrell", "twice"),
    (15, "Orben", "Orban", "twice"),
    (17, "Insitute", "Institute", "twice"),
]


def test_each_planted_misspelling_is_found_where_it_is():
    source = (NAMES / "variants.txt").read_text(encoding="utf-8")
    lines = source.split("\n")
    findings = names_findings(source, VARIANT)
    expected = [(line, column_of(lines[line - 1], variant), variant, name, count) for line, variant, name, count in PLANTED]
    assert len(findings) == len(expected)
    for finding, (line, column, variant, name, count) in zip(findings, expected):
        assert (finding.start.line, finding.start.column) == (line, column)
        assert (finding.end.line, finding.end.column) == (line, column + len(variant))
        # Scholzz is the quoted aide's, Scholz the reporter's: the message says so.
        two_sources = " The quotation and the reporter's text spell it differently." if variant == "Scholzz" else ""
        assert finding.message == f"“{variant}” appears once; the article spells it “{name}” {count}.{two_sources}"


def test_the_fix_replaces_exactly_the_variant():
    source = (NAMES / "variants.txt").read_text(encoding="utf-8")
    findings = names_findings(source, VARIANT)
    for finding, (_, variant, name, _) in zip(findings, PLANTED):
        assert source[finding.fix.source_start:finding.fix.source_end] == variant
        assert finding.fix.replacement == name
    fixed = apply_fixes(source, findings)
    assert len(fixed) == len(source) + sum(len(name) - len(variant) for _, variant, name, _ in PLANTED)
    assert not names_findings(fixed, VARIANT)
    assert "Kiel Institute warned" in fixed and "Scholz knows it" in fixed


def test_positions_survive_crlf_and_a_bom(tmp_path):
    source = (NAMES / "variants.txt").read_text(encoding="utf-8")
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", VARIANT, str(path)])
    found = [(f["line"], f["column"], f["fix"]["replacement"]) for f in json.loads(result.stdout)["findings"]]
    lines = source.split("\n")
    assert found == [(line, column_of(lines[line - 1], variant), name) for line, variant, name, _ in PLANTED]


def test_a_variant_in_the_headline_is_flagged():
    text = (
        "Stoltenbreg urges allies to keep arms flowing\n\n"
        "The head of the alliance, Jens Stoltenberg, said on Tuesday that the allies must act. "
        "Stoltenberg spoke to the press in Brussels, and Stoltenberg will travel to the front next week.\n"
    )
    assert [(f.start.line, f.start.column) for f in names_findings(text, VARIANT)] == [(1, 1)]


# ---- what stays quiet


@pytest.mark.parametrize("name", ["quiet-inflections.txt", "quiet-distinct-names.txt"])
def test_quiet_fixtures_raise_no_variant(name):
    assert names_findings((NAMES / name).read_text(encoding="utf-8"), VARIANT) == []


ISRAEL = "Israel said the talks would go on. Israel sent envoys, and Israel expects a deal, said an {} official in the city."
TRUMP = "Trump said he would win. Trump told the crowd that the {} were united, and Trump left for the airport."
BAKKER = "Bakker said that the plan was sound. Bakker told the board, and Bakker signed it. {} was not at the meeting.{}"
PENCE = (
    "Pence said on Monday that the talks with the rebels were possible. Pence spoke to the press in Ohio, "
    "where Pence has campaigned for a month. {} would require the guarantees of the allies, aides said."
)
RACE = (
    "Morales leads in the polls. Morales says the race is close, Morales and Moralez debate on Friday, "
    "and Morales disagrees with the rest of the field.{}"
)
LABOUR = (
    "The Labour Party met on Monday. Labour said the vote was close, and Labour leaders went home, "
    "while the {} Party of Australia watched."
)
MILLEY = (
    "General Mark Milley said the war was a stalemate. Milley told the club, and General Milley repeated it "
    "to the press. The White House adviser {} disagreed."
)


@pytest.mark.parametrize(
    "quiet, fires",
    [
        (ISRAEL.format("Israeli"), ISRAEL.format("Israelo")),  # a demonym, not a slip
        (TRUMP.format("Trumps"), TRUMP.format("Trumpp")),  # a plural
        (BAKKER.format("Baker", " The baker agreed."), BAKKER.format("Bakkr", "")),  # an ordinary word, not a slip
        (PENCE.format("Peace"), PENCE.format("Pencce")),  # a common word opening a sentence
        (RACE.format(" Moralez leads in donations. Moralez says it is over."), RACE.format("")),  # both recur
        (LABOUR.format("Labor"), LABOUR.format("Labuor")),  # British and American spellings
        (MILLEY.format("Stephen Mlley"), MILLEY.format("Mark Mlley")),  # another person's name
    ],
    ids=["demonym", "plural", "ordinary-word", "sentence-start", "both-recur", "us-uk", "another-person"],
)
def test_quiet_case_and_its_firing_twin(quiet, fires):
    assert names_findings(quiet, VARIANT) == []
    assert len(names_findings(fires, VARIANT)) == 1


def test_inflected_and_possessive_forms_stay_quiet():
    text = (
        "Russia said the Russian troops would stay. Russians near the border left, and Russia’s army dug in. "
        "Kyiv said that Kyiv's air defences held; Kyiv’s mayor agreed. America and the American voters, "
        "Americans all, agreed to a deal. China and the Chinese envoys met. Ukraine and the Ukrainian "
        "officials spoke to the press, and Ukraine’s army advanced.\n"
    )
    assert names_findings(text, VARIANT) == []


def test_transliterations_are_left_to_the_house_spelling_rule():
    text = (
        "Zelenskiy said on Monday that the army would hold. Zelenskiy thanked the allies, and Zelenskiy "
        "left for the front. President Zelensky met the press at the end of the day.\n"
    )
    assert names_findings(text, VARIANT) == []


def test_short_words_and_acronyms_stay_quiet_and_the_length_guard_is_what_keeps_them_so():
    short = "Bush said that the plan would work. Bush told the donors, and Bush flew home to the ranch. Then Buhs spoke.\n"
    acronym = "UNICEF said that the camp was full. UNICEF staff left, and UNICEF asked for the funds. UNICF was misspelt.\n"
    assert names_findings(short, VARIANT) == [] and names_findings(acronym, VARIANT) == []
    assert variant_hits(short, **{"min-length": 4}) == ["Buhs"]
    assert variant_hits(acronym, **{"min-length": 4}) == []


def test_two_established_spellings_are_two_names():
    # Iceland and Ireland are both names in their own right: no slip, whatever the counts.
    text = (NAMES / "quiet-distinct-names.txt").read_text(encoding="utf-8")
    assert variant_hits(text) == []


def test_distinct_pairs_keep_two_real_names_apart():
    text = (
        "Anna Ostrowska said the bridge would open in May. Ostrowska told the council, and Ostrowska "
        "thanked the engineers. Her brother Ostrowski was not at the meeting.\n"
    )
    assert variant_hits(text) == ["Ostrowski"]
    assert variant_hits(text, distinct=["Ostrowska Ostrowski"]) == []


def test_names_in_quotations_are_checked():
    text = (
        "Scholz said on Monday that Germany would act. Scholz met the ministers of the alliance, and Scholz "
        "left for the airport. “We trust Scholzz,” an aide to the chancellor said.\n"
    )
    assert [f.fix.replacement for f in names_findings(text, VARIANT)] == ["Scholz"]


def test_allow_words_and_ignore_silence_a_spelling():
    text = PENCE.format("Pencce")
    assert names_findings(text, VARIANT, **{"allow-words": ("Pencce",)}) == []
    assert variant_hits(text, ignore=["Pencce"]) == []


def test_text_that_is_not_english_is_not_checked():
    text = (
        "Die Dokumente liegen vor. Die Dokumente wurden geprüft, und die Dokumente sind vollständig. "
        "Mit den Dokumenten arbeiten die Ärzte jeden Tag, sagte der Sprecher der Klinik am Montag.\n"
    )
    assert names_findings(text, VARIANT) == []


# ---- the shared proper-noun analysis


def test_proper_nouns_count_every_mention_and_those_mid_sentence():
    text = (
        "Milley Says Russian Losses Top 100,000\n\n"
        "General Milley said on Wednesday that Milley’s staff agreed. Milley's aides and Kyiv’s army of the "
        "south had a view: “Milley is right,” one of the officers said. Kyiv agreed to the plan.\n"
    )
    nouns = Analysis(read_document("a.txt", text)).proper_nouns
    assert nouns.counts["Milley"] == 5 and nouns.counts["Kyiv"] == 2
    # The title-case headline, the sentence start and the opening of a quotation prove nothing.
    assert nouns.mid_sentence["Milley"] == 2
    assert nouns.mid_sentence["Kyiv"] == 1
    assert "Says" not in nouns.mid_sentence and "General" not in nouns.mid_sentence


def test_name_mentions_found_paragraph_by_paragraph_are_those_of_the_whole_text():
    """Mentions are looked for a paragraph at a time (what the language server keeps between
    checks): at paragraph ends, apostrophes and possessives they are the words one scan finds."""
    import random

    from lint.analysis import capitalised_words

    rng = random.Random(7)
    pieces = ["Kyiv", "O'Brien", "Kyiv's", "NATO", "Al-Qaeda", "’s", "'", "s", " ", "\n", "\n\n", "é", "Émile", "x", "."]
    for _ in range(300):
        source = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        analysis = Analysis(read_document("a.txt", source))
        text, mentions = analysis.text, analysis.name_mentions
        assert [m.text for m in mentions] == capitalised_words(text), repr(source)
        assert all(text[m.start:m.end] == m.text for m in mentions), repr(source)


# ---- house spellings


def test_house_spellings_in_the_fixture():
    source = (NAMES / "house-spelling.txt").read_text(encoding="utf-8")
    findings = names_findings(source, HOUSE)
    found = [(f.start.line, source[f.source_start:f.source_end], f.fix.replacement) for f in findings]
    assert found == [
        (1, "Kiev", "Kyiv"),
        (1, "Qaddafi", "Gaddafi"),
        (3, "Kiev", "Kyiv"),
        (3, "Kiev", "Kyiv"),  # "Kiev's": the possessive stays
        (5, "Qaddafi", "Gaddafi"),
        (5, "Al-Qaida", "Al-Qaeda"),  # a lower-case house form, capitalised as the copy has it
    ]
    assert all(f.severity is Severity.INFO for f in findings)
    fixed = apply_fixes(source, findings)
    assert "Kyiv's mayor" in fixed and "Al-Qaeda affiliates" in fixed
    assert "serves chicken Kiev" in fixed  # a kept phrase
    assert names_findings(fixed, HOUSE) == []


def test_house_spelling_severity_can_be_raised_in_the_configuration(tmp_path):
    (tmp_path / "newslint.toml").write_text('[severity]\n"names/house-spelling" = "warning"\n', encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Officials in Kiev said the heating plants had been repaired.\n", encoding="utf-8")
    result = Session().check_file(article)
    assert [(f.rule, f.severity) for f in result.findings] == [(HOUSE, Severity.WARNING)]
    assert result.failed


TEAM_PACK = """
[[rules]]
id = "names/house-odesa"
kind = "house-spelling"
severity = "warning"
summary = "Our spelling of the Ukrainian port."
message = "We spell it “{preferred}”, not “{variant}”."
preferred = "Odesa"
variants = ["Odessa"]
keep = ["Odessa, Texas"]
examples.fire = ["Ships left Odessa on Monday."]
examples.quiet = ["Ships left Odesa on Monday.", "The rig is near Odessa, Texas."]
"""


def test_a_team_pack_adds_a_house_spelling(tmp_path):
    (tmp_path / "house.toml").write_text(TEAM_PACK, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(
        "Grain ships left Odessa on Monday.\n\nOdessa's port was hit, the oil rig near Odessa, Texas was not.\n",
        encoding="utf-8",
    )
    findings = Session().check_file(article).findings
    ours = [(f.start.line, f.start.column, f.message, f.fix.replacement) for f in findings if f.rule == "names/house-odesa"]
    assert ours == [
        (1, 18, "We spell it “Odesa”, not “Odessa”.", "Odesa"),
        (3, 1, "We spell it “Odesa”, not “Odessa”.", "Odesa"),
    ]
    # The built-in list still applies next to the team's.
    article.write_text("Grain ships left Odessa for Kiev.\n", encoding="utf-8")
    rules = {f.rule for f in Session().check_file(article).findings}
    assert {"names/house-odesa", HOUSE} <= rules


@pytest.mark.parametrize(
    "entry, problem",
    [
        ('spellings = { Kyiv = ["Kyiv"] }', "is no variant"),
        ('spellings = { Kyiv = ["Kiev"], Kiyv = ["Kiev"] }', "two preferred"),
        ('preferred = "Kyiv"', "go together"),
        ("", "give 'spellings'"),
    ],
)
def test_a_malformed_house_spelling_entry_is_reported(tmp_path, entry, problem):
    pack = tmp_path / "bad.toml"
    pack.write_text(
        f'[[rules]]\nid = "names/bad"\nkind = "house-spelling"\nsummary = "s"\nmessage = "m"\n{entry}\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=problem):
        load_pack(Path(pack))


def test_a_family_plural_of_a_surname_stays_quiet():
    text = (
        "Trudeau said the vote would be close. Trudeau told the party, and Trudeau left for Ottawa. "
        "The Trudeaus were at the dinner.\n"
    )
    assert names_findings(text, VARIANT) == []
    assert len(names_findings(text.replace("Trudeaus", "Trudeaux"), VARIANT)) == 1


def _variants_in(name: str) -> list:
    return names_findings((NAMES / name).read_text(encoding="utf-8"), VARIANT)


def test_two_people_whose_names_are_one_letter_apart_are_two_people():
    # Arun Mehta and Arjun Kapoor, Chandra Rao and Chanda Iyer: each name with its own other part.
    assert _variants_in("two-people.txt") == []
    # The same name misspelt, with the same surname: a slip.
    [slip] = _variants_in("two-people-slip.txt")
    assert (slip.start.line, slip.fix.replacement) == (5, "Chandra")


def test_a_word_or_a_name_in_its_own_right_is_not_a_slip():
    # Indira beside India, Capitol beside Capital: established spellings of other things.
    assert _variants_in("word-or-name.txt") == []
    [slip] = _variants_in("word-or-name-slip.txt")
    assert (slip.start.line, slip.fix.replacement) == (5, "India")


def test_inflections_and_derived_forms_are_not_slips():
    assert _variants_in("inflections.txt") == []


def test_a_majority_that_is_itself_the_slip_gets_a_question_not_a_fix():
    # "Hunstman" three times, "Huntsman" once: the rare spelling is the established one.
    [finding] = _variants_in("majority-slip.txt")
    assert finding.start.line == 5 and finding.fix is None
    assert "“Huntsman” is the usual spelling" in finding.message and "check which one is right" in finding.message


def test_a_name_spelt_one_way_in_a_quotation_and_another_by_the_reporter_says_so():
    # The quoted speaker's "Mohamad" against the reporter's "Mohammad": two sources to check
    # against each other, at the rule's severity (a slip in a quotation is still a slip).
    [quoted] = _variants_in("quote-and-reporter.txt")
    assert (quoted.start.line, quoted.severity, quoted.fix.replacement) == (5, Severity.WARNING, "Mohammad")
    assert "The quotation and the reporter's text spell it differently." in quoted.message
    # A slip on both sides of the quotation marks is no disagreement of sources.
    found = _variants_in("quote-and-reporter-slip.txt")
    assert [(f.start.line, f.severity) for f in found] == [(5, Severity.WARNING), (7, Severity.WARNING)]
    assert all("quotation" not in f.message for f in found)
