"""Time to check hostile inputs as they grow: each row should grow linearly in N.

    python bench/hostile_scaling.py [--sizes 1000,10000,100000] [--mb 1,2,5]

Runs of punctuation, digits and spaces on one line, N characters long; then documents of 1 to 5
MB made of one line without line ends (real prose with its line ends taken out) and of "a a a".
Every rule runs except those needing a LanguageTool server; times are wall-clock seconds of one
check (noisy on a shared machine), and each row ends with its time per unit of size relative to
its first column (1.0 throughout is linear).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from lint.runner import CliSettings, Session

CASES = {
    "N dots + letter": lambda n: "Mayor says " + "." * n + "x\n",
    'N "!"': lambda n: "Mayor says " + "!" * n + "x\n",
    'N "-"': lambda n: "-" * n + "x\n",
    'N "|"': lambda n: "|" * n + "x\n",
    'N "\u2014"': lambda n: "\u2014" * n + "x\n",
    "N digits + letter": lambda n: "1" * n + "x\n",
    "N spaces + letter": lambda n: "Mayor " + " " * n + "x\n",
}
PROSE = "The council said on Tuesday that 3,000 people had left the valley after the floods. "


def _prose() -> str:
    """Real copy where ../shared has it, with its line ends taken out."""
    seeds = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))] if seeds.is_dir() else []
    return " ".join(" ".join(texts).split()) + " " if texts else PROSE


MB_CASES = {
    "one line, no line end": lambda size: (_prose() * (size // len(_prose()) + 1))[:size],
    '"a a a ..."': lambda size: "a " * (size // 2),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--mb", default="1,2,5", help="sizes in MB of the long documents ('' for none)")
    parser.add_argument("--format", default="article.txt", help="file name whose suffix picks the format")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    session = Session(CliSettings(select=("ALL",), ignore=("grammar", "spelling", "style")))
    session.check_text(args.format, "The council met on Tuesday. " * 40)  # load rules and data first
    _table(session, args.format, CASES, sizes, lambda n: f"{n:,d}")
    if args.mb:
        megabytes = [int(mb) for mb in args.mb.split(",")]
        print()
        _table(session, args.format, MB_CASES, [mb * 1_000_000 for mb in megabytes], lambda n: f"{n // 1_000_000} MB")


def _table(session: Session, name: str, cases: dict, sizes: list[int], label) -> None:
    print(f"{'case':24s}" + "".join(f"{label(n):>12s}" for n in sizes) + "   per unit vs first")
    for case, make in cases.items():
        session.check_text(name, make(sizes[0]))  # what the case loads on first use is not timed
        row = []
        for n in sizes:
            text = make(n)
            started = time.perf_counter()
            session.check_text(name, text)
            row.append(time.perf_counter() - started)
        ratios = " ".join(f"{(t / n) / (row[0] / sizes[0]):.1f}" for t, n in zip(row, sizes))
        print(f"{case:24s}" + "".join(f"{t:11.3f}s" for t in row) + f"   {ratios}", flush=True)


if __name__ == "__main__":
    main()
