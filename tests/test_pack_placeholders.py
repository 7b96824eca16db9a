"""A message's {placeholders} are checked against what its kind fills, when the pack loads."""
from __future__ import annotations

import pytest

from lint.rules import PackError, load_pack

RULE = (
    '[[rules]]\nid = "style/banned-words"\nkind = "phrase"\nmatch = "anywhere"\nsummary = "Banned."\n'
    'message = "{message}"\nphrases = ["slammed"]\nexamples.fire = ["He slammed it."]\nexamples.quiet = ["He said it."]\n'
)


def _pack(tmp_path, message: str):
    path = tmp_path / "house.toml"
    path.write_text(RULE.replace("{message}", message), encoding="utf-8")
    load_pack.cache_clear()
    return load_pack(path)


def test_a_misspelt_placeholder_is_a_pack_error_naming_pack_rule_and_placeholder(tmp_path):
    with pytest.raises(PackError) as info:
        _pack(tmp_path, "Avoid “{mtach}”.")
    message = str(info.value)
    assert "house.toml" in message and "style/banned-words" in message and "{mtach}" in message
    assert "match" in message  # what the kind does fill


def test_a_broken_template_is_a_pack_error(tmp_path):
    with pytest.raises(PackError, match="not a valid message template"):
        _pack(tmp_path, "Avoid {match.")


def test_known_placeholders_load(tmp_path):
    [rule] = _pack(tmp_path, "Avoid “{match}” in “{line}”.")
    assert rule.id == "style/banned-words"
