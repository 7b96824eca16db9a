"""GitHub Actions annotations and JUnit XML, as CI systems read them."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

from click.testing import CliRunner
from conftest import FIXTURES

from lint.cli import main
from lint.findings import Finding, Position, Severity
from lint.report import github, junit
from lint.runner import FileResult

ARTICLES = FIXTURES / "ci" / "articles"
SELECT = ("--select", "chrome/advertising,chrome/comment-form")
ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),title=(?P<title>[^:,]+)::(?P<message>.+)$"
)


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def finding(message: str, *, path: str = "a.txt", severity: Severity = Severity.WARNING, line: int = 2) -> Finding:
    return Finding(path, Position(line, 3), Position(line, 9), "chrome/advertising", severity, message)


def test_github_annotations_carry_place_rule_and_message(tmp_path):
    article = tmp_path / "chrome.txt"
    shutil.copy(ARTICLES / "chrome.txt", article)
    result = run("--format", "github", *SELECT, str(article))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    first = ANNOTATION.match(lines[0])
    assert first, lines[0]
    assert first["level"] == "error" and first["title"] == "chrome/advertising"
    assert (first["line"], first["col"], first["end_line"], first["end_col"]) == ("3", "1", "3", "14")
    assert first["file"] == str(article).replace(":", "%3A").replace(",", "%2C")
    assert "Advertisement" in first["message"]


def test_github_escaping_follows_the_actions_toolkit():
    line = github.annotation(finding("50% of the copy\nis chrome, says: the desk", path="news, 2024: a.txt"))
    assert line == (
        "::warning file=news%2C 2024%3A a.txt,line=2,col=3,endLine=2,endColumn=9,title=chrome/advertising"
        "::50%25 of the copy%0Ais chrome, says: the desk"
    )
    assert "\n" not in line
    assert github.escape_property("a:b,c%d\r\n") == "a%3Ab%2Cc%25d%0D%0A"
    assert github.escape_data("a:b,c%d\r\n") == "a:b,c%25d%0D%0A"


def test_github_levels_and_multi_line_spans():
    info = github.annotation(finding("figure", severity=Severity.INFO))
    assert info.startswith("::notice ")
    spanning = Finding("a.txt", Position(2, 5), Position(4, 1), "chrome/advertising", Severity.ERROR, "m")
    text = github.annotation(spanning)
    # GitHub takes columns only for a span on one line.
    assert text == "::error file=a.txt,line=2,endLine=4,title=chrome/advertising::m"


def test_junit_has_one_testcase_per_file_and_a_failure_per_finding(tmp_path):
    for name in ("chrome.txt", "clean.txt"):
        shutil.copy(ARTICLES / name, tmp_path / name)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("--format", "junit", *SELECT, str(tmp_path))
    assert result.exit_code == 2  # the empty file
    root = ET.fromstring(result.stdout)
    suite = root.find("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {str(tmp_path / n) for n in ("chrome.txt", "clean.txt", "empty.txt")}
    failures = cases[str(tmp_path / "chrome.txt")].findall("failure")
    assert [f.get("type") for f in failures] == ["chrome/advertising", "chrome/comment-form", "chrome/comment-form"]
    assert ":3:1: error chrome/advertising" in failures[0].text
    assert not cases[str(tmp_path / "clean.txt")].findall("failure")
    assert cases[str(tmp_path / "empty.txt")].find("error").get("message").startswith("empty file")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")


def test_junit_findings_below_the_fail_level_pass_and_odd_characters_stay_valid_xml():
    results = [
        FileResult("a.txt", [finding("mojibake \x0b\x1f here", severity=Severity.INFO)], fail_on=Severity.WARNING),
        FileResult("b.txt", [finding("a <b> & \"c\"", severity=Severity.ERROR)], fail_on=Severity.WARNING),
    ]
    root = junit.document(results)
    text = ET.tostring(root, encoding="unicode")
    parsed = ET.fromstring(text)
    first, second = parsed.find("testsuite").findall("testcase")
    assert first.find("failure") is None and "mojibake" in first.find("system-out").text
    assert second.find("failure").get("message") == 'chrome/advertising: a <b> & "c"'
    assert parsed.find("testsuite").get("failures") == "1"
