"""The edit behind "disable this rule here": a `newslint-disable-next-line` comment.

Only Markdown and HTML can carry a comment; plain text cannot, so it gets no such edit.
The comment must not change what the article renders to:

- In HTML a comment on its own line above the finding's line is invisible.
- In Markdown a comment line between two lines of a paragraph (or list item) would split
  it in two, so there the comment goes at the end of the line above, as inline HTML, which
  suppresses the next line all the same.  Above a paragraph's first line (or the file's),
  it goes on a line of its own.
- A `newslint-disable-next-line` comment already ending the line above gets the rule added.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

COMMENT_FORMATS = ("markdown", "html")
_EXISTING = re.compile(
    r"<!--\s*newslint-disable-next-line(?P<rules>(?:[\s,]+[a-z]+(?:/[a-z0-9-]+)?)+)(?:\s+--.*?)?\s*-->\s*$"
)
# Lines after which a Markdown comment line starts a new block anyway: headings, fences,
# thematic breaks, HTML blocks, setext underlines.
_MARKDOWN_BLOCK_END = re.compile(r"\s{0,3}(?:#{1,6}(?:\s|$)|```|~~~|<|(?:[-*_=]\s*){3,}$)")


@dataclass(frozen=True)
class TextChange:
    """Replace text[start:end] with `text` (offsets in code points)."""

    start: int
    end: int
    text: str


def _line_bounds(source: str, line: int) -> tuple[int, int] | None:
    """Start and end (line end excluded) of 1-based line `line`, lines ended by "\\n"."""
    start = 0
    for _ in range(line - 1):
        start = source.find("\n", start) + 1
        if start == 0:
            return None
    end = source.find("\n", start)
    end = len(source) if end == -1 else end
    if end > start and source[end - 1] == "\r":
        end -= 1
    return start, end


def disable_next_line(source: str, line: int, rule: str, fmt: str) -> TextChange | None:
    """The change that suppresses `rule` on 1-based `line` of `source`; None for plain text."""
    if fmt not in COMMENT_FORMATS:
        return None
    bounds = _line_bounds(source, line)
    if bounds is None:
        return None
    line_start, line_end = bounds
    previous = _line_bounds(source, line - 1) if line > 1 else None
    above = source[previous[0]:previous[1]] if previous else ""
    existing = _EXISTING.search(above)
    if existing is not None:
        return TextChange(previous[0] + existing.end("rules"), previous[0] + existing.end("rules"), f", {rule}")
    comment = f"<!-- newslint-disable-next-line {rule} -->"
    if fmt == "markdown" and above.strip() and not _MARKDOWN_BLOCK_END.match(above):
        # Before any trailing spaces, which make a hard line break in Markdown.
        at = previous[0] + len(above.rstrip())
        return TextChange(at, at, f" {comment}")
    if fmt == "html" and source.rfind("<", 0, line_start) > source.rfind(">", 0, line_start):
        return None  # the line continues a tag: no comment can go between its attributes
    indent = re.match(r"[ \t]*", source[line_start:line_end]).group()
    newline = "\r\n" if source.startswith("\r\n", line_end) else "\n"
    return TextChange(line_start, line_start, f"{indent}{comment}{newline}")
