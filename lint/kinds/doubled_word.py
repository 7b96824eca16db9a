"""doubled-word: a word typed twice ("the the"); the fix deletes the repeat.

Repeats that grammar allows ("had had", "that that") or speech uses ("no no", "very very")
are listed in the rule's `allow` parameter.  A capitalised pair ("Bora Bora", "Walla Walla")
is a name and is not looked at, and a repeat across a line break is left alone: it may be a heading above its text.
Mid-sentence repeats are found, and "The the" opening a sentence.  Only in English: other
languages repeat words by their grammar (Indonesian "amat amat", German "die die", French "nous
nous"), so a paragraph in another language is skipped.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import ENGLISH_SHARE, Analysis
from ..findings import Edit, Hit
from ..patterns import compile_pattern
from . import Kind, string_list

# Both patterns begin with a literal, which the engine skips to fast: a repeat in mid-sentence
# (" the the"), and "The the" opening a sentence, the commonest slip there.
# A run of repeats ("a a a a ...") is one finding whose fix deletes every repeat, not one per pair.
_DOUBLED = compile_pattern(
    r" (?P<word>[a-z]+)(?P<gap> )(?P<repeat>(?P=word))(?![\w'\u2019-])(?: (?P=word)(?![\w'\u2019-]))*+"
)
_OPENING_THE = compile_pattern(r"The(?P<gap> )(?P<repeat>the)(?![\w'\u2019-])")


class DoubledWord(Kind):
    name = "doubled-word"
    placeholders = frozenset({"phrase", "word"})
    params = {"allow": (list, [])}
    fixable = True

    def prepare(self) -> None:
        self.allowed = {w.lower() for w in string_list(self.allow, "'allow'")}

    def check(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        for match in _DOUBLED.finditer(body):
            word = match.group("word")
            if word in self.allowed or not _in_english(text, match.start()):
                continue
            yield self._hit(match, match.start("word"))
        for match in _OPENING_THE.finditer(body):
            if match.start() == 0 or not body[match.start() - 1].isalnum():
                yield self._hit(match, match.start())

    def _hit(self, match: re.Match, start: int) -> Hit:
        phrase = match.string[start:match.end()]
        return Hit(start, match.end(), self.format(word=match.group("repeat"), phrase=phrase), Edit(match.start("gap"), match.end(), "", safe=True))


def _in_english(text: Analysis, at: int) -> bool:
    """Whether the repeat at `at` stands in English.  A paragraph long enough to tell (20 words)
    by its own words: foreign only with hardly any of English's commonest words, since a caption
    may have few of them ("Nadal celebrates a point against ..."); a shorter one as the article is.
    (The article's verdict alone would miss a raw page whose menus come first.)"""
    block = text.doc.block_at(at)
    if block is None or text.text.count(" ", block.start, block.end) < 20:
        return text.is_english
    return text.english_share(block.start, block.end) >= ENGLISH_SHARE / 4
