"""Audit every regular expression newslint compiles: does it run in linear time on hostile text?

    python bench/regex_audit.py [--short 1000] [--long 8000] [--all]

Collects the patterns of every module of the package and of every loaded rule, and times them
on runs of one piece of text ("....", "!!!!", "a a a", "A. A. ", ...) at two lengths, each
run ending in an odd character so that a pattern looking ahead to the run's end fails there:

  match   one match at the start, as a pattern anchored to a line is used: growth beyond
          linear here is backtracking (nested or overlapping quantifiers), wherever it is used;
  scan    a scan of the whole run (finditer), as a rule searches a document: growth beyond
          linear matters only where the code searches with it (search, finditer, findall, sub,
          split), which the audit reads from the module's source.

Linear time grows by long/short; a pattern growing by over three times that is suspect (a
quadratic one grows by its square, ×64 at the default lengths: far beyond the noise of a shared
machine).  Each time is the best of five; times under a millisecond are noise.
Exits 1 if any pattern is suspect.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import re
import sys
import time
from collections import deque
from dataclasses import dataclass

import lint
from lint.patterns import LazyPattern
from lint.runner import CliSettings, Session

RUNS = [".", "!", "?", "-", "|", "\u2014", "_", " ", "\t", "\n", "\n\n", "a", "A", "1", "a ", "A ", "Aa ", "A. ",
        "x.", "1,", "1.", "1 ", ",", "'", '"', "\u201c", "(", "<", "<a", "&", "#", "*", ":", "/", "@", "\u200b", "\u0301",
        "said. ", "Mr ", "the ", "Home > ", "lakh ", "10 ", "per cent ", "\u00c3\u00a9"]
TAILS = ["x", "!", ""]


# Patterns that backtrack on some runs, and the code that keeps what they are tried on short.
BOUNDED_BY_USE = {
    "lint.kinds.chrome_structure._TIMESTAMP": "tried only on lines of at most 600 characters and 14 words",
    "lint.kinds.chrome_structure._STAMP_ANCHOR": "tried only on lines of at most 600 characters and 14 words",
    "lint.kinds.chrome_structure._HAS_DATE": "tried only on lines of at most 600 characters",
    "lint.kinds.chrome_structure._BYLINE_EXTRAS": "tried only on lines of at most 600 characters and 16 words",
    "lint.kinds.figures._TOKEN_LEFT": "searched only in the 24 characters before a figure",
    "lint.kinds.figures._PERIOD_AFTER": "searched only in the 40 characters after a figure",
}


@dataclass
class Found:
    where: str  # module.NAME, or rule-id.attribute
    pattern: re.Pattern
    source: str  # the code that holds it, to see how it is used
    name: str


def patterns() -> list[Found]:
    """Every compiled pattern reachable from the package's modules and the loaded rules."""
    found: dict[tuple[str, int], Found] = {}

    def add(where: str, value, source: str, name: str) -> None:
        if isinstance(value, LazyPattern):
            value = value.compiled()
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found.setdefault((value.pattern, value.flags), Found(where, value, source, name))

    for module_info in pkgutil.walk_packages(lint.__path__, "lint."):
        if module_info.name == "lint.__main__":
            continue  # importing it runs the command line
        try:
            module = importlib.import_module(module_info.name)
        except ImportError:
            continue  # an optional extra (audit) that is not installed
        source = inspect.getsource(module)
        for name, value in vars(module).items():
            add(f"{module_info.name}.{name}", value, source, name)
            for item in value if isinstance(value, (tuple, list)) else ():
                for part in item if isinstance(item, tuple) else (item,):
                    add(f"{module_info.name}.{name}[]", part, source, "")
    session = Session(CliSettings(select=("ALL",)))
    for rule in session.linter(session.settings_for(None)).rules:
        source = inspect.getsource(inspect.getmodule(type(rule.checker)))
        for name, value in vars(rule.checker).items():
            add(f"{rule.id}.{name}", value, source, name)
    return list(found.values())


def searched(found: Found) -> bool:
    """Whether the code scans text with the pattern rather than matching it at one place (a
    pattern held in a list is taken to be searched)."""
    if not found.name:
        return True
    return re.search(rf"\b{re.escape(found.name)}\.(?:search|finditer|findall|sub|subn|split)\b", found.source) is not None \
        or re.search(rf"\b{re.escape(found.name)}\.(?:match|fullmatch)\b", found.source) is None


def best_of_five(run) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def growth(pattern: re.Pattern, short: int, long: int, scan: bool) -> tuple[float, str, float]:
    """The worst growth from short to long over the runs: (growth, run, seconds at long)."""
    worst = (0.0, "", 0.0)
    for run in RUNS:
        for tail in TAILS:
            def timed(n: int) -> float:
                text = run * (n // len(run)) + tail
                return best_of_five((lambda: deque(pattern.finditer(text), maxlen=0)) if scan else (lambda: pattern.match(text)))
            at_short = timed(short)
            # A pattern already slow on the short run is not waited for on the long one.
            at_long = at_short * (long / short) ** 2 if at_short > 0.05 else timed(long)
            if at_long >= 0.001 and at_long / max(at_short, 1e-6) > worst[0]:
                worst = (at_long / max(at_short, 1e-6), repr(run + "…" + tail), at_long)
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=1000)
    parser.add_argument("--long", type=int, default=8000)
    parser.add_argument("--all", action="store_true", help="print every pattern, not only the suspect ones")
    args = parser.parse_args()
    linear = args.long / args.short
    found = patterns()
    suspects = anchored = 0
    for item in sorted(found, key=lambda f: f.where):
        scan = searched(item)
        anchored += not scan
        checks = [("match", growth(item.pattern, args.short, args.long, scan=False))]
        if scan:
            checks.append(("scan", growth(item.pattern, args.short, args.long, scan=True)))
        for how, (times, run, seconds) in checks:
            slow = times > 3 * linear
            bounded = BOUNDED_BY_USE.get(item.where) if slow else None
            suspects += slow and not bounded
            if slow or args.all:
                verdict = "bounded" if bounded else "SUSPECT" if slow else "ok"
                print(f"{verdict:8s}{how:6s} ×{times:6.1f} ({seconds * 1000:7.1f} ms at {args.long:,d}, "
                      f"run {run})  {item.where}: {item.pattern.pattern[:80]!r}" + (f"  [{bounded}]" if bounded else ""))
    print(f"{len(found)} patterns audited ({anchored} matched at one place only); linear growth ×{linear:.0f}; suspect {suspects}")
    sys.exit(1 if suspects else 0)


if __name__ == "__main__":
    main()
