"""HTML: the text of block elements, entities decoded, every piece mapped back into the markup.

html.parser reports each event with its (line, column); with convert_charrefs=False entity and
character references arrive apart from the text, so each maps to its whole source span.  Text is
read from the source by offset, not from the parser's copy, which lets the parser be fed a
same-length copy with its known failure cases defused (see _parsable).
"""
from __future__ import annotations

from html.parser import HTMLParser

from ..document import (
    HEADING,
    HEADLINE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    Document,
    DocumentBuilder,
    SourceLines,
)
from ..patterns import compile_pattern
from .markup import BLOCK_TAGS, HEADINGS, BlockWriter, decode_reference, tag_kind

# Elements whose content is not article text.
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object",
})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
_HEAD_CONTENT = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
# HTML elements that end foreign (svg/math) content, so an unclosed <svg> cannot hide the article.
_BREAKOUT = frozenset({
    "b", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "sup", "table", "u", "ul",
})
_CLOSES_P = BLOCK_TAGS - {"body", "html", "caption", "td", "th", "tr", "tbody", "thead", "tfoot", "legend"}

_WS = " \t\n\r\f"
_ODD_WS = compile_pattern(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")  # white space other than one plain space
_COMMENT_CLOSE = compile_pattern(r"--!?\s*>")
# html.parser mishandles "&#" not followed by a number it accepts (the rest of the document can
# turn into text) and raises on "<![" not followed by a name; see _parsable.
_BAD_CHARREF = compile_pattern(r"&(?=#)(?!#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_MARKED_SECTION = compile_pattern(r"(?<=<!)\[")


class _Stop(Exception):
    """The rest of the input is not text (an unclosed comment runs to the end)."""


class _HtmlReader(HTMLParser):
    def __init__(self, source: str, builder: DocumentBuilder) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = builder
        self.out = BlockWriter(builder)
        self.line_starts = SourceLines(source).starts
        self.stack: list[tuple[str, str]] = []  # open block elements: (tag, kind of text inside)
        self.skip: list[str] = []  # open elements whose content is skipped
        self.seen_h1 = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # -- tags ---------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.skip and not self._leave_skip(tag):
            if tag in SKIPPED_TAGS:
                self.skip.append(tag)  # nested (svg title): balance the end tags
            return
        if tag in SKIPPED_TAGS:
            self.skip.append(tag)
        elif tag == "br":
            self._line_break(self.get_starttag_text())
        elif tag in BLOCK_TAGS:
            self._close_implied(tag)
            if tag not in _VOID:
                self.stack.append((tag, self._kind_inside(tag)))
            self.out.block(self._kind())

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        # "/>" means nothing on HTML elements (<div/> opens a div); <svg/> has no content to skip.
        if tag not in SKIPPED_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                del self.skip[len(self.skip) - 1 - self.skip[::-1].index(tag):]
            return
        if tag == "br":  # </br> is read as <br> by browsers
            self._line_break(None)
        elif tag in BLOCK_TAGS:
            # A stray end tag (</p> with no <p>) still ends the block, as browsers show it.
            for index in range(len(self.stack) - 1, -1, -1):
                if self.stack[index][0] == tag:
                    del self.stack[index:]
                    break
            self.out.block(self._kind())

    def _leave_skip(self, tag: str) -> bool:
        """Whether `tag` ends the skipped content implicitly (a missing </head> or </svg>)."""
        if self.skip[0] == "head" and (tag == "body" or (len(self.skip) == 1 and tag not in _HEAD_CONTENT)):
            self.skip.clear()
            return True
        if tag in _BREAKOUT:
            for index, name in enumerate(self.skip):
                if name in ("svg", "math"):
                    del self.skip[index:]
                    return not self.skip
        return False

    def _line_break(self, tag_text: str | None) -> None:
        # A <br> joins the lines of one block with a space, so a paragraph stays one line of
        # text for the rules; the space maps onto the tag itself.
        start = self._offset()
        if tag_text is None:  # </br>
            end = self.source.find(">", start)
            length = (end if end != -1 else len(self.source) - 1) + 1 - start
        else:
            length = len(tag_text)
        self.out.space(start, length)

    def _close_implied(self, tag: str) -> None:
        """Close what a new `tag` closes in browsers (an open <p>, the previous <li>, ...)."""
        stack = self.stack
        if tag in _CLOSES_P and stack and stack[-1][0] == "p":
            stack.pop()
        if tag == "li":
            self._pop_to(("li",), ("ul", "ol", "menu"))
        elif tag in ("dt", "dd"):
            self._pop_to(("dt", "dd"), ("dl",))
        elif tag in ("td", "th"):
            self._pop_to(("td", "th"), ("tr", "table"))
        elif tag == "tr":
            self._pop_to(("tr",), ("table", "thead", "tbody", "tfoot"))
        elif tag in HEADINGS and stack and stack[-1][0] in HEADINGS:
            stack.pop()

    def _pop_to(self, names: tuple[str, ...], scope: tuple[str, ...]) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            name = self.stack[index][0]
            if name in names:
                del self.stack[index:]
                return
            if name in scope:
                return

    def _kind(self) -> str:
        return self.stack[-1][1] if self.stack else PARAGRAPH

    def _kind_inside(self, tag: str) -> str:
        if tag == "h1" and not self.seen_h1:
            self.seen_h1 = True
            return HEADLINE
        parent = self._kind()
        kind = tag_kind(tag)
        if kind == LIST_ITEM and parent == QUOTE:
            return QUOTE
        if kind == PARAGRAPH:
            # A <p> in a quote, list item or caption belongs to it; there is one headline.
            return HEADING if parent == HEADLINE else parent
        return kind

    # -- text -----------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        out = self.out
        if not data.strip(_WS):  # most often the indentation between tags
            if out.open:
                out.space(self._offset(), len(data))
            return
        start = self._offset()
        if data[0] == "<" and self.source.startswith("<!--", start):
            # html.parser hands an unclosed comment over as text; browsers hide the rest.
            self.builder.comments.append((start, len(self.source), self.source[start + 4 :].strip()))
            raise _Stop
        raw = self.source[start : start + len(data)]
        core = raw.strip(_WS)
        lead = len(raw) - len(raw.lstrip(_WS))
        end = lead + len(core)
        if lead:
            out.space(start, lead)
        pos = lead
        # Runs of white space collapse to one space; a lone space stays inside the piece.
        for m in _ODD_WS.finditer(raw, lead, end):
            out.text(raw[pos : m.start()], start + pos)
            out.space(start + m.start(), m.end() - m.start())
            pos = m.end()
        out.text(raw[pos:end], start + pos)
        if end < len(raw):
            out.space(start + end, len(raw) - end)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, length: int) -> None:
        if self.skip:
            return
        start = self._offset()
        if self.source.startswith(";", start + length):
            length += 1
        raw = self.source[start : start + length]
        text = decode_reference(raw)
        if not text.strip(_WS):
            self.out.space(start, length)  # &#10; and the like are white space, not text
        elif text == raw:
            self.out.text(raw, start)  # not a reference browsers know: shown as written
        else:
            self.out.text(text, start, length)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        if not self.source.startswith("<!--", start):
            return  # a bogus comment (<!x>, <![CDATA[..]]>): nothing a suppression could be
        body_end = start + 4 + len(data)
        close = _COMMENT_CLOSE.match(self.source, body_end)
        end = close.end() if close else min(body_end + 3, len(self.source))
        self.builder.comments.append((start, end, self.source[start + 4 : body_end].strip()))


def _parsable(source: str) -> str:
    """A same-length copy of `source` that html.parser reads the way browsers do.

    Offsets into it are offsets into the source, and text is always read from the source.
    """
    if "&#" in source:
        source = _BAD_CHARREF.sub("\x00", source)  # shown as text "&#..." either way
    if "<![" in source:
        source = _MARKED_SECTION.sub("\x00", source)  # a bogus comment, as in browsers
    return source


def read_html(path: str, source: str) -> Document:
    builder = DocumentBuilder(path, source, "html")
    reader = _HtmlReader(source, builder)
    try:
        reader.feed(_parsable(source))
        reader.close()
    except _Stop:
        pass
    builder.comments.sort()
    return builder.build()
