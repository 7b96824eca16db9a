"""A pack's replacement template is checked when the pack loads, not once per matching file."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint.rules import PackError, load_pack

PACK = """
[[rules]]
id = "style/house-term"
kind = "pattern"
message = "House style: {match}"
summary = "A house term"
patterns = ['(?P<word>colour)']
replacement = '{replacement}'
examples.fire = ["The colour red."]
examples.quiet = ["The red."]
"""


@pytest.mark.parametrize("template", [r"\g<nope>", r"\2", r"\g<"])
def test_bad_replacement_is_a_pack_error_naming_pack_rule_and_key(tmp_path: Path, template: str) -> None:
    pack = tmp_path / f"house{abs(hash(template))}.toml"
    pack.write_text(PACK.replace("{replacement}", template))
    with pytest.raises(PackError) as raised:
        load_pack(pack)
    message = str(raised.value)
    assert str(pack) in message and "style/house-term" in message and "'replacement'" in message


@pytest.mark.parametrize("template", [r"\g<word>", r"\1", "color"])
def test_good_replacement_loads(tmp_path: Path, template: str) -> None:
    pack = tmp_path / f"good{abs(hash(template))}.toml"
    pack.write_text(PACK.replace("{replacement}", template))
    assert load_pack(pack)[0].fixable
