"""Analyses shared by all rules, computed at most once per document and only when asked for.

Rules read lines, sentences, words, figures, quotations and attribution cues from here
instead of re-tokenising the text themselves.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property
from typing import Any, Callable, Hashable, Iterator, Mapping, NamedTuple, TypeVar

from .document import HEADING, HEADLINE, Block, Document, space_before, span_at
from .findings import Edit
from .memo import Kept, computed, in_window
from .patterns import lazy_compile

T = TypeVar("T")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = (
    "mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr no vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres supt dept est approx fig"
).split()
# Opens only where a run of stops opens, with possessive repeats: a run that fails fails once
# (retrying it from each of its marks took quadratic time on a long run of "!").
_SENTENCE_END = lazy_compile(r"""(?<![.!?…])[.!?…]++['"\u2019\u201d)\]]*+(?=\s|$)""")
_WORD = lazy_compile(r"\w+(?:[-'\u2019]\w+)*")
_QUOTE_SPAN = lazy_compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"\n]*\"")
# The sign-off line of an embedded social-media post: "— Name (@handle) November 1, 2019".
_POST_SIGNOFF = lazy_compile(r"^[ \t]*[\u2014\u2013-]+[ \t]*[^\n]{0,80}\(@\w{1,30}\)[^\n]*$", re.MULTILINE)
# A capitalised word: a capital (Latin, Greek or Cyrillic ranges, checked afterwards) not preceded
# by a letter, then letters; inner apostrophes kept (O'Brien, Kyiv's); hyphens split compounds
# (Al-Qaeda: Al, Qaeda).  The class comes before the look-behind: it is much faster that way.
_CAPITAL_WORD = (
    r"[A-Z\u00c0-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f](?<!\w.)[^\W\d_]*"
    r"(?:['\u2019](?!s(?![^\W\d_]))[^\W\d_]+)*"
)
_CAPITALISED = lazy_compile(_CAPITAL_WORD)
# What may stand between the start of a sentence and its first word.
_OPENING = lazy_compile(r"[\s\"'\u201c\u2018(\[\-\u2013\u2014\u2022*]*")
# After an opening quotation mark or a colon a capital proves nothing either.
_AFTER_OPENER = lazy_compile(rf"[\u201c\u2018:\"](?<!\S\")\s*({_CAPITAL_WORD})")
_SENTENCE_FINAL = frozenset(".!?…:;,\"\u201d")
_LOWER_WORD = lazy_compile(r"(?<!\w)[a-z][a-z]{3,}")
# A source named: a reporting verb or phrase.  Nouns that merely name a count ("the death toll",
# "a tally", "a record") and passives with no agent ("losses have been recorded") name no one.
_PASSIVE = r"(?<!been\s)(?<!being\s)(?<!were\s)(?<!was\s)(?<!are\s)(?<!is\s)(?<!be\s)"
_REPORTING = lazy_compile(
    r"\b(?:said|says|say|saying|told|tells|according|estimated?|estimates|claim(?:s|ed|ing)?|report(?:s|ed|ing)?|"
    r"announc(?:ed|es|ing)|stated|show(?:s|ed|n)?|confirm(?:s|ed)?|added|adds|cit(?:ed|es|ing)|"
    r"puts?\s+(?:the|its|their|his|her|that)\s+(?:[\w-]+\s+){0,3}at|"
    rf"{_PASSIVE}(?:recorded|counted|tallied)|(?:recorded|counted|tallied|compiled|provided|released)\s+by|"
    r"data|figures|statistics|survey(?:s|ed)?|poll(?:ed|s)?|study|studies|research(?:ers)?|"
    r"reportedly|allegedly|acknowledged|admitted|believed|thought|tweeted|wrote|writes|posted|"
    r"declared|disclosed|revealed|quoted|quoting|citing|found|suggest(?:s|ed)?|indicated?|warned|noted|"
    r"insisted|explained|testified|briefed|statement|briefing|spokes(?:man|woman|person)|"
    r"(?-i:per\s+(?:the\s+)?[A-Z]\w*)|as\s+per|sources?|officials?\s+(?:say|said))\b",
    re.IGNORECASE,
)
# The commonest English function words, space-padded: counting them needs no tokenising (str.count
# runs at memory speed).  They make about a seventh of the words of English prose, and under a
# twentieth of other languages' (French and Spanish "a" aside, they are not words there).
_ENGLISH_MARKERS = (" the ", " of ", " and ", " to ", " a ")
ENGLISH_SHARE = 0.05  # below this share of marker words, a stretch of prose is not English


# Spans, sentences and lines are tuples: an article has hundreds of them, made for every check.
class Span(NamedTuple):
    start: int
    end: int


class Sentence(NamedTuple):
    start: int
    end: int
    block: Block


class Mention(NamedTuple):
    """A capitalised word, possessive 's left out (a tuple: an article has hundreds)."""

    start: int
    end: int
    text: str
    initial: bool  # opens a sentence, line or quotation, or stands in a title-case line: the capital proves nothing


class ProperNouns(NamedTuple):
    """Capitalised words by spelling: how often each is used, and how often mid-sentence."""

    counts: Mapping[str, int]  # all capitalised mentions
    mid_sentence: Mapping[str, int]  # mentions where the capital marks a name (not initial)


class Line(NamedTuple):
    number: int  # 1-based line of the document text
    start: int
    end: int


# Function words of the languages met most (en, fr, de, es, pt, it, nl, id): their share of a
# line's words tells running prose from menus, labels and headlines (jusText's stop-word density).
FUNCTION_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours out over own same she should so
some such than that the their theirs them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours
le la les un une des du de et est sont dans pour pas sur que qui ne se ce il elle au aux avec par
plus ou mais son sa ses leur nous vous cette ces été être
der die das ein eine einen dem den des und ist sind nicht mit von zu im auf für sich auch es
wird werden wurde hat haben bei aus nach wie als oder dass
el los las una unos y en es por para con del al lo se su sus como más pero fue ha muy
o os um uma em do da dos das não com por é ao na no nas nos pela pelo seu sua
il lo gli di che è per con non della delle dei nel nella alla sono ha anche
het een van en niet met voor zijn op te aan ook maar bij dat
yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga
""".split())
_SHAPE_SENTENCE_END = lazy_compile(r"""[.!?\u2026\u3002\uff01\uff1f]['"\u2019\u201d)\]]*$""")
_SENTENCE_MARKS = frozenset(".!?\u2026\u3002\uff01\uff1f")
_CLOSERS = frozenset("'\"\u2019\u201d)]")


class LineShape(NamedTuple):
    """The surface of one non-blank line: enough to tell running prose from page furniture.

    A long line's words are counted by its spaces and its ratios measured on its first words,
    which is plenty to tell prose from a run of labels and keeps the cost flat on long
    paragraphs.  (A tuple, not a dataclass: one is made for every line.)"""

    line: Line
    start: int  # offset of the first non-space character
    end: int  # after the last non-space character
    words: int
    function_ratio: float  # share of words that are function words (FUNCTION_WORDS)
    capital_ratio: float  # share of words that start with a capital letter
    sentence_end: bool  # ends with . ! ? or an ellipsis, maybe inside closing quotes or brackets


SHAPE_SAMPLE = 12
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width spaces and joiners, word joiner, BOM


class Analysis:
    """A Document plus lazily computed, cached analyses and the options in force."""

    def __init__(self, doc: Document, options: Mapping[str, Any] | None = None, kept: Kept | None = None):
        self.doc = doc
        self.text = doc.text
        self.options: Mapping[str, Any] = options or {}
        self._shared: dict[Hashable, Any] = {}
        # A long-lived session's results of earlier checks: an edit changes one block and one
        # line, and the next check finds every other block and line as it was.
        self.keep = kept if kept is not None else computed

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What several rules of one kind work out alike for this document (a page layout, a
        server's answer), computed by the first of them and kept for the others."""
        try:
            return self._shared[key]
        except KeyError:
            value = self._shared[key] = compute()
            return value

    # ---- lines

    @cached_property
    def lines(self) -> list[Line]:
        # Found by their line ends, not by splitting: a split copies every line of a long text at once.
        text, lines, start, number = self.text, [], 0, 1
        end = text.find("\n")
        while end != -1:
            lines.append(Line(number, start, end))
            start, number = end + 1, number + 1
            end = text.find("\n", start)
        lines.append(Line(number, start, len(text)))
        return lines

    def line_at(self, offset: int) -> Line:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self.lines[max(index, 0)]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_text(self, line: Line) -> str:
        return self.text[line.start:line.end]

    def delete_line(self, line: Line, *, safe: bool = False) -> Edit:
        """A fix that deletes `line`: the engine widens it to the whole source lines it stands on."""
        return Edit(line.start, line.end, "", whole_lines=True, safe=safe)

    @cached_property
    def line_shapes(self) -> list[LineShape]:
        """Shapes of the non-blank lines, in order."""
        text, shapes, keep = self.text, [], self.keep
        for line in self.lines:
            shape = keep(_line_shape, text[line.start:line.end])
            if shape is not None:
                lead, length, words, function_ratio, capital_ratio, sentence_end = shape
                start = line.start + lead
                shapes.append(LineShape(line, start, start + length, words, function_ratio, capital_ratio, sentence_end))
        return shapes

    # ---- language

    def english_share(self, start: int, end: int) -> float:
        """Share of the words of text[start:end] that are common English function words."""
        return english_share(self.text, start, end)

    @cached_property
    def is_english(self) -> bool:
        """Whether the article is written in English (checks that assume English copy ask this).

        A text too short to tell (under 20 words) counts as English unless it is mostly non-ASCII.
        """
        end = min(len(self.text), 2000)
        if self.text.count(" ", 0, end) < 20:
            head = self.text[:end]
            return sum(map(str.isascii, head)) >= len(head) / 2
        return self.english_share(0, end) >= ENGLISH_SHARE

    @cached_property
    def outside_cp1252(self) -> bool:
        """Whether the text holds a character Windows-1252 lacks (another script, CJK punctuation).

        One encode at C speed: a gate before the regular expressions that look for foreign text.
        """
        try:
            self.text.encode("cp1252")
        except UnicodeEncodeError:
            return True
        return False

    # ---- blocks and sentences

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return self.doc.blocks

    @cached_property
    def joins(self) -> tuple:
        """The document's joins (Document.joins), those of the blocks a long-lived session has
        seen before handed back from its kept results."""
        if self.keep is computed:
            return self.doc.joins
        from .repair import find_joins

        return find_joins(self.text, self.blocks, self.keep)

    @cached_property
    def sentences(self) -> list[Sentence]:
        text, keep = self.text, self.keep
        sentences: list[Sentence] = []
        joins = [join.offset for join in self.joins]
        next_join = 0
        for block in self.blocks:
            # The joins where scraping lost the white space after a sentence (lint.repair).
            inner = []
            while next_join < len(joins) and joins[next_join] < block.end:
                if joins[next_join] > block.start:
                    inner.append(joins[next_join] - block.start)
                next_join += 1
            # What splitting a block reads: the block, and the few characters before it that an
            # abbreviation at its start reaches back to.
            base, spans = in_window(keep, _block_sentences, text, block.start, block.end, _ABBREVIATION_REACH, tuple(inner))
            sentences += [Sentence(base + s, base + e, block) for s, e in spans]
        return sentences

    def sentence_at(self, offset: int) -> Sentence | None:
        return span_at(self.sentences, self._sentence_starts, offset)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    # ---- words, quotations, figures

    @cached_property
    def quotations(self) -> list[Span]:
        """Quoted speech: spans between matching double quotes, within one line."""
        return [Span(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(self.text)]

    def in_quotation(self, offset: int) -> bool:
        return span_at(self.quotations, self._quotation_starts, offset) is not None

    def quotations_overlapping(self, start: int, end: int) -> list[Span]:
        quotations = self.quotations
        index = max(bisect.bisect_right(self._quotation_starts, start) - 1, 0)
        found = []
        while index < len(quotations) and quotations[index].start < end:
            if quotations[index].end > start:
                found.append(quotations[index])
            index += 1
        return found

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [q.start for q in self.quotations]

    @cached_property
    def embedded_posts(self) -> list[Span]:
        """Embedded social-media posts: a sign-off line and the paragraph above it (a blank line
        may stand between them).  Their words are the poster's, quoted as they are."""
        text = self.text
        posts: list[Span] = []
        if "(@" not in text:
            return posts
        for match in _POST_SIGNOFF.finditer(text):
            body_end = space_before(text, match.start())
            blank = text.rfind("\n\n", 0, body_end)
            posts.append(Span(blank + 2 if blank >= 0 else 0, match.end()))
        return posts

    def in_embedded_post(self, offset: int) -> bool:
        return any(post.start <= offset < post.end for post in self.embedded_posts)

    @cached_property
    def figures(self) -> list:
        from .numerals import figures_in, join_ranges

        figures: list = []
        for base, found in self._by_paragraph(figures_in, 2):
            figures += [f._replace(start=f.start + base, end=f.end + base) for f in found] if base else found
        return join_ranges(self.text, figures)

    # ---- proper nouns

    @cached_property
    def proper_nouns(self) -> ProperNouns:
        """Capitalised words (not all capitals) counted by spelling, in all and mid-sentence."""
        # Counted from the scan itself: a long document's mentions are made only for a rule that asks.
        counts = dict(Counter(word for _, _, word in self._capitalised()))
        initial = Counter(self._initial_capitals.values())
        mid_sentence = {w: c - initial.get(w, 0) for w, c in counts.items() if c > initial.get(w, 0)}
        return ProperNouns(counts, mid_sentence)

    @cached_property
    def name_mentions(self) -> tuple[Mention, ...]:
        """Every capitalised word of proper_nouns, in text order, with where it stands."""
        initial = self._initial_capitals
        return tuple(Mention(start, end, word, start in initial) for start, end, word in self._capitalised())

    def _capitalised(self) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) of the capitalised words that are not all capitals, in text order.

        Found a paragraph at a time: a word holds no white space, so none runs across the end of
        a paragraph (cut right after its blank line), and what the pattern reads around a word
        (the character before it, two after it) lies within the paragraph, its blank line and
        the two characters before it.  A long-lived session keeps each paragraph's words."""
        for base, words in self._by_paragraph(_capitalised_in, 2):
            for s, e, word in words:
                yield base + s, base + e, word

    def _by_paragraph(self, function: Callable[..., T], reach: int) -> Iterator[tuple[int, T]]:
        """in_window(function) over each paragraph in turn, cut right after its blank line: what
        a long-lived session has worked out of a paragraph before is handed back."""
        text, keep = self.text, self.keep
        start = 0
        while start < len(text):
            cut = text.find("\n\n", start)
            end = len(text) if cut == -1 else cut + 2
            yield in_window(keep, function, text, start, end, reach)
            start = end

    @cached_property
    def _initial_capitals(self) -> dict[int, str]:
        """Offset -> word of the capitalised words whose capital proves nothing: the first word of a
        sentence, a word after an opening quotation mark or a colon, any word of a title-case line."""
        text = self.text
        found: dict[int, str] = {}
        capital = _CAPITALISED.match
        opening = _OPENING.match
        for sentence in self.sentences:
            match = capital(text, opening(text, sentence.start).end())
            if match:
                found[match.start()] = match.group()
        for match in _AFTER_OPENER.finditer(text):
            found[match.start(1)] = match.group(1)
        for block in self.blocks:
            if _is_title_case(text, block):
                for match in _CAPITALISED.finditer(text, block.start, block.end):
                    found[match.start()] = match.group()
        return found

    # ---- attribution cues

    def has_reporting_cue(self, start: int, end: int) -> bool:
        """Whether text[start:end] names a source: a reporting verb or phrase, or a quotation."""
        return bool(_REPORTING.search(self.text, start, end))

    def is_sentence_initial(self, offset: int) -> bool:
        """Whether the word at `offset` opens a sentence, a line or a quotation."""
        sentence = self.sentence_at(offset)
        start = sentence.start if sentence else self.line_at(offset).start
        return not self.text[start:offset].strip(" \t\"'\u201c\u2018([-•*")


def _block_sentences(text: str, start: int, end: int, joins: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Sentence spans of the block text[start:end]: sentence ends are marks followed by white
    space, and the joins (offsets from the block's start) merged in text order."""
    ends = []
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        ends.append(match.end())
    if joins:
        ends = sorted(ends + [start + join for join in joins])
    spans: list[tuple[int, int]] = []

    def add(first: int, last: int) -> None:
        body = text[first:last]
        stripped = body.lstrip()  # leading white space is not part of a sentence
        if stripped:
            spans.append((first + len(body) - len(stripped), last))

    for stop in ends:
        if stop > start:
            add(start, stop)
            start = stop
    add(start, end)
    return tuple(spans)


def _line_shape(raw: str) -> tuple[int, int, int, float, float, bool] | None:
    """(lead, length, words, function_ratio, capital_ratio, sentence_end) of a line's text, as
    LineShape holds them; None for a line a reader sees nothing on."""
    stripped = raw.strip()
    if not stripped or not stripped.strip(_INVISIBLE):
        return None  # blank, or only zero-width characters
    lead = len(raw) - len(raw.lstrip()) if raw[0].isspace() else 0
    last = stripped[-1]
    sentence_end = last in _SENTENCE_MARKS or (
        last in _CLOSERS and _SHAPE_SENTENCE_END.search(stripped, max(0, len(stripped) - 8)) is not None
    )
    if len(stripped) <= 100:
        words = _WORD.findall(stripped)
        count = len(words)
    else:
        # A long line: its words counted by the spaces, its ratios taken from its start.
        words = stripped[:100].split()[:SHAPE_SAMPLE]
        count = stripped.count(" ") + 1
    sample = len(words) or 1
    return (
        lead, len(stripped), count,
        sum(map(FUNCTION_WORDS.__contains__, map(str.lower, words))) / sample,
        sum(map(str.isupper, [w[0] for w in words])) / sample,
        sentence_end,
    )


def _capitalised_in(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of the capitalised words (not all capitals) of text[start:end]."""
    return tuple(
        (m.start(), m.end(), word)
        for m in _CAPITALISED.finditer(text, start, end)
        if (word := m.group())[0].isupper() and not word.isupper()
    )


def english_share(text: str, start: int = 0, end: int | None = None, markers: tuple[str, ...] = _ENGLISH_MARKERS) -> float:
    """Share of the words of text[start:end] that are one of `markers` (" the ", " of ", ...)."""
    end = len(text) if end is None else end
    words = text.count(" ", start, end) + 1
    return sum(text.count(marker, start, end) for marker in markers) / words


def capitalised_words(text: str) -> list[str]:
    """The capitalised words of `text` as proper_nouns counts them (for matching against it)."""
    return [word for _, _, word in _capitalised_in(text, 0, len(text))]


def _is_title_case(text: str, block: Block) -> bool:
    """A headline, heading or menu item with (nearly) every longer word capitalised."""
    headline = block.kind in (HEADLINE, HEADING)
    if not headline and (block.end - block.start > 60 or text[block.end - 1] in _SENTENCE_FINAL):
        return False  # a sentence, not a line of page furniture
    lower = len(_LOWER_WORD.findall(text, block.start, block.end))
    upper = sum(1 for w in text[block.start:block.end].split() if len(w) > 3 and w[0].isupper())
    return upper >= (2 if headline else 1) and lower * 4 <= upper


_ABBREVIATION_REACH = 24


def _is_abbreviation(text: str, dot: int) -> bool:
    """A full stop that ends an abbreviation, an initial or a number, not a sentence."""
    # The letters and dots before it ("U.S", "Gen", "J"): the token back to white space, less
    # any opening punctuation.
    # (No further back than any abbreviation reaches: a run with no spaces costs no more.)
    reach = max(0, dot - _ABBREVIATION_REACH)
    token = text[max(text.rfind(" ", reach, dot), text.rfind("\n", reach, dot), reach - 1) + 1:dot]
    word = token[len(token) - len(token.lstrip("\"'\u201c\u2018([")):] if token else ""
    if not word or not word.replace(".", "").isalpha():
        return False
    if word.lower() in _ABBREVIATIONS:
        return True
    # Initials and dotted abbreviations: "J.", "U.S.", "a.m."
    if len(word) == 1 and word.isupper() or "." in word:
        return True
    return False
