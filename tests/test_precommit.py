"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit in a scratch newsroom
repository.  pre-commit installs a hook repository by cloning it at a revision, so the test
commits a snapshot of this working tree to a scratch repository and points `repo:` at it.

The hook's environment is built offline: pip may use no index, builds without isolation, and
finds newslint's dependencies (and the build backend) in this test environment's site-packages,
handed over through PYTHONPATH without newslint itself, which pip installs from the snapshot.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

ARTICLES = FIXTURES / "ci" / "articles"
SELECT = "chrome/advertising,chrome/comment-form"
_NOT_COPIED = (".git", ".venv", "venv", "__pycache__", ".pytest_cache", "*.egg-info", "build", "dist", ".mypy_cache", ".ruff_cache")


def _pre_commit() -> str | None:
    beside = Path(sys.executable).parent / "pre-commit"
    return str(beside) if beside.is_file() else shutil.which("pre-commit")


PRE_COMMIT = _pre_commit()
pytestmark = [
    pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.com", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def _snapshot(target: Path) -> str:
    """This working tree, committed to a scratch repository; returns the commit."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*_NOT_COPIED), symlinks=True)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "snapshot")
    return git(target, "rev-parse", "HEAD")


def _dependencies(target: Path) -> Path:
    """This environment's installed packages, newslint itself left out."""
    target.mkdir()
    own = ("newslint", "_newslint", "__editable__", "_editable_impl_newslint")
    for folder in dict.fromkeys((sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])):
        for entry in Path(folder).iterdir():
            if entry.name.lower().startswith(own) or entry.suffix == ".pth" or (target / entry.name).exists():
                continue
            (target / entry.name).symlink_to(entry)
    return target


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("precommit")
    rev = _snapshot(scratch / "newslint")
    deps = _dependencies(scratch / "deps")
    repo = scratch / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    shutil.copy(ARTICLES / "clean.txt", repo / "good.txt")
    shutil.copy(ARTICLES / "chrome.txt", repo / "bad.txt")
    shutil.copy(ARTICLES / "wire.html", repo / "wire.html")
    shutil.copy(ARTICLES / "chrome.txt", repo / "drafts" / "unfinished.txt")
    (repo / "newslint.toml").write_text('extend-exclude = ["drafts"]\n', encoding="utf-8")
    (repo / "notes.py").write_text("# Advertisement\n", encoding="utf-8")  # not an article: never checked
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"- repo: {scratch / 'newslint'}\n"
        f"  rev: {rev}\n"
        "  hooks:\n"
        "  - id: newslint\n"
        f"    args: [--select, '{SELECT}']\n"
        "  - id: newslint-fix\n"
        f"    args: [--select, '{SELECT}']\n"
        "    stages: [manual]\n",
        encoding="utf-8",
    )
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(scratch / "cache"),
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this as --no-build-isolation
        "PYTHONPATH": str(deps),
        "PRE_COMMIT_COLOR": "never",
    }
    env.pop("VIRTUAL_ENV", None)

    def pre_commit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([PRE_COMMIT, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)

    return repo, pre_commit


def test_a_good_article_passes(newsroom):
    repo, pre_commit = newsroom
    result = pre_commit("run", "newslint", "--files", "good.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "newslint" in result.stdout and "Passed" in result.stdout


def test_a_bad_article_fails_with_its_findings(newsroom):
    repo, pre_commit = newsroom
    result = pre_commit("run", "newslint", "--all-files")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Failed" in output
    assert "bad.txt:3:1: error chrome/advertising" in output
    assert "wire.html:8:4: error chrome/advertising" in output
    # The configuration's exclude holds for files pre-commit names; other file types are not articles.
    assert "unfinished.txt" not in output and "notes.py" not in output


def test_the_fix_hook_fixes_the_staged_article(newsroom):
    repo, pre_commit = newsroom
    result = pre_commit("run", "newslint-fix", "--hook-stage", "manual", "--files", "bad.txt")
    assert result.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in result.stdout
    text = (repo / "bad.txt").read_text(encoding="utf-8")
    assert "Advertisement" not in text and "Recent Comments" not in text
    assert pre_commit("run", "newslint", "--files", "bad.txt").returncode == 0
