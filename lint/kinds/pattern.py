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
