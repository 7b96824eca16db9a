"""Fuzz newslint with generated, damaged and hostile articles, through the command line.

    python bench/fuzz.py [--inputs 100000] [--workers 2] [--batch 200] [--seed 1] [--failures DIR]

Inputs: random bytes; real articles from ../shared/corpus, mutated (cut, doubled, spliced with
hostile pieces, line ends changed, bytes flipped); articles built from Unicode and markup edge
cases (RTL and zero-width marks, combining marks, NUL, lone CR, lone surrogates in UTF-16, very
long lines, deep or unclosed HTML, huge front matter, tables, leader dots and punctuation runs).
Each is written as a file (.txt, .md or .html, sometimes with a BOM, CRLF line ends or an unusual
mode), checked and fixed pass by pass in this process, then fixed by `newslint check --fix`.

Properties, each failure counted and its input saved under --failures:
  crash      an exit code other than 0, 1 or 2, a traceback, or an internal error;
  hang       a file that takes over 2 s per 100 KB to check;
  position   a finding whose line:column is outside the file, or does not hold the text its
             message quotes;
  fix        a fix changes a line no finding of its pass covers; the fixes do not settle (a
             second `--fix` would change the file); `--fix` writes other text than the fixes,
             or changes the file's mode, BOM or line ends.
"""
from __future__ import annotations

import argparse
import codecs
import os
import random
import re
import shutil
import stat
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from lint.cli import main as cli
from lint.findings import Finding
from lint.fixes import MAX_FIX_PASSES, encode, plan
from lint.runner import Session

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SECONDS_PER_100KB = 2.0
SUFFIXES = (".txt", ".md", ".html", ".markdown", ".htm")
MODES = (0o644, 0o644, 0o600, 0o664, 0o640)

# Damage that real copy and hostile users bring: punctuation runs (the old slow patterns), marks
# that break naive code, markup, and lines of page furniture.
HOSTILE = [
    "." * 40 + "x", "....................", "!" * 300, "-" * 300, "|" * 300, "\u2014" * 300, "?!" * 50,
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u200f", "\u061c", "\u0301" * 30,
    "\x00", "\r", "\r\n", "\n\n", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\ufffd", "\U0001f600",
    "<div>", "</div>", "<p>", "<b><i>", "<!--", "-->", "<script>", "<table><tr><td>", "&amp;", "&#x", "&#1234567;",
    "---\n", "# ", "> ", "* ", "1. ", "| a | b |\n|---|---|\n", "```", "[link](", "![", "<br>",
    "Home > World > ", "ALSO READ: ", "Follow @newsdesk for more", "(REUTERS)", "(HT Photo)", "- Advertisment -",
    "Please enter your comment!", "Most Popular", "By Jane Doe | Updated: 5 June 2024 10:30 IST",
    "\u00a9 2024 Example News. All rights reserved.", "1 lakh", "10 crore", "Rs 5,00,000", "3,000 people",
    "30,000 people", "Milley", "Mille", "said.It", "he said.?It", "\u201c", "\u201d", '"', "'", "(", ")", "[", "]",
    "\u00c3\u00a9", "\u00e2\u20ac\u2122", "Mr.Smith", "U.S.", "a.m.", "www.example.com", "e.g.", "\u2026",
]


@dataclass
class Case:
    name: str
    kind: str
    data: bytes
    mode: int = 0o644


@dataclass
class BatchReport:
    tried: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str, Case]] = field(default_factory=list)  # (property, detail, case)
    slowest: tuple[float, int] = (0.0, 0)  # (seconds per 100 KB, bytes)
    findings: int = 0
    fixed_files: int = 0


# ---------------------------------------------------------------- inputs

_ARTICLES: list[bytes] = []


def _articles() -> list[bytes]:
    if not _ARTICLES:
        for path in sorted(CORPUS.rglob("*")):
            if path.is_file() and path.suffix in (".txt", ".html", ".md") and path.stat().st_size < 400_000:
                _ARTICLES.append(path.read_bytes())
        if not _ARTICLES:
            _ARTICLES.append("The council said on Tuesday that 3,000 people had left.\n".encode())
    return _ARTICLES


def random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.choice((0, 1, 7, 64, 512, 2048)))


def mutated_article(rng: random.Random) -> bytes:
    data = bytearray(rng.choice(_articles()))
    # Most inputs are a piece of an article (fuzzing wants many small inputs); a few are whole.
    if rng.random() < 0.95:
        size = rng.choice((200, 1_000, 3_000, 6_000))
        start = rng.randrange(max(1, len(data) - size))
        data = data[start:start + size]
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.45:
            data[at:at] = rng.choice(HOSTILE).encode("utf-8", "surrogatepass")
        elif choice < 0.6 and data:
            data[at:at + rng.randint(1, 400)] = b""
        elif choice < 0.7:
            data[at:at] = data[max(0, at - 300):at]
        elif choice < 0.8 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)  # a flipped byte: often invalid UTF-8
        elif choice < 0.9:
            data = bytearray(bytes(data).replace(b"\n", rng.choice((b"\r\n", b"\r", b" ", b"\n\n\n"))))
        else:
            data[at:at] = b"<" + rng.choice((b"div", b"p", b"span", b"li", b"h2")) + b">"
    return bytes(data)


def edge_case_article(rng: random.Random) -> tuple[bytes, str | None]:
    """An article built from hostile pieces, and a forced suffix where the piece needs one."""
    pick = rng.random()
    prose = "The council said on Tuesday that 3,000 people had left the valley. "
    big = rng.random() < 0.03  # the long and deep inputs, rarely: they cost the most time
    if pick < 0.08:
        return ("<div>" * (20_000 if big else 300) + prose).encode(), ".html"
    if pick < 0.14:
        return ("<p><b><i><table><tr><td>" + prose + "<a href='" + "x" * 5000).encode(), ".html"
    if pick < 0.2:
        lines = "".join(f"key{i}: {'value ' * rng.randint(1, 20)}\n" for i in range(8_000 if big else 50))
        return f"---\n{lines}---\n\n{prose}\n".encode(), ".md"
    if pick < 0.26:
        rows = "".join(f"| {prose[:30]} | {i} | {i * 10} |\n" for i in range(3_000 if big else 40))
        return f"# Results\n\n| Team | Won | Lost |\n|---|---|---|\n{rows}\n{prose}\n".encode(), ".md"
    if pick < 0.32:
        # One long line without a line end, of prose or of one short word.
        unit = rng.choice((prose, "a ", "Mr. ", "x.", "said.It "))
        return (unit * ((300_000 if big else 3_000) // len(unit))).encode(), None
    if pick < 0.4:
        # UTF-16 with a lone surrogate: an input error, never a crash.
        text = prose + "\ud800" + prose
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass"), None
    if pick < 0.45:
        return (prose + "\ud83d" + prose).encode("utf-8", "surrogatepass"), None  # a lone surrogate in UTF-8
    pieces = [rng.choice(HOSTILE) if rng.random() < 0.5 else prose for _ in range(rng.randint(1, 60))]
    return "".join(pieces).encode("utf-8", "surrogatepass"), None


def make_case(rng: random.Random, index: int) -> Case:
    suffix = rng.choice(SUFFIXES)
    roll = rng.random()
    if roll < 0.15:
        kind, data = "random-bytes", random_bytes(rng)
    elif roll < 0.65:
        kind, data = "mutated-article", mutated_article(rng)
    else:
        kind = "edge-case"
        data, forced = edge_case_article(rng)
        suffix = forced or suffix
    if rng.random() < 0.1 and not data.startswith(codecs.BOM_UTF16_LE):
        data = codecs.BOM_UTF8 + data
    if rng.random() < 0.15:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return Case(f"{index:07d}{suffix}", kind, data, rng.choice(MODES))


# ---------------------------------------------------------------- properties

_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"\n]{3,80})[\u201d\"]")
_OUTERMOST = re.compile(r"[\u201c\"](.{3,}?)[\u201d\"](?=[;:.,]? |[;:.,]?$)")
_REACH = 300
_TAG = re.compile(r"<[^<>\n]*>|&#?\w+;")
_NOT_WORD = re.compile(r"[\W_]+")


def _words(text: str, *, markup: bool = False) -> str:
    """Letters and digits only, and without the markup unless asked: a message quotes the text
    as read (tags dropped), or the raw line of a page saved as text."""
    return _NOT_WORD.sub("", text if markup else _TAG.sub("", text)).lower()


def position_problem(text: str, finding: Finding, lines: list[str] | None = None) -> str | None:
    """Whether the finding's line:column range lies in the text and holds what its message
    quotes (the lines are split here from the text alone, not by newslint's own tables)."""
    lines = text.split("\n") if lines is None else lines
    line, column, end_line, end_column = finding.start.line, finding.start.column, finding.end.line, finding.end.column
    where = f"{finding.rule} at {line}:{column}-{end_line}:{end_column}"
    if not (1 <= line <= end_line <= len(lines)) or column < 1 or end_column < 1:
        return f"{where}: outside the file's {len(lines)} lines"
    if column > len(lines[line - 1]) + 1 or end_column > len(lines[end_line - 1]) + 1:
        return f"{where}: past the end of its line"
    if (line, column) > (end_line, end_column):
        return f"{where}: ends before it starts"
    # The quotations (a mark to the next), and the whole from the first mark to the last: a
    # quoted line may hold quotation marks of its own.  One too short to be telling is not judged.
    inner = [q for q in _QUOTED.findall(finding.message) if len(_words(q)) >= 3]
    if not inner:
        return None
    quotations = inner + _OUTERMOST.findall(finding.message)
    quoted = [form for q in quotations for form in (_words(q), _words(q, markup=True)) if len(form) >= 3]
    # The span's own text, and its lines within a reach of it (a long line is cut).
    spanned = lines[line - 1:end_line]
    if line == end_line:
        own = spanned[0][column - 1:end_column - 1]
    else:
        own = "\n".join([spanned[0][column - 1:], *spanned[1:-1], spanned[-1][:end_column - 1]])
    spanned[-1] = spanned[-1][:end_column + _REACH]
    spanned[0] = spanned[0][max(0, column - 1 - _REACH):]
    arounds = (_words("\n".join(spanned)), _words("\n".join(spanned), markup=True))
    own_words = _words(own)
    if any(q in around or around in q for q in quoted for around in arounds) or (
        len(own_words) >= 3 and any(own_words in q for q in quoted)
    ) or any(_in_order(q, _words(own, markup=True)) for q in quoted):
        return None
    # A quotation found nowhere else in the file (a suggestion, the rule's own words), or short
    # enough to be there by chance, says nothing about the position.
    misplaced = [q for q in quoted if len(q) >= 12 and q in _words(text)]
    return f"{where}: quotes {misplaced[0]!r}, not on its lines" if misplaced else None


def _in_order(letters: str, text: str) -> bool:
    """Whether the letters stand in the text in order, whatever is between them (markup that
    no pattern here can strip, in a damaged page)."""
    rest = iter(text)
    return all(letter in rest for letter in letters)


def changed_lines_problem(old: str, new: str, findings: list[Finding]) -> str | None:
    """Whether a fix changed a line that no finding (or its fix) of the same check covers: every
    run of uncovered lines of the old text must be in the new text, in order, as it was."""
    covered: set[int] = set()
    for finding in findings:
        covered.update(range(finding.start.line, finding.end.line + 1))
        if finding.fix is not None:
            covered.update(range(finding.fix.start.line, finding.fix.end.line + 1))
    position = 0
    for first, run in _uncovered_runs(old.split("\n"), covered):
        found = new.find(run, position)
        if found == -1:
            return f"line(s) {first}-{first + run.count(chr(10))}, which no finding covers, changed"
        position = found + len(run)
    return None


def _uncovered_runs(lines: list[str], covered: set[int]):
    """(first line number, text) of each run of lines outside `covered`."""
    run: list[str] = []
    for number, line in enumerate(lines, 1):
        if number in covered:
            if run:
                yield number - len(run), "\n".join(run)
            run = []
        else:
            run.append(line)
    if run:
        yield len(lines) + 1 - len(run), "\n".join(run)


def settled_fix(session: Session, result) -> tuple[str | None, str | None]:
    """What `--fix` should make of a checked file, pass by pass as it works, and the first fix
    property a pass breaks.  Every pass's changes must lie on its own findings' lines, and the
    last pass must change nothing: `--fix` twice is `--fix` once."""
    current = result
    for _ in range(MAX_FIX_PASSES):
        fix_plan = plan(current)
        if fix_plan is None or fix_plan.new == fix_plan.old:
            return (None if current is result else current.source), None
        problem = changed_lines_problem(fix_plan.old, fix_plan.new, current.findings)
        if problem:
            return None, problem
        current = session.check_text(result.path, fix_plan.new, bom=result.bom)
    return None, f"still changing after {MAX_FIX_PASSES} passes"


def _invoke(args: list[str]) -> str | None:
    """Run the command line in this process; what went wrong, if anything."""
    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"{type(result.exception).__name__}: {result.exception}"
    if result.exit_code not in (0, 1, 2):
        return f"exit code {result.exit_code}"
    for line in result.output.splitlines():  # standard output and error, as the user sees them
        if any(mark in line for mark in ("Traceback", "internal error", "time budget")):
            return line
    return None


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def check_batch(seed: int, first: int, count: int) -> BatchReport:
    rng = random.Random(seed * 1_000_003 + first)
    report = BatchReport()
    cases = [make_case(rng, first + i) for i in range(count)]
    session = Session()
    session.check_text("warm-up.txt", "The council met on Tuesday.\n")  # rules load before any timing
    with tempfile.TemporaryDirectory(prefix="newslint-fuzz-") as tmp:
        root = Path(tmp)
        expected: dict[str, bytes] = {}  # what --fix must write, by file
        for case in cases:
            report.tried[case.kind] += 1
            path = root / case.name
            path.write_bytes(case.data)
            os.chmod(path, case.mode)
            # Each file timed on its own: a hang shows as one slow file, not a slow batch.
            started = time.perf_counter()
            result = session.check_file(path)
            per_100kb = (time.perf_counter() - started) / max(1.0, len(case.data) / 100_000)
            report.slowest = max(report.slowest, (per_100kb, len(case.data)))
            if per_100kb > SECONDS_PER_100KB:
                report.failures.append(("hang", f"{per_100kb:.2f} s per 100 KB", case))
            if result.error is not None:
                if "internal error" in result.error.reason or "time budget" in result.error.reason:
                    report.failures.append(("crash", result.error.reason, case))
                continue
            report.findings += len(result.findings)
            lines = result.source.split("\n")
            problem = next(filter(None, (position_problem(result.source, f, lines) for f in result.findings)), None)
            if problem:
                report.failures.append(("position", problem, case))
            fixed, problem = settled_fix(session, result)
            if problem:
                report.failures.append(("fix", problem, case))
                expected[case.name] = None  # what --fix writes is not judged again
            elif fixed is not None:
                expected[case.name] = encode(fixed, result.bom)
        # The command line writes the same fixes, and keeps each file's mode, BOM and line ends.
        crash = _invoke(["check", "--fix", "--format", "json", str(root)])
        if crash:
            report.failures += _blame(root, cases, crash)
        for case in cases:
            path = root / case.name
            written, wanted = path.read_bytes(), expected.get(case.name, case.data)
            problem = None
            if wanted is None:
                continue
            if written != wanted:
                problem = "--fix wrote other text than its fixes" if case.name in expected else "--fix changed a file with nothing to fix"
            elif _mode(path) != case.mode:
                problem = f"--fix changed the mode {case.mode:o} to {_mode(path):o}"
            elif written != case.data:
                report.fixed_files += 1
                if _line_ends(case.data) in ("crlf", "lf") and _line_ends(written) not in (_line_ends(case.data), "none"):
                    problem = f"--fix turned {_line_ends(case.data)} line ends into {_line_ends(written)}"
                elif written.startswith(codecs.BOM_UTF8) != case.data.startswith(codecs.BOM_UTF8):
                    problem = "--fix added or dropped the BOM"
            if problem:
                report.failures.append(("fix", problem, case))
    return report


def _line_ends(data: bytes) -> str:
    crlf = data.count(b"\r\n")
    lf = data.count(b"\n") - crlf
    return "crlf" if crlf and not lf else "lf" if lf and not crlf else "mixed" if crlf else "none"


def _blame(root: Path, cases: list[Case], crash: str) -> list[tuple[str, str, Case]]:
    """The inputs that make `--fix` crash on their own."""
    found = []
    for case in cases:
        path = root / f"alone-{case.name}"
        path.write_bytes(case.data)
        alone = _invoke(["check", "--fix", "--format", "json", str(path)])
        path.unlink()
        if alone:
            found.append(("crash", alone, case))
    return found or [("crash", f"{crash} (the batch, no single input)", cases[0])]


# ---------------------------------------------------------------- the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"), help="folder for failing inputs")
    args = parser.parse_args()

    started = time.perf_counter()
    total = BatchReport()
    batches = [(first, min(args.batch, args.inputs - first)) for first in range(0, args.inputs, args.batch)]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        futures = [pool.submit(check_batch, args.seed, first, count) for first, count in batches]
        for done, future in enumerate(futures, 1):
            try:
                report = future.result(timeout=600)
            except FutureTimeout:
                first, count = batches[done - 1]
                print(f"hang: batch of inputs {first}..{first + count - 1} over 600 s", file=sys.stderr)
                total.failures.append(("hang", "batch over 600 s", Case(f"batch-{first}", "batch", b"")))
                continue
            total.tried.update(report.tried)
            total.failures += report.failures
            for prop, detail, case in report.failures:  # as they come: a long run is watched
                print(f"{prop}: {case.name} ({case.kind}): {detail}", flush=True)
            total.slowest = max(total.slowest, report.slowest)
            total.findings += report.findings
            total.fixed_files += report.fixed_files
            if done % 25 == 0 or done == len(futures):
                elapsed = time.perf_counter() - started
                tried = sum(total.tried.values())
                print(f"{tried:>8,d} inputs  {tried / elapsed:6.0f}/s  failures {len(total.failures)}", flush=True)

    if total.failures:
        if args.failures.exists():
            shutil.rmtree(args.failures)
        args.failures.mkdir(parents=True)
        for number, (prop, detail, case) in enumerate(total.failures):
            (args.failures / f"{number:04d}-{prop}-{case.name}").write_bytes(case.data)
    counts = Counter(prop for prop, _, _ in total.failures)
    elapsed = time.perf_counter() - started
    print()
    print(f"inputs tried      {sum(total.tried.values()):,d}  ({', '.join(f'{k} {v:,d}' for k, v in sorted(total.tried.items()))})")
    print(f"findings          {total.findings:,d}; files changed by --fix {total.fixed_files:,d}")
    print(f"slowest file      {total.slowest[0]:.3f} s per 100 KB ({total.slowest[1]:,d} bytes)")
    for prop, label in (("crash", "crashes"), ("hang", "hangs"), ("position", "wrong positions"), ("fix", "fix failures")):
        print(f"{label:17s} {counts[prop]}")
    print(f"wall time         {elapsed:.0f} s with {args.workers} workers")
    sys.exit(1 if total.failures else 0)


if __name__ == "__main__":
    main()
