"""--fix never rewrites a read-only file: it names it and exits 2, the other files are fixed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOUBLED = "The council met on Tuesday and the the mayor spoke.\n"


def test_read_only_file_is_not_fixed_and_named(tmp_path: Path) -> None:
    locked, open_ = tmp_path / "locked.txt", tmp_path / "open.txt"
    locked.write_text(DOUBLED)
    open_.write_text(DOUBLED)
    locked.chmod(0o444)
    run = subprocess.run([sys.executable, "-m", "lint.cli", "check", "--fix", "locked.txt", "open.txt"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "newslint: locked.txt: read-only file (mode 444); not fixed" in run.stderr
    assert locked.read_text() == DOUBLED
    assert oct(locked.stat().st_mode & 0o777) == "0o444"
    assert "the the" not in open_.read_text()


def test_fix_never_writes_through_a_link_out_of_the_checked_tree(tmp_path: Path) -> None:
    outside, tree = tmp_path / "outside", tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    (outside / "elsewhere.txt").write_text(DOUBLED)
    (tree / "link.txt").symlink_to(outside / "elsewhere.txt")
    (tree / "inside.txt").write_text(DOUBLED)
    (tree / "inner-link.txt").symlink_to(tree / "inside.txt")
    run = subprocess.run([sys.executable, "-m", "lint.cli", "check", "--fix", "tree"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "link.txt: a symbolic link out of the checked tree; not fixed" in run.stderr
    assert (outside / "elsewhere.txt").read_text() == DOUBLED
    assert "the the" not in (tree / "inside.txt").read_text()  # a link inside the tree is fine


def test_a_fix_killed_midway_leaves_no_temporary_file(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    article = "Dam repairs begin\n\nEngineers began repairs on Monday, the authority said.\n\nAdvertisement\n"
    for index in range(400):
        (tmp_path / f"story-{index:03}.txt").write_text(article, encoding="utf-8")
    for delay in (0.6, 0.9, 1.2):
        process = subprocess.Popen([sys.executable, "-m", "lint.cli", "check", "--fix", str(tmp_path)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
        assert leftovers == []
    # Every file is whole: fixed or not yet.
    for path in tmp_path.glob("story-*.txt"):
        assert path.read_text(encoding="utf-8") in (article, article.replace("\n\nAdvertisement\n", "\n"))
