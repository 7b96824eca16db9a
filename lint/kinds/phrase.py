"""phrase: a list of literal phrases, compiled into one pattern and matched in a single pass.

`match` says where a phrase counts: the whole line ("line", e.g. a widget heading "Most
Popular" standing alone), the start of a short line ("line-start", e.g. "Read more: ..."),
or anywhere between word boundaries ("anywhere").  `separator = true` asks that a
line-start phrase be followed by a colon, bar or dash, or end the line.  `fix = "delete-line"` offers deleting
the line, which is safe only for whole-line chrome.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from . import Kind, RuleError, string_list

# What may surround a phrase on a line of its own: bullets, dashes, pipes, brackets, quotes.
_EDGE = r"[\s\-\u2013\u2014|•·*»«>#:\[\](){}\"'\u201c\u201d\u2018\u2019.!?,;…]*"


def phrase_regex(phrase: str) -> str:
    """A phrase as a pattern: spaces match any run of spaces, apostrophes either form."""
    parts = []
    for token in phrase.split():
        escaped = re.escape(token).replace("'", "['\u2019]").replace("\u2019", "['\u2019]")
        parts.append(escaped)
    return r"\s+".join(parts)


class Phrase(Kind):
    name = "phrase"
    params = {
        "phrases": (list, []),
        "match": (str, "line"),
        "fix": (str, "none"),
        "case-sensitive": (bool, False),
        "max-words": (int, 12),
        "blocks": (list, []),
        "separator": (bool, False),
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
        # Longest first, so that "Most Popular Stories" wins over "Most Popular".
        body = "|".join(phrase_regex(p) for p in sorted(set(phrases), key=len, reverse=True))
        flags = re.MULTILINE | (0 if self.case_sensitive else re.IGNORECASE)
        if self.match == "line":
            pattern = rf"^{_EDGE}(?P<phrase>{body}){_EDGE}$"
        elif self.match == "line-start":
            # With `separator`, the phrase must end the line or be followed by ':', '|', '»' or a dash,
            # so that "Read more: ..." is chrome but "Read more than 40 pages ..." is not.
            tail = r"(?=\s*(?:$|[:|»>\-\u2013\u2014]))" if self.separator else r"(?!\w)"
            pattern = rf"^{_EDGE}(?P<phrase>{body}){tail}"
        else:
            pattern = rf"(?<!\w)(?P<phrase>{body})(?!\w)"
        self.regex = re.compile(pattern, flags)
        self.block_kinds = set(string_list(self.blocks, "'blocks'"))

    def check(self, text: Analysis) -> Iterable[Hit]:
        for match in self.regex.finditer(text.text):
            start, end = match.span("phrase")
            if self.block_kinds:
                block = text.doc.block_at(start)
                if block is None or block.kind not in self.block_kinds:
                    continue
            line = text.line_at(start)
            if self.match == "line-start" and len(text.line_text(line).split()) > self.max_words:
                continue
            edit = None
            if self.fix == "delete-line":
                edit_start, edit_end = text.line_edit_span(line)
                edit = Edit(edit_start, edit_end, "")
            yield Hit(start, end, self.format(match=match.group("phrase"), line=text.line_text(line).strip()), edit)
