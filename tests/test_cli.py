"""The command line as a user drives it: output, exit codes, selection, the rules listing."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from lint import __version__
from lint.cli import main

ARTICLE = (
    "Harbour ferry returns after repairs\n"
    "\n"
    "The ferry returned to service on Monday, the transport office said.\n"
    "\n"
    "- Advertisment -\n"
    "\n"
    "Most Popular\n"
)


def run(args, **kwargs):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kwargs)


def write(tmp_path, text=ARTICLE, name="article.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_names_place_rule_and_underlines_span(tmp_path):
    path = write(tmp_path)
    result = run(["check", "--select", "chrome/advertising,chrome/widget-heading", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    head = f"{path}:5:3: error chrome/advertising "
    index = next(i for i, line in enumerate(lines) if line.startswith(head))
    assert lines[index + 2] == "5 | - Advertisment -"
    assert lines[index + 3] == "  |   ^^^^^^^^^^^^"
    assert lines[-1].startswith("Found 2 problems (1 error, 1 warning) in 1 of 1 file")


def test_no_colour_when_not_a_terminal(tmp_path):
    result = run(["check", str(write(tmp_path))])
    assert "\x1b[" not in result.stdout
    coloured = run(["check", "--color", "always", str(write(tmp_path))])
    assert "\x1b[" in coloured.stdout


def test_clean_file_exits_zero(tmp_path):
    path = write(tmp_path, "Ferry returns\n\nThe ferry returned on Monday, the office said.\n")
    result = run(["check", "--select", "chrome", str(path)])
    assert result.exit_code == 0
    assert result.stdout.strip() == "No problems found in 1 file."


def test_json_output_follows_the_contract(tmp_path):
    path = write(tmp_path)
    result = run(["check", "--format", "json", str(path)])
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["tool"] == {"name": "newslint", "version": __version__}
    ad = next(f for f in data["findings"] if f["rule"] == "chrome/advertising")
    assert {k: ad[k] for k in ("path", "line", "column", "end_line", "end_column", "severity")} == {
        "path": str(path), "line": 5, "column": 3, "end_line": 5, "end_column": 15, "severity": "error",
    }
    # Deleting the chrome line is offered as a fix: the line with its line end, and the blank line
    # before it, so that no double blank line is left behind.
    assert ad["fix"] == {"replacement": "", "line": 4, "column": 1, "end_line": 6, "end_column": 1, "applicability": "safe"}


def test_select_and_ignore(tmp_path):
    path = write(tmp_path)
    only_ads = json.loads(run(["check", "--format", "json", "--select", "chrome/advertising", str(path)]).stdout)
    assert {f["rule"] for f in only_ads["findings"]} == {"chrome/advertising"}
    no_ads = json.loads(run(["check", "--format", "json", "--select", "chrome", "--ignore", "chrome/advertising", str(path)]).stdout)
    assert {f["rule"] for f in no_ads["findings"]} and "chrome/advertising" not in {f["rule"] for f in no_ads["findings"]}
    no_chrome = json.loads(run(["check", "--format", "json", "--ignore", "chrome", str(path)]).stdout)
    assert not [f for f in no_chrome["findings"] if f["rule"].startswith("chrome/")]


def test_fail_on_error_ignores_warnings(tmp_path):
    path = write(tmp_path, "Ferry returns\n\nThe ferry sailed, the office said.\n\nMost Popular\n")
    assert run(["check", str(path)]).exit_code == 1
    assert run(["check", "--fail-on", "error", str(path)]).exit_code == 0


def test_folder_is_walked_for_article_suffixes_only(tmp_path):
    write(tmp_path, name="a.txt")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", name="b.txt")
    write(tmp_path, name="notes.csv")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", name="c.txt")
    data = json.loads(run(["check", "--format", "json", str(tmp_path)]).stdout)
    paths = sorted({f["path"] for f in data["findings"]})
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_config_include_and_exclude(tmp_path):
    (tmp_path / "newslint.toml").write_text('include = ["*.story"]\nextend-exclude = ["drafts"]\n')
    write(tmp_path, name="a.story")
    write(tmp_path, name="b.txt")
    (tmp_path / "drafts").mkdir()
    write(tmp_path / "drafts", name="c.story")
    data = json.loads(run(["check", "--format", "json", str(tmp_path)]).stdout)
    assert {f["path"] for f in data["findings"]} == {str(tmp_path / "a.story")}


def test_stdin(tmp_path):
    result = run(["check", "--format", "json", "-"], input=ARTICLE.encode())
    data = json.loads(result.stdout)
    assert {f["path"] for f in data["findings"]} == {"-"}
    assert result.exit_code == 1


def test_rules_lists_every_rule_and_shows_one():
    listing = run(["rules"])
    assert listing.exit_code == 0
    assert any(line.startswith("chrome/advertising") and "error" in line for line in listing.stdout.splitlines())
    page = run(["rules", "chrome/advertising"])
    assert page.exit_code == 0
    assert "Fires on:" in page.stdout and "- Advertisment -" in page.stdout
    assert "Stays quiet on:" in page.stdout


def test_rules_unknown_id_is_a_usage_error():
    result = run(["rules", "chrome/nonesuch"])
    assert result.exit_code == 2
    assert "no rule 'chrome/nonesuch'" in result.stderr


def test_console_script_runs_as_a_program(tmp_path):
    path = write(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "lint.cli", "check", "--format", "concise", str(path)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"{path}:5:3: error chrome/advertising" in proc.stdout


def test_streamed_json_is_the_same_value_as_the_document(tmp_path):
    from pathlib import Path

    from lint.report import json_format
    from lint.runner import Session

    # Enough findings to span several written chunks.
    paths = []
    for index in range(3):
        path = write(tmp_path, ARTICLE + "\nMost Popular\n\n" * 400, name=f"a{index}.txt")
        paths.append(path)
    result = run(["check", "--format", "json", *map(str, paths)])
    session = Session()
    expected = json_format.document([session.check_file(Path(p), shown=str(p)) for p in paths])
    assert json.loads(result.stdout) == expected
    assert len(expected["findings"]) > 2 * json_format._CHUNK


def test_python_dash_m_lint_is_the_newslint_command(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Tuesday.\n\nPlease enter your comment!\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "concise", str(article)],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "chrome/comment-form" in result.stdout
    usage = subprocess.run([sys.executable, "-m", "lint", "--help"], capture_output=True, text=True)
    assert usage.returncode == 0 and usage.stdout.startswith("Usage: newslint")
