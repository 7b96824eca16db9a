"""mojibake: UTF-8 text decoded with the wrong codec ("Russiaâ€™s", "cafÃ©", "Â£5").

A cheap pattern finds the sequences that mis-decoded UTF-8 leaves (a Latin-1 lead character
such as Ã, Â or â followed by Windows-1252 continuation characters); only when one is found
is ftfy imported to repair it, and its repair is the fix.  A sequence ftfy cannot repair but
that never occurs in real text ("â€" with its last byte lost) is still reported, without a fix.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..patterns import compile_pattern
from . import Kind

# Windows-1252 (and Latin-1) renderings of the UTF-8 continuation bytes 0x80-0xBF, plus the
# replacement character a strict decoder leaves for the bytes Windows-1252 does not define.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd"
)
# UTF-8 lead bytes 0xC2-0xF4 read as Latin-1, each followed by continuation characters.
_CANDIDATE = compile_pattern(rf"(?:[\u00c2-\u00f4][{_CONTINUATION}]+)+")
# The characters that mis-decoded accented Latin, Greek, Cyrillic, Hebrew, Arabic, Indic and CJK
# text, punctuation, symbols and emoji begin with; a one-character search each, at memory speed,
# keeps the pattern away from clean text.  (é, which begins some CJK mojibake, is too common in
# real text to serve.)
_LEADS = "\u00c2\u00c3\u00c4\u00c5\u00ce\u00cf\u00d0\u00d1\u00d7\u00d8\u00d9\u00e0\u00e2\u00e4\u00e5\u00e6\u00e7\u00e8\u00f0"
# Sequences no language writes: reported even when ftfy declines to repair them.
_CERTAIN = compile_pattern(r"\u00e2\u20ac|[\u00c2\u00c3][\u0080-\u00bf]")
# "â€" + U+FFFD: the third byte was 0x9D (the closing double quote), which Windows-1252 lacks.
_LOST_CLOSING_QUOTE = "\u00e2\u20ac\ufffd"


def repair(broken: str) -> str | None:
    """ftfy's repair of a mis-decoded sequence, or None when it has none."""
    import ftfy

    fixed = ftfy.fix_encoding(broken.replace(_LOST_CLOSING_QUOTE, "\u00e2\u20ac\x9d"))
    if fixed == broken or "\ufffd" in fixed or not fixed:
        return None
    return fixed


class Mojibake(Kind):
    name = "mojibake"
    placeholders = frozenset({"advice", "broken", "fixed"})
    params: dict = {}
    fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        if not any(lead in body for lead in _LEADS):
            return
        for match in _CANDIDATE.finditer(body):
            broken = match.group()
            fixed = repair(broken)
            if fixed is not None:
                yield Hit(match.start(), match.end(), self.format(broken=broken, fixed=fixed, advice=f"read “{fixed}”"),
                          Edit(match.start(), match.end(), fixed, safe=True))
            elif _CERTAIN.search(broken):
                yield Hit(match.start(), match.end(), self.format(broken=broken, fixed="", advice="the original character is lost; retype it"))
