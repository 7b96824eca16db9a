"""What the markup readers (Markdown, HTML) share: block-level tags and the BlockWriter that
feeds a DocumentBuilder block by block."""
from __future__ import annotations

from html import unescape

from ..document import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, DocumentBuilder

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end the block before them and start a new one (text never runs across them).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header",
    "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}) | HEADINGS

def tag_kind(tag: str, closing: bool = False) -> str:
    """The block kind of text that follows a block-level tag, outside any context."""
    if closing:
        return PARAGRAPH
    if tag in HEADINGS:
        return HEADING
    if tag in ("figcaption", "caption"):
        return CAPTION
    if tag == "blockquote":
        return QUOTE
    if tag in ("li", "dt", "dd"):
        return LIST_ITEM
    return PARAGRAPH


def decode_reference(raw: str) -> str:
    """An entity or numeric character reference as the browser shows it (unknown ones stay)."""
    return unescape(raw)


class BlockWriter:
    """Feeds a DocumentBuilder block by block, for the markup readers.

    A block opens on its first text, so markup that yields no text leaves neither an empty block
    nor a stray separator; blocks are separated by a synthetic blank line.  White space is held
    back until more text follows in the same block: it is dropped at block edges (where a rule
    would see it at the start or end of a line), and two runs that dropped markup brought
    together ("a <b> c", "the `x` tool") become one space, mapped to the first of them.
    Other white space (a no-break space) is kept as written inside a block.
    """

    __slots__ = ("builder", "kind", "open", "_held")

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.kind = PARAGRAPH
        self.open = False  # the current block has text
        self._held: list[tuple[str, int, int | None]] = []  # white space waiting for text

    def block(self, kind: str) -> None:
        """End the current block; text from now on opens a new block of `kind`."""
        if self.open:
            self.builder.end_block()
            self.open = False
        self.kind = kind
        self._held.clear()

    def space(self, start: int, length: int) -> None:
        """Collapsible white space standing for source[start : start + length]."""
        held = self._held
        if self.open and not (held and held[-1][0] == " "):
            held.append((" ", start, length))

    def text(self, text: str, start: int, length: int | None = None) -> None:
        """Text, verbatim or (with `length`) standing for a source span of that length."""
        if text[0].isspace() or text[-1].isspace():
            # Only white space the readers do not collapse gets here (U+00A0, U+2009, ...).
            core = text.strip()
            if not core:
                if self.open:
                    self._held.append((text, start, length))
                return
            if length is None:
                lead = len(text) - len(text.lstrip())
                if lead and self.open:
                    self._held.append((text[:lead], start, None))
                self._emit(core, start + lead, None)
                tail = lead + len(core)
                if tail < len(text):
                    self._held.append((text[tail:], start + tail, None))
                return
        self._emit(text, start, length)

    def _emit(self, text: str, start: int, length: int | None) -> None:
        builder = self.builder
        if not self.open:
            if builder.length:
                builder.add_synthetic("\n\n", start)
            builder.start_block(self.kind)
            self.open = True
        elif self._held:
            for piece in self._held:
                builder.add(*piece)
            self._held.clear()
        builder.add(text, start, length)
