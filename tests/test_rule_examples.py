"""Every rule carries examples that must fire and examples that must stay quiet; this runs them
all, in every reader, through the same code as `newslint rules --test`."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.examples import needs_server, run_examples
from lint.rules import load_rules

RULES = load_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples(rule):
    assert rule.fire, f"{rule.id} has no examples that must fire"
    assert rule.quiet, f"{rule.id} has no examples that must stay quiet"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_examples_hold_in_every_reader(rule):
    if needs_server(rule):
        pytest.skip(f"{rule.id} needs a LanguageTool server and none is configured")
    failures = run_examples(rule)
    assert not failures, "\n".join(map(str, failures))


PACK = '''
[[rules]]
id = "style/banned-words"
kind = "phrase"
match = "anywhere"
summary = "Words the desk does not use."
message = "House style: avoid “{match}”."
phrases = ["slammed"]
examples.fire = [FIRE]
examples.quiet = [QUIET]
'''


def _pack(tmp_path, fire: str, quiet: str):
    path = tmp_path / "house.toml"
    path.write_text(PACK.replace("FIRE", fire).replace("QUIET", quiet), encoding="utf-8")
    return path


def test_rules_test_passes_a_pack_whose_examples_hold(tmp_path):
    pack = _pack(tmp_path, '{ text = "Critics «slammed» the plan.", message = "avoid “slammed”" }', '"Critics criticised the plan."')
    result = CliRunner().invoke(main, ["rules", "--test", str(pack)])
    assert result.exit_code == 0 and "0 failing of 2 examples in 1 rules" in result.stdout


@pytest.mark.parametrize("fire, quiet, problem", [
    ('"Critics criticised the plan."', '"He said it."', "did not fire (text)"),
    ('"Critics slammed the plan."', '"Critics slammed it."', "fired (text)"),
    ('"Critics «slammed the» plan."', '"He said it."', "marked 'slammed', not 'slammed the' (text)"),
    ('{ text = "Critics slammed it.", message = "banned" }', '"He said it."', "no message says 'banned' (markdown)"),
])
def test_rules_test_reports_each_failing_example_and_exits_1(tmp_path, fire, quiet, problem):
    result = CliRunner().invoke(main, ["rules", "--test", str(_pack(tmp_path, fire, quiet))])
    assert result.exit_code == 1
    assert any(line.startswith("FAIL style/banned-words: ") and problem in line for line in result.stdout.splitlines())


def test_an_example_runs_in_the_markdown_and_html_readers_too(tmp_path):
    # "&" is "&amp;" in the HTML form: the span is compared with the text a reader sees.
    pack = _pack(tmp_path, '"Tom & Jerry «slammed» the plan."', '"He said it."')
    assert CliRunner().invoke(main, ["rules", "--test", str(pack)]).exit_code == 0
    # A doubled space is there in plain text and Markdown, and gone in HTML, which collapses it.
    spaces = tmp_path / "spaces.toml"
    spaces.write_text(
        '[[rules]]\nid = "style/spaces"\nkind = "pattern"\nsummary = "Spaces."\nmessage = "Spaces."\n'
        'patterns = ["\\\\w  \\\\w"]\nexamples.fire = ["He said  it."]\nexamples.quiet = ["He said it."]\n',
        encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--test", str(spaces)])
    failing = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert result.exit_code == 1 and len(failing) == 1 and "did not fire (html)" in failing[0]
