"""`--since REV`: which lines of which files changed since a git revision.

For pull requests: only findings on lines the change touched are reported.  The comparison is
with the merge base of REV and HEAD (what a pull request shows), against the working tree, so
staged and unstaged edits count; files git does not track yet count as changed throughout.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class VcsError(Exception):
    """git cannot answer; str(exc) says why in one line."""


@dataclass(frozen=True)
class Changes:
    root: Path  # the repository's top folder
    lines: dict[str, frozenset[int]]  # repository-relative posix path -> changed line numbers (new side)
    untracked: frozenset[str]

    def touches(self, shown: str, first_line: int, last_line: int) -> bool:
        """Whether lines first_line..last_line of the file shown as `shown` changed."""
        if shown == "-":
            return True  # standard input without --stdin-filename: nothing to compare with
        try:
            relative = Path(shown).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return False  # outside the repository: not part of the change
        if relative in self.untracked:
            return True
        changed = self.lines.get(relative)
        return bool(changed) and any(line in changed for line in range(first_line, last_line + 1))

    def changed_findings(self, result):
        """`result` (a FileResult) with only the findings on changed lines."""
        if not result.findings:
            return result
        kept = [f for f in result.findings if self.touches(result.path, f.start.line, f.end.line)]
        return replace(result, findings=kept)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise VcsError("--since needs git, and git is not installed") from None


def _unquote(path: str) -> str:
    """git's C-style quoting of unusual file names ("a\\tb", "caf\\303\\251")."""
    if not (len(path) >= 2 and path.startswith('"') and path.endswith('"')):
        return path
    out = bytearray()
    body = path[1:-1]
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567" and i + 3 < len(body):
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(char.encode("utf-8"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def parse_diff(diff: str) -> dict[str, frozenset[int]]:
    """Changed lines per file, from `git diff --unified=0` with the a/ and b/ prefixes."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    in_header = False  # between "diff --git" and the first hunk: an added line "++ x" is not a header
    for line in diff.split("\n"):
        if line.startswith("diff --git "):
            in_header, current = True, None
        elif in_header and line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\t"))
            if name == "/dev/null":
                current = None  # a deleted file
            else:
                current = changed.setdefault(name[2:] if name.startswith("b/") else name, set())
        elif line.startswith("@@"):
            in_header = False
            match = _HUNK.match(line) if current is not None else None
            if match:
                start, count = int(match.group(1)), int(match.group(2) or "1")
                # count 0: lines were only removed; nothing on the new side changed.
                current.update(range(start, start + count))
    return {name: frozenset(lines) for name, lines in changed.items()}


def changes_since(rev: str, cwd: Path | None = None) -> Changes:
    cwd = cwd or Path.cwd()
    if rev.startswith("-"):
        raise VcsError(f"--since: {rev!r} is not a revision")
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise VcsError(f"--since needs a git repository, and {cwd} is not in one")
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip()).resolve()
    commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    if commit.returncode != 0:
        raise VcsError(f"--since: unknown revision {rev!r} in {root} (in CI, fetch enough history: fetch-depth 0)")
    base = commit.stdout.decode().strip()
    merge_base = _git(["merge-base", base, "HEAD"], root)
    if merge_base.returncode == 0 and merge_base.stdout.strip():
        base = merge_base.stdout.decode().strip()
    diff = _git(
        ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0",
         "--src-prefix=a/", "--dst-prefix=b/", base, "--"],
        root,
    )
    if diff.returncode != 0:
        raise VcsError(f"--since: git diff failed: {diff.stderr.decode('utf-8', 'replace').strip()}")
    others = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    untracked = frozenset(
        name for name in others.stdout.decode("utf-8", "surrogateescape").split("\0") if name
    ) if others.returncode == 0 else frozenset()
    return Changes(root, parse_diff(diff.stdout.decode("utf-8", "surrogateescape")), untracked)
