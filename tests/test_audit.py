"""`newslint audit`: findings equal to `check`'s, on a real Dask LocalCluster; resuming after a
kill; bad rows counted, not fatal; a clear message when the extra is missing."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SHARED

from lint.cli import main

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("distributed")

ARCHIVE_SIZE = 2400
NEWSLINT = [sys.executable, "-m", "lint.cli"]


def _base_texts() -> list[str]:
    """Articles of the shared corpus when it is there, and the fixtures' articles."""
    paths = sorted(FIXTURES.glob("*/*.txt"))
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        paths += sorted((corpus / "aeb-articles").glob("*.txt")) + sorted((corpus / "aeb" / "html-text").glob("*.txt"))
    texts = []
    for path in paths:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return [t for t in texts if t.strip()]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The same articles twice: as a JSON Lines archive with metadata, and as a folder of files."""
    root = tmp_path_factory.mktemp("archive")
    folder = root / "articles"
    folder.mkdir()
    texts = _base_texts()
    with (root / "archive.jsonl").open("w", encoding="utf-8") as out:
        for i in range(ARCHIVE_SIZE):
            paragraphs = texts[i % len(texts)].split("\n\n")
            # Each round over the corpus starts at another paragraph: the copies differ.
            start = (i // len(texts)) % len(paragraphs)
            text = "\n\n".join((paragraphs[start:] + paragraphs[:start])[:6]).strip() + "\n"
            ident = f"story-{i:05d}"
            (folder / f"{ident}.txt").write_text(text, encoding="utf-8")
            row = {"id": ident, "text": text, "feed": ("wire", "web", "syndication")[i % 3],
                   "section": ("news", "business")[i % 2], "date": f"2024-{i % 12 + 1:02d}-15"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return root


def _rows(folder: Path) -> list[tuple]:
    table = pq.read_table(folder / "findings").drop_columns(["input"])  # named as given on each command line
    return sorted(tuple(str(v) for v in row.values()) for row in table.to_pylist())


@pytest.fixture(scope="module")
def cluster_audit(archive):
    from lint.audit.run import AuditOptions, run_audit

    out = archive / "cluster-out"
    cwd = os.getcwd()
    os.chdir(archive)  # rows are configured from the working folder, like `check` here
    try:
        outcome = run_audit(AuditOptions((str(archive / "archive.jsonl"),), out, scheduler="local:2", partition_size=200))
    finally:
        os.chdir(cwd)
    return out, outcome


def test_audit_on_a_local_cluster_finds_what_check_finds(archive, cluster_audit):
    out, outcome = cluster_audit
    assert outcome.summary["run"]["engine"] == "a local Dask cluster of 2 workers"
    checked = subprocess.run([*NEWSLINT, "check", "--format", "json", "--jobs", "2", "articles"], cwd=archive,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 1, checked.stderr
    expected = sorted(
        (Path(f["path"]).stem, f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["severity"], f["message"],
         f["fix"]["replacement"] if "fix" in f else None)
        for f in json.loads(checked.stdout)["findings"]
    )
    table = pq.read_table(out / "findings").to_pylist()
    got = sorted((r["article_id"], r["line"], r["column"], r["end_line"], r["end_column"], r["rule"], r["severity"], r["message"], r["fix"]) for r in table)
    assert len(expected) > ARCHIVE_SIZE // 4  # the archive does carry findings
    assert got == expected
    # Metadata travels with each finding, and the fingerprint is the baseline's.
    first = table[0]
    assert first["source"] in {"wire", "web", "syndication"} and first["section"] in {"news", "business"}
    assert first["family"] == first["rule"].split("/")[0]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == summary["checked"] == ARCHIVE_SIZE
    assert summary["findings"] == len(expected)
    assert {row["value"] for row in summary["by"]["source"]} == {"wire", "web", "syndication"}
    assert [row["value"] for row in summary["by"]["month"]] == [f"2024-{m:02d}" for m in range(1, 13)]
    top_rule = summary["rules"][0]
    assert top_rule["per_1000_articles"] == round(1000 * top_rule["findings"] / ARCHIVE_SIZE, 2)
    assert summary["examples"][top_rule["rule"]]
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert "<svg" in page and top_rule["rule"] in page
    # Self-contained: no script, no image, no style sheet, nothing fetched (article text is escaped).
    assert not re.search(r"<(script|img|link|iframe|object)\b|\ssrc=['\"]", page)


def test_a_killed_audit_resumes_to_the_same_parquet_content(archive, cluster_audit):
    out = archive / "killed-out"
    command = [*NEWSLINT, "audit", "archive.jsonl", "--out", str(out), "--partition-size", "50", "--jobs", "2"]
    process = subprocess.Popen(command, cwd=archive, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    findings = out / "findings"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(findings.glob("part-*.parquet"))) < 3:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the driver and its workers, mid-run
    process.wait()
    written = len(list(findings.glob("part-*.parquet")))
    total = -(-ARCHIVE_SIZE // 50)
    assert 3 <= written < total, "the audit should have been killed mid-run"
    resumed = subprocess.run(command, cwd=archive, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "partitions from an earlier run" in resumed.stderr
    assert len(list(findings.glob("part-*.parquet"))) == total
    assert not list(findings.glob(".*"))  # no temporary file left behind
    assert _rows(out) == _rows(cluster_audit[0])  # nothing lost, nothing doubled
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == ARCHIVE_SIZE and summary["run"]["resumed_partitions"] >= 3


def audit(*args: str, **kwargs):
    return CliRunner().invoke(main, ["audit", *args], catch_exceptions=False, **kwargs)


def test_bad_rows_are_counted_and_reported_not_fatal(tmp_path):
    good = (FIXTURES / "chrome" / "scraped-page.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": "good", "text": good}).encode(), json.dumps({"id": "empty", "text": "  \n"}).encode(),
             json.dumps({"id": "no-text", "title": "x"}).encode(), b"{not json", b'{"id": "latin1", "text": "caf\xe9"}']
    (tmp_path / "rows.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "story.txt").write_text(good, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Le caf\xe9 de la gare.\n".encode("latin-1"))
    result = audit(str(tmp_path / "rows.jsonl"), str(folder), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 8 and summary["checked"] == 2
    assert summary["bad_rows"]["by_reason"] == {"empty text": 2, "invalid JSON": 1, "invalid encoding": 2, "missing text": 1}
    assert {e["article_id"] for e in summary["bad_rows"]["examples"]} >= {"empty", "no-text", "rows.jsonl:4", "rows.jsonl:5"}
    assert "6 rows not checked" in result.output
    assert "Rows not checked" in (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")


def test_a_file_without_the_text_column_is_a_clear_error(tmp_path):
    (tmp_path / "wire.csv").write_text("id,body\n1,Some text.\n", encoding="utf-8")
    result = audit(str(tmp_path / "wire.csv"), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 2
    assert "no 'text' column (columns: id, body); name the text column with --text-column" in result.output
    renamed = audit(str(tmp_path / "wire.csv"), "--out", str(tmp_path / "out2"), "--jobs", "1", "--text-column", "body")
    assert renamed.exit_code == 0, renamed.output


def test_csv_and_parquet_sources_give_the_same_findings_as_jsonl(tmp_path):
    import pyarrow as pa

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.txt"))[:12]]
    rows = [{"id": f"a{i}", "text": t, "source": "wire"} for i, t in enumerate(texts)]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "a.parquet")
    import csv

    with (tmp_path / "a.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "text", "source"])
        writer.writeheader()
        writer.writerows(rows)
    found = {}
    for name in ("a.jsonl", "a.csv", "a.parquet"):
        result = audit(str(tmp_path / name), "--out", str(tmp_path / f"out-{name}"), "--jobs", "1")
        assert result.exit_code == 0, result.output
        table = pq.read_table(tmp_path / f"out-{name}" / "findings").to_pylist()
        found[name] = sorted((r["article_id"], r["line"], r["column"], r["rule"], r["fingerprint"]) for r in table)
    assert found["a.jsonl"] and found["a.jsonl"] == found["a.csv"] == found["a.parquet"]


def test_an_output_folder_of_other_inputs_is_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "One story.\n"}) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Another story.\n"}) + "\n", encoding="utf-8")
    assert audit(str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--jobs", "1").exit_code == 0
    other = audit(str(tmp_path / "b.jsonl"), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert other.exit_code == 2 and "holds an audit of other inputs" in other.output
    assert audit(str(tmp_path / "b.jsonl"), "--out", str(tmp_path / "out"), "--jobs", "1", "--restart").exit_code == 0


def test_missing_extra_names_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if pyarrow were not installed
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "One story.\n"}) + "\n", encoding="utf-8")
    result = audit(str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output.strip() == "newslint: audit needs the audit extra (pyarrow not installed): pip install 'newslint[audit]'"


def test_progress_bar_shows_rate_and_time_left():
    import io

    from lint.audit.progress import AuditProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    meter = AuditProgress(1000, Terminal(), resumed=100)
    meter.done = 400
    line = meter.line(now=meter.started + 10)  # 300 articles in 10 s, 600 to go
    assert "400/1,000 articles" in line and "30/s" in line and "ETA 0m20s" in line
    assert AuditProgress(10, io.StringIO()).stream is None  # silent off a terminal
