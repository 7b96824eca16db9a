"""The text a target was translated from, as the checks read it: its plain text in paragraphs."""
from __future__ import annotations

from collections import Counter
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
        """The source's main script: "Latin", "Chinese (Han)" (also for Japanese and Korean), "Devanagari", ..."""
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
    """The script most of the text's letters are in, as lint.kinds.script names scripts; "Latin"
    for Latin letters.  A Chinese, Japanese or Korean character weighs as a word of letters."""
    from ..kinds.script import script_of

    counts: Counter[str] = Counter()
    for char in text[:sample]:
        if char.isalpha():
            script = script_of(char) or ("Latin" if ord(char) < 0x0250 else "other")
            if script in _WORD_SCRIPTS:
                counts["Chinese (Han)"] += 3
            else:
                counts[script] += 1
    return counts.most_common(1)[0][0] if counts else "Latin"


# Scripts whose characters are words, counted as one: a Japanese text mixes kana and kanji.
_WORD_SCRIPTS = frozenset({"Chinese (Han)", "Japanese kana", "Hangul (Korean)"})


def source_from_document(doc) -> TranslationSource:
    """A source read by one of newslint's readers (plain text, Markdown, HTML): its blocks are its paragraphs."""
    return TranslationSource(doc.path, doc.text, tuple((b.start, b.end) for b in doc.blocks))
