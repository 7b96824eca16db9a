"""One reader per input format; each turns source text into a Document."""
from __future__ import annotations

from pathlib import PurePath

from ..document import Document

FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str, default: str = "text") -> str:
    return FORMAT_BY_SUFFIX.get(PurePath(path).suffix.lower(), default)


def read_document(path: str, source: str, fmt: str | None = None, *, bom: bool = False) -> Document:
    fmt = fmt or format_for(path)
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
