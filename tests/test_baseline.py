"""Baselines: today's findings recorded once, only new ones reported after, whatever moves around them."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from conftest import FIXTURES

from lint.cli import main
from lint.findings import Finding, Position, Severity
from lint.fingerprint import fingerprints

ARTICLES = FIXTURES / "ci" / "articles"
SELECT = ("--select", "chrome/advertising,chrome/comment-form")


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def reported(*args: str) -> list[tuple[int, str]]:
    result = run("--format", "json", *SELECT, *args)
    assert result.exit_code in (0, 1), result.output
    return [(f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("chrome.txt", "clean.txt", "wire.html"):
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def test_a_baseline_silences_todays_findings_and_reports_new_ones(tmp_path):
    folder = archive(tmp_path)
    baseline = tmp_path / "baseline.json"
    written = run(*SELECT, "--write-baseline", str(baseline), str(folder))
    assert written.exit_code == 0 and written.stdout == ""
    assert "recorded 4 findings" in written.stderr
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert {item["path"] for item in recorded["findings"]} == {"archive/chrome.txt", "archive/wire.html"}
    assert reported("--baseline", str(baseline), str(folder)) == []
    assert run(*SELECT, "--baseline", str(baseline), str(folder)).exit_code == 0

    # Lines added above the old findings, and a new chrome line at the end.
    article = folder / "chrome.txt"
    text = article.read_text(encoding="utf-8")
    text = text.replace("Advertisement\n", "By a staff reporter\n\nUpdated on Wednesday\n\nAdvertisement\n")
    article.write_text(text + "\nAdvertisement\n", encoding="utf-8")
    new = reported("--baseline", str(baseline), str(folder))
    last_line = len(article.read_text(encoding="utf-8").splitlines())
    assert new == [(last_line, "chrome/advertising")]


def test_the_baseline_is_found_from_another_working_directory(tmp_path, monkeypatch):
    folder = archive(tmp_path)
    baseline = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    assert run(*SELECT, "--write-baseline", "baseline.json", "archive").exit_code == 0
    monkeypatch.chdir(folder)
    assert reported("--baseline", str(baseline), ".") == []
    assert reported("--baseline", "../baseline.json", "chrome.txt") == []


def test_a_duplicate_beyond_the_recorded_count_is_new(tmp_path):
    article = tmp_path / "page.txt"
    article.write_text("Headline here\n\nAdvertisement\n\nThe story.\n\nAdvertisement\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run(*SELECT, "--write-baseline", str(baseline), str(article))
    article.write_text(article.read_text(encoding="utf-8") + "\nAdvertisement\n", encoding="utf-8")
    assert len(reported("--baseline", str(baseline), str(article))) == 1


def test_a_missing_or_foreign_baseline_is_a_usage_error(tmp_path):
    missing = run(*SELECT, "--baseline", str(tmp_path / "none.json"), str(ARTICLES / "clean.txt"))
    assert missing.exit_code == 2 and "baseline file not found" in missing.stderr
    foreign = tmp_path / "other.json"
    foreign.write_text('{"findings": []}', encoding="utf-8")
    wrong = run(*SELECT, "--baseline", str(foreign), str(ARTICLES / "clean.txt"))
    assert wrong.exit_code == 2 and "not a newslint baseline" in wrong.stderr


def _finding(source: str, needle: str, rule: str = "chrome/advertising") -> Finding:
    start = source.index(needle)
    return Finding("a.txt", Position(1, 1), Position(1, 1), rule, Severity.ERROR, "m", source_start=start, source_end=start + len(needle))


def test_fingerprint_depends_on_rule_text_and_context_not_on_position():
    source = "Title\n\nThe ad ran: Advertisement here.\n"
    (base,) = fingerprints([_finding(source, "Advertisement")], source)
    moved = "Title\n\nA new paragraph.\n\nAnother one.\n\nThe ad ran: Advertisement here.\n"
    assert fingerprints([_finding(moved, "Advertisement")], moved) == [base]
    rewrapped = "Title\n\nThe ad ran:   Advertisement here.\n"
    assert fingerprints([_finding(rewrapped, "Advertisement")], rewrapped) == [base]
    assert fingerprints([_finding(source, "Advertisement", "chrome/teaser")], source) != [base]
    reworded = "Title\n\nThe ad was: Advertisement here.\n"
    assert fingerprints([_finding(reworded, "Advertisement")], reworded) != [base]
