"""pattern: regular expressions, for house rules that a phrase list cannot express.

The pattern may name a group `flag` to mark only part of the match; `replacement` (with
\\g<name> references) turns the rule's finding into a fix.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from . import Kind, RuleError, string_list


class Pattern(Kind):
    name = "pattern"
    placeholders = frozenset({"match"})
    params = {
        "patterns": (list, []),
        "case-sensitive": (bool, True),
        "replacement": (str, ""),
        "skip-quotations": (bool, False),
    }
    def prepare(self) -> None:
        patterns = string_list(self.patterns, "'patterns'")
        if not patterns:
            raise RuleError("'patterns' must list at least one regular expression")
        flags = re.MULTILINE | (0 if self.case_sensitive else re.IGNORECASE)
        try:
            self.regex = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        except re.error as exc:
            raise RuleError(f"invalid regular expression in 'patterns': {exc}") from None
        self.flag_group = "flag" in self.regex.groupindex
        if self.replacement:
            _check_template(self.replacement, self.regex)
        self.fixable = bool(self.replacement)

    def check(self, text: Analysis) -> Iterable[Hit]:
        for match in self.regex.finditer(text.text):
            span = match.span("flag") if self.flag_group and match.group("flag") is not None else match.span()
            if span[0] == span[1] or (self.skip_quotations and text.in_quotation(span[0])):
                continue
            edit = None
            if self.replacement:
                edit = Edit(match.start(), match.end(), match.expand(self.replacement))
            yield Hit(span[0], span[1], self.format(match=match.group()), edit)


def _check_template(replacement: str, regex: re.Pattern[str]) -> None:
    """Refuse at load time a replacement naming a group the patterns lack (else every matching
    file would fail with an internal error): parse it as re.sub would."""
    from re import _parser  # the parser re.sub uses for templates: the same errors, found early

    try:
        _parser.parse_template(replacement, regex)
    except (re.error, IndexError) as exc:
        raise RuleError(f"invalid 'replacement' {replacement!r}: {exc}") from None
