"""Configuration: found by walking up from each file, validated, with per-path overrides."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.config import ConfigError, globs_match, load_config_file

ARTICLE = "Ferry returns\n\nThe ferry sailed on Monday, the office said.\n\n- Advertisement -\n\nMost Popular\n"


def rules_reported(args, folder):
    result = CliRunner().invoke(main, ["check", "--format", "json", *args, str(folder)], catch_exceptions=False)
    return {(f["path"].rsplit("/", 1)[-1], f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]}


def test_pyproject_tool_table_is_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "site"\n\n[tool.newslint]\nignore = ["chrome/widget-heading"]\n')
    deep = tmp_path / "content" / "2024"
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text(ARTICLE)
    assert {r[1] for r in rules_reported(["--select", "chrome"], deep)} == {"chrome/advertising"}


def test_pyproject_without_tool_table_is_skipped(tmp_path):
    (tmp_path / "newslint.toml").write_text('ignore = ["chrome/advertising"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (sub / "a.txt").write_text(ARTICLE)
    assert "chrome/advertising" not in {r[1] for r in rules_reported([], sub)}


def test_nearest_config_wins(tmp_path):
    (tmp_path / "newslint.toml").write_text('ignore = ["chrome"]\n')
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / "newslint.toml").write_text('ignore = ["chrome/widget-heading"]\n')
    (sub / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    reported = rules_reported(["--select", "chrome"], tmp_path)
    assert {r[:2] for r in reported} == {("a.txt", "chrome/advertising")}


def test_severity_override_and_fail_on(tmp_path):
    (tmp_path / "newslint.toml").write_text('fail-on = "error"\n[severity]\n"chrome/advertising" = "info"\n')
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "chrome", str(tmp_path)])
    severities = {f["rule"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert severities["chrome/advertising"] == "info"
    assert result.exit_code == 0  # only a warning and an info remain, and the fail level is error


def test_per_path_overrides(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        '[[overrides]]\nfiles = ["archive/**"]\nignore = ["chrome"]\n\n'
        '[[overrides]]\nfiles = ["wire/*.txt"]\nseverity = { "chrome/widget-heading" = "error" }\n'
    )
    for folder in ("archive/2019", "wire", "news"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text(ARTICLE)
    reported = rules_reported(["--select", "chrome"], tmp_path)
    paths = {r[0] for r in reported}
    assert paths == {"a.txt"}  # by name; check folders through the severities below
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "chrome", str(tmp_path)])
    findings = json.loads(result.stdout)["findings"]
    assert not [f for f in findings if "/archive/" in f["path"]]
    wire = {f["rule"]: f["severity"] for f in findings if "/wire/" in f["path"]}
    news = {f["rule"]: f["severity"] for f in findings if "/news/" in f["path"]}
    assert wire["chrome/widget-heading"] == "error" and news["chrome/widget-heading"] == "warning"


def test_team_rule_pack_adds_house_rules(tmp_path):
    (tmp_path / "house.toml").write_text(
        '[[rules]]\nid = "style/banned-word"\nkind = "phrase"\nmatch = "anywhere"\nseverity = "warning"\n'
        'summary = "Words the desk does not use."\nmessage = "House style: avoid \\"{match}\\"."\n'
        'phrases = ["slammed", "blasted"]\nexamples.fire = ["Critics slammed the plan."]\n'
        'examples.quiet = ["Critics criticised the plan."]\n'
    )
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n')
    (tmp_path / "a.txt").write_text("Plan criticised\n\nCritics slammed the plan on Monday, officials said.\n")
    reported = rules_reported(["--select", "style"], tmp_path)
    assert ("a.txt", "style/banned-word", "warning") in reported
    listing = CliRunner().invoke(main, ["rules", "--config", str(tmp_path / "newslint.toml")])
    assert "style/banned-word" in listing.stdout


def test_explicit_config_option(tmp_path):
    (tmp_path / "strict.toml").write_text('select = ["chrome/advertising"]\n')
    (tmp_path / "a.txt").write_text(ARTICLE)
    reported = rules_reported(["--config", str(tmp_path / "strict.toml")], tmp_path)
    assert {r[1] for r in reported} == {"chrome/advertising"}


@pytest.mark.parametrize(
    "text,key",
    [
        ("select = 3\n", "select"),
        ('ignore = ["Chrome Stuff"]\n', "ignore"),
        ('[severity]\n"chrome/advertising" = "loud"\n', "severity"),
        ('packs = ["missing.toml"]\n', "packs"),
        ('[[overrides]]\nignore = ["chrome"]\n', "overrides[0]"),
        ('[[overrides]]\nfiles = ["a"]\nshout = true\n', "overrides[0].shout"),
        ('locale = "English"\n', "locale"),
    ],
)
def test_bad_values_name_the_key(tmp_path, text, key):
    path = tmp_path / "newslint.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    assert str(path) in str(info.value) and f"'{key}" in str(info.value)


@pytest.mark.parametrize(
    "pattern,path,expected",
    [
        ("drafts", "drafts/a.md", True),
        ("drafts", "news/drafts/a.md", True),
        ("archive/**", "archive/2019/a.txt", True),
        ("archive/**", "news/archive/a.txt", False),
        ("*.md", "news/a.md", True),
        ("wire/*.txt", "wire/a.txt", True),
        ("wire/*.txt", "wire/x/a.txt", False),
        ("wire/[0-9]*.txt", "wire/2019-a.txt", True),
        ("wire/[0-9]*.txt", "wire/a.txt", False),
    ],
)
def test_globs(pattern, path, expected):
    assert globs_match((pattern,), path) is expected


def test_a_negated_glob_takes_a_path_back_out(tmp_path):
    (tmp_path / "newslint.toml").write_text('extend-exclude = ["drafts/", "!drafts/keep-*.md"]\n', encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("keep-dam.md", "scrap.md"):
        (drafts / name).write_text("Dam repairs\n\nAdvertisement\n", encoding="utf-8")
    from click.testing import CliRunner
    from lint.cli import main

    result = CliRunner().invoke(main, ["check", "--format", "concise", str(tmp_path)])
    checked = {line.split(":")[0] for line in result.stdout.splitlines() if ":" in line}
    assert checked == {str(drafts / "keep-dam.md")}


def test_kind_options_are_declared_by_the_kinds_and_validated_by_them(tmp_path):
    from lint.config import option_check
    from lint.kinds.dash_style import DashStyle

    # The configuration accepts the key because the kind declares it, and checks it the kind's way.
    assert option_check("dash-style") is DashStyle.options["dash-style"]
    path = tmp_path / "newslint.toml"
    path.write_text('dash-style = "wavy"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    assert str(path) in str(info.value) and "'dash-style'" in str(info.value) and "spaced-en" in str(info.value)
    path.write_text('dash-styel = "spaced-en"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    assert "unknown key 'dash-styel'" in str(info.value) and "dash-style" in str(info.value)


def test_a_broken_configuration_in_a_subfolder_is_one_line_per_file_and_the_rest_is_checked(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "newslint.toml").write_text("bogus = 1\n", encoding="utf-8")
    (tmp_path / "desk" / "story.txt").write_text("Headline\n\nThe council met on Tuesday.\n", encoding="utf-8")
    (tmp_path / "wire.txt").write_text("Headline\n\nAbout 2 lakh people were moved.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    errors = [line for line in result.stderr.splitlines() if "story.txt" in line]
    assert len(errors) == 1 and "unknown key 'bogus'" in errors[0] and "Traceback" not in result.stderr
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {str(tmp_path / "wire.txt")}
