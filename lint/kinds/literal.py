"""literal: stock phrases of a source language rendered word for word ("according to the
introduction", "let us tell you that"), the tells of machine translation.

A data pack editors extend: `phrases` lists the tells, matched whole-word and regardless of case;
`not-after` lists words that, just before a phrase, make it ordinary English ("was told that" is,
"he told that" is not); `followed-by`, when given, lists the words one of which must follow it
("told that the" is the tell, "told that story" is not).  Each phrase is found with one byte search of the lower-cased text, at
memory speed, so a long list stays cheap.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Hit
from . import Kind, RuleError, string_list


class Literal(Kind):
    name = "literal"
    placeholders = frozenset({"match"})
    params = {"phrases": (list, []), "not-after": (list, []), "followed-by": (list, [])}

    def prepare(self) -> None:
        phrases = [" ".join(p.split()) for p in string_list(self.phrases, "'phrases'")]
        if not phrases or not all(p.isascii() and p for p in phrases):
            raise RuleError("'phrases' must list at least one phrase, in ASCII")
        self.needles = sorted({p.lower().encode("ascii") for p in phrases}, key=len, reverse=True)
        blocked = [w.lower() for w in string_list(self.not_after, "'not-after'")]
        # An apostrophe in a listed word matches the typeset one too ("i'm", "i’m").
        self.blocked = {w.encode("utf-8") for word in blocked for w in (word, word.replace("'", "\u2019"))}
        self.next_words = {w.lower().encode("ascii") for w in string_list(self.followed_by, "'followed-by'")}

    def check(self, text: Analysis) -> Iterable[Hit]:
        raw = text.text.encode("utf-8")
        lowered = raw.lower()
        ascii_only = len(raw) == len(text.text)
        taken: list[tuple[int, int]] = []
        for needle in self.needles:
            at = lowered.find(needle)
            while at != -1:
                end = at + len(needle)
                if self._stands_alone(lowered, at, end) and not any(s < end and at < e for s, e in taken):
                    taken.append((at, end))
                at = lowered.find(needle, end)
        counted_bytes = counted_chars = 0
        for at, end in sorted(taken):
            # Byte offsets are character offsets in ASCII text; otherwise count the characters,
            # from the previous hit on (a needle is ASCII, so `at` starts a character): decoding
            # the whole text before each hit would copy the document once per hit.
            if ascii_only:
                start = at
            else:
                counted_chars += len(raw[counted_bytes:at].decode("utf-8", "ignore"))
                counted_bytes = at
                start = counted_chars
            stop = start + (end - at)
            yield Hit(start, stop, self.format(match=text.text[start:stop]))

    def _stands_alone(self, lowered: bytes, start: int, end: int) -> bool:
        """A whole-word match, not preceded by a word of `not-after`, followed by one of `followed-by`."""
        if (start and _is_word_byte(lowered[start - 1])) or (end < len(lowered) and _is_word_byte(lowered[end])):
            return False
        if self.blocked:
            before = lowered[max(0, start - 12):start].split()
            if before and before[-1] in self.blocked:
                return False
        if self.next_words:
            after = lowered[end:end + 16].split()
            if not after or after[0].strip(b",;:") not in self.next_words:
                return False
        return True


_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _is_word_byte(byte: int) -> bool:
    # Bytes of multi-byte characters (curly quotes, dashes) count as punctuation.
    return byte in _WORD_BYTES
