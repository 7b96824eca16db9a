"""inline-chrome: page chrome glued inside a line of prose, reported as a span of its own.

Scraped copy keeps chrome inside paragraphs: "... he said. ALSO READ: Other headline", "Follow
@handle for more", "A post shared by <account> on <date>", "(HT Photo)", "Click here to ...".
A rule of this kind lists marker patterns; each match that stands after other text on its line
is a finding on the marker alone, and its fix deletes that span and the spaces before it, never
the prose around it.  With `to-line-end`, the marker runs to the end of its line: the headline a
teaser names ends where its line (the paragraph) does.  A marker that opens its line is left to
the rules that judge whole lines.

`after` says what must stand before a marker: "sentence" (a sentence has just ended: "said.
ALSO READ") or "any".  `max-words` bounds what `to-line-end` may take: past it the headline's
end is a guess, and the marker is reported with no fix.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..pack_cache import cached, entry_name
from ..patterns import compile_pattern, first_characters
from . import Kind, RuleError, string_list

# What ends a sentence before a marker: a stop, with closing quotes or brackets after it.
_SENTENCE_BEFORE = compile_pattern(r"""[.!?…]['"\u2019\u201d)\]]*+\s*+$""")
_WORDS = compile_pattern(r"\w+")


class InlineChrome(Kind):
    name = "inline-chrome"
    placeholders = frozenset({"match"})
    params = {
        "patterns": (list, []),
        "case-sensitive": (bool, True),
        "after": (str, "sentence"),
        "to-line-end": (bool, False),
        "max-words": (int, 25),
        "last-line": (bool, True),
    }

    def prepare(self) -> None:
        patterns = string_list(self.patterns, "'patterns'")
        if not patterns:
            raise RuleError("'patterns' must list at least one regular expression")
        if self.after not in ("sentence", "any"):
            raise RuleError("'after' must be 'sentence' or 'any'")
        flags = 0 if self.case_sensitive else re.IGNORECASE
        try:
            markers = "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"
            # Parsing the markers for their first letters costs more than checking an article:
            # the answer is kept between runs, beside the packs.
            first = cached(entry_name("first-characters", markers), (markers, flags), lambda: first_characters(markers, flags))
            # The look-behind keeps a marker from starting inside a word; the lookahead of the
            # markers' first letters lets the engine pass over most of the text at one test a
            # character (the look-behind and the alternatives are tried only where one stands).
            ahead = f"(?=[{''.join(re.escape(c) for c in first)}])" if first else ""
            self.regex = compile_pattern(f"{ahead}(?<!\\w){markers}", flags)
        except re.error as exc:
            raise RuleError(f"invalid regular expression in 'patterns': {exc}") from None
        self.fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        source = text.text
        last_line = max((shape.line.number for shape in text.line_shapes), default=0)
        for match in self.regex.finditer(source):
            start, end = match.span()
            if start == end:
                continue
            line = text.line_at(start)
            before = source[line.start:start]
            if not before.strip():
                continue  # the marker opens its line: a line rule's business
            if self.after == "sentence" and not _SENTENCE_BEFORE.search(before):
                continue
            if not self.last_line and line.number == last_line:
                continue  # an agency's sign-off closing the article ("... said. (PTI)")
            if end > line.end:
                end = line.end
            fixable = True
            if self.to_line_end:
                rest = source[end:line.end]
                if len(_WORDS.findall(rest)) > self.max_words:
                    fixable = False  # where the other story's headline ends is a guess
                else:
                    end = line.end - (len(rest) - len(rest.rstrip()))
            # Delete the marker and the spaces before it: "said. ALSO READ: X" -> "said."
            cut = start - (len(before) - len(before.rstrip()))
            edit = Edit(cut, end, "", safe=True) if fixable else None
            yield Hit(start, end, self.format(match=source[start:end]), edit)
