"""The [translation] configuration: which source file each target translates, by pattern.

    [translation]
    "en/*.md" = "zh/*.txt"          # en/budget.md is checked against zh/budget.txt
    "wire/**/*.en.md" = "wire/**/*.hi.txt"

Each key is a target pattern relative to the configuration's folder; its value is the source's,
with the same wildcards in the same order, each standing for what it matched in the target.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WILDCARD = re.compile(r"\*\*/|\*\*|\*|\?")


def check_translation_table(value: Any) -> tuple[tuple[str, str], ...]:
    """Validate the table (TypeError says why): target pattern -> source pattern."""
    if not isinstance(value, dict):
        raise TypeError('must be a table of "target pattern" = "source pattern"')
    pairs = []
    for target, source in value.items():
        if not isinstance(source, str) or not source.strip():
            raise TypeError(f"{target!r}: the source pattern must be a non-empty string")
        if _WILDCARD.findall(target) != _WILDCARD.findall(source):
            raise TypeError(f"{target!r} = {source!r}: the source pattern needs the target's wildcards, in the same order")
        pairs.append((target, source))
    return tuple(pairs)


@lru_cache(maxsize=256)
def _target_regex(pattern: str) -> re.Pattern[str]:
    parts, at = [], 0
    for m in _WILDCARD.finditer(pattern):
        parts.append(re.escape(pattern[at:m.start()]))
        parts.append({"**/": "((?:[^/]+/)*)", "**": "(.*)", "*": "([^/]*)", "?": "([^/])"}[m.group()])
        at = m.end()
    parts.append(re.escape(pattern[at:]))
    return re.compile("".join(parts))


def source_for(pairs: tuple[tuple[str, str], ...], relative: str) -> str | None:
    """The source path (relative, as the pattern writes it) of a target path; None if no pattern matches."""
    for target, source in pairs:
        m = _target_regex(target).fullmatch(relative)
        if m is None:
            continue
        captured = iter(m.groups())
        return _WILDCARD.sub(lambda _: next(captured), source)
    return None
