"""`--fix` and `--diff`: apply the fixes rules attach to findings.

Every fix is safe or unsafe (Fix.safe, as in ruff): `--fix` applies the safe ones, and
`--unsafe-fixes` adds the judgements (a name rewritten, a unit converted, a structural guess).

Fixes are source-offset replacements (Finding.fix).  A fix may touch only the source lines its
finding is on and the blank lines around them: one that reaches further, across markup the
reader skipped (a comment, a code block), is refused rather than trusted.  Overlapping
deletions are merged (deleting both is deleting their union), and a fix inside deleted text is
done by the deletion; where other fixes overlap, the earlier one is applied and the later one
skipped, and the next run, on the fixed text, gets it.  Files are replaced atomically (a
temporary file in the same folder, then os.replace) with their mode, BOM and line endings kept,
and never when the file changed on disk while it was checked.
"""
from __future__ import annotations

import codecs
import difflib
import glob
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .document import SourceLines
from .findings import Finding


class FileChanged(Exception):
    """The file on disk is no longer the one that was checked; str(exc) says so."""


class ReadOnlyFile(FileChanged):
    """The file's mode forbids writing it; str(exc) names it."""


@dataclass(frozen=True)
class FixPlan:
    """What fixing one file does."""

    path: str
    old: str
    new: str
    fixed: tuple[Finding, ...]  # findings whose fix is applied
    skipped: tuple[Finding, ...]  # fixable findings left for the next run (their fix overlaps another)
    refused: tuple[Finding, ...] = ()  # fixes that reach beyond their finding's lines
    held_back: int = 0  # unsafe fixes not applied because unsafe fixes were not asked for


def applicable(finding: Finding, unsafe: bool = False) -> bool:
    """Whether the finding's fix is applied: safe ones always, unsafe ones only when asked for."""
    return finding.fix is not None and (unsafe or finding.fix.safe)


def applicability(finding: Finding) -> str:
    """"safe" or "unsafe", as JSON, SARIF, the diff and the editors show it."""
    return "safe" if finding.fix is not None and finding.fix.safe else "unsafe"


def choose(findings: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
    """The fixes to apply now (no two overlapping; the same edit twice counts once) and the skipped ones."""
    chosen: list[Finding] = []
    skipped: list[Finding] = []
    last_start, last_end, last_edit = -1, -1, None
    for finding in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.fix.source_start, f.fix.source_end)):
        fix = finding.fix
        edit = (fix.source_start, fix.source_end, fix.replacement)
        if edit == last_edit:
            chosen.append(finding)  # two rules asking for the same edit: it is made once
        elif last_edit is not None and not last_edit[2] and fix.source_end <= last_end and fix.source_start >= last_start:
            chosen.append(finding)  # inside text a deletion removes: deleting it fixes this too
        elif fix.source_start <= last_end and not fix.replacement and last_edit is not None and not last_edit[2]:
            chosen.append(finding)  # two deletions that touch: their union is deleted
            last_end = max(last_end, fix.source_end)
            last_edit = (last_start, last_end, "")
        elif fix.source_start < last_end or fix.source_start == last_start:
            skipped.append(finding)
        else:
            chosen.append(finding)
            last_start, last_end, last_edit = fix.source_start, fix.source_end, edit
    return chosen, skipped


def apply_fixes(source: str, findings: Sequence[Finding], newline: str = "\n") -> str:
    """`source` with the fixes of `findings` (already free of overlaps) applied."""
    parts = []
    position = 0
    applied = set()
    opens_line = False  # the last fix applied deleted text from the start of its line
    for finding in sorted(findings, key=lambda f: (f.fix.source_start, f.fix.source_end)):
        fix = finding.fix
        edit = (fix.source_start, fix.source_end, fix.replacement)
        if edit in applied:
            continue
        applied.add(edit)
        if fix.source_start < position:
            # Within or touching a deletion before it (see choose): delete what it adds to that one.
            position = max(position, fix.source_end)
            continue
        if opens_line and fix.source_start == fix.source_end == position and _adds_a_space(fix):
            continue  # a space put back after what a deletion took from the line's start: nothing to space from
        opens_line = not fix.replacement and fix.source_start == _line_start(source, fix.source_start)
        parts.append(source[position:fix.source_start])
        replacement = fix.replacement
        if newline != "\n" and "\n" in replacement:
            # A replacement is written with "\n"; the file keeps its own line ends.
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        parts.append(replacement)
        position = fix.source_end
    parts.append(source[position:])
    return "".join(parts)


def _adds_a_space(fix) -> bool:
    return bool(fix.replacement) and fix.replacement.isspace() and "\n" not in fix.replacement


def _line_start(source: str, offset: int) -> int:
    return source.rfind("\n", 0, offset) + 1


def plan(result, *, unsafe: bool = False) -> FixPlan | None:
    """How to fix one FileResult (unsafe fixes too with `unsafe`); None when it has nothing to fix."""
    if result.error is not None or not any(f.fix is not None for f in result.findings):
        return None
    lines = SourceLines(result.source)
    fixable = [f for f in result.findings if applicable(f, unsafe)]
    held_back = sum(1 for f in result.findings if f.fix is not None and not applicable(f, unsafe))
    refused = [f for f in fixable if not within_own_lines(f, lines)]
    chosen, skipped = choose([f for f in fixable if f not in refused])
    newline = "\r\n" if "\r\n" in result.source else "\n"
    new = apply_fixes(result.source, chosen, newline)
    return FixPlan(result.path, result.source, new, tuple(chosen), tuple(skipped), tuple(refused), held_back)


MAX_FIX_PASSES = 10  # as ruff does: fix, check again, fix what the first fixes uncovered


def settled_plan(result, recheck: Callable[[str], object], *, unsafe: bool = False) -> FixPlan | None:
    """Fix, check the fixed text again (`recheck(text)` -> a result) and fix again, until a pass
    changes nothing (at most MAX_FIX_PASSES): fixes that overlapped, or that the first fixes
    made due, are done in one run, so that a second `--fix` changes nothing."""
    first = plan(result, unsafe=unsafe)
    if first is None or first.new == first.old:
        return first
    current = first
    for _ in range(MAX_FIX_PASSES - 1):
        again = plan(recheck(current.new), unsafe=unsafe)
        if again is None or again.new == again.old:
            break
        current = FixPlan(first.path, first.old, again.new, current.fixed + again.fixed, again.skipped,
                          current.refused + again.refused, again.held_back)
    return current


def within_own_lines(finding: Finding, lines: SourceLines) -> bool:
    """Whether the fix stays on the finding's lines and the blank lines around them, from the line
    end before them (a deleted last line takes the line end before it)."""
    first, last = finding.start.line, finding.end.line
    while first > 1 and not lines.line_text(first - 1).strip():
        first -= 1
    while last < len(lines) and not lines.line_text(last + 1).strip():
        last += 1
    start, _ = lines.line_span(first)
    _, end = lines.line_span(last)
    if start:
        start -= 2 if lines.source[start - 2:start] == "\r\n" else 1
    return start <= finding.fix.source_start and finding.fix.source_end <= end


def summary(plans: Sequence[FixPlan], verb: str) -> str:
    """`fixed 3 problems in 2 files` and what was left, for standard error."""
    count = sum(len(p.fixed) for p in plans if p.new != p.old)
    files = sum(1 for p in plans if p.new != p.old)
    text = f"{verb} {count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"
    skipped = sum(len(p.skipped) for p in plans)
    refused = sum(len(p.refused) for p in plans)
    if skipped:
        text += f"; {skipped} more overlap another fix: run again"
    if refused:
        text += f"; {refused} fix{'es' * (refused != 1)} not applied: {'they reach' if refused != 1 else 'it reaches'} beyond the finding's lines"
    held_back = sum(p.held_back for p in plans)
    if held_back:
        text += f"; {held_back} more fixable with --unsafe-fixes"
    return text


def unified_diff(fix_plan: FixPlan) -> str:
    lines = difflib.unified_diff(
        fix_plan.old.splitlines(keepends=True),
        fix_plan.new.splitlines(keepends=True),
        fromfile=f"a/{fix_plan.path}",
        tofile=f"b/{fix_plan.path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def encode(text: str, bom: bool) -> bytes:
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def write_fixed(path: Path, fix_plan: FixPlan, *, bom: bool, stamp: tuple[int, int] | None) -> None:
    """Replace `path` with the fixed text, unless it changed on disk since it was read."""
    target = Path(os.path.realpath(path))  # a symbolic link keeps pointing at the fixed file
    expected = encode(fix_plan.old, bom)

    def unchanged() -> os.stat_result:
        try:
            now = target.stat()
            same = stamp is not None and (now.st_mtime_ns, now.st_size) == stamp and target.read_bytes() == expected
        except OSError:
            same = False
        if not same:
            raise FileChanged(f"{fix_plan.path}: changed on disk while it was being checked; not fixed (run again)")
        return now

    mode = stat.S_IMODE(unchanged().st_mode)
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        # Replacing the file would succeed in a writable folder (even as root): the mode says no.
        raise ReadOnlyFile(f"{fix_plan.path}: read-only file (mode {mode:o}); not fixed")
    _remove_stale_temporaries(target)
    temporary = None
    try:
        # The fixed text gets a name only once it is complete, just before it replaces the file:
        # a run killed meanwhile leaves nothing behind.
        temporary = _complete_temporary(target, encode(fix_plan.new, bom), mode, unchanged)
        os.replace(temporary, target)
    except BaseException:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        raise


_TEMPORARY_SUFFIX = ".newslint"
_AT_FDCWD, _AT_SYMLINK_FOLLOW = -100, 0x400


def _complete_temporary(target: Path, data: bytes, mode: int, check: Callable[[], object]) -> str:
    """A file beside `target` holding `data` (written, synced, with `mode`), named only after
    `check()` has passed.  Linux writes it unnamed (O_TMPFILE) and links it in at the end; elsewhere
    it is a named temporary file, which a later run removes if a kill left it."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and os.path.isdir("/proc/self/fd"):
        try:
            handle = os.open(target.parent, flag | os.O_WRONLY, mode)
        except OSError:
            handle = None  # a file system without unnamed files
        if handle is not None:
            try:
                _write_all(handle, data, mode)
                check()
                name = str(target.parent / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{_TEMPORARY_SUFFIX}")
                if _link_unnamed(handle, name):
                    return name
            finally:
                os.close(handle)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=_TEMPORARY_SUFFIX)
    try:
        _write_all(handle, data, mode)
    finally:
        os.close(handle)
    check()
    return name


def _write_all(handle: int, data: bytes, mode: int) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]
    os.fsync(handle)
    os.fchmod(handle, mode)


def _link_unnamed(handle: int, name: str) -> bool:
    """Give an O_TMPFILE file a name (linkat through /proc, which os.link cannot do)."""
    import ctypes

    try:
        linkat = ctypes.CDLL(None, use_errno=True).linkat
    except (OSError, AttributeError):
        return False
    return linkat(_AT_FDCWD, f"/proc/self/fd/{handle}".encode(), _AT_FDCWD, os.fsencode(name), _AT_SYMLINK_FOLLOW) == 0


def _remove_stale_temporaries(target: Path) -> None:
    """Named temporaries of this file that a killed run left (the fallback of _complete_temporary)."""
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*{_TEMPORARY_SUFFIX}"):
        try:
            if leftover.stat().st_mtime < time.time() - _STALE_SECONDS:
                leftover.unlink()
        except OSError:
            pass


_STALE_SECONDS = 60  # older than any run's write: left by a run that was killed


def checked_roots(named: list[str]) -> tuple[Path, ...]:
    """The trees a run may write into: each folder named, and the folder of each file named."""
    roots = []
    for raw in named:
        path = Path(raw)
        roots.append(Path(os.path.realpath(path if path.is_dir() else path.parent)))
    return tuple(roots)


def leaves_tree(path: Path, roots: tuple[Path, ...]) -> bool:
    """Whether the file `path` resolves to (through symbolic links) lies outside every checked tree."""
    target = Path(os.path.realpath(path))
    return not any(target.is_relative_to(root) for root in roots)
