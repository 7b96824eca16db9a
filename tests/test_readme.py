"""The README stays true: its rule table is generated from the rules, and CI runs its commands."""
from __future__ import annotations

import re

from conftest import ROOT

from lint.rule_docs import render_table
from lint.rules import load_rules

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_is_generated_from_the_rules():
    match = re.search(r"<!-- rules-table:start -->\n(.*?)<!-- rules-table:end -->", README, re.S)
    assert match, "README has no generated rule table"
    expected = render_table(load_rules(), "markdown")
    assert match.group(1) == expected, "README rule table is stale: run `python -m lint.rule_docs --update-readme`"


def test_ci_runs_the_readme_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README.split("## Quick start", 1)[1].split("\n## ", 1)[0], re.S)
    assert len(blocks) == 2, "Quick start must give exactly two commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in blocks:
        assert command.strip() in ci
