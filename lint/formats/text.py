"""Plain text: one block per line, except lines that plainly continue the previous one."""
from __future__ import annotations

import re

from ..document import HEADLINE, PARAGRAPH, Document, DocumentBuilder

_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)\]…]\s*$")
_LIST_MARK = re.compile(r"\s*(?:[-*•▪●·]|\d{1,2}[.)])\s")
HEADLINE_MAX_CHARS = 250


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous one stops mid-sentence and this one starts lower-case."""
    stripped = line.lstrip()
    return (
        bool(previous)
        and stripped[:1].islower()
        and not _ENDS_SENTENCE.search(previous)
        and not _LIST_MARK.match(line)
    )


def read_text(path: str, source: str) -> Document:
    builder = DocumentBuilder(path, source, "text")
    builder.add(source, 0)
    text = "".join(builder.parts)
    spans: list[list[int]] = []
    previous = ""
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        if not line.strip():
            previous = ""
        elif spans and _continues(previous, line):
            spans[-1][1] = end
            previous = line
        else:
            spans.append([offset, end])
            previous = line
        offset = end + 1
    for index, (start, end) in enumerate(spans):
        headline = index == 0 and len(spans) > 1 and end - start <= HEADLINE_MAX_CHARS
        builder.add_block(HEADLINE if headline else PARAGRAPH, start, end)
    return builder.build()
