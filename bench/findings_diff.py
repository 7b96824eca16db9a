#!/usr/bin/env python3
"""Whether a change alters any finding: newslint's JSON findings over a corpus, against a snapshot.

A speed change must leave every finding as it was.  Save a snapshot before the change, then
compare after it; the script prints how many findings each side has and every finding that is
only on one side, and exits 1 when they differ.

Usage: python bench/findings_diff.py --save SNAPSHOT [--corpus DIR]
       python bench/findings_diff.py --against SNAPSHOT [--corpus DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def findings(corpus: Path) -> list[dict]:
    """Every finding of `newslint check --format json` over the corpus, paths relative to it."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "lint.cli", "check", "--format", "json", "."],
        cwd=corpus, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint check failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    print(f"checked {corpus} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return json.loads(proc.stdout)["findings"]


def key(finding: dict) -> str:
    return json.dumps(finding, sort_keys=True, ensure_ascii=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the findings to this snapshot")
    action.add_argument("--against", type=Path, help="compare the findings with this snapshot")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    found = findings(args.corpus.resolve())
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(found)} findings to {args.save}")
        return 0
    before = {key(f) for f in json.loads(args.against.read_text(encoding="utf-8"))}
    after = {key(f) for f in found}
    print(f"findings: {len(before)} in the snapshot, {len(after)} now")
    for label, only in (("only in the snapshot", before - after), ("only now", after - before)):
        for line in sorted(only)[:50]:
            print(f"{label}: {line}")
    same = before == after
    print("identical" if same else f"DIFFERENT: {len(before - after)} lost, {len(after - before)} new")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
