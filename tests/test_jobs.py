"""--jobs N: the same results, in the same order, as a serial run."""
from __future__ import annotations

import io
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SHARED

from lint.cli import main
from lint.parallel import Progress, check_items
from lint.runner import Session

ARTICLES = FIXTURES / "ci" / "articles"


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False, **kwargs)


@pytest.fixture
def folder(tmp_path):
    """Forty articles, some with findings, one unreadable in the middle."""
    root = tmp_path / "desk"
    for index in range(40):
        sub = root / f"day{index % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        name = ("chrome.txt", "clean.txt", "wire.html")[index % 3]
        shutil.copy(ARTICLES / name, sub / f"{index:02d}-{name}")
    (root / "day2" / "20-empty.txt").write_text("", encoding="utf-8")
    return root


@pytest.mark.parametrize("output", ["json", "text", "sarif"])
def test_parallel_output_is_identical_to_serial(folder, output):
    serial = run("--format", output, str(folder))
    parallel = run("--format", output, "--jobs", "3", str(folder))
    assert serial.exit_code == parallel.exit_code == 2  # the empty file
    assert serial.stdout == parallel.stdout
    assert serial.stderr == parallel.stderr
    assert serial.stdout.count("chrome/advertising") >= 14


def test_parallel_run_over_the_shared_corpus_matches_serial():
    corpus = SHARED / "corpus" / "aeb" / "html-text"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not available")
    files = sorted(str(p) for p in corpus.iterdir())[:60]
    serial = run("--format", "json", *files)
    parallel = run("--format", "json", "--jobs", "2", *files)
    assert serial.stdout == parallel.stdout and serial.exit_code == parallel.exit_code


def test_results_keep_the_order_of_the_items_with_standard_input_among_them(folder):
    session = Session()
    items = list(session.collect([str(folder / "day0"), "-", str(folder / "day1")]))
    text = (ARTICLES / "chrome.txt").read_bytes()
    results = check_items(session, items, jobs=2, read_stdin=lambda: text)
    assert [r.path for r in results] == [shown for _, shown, _ in items]
    assert results[[shown for _, shown, _ in items].index("-")].findings


def test_jobs_zero_means_one_per_processor(folder):
    assert run("--format", "json", "--jobs", "0", str(folder)).stdout == run("--format", "json", str(folder)).stdout


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only_after_a_moment(monkeypatch):
    quiet = Terminal()
    meter = Progress(100, quiet)
    meter.update(10)
    meter.close()
    assert quiet.getvalue() == ""  # a short run says nothing
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    terminal = Terminal()
    meter = Progress(100, terminal)
    meter.update(42)
    meter.close()
    assert "checked 42/100 files" in terminal.getvalue() and terminal.getvalue().endswith("\r\x1b[K")
    piped = io.StringIO()
    meter = Progress(100, piped)
    meter.update(42)
    assert piped.getvalue() == ""
