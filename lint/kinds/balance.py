"""unbalanced: a bracket or double quotation mark opened and never closed in its paragraph,
or closed without having been opened.

Brackets pair within a paragraph; "1)" and "a)" enumerations and emoticons are not brackets,
and a straight double quote after a figure that opens nothing is an inch mark.
Double quotation marks (curly or straight, which may pair with each other: mixing them is
`mixed-quotes`' business) pair within a paragraph, except that news style lets a quotation run
on over several paragraphs: each paragraph of it opens with a quotation mark and only the last
closes.  So a quotation left open at the end of a paragraph is fine when the next paragraph
opens with a quotation mark.  Single quotation marks are not checked: the closing one is also
the apostrophe; but two of them typed for a double one (’’) are reported, with the fix.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..patterns import compile_pattern
from . import Kind

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_MARKS = compile_pattern(r'\u2018\u2018|\u2019\u2019|[\u201c\u201d\u201e()[\]{}"]')
# Two single marks typed for a double one: they pair as a double mark, and are reported.
_DOUBLED_SINGLES = {"\u2018\u2018": "\u201c", "\u2019\u2019": "\u201d"}
# What before a stray closing bracket makes it an enumeration ("1)", "b)") or an emoticon (":)"),
# and before an opening one a frowning emoticon (":(").
_ENUMERATION = compile_pattern(r"(?<![^\s(])[\da-zA-Z]{1,2}$")
_EMOTICON = compile_pattern(r"[:;=8][-'^]?$")
_WINK = compile_pattern(r"[:;=][-'^]?$")  # inside brackets, where "8)" ends a count


class Unbalanced(Kind):
    name = "unbalanced"
    placeholders = frozenset({"mark", "problem"})
    params: dict = {}
    fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        if _balanced_overall(body):
            return  # every mark pairs across the article: almost always within each paragraph too
        blocks = text.blocks
        for index, block in enumerate(blocks):
            next_opens_quote = index + 1 < len(blocks) and body[blocks[index + 1].start] in "\u201c\""
            yield from self._block(body, block.start, block.end, next_opens_quote)

    def _block(self, body: str, start: int, end: int, next_opens_quote: bool) -> Iterable[Hit]:
        stack: list[tuple[str, int]] = []
        quote_open: int | None = None
        low_open: int | None = None  # a German or Polish quotation, „ … “ (or „ … ”)
        for match in _MARKS.finditer(body, start, end):
            mark, at = match.group(), match.start()
            if at and body[at - 1] == "\u20ac":
                continue  # a byte of mojibake ("â€œ", "â€“"), which translation/mojibake reports
            if mark in _DOUBLED_SINGLES:
                double = _DOUBLED_SINGLES[mark]
                yield Hit(at, at + 2, self.format(mark=mark, problem=f"is two single quotation marks: use “{double}”"),
                          Edit(at, at + 2, double, safe=True))
                mark = double
            if mark in _OPENERS:
                if not _EMOTICON.search(body, max(start, at - 2), at):
                    stack.append((mark, at))
            elif mark in _CLOSERS:
                if stack and _WINK.search(body, max(start, at - 2), at):
                    continue  # a smiley inside brackets closes nothing: "(see you ;))"
                if stack and stack[-1][0] == _CLOSERS[mark]:
                    stack.pop()
                elif any(opener == _CLOSERS[mark] for opener, _ in stack):
                    # "[… (or 1 slice …]": the bracket closes its own opener, and what was
                    # opened inside it and never closed is the mark at fault.
                    while stack[-1][0] != _CLOSERS[mark]:
                        inner, inner_at = stack.pop()
                        yield Hit(inner_at, inner_at + 1, self.format(mark=inner, problem=f"is not closed before the “{mark}” around it"))
                    stack.pop()
                elif not (_ENUMERATION.search(body, max(start, at - 3), at) or _EMOTICON.search(body, max(start, at - 2), at)):
                    yield Hit(at, at + 1, self.format(mark=mark, problem="closes nothing"))
            elif mark == "\u201e":
                low_open = at
            elif low_open is not None and mark in "\u201c\u201d":
                low_open = None  # „Vivy“: the German pair closes with the English opening mark
            elif mark == "\u201c":
                if quote_open is not None:
                    yield Hit(quote_open, quote_open + 1, self.format(mark="\u201c", problem="is not closed before the next quotation opens"))
                quote_open = at
            elif mark == "\u201d":
                if quote_open is None and not _inch_mark(body, start, at):  # 14”
                    yield Hit(at, at + 1, self.format(mark=mark, problem="closes no quotation"))
                quote_open = None
            elif quote_open is not None:  # a straight quote closes an open quotation ...
                quote_open = None
            elif not _inch_mark(body, start, at):  # ... or opens one, unless it is an inch mark
                quote_open = at
        for mark, at in stack:
            yield Hit(at, at + 1, self.format(mark=mark, problem="is not closed in its paragraph"))
        if low_open is not None:
            yield Hit(low_open, low_open + 1, self.format(mark="\u201e", problem="is not closed in its paragraph"))
        if quote_open is not None and not next_opens_quote:
            yield Hit(quote_open, quote_open + 1, self.format(mark=body[quote_open], problem="is not closed in its paragraph"))



def _inch_mark(body: str, start: int, at: int) -> bool:
    """A double mark right after a figure is a prime (a 14" screen, 5'10"), not a quotation mark."""
    return at > start and body[at - 1].isdigit()


def _balanced_overall(body: str) -> bool:
    """Whether opening and closing marks are equally many in the whole text (counted at memory speed)."""
    count = body.count
    return (
        count("(") == count(")") and count("[") == count("]") and count("{") == count("}")
        and count("\u201c") == count("\u201d") and count('"') % 2 == 0
        and "\u2019\u2019" not in body and "\u2018\u2018" not in body and "\u201e" not in body
    )
