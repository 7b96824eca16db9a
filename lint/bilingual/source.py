"""The text a target was translated from, as the checks read it: its plain text in paragraphs."""
from __future__ import annotations

from dataclasses import dataclass

from ..patterns import lazy_compile

# Sentence ends of the scripts a source may use: CJK full stops (no space follows them), the
# Devanagari danda, and Latin marks followed by white space.
_SENTENCE_END = lazy_compile(r"[。！？!?；।॥]+[」』”\"’）)\]]*|(?<=[^\s.…])[.…]+[\"'’”)\]]*(?=\s)")


@dataclass(frozen=True)
class Located:
    """A piece of the source text: offsets, and the text as the source writes it."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TranslationSource:
    path: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]  # (start, end) offsets of text

    @property
    def script(self) -> str:
        """The source's main script: "Han", "Devanagari", "Arabic", "Latin" or "other"."""
        return main_script(self.text)

    def sentences(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for start, end in self.paragraphs:
            at = start
            for m in _SENTENCE_END.finditer(self.text, start, end):
                if m.end() > at:
                    spans.append(_trimmed(self.text, at, m.end()))
                    at = m.end()
            if self.text[at:end].strip():
                spans.append(_trimmed(self.text, at, end))
        return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


def main_script(text: str, sample: int = 4000) -> str:
    """The script most of the text's letters are in (Chinese characters weighed as words)."""
    counts = {"Han": 0, "Devanagari": 0, "Arabic": 0, "Latin": 0, "other": 0}
    for char in text[:sample]:
        if not char.isalpha():
            continue
        code = ord(char)
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF:
            counts["Han"] += 3  # a character is a word's worth of letters
        elif 0x0900 <= code <= 0x097F:
            counts["Devanagari"] += 1
        elif 0x0600 <= code <= 0x06FF:
            counts["Arabic"] += 1
        elif code < 0x0250:
            counts["Latin"] += 1
        else:
            counts["other"] += 1
    return max(counts, key=counts.get) if any(counts.values()) else "Latin"


def source_from_document(doc) -> TranslationSource:
    """A source read by one of newslint's readers (plain text, Markdown, HTML): its blocks are its paragraphs."""
    return TranslationSource(doc.path, doc.text, tuple((b.start, b.end) for b in doc.blocks))
