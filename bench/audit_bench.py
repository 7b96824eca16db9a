"""Benchmark of `newslint audit`: articles per second on the local engine and on a Dask
LocalCluster of 1 and 2 workers, peak memory of the driver and of a worker, the scaling
efficiency, and whether the driver's memory stays flat from a small archive to a large one.

    python bench/audit_bench.py                 # 50,000 articles (and 10,000 for the memory check)
    python bench/audit_bench.py --articles 5000 --small 1000

The archive is a temporary JSON Lines file: the corpus beside the repository (../shared/corpus),
or the fixtures when it is absent, repeated.  Each run is a `newslint audit` subprocess watched
with psutil (a dependency of dask.distributed).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def base_texts() -> list[str]:
    paths = sorted((ROOT / "fixtures").glob("*/*.txt"))
    if CORPUS.is_dir():
        paths += sorted((CORPUS / "aeb-articles").glob("*.txt")) + sorted((CORPUS / "aeb" / "html-text").glob("*.txt"))
    texts = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if text.strip():
            # A news story's length (some corpus pages run to many screens): eight paragraphs.
            texts.append("\n\n".join(text.split("\n\n")[:8]))
    return texts


def write_archive(path: Path, count: int) -> None:
    texts = base_texts()
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            row = {"id": f"a{i}", "text": texts[i % len(texts)], "feed": ("wire", "web", "syndication")[i % 3],
                   "section": ("news", "business", "sport")[i % 3], "date": f"2024-{i % 12 + 1:02d}-01"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def run(archive: Path, out: Path, engine: list[str], partition_size: int) -> dict:
    """One audit; wall time, the audit's own rate, peak RSS of the driver and of any one worker."""
    command = [sys.executable, "-m", "lint.cli", "audit", str(archive), "--out", str(out), "--partition-size", str(partition_size), *engine]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    driver_peak = worker_peak = 0
    while process.poll() is None:
        try:
            driver_peak = max(driver_peak, watched.memory_info().rss)
            for child in watched.children(recursive=True):
                try:
                    worker_peak = max(worker_peak, child.memory_info().rss)
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.monotonic() - started
    stderr = process.stderr.read()
    if process.returncode != 0:
        raise SystemExit(f"audit failed ({process.returncode}): {stderr}")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return {"wall": wall, "rate": summary["run"]["articles_per_second"], "driver": driver_peak, "worker": worker_peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50_000, help="articles in the large archive (default 50,000)")
    parser.add_argument("--small", type=int, default=10_000, help="articles in the small archive of the memory check (default 10,000)")
    parser.add_argument("--partition-size", type=int, default=500)
    args = parser.parse_args()
    mib = 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="newslint-audit-bench-") as folder:
        tmp = Path(folder)
        large, small = tmp / "large.jsonl", tmp / "small.jsonl"
        write_archive(large, args.articles)
        write_archive(small, args.small)
        runs = {}
        for name, archive, engine in (
            ("local processes (-j 2)", large, ["--jobs", "2"]),
            ("LocalCluster, 1 worker", large, ["--scheduler", "local:1"]),
            ("LocalCluster, 2 workers", large, ["--scheduler", "local:2"]),
            (f"local processes (-j 2), {args.small:,} articles", small, ["--jobs", "2"]),
        ):
            runs[name] = run(archive, tmp / f"out-{len(runs)}", engine, args.partition_size)
            print(f"  done: {name}", file=sys.stderr)
    print(f"\nnewslint audit over {args.articles:,} articles ({psutil.cpu_count()} processors)\n")
    print(f"{'engine':<44} {'articles/s':>11} {'wall s':>8} {'driver MiB':>11} {'worker MiB':>11}")
    for name, figures in runs.items():
        print(f"{name:<44} {figures['rate'] or 0:>11,.0f} {figures['wall']:>8.1f} {figures['driver'] / mib:>11.0f} {figures['worker'] / mib:>11.0f}")
    one, two = runs["LocalCluster, 1 worker"]["rate"], runs["LocalCluster, 2 workers"]["rate"]
    efficiency = two / (2 * one) if one and two else 0.0
    big = runs["local processes (-j 2)"]["driver"]
    little = runs[f"local processes (-j 2), {args.small:,} articles"]["driver"]
    growth = big / little - 1 if little else 0.0
    print(f"\nscaling efficiency (2 workers / (2 x 1 worker)): {efficiency:.2f}")
    print(f"driver peak memory: {little / mib:.0f} MiB at {args.small:,} articles, {big / mib:.0f} MiB at {args.articles:,}"
          f" ({growth:+.0%}; flat means within 20%)")


if __name__ == "__main__":
    main()
