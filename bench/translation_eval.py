#!/usr/bin/env python3
"""Bilingual translation QA on professionally annotated machine translations (MQM).

Checks every system's translation of every document of ../shared/corpus/mqm against its Chinese
source (source-docs/, paragraph-aligned) and compares the bilingual findings (figure, date and
name mismatches, untranslated segments, missing and extra paragraphs) with the errors
translators marked (errors.tsv):

- recall on marked lines whose error involves a figure, a date or a name: a figure is a digit
  or a number word in the marked span (Chinese numerals too, for a span marked on the source),
  a date a month name or a date-format mark, a name a capitalised or Latin-script word or a
  name-format mark.  "accuracy" counts the errors of meaning and convention (mistranslation,
  omission, addition, untranslated text, date, name and currency format), "short" those of them
  whose span is little more than the figure, date or name (three words of the target, twelve
  characters of the source), and "any" every category, style and punctuation marks on a span
  that merely holds a figure included; the RESULT line's recall is the "short" one;
- flags on unmarked lines: lines no translator marked at all that got a bilingual finding, and
  lines with no accuracy or locale mark (style and fluency marks only) that got one;
- precision on the judged set (bench/judged/bilingual/, the format of bench/judged/README.md):
  every bilingual finding read and judged right or wrong; new findings are listed as unjudged
  (--emit-unjudged FILE writes them out, ready for a verdict).

Documents are split in two by name (--split dev|held|all) so that what was tuned on one half can
be read on the other.  --show N prints N caught and N missed lines of each group, and N flags on
unmarked lines.

Usage: python bench/translation_eval.py [--corpus DIR] [--split all] [--show 5]
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.runner import CliSettings, Session  # noqa: E402
from precision import Key, read_judged  # noqa: E402  (the judged set's format and reader)

JUDGED = ROOT / "bench" / "judged" / "bilingual"
MATCH_CHARS = 60

BILINGUAL = frozenset({
    "translation/figure-mismatch", "translation/date-mismatch", "translation/name-mismatch", "translation/count-in-figures",
    "translation/untranslated-segment", "translation/missing-paragraph", "translation/extra-paragraph",
})
ACCURACY = ("Accuracy/Mistranslation", "Accuracy/Omission", "Accuracy/Addition", "Accuracy/Source language fragment",
            "Locale convention/", "Non-translation!", "Terminology/Inconsistent")
_MONTH = r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
_NUMBER_WORD = r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|percent|dozen)\b"
FIGURE = re.compile(rf"[0-9０-９]|{_NUMBER_WORD}", re.IGNORECASE)
# In a Chinese span: digits, a written-out numeral of two characters or more, or one with its
# measure word (一家, 四类); 一 of an idiom (一目了然) is no figure.
SOURCE_FIGURE = re.compile(r"[0-9０-９]|[零〇一二两三四五六七八九十百千万亿]{2,}|[一二两三四五六七八九十][个家类名人位次年月日万亿千百种项条]")
DATE = re.compile(rf"{_MONTH}|[0-9]+\s*[月日号]|\b\d{{4}}-\d{{2}}-\d{{2}}\b")
NAME = re.compile(r"(?<![\w])[A-Z][a-z]+|[A-Z]{2,}|[a-z]+[A-Z]\w*")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def involves(category: str, span: str, side: str) -> set[str]:
    kinds = set()
    if (FIGURE if side == "target" else SOURCE_FIGURE).search(span):
        kinds.add("figure")
    if DATE.search(span) or category == "Locale convention/Date format":
        kinds.add("date")
    if category == "Locale convention/Name format" or (side == "target" and NAME.search(span)) or (
            side == "source" and re.search(r"[A-Za-z]{2,}", span)):
        kinds.add("name")
    return kinds


def short(span: str, side: str) -> bool:
    """A span that is little more than the figure, date or name: the error is about it."""
    return len(span.split()) <= 3 if side == "target" else len(span.strip()) <= 12


def category_counts(category: str, span: str, side: str) -> bool:
    """Whether the mark counts among the figure or date errors of the RESULT line."""
    return category.startswith(ACCURACY) and short(span, side) and bool({"figure", "date"} & involves(category, span, side))


def in_split(doc: str, split: str) -> bool:
    if split == "all":
        return True
    return (zlib.crc32(doc.encode()) % 2 == 0) == (split == "dev")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "mqm")
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--emit-unjudged", type=Path, help="write the bilingual findings nobody has judged, in the judged format")
    parser.add_argument("--with-monolingual", action="store_true",
                        help="count the translation and numbers rules that need no source too (what a user sees)")
    args = parser.parse_args()
    corpus = args.corpus
    if not (corpus / "errors.tsv").is_file():
        sys.exit(f"no MQM corpus at {corpus}")
    # (system, doc) -> line -> [(category, span, side)]
    marks: dict[tuple[str, str], dict[int, list]] = defaultdict(lambda: defaultdict(list))
    lines_by_doc: dict[tuple[str, str], list[str]] = {}
    for row in open(corpus / "errors.tsv", encoding="utf-8"):
        cols = row.rstrip("\n").split("\t")
        if len(cols) < 9 or cols[0] == "system":
            continue
        system, doc = cols[0], cols[1].split(":")[0]
        path = corpus / "mt-docs" / system / f"{doc}.txt"
        if not path.is_file() or not in_split(doc, args.split):
            continue
        key = (system, doc)
        if key not in lines_by_doc:
            lines_by_doc[key] = path.read_text(encoding="utf-8").split("\n")
        segment = norm(re.sub(r"</?v>", "", cols[8]))
        for number, line in enumerate(lines_by_doc[key], 1):
            if norm(line) == segment:
                marks[key][number].append((cols[4], cols[7], cols[6]))
                break
    session = Session(CliSettings(select=tuple(sorted(BILINGUAL | ({"translation", "numbers"} if args.with_monolingual else set())))))
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # figure or date errors, short spans
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (group, kind) -> [caught, marked]
    examples: dict[tuple[str, str, bool], list[str]] = defaultdict(list)
    unmarked = unmarked_flagged = findings_count = 0
    accurate = accurate_flagged = 0  # lines with no accuracy or locale mark (style and fluency marks allowed)
    by_rule: dict[str, int] = defaultdict(int)
    false_alarms: list[str] = []
    judged = {j.key: j for j in read_judged(JUDGED)} if JUDGED.is_dir() else {}
    verdicts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # rule -> [right, wrong, unjudged]
    wrong_still: list[str] = []
    unjudged: list[str] = []
    for system_dir in sorted((corpus / "mt-docs").iterdir()):
        for target in sorted(system_dir.glob("*.txt")):
            doc = target.stem
            if not in_split(doc, args.split):
                continue
            source = corpus / "source-docs" / f"{doc}.zh.txt"
            if not source.is_file():
                continue
            key = (system_dir.name, doc)
            text = target.read_text(encoding="utf-8")
            result = session.check_text(str(target), text, source=source)
            flagged: dict[int, list[str]] = defaultdict(list)
            bilingual_lines = {f.start.line for f in result.findings if f.rule in BILINGUAL}
            relative = f"corpus/mqm/mt-docs/{system_dir.name}/{target.name}"
            for finding in result.findings:
                if finding.rule not in BILINGUAL:
                    continue
                match = " ".join(text[finding.source_start:finding.source_end].replace("\t", " ").split())[:MATCH_CHARS]
                judgment = judged.get(Key(relative, finding.start.line, finding.rule, match))
                if judgment is None:
                    verdicts[finding.rule][2] += 1
                    unjudged.append(f"{relative}\t{finding.start.line}\t{finding.rule}\t{match}\t\t# {finding.message}")
                else:
                    verdicts[finding.rule][0 if judgment.verdict == "right" else 1] += 1
                    if judgment.verdict == "wrong":
                        wrong_still.append(f"{relative}:{finding.start.line} {finding.rule}: {judgment.reason}")
            for finding in result.findings:
                flagged[finding.start.line].append(f"{finding.rule}: {finding.message}")
                by_rule[finding.rule] += 1
                findings_count += 1
            lines = text.split("\n")
            marked = marks.get(key, {})
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                if not any(c.startswith(ACCURACY) for c, _, _ in marked.get(number, ())):
                    accurate += 1
                    if number in bilingual_lines:
                        accurate_flagged += 1
                        false_alarms.append(f"{key[0]}/{doc}:{number} (style or fluency marks only): {flagged[number][0]}")
                if number not in marked:
                    unmarked += 1
                    if number in bilingual_lines:
                        unmarked_flagged += 1
                        false_alarms.append(f"{key[0]}/{doc}:{number}: {flagged[number][0]}")
                    continue
                for category in {c for c, sp, sd in marked[number] if category_counts(c, sp, sd)}:
                    by_category[category][0] += number in flagged
                    by_category[category][1] += 1
                for group in ("short", "accuracy", "any"):
                    kinds = set()
                    for category, span, side in marked[number]:
                        if group == "any" or category.startswith(ACCURACY) and (group == "accuracy" or short(span, side)):
                            kinds |= involves(category, span, side)
                    for kind in kinds:
                        totals[(group, kind)][1] += 1
                        caught = number in flagged
                        totals[(group, kind)][0] += caught
                        if group == "short":
                            spans = "; ".join(f"{c} «{s}» ({side})" for c, s, side in marked[number] if kind in involves(c, s, side))
                            shown = flagged[number][0] if caught else line[:160]
                            examples[(kind, "caught" if caught else "missed", caught)].append(f"{key[0]}/{doc}:{number}: {spans}\n      {shown}")
    print(f"{'error involves':16} {'group':9} {'flagged':>8} {'marked':>7} {'recall':>7}")
    for (group, kind), (caught, total) in sorted(totals.items()):
        print(f"{kind:16} {group:9} {caught:8d} {total:7d} {caught / max(total, 1):7.1%}")
    print(f"\n{'judged set (bench/judged/bilingual)':40} {'right':>6} {'wrong':>6} {'unjudged':>9} {'precision':>10}")
    for rule, (right, wrong, new) in sorted(verdicts.items()):
        print(f"{rule:40} {right:6d} {wrong:6d} {new:9d} {right / max(right + wrong, 1):10.1%}")
    for line in wrong_still:
        print(f"  judged wrong, still fires: {line}")
    if args.emit_unjudged:
        args.emit_unjudged.write_text("\n".join(unjudged) + "\n", encoding="utf-8")
        print(f"wrote {len(unjudged)} unjudged findings to {args.emit_unjudged}")
    print(f"\n{'figure or date errors (short spans) by category':52} {'flagged':>8} {'marked':>7}")
    for category, (caught, total) in sorted(by_category.items(), key=lambda kv: -kv[1][1]):
        print(f"{category:52} {caught:8d} {total:7d}")
    fd = [totals[("short", k)] for k in ("figure", "date")]
    print(f"findings: {findings_count} " + ", ".join(f"{rule.split('/')[1]} {n}" for rule, n in sorted(by_rule.items())))
    print(f"unmarked lines with a bilingual finding: {unmarked_flagged} of {unmarked}"
          + (" (recall above counts the monolingual translation and numbers rules too)" if args.with_monolingual else ""))
    print(f"lines with no accuracy or locale mark with a bilingual finding: {accurate_flagged} of {accurate}")
    lines_fd = sum(t[1] for t in fd)
    print(f"RESULT split={args.split} figure_or_date_recall={sum(t[0] for t in fd) / max(lines_fd, 1):.3f} "
          f"unmarked_flag_rate={unmarked_flagged / max(unmarked, 1):.3f}")
    if args.show:
        for (kind, what, _), items in sorted(examples.items()):
            print(f"\n== {kind} {what} ({len(items)})")
            for item in items[:args.show]:
                print("  " + item)
        print(f"\n== flags on lines with no accuracy or locale mark ({len(false_alarms)})")
        for item in false_alarms[:args.show]:
            print("  " + item)


if __name__ == "__main__":
    main()
