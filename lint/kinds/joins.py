"""join: sentences (or a heading and its paragraph) that scraping glued together.

The Document records each join (lint.repair); this kind reports those of one sort.  A lost
space is put back by a safe fix.  A lost paragraph break gets a fix only in plain text and
Markdown, where a blank line makes a paragraph, and an unsafe one: the heading may belong
elsewhere, or be chrome.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..repair import PARAGRAPH, SENTENCE
from . import Kind, RuleError

_SHOWN = 24  # characters of context each side in the message


class GluedText(Kind):
    name = "join"
    placeholders = frozenset({"detail", "joined", "shown"})
    params = {"join": (str, SENTENCE)}

    def prepare(self) -> None:
        if self.join not in (SENTENCE, PARAGRAPH):
            raise RuleError(f"'join' must be '{SENTENCE}' or '{PARAGRAPH}'")
        self.fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        for join in text.joins:
            if join.kind != self.join:
                continue
            # Mark the word before the join and the word after it: "controversy.Until".
            start = max(body.rfind(" ", 0, join.mark_start), body.rfind("\n", 0, join.mark_start)) + 1
            end = join.offset
            while end < len(body) and not body[end].isspace() and end - join.offset < _SHOWN:
                end += 1
            shown = f"{body[max(start, join.mark_start - _SHOWN):join.offset]}|{body[join.offset:end]}"
            stray = body[join.mark_start:join.offset].endswith("?") and body[join.mark_start] != "?"
            message = self.format(
                joined=body[start:end], shown=shown,
                detail=" (the “?” may stand for a lost quotation mark)" if stray else "",
            )
            yield Hit(start, end, message, self._edit(text, join.offset))

    def _edit(self, text: Analysis, offset: int) -> Edit | None:
        if self.join == SENTENCE:
            return Edit(offset, offset, " ", safe=True)
        if text.doc.format in ("text", "markdown"):
            return Edit(offset, offset, "\n\n")
        return None
