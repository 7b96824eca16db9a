#!/usr/bin/env python3
"""Whether newslint is linear in the size of the copy: one long document against many small files.

Prints, each run as its own `newslint check --format json` process (wall time and peak resident
memory of that process, interpreter start included):
  * one document made of the corpus articles end to end, at 100 KB, 1 MB and 5 MB;
  * the corpus as separate files, copied 1x, 4x and 16x;
each with its time per MB, also net of the start (the median time of checking a one-line file,
measured in the same run), and the ratio of the one document's net time per MB to that of the
largest corpus run (the target: at most 1.5).  With proselint installed (the `bench` extra), it
is timed on the same inputs in the same run, up to --proselint-mb, and the ratio printed.

Usage: python bench/scaling.py [--folder DIR] [--sizes 0.1,1,5] [--copies 1,4,16] [--proselint-mb 1.5]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_FOLDER, article_paths, newslint_command, run_measured  # noqa: E402

MB = 1_000_000


def long_document(paths: list[Path], size: int) -> str:
    """The articles end to end, a blank line between them, repeated up to `size` bytes."""
    texts = [p.read_text(encoding="utf-8", errors="replace").strip() for p in paths]
    parts: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(parts) + "\n"


def copied_corpus(paths: list[Path], copies: int, folder: Path) -> int:
    """`copies` copies of every article under `folder`; their size in bytes."""
    size = 0
    for copy in range(copies):
        target = folder / f"copy{copy}"
        target.mkdir(parents=True)
        for path in paths:
            shutil.copyfile(path, target / path.name)
            size += path.stat().st_size
    return size


def proselint_command() -> list[str] | None:
    exe = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    return [exe, "check"] if exe else None


def start_time(folder: Path) -> float:
    """Median wall time of checking a one-line file: what every run pays before any copy."""
    tiny = folder / "tiny.txt"
    tiny.write_text("The council met on Tuesday.\n", encoding="utf-8")
    return statistics.median(run_measured([*newslint_command(), "check", str(tiny)])[0] for _ in range(5))


def row(label: str, size: int, target: Path, start: float, proselint: list[str] | None, proselint_mb: float) -> float:
    """Time one input with newslint (and proselint, when it is small enough); newslint's net s/MB."""
    wall, rss, code = run_measured([*newslint_command(), "check", "--format", "json", str(target)])
    per_mb = (wall - start) / (size / MB)
    line = (f"{label:<28} {size / MB:7.2f} MB  newslint {wall:7.2f} s  {wall / (size / MB):6.2f} s/MB "
            f"({per_mb:5.2f} net of the start)  peak {rss:6.1f} MiB (exit {code})")
    if proselint is not None and size <= proselint_mb * MB:
        theirs, their_rss, _ = run_measured([*proselint, str(target)])
        line += f"   proselint {theirs:7.2f} s  {theirs / (size / MB):6.2f} s/MB  peak {their_rss:6.1f} MiB  ratio {wall / theirs:.2f}"
    print(line, flush=True)
    return per_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--sizes", default="0.1,1,5", help="sizes in MB of the one document")
    parser.add_argument("--copies", default="1,4,16", help="how many times the corpus is copied")
    parser.add_argument("--proselint-mb", type=float, default=1.5, help="largest input (MB) proselint is timed on")
    args = parser.parse_args()
    paths = article_paths(args.folder)
    if not paths:
        sys.exit(f"scaling: no articles under {args.folder}")
    proselint = proselint_command()
    print(f"corpus: {len(paths)} files from {args.folder}; proselint: {'up to %g MB' % args.proselint_mb if proselint else 'not installed'}")
    run_measured([*newslint_command(), "check", str(paths[0])])  # warm-up: byte code and caches written
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        start = start_time(folder)
        print(f"start (a one-line file, median of 5): {start * 1000:.0f} ms")
        many = []
        for copies in (int(c) for c in args.copies.split(",")):
            size = copied_corpus(paths, copies, folder / f"x{copies}")
            many.append(row(f"corpus x{copies} ({copies * len(paths)} files)", size, folder / f"x{copies}", start, proselint, args.proselint_mb))
        baseline = many[-1]
        for megabytes in (float(s) for s in args.sizes.split(",")):
            document = folder / f"one-{megabytes:g}mb.txt"
            document.write_text(long_document(paths, int(megabytes * MB)), encoding="utf-8")
            per_mb = row(f"one document {megabytes:g} MB", document.stat().st_size, document, start, proselint, args.proselint_mb)
            print(f"{'':<28} one document's net s/MB / many files': {per_mb / baseline:.2f} (target at most 1.5)")


if __name__ == "__main__":
    main()
