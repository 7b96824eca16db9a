"""Markdown (CommonMark with the usual GitHub extensions): the prose, with markup dropped.

A small line-based parser in two passes.  The first sorts lines into leaf blocks (headings,
paragraphs, list items, quotes, table rows, raw HTML) and skips front matter, code, thematic
breaks and reference definitions.  The second reads each block's inline markup and writes its
text: a paragraph's lines are joined with one space mapped to the line end, so one paragraph is
one line of text.  Images that lead a paragraph keep their alt text, as a caption block (it is
the only caption Markdown has); images inside running text are dropped.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator

from ..document import CAPTION, HEADING, HEADLINE, LIST_ITEM, PARAGRAPH, QUOTE, Document, DocumentBuilder
from ..patterns import compile_pattern, lazy_compile
from .markup import BLOCK_TAGS, BlockWriter, decode_reference, tag_kind

# Leaf kinds of the first pass besides the document's block kinds.
_TABLE_ROW = "table_row"
_HTML = "html"

_FRONT_MATTER = lazy_compile(r"(---|\+\+\+)[ \t]*\r?\n.*?^(?:\1|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)
_QUOTE_MARKS = lazy_compile(r"(?: {0,3}>[ \t]?)+")
_INDENT = lazy_compile(r"[ \t]*")
_FENCE = lazy_compile(r"`{3,}|~{3,}")
_ATX = lazy_compile(r"(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSING = lazy_compile(r"(?:^|(?<![ \t])[ \t]+)#+$")  # from a run's first space only: linear
_SETEXT = lazy_compile(r"(?:=+|-+)[ \t]*$")
_THEMATIC = lazy_compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_MARK = lazy_compile(r"([-*+]|(\d{1,9})[.)])([ \t]+|$)")
_TASK_BOX = lazy_compile(r"\[[ xX]\][ \t]+")
_FOOTNOTE_DEF = lazy_compile(r"\[\^[^\]\s]+\]:[ \t]*")
_REF_DEF = lazy_compile(
    r"\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(?:<[^<>]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)
_TABLE_DELIMITER = lazy_compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_PIPE = lazy_compile(r"(?<!\\)\|")
# Raw HTML blocks that run to an end marker and hold no text (CommonMark types 1-5).
_HTML_SKIPPED = lazy_compile(
    r"<(?:(?P<raw>script|pre|style|textarea)(?=[ \t>]|$)|(?P<comment>!--)|(?P<pi>\?)"
    r"|(?P<cdata>!\[CDATA\[)|(?P<decl>![A-Za-z]))",
    re.I,
)
_HTML_SKIPPED_END = {
    "raw": compile_pattern(r"</(?:script|pre|style|textarea)>", re.I),
    "comment": compile_pattern(r"-->"),
    "pi": compile_pattern(r"\?>"),
    "cdata": compile_pattern(r"\]\]>"),
    "decl": compile_pattern(r">"),
}
# Raw HTML blocks whose text is read, up to a blank line (type 6: block-level tags).
_HTML_BLOCK = lazy_compile(r"</?(?P<tag>[A-Za-z][A-Za-z0-9]*)(?=[ \t]|/?>|$)")
_COMMENT = lazy_compile(r"<!--(.*?)-->", re.S)

_BRACKETED = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_DESTINATION = (
    r"\(\s*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_INLINE = lazy_compile(
    # The leading look-ahead lets the scan skip plain text quickly (ten times faster).
    rf"""
    (?=[\\`<!\[&*_~])
    (?:
      (?P<escape>\\[!-/:-@\[-`{{-~}}])
    | (?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))
    | (?P<comment><!--(?P<body>.*?)-->)
    | (?P<raw><(?P<rawtag>script|style|svg|math|template|noscript)\b[^>]*>.*?</(?P=rawtag)\s*>)
    | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{{1,31}}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>)
    | (?P<tag></?(?P<tagname>[A-Za-z][A-Za-z0-9-]*)
          (?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>)
    | (?P<image>!\[(?P<alt>{_BRACKETED})\](?:{_DESTINATION}|\[[^\[\]]*\]))
    | (?P<link>\[(?P<label>{_BRACKETED})\](?P<target>{_DESTINATION}|\[[^\[\]]*\])?)
    | (?P<entity>&(?:\#[0-9]{{1,7}}|\#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});)
    | (?P<star>(?<![*\\])(?P<stars>\*{{1,3}})(?![\s*])(?P<starred>.+?)(?<![\s*\\])(?P=stars)(?!\*))
    | (?P<under>(?<![\w\\])(?P<unders>_{{1,3}})(?![\s_])(?P<underlined>.+?)(?<![\s_\\])(?P=unders)(?![\w_]))
    | (?P<strike>(?<![~\\])~~(?![\s~])(?P<struck>.+?)(?<![\s~\\])~~(?!~))
    )
    """,
    re.X | re.S,
)
# A line end inside a paragraph, or a backslash hard break (the white space around: _breaks).
_LINE_BREAK = lazy_compile(r"\\?\n|\r")
_EMPHASIZED = lazy_compile(r"([*_]{1,2})(?=\S).*\S\1[ \t]*\Z", re.S)


def _breaks(p: str, q0: int, q1: int) -> Iterator[tuple[int, int]]:
    """The line breaks of p[q0:q1] with the spaces and tabs around them, in linear time (a
    pattern with the spaces in it would scan a long run of spaces again from each space)."""
    low = q0
    for m in _LINE_BREAK.finditer(p, q0, q1):
        start, stop = m.start(), m.end()
        while start > low and p[start - 1] in " \t":
            start -= 1
        while stop < q1 and p[stop] in " \t":
            stop += 1
        yield start, stop
        low = stop


@dataclass(slots=True)
class _Leaf:
    kind: str
    lines: list[tuple[int, int, int]] = field(default_factory=list)  # content start, end, line-end length
    level: int = 0


def _lines(source: str, pos: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, line-end length) of each line from `pos`; end excludes the line end."""
    n = len(source)
    find = source.find
    while pos < n:
        nl = find("\n", pos)
        if nl == -1:
            yield pos, n, 0
            return
        if nl > pos and source[nl - 1] == "\r":
            yield pos, nl - 1, 2
        else:
            yield pos, nl, 1
        pos = nl + 1


def _width(indent: str) -> int:
    """Columns of leading white space, tabs to the next multiple of 4 (CommonMark)."""
    if "\t" not in indent:
        return len(indent)
    width = 0
    for char in indent:
        width = width + 4 - width % 4 if char == "\t" else width + 1
    return width


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Blocks:
    """First pass: lines -> leaf blocks, reference labels and block-level comments."""

    def __init__(self, source: str, comments: list[tuple[int, int, str]]) -> None:
        self.source = source
        self.comments = comments
        self.leaves: list[_Leaf] = []
        self.labels: set[str] = set()
        self.para: _Leaf | None = None  # the leaf that takes continuation lines
        self.fence: tuple[re.Pattern[str], bool] | None = None  # closing fence, opened in a quote
        self.html_end: tuple[re.Pattern[str], int, str] | None = None  # end marker, start, type
        self.list_indents: list[int] = []  # content columns of the open list items, innermost last
        self.table = False
        self.blank = False

    def parse(self) -> list[_Leaf]:
        source = self.source
        for start, end, eol in _lines(source, front_matter_end(source)):
            self.line(start, end, eol)
        self.close()
        if self.html_end is not None and self.html_end[2] == "comment":
            start = self.html_end[1]  # an unclosed comment runs to the end
            self.comments.append((start, len(source), source[start + 4 :].strip()))
        return self.leaves

    def close(self) -> None:
        self.para = None

    def add(self, kind: str, start: int, end: int, eol: int, level: int = 0) -> _Leaf:
        self.para = None
        leaf = _Leaf(kind, [(start, end, eol)] if start < end else [], level)
        self.leaves.append(leaf)
        return leaf

    def line(self, start: int, end: int, eol: int) -> None:
        source = self.source
        if self.html_end is not None:
            self._in_skipped_html(start, end)
            return
        q = _QUOTE_MARKS.match(source, start, end)
        quoted = q is not None
        pos = q.end() if q else start
        if self.fence is not None:
            closing, fence_quoted = self.fence
            if quoted or not fence_quoted:
                if closing.match(source, pos, end):
                    self.fence = None
                return
            self.fence = None  # the quote holding the fence ended
        content = _INDENT.match(source, pos, end).end()
        was_blank, self.blank = self.blank, False
        if content == end:
            self.blank = True
            self.table = False
            self.close()
            return
        para = self.para
        if para is not None and para.kind == _HTML:
            para.lines.append((content, end, eol))
            return
        width = _width(source[pos:content])
        indents = self.list_indents
        if indents and was_blank and not _LIST_MARK.match(source, content, end):
            while indents and width < indents[-1]:
                indents.pop()  # the items this line is not indented into have ended
        relative = width - indents[-1] if indents and width >= indents[-1] else width
        if relative >= 4:
            if para is not None:
                para.lines.append((content, end, eol))  # a lazy continuation line
            # else indented code: not text
            return
        if not self._block_start(content, end, eol, quoted, width):
            self._text_line(content, end, eol, quoted, width)

    def _in_skipped_html(self, start: int, end: int) -> None:
        pattern, begin, kind = self.html_end  # type: ignore[misc]
        source = self.source
        m = pattern.search(source, start, end)
        if m is None:
            return
        if kind == "comment":
            # Run on while the line opens another comment after the last one it closes.
            if source.find("<!--", source.rfind("-->", start, end) + 3, end) != -1:
                return
            self._record_comments(begin, end)
        self.html_end = None

    def _record_comments(self, start: int, end: int) -> None:
        source = self.source
        for m in _COMMENT.finditer(source, start, end):
            self.comments.append((m.start(), m.end(), m.group(1).strip()))

    def _block_start(self, c: int, end: int, eol: int, quoted: bool, width: int) -> bool:
        """Handle a line that starts a block (or is markup only); False for paragraph text."""
        source = self.source
        para = self.para
        first = source[c]
        if first in "`~":
            m = _FENCE.match(source, c, end)
            if m and not (first == "`" and "`" in source[m.end() : end]):
                self.close()
                # Any indentation closes it: a fence inside a nested list item is indented too.
                closing = r"[ \t]*%s{%d,}[ \t]*$" % (re.escape(first), len(m.group()))
                self.fence = (compile_pattern(closing), quoted)
                return True
        if first == "#":
            m = _ATX.match(source, c, end)
            if m:
                self._heading(m, end, eol, quoted)
                return True
        if (
            first in "=-"
            and para is not None
            and para.kind == PARAGRAPH
            and para.lines
            and _SETEXT.match(source, c, end)
        ):
            para.kind = HEADING  # a setext underline
            para.level = 1 if first == "=" else 2
            self.close()
            return True
        if first in "-*_" and _THEMATIC.match(source, c, end):
            self.close()
            self.list_indents.clear()
            return True
        if first == "<":
            return self._html_start(c, end, eol, quoted)
        if self.table:
            if _PIPE.search(source, c, end):
                self.add(_TABLE_ROW, c, end, eol)
                return True
            self.table = False
        if (
            first in "-:|"
            and para is not None
            and para.kind == PARAGRAPH
            and len(para.lines) == 1
            and "|" in source[c:end]
            and _PIPE.search(source, *para.lines[0][:2])
            and _TABLE_DELIMITER.match(source, c, end)
        ):
            para.kind = _TABLE_ROW
            self.close()
            self.table = True
            return True
        m = _LIST_MARK.match(source, c, end)
        if m and self._starts_item(m, end):
            self._list_item(m, end, eol, quoted, width)
            return True
        if first == "[" and para is None:
            return self._definition(c, end, eol)
        return False

    def _heading(self, m: re.Match[str], end: int, eol: int, quoted: bool) -> None:
        text = self.source[m.end() : end].rstrip()
        closing = _ATX_CLOSING.search(text)
        if closing:
            text = text[: closing.start()]
        start = m.end()
        self.add(QUOTE if quoted else HEADING, start, start + len(text), eol, len(m.group(1)))

    def _html_start(self, c: int, end: int, eol: int, quoted: bool) -> bool:
        source = self.source
        m = _HTML_SKIPPED.match(source, c, end)
        if m:
            self.close()
            kind = m.lastgroup or "decl"
            self.html_end = (_HTML_SKIPPED_END[kind], c, kind)
            # The end marker may be on this same line.
            self._in_skipped_html(m.end() if kind != "comment" else c + 4, end)
            return True
        m = _HTML_BLOCK.match(source, c, end)
        if m and m.group("tag").lower() in BLOCK_TAGS:
            self.add(_HTML, c, end, eol)
            self.para = self.leaves[-1]  # raw HTML runs to the next blank line
            return True
        return False

    def _starts_item(self, m: re.Match[str], end: int) -> bool:
        # Only "-", "*", "+" or "1." with text may interrupt a paragraph (CommonMark), so that
        # a hard-wrapped line starting "2024. " stays in its paragraph.
        para = self.para
        if para is None or para.kind != PARAGRAPH or self.list_indents:
            return True
        number = m.group(2)
        return m.end() < end and (number is None or number == "1")

    def _list_item(self, m: re.Match[str], end: int, eol: int, quoted: bool, width: int) -> None:
        spaces = _width(m.group(3))
        marker = len(m.group(1))
        indents = self.list_indents
        while indents and indents[-1] > width:
            indents.pop()  # deeper items have ended
        indents.append(width + marker + (spaces if 0 < spaces <= 4 else 1))
        start = m.end()
        box = _TASK_BOX.match(self.source, start, end)
        if box:
            start = box.end()
        self.add(QUOTE if quoted else LIST_ITEM, start, end, eol)
        self.para = self.leaves[-1]  # the item's text may continue on the next lines

    def _definition(self, c: int, end: int, eol: int) -> bool:
        source = self.source
        m = _FOOTNOTE_DEF.match(source, c, end)
        if m:
            self.add(PARAGRAPH, m.end(), end, eol)
            self.para = self.leaves[-1]
            return True
        m = _REF_DEF.match(source, c, end)
        if m:
            self.labels.add(_label(m.group(1)))
            return True
        return False

    def _text_line(self, c: int, end: int, eol: int, quoted: bool, width: int) -> None:
        para = self.para
        if para is not None and not (quoted and para.kind != QUOTE):
            para.lines.append((c, end, eol))
            return
        if quoted:
            kind = QUOTE
        elif self.list_indents and width >= self.list_indents[-1]:
            kind = LIST_ITEM  # a further paragraph of a list item
        else:
            kind = PARAGRAPH
            self.list_indents.clear()
        self.add(kind, c, end, eol)
        self.para = self.leaves[-1]


class _Inline:
    """Second pass: a leaf's inline markup -> text in the builder, with its source offsets.

    A leaf's lines are joined with "\\n" into one string (`self.p`); `_src` maps an index of it
    back to the source, and each "\\n" stands for the line end of the line before it.
    """

    def __init__(self, source: str, builder: DocumentBuilder, labels: set[str]) -> None:
        self.source = source
        self.builder = builder
        self.labels = labels
        self.out = BlockWriter(builder)
        self.p = ""
        self.p_starts: list[int] = [0]
        self.src_starts: list[int] = [0]
        self.lines: list[tuple[int, int, int]] = []
        self.html = False
        self.image_led = False  # the leaf began with an image

    def leaf(self, leaf: _Leaf, kind: str) -> None:
        source = self.source
        lines = leaf.lines
        self.lines = lines
        self.src_starts = [start for start, _, _ in lines]
        if len(lines) == 1:
            start, end, _ = lines[0]
            self.p = source[start:end]
            self.p_starts = [0]
        else:
            self.p = "\n".join(source[start:end] for start, end, _ in lines)
            p_starts, at = [], 0
            for start, end, _ in lines:
                p_starts.append(at)
                at += end - start + 1
            self.p_starts = p_starts
        self.html = leaf.kind == _HTML
        self.image_led = False
        self.out.block(kind)
        if leaf.kind == _TABLE_ROW:
            self._cells()
        else:
            self.inline(0, len(self.p))

    def _src(self, q: int) -> int:
        index = bisect.bisect_right(self.p_starts, q) - 1
        return self.src_starts[index] + q - self.p_starts[index]

    def _cells(self) -> None:
        # Each cell is a paragraph of its own: cells are not parts of one sentence.
        p = self.p
        bounds = [-1] + [m.start() for m in _PIPE.finditer(p)] + [len(p)]
        for a, b in zip(bounds, bounds[1:]):
            self.out.block(PARAGRAPH)
            self.inline(a + 1, b)

    def inline(self, lo: int, hi: int) -> None:
        pos = lo
        for m in _INLINE.finditer(self.p, lo, hi):
            if m.start() > pos:
                self.text(pos, m.start())
            getattr(self, "_" + m.lastgroup)(m)  # type: ignore[operator]
            pos = m.end()
        if pos < hi:
            self.text(pos, hi)

    def text(self, q0: int, q1: int) -> None:
        """Plain text: line ends become one space mapped to the line end."""
        p = self.p
        chunk = p[q0:q1]
        if "\n" in chunk or "\r" in chunk:
            for start, stop in _breaks(p, q0, q1):
                self._run(q0, start)
                nl = p.find("\n", start, stop)
                if nl == -1:  # a lone carriage return is white space, not a line end
                    self.out.space(self._src(p.index("\r", start)), 1)
                else:
                    _, end, eol = self.lines[bisect.bisect_right(self.p_starts, nl) - 1]
                    self.out.space(end, eol)
                q0 = stop
        self._run(q0, q1)

    def _run(self, q0: int, q1: int) -> None:
        """Text within one line: verbatim, its edge white space held by the writer."""
        if q0 >= q1:
            return
        s = self.p[q0:q1]
        start = self._src(q0)
        core = s.strip(" \t")
        if not core:
            self.out.space(start, len(s))
            return
        lead = len(s) - len(s.lstrip(" \t"))
        if lead:
            self.out.space(start, lead)
        self.out.text(core, start + lead)
        tail = len(s) - lead - len(core)
        if tail:
            self.out.space(start + lead + len(core), tail)

    # -- inline constructs, by group name of _INLINE ----------------------------------------------

    def _escape(self, m: re.Match[str]) -> None:
        self.out.text(m.group()[1], self._src(m.start() + 1))

    def _code(self, m: re.Match[str]) -> None:
        pass  # code is not prose

    _raw = _autolink = _code

    def _comment(self, m: re.Match[str]) -> None:
        start, end = self._src(m.start()), self._src(m.end() - 1) + 1
        self.builder.comments.append((start, end, m.group("body").strip()))

    def _tag(self, m: re.Match[str]) -> None:
        name = m.group("tagname").lower()
        if name == "br":
            start = self._src(m.start())
            self.out.space(start, self._src(m.end() - 1) + 1 - start)
        elif self.html and name in BLOCK_TAGS:
            self.out.block(tag_kind(name, closing=m.group().startswith("</")))

    def _image(self, m: re.Match[str]) -> None:
        if self.out.open or self.html:
            return  # an image inside running text: no text of its own
        kind = self.out.kind
        self.out.block(CAPTION)
        self.inline(m.start("alt"), m.end("alt"))
        # What follows the image in its paragraph is its caption line.
        self.out.block(CAPTION if kind == PARAGRAPH else kind)
        self.image_led = True

    def _link(self, m: re.Match[str]) -> None:
        label_start, label_end = m.start("label"), m.end("label")
        if m.group("target") or _label(m.group("label")) in self.labels:
            self.inline(label_start, label_end)
        elif not m.group("label").startswith("^"):  # [^1] is a footnote reference
            # Not a link: the brackets are text ("[sic]").
            self.text(m.start(), label_start)
            self.inline(label_start, label_end)
            self.text(label_end, m.end())

    def _entity(self, m: re.Match[str]) -> None:
        raw = m.group()
        text = decode_reference(raw)
        start = self._src(m.start())
        if not text.strip(" \t\n\r\f"):
            self.out.space(start, len(raw))
        elif text == raw:
            self.out.text(raw, start)
        else:
            self.out.text(text, start, len(raw))

    def _star(self, m: re.Match[str]) -> None:
        self.inline(m.start("starred"), m.end("starred"))

    def _under(self, m: re.Match[str]) -> None:
        self.inline(m.start("underlined"), m.end("underlined"))

    def _strike(self, m: re.Match[str]) -> None:
        self.inline(m.start("struck"), m.end("struck"))


def _italic(source: str, leaf: _Leaf) -> bool:
    return _EMPHASIZED.match(source, leaf.lines[0][0], leaf.lines[-1][1]) is not None


def _headline(leaves: list[_Leaf]) -> _Leaf | None:
    """The first heading if the article starts with one, else the first level-1 heading."""
    if leaves and leaves[0].kind == HEADING:
        return leaves[0]
    return next((leaf for leaf in leaves if leaf.kind == HEADING and leaf.level == 1), None)


def front_matter_end(source: str) -> int:
    """Where the YAML or TOML front matter at the top of `source` ends (0: there is none)."""
    match = _FRONT_MATTER.match(source)
    return match.end() if match else 0


def read_markdown(path: str, source: str) -> Document:
    builder = DocumentBuilder(path, source, "markdown")
    if front := front_matter_end(source):
        builder.protected.append((0, front))  # the title, date and tags: never a fix's to change
    blocks = _Blocks(source, builder.comments)
    leaves = [leaf for leaf in blocks.parse() if leaf.lines]
    headline = _headline(leaves)
    reader = _Inline(source, builder, blocks.labels)
    after_image = False
    for leaf in leaves:
        kind = leaf.kind
        if leaf is headline:
            kind = HEADLINE
        elif kind in (_TABLE_ROW, _HTML):
            kind = PARAGRAPH
        elif kind == PARAGRAPH and after_image and _italic(source, leaf):
            kind = CAPTION  # the italic line under a photo
        reader.leaf(leaf, kind)
        after_image = reader.image_led
    reader.out.block(PARAGRAPH)
    builder.comments.sort()
    return builder.build()
