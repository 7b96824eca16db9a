"""A team's pattern rules run on RE2: no pattern can hang a run, and one that needs backtracking
is refused when the pack loads."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from lint.rules import PackError, load_pack

PACK = (
    '[[rules]]\nid = "style/house-pattern"\nkind = "pattern"\nsummary = "A house pattern."\n'
    'message = "House style: “{{match}}”."\npatterns = [{pattern}]\nreplacement = {replacement}\n'
    'examples.fire = ["{fire}"]\nexamples.quiet = ["Nothing here."]\n'
)


def _pack(tmp_path, pattern: str, fire: str = "aaa", replacement: str = '""'):
    path = tmp_path / "house.toml"
    path.write_text(PACK.format(pattern=pattern, fire=fire, replacement=replacement), encoding="utf-8")
    load_pack.cache_clear()
    return path


def test_a_catastrophic_pattern_runs_in_linear_time(tmp_path):
    from lint.analysis import Analysis
    from lint.formats import read_document

    [rule] = load_pack(_pack(tmp_path, "'(a+)+$'"))
    text = "a" * 40 + "b\n" + "a" * 5000 + "b\n"
    started = time.monotonic()
    hits = list(rule.checker.check(Analysis(read_document("a.txt", text))))
    assert time.monotonic() - started < 1.0 and hits == []
    assert list(rule.checker.check(Analysis(read_document("a.txt", "aaaa\n"))))


@pytest.mark.parametrize("pattern", [r"'(\w+) \1'", "'(?<=Mr)Smith'", "'Smith(?!son)'"])
def test_a_pattern_that_needs_backtracking_is_a_pack_error(tmp_path, pattern):
    with pytest.raises(PackError) as info:
        load_pack(_pack(tmp_path, pattern))
    message = str(info.value)
    assert "house.toml" in message and "style/house-pattern" in message and "'patterns'" in message and "RE2" in message


def test_no_engine_noise_on_standard_error(tmp_path):
    pack = _pack(tmp_path, r"'(\w+) \1'")
    (tmp_path / "newslint.toml").write_text(f'packs = ["{pack.name}"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Dam repairs\n\nEngineers began repairs.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lint.cli", "check", str(tmp_path / "a.txt")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        line for line in result.stderr.splitlines() if line.startswith("newslint: ")]


def test_replacements_and_groups_work_on_re2(tmp_path):
    from lint.analysis import Analysis
    from lint.formats import read_document

    [rule] = load_pack(_pack(tmp_path, r"'(?P<flag>Kiev)(?P<rest>\b)'", fire="Kiev", replacement=r"'Kyiv\g<rest>'"))
    [hit] = rule.checker.check(Analysis(read_document("a.txt", "Trains left Kiev on Monday.\n")))
    assert hit.edit.replacement == "Kyiv"
