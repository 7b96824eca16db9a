"""LanguageTool's annotated text (the `data` parameter): markup to skip, text to check.

    {"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "bold"}, {"markup": "</b>"},
                    {"markup": "<p>", "interpretAs": "\\n\\n"}]}

Text parts are checked; markup is not, except as its `interpretAs` text.  Answers give
offsets in the original, markup included: the concatenation of every part as it was sent.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..document import SourceMap
from .errors import RequestError, check_unicode


@dataclass(frozen=True)
class AnnotatedText:
    original: str  # every part as the client sent it: answers count offsets in this
    checked: str  # the text parts, and markup as it is interpreted
    source_map: SourceMap  # checked offsets -> original offsets

    def to_original(self, offset: int, *, end: bool = False) -> int:
        return self.source_map.to_source(offset, end=end)

    def verbatim(self, start: int, end: int) -> bool:
        """Whether checked[start:end] is a copy of the original (no markup stands in it)."""
        source_map = self.source_map
        for text_start, text_len, source_len in zip(source_map.text_starts, source_map.text_lens, source_map.source_lens):
            if text_start <= start and end <= text_start + text_len:
                return text_len == source_len
        return not source_map.text_starts


def plain(text: str) -> AnnotatedText:
    """A text without markup: checked as it is, offsets unchanged."""
    return AnnotatedText(text, text, SourceMap())


def parse_annotated(raw: str) -> AnnotatedText:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RequestError(400, f"'data' is not valid JSON: {exc}") from None
    except RecursionError:
        raise RequestError(400, "'data' is nested too deeply") from None
    parts = data.get("annotation") if isinstance(data, dict) else None
    if not isinstance(parts, list):
        raise RequestError(400, "'data' must be an object with an 'annotation' list, e.g. {\"annotation\": [{\"text\": \"A \"}, {\"markup\": \"<b>\"}]}")
    original: list[str] = []
    checked: list[str] = []
    source_map = SourceMap()
    original_len = checked_len = 0
    for index, part in enumerate(parts):
        if not isinstance(part, dict) or ("text" in part) == ("markup" in part):
            raise RequestError(400, f"'data' annotation {index}: each part needs either 'text' or 'markup'")
        if "text" in part:
            text = part["text"]
            if not isinstance(text, str):
                raise RequestError(400, f"'data' annotation {index}: 'text' must be a string")
            if text:
                source_map.add(checked_len, len(text), original_len, len(text))
            original.append(text)
            checked.append(text)
            original_len += len(text)
            checked_len += len(text)
            continue
        markup, interpret_as = part["markup"], part.get("interpretAs", "")
        if not isinstance(markup, str) or not isinstance(interpret_as, str):
            raise RequestError(400, f"'data' annotation {index}: 'markup' and 'interpretAs' must be strings")
        if interpret_as:
            # Stands for the whole markup: a span over it maps to the markup's start or end.
            source_map.add(checked_len, len(interpret_as), original_len, len(markup))
            checked.append(interpret_as)
            checked_len += len(interpret_as)
        original.append(markup)
        original_len += len(markup)
    annotated = AnnotatedText("".join(original), "".join(checked), source_map)
    check_unicode(annotated.original, "'data'")
    return annotated
