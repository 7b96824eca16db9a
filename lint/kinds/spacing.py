"""space-before: a space before a colon, semicolon, question or exclamation mark, a comma, a full
stop or a possessive "'s" ("Washington/Moscow :", "the Senate ,", "Senate ’s").

French typography and some source languages space these marks; English does not.  The fix
deletes the space.  A colon between figures ("3 : 1", "10 : 30") is a score or a time, an
ellipsis (" ...") and emoticons (":)") never match, and an article that is not English copy
(French, with its own rules) is left alone.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..patterns import compile_pattern
from . import Kind, RuleError

# Spaces, then a mark: the pattern begins with a literal space, which the engine skips to fast;
# what stands before the spaces and after the mark is checked by hand on the few hits.  A match
# starts only at a run's first space (a hit needs a word before it): tried from every space of a
# long run, the run would be scanned again each time.
_SPACED_MARK = compile_pattern(r"(?<! ) +(?P<mark>[:;?!,.'\u2019])")
_OTHER_SPACES = compile_pattern(r"(?<![ \u00a0\u202f])[\u00a0\u202f][ \u00a0\u202f]*(?P<mark>[:;?!,.'\u2019])")
_LAST_WORD = compile_pattern(r"\S*$")


def _after_word(char: str) -> bool:
    """A letter, or a closing bracket or quotation mark: what a mark may follow."""
    return char.isalpha() or char in ")]\u201d\u2019\"'"


class SpaceBefore(Kind):
    name = "space-before"
    placeholders = frozenset({"fixed", "found", "mark"})
    params = {"marks": (str, ":;?!,.")}
    fixable = True

    def prepare(self) -> None:
        self.marks_set = set(self.marks.replace("'", "'\u2019"))
        if not self.marks_set or not self.marks_set <= set(":;?!,.'\u2019"):
            raise RuleError("'marks' must list some of : ; ? ! , . and ' (for a possessive 's)")

    def check(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        matches = list(_SPACED_MARK.finditer(body))
        if "\u00a0" in body or "\u202f" in body:
            matches += _OTHER_SPACES.finditer(body)
        found = [m for m in matches if self._misplaced(body, m)]
        if not found or not text.is_english:
            return
        for match in found:
            start, end = match.start(), match.start("mark")
            mark_end = end + 2 if body[end] in "'\u2019" else end + 1
            word_start = _LAST_WORD.search(body, max(0, start - 30), start).start()
            shown = body[word_start:mark_end]
            yield Hit(start, mark_end, self.format(mark=body[end:mark_end], found=shown, fixed=body[word_start:start] + body[end:mark_end]),
                      Edit(start, end, "", safe=True))

    def _misplaced(self, body: str, match: re.Match) -> bool:
        start, mark_at = match.start(), match.start("mark")
        mark = body[mark_at]
        if mark not in self.marks_set or start == 0 or not _after_word(body[start - 1]):
            return False
        after = body[mark_at + 1:mark_at + 3]
        if mark in "'\u2019":  # a possessive: "Senate 's"
            return after[:1] == "s" and not after[1:2].isalnum()
        if mark == "." and after == " .":
            return False  # a spaced ellipsis, ". . .", a style of its own
        return not after[:1] or after[:1].isspace()
