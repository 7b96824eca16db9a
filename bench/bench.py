#!/usr/bin/env python3
"""Speed and memory of newslint, with proselint timed on the same files in the same run.

Prints:
  * in-process throughput on one core: mean time per article and articles per second,
    newslint and proselint over the same files (best of --repeat passes, after a warm-up pass);
  * `newslint check FOLDER` as a user runs it: wall time and peak resident memory (ru_maxrss);
  * `newslint check ARTICLE` on one article, interpreter start included: median of --starts runs;
  * with --jobs, `newslint check --jobs N` over --jobs-folder for each N.

Usage: python bench/bench.py [--folder DIR] [--repeat 3] [--starts 10] [--jobs 1,2 --jobs-folder DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus" / "aeb-articles"


def article_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md", ".html", ".htm"} and p.is_file())


def best_pass(check, paths: list[Path], repeat: int) -> float:
    """Seconds for the fastest of `repeat` passes over all paths, after one warm-up pass."""
    for path in paths:
        check(path)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            check(path)
        best = min(best, time.perf_counter() - start)
    return best


def newslint_checker():
    sys.path.insert(0, str(ROOT))
    from lint.runner import Session

    session = Session()
    return lambda path: session.check_file(path)


def proselint_checker():
    """proselint's own per-file check, with its checks registered as its command line does."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    return lambda path: LintFile(path).lint()


# Commands run as a user's would: with byte-code caching on (an installed package is
# byte-compiled; PYTHONDONTWRITEBYTECODE would make every start compile the sources again).
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB and exit code of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=USER_ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


def newslint_command() -> list[str]:
    exe = shutil.which("newslint", path=str(Path(sys.executable).parent)) or shutil.which("newslint")
    return [exe] if exe else [sys.executable, "-m", "lint.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--jobs", default="", help="comma-separated job counts to time, e.g. 1,2")
    parser.add_argument("--jobs-folder", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()

    paths = article_paths(args.folder)
    if not paths:
        sys.exit(f"bench: no articles under {args.folder}")
    size = sum(p.stat().st_size for p in paths)
    print(f"articles: {len(paths)} files, {size / 1024:.0f} KiB, from {args.folder}")

    # Commands first: Linux counts a child's peak memory from the fork on, so the commands are
    # measured while this process is still small (before it loads newslint and proselint).
    cmd = newslint_command()
    run_measured([*cmd, "check", str(paths[0])])  # warm-up: byte-code and parsed-pack caches written
    wall, rss, code = run_measured([*cmd, "check", "--format", "json", str(args.folder)])
    print(f"newslint check FOLDER: {wall:.2f} s wall, {len(paths) / wall:.0f} articles/s, peak memory {rss:.1f} MiB (exit {code})")
    proselint_exe = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    if proselint_exe:
        wall, rss, code = run_measured([proselint_exe, "check", str(args.folder)])
        print(f"proselint check FOLDER: {wall:.2f} s wall, {len(paths) / wall:.0f} articles/s, peak memory {rss:.1f} MiB (exit {code})")

    one = paths[len(paths) // 2]
    times = [run_measured([*cmd, "check", str(one)])[0] for _ in range(args.starts)]
    print(f"newslint check ARTICLE (interpreter start included): median {1000 * statistics.median(times):.0f} ms, "
          f"best {1000 * min(times):.0f} ms over {args.starts} runs")

    for jobs in filter(None, args.jobs.split(",")):
        files = article_paths(args.jobs_folder)
        wall, rss, code = run_measured([*cmd, "check", "--format", "json", "--jobs", jobs, str(args.jobs_folder)])
        print(f"newslint check --jobs {jobs} ({len(files)} files under {args.jobs_folder.name}/): {wall:.2f} s wall, "
              f"{len(files) / wall:.0f} files/s, peak memory {rss:.1f} MiB (exit {code})")

    ours = best_pass(newslint_checker(), paths, args.repeat)
    print(f"newslint  in-process: {1000 * ours / len(paths):7.2f} ms/article  {len(paths) / ours:8.0f} articles/s")
    proselint = proselint_checker()
    if proselint is not None:
        theirs = best_pass(proselint, paths, args.repeat)
        print(f"proselint in-process: {1000 * theirs / len(paths):7.2f} ms/article  {len(paths) / theirs:8.0f} articles/s")
        print(f"newslint is {theirs / ours:.1f}x proselint's speed")
    else:
        print("proselint: not installed (pip install -e '.[bench]') - no ratio")


if __name__ == "__main__":
    main()
