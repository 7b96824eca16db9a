"""Special files and broken links are one-line input errors; the other files are still checked."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lint.cli", "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "ok.txt").write_text("The council met on Tuesday.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("loop2.txt", tmp_path / "loop1.txt")
    os.symlink("loop1.txt", tmp_path / "loop2.txt")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "reason"),
    [("pipe.txt", "a FIFO (named pipe), not a regular file"), ("loop1.txt", "symbolic link loop"), ("dangling.txt", "dangling symbolic link")],
)
def test_named_special_file_is_one_line_error_and_never_blocks(folder: Path, name: str, reason: str) -> None:
    run = _check(name, "ok.txt", cwd=folder)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"newslint: {name}: {reason}: not an article" if "FIFO" in reason else f"newslint: {name}: {reason}"]
    assert "in 1 file" in run.stdout  # ok.txt was still checked


def test_special_files_found_in_a_folder_are_reported_without_traceback(folder: Path) -> None:
    run = _check(".", cwd=folder)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert len([line for line in run.stderr.splitlines() if line.startswith("newslint: ")]) == 4


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    run = _check("/dev/zero", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == "newslint: /dev/zero: a device, not a regular file: not an article"


def test_reading_stops_at_the_limit_whatever_the_size_claims(tmp_path: Path) -> None:
    from lint.sources import UnreadableInput, read_source

    article = tmp_path / "big.txt"
    article.write_text("word " * 1000)
    with pytest.raises(UnreadableInput, match="max-file-size"):
        read_source(article, max_bytes=100)
