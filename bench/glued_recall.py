#!/usr/bin/env python3
"""Recall of the glued-sentence repair on edited copy with spaces taken out.

Takes the edited articles of ../shared/corpus/aeb-articles, removes the space after every Nth
sentence end (". The", "? It", ".\u201d He"), and counts how many of those joins lint.repair finds,
and how many joins it reports where no space was taken out (false alarms on the same copy).

Usage: python bench/glued_recall.py [--folder DIR] [--every N]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.formats import read_document  # noqa: E402

_BOUNDARY = re.compile(r"(?<=[a-z0-9][.!?])(?:[\"\u201d\u2019]?)( )(?=[A-Z][a-z])")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, default=ROOT.parent / "shared" / "corpus" / "aeb-articles")
    parser.add_argument("--every", type=int, default=3, help="glue every Nth sentence boundary")
    args = parser.parse_args()
    planted = found = false_alarms = 0
    for path in sorted(args.folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        baseline = {j.offset for j in read_document(path.name, text).joins}
        pieces, glued_at, last, removed = [], [], 0, 0
        for index, match in enumerate(_BOUNDARY.finditer(text)):
            if index % args.every:
                continue
            pieces.append(text[last:match.start(1)])
            last = match.end(1)
            removed += 1
            glued_at.append(match.start(1) - (removed - 1))
        pieces.append(text[last:])
        glued = "".join(pieces)
        joins = {j.offset for j in read_document(path.name, glued).joins}
        planted += len(glued_at)
        found += sum(1 for offset in glued_at if offset in joins or offset + 1 in joins or offset - 1 in joins)
        false_alarms += len(baseline)
    print(f"articles: {len(list(args.folder.glob('*.txt')))}")
    print(f"joins planted: {planted}, found: {found} (recall {found / planted:.1%})")
    print(f"joins reported in the untouched copy: {false_alarms}")


if __name__ == "__main__":
    main()
