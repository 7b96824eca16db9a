"""phrase: a list of literal phrases, compiled into one pattern and matched in a single pass.

`match` says where a phrase counts: the whole line ("line", e.g. a widget heading "Most
Popular" standing alone), the start of a short line ("line-start", e.g. "Read more: ..."),
or anywhere between word boundaries ("anywhere").  `separator = true` asks that a
line-start phrase be followed by a colon, bar or dash, or end the line; `requires-any` asks that
the rest of the line hold one of the listed words ("Sign up ... newsletter").  `fix = "delete-line"`
offers deleting the line, which is safe only for whole-line chrome.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import Analysis, LineShape
from ..findings import Hit
from ..patterns import compile_pattern, lazy_compile
from . import Kind, RuleError, string_list

_FIRST_WORD = compile_pattern(r"^\w+")
_LINE_FIRST_WORD = compile_pattern(r"[^\w\n]*(\w+)")
_WORDS = compile_pattern(r"\w+(?:[-'\u2019]\w+)*")
# What may surround a phrase on a line of its own: bullets, dashes, pipes, brackets, quotes.
_EDGE = r"[\s\-\u2013\u2014|•·*»«>#:\[\](){}\"'\u201c\u201d\u2018\u2019.!?,;…]*"


_EITHER_APOSTROPHE = str.maketrans({"'": "['\u2019]", "\u2019": "['\u2019]"})  # re.escape leaves both as they are


def phrase_regex(phrase: str) -> str:
    """A phrase as a pattern: spaces match any run of spaces, apostrophes either form."""
    # Spaces within the line: a phrase never spans two lines.
    return r"[^\S\n]+".join(re.escape(token).translate(_EITHER_APOSTROPHE) for token in phrase.split())


def _first_words(text: Analysis) -> list[tuple[LineShape, str]]:
    """Each non-blank line with its first word, worked out once for all phrase rules."""

    def compute() -> list[tuple[LineShape, str]]:
        source = text.text
        return [
            (shape, first.group(1) if (first := _LINE_FIRST_WORD.match(source, shape.start, shape.end)) else "")
            for shape in text.line_shapes
        ]

    return text.shared("phrase-first-words", compute)


class Phrase(Kind):
    name = "phrase"
    placeholders = frozenset({"line", "match"})
    params = {
        "phrases": (list, []),
        "match": (str, "line"),
        "fix": (str, "none"),
        "case-sensitive": (bool, False),
        "max-words": (int, 12),
        "blocks": (list, []),
        "separator": (bool, False),
        "requires-any": (list, []),
    }
    def prepare(self) -> None:
        phrases = string_list(self.phrases, "'phrases'")
        if not phrases:
            raise RuleError("'phrases' must list at least one phrase")
        if self.match not in ("line", "line-start", "anywhere"):
            raise RuleError("'match' must be 'line', 'line-start' or 'anywhere'")
        if self.fix not in ("none", "delete-line"):
            raise RuleError("'fix' must be 'none' or 'delete-line'")
        self.fixable = self.fix == "delete-line"
        # Longest first, so that "Most Popular Stories" wins over "Most Popular"; equals in text
        # order, so that the pattern is the same in every run (and its compiled program is reused).
        body = "|".join(phrase_regex(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
        flags = re.MULTILINE | (0 if self.case_sensitive else re.IGNORECASE)
        # Compiled on first use: most documents have no line a line phrase could match.  A line
        # pattern is only ever matched at the start of a line, never searched with.
        self.line_regex = self.regex = None
        if self.match == "line":
            self.line_regex = lazy_compile(rf"^{_EDGE}(?P<phrase>{body}){_EDGE}$", flags)
        elif self.match == "line-start":
            # With `separator`, the phrase must end the line or be followed by ':', '|', '»' or a dash,
            # so that "Read more: ..." is chrome but "Read more than 40 pages ..." is not.
            tail = r"(?=\s*(?:$|[:|»>\-\u2013\u2014]))" if self.separator else r"(?!\w)"
            self.line_regex = lazy_compile(rf"^{_EDGE}(?P<phrase>{body}){tail}", flags)
        else:
            self.regex = lazy_compile(rf"(?<!\w)(?P<phrase>{body})(?!\w)", flags)
        # A line can only hold a line phrase if it starts with one of the phrases' first words
        # and, for "line", has no more words than the longest phrase: both cheap to check.
        firsts = [_FIRST_WORD.match(p) for p in phrases]
        self.first_words = (
            None if not all(firsts) else {self._key(m.group()) for m in firsts if m is not None}
        )
        self.longest = max(len(_WORDS.findall(p)) for p in phrases)
        self.block_kinds = set(string_list(self.blocks, "'blocks'"))
        required = string_list(self.requires_any, "'requires-any'")
        self.required = (
            compile_pattern(r"(?<!\w)(?:" + "|".join(phrase_regex(w) for w in required) + r")(?!\w)", re.IGNORECASE)
            if required else None
        )

    def _key(self, word: str) -> str:
        return word if self.case_sensitive else word.lower()

    def _line_matches(self, text: Analysis) -> Iterable[re.Match[str]]:
        """Matches at the starts of lines, trying only the lines that could hold a phrase."""
        source, firsts = text.text, self.first_words
        whole_line = self.match == "line"
        for shape, first in _first_words(text):
            if whole_line and shape.words > self.longest:
                continue
            if firsts is not None and self._key(first) not in firsts:
                continue
            match = self.line_regex.match(source, shape.line.start)
            if match is not None:
                yield match

    def check(self, text: Analysis) -> Iterable[Hit]:
        matches = self.regex.finditer(text.text) if self.match == "anywhere" else self._line_matches(text)
        for match in matches:
            start, end = match.span("phrase")
            if self.block_kinds:
                block = text.doc.block_at(start)
                if block is None or block.kind not in self.block_kinds:
                    continue
            line = text.line_at(start)
            if self.match == "line-start" and len(text.line_text(line).split()) > self.max_words:
                continue
            if self.required is not None and not self.required.search(text.text, end, line.end):
                continue
            edit = None
            if self.fix == "delete-line":
                # A whole-line phrase is the line's own evidence: deleting it loses nothing of the
                # article.  A phrase found anywhere may stand in prose: deleting its line is a judgement.
                edit = text.delete_line(line, safe=self.match != "anywhere")
            yield Hit(start, end, self.format(match=match.group("phrase"), line=text.line_text(line).strip()), edit)
