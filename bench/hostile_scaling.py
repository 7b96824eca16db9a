"""Time to check hostile inputs as they grow: each row should grow linearly in N.

    python bench/hostile_scaling.py [--sizes 1000,10000,100000]

Every rule runs except those needing a LanguageTool server; times are wall-clock seconds of one
check (noisy on a shared machine).
"""
from __future__ import annotations

import argparse
import time

from lint.runner import CliSettings, Session

CASES = {
    "N dots + letter": lambda n: "Mayor says " + "." * n + "x\n",
    'N "!"': lambda n: "Mayor says " + "!" * n + "x\n",
    'N "-"': lambda n: "-" * n + "x\n",
    'N "|"': lambda n: "|" * n + "x\n",
    'N "\u2014"': lambda n: "\u2014" * n + "x\n",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--format", default="article.txt", help="file name whose suffix picks the format")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    session = Session(CliSettings(select=("ALL",), ignore=("grammar", "spelling", "style")))
    session.check_text(args.format, "The council met on Tuesday. " * 40)  # load rules and data first
    print(f"{'case':20s}" + "".join(f"{n:>12,d}" for n in sizes))
    for name, make in CASES.items():
        row = []
        for n in sizes:
            started = time.perf_counter()
            session.check_text(args.format, make(n))
            row.append(time.perf_counter() - started)
        print(f"{name:20s}" + "".join(f"{t:11.3f}s" for t in row), flush=True)


if __name__ == "__main__":
    main()
