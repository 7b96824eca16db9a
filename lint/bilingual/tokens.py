"""Latin-script tokens of a source that a translation must carry as they are: brand names and
acronyms in a Chinese or Hindi text (Euractiv, NATO, G7), and in any source its web addresses,
e-mail addresses, handles and hashtags."""
from __future__ import annotations

from dataclasses import dataclass

from ..patterns import lazy_compile

# Addresses first: their dots and slashes would split them into words otherwise.
_SPECIAL = lazy_compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"'\u3000-\u303f\uff00-\uffef]{1,300})"
    r"|(?P<email>[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})"
    r"|(?<![\w@#])(?P<handle>[@#][A-Za-z0-9_]{2,50})"
)
# A Latin word with its inner marks: "COVID-19", "AT&T", "iPhone", "Macron's"; two letters at least.
LATIN_WORD = lazy_compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-&.'][A-Za-z0-9]+){0,4}")
# Units and currency codes: a translation writes them its own way (RMB 500 is 500 yuan).
_SKIP_WORDS = frozenset({
    "a", "i", "x", "vs", "am", "pm", "km", "kg", "cm", "mm", "no", "rmb", "cny", "usd", "inr", "eur", "gbp", "jpy",
    "hkd", "rs", "mn", "bn", "kw", "mw", "gw", "kwh", "ml", "lakh", "lakhs", "crore", "crores", "million", "billion",
})
_TRAILING = ".,;:!?)]}»”’'\""
_CONNECTIVES = frozenset({"of", "and", "the", "for", "in", "on", "de", "du", "la", "&"})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    kind: str  # "url", "email", "handle", "hashtag", "name"


def source_tokens(text: str, start: int, end: int, *, latin_source: bool) -> list[Token]:
    """What must reach the translation unchanged.  In a source written in Latin script, only
    addresses, handles and hashtags and words with inner capitals or digits (iPhone, G7): its
    other words and acronyms are translated (ONU is UN in English)."""
    found: list[Token] = []
    for m in _SPECIAL.finditer(text, start, end):
        token = m.group().rstrip(_TRAILING)
        kind = m.lastgroup if m.lastgroup != "handle" else ("hashtag" if token[0] == "#" else "handle")
        found.append(Token(m.start(), m.start() + len(token), token, kind))
    spans = [(t.start, t.end) for t in found]
    for m in LATIN_WORD.finditer(text, start, end):
        word = m.group()
        if any(a <= m.start() < b for a, b in spans) or len(word) < 2 or word.lower() in _SKIP_WORDS:
            continue
        inner = any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)
        if latin_source and not (inner and any(c.islower() for c in word) or (inner and any(c.isdigit() for c in word))):
            continue
        if word.isdigit():
            continue
        found.append(Token(m.start(), m.end(), word, "name"))
    found.sort(key=lambda t: t.start)
    return found


def carried(token: Token, target: str, target_lower: str) -> bool:
    """Whether the target segment carries the token: as written, in another case, or (an acronym)
    spelt out by the initials of a run of capitalised words (CEO: Chief Executive Officer)."""
    if _as_word(token.text.lower(), target_lower):
        return True
    if token.kind == "name" and token.text.isupper() and token.text.isalpha() and 2 <= len(token.text) <= 8:
        return _spelt_out(token.text, target)
    if token.kind == "url":
        bare = token.text.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()
        return bare in target_lower
    return False


def _spelt_out(acronym: str, target: str) -> bool:
    initials = [w[0] for w in target.replace("-", " ").split() if w[:1].isupper() and w.lower() not in _CONNECTIVES]
    joined = "".join(initials)
    return acronym in joined


def _as_word(needle: str, haystack: str) -> bool:
    """`needle` in `haystack`, not as part of a longer word (Euractiv is not in Euractive)."""
    at = haystack.find(needle)
    while at != -1:
        before = haystack[at - 1] if at else " "
        after = haystack[at + len(needle)] if at + len(needle) < len(haystack) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
            return True
        at = haystack.find(needle, at + 1)
    return False
