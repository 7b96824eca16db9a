"""Rule selections checked against the rules actually loaded, so that a typo never switches a check off.

`select`, `ignore`, `extend-select` and `[severity]` name rule ids (`names/variant`), families
(`names`) or `ALL`.  A name that matches no loaded rule (built-in or from a team's own pack) would
silently select or ignore nothing; `unknown_selection` reports it with the nearest known name.
The command line, the configuration, the language server and the HTTP API all call it.
"""
from __future__ import annotations

import difflib
from typing import Iterable


def known_names(rule_ids: Iterable[str]) -> set[str]:
    """Every name a selection may use: the rule ids, their families and ALL."""
    ids = set(rule_ids)
    return ids | {rule_id.split("/", 1)[0] for rule_id in ids} | {"ALL"}


def unknown_selection(patterns: Iterable[str], rule_ids: Iterable[str]) -> str | None:
    """A one-line problem for the first pattern that names no loaded rule or family, else None.

    The message says which name is unknown and the nearest known one ("did you mean 'chrome'?").
    """
    known = known_names(rule_ids)
    for pattern in patterns:
        if pattern in known:
            continue
        close = difflib.get_close_matches(pattern, sorted(known), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else " (see `newslint rules`)"
        return f"unknown rule or family {pattern!r}{hint}"
    return None
