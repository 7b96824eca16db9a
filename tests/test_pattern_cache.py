"""Compiled patterns kept between runs are the patterns re.compile makes, and a bad cache
file never breaks a run."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from lint import patterns

SAMPLES = [
    (r"(?P<mark>[.!?\u2026](?:(?<=[^\W_].)|(?<=[^\W_][\"'].))[.!?]{0,2})(?=[A-Z])", 0),
    (r"(?i:said|told)\s+(?P<who>\w+)", 0),
    (r"^\s*  # a comment\n (?P<n>\d+)", re.VERBOSE | re.MULTILINE),
    (r"\bcolou?r\b", re.IGNORECASE),
]


@pytest.fixture
def programs(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    fresh = patterns._Programs()
    monkeypatch.setattr(patterns, "_PROGRAMS", fresh)
    return fresh


@pytest.mark.parametrize("pattern, flags", SAMPLES)
def test_a_cached_program_makes_the_pattern_re_compile_makes(programs, pattern, flags):
    assembled = patterns.compile_pattern(pattern, flags)
    programs.store()
    reread = patterns._Programs()
    assert (pattern, int(flags)) in reread.load()  # the program came back from the file
    from_file = reread.compile(pattern, int(flags))
    expected = re.compile(pattern, flags)
    assert assembled == expected and from_file == expected  # equal flags and code
    assert from_file.groupindex == expected.groupindex
    text = "He said. Then Colour 12 said Smith!"
    assert [m.groupdict() for m in from_file.finditer(text)] == [m.groupdict() for m in expected.finditer(text)]


def test_an_invalid_pattern_still_raises_re_error(programs):
    with pytest.raises(re.error):
        patterns.compile_pattern(r"(unclosed")


def test_a_damaged_cache_file_is_ignored(programs):
    path = programs.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00not marshal")
    assert patterns.compile_pattern(r"a+b", 0) == re.compile(r"a+b")


def test_a_check_run_stores_the_programs_and_the_next_run_reports_the_same(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Officials said 1,200 people were moved.\n\nThe mayor said it went well.\n", encoding="utf-8")
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-m", "lint.cli", "check", "--format", "json", str(article)],
                           capture_output=True, text=True, env=env) for _ in range(2)]
    assert len(list((tmp_path / "cache").glob("patterns-*.marshal"))) == 1
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode


def test_programs_no_run_uses_are_dropped_when_the_cache_is_rewritten(programs):
    patterns.compile_pattern(r"old pattern", 0)
    programs.store()
    later = patterns._Programs()
    later.compile(r"new pattern", 0)  # assembled: this run rewrites the cache
    later.store()
    kept = patterns._Programs().load()
    assert ("new pattern", 0) in kept and ("old pattern", 0) not in kept


def test_a_rewrite_keeps_the_programs_of_lazy_patterns_this_run_did_not_need(programs, monkeypatch):
    """Two documents that need different patterns: checking one must not drop the other's."""
    patterns.lazy_compile(r"needed by another document", 0).compiled()
    programs.store()
    later = patterns._Programs()
    monkeypatch.setattr(patterns, "_PROGRAMS", later)  # the next run, which makes the same lazy pattern but never uses it
    patterns.lazy_compile(r"needed by another document", 0)
    later.compile(r"new pattern", 0)  # assembled: this run rewrites the cache
    later.store()
    kept = patterns._Programs().load()
    assert ("new pattern", 0) in kept and ("needed by another document", 0) in kept


def test_the_lazy_patterns_are_the_same_strings_in_every_run():
    """A pattern built from a set in the set's order would differ from run to run (string hashing
    is salted per process): its program would be assembled, and the cache rewritten, at every start."""
    from conftest import ROOT

    script = (
        "import importlib, pkgutil, lint, lint.kinds; from lint import patterns; "
        "[importlib.import_module(f'lint.kinds.{m.name}') for m in pkgutil.iter_modules(lint.kinds.__path__)]; "
        "print(sorted(patterns._PROGRAMS.declared))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1
