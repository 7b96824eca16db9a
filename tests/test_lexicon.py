"""The word frequencies the name rules weigh spellings by: wordfreq's, read without its start-up cost."""
from __future__ import annotations

import re

from conftest import FIXTURES

from lint import lexicon


def _clear() -> None:
    lexicon._plain_words.cache_clear()
    lexicon.zipf.cache_clear()


def test_frequencies_are_wordfreqs_and_kept_between_runs(tmp_path, monkeypatch):
    import wordfreq

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    _clear()
    words = set()
    for article in (FIXTURES / "names").glob("*.txt"):
        words.update(re.findall(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", article.read_text(encoding="utf-8")))
    # Across the whole list, from the commonest band to the rarest, and words it has never seen.
    for band in wordfreq.get_frequency_list("en", "best")[::40]:
        words.update(band[:5])
    words.update(["Zelenksy", "Hunstman", "qqqzzx", "O'Brien", "Spider-Man", "Zürich", "naïve", "x"])
    assert len(words) > 500
    assert {w: lexicon.zipf(w) for w in words} == {w: wordfreq.zipf_frequency(w.lower(), "en") for w in words}
    assert len(list(tmp_path.glob("wordfreq-en-zipf-*.table"))) == 1
    # A later run reads the table: wordfreq's list is not read again.
    _clear()
    monkeypatch.setattr(wordfreq, "get_frequency_list", lambda *a, **k: (_ for _ in ()).throw(AssertionError("list read again")))
    assert lexicon.zipf("Huntsman") == wordfreq.zipf_frequency("huntsman", "en")
    _clear()


def test_a_plain_check_does_not_import_wordfreq_once_the_table_is_kept(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    script = (
        "import sys; sys.path.insert(0, 'tests'); from conftest import lint_string; "
        "text = open('fixtures/names/two-people-slip.txt', encoding='utf-8').read(); "
        "lint_string(text, select=('names',)); print('wordfreq' in sys.modules)"
    )
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    later = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert first.stdout.split() == ["True"]  # the table is made with wordfreq itself
    assert later.stdout.split() == ["False"]


def test_a_table_kept_in_another_layout_is_made_again(tmp_path, monkeypatch):
    import wordfreq

    from lint.pack_cache import entry_name, package_data_stamp, store_entry

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    stamp = package_data_stamp("wordfreq", "data", lexicon._WORDLIST)
    # An earlier release's entry: the same word list, kept with marshal in another layout.
    store_entry(tmp_path / entry_name("wordfreq-en-zipf", stamp[0], "table"), (stamp, ("huntsman", b"\0\0", [1.0])))
    _clear()
    assert lexicon.zipf("Huntsman") == wordfreq.zipf_frequency("huntsman", "en")
    _clear()
