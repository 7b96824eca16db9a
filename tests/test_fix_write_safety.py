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
