"""The contract a newsroom gates on: fixes carry a safety level, and no path switches a check off silently."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, lint_string

from lint.cli import main

MIXED = FIXTURES / "contract" / "mixed-fixes.txt"  # a doubled word and a chrome line (safe), a name and a unit (unsafe)


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kwargs)


def copy(tmp_path, source=MIXED):
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


# --- fix safety ---------------------------------------------------------------------------------


def test_fix_applies_only_the_safe_fixes(tmp_path):
    article = copy(tmp_path)
    result = run("check", "--fix", str(article))
    text = article.read_text(encoding="utf-8")
    assert "the the" not in text and "Advertisement" not in text
    # The name rewrite and the unit conversion are judgements: left for --unsafe-fixes.
    assert "Mille said" in text and "1 lakh" in text
    assert "fixed 2 problems in 1 file; 2 more fixable with --unsafe-fixes" in result.stderr


def test_unsafe_fixes_adds_the_judgements(tmp_path):
    article = copy(tmp_path)
    run("check", "--fix", "--unsafe-fixes", str(article))
    text = article.read_text(encoding="utf-8")
    assert "Milley said the army had lost 100,000 soldiers" in text and "the the" not in text


def test_diff_respects_the_flags_and_names_the_unsafe_fixes(tmp_path):
    article = copy(tmp_path)
    safe = run("check", "--diff", str(article))
    assert "-Mille said" not in safe.stdout and "+General Mark Milley said on Wednesday that the war" in safe.stdout
    assert "unsafe fix" not in safe.stderr and "2 more fixable with --unsafe-fixes" in safe.stderr
    both = run("check", "--diff", "--unsafe-fixes", str(article))
    assert "+Milley said the army had lost 100,000 soldiers" in both.stdout
    assert f"{article}:7:1: unsafe fix of names/variant" in both.stderr
    assert f"{article}:7:30: unsafe fix of numbers/indian-units" in both.stderr
    assert article.read_text(encoding="utf-8") == MIXED.read_text(encoding="utf-8")


def test_json_fix_states_its_applicability():
    result = run("check", "--format", "json", str(MIXED))
    levels = {f["rule"]: f["fix"]["applicability"] for f in json.loads(result.stdout)["findings"]}
    assert levels == {
        "typography/doubled-word": "safe", "chrome/advertising": "safe",
        "names/variant": "unsafe", "numbers/indian-units": "unsafe",
    }


def test_sarif_offers_only_safe_fixes():
    result = run("check", "--format", "sarif", str(MIXED))
    results = {r["ruleId"]: r for r in json.loads(result.stdout)["runs"][0]["results"]}
    assert "fixes" in results["typography/doubled-word"] and "fixes" in results["chrome/advertising"]
    for rule in ("names/variant", "numbers/indian-units"):
        assert "fixes" not in results[rule]
        assert results[rule]["properties"]["fixApplicability"] == "unsafe"


def test_summary_counts_safe_and_unsafe_fixes():
    result = run("check", str(MIXED))
    assert "2 fixable with --fix (2 more with --unsafe-fixes)." in result.stdout


@pytest.mark.parametrize("text,rule,safe", [
    ("The minister said the the plan would work.", "typography/doubled-word", True),
    ("Where is Washington/Moscow : nobody knows.", "typography/space-before-punctuation", True),
    ("Russiaâ€™s army advanced, officials said.", "translation/mojibake", True),
    ("The talks ended। Both sides left.", "translation/source-punctuation", True),
    ("Headline here\n\nThe council met on Tuesday.\n\nAdvertisement\n\nIt voted for the plan.\n", "chrome/advertising", True),
    ("He said “yes” and she said \"no\" and they said \"maybe\".", "typography/mixed-quotes", True),
    ("The army lost 1 lakh soldiers, officials said.", "numbers/indian-units", False),
    ("Talks in Kiev went on, officials said.", "names/house-spelling", False),
])
def test_each_kind_states_whether_its_fix_is_safe(text, rule, safe):
    (finding,) = [f for f in lint_string(text, select=(rule,)) if f.rule == rule][:1]
    assert finding.fix is not None and finding.fix.safe is safe


# --- no silent switch-offs ----------------------------------------------------------------------


@pytest.mark.parametrize("option,name,nearest", [
    ("--select", "chrom", "chrome"),
    ("--ignore", "namez", "names"),
    ("--extend-select", "readability/score", "readability/scores"),
])
def test_an_unknown_rule_on_the_command_line_is_an_error(option, name, nearest):
    result = run("check", option, name, str(MIXED))
    assert result.exit_code == 2
    assert f"key '{option}': unknown rule or family '{name}' (did you mean '{nearest}'?)" in result.stderr
    assert "No problems found" not in result.stdout


@pytest.mark.parametrize("config,key", [
    ('select = ["chrom"]\n', "select"),
    ('ignore = ["namez"]\n', "ignore"),
    ('extend-select = ["readability/score"]\n', "extend-select"),
    ('[severity]\n"nmes/variant" = "error"\n', "severity"),
    ('[[overrides]]\nfiles = ["*.txt"]\nignore = ["atribution"]\n', "overrides[0].ignore"),
])
def test_an_unknown_rule_in_the_configuration_is_an_error(tmp_path, config, key):
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    article = copy(tmp_path)
    result = run("check", str(article))
    assert result.exit_code == 2
    assert f"newslint.toml: key '{key}': unknown rule or family" in result.stderr and "did you mean" in result.stderr


def _house_pack_config(folder, *, select: str) -> None:
    """A team's pack of one rule, a configuration naming it and selecting `select`, and an article."""
    (folder / "house.toml").write_text(
        '[[rules]]\nid = "style/banned-words"\nkind = "phrase"\nmatch = "anywhere"\nsummary = "Banned."\n'
        'message = "Avoid “{match}”."\nphrases = ["slammed"]\nexamples.fire = ["He slammed it."]\nexamples.quiet = ["He said it."]\n',
        encoding="utf-8")
    (folder / "newslint.toml").write_text(f'packs = ["house.toml"]\nselect = ["{select}"]\n', encoding="utf-8")
    (folder / "a.txt").write_text("Headline\n\nCritics slammed the plan, officials said.\n", encoding="utf-8")


def test_a_teams_pack_adds_rule_ids_a_selection_may_name(tmp_path):
    _house_pack_config(tmp_path, select="style/banned-words")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 1 and "style/banned-words" in result.stdout


def test_a_pack_that_adds_no_enabled_rule_is_a_warning(tmp_path):
    _house_pack_config(tmp_path, select="chrome")
    result = run("check", str(tmp_path / "a.txt"))
    assert "pack 'house.toml' contributes no enabled rule" in result.stderr


def test_an_empty_folder_is_a_warning_and_no_file_checked_is_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert "no file to check there" in result.stderr and "No problems found" not in result.stdout


def test_an_empty_folder_beside_a_checked_file_is_only_a_warning(tmp_path):
    (tmp_path / "empty").mkdir()
    clean = tmp_path / "clean.txt"
    clean.write_text("Council approves library\n\nThe council voted on Tuesday to build a library, the mayor said.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "empty"), str(clean))
    assert result.exit_code == 0 and "no file to check there" in result.stderr


def test_a_missing_file_never_reads_as_no_problems(tmp_path):
    result = run("check", str(tmp_path / "nosuch.md"))
    assert result.exit_code == 2 and "No problems found" not in result.stdout


def test_the_readme_example_config_keeps_its_own_pack_on(tmp_path):
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = re.search(r"```toml\n# newslint.toml\n(.*?)```", readme, re.S).group(1)
    pack = re.search(r"```toml\n# style/house.toml\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "house.toml").write_text(pack, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Council vote\n\nCritics slammed the plan, the mayor said.\n", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path / "a.txt"))
    assert "contributes no enabled rule" not in result.stderr
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "style/banned-words" in rules and "readability/scores" not in rules


def test_rules_family_lists_that_family_and_suggests_for_a_typo():
    listed = run("rules", "names")
    assert listed.exit_code == 0
    ids = [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]
    assert ids and all(rule_id.startswith("names/") for rule_id in ids) and "names/variant" in ids
    typo = run("rules", "chrom")
    assert typo.exit_code == 2 and "did you mean 'chrome'" in typo.stderr


def test_readme_pins_what_exists_and_grants_what_sarif_upload_needs():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "v0.1.0" not in readme  # no such tag: the snippets pin a commit
    assert readme.count("COMMIT_SHA") >= 2
    for permission in ("contents: read", "security-events: write", "actions: read"):
        assert permission in readme


STORY_WITH_FRONT_MATTER = (
    "---\ntitle: Dam repairs begin\ndate: 2024-05-01\ntags: dams\n---\n\nDam repairs begin\n\n"
    "Engineers began repairs on the dam on Monday, the authority said, and the work would take a month.\n\n"
    "Advertisement\n"
)


@pytest.mark.parametrize("text, expected", [
    (STORY_WITH_FRONT_MATTER, "markdown"),
    ("# Dam repairs begin\n\nEngineers began repairs on Monday.\n", "markdown"),
    ("Dam repairs begin\n\nRead [the report](https://example.org/report) first.\n", "markdown"),
    ("<html><body><h1>Dam repairs begin</h1><p>Engineers began repairs.</p></body></html>\n", "html"),
    ("Dam repairs begin\n\nEngineers began repairs on Monday, the authority said.\n", "text"),
])
def test_standard_input_format_is_sniffed(text, expected):
    from lint.formats import sniff_format

    assert sniff_format(text) == expected


def test_standard_input_with_front_matter_is_read_as_markdown_and_fixes_keep_it():
    checked = run("check", "--format", "json", "-", input=STORY_WITH_FRONT_MATTER)
    lines = {f["line"] for f in json.loads(checked.stdout)["findings"]}
    assert lines == {11}  # the advertisement, and nothing in the front matter
    fixed = run("check", "--fix", "--unsafe-fixes", "-", input=STORY_WITH_FRONT_MATTER)
    assert fixed.stdout.startswith(STORY_WITH_FRONT_MATTER.split("\n\n", 1)[0] + "\n\n")
    assert "Advertisement" not in fixed.stdout


def test_no_fix_reaches_into_front_matter():
    from lint.formats import read_document

    source = "---\ntitle: A story\n---\nAdvertisement\n\nEngineers began repairs on Monday, the authority said.\n"
    doc = read_document("story.md", source)
    assert doc.protected == ((0, source.index("Advertisement")),)
    [finding] = [f for f in lint_string(source, "story.md") if f.rule == "chrome/advertising"]
    assert finding.fix is None or finding.fix.source_start >= doc.protected[0][1]


def test_a_block_sharing_its_html_line_is_deleted_alone(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><body><h1>Dam repairs begin</h1>\n"
        "<p>Advertisement</p><p>Engineers began repairs on the dam on Monday, the authority said.</p>\n"
        "</body></html>\n", encoding="utf-8")
    [finding] = [f for f in json.loads(run("check", "--format", "json", str(page)).stdout)["findings"]
                 if f["rule"] == "chrome/advertising"]
    assert "delete the line" in finding["message"] and finding["fix"]["replacement"] == ""
    run("check", "--fix", str(page))
    assert page.read_text(encoding="utf-8") == (
        "<html><body><h1>Dam repairs begin</h1>\n"
        "<p>Engineers began repairs on the dam on Monday, the authority said.</p>\n"
        "</body></html>\n")


def test_a_chrome_message_promises_a_deletion_only_with_a_fix_that_makes_it():
    # A menu run at the foot of a page: reported, but a run of lines is never deleted by a guess.
    text = ("Dam repairs begin\n\nEngineers began repairs on the dam on Monday, the authority said, and the work "
            "would take a month.\n\nHome\nWorld\nPolitics\nBusiness\nSports\n")
    found = [f for f in lint_string(text) if f.rule.startswith("chrome/")]
    assert found
    for finding in found:
        assert ("delete the line" in finding.message) == (finding.fix is not None), finding.message
