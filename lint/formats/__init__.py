"""One reader per input format; each turns source text into a Document."""
from __future__ import annotations

import re
from pathlib import PurePath

from ..document import Document
from ..patterns import compile_pattern

FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
}
BITEXT_FORMATS = ("xliff", "tmx")  # XML files of segments (lint.formats.bitext)


def format_for(path: str, default: str = "text") -> str:
    return FORMAT_BY_SUFFIX.get(PurePath(path).suffix.lower(), default)


_HTML_TAG = compile_pattern(r"<(?:!doctype\s+html|html|head|body|article|main|section|p|div|h[1-6]|br|span|a\s)[\s>/]", re.IGNORECASE)
_MARKDOWN = compile_pattern(
    r"^(?:#{1,6}[ \t]+\S|>[ \t]|```|~~~|(?:[-*+]|\d{1,9}[.)])[ \t]+\S.*\n(?:[-*+]|\d{1,9}[.)])[ \t]+\S)"
    r"|\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)|\*\*[^*\n]{1,200}\*\*",
    re.MULTILINE,
)
_SNIFF_CHARS = 8192


def sniff_format(source: str) -> str:
    """The format of text that comes with no file name (standard input): Markdown when it opens
    with front matter or uses Markdown's marks (headings, links, emphasis, fenced code, quotes,
    lists), HTML when it holds HTML tags, plain text otherwise."""
    from .markdown import front_matter_end

    head = source[:_SNIFF_CHARS]
    if front_matter_end(head):
        return "markdown"
    if _HTML_TAG.search(head):
        return "html"
    if _MARKDOWN.search(head):
        return "markdown"
    return "text"


def read_document(path: str, source: str, fmt: str | None = None, *, bom: bool = False) -> Document:
    fmt = fmt or format_for(path)
    if fmt in BITEXT_FORMATS:  # bilingual files: the target text, its source beside it
        from .bitext import read_bitext

        doc = read_bitext(path, source, fmt)
    else:
        if fmt == "markdown":
            from .markdown import read_markdown as reader
        elif fmt == "html":
            from .html import read_html as reader
        else:
            from .text import read_text as reader
        doc = reader(path, source)
    doc.bom = bom
    doc.newline = "\r\n" if "\r\n" in source else "\n"
    return doc
