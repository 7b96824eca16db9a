"""--since REV: only findings on lines changed since a git revision, as a pull request shows them."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from lint.cli import main
from lint.vcs import parse_diff

ARTICLES = FIXTURES / "ci" / "articles"
SELECT = ("--select", "chrome/advertising,chrome/comment-form")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo, *args: str) -> str:
    command = ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.com", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True).stdout


def reported(*args: str) -> list[tuple[str, int]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *SELECT, *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return [(f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "newsroom"
    (root / "articles").mkdir(parents=True)
    shutil.copy(ARTICLES / "chrome.txt", root / "articles" / "chrome.txt")
    shutil.copy(ARTICLES / "clean.txt", root / "articles" / "clean.txt")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    monkeypatch.chdir(root)
    return root


def test_only_changed_lines_are_reported(repo):
    assert reported("--since", "HEAD", "articles") == []  # nothing changed yet
    article = repo / "articles" / "clean.txt"
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "Advertisement\n\n")
    article.write_text("".join(lines), encoding="utf-8")
    # The old chrome in chrome.txt is not part of the change.
    assert reported("--since", "HEAD", "articles") == [("articles/clean.txt", 3)]
    # Committed, it is still the change since the revision before.
    git(repo, "commit", "-q", "-am", "edit")
    assert reported("--since", "HEAD~1", "articles") == [("articles/clean.txt", 3)]
    assert reported("--since", "HEAD", "articles") == []
    # Without --since, everything is reported.
    assert len(reported("articles")) == 4


def test_a_new_untracked_article_counts_as_changed_throughout(repo):
    shutil.copy(ARTICLES / "chrome.txt", repo / "articles" / "new.txt")
    assert [line for path, line in reported("--since", "HEAD", "articles") if path == "articles/new.txt"] == [3, 9, 11]


def test_the_merge_base_is_the_comparison_point(repo):
    git(repo, "branch", "-q", "-M", "main")
    git(repo, "checkout", "-q", "-b", "story")
    article = repo / "articles" / "clean.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nAdvertisement\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "story")
    # main moves on after the branch point: its edits are not part of this change.
    git(repo, "checkout", "-q", "main")
    other = repo / "articles" / "chrome.txt"
    other.write_text(other.read_text(encoding="utf-8") + "\nAdvertisement\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main")
    git(repo, "checkout", "-q", "story")
    assert reported("--since", "main", "articles") == [("articles/clean.txt", 9)]


def test_outside_a_repository_or_with_an_unknown_revision_is_a_usage_error(tmp_path, monkeypatch, repo):
    unknown = CliRunner().invoke(main, ["check", "--since", "no-such-branch", "articles"])
    assert unknown.exit_code == 2 and "unknown revision 'no-such-branch'" in unknown.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    outside = CliRunner().invoke(main, ["check", "--since", "HEAD", str(ARTICLES / "clean.txt")])
    assert outside.exit_code == 2 and "needs a git repository" in outside.stderr


def test_diff_parsing():
    diff = (
        "diff --git a/one.txt b/one.txt\n"
        "--- a/one.txt\n"
        "+++ b/one.txt\n"
        "@@ -3,0 +4,2 @@ heading\n"
        "+++ an added line that starts with two plus signs\n"
        "+another\n"
        "@@ -10 +12 @@\n"
        "-old\n"
        "+new\n"
        "@@ -20,3 +21,0 @@\n"
        "-removed\n"
        'diff --git "a/caf\\303\\251 \\"news\\".txt" "b/caf\\303\\251 \\"news\\".txt"\n'
        '--- "a/caf\\303\\251 \\"news\\".txt"\n'
        '+++ "b/caf\\303\\251 \\"news\\".txt"\n'
        "@@ -1 +1 @@\n"
        "-a\n"
        "+b\n"
        "diff --git a/gone.txt b/gone.txt\n"
        "--- a/gone.txt\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "-bye\n"
    )
    assert parse_diff(diff) == {"one.txt": frozenset({4, 5, 12}), 'café "news".txt': frozenset({1})}
