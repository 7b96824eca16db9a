"""Damage that scraping leaves in running text: sentences glued where a space or a paragraph
break was lost.

"…after controversy.Until now, new recruits…" is two sentences with the space lost; "…he
said.?It was…" is the same with a lost quotation mark turned into "?"; "Key takeawaysThe
government…" is a heading glued onto its paragraph; "…on Monday. (Photo: PTI)The flood…" is a
picture's credit run into the next sentence, and "https://example.com/floods-2023The state…" a
web address run into a paragraph's first word.  `find_joins` records each such join by
text offset, so that sentence splitting (Analysis.sentences) sees the sentences as written and
a rule can report the damage with a fix that puts the space back.

What is not a join: abbreviations and initials ("U.S.", "J.K.Rowling", "Mr.Smith"), decimals
("3.5"), web addresses, file names, e-mail addresses and handles ("bbc.co.uk", "@PTI_News"),
and brand names written in camel case ("YouTube", "easyJet", "iPhone").
"""
from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple, Sequence

from .document import Block
from .memo import computed, in_window
from .patterns import lazy_compile

SENTENCE = "sentence"  # a lost space between two sentences
PARAGRAPH = "paragraph"  # a lost paragraph break: a heading-like run glued onto prose
CREDIT = "credit"  # a bracketed picture or agency credit run into the next sentence
ADDRESS = "address"  # a web address run into the first word of its paragraph

# A sentence mark (or a stray "?" after it), maybe inside closing quotes or a bracket, right
# after a letter or digit and right before a capitalised word ("Until", "A ", "It's"), maybe
# behind an opening quotation mark.  Every quantifier is bounded: the scan is linear.  The mark
# comes first and the look-behinds after it: the search then skips to the next stop instead of
# testing a look-behind at every character (ten times faster).
_GLUED = lazy_compile(
    r"(?P<mark>[.!?\u2026](?:(?<=[^\W_].)|(?<=[^\W_][\"'\u2019\u201d)\]].))"
    r"[.!?\u2026]{0,2}[\"'\u2019\u201d)\]]?)"
    r"(?=[\u201c\u2018]?[A-Z\u00c0-\u00de](?:[a-z\u00df-\u00ff]|['\u2019]?[\s,;:]))"
)
# A word run straight into a sentence opener ("Key takeawaysThe government…"): a heading glued
# onto its paragraph, looked for only at the start of a block.  The opener must be a word that
# starts sentences and never ends a camel-case name ("YouTube", "PlayStation", "easyJet").
_CAMEL = lazy_compile(
    r"(?<![^\W\d_])[A-Za-z][a-z]{2,30}(?P<right>The|She|They|This|That|These|Those|There|After|Before|When|"
    r"While|But|With|From|According|During|Since|Despite|Following|Amid|Meanwhile|However|Earlier|Why|"
    r"Police|Officials)(?= [a-z0-9])"
)
# A credit in brackets straight before a capitalised word: "(Photo: PTI)The", "(HT Photo)Police".
_CREDIT_GLUED = lazy_compile(
    r"\((?:(?:Photo|Photos|Image|Picture|Pic|File photo|Representational image|Credit|Courtesy)(?:[ \t]*+[:/][ \t]*+[^()\n]{1,60}+)?"
    r"|(?:HT|PTI|ANI|IANS|AP|AFP|Reuters|REUTERS|Express|Getty|File|Bloomberg|EPA|Xinhua)(?:[ \t]++(?:Photos?|Images?|File Photo))?)\)"
    r"(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])"
)
# A web address opening a block, run into the paragraph's first word: the address ends in a
# lower-case letter, a digit or a slash, and a sentence opener follows, then a lower-case word.
_ADDRESS_GLUED = lazy_compile(
    r"(?:https?://|www\.)[^\s]{1,300}?[a-z0-9/](?P<right>The|A|An|In|On|At|As|It|He|She|We|They|This|That|"
    r"These|Those|There|After|Before|When|While|But|With|From|According|During|Since|Despite|Following|Amid|"
    r"Meanwhile|However|Earlier|Police|Officials)(?= [a-z0-9])"
)
# What a token with a join in it must not be: a web address, a path, an e-mail address, a handle.
_ADDRESS = lazy_compile(r"://|www\.|@|/|\\|^#")
_TOKEN_REACH = 80
# Abbreviations after which a full stop does not end a sentence (lower case, no dots).
# Words that end a web address written as a name ("PanARMENIAN.Net", "Mixi.Media").
_DOMAIN_ENDS = frozenset("com net org info media news online live tv io co uk in biz gov edu".split())
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr no vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres supt dept est approx fig".split()
)
_HEADING_WORDS = 12  # a glued-on heading is short
_HEADING_CHARS = _HEADING_WORDS * 30


class Join(NamedTuple):
    """Where a space (or a paragraph break) was lost: text[offset] starts the second part."""

    mark_start: int  # start of the punctuation that ends the first part (== offset if none)
    offset: int
    kind: str  # SENTENCE or PARAGRAPH


def find_joins(text: str, blocks: Sequence[Block], keep: Callable[..., Any] = computed) -> tuple[Join, ...]:
    """The joins of the text's blocks, in text order.

    Each block's are found in its own text and the few characters before it that the patterns'
    look-behinds reach (`_LOOK_BACK`): nothing else is read, so a long-lived session's `keep`
    (lint.memo.Kept) can hand back the joins of a block it has seen before."""
    joins: list[Join] = []
    for block in blocks:
        base, found = in_window(keep, _block_joins, text, block.start, block.end, _LOOK_BACK)
        joins += [Join(base + mark, base + offset, kind) for mark, offset, kind in found]
    joins.sort()
    return tuple(joins)


_LOOK_BACK = 4  # characters before a block its patterns' look-behinds may read (at most 2)


def _block_joins(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """(mark_start, offset, kind) of the joins of the block text[start:end]."""
    joins: list[tuple[int, int, str]] = []
    counted, quotes = start, 0  # straight quotation marks seen so far in the block
    for match in _GLUED.finditer(text, start, end):
        mark_start, offset = match.span("mark")
        if _is_abbreviation_or_address(text, mark_start, offset, start, end):
            continue
        quotes += text.count('"', counted, mark_start)
        counted = mark_start
        if text[offset - 1] == '"' and quotes % 2 == 0:
            offset -= 1  # a straight quotation mark that opens the next sentence
        kind = PARAGRAPH if _heading_like(text, start, mark_start) else SENTENCE
        joins.append((mark_start, offset, kind))
    for match in _CREDIT_GLUED.finditer(text, start, end):
        joins.append((match.end(), match.end(), CREDIT))
    address = _ADDRESS_GLUED.match(text, start, min(end, start + 400))
    if address is not None:
        joins.append((address.start("right"), address.start("right"), ADDRESS))
    # A heading glued on with no mark at all can only be at the very start of a block.
    head_end = min(end, _nth_space(text, start, end, _HEADING_WORDS + 1))
    for match in _CAMEL.finditer(text, start, head_end):
        offset = match.start("right")
        if _in_address(text, offset, start, end) or not _heading_like(text, start, offset, glued_word=True):
            continue
        joins.append((offset, offset, PARAGRAPH))
    return tuple(joins)


def _nth_space(text: str, start: int, end: int, n: int) -> int:
    position = start
    for _ in range(n):
        position = text.find(" ", position + 1, end)
        if position == -1:
            return end
    return position


def _token_bounds(text: str, offset: int, block_start: int, block_end: int) -> tuple[int, int]:
    """The run of non-space characters around `offset`, within its block (and within
    _TOKEN_REACH characters each side, so that a line with no spaces costs no more per join)."""
    low, high = max(block_start, offset - _TOKEN_REACH), min(block_end, offset + _TOKEN_REACH)
    start = offset
    while start > low and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < high and not text[end].isspace():
        end += 1
    return start, end


def _in_address(text: str, offset: int, block_start: int, block_end: int) -> bool:
    start, end = _token_bounds(text, offset, block_start, block_end)
    return _ADDRESS.search(text, start, end) is not None


def _is_abbreviation_or_address(text: str, mark_start: int, offset: int, block_start: int, block_end: int) -> bool:
    start, end = _token_bounds(text, offset, block_start, block_end)
    token = text[start:end]
    if _ADDRESS.search(token):
        return True
    before = text[start:mark_start].lstrip("\"'\u201c\u2018([")
    word = before.rstrip("\"'\u2019\u201d)]")
    last_part = re.split(r"[-\u2013/]", word)[-1]  # "R-W" in "R-W.Va.": the state's initial
    if text[mark_start] == ".":
        if "." in word or len(last_part) == 1 or word.lower() in ABBREVIATIONS:
            return True  # "U.S.", "J.K.Rowling", "Mr.Smith", "R-W.Va."
        after = text[offset:end]
        if re.match(r"[A-Za-z]+\.", after):
            return True  # "Example.Com.Au", "W.Va.": a dotted name, address or abbreviation
        tail = re.match(r"[A-Za-z]+", after)
        if word[:1].isupper() and tail and tail.group().lower() in _DOMAIN_ENDS and tail.end() == len(after.rstrip(",;:)")):
            return True  # "PanARMENIAN.Net": a site's name
    return False


def _heading_like(text: str, start: int, end: int, *, glued_word: bool = False) -> bool:
    """Whether text[start:end], the start of a block up to a join, reads as a heading glued on:
    short, with no sentence ending inside it and, when a full stop ends it, (nearly) every
    longer word capitalised.  A word run into a sentence opener is a heading whatever its case."""
    if end - start > _HEADING_CHARS:
        return False  # too long for a heading: and so a long block costs nothing per join
    run = text[start:end]
    words = run.split()
    if not words or len(words) > _HEADING_WORDS or any(mark in run for mark in ".!?\u2026"):
        return False
    if glued_word:
        return True
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[0].isupper() or w[0].isdigit())
    return len(long_words) >= 2 and capitalised >= 0.75 * len(long_words)
