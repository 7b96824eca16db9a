#!/usr/bin/env python3
"""Precision on real copy: newslint's findings against the judged set in bench/judged/.

Runs newslint once over every article the judged set names and prints, per rule: how many
judged findings still fire, how many of those were judged right (precision), judged-right
findings that no longer fire, judged-wrong findings that still fire, and findings nobody has
judged yet.  Then it lists the judged-wrong findings that still fire and the unjudged ones, so
that the next change judges them (`--emit-unjudged FILE` writes them in the judged format, with
the line they stand on as a comment, ready for a verdict).

Usage: python bench/precision.py [--root DIR] [--shared DIR] [--show N] [--emit-unjudged FILE]
                                 [--add FOLDER ...]    # also run over the judged half of FOLDER
       python bench/precision.py --split [FOLDER]    # which corpus files are judged, which tuned on
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = ("right", "wrong")
MATCH_CHARS = 60
FIGURES_ONLY = {"readability/scores"}  # reports figures, not a claim that can be right or wrong


class Key(NamedTuple):
    path: str  # relative to the shared folder
    line: int
    rule: str
    match: str


class Judgment(NamedTuple):
    key: Key
    verdict: str
    reason: str
    where: str  # file:line of the judgment, for error messages


def held_out(path: str) -> bool:
    """The judged half of the corpus: SHA-1 of the file name starts with 8-f.  Seeds: always."""
    name = Path(path).name
    return path.startswith("seeds/") or hashlib.sha1(name.encode()).hexdigest()[0] in "89abcdef"


def read_judged(folder: Path) -> list[Judgment]:
    judgments = []
    for tsv in sorted(folder.glob("*.tsv")):
        for number, raw in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            where = f"{tsv.name}:{number}"
            fields = raw.split("\t")
            if len(fields) < 5:
                sys.exit(f"{where}: expected path, line, rule, match, verdict, reason (tab-separated)")
            path, line, rule, match, verdict = fields[:5]
            reason = fields[5] if len(fields) > 5 else ""
            if verdict not in VERDICTS:
                sys.exit(f"{where}: verdict must be 'right' or 'wrong', got {verdict!r}")
            if not line.isdigit():
                sys.exit(f"{where}: line must be a number, got {line!r}")
            judgments.append(Judgment(Key(path, int(line), rule, match), verdict, reason, where))
    return judgments


def span_text(source_lines: list[str], finding: dict) -> str:
    """The source text a finding marks, on one line, cut to MATCH_CHARS."""
    first, last = finding["line"], finding.get("end_line", finding["line"])
    start, end = finding["column"], finding.get("end_column", finding["column"])
    if first == last:
        text = source_lines[first - 1][start - 1:end - 1] if first <= len(source_lines) else ""
    else:
        parts = [source_lines[first - 1][start - 1:]]
        parts += source_lines[first:last - 1]
        if last <= len(source_lines):
            parts.append(source_lines[last - 1][:end - 1])
        text = " ".join(parts)
    return " ".join(text.replace("\t", " ").split())[:MATCH_CHARS]


def run_newslint(cmd: list[str], files: list[Path], cwd: Path) -> list[dict]:
    completed = subprocess.run([*cmd, *map(str, files)], cwd=cwd, capture_output=True, text=True)
    if completed.returncode not in (0, 1):
        sys.stderr.write(completed.stderr)
    try:
        return json.loads(completed.stdout)["findings"]
    except (json.JSONDecodeError, KeyError):
        sys.exit(f"newslint printed no JSON report (exit {completed.returncode}):\n{completed.stderr[-2000:]}")


def current_findings(cmd: list[str], shared: Path, paths: list[str], cwd: Path, all_severities: bool) -> dict[Key, dict]:
    files = [shared / p for p in paths if (shared / p).is_file()]
    lines_of = {str(f): f.read_text(encoding="utf-8", errors="replace").splitlines() for f in files}
    found: dict[Key, dict] = {}
    for finding in run_newslint(cmd, files, cwd):
        if finding["rule"] in FIGURES_ONLY or (finding.get("severity") == "info" and not all_severities):
            continue
        absolute = str(Path(finding["path"]))
        if absolute not in lines_of:
            continue
        relative = str(Path(finding["path"]).relative_to(shared))
        key = Key(relative, finding["line"], finding["rule"], span_text(lines_of[absolute], finding))
        found[key] = finding
    return found


def table(judgments: list[Judgment], found: dict[Key, dict]) -> list[tuple]:
    judged = {j.key: j for j in judgments}
    rows = defaultdict(Counter)
    for j in judgments:
        firing = j.key in found
        rows[j.key.rule][("" if firing else "lost-") + j.verdict] += 1
    for key in found:
        if key not in judged:
            rows[key.rule]["unjudged"] += 1
    out = []
    for rule in sorted(rows):
        c = rows[rule]
        firing = c["right"] + c["wrong"]
        precision = c["right"] / firing if firing else float("nan")
        out.append((rule, firing, c["right"], c["wrong"], precision, c["lost-right"], c["lost-wrong"], c["unjudged"]))
    return out


def print_table(rows: list[tuple]) -> None:
    header = ("rule", "judged firing", "right", "wrong", "precision", "right lost", "wrong gone", "unjudged")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    totals = Counter()
    for rule, firing, right, wrong, precision, lost, gone, unjudged in rows:
        shown = f"{precision:.0%}" if firing else "-"
        print(f"| {rule} | {firing} | {right} | {wrong} | {shown} | {lost} | {gone} | {unjudged} |")
        totals.update(firing=firing, right=right, wrong=wrong, lost=lost, gone=gone, unjudged=unjudged)
    overall = f"{totals['right'] / totals['firing']:.0%}" if totals["firing"] else "-"
    print(f"| all | {totals['firing']} | {totals['right']} | {totals['wrong']} | {overall} | {totals['lost']} | {totals['gone']} | {totals['unjudged']} |")


def context_line(shared: Path, key: Key) -> str:
    try:
        lines = (shared / key.path).read_text(encoding="utf-8", errors="replace").splitlines()
        return " ".join(lines[key.line - 1].split())[:200]
    except (OSError, IndexError):
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project checkout whose bench/judged is read")
    parser.add_argument("--shared", type=Path, help="the shared folder (default: beside the project)")
    parser.add_argument("--cmd", help="linter command printing JSON (default: this Python's newslint)")
    parser.add_argument("--show", type=int, default=40, help="list at most N of each kind of finding")
    parser.add_argument("--emit-unjudged", type=Path, help="write the unjudged findings in the judged format")
    parser.add_argument("--add", action="append", default=[], metavar="FOLDER",
                        help="also run over the judged half of FOLDER, or over a FILE (relative to shared), to find more to judge")
    parser.add_argument("--errors-and-warnings", dest="all_severities", action="store_false",
                        help="leave info findings out (as the eval does)")
    parser.add_argument("--split", nargs="?", const="corpus", metavar="FOLDER", help="list the judged and tuned halves of FOLDER")
    args = parser.parse_args()
    root = args.root.resolve()
    shared = (args.shared or root.parent / "shared").resolve()

    if args.split:
        base = shared / args.split
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            relative = str(path.relative_to(shared))
            print(("judged " if held_out(relative) else "tuned  ") + relative)
        return

    judgments = read_judged(root / "bench" / "judged")
    extra = [
        str(p.relative_to(shared)) for folder in args.add
        for p in ([shared / folder] if (shared / folder).is_file() else sorted((shared / folder).rglob("*")))
        if p.is_file() and (held_out(str(p.relative_to(shared))) or (shared / folder).is_file())
    ]
    if not judgments and not extra:
        sys.exit(f"no judgments in {root / 'bench' / 'judged'} (and no --add)")
    tuned = sorted({j.key.path for j in judgments if not held_out(j.key.path)})
    if tuned:
        print(f"note: {len(tuned)} judged file(s) are from the tuned half: {', '.join(tuned[:5])}", file=sys.stderr)
    cmd = args.cmd.split() if args.cmd else [sys.executable, "-m", "lint.cli", "check", "--format", "json"]
    paths = sorted({j.key.path for j in judgments} | set(extra))
    found = current_findings(cmd, shared, paths, root, args.all_severities)
    print(f"{len(judgments)} judgments of findings in {len(paths)} articles; {len(found)} findings now\n")
    print_table(table(judgments, found))

    judged = {j.key: j for j in judgments}
    still_wrong = [j for j in judgments if j.verdict == "wrong" and j.key in found]
    lost_right = [j for j in judgments if j.verdict == "right" and j.key not in found]
    unjudged = sorted(k for k in found if k not in judged)
    for title, items in (("judged wrong, still firing", still_wrong), ("judged right, no longer firing", lost_right)):
        if items:
            print(f"\n{title} ({len(items)}):")
            for j in items[:args.show]:
                print(f"  {j.key.path}:{j.key.line} {j.key.rule} «{j.key.match}» ({j.reason})")
    if unjudged:
        print(f"\nunjudged ({len(unjudged)}):")
        for key in unjudged[:args.show]:
            print(f"  {key.path}:{key.line} {key.rule} «{key.match}»: {found[key]['message'][:100]}")
    if args.emit_unjudged:
        with args.emit_unjudged.open("w", encoding="utf-8") as out:
            for key in unjudged:
                out.write(f"# {context_line(shared, key)}\n")
                out.write(f"{key.path}\t{key.line}\t{key.rule}\t{key.match}\t?\t{found[key]['message'][:120]}\n")
        print(f"\nwrote {len(unjudged)} unjudged findings to {args.emit_unjudged} (set each verdict)", file=sys.stderr)


if __name__ == "__main__":
    main()
