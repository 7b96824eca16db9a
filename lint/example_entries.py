"""A rule's examples as its pack writes them: a string, or a table that states what it expects.

    examples.fire = [
        "He met «Zelenksy» on Monday.",                      # the finding marks exactly «…»
        { text = "He met Zelenksy.", message = "Zelensky", fix = "Zelensky" },
    ]

`message` must occur in the finding's message and `fix` is the fix's replacement; a table may
also name its `formats`, and for a bilingual rule the `source` the text translates.  Read when a pack is loaded (a malformed example is a pack error);
running them is lint.examples', which a check never imports.
"""
from __future__ import annotations

from typing import Any, NamedTuple

SPAN_OPEN, SPAN_CLOSE = "\u00ab", "\u00bb"
FORMATS = ("text", "markdown", "html")


class ExampleError(ValueError):
    """An example entry that cannot be read; the message says why."""


class Example(NamedTuple):
    text: str  # what is checked, span marks removed
    fires: bool
    span: str | None = None  # the text the finding must mark
    message: str | None = None  # a part of the finding's message
    fix: str | None = None  # the fix's replacement
    formats: tuple[str, ...] = FORMATS
    source: str | None = None  # the text it translates, for the bilingual rules (paragraphs apart by blank lines)


def parse_example(item: Any, fires: bool) -> Example:
    if isinstance(item, str):
        return _with_span(Example(item, fires)) if fires else Example(item, fires)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ExampleError("an example is a string or a table with a 'text' string")
    unknown = set(item) - {"text", "message", "fix", "formats", "source"}
    if unknown:
        raise ExampleError(f"unknown key {sorted(unknown)[0]!r} in an example (known: text, message, fix, formats, source)")
    for key in ("message", "fix", "source"):
        if key in item and not isinstance(item[key], str):
            raise ExampleError(f"an example's {key!r} must be a string")
    formats = item.get("formats", list(FORMATS))
    if not isinstance(formats, list) or not formats or any(f not in FORMATS for f in formats):
        raise ExampleError(f"an example's 'formats' must list some of {', '.join(FORMATS)}")
    example = Example(item["text"], fires, None, item.get("message"), item.get("fix"), tuple(formats), item.get("source"))
    return _with_span(example) if fires else example


def _with_span(example: Example) -> Example:
    text = example.text
    opened, closed = text.find(SPAN_OPEN), text.find(SPAN_CLOSE)
    if opened == -1 or closed < opened or text.count(SPAN_OPEN) != 1 or text.count(SPAN_CLOSE) != 1:
        return example
    span = text[opened + 1:closed]
    plain = text[:opened] + span + text[closed + 1:]
    return Example(plain, True, span, example.message, example.fix, example.formats, example.source)
