"""--fix and --diff: safe fixes applied in place, atomically, keeping what the file is made of."""
from __future__ import annotations

import codecs
import os
import shutil
import stat

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from lint.cli import main
from lint.findings import Finding, Fix, Position, Severity
from lint.fixes import apply_fixes, choose
from lint.runner import Session

ARTICLES = FIXTURES / "ci" / "articles"
SELECT = ("--select", "chrome/advertising,chrome/comment-form")
FIXED_CHROME = (
    "Council approves new library for the east side\n\n"
    "The city council voted on Tuesday to build a library on the site of the old bus depot, the mayor's office said.\n\n"
    "Construction is due to begin in the spring and to take two years, the council's planning committee said in a statement.\n"
)


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False, **kwargs)


def copy(tmp_path, name="chrome.txt"):
    target = tmp_path / name
    shutil.copy(ARTICLES / name, target)
    return target


def test_fix_deletes_the_chrome_lines_and_a_second_run_changes_nothing(tmp_path):
    article = copy(tmp_path)
    result = run(*SELECT, "--fix", str(article))
    assert result.exit_code == 0, result.output
    assert "fixed 3 problems in 1 file" in result.stderr
    assert "No problems found" in result.stdout
    assert article.read_text(encoding="utf-8") == FIXED_CHROME
    again = run(*SELECT, "--fix", str(article))
    assert again.exit_code == 0 and "fixed 0 problems" in again.stderr
    assert article.read_text(encoding="utf-8") == FIXED_CHROME


def test_only_the_selected_rules_are_fixed(tmp_path):
    article = copy(tmp_path)
    result = run("--select", "chrome/advertising", "--fix", str(article))
    assert result.exit_code == 0
    text = article.read_text(encoding="utf-8")
    assert "Advertisement" not in text and "Recent Comments" in text and "Leave a Reply" in text


def test_diff_prints_the_fixes_and_writes_nothing(tmp_path):
    article = copy(tmp_path)
    before = article.read_bytes()
    result = run(*SELECT, "--diff", str(article))
    assert result.exit_code == 1
    assert article.read_bytes() == before
    lines = result.stdout.splitlines()
    assert lines[0] == f"--- a/{article}" and lines[1] == f"+++ b/{article}"
    removed = [line for line in lines if line.startswith("-") and not line.startswith("---")]
    # The chrome lines go, each with one of the blank lines around it.
    assert sorted(line for line in removed if line != "-") == ["-Advertisement", "-Leave a Reply", "-Recent Comments"]
    assert removed.count("-") == 3
    assert not any(line.startswith("+") and not line.startswith("+++") for line in lines)
    fixed = copy(tmp_path, "clean.txt")
    assert run(*SELECT, "--diff", str(fixed)).exit_code == 0


def test_bom_crlf_and_mode_are_kept(tmp_path):
    article = tmp_path / "windows.txt"
    text = (ARTICLES / "chrome.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    article.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    article.chmod(0o640)
    assert run(*SELECT, "--fix", str(article)).exit_code == 0
    data = article.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):].decode("utf-8")
    assert body == FIXED_CHROME.replace("\n", "\r\n")
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["windows.txt"]  # no temporary file left


@pytest.mark.parametrize("name,source,kept", [
    (
        "notes.md",
        "# Notes\n\nThe council met.\n\nRecent Comments\n\n<!-- an editor's note -->\n\n---\n\n```\ncode\n```\n\nNext para.\n",
        ["<!-- an editor's note -->", "---", "```\ncode\n```", "Next para."],
    ),
    (
        "page.html",
        "<html><body>\n<p>The council met.</p>\n<p>Recent Comments</p>\n<!-- an editor's note -->\n"
        "<script>var x = 1;</script>\n<h2>Next part</h2>\n</body></html>\n",
        ["<!-- an editor's note -->", "<script>var x = 1;</script>", "<h2>Next part</h2>"],
    ),
])
def test_a_fix_never_reaches_into_the_markup_around_its_line(tmp_path, name, source, kept):
    article = tmp_path / name
    article.write_text(source, encoding="utf-8")
    result = run("--select", "chrome/comment-form", "--fix", str(article))
    assert result.exit_code in (0, 1)
    text = article.read_text(encoding="utf-8")
    for piece in kept:
        assert piece in text
    assert text.count("<p>") == text.count("</p>")
    # The chrome line itself is deleted, with its markup.
    assert "Recent Comments" not in text
    assert result.exit_code == 0


def test_a_symbolic_link_stays_a_link_to_the_fixed_file(tmp_path):
    article = copy(tmp_path)
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    assert run(*SELECT, "--fix", str(link)).exit_code == 0
    assert link.is_symlink()
    assert article.read_text(encoding="utf-8") == FIXED_CHROME


def test_a_file_changed_while_being_checked_is_not_overwritten(tmp_path, monkeypatch):
    article = copy(tmp_path)
    original_check = Session.check_file

    def check_then_edit(self, path, *, shown=None):
        result = original_check(self, path, shown=shown)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\nA paragraph an editor added meanwhile.\n")
        return result

    monkeypatch.setattr(Session, "check_file", check_then_edit)
    result = run(*SELECT, "--fix", str(article))
    assert result.exit_code == 2
    assert "changed on disk while it was being checked" in result.stderr
    text = article.read_text(encoding="utf-8")
    assert text.endswith("A paragraph an editor added meanwhile.\n") and "Advertisement" in text


def test_fix_from_standard_input_prints_the_fixed_text(tmp_path):
    source = (ARTICLES / "chrome.txt").read_bytes()
    result = run(*SELECT, "--fix", "-", input=source)
    assert result.exit_code == 0
    assert result.stdout == FIXED_CHROME
    assert "No problems found" in result.stderr


def _fixable(start: int, end: int, replacement: str = "") -> Finding:
    fix = Fix(replacement, Position(1, start + 1), Position(1, end + 1), start, end)
    return Finding("a.txt", Position(1, start + 1), Position(1, end + 1), "chrome/advertising", Severity.ERROR, "m", fix, start, end)


def test_overlapping_fixes_keep_the_first_and_leave_the_next_for_later():
    source = "0123456789"
    first, overlapping, identical, later = _fixable(2, 5, "ab"), _fixable(4, 7, "cd"), _fixable(2, 5, "ab"), _fixable(8, 9, "Z")
    chosen, skipped = choose([later, overlapping, first, identical])
    assert skipped == [overlapping]
    assert apply_fixes(source, chosen) == "01ab567Z9"
    # Two insertions at one place cannot both go first.
    chosen, skipped = choose([_fixable(3, 3, "x"), _fixable(3, 3, "y")])
    assert len(chosen) == 1 and len(skipped) == 1


@pytest.mark.skipif(os.name == "nt", reason="file modes")
def test_an_unwritable_folder_is_reported(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    article = copy(folder)
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with rights that ignore file modes")
        result = run(*SELECT, "--fix", str(article))
        assert result.exit_code == 2 and "cannot write the fixes" in result.stderr
        assert "Advertisement" in article.read_text(encoding="utf-8")
    finally:
        folder.chmod(0o700)


def test_a_breadcrumb_glued_to_the_headline_is_cut_off_and_the_headline_fixed(tmp_path):
    article = tmp_path / "glued.txt"
    article.write_text(
        "HomeWorld News1 lakh Russian soldiers have been killed in Ukraine, claims US general......\n\n"
        "1 lakh Russian soldiers have been killed in Ukraine, claims US general… So why is Putin backing down?\n\n"
        "Top US General Mark Milley said on Wednesday that more than 100,000 Russian soldiers had been killed or wounded.\n",
        encoding="utf-8",
    )
    result = run("--select", "chrome/breadcrumb,numbers/indian-units", "--fix", "--unsafe-fixes", str(article))
    # The trail alone is deleted; the headline it was glued to is copy and gets its own fix.
    assert "overlap" not in result.stderr
    text = article.read_text(encoding="utf-8")
    assert text.startswith("100,000 Russian soldiers have been killed in Ukraine, claims US general......\n")
    again = run("--select", "chrome/breadcrumb,numbers/indian-units", "--fix", str(article))
    assert "fixed 0 problems" in again.stderr and article.read_text(encoding="utf-8") == text
