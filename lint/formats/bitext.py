"""Bilingual files: XLIFF (1.2 and 2.x) and TMX, whose segments carry a source and a target.

The checked document is the target text, a paragraph per segment, with every character mapped
back to its place in the XML file (entities and CRLF included), so findings point into the
file's <target> or <seg>; the sources become the document's translation source, paired one to
one.  A segment with no target, or an empty one, is left out on both sides.

The XML is read with expat, the parser under xml.etree, which reports where each piece of text
stands.  Files come from outside, so the parser is hostile-input safe as defusedxml makes
ElementTree: a document type that declares entities (the "billion laughs" and external-entity
attacks) is refused, and parameter and external entities are never loaded.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from ..document import PARAGRAPH, Document, DocumentBuilder
from ..sources import UnreadableInput

# Inline elements whose content is markup of the original file, not text (XLIFF 1.2 and TMX
# codes); XLIFF 2's codes (<ph/>, <sc/>, <ec/>) are empty.
_CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em", "cp"})
# Elements inside a unit that repeat or annotate it and are not its segment (1.2's alternative
# translations, notes, 2.x's original data).
_SKIPPED = frozenset({"alt-trans", "note", "notes", "originalData", "mda:metadata", "prop", "header"})


@dataclass
class _Piece:
    """Text of one side of a segment: (text, start in the file, length in the file) pieces."""

    pieces: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p[0] for p in self.pieces)


@dataclass
class _Reader:
    source: str
    dialect: str  # "xliff" or "tmx"
    pairs: list[tuple[_Piece, _Piece]] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)
    side: str | None = None  # "source" or "target" while inside one
    side_depth: int = 0
    code_depth: int = 0
    skip_depth: int = 0
    current: dict[str, _Piece] = field(default_factory=dict)
    source_lang: str | None = None
    tuvs: list[tuple[str | None, _Piece]] = field(default_factory=list)
    _byte: int = 0
    _char: int = 0

    def char_offset(self, byte_index: int) -> int:
        """The code-point offset of a byte offset; events arrive in order, so this is incremental."""
        if byte_index < self._byte:
            self._byte, self._char = 0, 0
        self._char += len(self.data[self._byte:byte_index].decode("utf-8", "replace"))
        self._byte = byte_index
        return self._char


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def read_bitext(path: str, source: str, dialect: str) -> Document:
    from ..bilingual.source import TranslationSource

    reader = _Reader(source, dialect)
    reader.data = source.encode("utf-8")  # type: ignore[attr-defined]
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_entities(*_args) -> None:
        raise UnreadableInput("the XML declares entities, which newslint does not expand (they can make a file "
                              "explode or read other files): remove the document type's entity declarations")

    parser.EntityDeclHandler = refuse_entities
    parser.ExternalEntityRefHandler = lambda *_args: 0  # never fetched: an external entity is an error
    parser.StartElementHandler = lambda name, attrs: _start(reader, _local(name), attrs)
    parser.EndElementHandler = lambda name: _end(reader, _local(name))
    parser.CharacterDataHandler = lambda data: _data(reader, data, reader.char_offset(parser.CurrentByteIndex))
    try:
        parser.Parse(reader.data, True)
    except expat.ExpatError as exc:
        raise UnreadableInput(f"malformed {'XLIFF' if dialect == 'xliff' else 'TMX'}: {expat.ErrorString(exc.code)} "
                              f"(line {exc.lineno}, column {exc.offset + 1})") from None
    builder = DocumentBuilder(path=path, source=source, format=dialect)
    source_parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    at = 0
    for original, translated in reader.pairs:
        if not translated.text.strip() or not original.text.strip():
            continue
        if builder.length:
            builder.add_synthetic("\n\n", translated.pieces[0][1])
            source_parts.append("\n\n")
            at += 2
        builder.start_block(PARAGRAPH)
        for text, start, length in translated.pieces:
            builder.add(text, start, length)
        builder.end_block()
        source_parts.append(original.text)
        paragraphs.append((at, at + len(original.text)))
        at += len(original.text)
    doc = builder.build()
    doc.translation = TranslationSource(path, "".join(source_parts), tuple(paragraphs))
    return doc


def _start(reader: _Reader, name: str, attrs: dict) -> None:
    reader.stack.append(name)
    if name == "header" and reader.dialect == "tmx":
        reader.source_lang = attrs.get("srclang")
    if reader.skip_depth or name in _SKIPPED:
        reader.skip_depth += 1
        return
    if reader.side is not None:
        reader.side_depth += 1
        if name in _CODE_ELEMENTS:
            reader.code_depth += 1
        return
    if reader.dialect == "xliff":
        if name in ("trans-unit", "segment"):
            reader.current = {}
        elif name in ("source", "target") and len(reader.stack) >= 2 and reader.stack[-2] in ("trans-unit", "segment"):
            reader.side, reader.side_depth = name, 0
            reader.current[name] = _Piece()
    else:
        if name == "tu":
            reader.tuvs = []
        elif name == "tuv":
            lang = attrs.get("http://www.w3.org/XML/1998/namespace lang") or attrs.get("lang")
            reader.tuvs.append((lang, _Piece()))
        elif name == "seg" and reader.tuvs:
            reader.side, reader.side_depth = "seg", 0


def _end(reader: _Reader, name: str) -> None:
    reader.stack.pop()
    if reader.skip_depth:
        reader.skip_depth -= 1
        return
    if reader.side is not None:
        if reader.side_depth == 0:
            reader.side = None
            return
        reader.side_depth -= 1
        if name in _CODE_ELEMENTS:
            reader.code_depth -= 1
        return
    if reader.dialect == "xliff" and name in ("trans-unit", "segment"):
        if "source" in reader.current and "target" in reader.current:
            reader.pairs.append((reader.current["source"], reader.current["target"]))
        reader.current = {}
    elif reader.dialect == "tmx" and name == "tu":
        _pair_tuvs(reader)


def _pair_tuvs(reader: _Reader) -> None:
    """A translation unit's source is the variant in the header's source language (else the
    first); its target, the first other variant."""
    tuvs = reader.tuvs
    if len(tuvs) < 2:
        return
    wanted = (reader.source_lang or "").lower()
    index = next((i for i, (lang, _) in enumerate(tuvs) if wanted and (lang or "").lower() == wanted), 0)
    original = tuvs[index][1]
    target = next(piece for i, (_, piece) in enumerate(tuvs) if i != index)
    reader.pairs.append((original, target))
    reader.tuvs = []


def _data(reader: _Reader, data: str, offset: int) -> None:
    if reader.side is None or reader.code_depth or reader.skip_depth:
        return
    piece = reader.current.get(reader.side) if reader.dialect == "xliff" else reader.tuvs[-1][1]
    if piece is None:
        return
    piece.pieces.extend(_located(reader.source, data, offset))


def _located(source: str, data: str, offset: int) -> list[tuple[str, int, int]]:
    """Pieces of `data` with their places in the file from `offset`: verbatim runs, each entity or
    character reference (&amp; is one character standing for five), each CRLF read as LF."""
    pieces: list[tuple[str, int, int]] = []
    i, at = 0, offset
    run_start, run_at = 0, offset
    while i < len(data):
        char = data[i]
        if at < len(source) and source[at] == char and char != "&":
            i += 1
            at += 1
            continue
        if i > run_start:
            pieces.append((data[run_start:i], run_at, i - run_start))
        if source.startswith("\r\n", at) and char == "\n":
            pieces.append(("\n", at, 2))
            at += 2
        elif at < len(source) and source[at] == "&":
            end = source.find(";", at, at + 40)
            length = end + 1 - at if end != -1 else 1
            pieces.append((char, at, length))
            at += length
        else:  # a CDATA section's text, or anything else expat hands over differently: as a whole
            pieces.append((data[i:], at, len(data) - i))
            return pieces
        i += 1
        run_start, run_at = i, at
    if i > run_start:
        pieces.append((data[run_start:i], run_at, i - run_start))
    return pieces
