#!/usr/bin/env python3
"""Chrome recall on planted lines by position, over several seeds, and the false alarms.

Builds the eval's inject sets (one per --seed) in a scratch folder with ../shared/eval's own
builder, runs newslint once per set, and prints, for chrome plants, how many were found right
after the headline ("start"), between paragraphs ("middle") and as the last line ("end"), then
the chrome findings on the untouched articles (every one a false alarm to the scorer: read them)
with the verdicts bench/judged/ holds for them (an untouched article is a labelled body, and
labellers kept some of the page's chrome in it), and, with --show, the plants missed.

    python bench/chrome_positions.py --seeds 1,2,3,4,5 [--cmd "newslint check --format json"] [--show]
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from precision import read_judged

JUDGED = Path(__file__).resolve().parent / "judged"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
POSITIONS = ("start", "middle", "end")


def position(text: str, line: int) -> str:
    """As the eval counts it: the line after the headline, the last line, or between."""
    nonblank = [n for n, l in enumerate(text.split("\n"), 1) if l.strip()]
    if len(nonblank) > 1 and line <= nonblank[1]:
        return "start"
    return "end" if nonblank and line == nonblank[-1] else "middle"


def build(seed: int, out: Path, shared: Path) -> None:
    subprocess.run(
        [sys.executable, str(shared / "eval" / "newseval.py"), "inject", "--articles", str(shared / "corpus" / "aeb-articles"),
         "--chrome-lines", str(shared / "corpus" / "chrome-lines.txt"), "--out", str(out), "--seed", str(seed)],
        check=True, capture_output=True,
    )


def chrome_findings(cmd: str, docs: Path) -> dict[str, list[dict]]:
    proc = subprocess.run([*shlex.split(cmd), str(docs)], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"linter failed (exit {proc.returncode}): {proc.stderr[:500]}")
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for finding in json.loads(proc.stdout)["findings"]:
        if finding["rule"].startswith("chrome/") and finding["severity"] != "info":
            by_doc[Path(finding["path"]).name].append(finding)
    return by_doc


def sources(truth_file: Path) -> dict[str, str]:
    """Each untouched copy's article in ../shared/corpus/aeb-articles, named by its planted siblings."""
    by_stem = {}
    for line in truth_file.read_text(encoding="utf-8").splitlines():
        truth = json.loads(line)
        if "source" in truth:
            by_stem[truth["doc"].split("-", 1)[0]] = truth["source"]
    return by_stem


def verdicts() -> dict[tuple[str, int, str], str]:
    return {(j.key.path, j.key.line, j.key.rule): j.verdict for j in read_judged(JUDGED)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--cmd", default="newslint check --format json")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show", action="store_true", help="list missed plants and false alarms")
    args = parser.parse_args()
    totals = {where: [0, 0] for where in POSITIONS}
    alarms, clean_docs = [], 0
    judged = verdicts()
    with tempfile.TemporaryDirectory() as scratch:
        for seed in (int(s) for s in args.seeds.split(",")):
            out = Path(scratch) / f"seed{seed}"
            build(seed, out, args.shared)
            found = chrome_findings(args.cmd, out / "docs")
            counts = {where: [0, 0] for where in POSITIONS}
            for line in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines():
                truth = json.loads(line)
                findings = found.get(truth["doc"], [])
                if truth["kind"] == "clean":
                    if seed == int(args.seeds.split(",")[0]):  # the untouched copies are the same for every seed
                        clean_docs += 1
                        text = (out / "docs" / truth["doc"]).read_text(encoding="utf-8").split("\n")
                        article = f"corpus/aeb-articles/{sources(out / 'truth.jsonl').get(truth['doc'].split('-', 1)[0])}"
                        alarms += [(truth["doc"], f["line"], f["rule"], text[f["line"] - 1][:90], judged.get((article, f["line"], f["rule"]), "unjudged")) for f in findings]
                    continue
                if truth["kind"] != "chrome":
                    continue
                planted = truth["lines"][0]
                where = position((out / "docs" / truth["doc"]).read_text(encoding="utf-8"), planted)
                caught = any(f["line"] == planted for f in findings)
                counts[where][0] += caught
                counts[where][1] += 1
                if args.show and not caught:
                    print(f"  missed seed {seed} {where:6} {truth['doc']}: {truth['detail'][:80]}")
            for where in POSITIONS:
                totals[where][0] += counts[where][0]
                totals[where][1] += counts[where][1]
            print(f"seed {seed}: " + ", ".join(f"{w} {c[0]}/{c[1]}" for w, c in counts.items()))
    print("all seeds: " + ", ".join(
        f"{w} {c[0]}/{c[1]} ({c[0] / max(c[1], 1):.0%})" for w, c in totals.items()))
    print(f"chrome findings on {clean_docs} untouched articles: {len(alarms)} ({100 * len(alarms) / max(clean_docs, 1):.1f} per 100)")
    tally = {verdict: sum(alarm[-1] == verdict for alarm in alarms) for verdict in ("right", "wrong", "unjudged")}
    print(f"  judged: {tally['right']} right (chrome the labelled body kept), {tally['wrong']} wrong "
          f"({100 * tally['wrong'] / max(clean_docs, 1):.1f} per 100), {tally['unjudged']} not judged yet")
    if args.show:
        for doc, line, rule, text, verdict in alarms:
            print(f"  {doc}:{line} {rule} [{verdict}]: {text}")


if __name__ == "__main__":
    main()
