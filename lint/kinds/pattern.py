"""pattern: regular expressions, for house rules that a phrase list cannot express.

The pattern may name a group `flag` to mark only part of the match; `replacement` (with
\\g<name> references) turns the rule's finding into a fix.

A team's own pack is input newslint did not write: its patterns are compiled with RE2
(google-re2), whose matching time is linear in the text whatever the pattern, so that
`(a+)+$` cannot hang a run.  RE2 has no backreferences and no lookaround; a pattern that needs
them is a pack error.  The packs shipped with newslint are audited for linear patterns and keep
Python's engine, whose lookbehind some of them use.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..patterns import compile_pattern
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
        body = "|".join(f"(?:{p})" for p in patterns)
        if self.builtin:
            flags = re.MULTILINE | (0 if self.case_sensitive else re.IGNORECASE)
            try:
                self.regex = compile_pattern(body, flags)
            except re.error as exc:
                raise RuleError(f"invalid regular expression in 'patterns': {exc}") from None
        else:
            self.regex = _linear_time(body, self.case_sensitive)
        # By number: RE2's match objects take group numbers only.
        self.flag_group = self.regex.groupindex.get("flag")
        if self.replacement:
            _check_template(self.replacement, self.regex)
        self.fixable = bool(self.replacement)

    def check(self, text: Analysis) -> Iterable[Hit]:
        for match in self.regex.finditer(text.text):
            flag = self.flag_group
            span = match.span(flag) if flag is not None and match.group(flag) is not None else match.span()
            if span[0] == span[1] or (self.skip_quotations and text.in_quotation(span[0])):
                continue
            edit = None
            if self.replacement:
                edit = Edit(match.start(), match.end(), match.expand(self.replacement))
            yield Hit(span[0], span[1], self.format(match=match.group()), edit)


def _linear_time(body: str, case_sensitive: bool):
    """`body` compiled with RE2 (imported here: only a team's pattern rule needs it)."""
    try:
        import re2
    except ImportError:
        raise RuleError("pattern rules of a team's pack need google-re2 (pip install google-re2)") from None
    options = re2.Options()
    options.log_errors = False  # the pack error below says it, once
    try:
        return re2.compile(("(?m)" if case_sensitive else "(?mi)") + body, options)
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise RuleError(
            f"'patterns': {detail}: a pack's patterns run on RE2, in time linear in the text, "
            "which has no backreferences and no lookaround"
        ) from None


def _check_template(replacement: str, regex) -> None:
    """Refuse at load time a replacement naming a group the patterns lack (else every matching
    file would fail with an internal error): parse it as re.sub would."""
    from re import _parser  # the parser re.sub uses for templates: the same errors, found early

    try:
        _parser.parse_template(replacement, regex)
    except (re.error, IndexError) as exc:
        raise RuleError(f"invalid 'replacement' {replacement!r}: {exc}") from None
