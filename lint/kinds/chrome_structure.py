"""chrome-structure: page furniture found by the shape and place of lines, not by their wording.

Phrase packs catch the chrome that names itself ("Most Popular", "Leave a Reply").  Most chrome
does not: menus, breadcrumbs, a headline repeated above the article, photo captions and credits,
bylines, timestamps, counters, links to other stories.  As in jusText and boilerpipe, each
non-blank line is judged by its shape (length, sentence punctuation, share of function words,
capitals) together with its neighbours, and the article body is the stretch of the document where
running prose outweighs everything else (the body-text-extraction idea of Finn et al.).  What
stands before or after the body is read with more suspicion than what stands inside it.

The page is read once per document (`page_layout`, cached for all rules): first the cues that a
line shows by itself (a credit, a byline, a timestamp...), then the body, then the detectors that
judge a line by where it stands (menus, breadcrumbs, stray headings, furniture around the body).
Every line gets at most one verdict; a rule reports the verdicts of the detector it names with
`detect`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple

from ..analysis import FUNCTION_WORDS, Analysis, LineShape
from ..document import CAPTION, HEADING, LIST_ITEM
from ..findings import Edit, Hit
from ..patterns import lazy_compile
from ..repair import ADDRESS, CREDIT, SENTENCE
from . import REQUIRED, Kind, RuleError

# ---------------------------------------------------------------- patterns

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_AGO = r"(?:(?<!\d)\d+\s*(?:[smhdwy]|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago|just now|yesterday|today)"
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|IST|AEST|AEDT|JST|PT|ET|HKT|SGT|WIB)"
# A line made of dates and times, with the labels sites put around them.
_TIMESTAMP = lazy_compile(
    rf"""^[\s|(\[•·\-–—]*+(?:(?:last\s+|first\s+)?(?:updated|published|posted|modified|created|date|
    time|on|at|as\s+of|released)\s*(?:on|at)?\s*[:\-–—]?\s*)?
    (?:(?:{_WEEKDAY}|{_DATE}|{_TIME}|{_AGO}|{_ZONE}|\d{{4}}|at|on|and|\||,|/|·|•|-|–|—|\(|\)|
    (?:last\s+|first\s+)?(?:updated|published|posted|modified)|(?<=\d)H)\s*)+$""",
    re.IGNORECASE | re.VERBOSE,
)
_HAS_DATE = lazy_compile(rf"{_DATE}|{_TIME}|{_AGO}|\b(?:19|20)\d\d-\d\d-\d\d", re.IGNORECASE)
# A time alone ("9.30 A.M. / 7.00 P.M.") may be opening hours; a stamp has a day or a label.
_STAMP_ANCHOR = lazy_compile(rf"{_DATE}|{_AGO}|\b(?:updated|published|posted|modified)\b|\d(?:H|h)\b", re.IGNORECASE)
# "© 2019 Vox Media, LLC. All Rights Reserved", "Copyright (c) 2018 Penske Business Media".
_COPYRIGHT = lazy_compile(r"^\W*(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d\d|[A-Z][^\n]{0,80}\b(?:19|20)\d\d\b)", re.IGNORECASE)
_ALL_RIGHTS = lazy_compile(r"\ball rights reserved\b", re.IGNORECASE)
_SYNDICATION_TERMS = lazy_compile(r"\bmay not be (?:re)?(?:published|broadcast|reproduced|rewritten|redistributed)\b", re.IGNORECASE)

# A person's name: capitalised words, initials and the particles names carry.
_NAME = r"(?:[A-Z][\w.'\u2019-]*|de|da|van|von|der|al|bin|ibn|le|la|del|dos)(?:\s+(?:[A-Z][\w.'\u2019-]*|de|da|van|von|der|al|bin|ibn|le|la|del|dos)){0,4}"
_BYLINE = lazy_compile(
    rf"""^[\s|•·\-–—]*(?i:(?:(?:written|posted|reported|researched|story|words|text|photos?|edited|compiled)\s+)?by)\s*:?\s+
    {_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*\s*(?P<rest>.*)$""",
    re.VERBOSE,
)
_POSTED_ON = lazy_compile(rf"^(?i:(?:posted|published|updated)\s+(?:on\s+)?){_DATE}.{{0,40}}\b(?i:by)\s+{_NAME}")
# What may follow the name on a byline: roles, the outlet, handles, dates and counts.
_BYLINE_EXTRAS = lazy_compile(
    rf"{_DATE}|{_TIME}|{_AGO}|{_ZONE}\b|@\w+|(?<!\S)\S+@\S+\.\w+|\d[\d\s().-]*|[^\w\s]+", re.IGNORECASE
)
_ROLE_WORDS = frozenset("""
staff senior chief special political foreign business sports news science tech technology health
deputy associate managing contributing executive writer reporter correspondent editor columnist
contributor journalist producer photographer analyst intern bureau desk team for the of and in at
updated published posted on comments comment
""".split())


# Photo and image credits.
_AGENCY = (
    r"(?:Getty\s*Images|Getty|AFP|AP\s*Photo|AP|Associated\s+Press|Reuters|EPA(?:-EFE)?|EFE|"
    r"Shutterstock|Alamy(?:\s+Stock\s+Photo)?|iStock(?:photo)?|PA\s*(?:Images|Wire|Media)?|Bloomberg|"
    r"Xinhua|TASS|Sputnik|PTI|ANI|IANS|NurPhoto|SOPA\s+Images|LightRocket|Sipa(?:\s+USA)?|"
    r"Corbis|Anadolu(?:\s+Agency)?|ZUMA(?:\s+Press|\s+Wire)?|Rex\s+Features|REX|Splash\s+News|"
    r"WENN|Backgrid|Unsplash|Pexels|Pixabay|Wikimedia\s+Commons|dpa|ANSA|Kyodo|Yonhap)"
)
_CREDIT_LABEL = (
    r"(?i:(?:(?:main|top|header|featured|lead|hero|cover)\s+)?(?:photo(?:graph)?s?|images?|pictures?|pics?|"
    r"illustrations?|graphics?|video|footage|artwork|screenshots?)\s*(?:credits?|courtesy|sources?|by)?|"
    r"credits?|courtesy(?:\s+of)?|(?:photo|image)\s+(?:credit|courtesy|source))"
)
_CREDIT_LINE = lazy_compile(
    rf"""^[\s(\[]*(?:(?:{_CREDIT_LABEL})\s*(?::|\.\.\.|…|-|–|—)\s*\S.{{0,80}}|
    (?i:(?:file|representational|representative|stock)\s+(?:photo|image|picture|pic)\b.{{0,60}})|
    (?i:(?:image|photo)\s+(?:for\s+)?representation(?:al)?\b.{{0,60}})|
    ©\s*[^\d\s][^.!?\d]{{0,40}}|
    (?:{_NAME}\s*[/|]\s*)*(?:{_NAME}\s*(?:/|\||via|for)\s*)?{_AGENCY}(?:\s*(?:/|\||via|for)\s*{_NAME})*(?:\s+(?:photo|file|images?|pool))?
    )[\s)\]]*$""",
    re.VERBOSE,
)
_CREDIT_TAIL = lazy_compile(
    rf"""(?:\((?:\s*(?:{_CREDIT_LABEL})\s*[:\-–—]\s*[^()]{{1,80}}|[^()]{{0,60}}(?:/|\|)\s*{_AGENCY}[^()]{{0,30}}|\s*{_AGENCY}(?:\s+photo)?\s*)\)|
    \b(?i:credit)\s*(?:\.\.\.|…|:)\s*\S.{{0,80}})\s*$""",
    re.VERBOSE,
)
# Verbs and phrases of picture captions: people shown doing something, in the present tense.
_CAPTION_CUE = lazy_compile(
    r"\b(?:is|are)\s+(?:seen|pictured|shown)\b|\b(?:pictured|seen\s+here|file\s+photo|in\s+this\s+(?:photo|image|picture|file))\b|"
    r"\b(?:sets?\s+up|rides?|walks?|stands?|sits?|poses?|gestures?|looks?\s+on|speaks?|attends?|arrives?|"
    r"holds?|waves?|wades?|celebrates?|carr(?:y|ies)|fires?|patrols?|prepares?|inspects?|watches|listens|"
    r"reacts?|greets?|shakes?\s+hands|delivers?|leaves?|enters?|passes|smiles?|takes?\s+part|"
    r"march(?:es)?|gathers?|display(?:s)?|waits?|works?|plays?|shops?|clears?|repairs?|rests?|"
    r"cross(?:es)?|drives?|flies|runs|kneels?|hugs?|kisses|mourns?|visits?)\b",
    re.IGNORECASE,
)

# Breadcrumbs: "Home > World > Europe", "Home / News", navigation glued onto a headline.
_CRUMB_SEPARATORS = lazy_compile(r"(?<!\s)\s*(?:>|»|›|→|/|\\|::)\s*")  # from a run's first space: linear
_HOME_CRUMB = lazy_compile(r"^\W*(?:you\s+are\s+(?:here|at)\s*:?\s*)?home\b\s*(?:[>»›→/\\:]|::)", re.IGNORECASE)
_GLUED_HOME = lazy_compile(r"^\W*Home(?=[A-Z0-9\u00c0-\u024f])\S*\s+\S+\s+\S")
# Where two words were glued: a lower-case letter, not at a word's start, then a capital or a
# figure ("HomeWorld News1 lakh": two glue points; "HomeKit", "iPhone": one or none).
_GLUE = lazy_compile(r"(?<=[^\W\d_]{2})[a-z](?=[A-Z0-9])")
_WORD_RUN = lazy_compile(r"\S+")
_HOME_SECTIONS = lazy_compile(r"^\W*Home(?:\s+(?:[A-Z][\w&'-]*|&)){2,5}\W*$")
_YOU_ARE_HERE = lazy_compile(r"^\W*you\s+are\s+(?:here|at)\s*:?\W*$", re.IGNORECASE)

# Leftovers of embedded social posts.
_EMBED = lazy_compile(
    r"""^(?:.{0,200}?\b(?P<signoff>A\s+post\s+shared\s+by)\b|\W*pic\.twitter\.com/\w+|\W*View\s+this\s+post\s+on\s+Instagram\W*$|
    \W*Likes?\s+Loading\W*$|\W*\d[\d,.]*[KkMm]?\s+(?:Fans|Followers|Subscribers)\s+(?:Like|Follow|Subscribe)\W*$|
    \W*%d\s+bloggers\s+like\s+this\W*$)""",
    re.IGNORECASE | re.VERBOSE,
)

# Menus on one line: "Home | World | Business".
_MENU_SEPARATOR = lazy_compile(r"\s*[|•·]\s*|\s+[-–—]\s+|\s{3,}")

# Counters: "12 comments", "1.2K shares", "(42) Comments", "5 min read".
_COUNTER = lazy_compile(
    r"""^[\s\[(]*(?:(?:\d[\d,.]*\s*[KkMm]?\+?\)?\s*)(?:comments?|shares?|views?|likes?|reactions?|
    responses?|replies|reads?|fans|followers|subscribers|votes|retweets|tweets|pins|claps|points)|
    (?:comments?|shares?|views?|likes?|replies|reactions?)\s*[:(\[]?\s*\d[\d,.]*[KkMm]?\s*[)\]]?|
    \d+\s*(?:-\s*)?(?:min(?:ute)?s?|hours?)\s+(?:read|listen|watch)(?:ing)?(?:\s+time)?|
    (?:reading|read|listening)\s+time\s*:?\s*\d+\s*(?:min(?:ute)?s?|seconds?))[\s\])]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Closing lines that belong to the article although they are not prose.
_ARTICLE_TAIL = lazy_compile(
    r"^\W*(?:\(?(?:additional\s+)?reporting\s+by|(?:writing|editing|edited|compiled)\s+by|contributing|"
    r"with\s+(?:reporting|additional)|with\s+(?:\w+\s+){0,2}wires?\W*$|[-–—]\s*(?:AP|AFP|Reuters|PTI|IANS|ANI)\b|\((?:AP|AFP|Reuters|PTI|IANS)\)|"
    r"this\s+(?:story|article)\s+(?:was|has\s+been|first)|(?:sources?|note|editor'?s\s+note)\s*:|"
    # The writer's note and the agency line that close an article: "(The writer is …)", "With PTI inputs".
    r"\(?the\s+(?:writer|author|columnist|reviewer)s?\s+(?:is|are|was|were|has|have)\b|"
    r"\(?with\s+(?:[\w&-]+\s+){0,3}inputs?\b|"
    # The syndicated story's source: "Provided by European Space Agency".
    r"(?:provided|supplied)\s+by\s+\w)",
    re.IGNORECASE,
)
_LIST_MARK = lazy_compile(r"^\s*(?:[-*•▪●·–]|\d{1,2}[.)]|[a-z][.)])\s")
# Leader dots and ellipses ending a line, found without nested repeats (they took exponential
# time on a run of dots followed by a letter): the run of tail characters, then its lone dots.
_TAIL_RUN = lazy_compile(r"(?<![\s.…])[\s.…]+$")
_LONE_DOT = lazy_compile(r"(?<!\.)\.(?!\.)")
_NORMALISE = lazy_compile(r"[\W_]+")
_STEM = lazy_compile(r"[^\W\d_]{3,}")


# ---------------------------------------------------------------- the page


class Row:
    """One non-blank line with what the detectors ask of it (slots: one is made per line)."""

    __slots__ = ("index", "shape", "prose", "alone", "_document_text")

    def __init__(self, index: int, shape: LineShape, document_text: str, prose: bool, alone: bool):
        self.index = index  # among the document's non-blank lines
        self.shape = shape
        self.prose = prose
        self.alone = alone  # blank line (or the document's edge) on both sides
        self._document_text = document_text

    @property
    def text(self) -> str:
        """The line's text, cut from the document when asked: the layout is kept for the whole
        check, and a copy of every line would hold the document twice."""
        return self._document_text[self.shape.start:self.shape.end]


class Verdict(NamedTuple):
    """Why a line is chrome: the detector's name, the span to mark and a detail for the message."""

    detector: str
    start: int
    end: int
    detail: str = ""
    whole_line: bool = True
    own_text: bool = False  # the line's own words are the evidence, not its place on the page
    cut: bool = False  # the span alone may be deleted: chrome glued onto the line's prose


@dataclass
class PageLayout:
    """One reading of the whole document: its lines, where the article body lies, and the
    verdict on each line found to be chrome (by row index)."""

    rows: list[Row]
    verdicts: dict[int, Verdict] = field(default_factory=dict)
    furniture_like: frozenset[int] = frozenset()  # non-prose rows that do not read as content
    body: tuple[int, int] | None = None  # first and last row of the article body
    headlines: frozenset[int] = frozenset()  # rows taken for the headline
    marked_up: frozenset[int] = frozenset()  # rows the markup itself calls a heading or caption
    feed: tuple[int, int] | None = None  # first and last row of a feed of comments or teasers below the article

    def region(self, index: int) -> str:
        if self.body is None:
            return "none"
        if index < self.body[0]:
            return "top"
        if index > self.body[1]:
            return "bottom"
        return "body"


def page_layout(text: Analysis) -> PageLayout:
    """The document's rows, body and verdicts, computed once per document for every rule."""
    return text.shared("chrome-layout", lambda: _build_layout(text))


def _build_layout(text: Analysis) -> PageLayout:
    """Rows and their cues in one pass, then the body, the headline, and the detectors that
    judge a line by where it stands."""
    doc_text, shapes, doc = text.text, text.line_shapes, text.doc
    rows: list[Row] = []
    verdicts: dict[int, Verdict] = {}
    furniture: set[int] = set()
    last = len(shapes) - 1
    marks = _document_marks(doc_text)
    for index, shape in enumerate(shapes):
        line_text = doc_text[shape.start:shape.end]
        number = shape.line.number
        alone = (index == 0 or shapes[index - 1].line.number < number - 1) and (
            index == last or shapes[index + 1].line.number > number + 1
        )
        row = Row(index, shape, doc_text, _is_prose(shape, line_text), alone)
        rows.append(row)
        # Lines that show what they are are judged first: they also weigh against the body.
        verdict = _cue_verdict(row, marks)
        if verdict is not None:
            verdicts[index] = verdict = verdict._replace(own_text=True)
        if not row.prose and (verdict is not None or not _content_like(row)):
            furniture.add(index)
    marked_up = frozenset(
        index for index, shape in enumerate(shapes)
        if (block := doc.block_at(shape.start)) is not None and block.kind in (HEADING, CAPTION)
    ) if doc.format != "text" else frozenset()
    layout = PageLayout(rows, verdicts, frozenset(furniture), marked_up=marked_up)
    layout.body = _find_body(layout)
    layout.feed = _find_feed(layout)
    if layout.feed is not None:
        layout.body = _before_feed(layout, layout.feed)
    layout.headlines = _find_headlines(layout)
    for detector in _LAYOUT_DETECTORS:
        for index, verdict in detector(layout, text):
            layout.verdicts.setdefault(index, verdict)
    return layout


def _is_prose(shape: LineShape, line: str) -> bool:
    """Running text: long, and either punctuated as sentences or plainly not a title."""
    if shape.words < 10:
        # Scripts written without spaces: judge by length and the full stop.
        return shape.sentence_end and _spaceless(line) and len(line) >= 25
    if not (shape.sentence_end or shape.words >= 25):
        return False
    return shape.function_ratio >= 0.2 or shape.capital_ratio <= 0.35


def _spaceless(line: str) -> bool:
    """Written mostly in a script that does not separate words (Chinese, Japanese, Thai)."""
    return not line.isascii() and len(_SPACELESS.findall(line)) * 2 > len(line)


_SPACELESS = lazy_compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _content_like(row: Row) -> bool:
    """A line that is not prose but reads as content: a list item, a table row, a fragment of a
    sentence.  Menus, labels and the headlines of other stories are none of these."""
    line, shape = row.text, row.shape
    if _LIST_MARK.match(line) or (line[:1].islower() and shape.words >= 2):
        return True
    if _spaceless(line):
        return len(line) >= 10
    if shape.words >= 4 and shape.function_ratio >= 0.25:
        return True
    return shape.words >= 3 and (_DIGIT.search(line) is not None or _INNER_PUNCTUATION.search(line) is not None)


_DIGIT = lazy_compile(r"\d")
_INNER_PUNCTUATION = lazy_compile(r"[,;:(\[]\s*\S")
_FURNITURE_COST = 8


def _find_body(layout: PageLayout) -> tuple[int, int] | None:
    """The stretch where prose outweighs the rest: the maximum-sum run in which prose scores its
    words, a furniture-like line a fixed cost and any other line (lists, tables) a small one, as
    body-text extraction weighs text against markup."""
    best, best_span = 0, None
    total, start = 0, 0
    furniture = layout.furniture_like
    for row in layout.rows:
        if row.prose:
            score = row.shape.words
        else:
            score = -_FURNITURE_COST if row.index in furniture else -1
        if total <= 0:
            total, start = 0, row.index
        total += score
        if total > best:
            best, best_span = total, (start, row.index)
    if best_span is None:
        return None
    first, last = best_span
    rows = layout.rows
    while first < last and not rows[first].prose:
        first += 1
    # Short closing paragraphs ("Colombia had lost to Belgium on Monday.") still belong to it.
    while last + 1 < len(rows) and _short_paragraph(rows[last + 1], layout):
        last += 1
    return first, last


def _find_feed(layout: PageLayout) -> tuple[int, int] | None:
    """A run of cards below the article, each a short header line (a reader's name, another
    story's title) over a dated stamp and a few lines of text: reader comments or teasers for
    other stories.  Their text is prose, so the body's run would swallow them.

    Only on a page scraped whole (furniture above the body), after a stretch of the article
    with no stamp in it, and with three cards or more spaced alike: a live blog's entries are
    the article itself, and they start where it does."""
    if layout.body is None:
        return None
    first, last = layout.body
    rows = layout.rows
    if _furniture_count(layout, rows[:first]) < _MIN_FURNITURE:
        return None
    stamps = [
        row.index for row in rows[first:]
        if (verdict := layout.verdicts.get(row.index)) is not None and verdict.detector in _CARD_STAMPS
        and _card_header(rows, row.index) is not None
    ]
    run: list[int] = []
    for index in stamps:
        if run and index - run[-1] > _CARD_MAX_ROWS:
            if len(run) >= _FEED_MIN_CARDS:
                break
            run = []
        run.append(index)
    if len(run) < _FEED_MIN_CARDS:
        return None
    start = _card_header(rows, run[0])
    article_words = sum(row.shape.words for row in rows[first:start] if row.prose)
    if article_words < _FEED_MIN_ARTICLE_WORDS:
        return None
    gaps = sorted(b - a for a, b in zip(run, run[1:]))
    card = gaps[len(gaps) // 2]
    end = min(run[-1] + card - (run[0] - start) - 1, len(rows) - 1)
    return start, max(end, run[-1])


def _card_header(rows: list[Row], stamp: int) -> int | None:
    """The row that opens a card: the short line right above its stamp (a name, a handle, a
    title).  A stamp with no such line above is no card's."""
    if stamp > 0 and (above := rows[stamp - 1]) and not above.prose and above.shape.words <= _CARD_HEADER_WORDS:
        return stamp - 1
    return None


def _before_feed(layout: PageLayout, feed: tuple[int, int]) -> tuple[int, int] | None:
    """The body cut where the feed begins, back to its last line of prose."""
    assert layout.body is not None
    first, _ = layout.body
    last = feed[0] - 1
    while last > first and not layout.rows[last].prose:
        last -= 1
    return (first, last) if last >= first else layout.body


def _feeds(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    if layout.feed is None:
        return
    start, end = layout.feed
    for row in layout.rows[start:end + 1]:
        yield row.index, Verdict("feed", row.shape.start, row.shape.end, "a feed of reader comments or other stories")


_CARD_STAMPS = frozenset({"timestamp", "byline"})
_CARD_MAX_ROWS = 12  # from one card's stamp to the next
_CARD_HEADER_WORDS = 12
_FEED_MIN_CARDS = 3
_FEED_MIN_ARTICLE_WORDS = 150


def _furniture_count(layout: PageLayout, rows: list[Row]) -> int:
    return sum(1 for row in rows if row.index in layout.furniture_like)


def _short_paragraph(row: Row, layout: PageLayout) -> bool:
    return row.shape.sentence_end and row.shape.words >= 5 and row.index not in layout.furniture_like


def _find_headlines(layout: PageLayout) -> frozenset[int]:
    """The document's first line, and the headline just above the body: the title-like line
    there that the page title (the first line) repeats, or else the nearest one.  A line directly
    above a photo credit is a caption, not a headline."""
    rows = layout.rows
    found = set()
    if len(rows) > 1:
        found.add(0)
    if layout.body is None:
        return frozenset(found)
    candidates = []
    for row in rows[max(1, layout.body[0] - 8):layout.body[0]]:
        below = layout.verdicts.get(row.index + 1)
        if (
            3 <= row.shape.words <= 30
            and not row.prose
            and row.index not in layout.verdicts
            and not (below is not None and below.detector == "photo-credit")
        ):
            candidates.append(row)
    if candidates:
        title = _normalised(rows[0].text)
        named = [row for row in candidates if len(_normalised(row.text)) >= 12 and _normalised(row.text) in title]
        found.add((named or candidates)[-1].index)
    return frozenset(found)


# ---------------------------------------------------------------- cues: a line by itself
# Each looks at one line and returns a verdict or None; the first to answer wins.


def _whole(row: Row, detector: str, detail: str = "") -> Verdict:
    return Verdict(detector, row.shape.start, row.shape.end, detail)


def _copyright_cue(row: Row) -> Verdict | None:
    line, words = row.text, row.shape.words
    if words > 60 or not ("©" in line or "opyright" in line or "OPYRIGHT" in line or "(c)" in line or "ights" in line or "IGHTS" in line):
        return None
    if _COPYRIGHT.match(line) or (words <= 25 and _ALL_RIGHTS.search(line)):
        return _whole(row, "copyright")
    return None


def _credit_cue(row: Row) -> Verdict | None:
    """A credit line, or a caption that ends in its credit."""
    line = row.text
    if row.shape.words <= 14 and _may_be_credit(line) and _CREDIT_LINE.match(line):
        return _whole(row, "photo-credit")
    tail = max(0, len(line) - 120)
    if not (line.endswith(")") or "redit" in line[tail:]):
        return None
    match = _CREDIT_TAIL.search(line, tail)
    if match is None:
        return None
    if row.prose or _ENDS_SENTENCE.search(line, 0, match.start()):
        # A paragraph that ends in a credit ("... said on Monday. (PTI)") is prose: the credit
        # alone is chrome/inline-credit's business, and the line is no caption.
        return None
    return _whole(row, "caption", "a photo caption with its credit")


_ENDS_SENTENCE = lazy_compile(r"""[.!?]['"\u2019\u201d]?\s*$""")


def _may_be_credit(line: str) -> bool:
    """A cheap first look: a credit has a separator, a bracket, a label or an agency's name."""
    return (
        "/" in line or "|" in line or ":" in line or "(" in line or "©" in line or "…" in line or "..." in line
        or "-" in line or "–" in line or "—" in line or "Getty" in line or "AFP" in line or "AP" in line
        or "Reuters" in line or "EPA" in line or _first_word(line) in _CREDIT_FIRST_WORDS
    )


_CREDIT_FIRST_WORDS = frozenset(
    "photo photos photograph image images picture pic illustration graphic video footage artwork screenshot "
    "credit credits courtesy file representational representative stock main top header featured lead "
    "associated shutterstock alamy istock pa bloomberg xinhua tass sputnik pti ani ians nurphoto sopa sipa "
    "corbis anadolu zuma rex splash wenn backgrid unsplash pexels pixabay wikimedia dpa ansa kyodo yonhap efe".split()
)


def _first_word(line: str) -> str:
    """The first word of a line, lower case, without the punctuation around it."""
    head = line[:40].split(None, 1)
    return head[0].strip(_PUNCTUATION).lower() if head else ""


_PUNCTUATION = "\"'()[]{}|•·-–—:;,.!?«»“”‘’*#"


def _byline_cue(row: Row) -> Verdict | None:
    if row.shape.words > 16 or row.prose or row.text[:1] not in _BYLINE_STARTS:
        return None
    match = _BYLINE.match(row.text)
    if (match is not None and _byline_rest(match.group("rest"))) or _POSTED_ON.match(row.text):
        return _whole(row, "byline")
    return None


def _byline_rest(rest: str) -> bool:
    """Whether what follows a byline's name is only roles, outlets, handles, dates and counts."""
    words = _BYLINE_EXTRAS.sub(" ", rest).split()
    return len(words) <= 6 and all(word[0].isupper() or word.lower() in _ROLE_WORDS for word in words)


_BYLINE_STARTS = frozenset("BbPpWwRrSsTtEeCc|•·-–— ")


def _timestamp_cue(row: Row) -> Verdict | None:
    line = row.text
    if row.shape.words > 14 or not (line[:1].isdigit() or line[:1] in "|([•·-–—" or _first_word(line)[:3] in _STAMP_STARTS):
        return None
    if _TIMESTAMP.match(line) and _STAMP_ANCHOR.search(line):
        return _whole(row, "timestamp")
    if _STAMP_LABEL.match(line) or _AGO_ON_SITE.match(line) or _STAMP_WITH_FIELDS.match(line):
        return _whole(row, "timestamp")
    return None


# A stamp's label whose date the scrape lost ("Publish date:"), and a feed's stamp with the
# section it was posted in ("22 hours ago on iOS Blog").
_STAMP_LABEL = lazy_compile(
    r"^\W*(?:publish(?:ed)?(?:\s+(?:date|on))?|date\s+published|posted(?:\s+on)?|(?:last\s+)?updated)\s*:\s*$",
    re.IGNORECASE,
)
_SITE_WORD = r"(?:[A-Z]|[a-z][A-Z])[\w'\u2019&.-]*"  # "Politics", "iOS"
_AGO_ON_SITE = lazy_compile(rf"^\W*(?i:{_AGO})\s+(?:on|in)\s+{_SITE_WORD}(?:\s+{_SITE_WORD}){{0,3}}\s*$")
# A wire page's stamp with its fields in brackets: "2023-02-11 13:07:20 [ source: Xinhua] [ Edited by Li Yang ]".
_STAMP_WITH_FIELDS = lazy_compile(r"^\s*(?:19|20)\d\d-\d\d-\d\d(?:\s+\d\d:\d\d(?::\d\d)?)?(?:\s*\[[^\[\]\n]{1,60}\])+\s*$")


# First three letters of the words a timestamp line may start with: months, weekdays, labels.
_STAMP_STARTS = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun "
    "las fir upd pub pos mod cre dat tim on at as rel".split()
)


def _counter_cue(row: Row) -> Verdict | None:
    if row.shape.words <= 6 and _COUNTER.match(row.text):
        return _whole(row, "share-count")
    if row.shape.words <= _COMMENT_HEADER_WORDS and _COMMENT_HEADER.match(row.text):
        return _whole(row, "share-count")
    return None


# The head of a comment thread, quoting the story's title: '34 responses to "Lynn: ..."'.
_COMMENT_HEADER = lazy_compile(
    r"^\d[\d,]*\s+(?:responses?|comments?|thoughts|replies)\s+(?:to|on)\s+[\"'\u201c\u2018]", re.IGNORECASE
)
_COMMENT_HEADER_WORDS = 30


def _embed_cue(row: Row) -> Verdict | None:
    """What an embedded post leaves behind: "A post shared by ...", "View this post on
    Instagram", a bare pic.twitter.com link.  The sign-off of an embedded tweet ("— Name
    (@handle) date") names the quotation's author and is left alone."""
    line, words = row.text, row.shape.words
    if not (words <= 40 and ("shared by" in line or "pic.twitter.com/" in line or words <= 8)):
        return None
    match = _EMBED.match(line)
    if match is None:
        return None
    before = line[:match.start("signoff")] if match.group("signoff") else ""
    if len(before.split()) >= _EMBED_PROSE_WORDS and _ENDS_SENTENCE.search(before):
        # A sentence of the article before the sign-off ("... posted it online. A post shared
        # by ..."): the sign-off alone is chrome/inline-social's, and the line is prose.
        return None
    return _whole(row, "social-embed")


# Words before a sign-off that make them a sentence of the article, not the post's caption.
_EMBED_PROSE_WORDS = 8


def _menu_line_cue(row: Row) -> Verdict | None:
    """Menu entries joined on one line: "Home | World | Business"."""
    line = row.text
    if not ("|" in line or "•" in line or "·" in line):
        return None
    parts = [part for part in _MENU_SEPARATOR.split(line) if part.strip("|•·-–— ")]
    if (
        len(parts) >= 3
        and all(len(part.split()) <= 4 and (part[:1].isupper() or part[:1].isdigit()) for part in parts)
        and not _HAS_DATE.search(line)
    ):
        return _whole(row, "navigation", f"{len(parts)} menu entries on one line")
    return None


def _document_marks(text: str) -> frozenset[str]:
    """Which telling marks the document holds at all: a paragraph is searched for one only if
    the document has it (one pass over the text instead of one per line)."""
    marks = set()
    if "©" in text or _COPYRIGHT_MARK.search(text):
        marks.add("copyright")
    if _CREDIT_MARK.search(text):
        marks.add("credit")
    if _EMBED_MARK.search(text):
        marks.add("embed")
    if "|" in text or "•" in text or "·" in text:
        marks.add("menu")
    return frozenset(marks)


# The marks' words in any case.  A search, not a test on text.lower(): lowering a long document
# takes a buffer three times its size.  (ASCII case-folding is all lower() could give these
# ASCII words.)  The lookahead of the words' first letters halves the search: the alternatives
# are tried only where one of them stands.
_COPYRIGHT_MARK = lazy_compile(r"(?=[cCrR(])(?:copyright|\(c\)|rights reserved)", re.IGNORECASE | re.ASCII)
_CREDIT_MARK = lazy_compile(r"credit", re.IGNORECASE | re.ASCII)
_EMBED_MARK = lazy_compile(
    r"(?=[sSpPiIlLbBfF])(?:shared by|pic\.twitter\.com/|instagram|loading|bloggers|fans|followers|subscribers)",
    re.IGNORECASE | re.ASCII,
)
_CUE_MAX_CHARS = 600


def _cue_verdict(row: Row, marks: frozenset[str]) -> Verdict | None:
    """The first cue that names the line.  Each is tried only when a cheap look at the line
    (its length, a mark the document holds) allows it: most lines are paragraphs."""
    line, words = row.text, row.shape.words
    if len(line) > _CUE_MAX_CHARS:
        # Page furniture is short; a cue's pattern tried on a long run of digits or dots
        # (timestamps, bylines, dates) could take time in the square of its length.
        return _credit_cue(row) if line.endswith(")") else None
    if "copyright" in marks and words <= 60:
        verdict = _copyright_cue(row)
        if verdict is not None:
            return verdict
    if words <= 14 or line.endswith(")") or ("credit" in marks and "redit" in line[-120:]):
        verdict = _credit_cue(row)
        if verdict is not None:
            return verdict
    if words <= 16:
        for cue in _SHORT_LINE_CUES:
            verdict = cue(row)
            if verdict is not None:
                return verdict
    if "embed" in marks and words <= 40:
        verdict = _embed_cue(row)
        if verdict is not None:
            return verdict
    if "menu" in marks:
        return _menu_line_cue(row)
    return None


def _commenter_cue(row: Row) -> Verdict | None:
    """The head of a reader's comment: a user name and "says:" ("cafetero1075 says:").  Only
    a name shaped like a handle (a digit, an underscore or a dot in it, or one lower-case word
    that is no function word): "The report says:" and "Smith says:" introduce quotations."""
    if row.shape.words > 3 or not row.text.endswith(("says:", "said:", "wrote:")):
        return None
    match = _COMMENTER.match(row.text)
    if match is None:
        return None
    handle = match.group(1)
    if any(char.isdigit() or char in "_." for char in handle) or (
        handle.islower() and len(handle) >= _HANDLE_MIN_CHARS and handle not in FUNCTION_WORDS
    ):
        return _whole(row, "feed", "a reader's comment")
    return None


_COMMENTER = lazy_compile(r"^@?([\w.\-]+)\s+(?:says|said|wrote):$")
_HANDLE_MIN_CHARS = 6


def _section_label_cue(row: Row) -> Verdict | None:
    """A site section's name standing alone: "More Politics", "Next Up In Tech", "Today's
    Sports", "Transfer News".  Subheadings do not take these shapes ("The good news" aside);
    a trail from "Home" is a breadcrumb."""
    if row.shape.words > 4 or not row.alone or _SECTION_LABEL.match(row.text) is None or _HOME_SECTIONS.match(row.text):
        return None
    return _whole(row, "navigation", "a site section's name")


def _link_arrow_cue(row: Row) -> Verdict | None:
    """A link's few words with the arrow a page draws beside them ("» Portfolio", "Extras › ‹",
    "See all stories ›").  A line that opens a guillemet quotation is prose's own, and a trail
    from "Home" is a breadcrumb."""
    if row.shape.words > 4 or "\u00ab" in row.text or _HOME_CRUMB.match(row.text) or _LINK_ARROW.match(row.text) is None:
        return None
    return _whole(row, "navigation", "a link")


_LINK_ARROW = lazy_compile(r"^\s*(?:[\u00bb\u203a]\s+\S.{0,40}|\S.{0,40}\s[\u203a\u2039\u00bb](?:\s*[\u203a\u2039])?)\s*$")
_SECTION_WORD = r"[A-Z][\w'\u2019-]*"
_SECTION_LABEL = lazy_compile(
    rf"^(?:(?:More(?:\s+(?:from|in|on))?|Latest(?:\s+in)?|Today['\u2019]s|Next\s+Up\s+In)\s+{_SECTION_WORD}(?:\s+(?:&|{_SECTION_WORD})){{0,2}}"
    rf"|(?!(?i:good|bad|fake|great|big|sad|some|no|any|the|breaking|more|latest)\s){_SECTION_WORD}(?:\s+(?:&|{_SECTION_WORD}))?\s+(?i:news))$"
)

# The cues for short lines, in order (copyright lines and credits are tried before them).
_SHORT_LINE_CUES: tuple[Callable[[Row], "Verdict | None"], ...] = (
    _byline_cue, _timestamp_cue, _counter_cue, _commenter_cue, _section_label_cue, _link_arrow_cue,
)


# ---------------------------------------------------------------- detectors: a line in its place
# Each takes the layout and yields (row index, Verdict); a line keeps the first verdict it gets.


def _top_limit(layout: PageLayout) -> int:
    """Rows worth searching for what sits above an article."""
    if layout.body is None:
        return min(len(layout.rows), 12)
    return min(len(layout.rows), layout.body[0] + 2)


def _breadcrumbs(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    for row in layout.rows[: _top_limit(layout)]:
        line = row.text
        glue_points = list(_GLUE.finditer(line, 0, _end_of_words(line, 3))) if _GLUED_HOME.match(line) else []
        if len(glue_points) >= 2:
            # Only the trail is the page's: what it was glued onto is copy (a headline, its figures).
            trail_end = row.shape.start + glue_points[-1].end()
            yield row.index, Verdict(
                "breadcrumb", row.shape.start, trail_end, "navigation words glued to the text", whole_line=False, cut=True
            )
        elif _HOME_CRUMB.match(line) or _YOU_ARE_HERE.match(line):
            yield row.index, Verdict("breadcrumb", row.shape.start, row.shape.end)
        elif row.shape.words <= 20 and not row.shape.sentence_end:
            parts = [p for p in _CRUMB_SEPARATORS.split(line) if p]
            if len(parts) >= 3 and all(len(p.split()) <= 8 for p in parts) and sum(len(p.split()) <= 3 for p in parts) >= 2:
                yield row.index, Verdict("breadcrumb", row.shape.start, row.shape.end)
            elif _HOME_SECTIONS.match(line) and layout.region(row.index) != "body":
                yield row.index, Verdict("breadcrumb", row.shape.start, row.shape.end)


def _end_of_words(line: str, count: int) -> int:
    """Where the line's first `count` words end."""
    end = 0
    for _ in range(count):
        match = _WORD_RUN.search(line, end)
        if match is None:
            break
        end = match.end()
    return end


def _ellipsis_tail(line: str) -> int | None:
    """Where the line's trailing ellipses ("...", "…" and the white space among them) start; None
    when it has none.  A lone full stop is no ellipsis: the tail starts after the last one."""
    run = _TAIL_RUN.search(line)
    if run is None:
        return None
    start = run.start()
    for lone in _LONE_DOT.finditer(line, start):
        start = lone.end()
    tail = line[start:]
    return start if ".." in tail or "…" in tail else None


def _without_ellipsis_tail(line: str) -> str:
    start = _ellipsis_tail(line)
    return line if start is None else line[:start]


def _normalised(line: str) -> str:
    return _NORMALISE.sub(" ", _without_ellipsis_tail(line)).strip().lower()


def _repeated_headlines(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """A headline shown twice above the article: copied whole, truncated ("…", "......"), with a
    site name, or behind a breadcrumb.  The truncated or decorated copy is flagged; of two equal
    copies, the later."""
    end = _top_limit(layout)
    begin = 0 if layout.body is None else max(0, layout.body[0] - 12)
    rows = [*layout.rows[:min(3, begin)], *layout.rows[begin:end]]
    candidates = [(row, _normalised(row.text)) for row in rows if 3 <= row.shape.words <= 40 and not row.prose]
    for i, (first, a) in enumerate(candidates):
        for second, b in candidates[i + 1:]:
            flagged = _copy_to_flag(first, a, second, b)
            if flagged is not None:
                yield flagged.index, Verdict("repeated-headline", flagged.shape.start, flagged.shape.end)


def _copy_to_flag(first: Row, a: str, second: Row, b: str) -> Row | None:
    if len(a) < 20 or len(b) < 20:
        return None
    if a == b:
        return second
    short, long_, short_row, long_row = (a, b, first, second) if len(a) < len(b) else (b, a, second, first)
    at = long_.find(short[:40])
    if at == -1 or len(short) < 25:
        return None
    if at > 0:
        # Something stands before the headline: a breadcrumb or a section name.
        if long_.startswith(short, at) or _ellipsis_tail(long_row.text) is not None:
            return long_row
        if _ellipsis_tail(short_row.text) is not None:
            return short_row
        return None
    if not long_.startswith(short):
        return None
    if _ellipsis_tail(short_row.text) is not None:
        return short_row
    rest = long_row.text[len(short_row.text):].lstrip()
    if rest[:1] in ("-", "|", "–", "—", ":", "·"):
        return long_row  # "Headline - Site name"
    return None


def _captions(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """Picture captions: a long description of people doing something somewhere, standing alone
    with no full stop as the very first or last line of the document; or any line directly above
    a photo credit.  A headline is told apart by being shorter or by what a caption never has:
    figures, quotations, a colon, a question or somebody saying something."""
    rows = layout.rows
    if len(rows) < 3:
        return
    for row, least in ((rows[0], _TOP_CAPTION_WORDS), (rows[-1], _BOTTOM_CAPTION_WORDS)):
        shape, line = row.shape, row.text
        if (
            row.alone
            and least <= shape.words <= 45
            and not shape.sentence_end
            and shape.capital_ratio < 0.5
            and row.index not in layout.marked_up
            and _CAPTION_CUE.search(line)
            and _CAPTION_SETTING.search(line)
            and not _NOT_CAPTION.search(line)
            and not text.has_reporting_cue(shape.start, shape.end)
            and not _ARTICLE_TAIL.match(line)
        ):
            yield row.index, Verdict("caption", shape.start, shape.end)
    for row, below in zip(rows, rows[1:]):
        verdict = layout.verdicts.get(below.index)
        if (
            verdict is not None
            and verdict.detector == "photo-credit"
            and verdict.whole_line
            and below.shape.line.number == row.shape.line.number + 1
            and 6 <= row.shape.words <= 60
            and row.index not in layout.headlines
        ):
            yield row.index, Verdict("caption", row.shape.start, row.shape.end, "a photo caption above its credit")


def _top_slot(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """The lines between an article's headline and its first paragraph.  What belongs there is a
    standfirst, which shares its subject with the headline and the lead; a short line that shares
    no topic word with either (a section label, a button, a teaser for another story) is the
    page's.  Only where the article starts at the top of the copy: on a page scraped whole the
    lines above the body are the other detectors' business."""
    if layout.body is None or not 1 < layout.body[0] <= _TOP_SLOT_ROWS or not text.is_english:
        return
    rows = layout.rows
    headline, lead = rows[0], rows[layout.body[0]]
    if headline.prose:
        return
    subject = _words_of(headline.text, lead.text)
    for row in rows[1:layout.body[0]]:
        stems = _stems(row.text)
        if (
            stems
            and row.shape.words <= _TOP_SLOT_WORDS
            and not row.prose
            and not row.shape.sentence_end  # a lead's first sentence, a standfirst
            # A label's or a button's shape, not a kicker's phrase ("Confusion and speculation abound").
            and (_title_like(row) or row.text.isupper() or any(char.isdigit() for char in row.text) or _bare_label(row))
            and row.index not in layout.verdicts
            and row.index not in layout.marked_up
            and not _LIST_MARK.match(row.text)
            and not _ARTICLE_TAIL.match(row.text)
            and not _on_topic(subject, stems)
        ):
            yield row.index, Verdict("page-furniture", row.shape.start, row.shape.end, "between the headline and the first paragraph")


def _bare_label(row: Row) -> bool:
    """A few words with no function word among them ("Transfer news", "Tip us anonymously"):
    a label or a button, too short to be a standfirst."""
    return row.shape.words <= 3 and row.shape.function_ratio == 0 and _BARE_WORDS.match(row.text) is not None


_BARE_WORDS = lazy_compile(r"^[^\W\d_][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,2}$")  # no comma: "Confused, speculative" is a kicker

_TOP_SLOT_ROWS = 4  # the body starts this near the top: the copy is an article, not a page
_TOP_SLOT_WORDS = 12


def _glued_leads(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """What scraping ran into a paragraph's opening: a web address ("https://…/floods-2023The
    state…") or a picture's caption that ends in its credit ("Rescue workers wade through a
    street in Guwahati on Monday. (Photo: PTI)The flood…") or, in the lead, glued on with its
    full stop ("…on Monday.The flood…").  The span before the join is reported, and its fix
    deletes that span alone: the paragraph after it is the article's."""
    body_start = layout.body[0] if layout.body is not None else 0
    joins = text.joins
    if not joins:
        return
    firsts: dict[int, object] = {}
    for join in joins:  # the first join of each line
        firsts.setdefault(text.line_at(join.offset).number, join)
    for row in layout.rows:
        join = firsts.get(row.shape.line.number)
        if join is None or row.index in layout.verdicts:
            continue
        start = row.shape.start
        if join.kind == ADDRESS:
            yield row.index, Verdict("glued-address", start, join.offset, whole_line=False, cut=True)
            continue
        lead = row.index == body_start or (row.index == body_start + 1 and body_start in layout.headlines)
        if join.kind == CREDIT or (join.kind == SENTENCE and lead):
            if _glued_caption(text, start, join.mark_start if join.kind == SENTENCE else join.offset):
                detail = "a photo caption glued onto the paragraph"
                yield row.index, Verdict("caption", start, join.offset, detail, whole_line=False, cut=True)


def _glued_caption(text: Analysis, start: int, end: int) -> bool:
    """Whether text[start:end], the opening of a line up to where something was glued on, is one
    caption: a description of people doing something somewhere, maybe with its credit."""
    run = text.text[start:end]
    credit = _CREDIT_TAIL.search(run)
    described = (run[: credit.start()] if credit else run).rstrip().rstrip(".")
    words = len(described.split())
    return (
        6 <= words <= 45
        and not any(mark in described for mark in "!?;\"\u201c\u201d")
        and "." not in described.replace("Mr.", "").replace("Dr.", "").replace("St.", "")
        and _CAPTION_CUE.search(described) is not None
        and _GLUED_CAPTION_SETTING.search(described) is not None
        and not text.has_reporting_cue(start, start + len(described))
    )


# Where and when the picture was taken, at the end of its description: "... in Guwahati on
# Monday", "... outside the court in New Delhi".
_GLUED_CAPTION_SETTING = lazy_compile(
    r"\b(?:in|near|at|outside|inside|on)\s+(?:the\s+|a\s+|an\s+)?[A-Z][\w'\u2019.-]*(?:,?\s+[\w'\u2019.-]+){0,4}$"
)


_TOP_CAPTION_WORDS = 12  # above the article a caption competes with the headline
_BOTTOM_CAPTION_WORDS = 8
# Where the picture was taken, a place named at the end of the line: "..., in the outskirts
# of Bakhmut", "... near a frontline in Zaporizhzhia region".
_CAPTION_SETTING = lazy_compile(
    r"\b(?:in|near|at|outside|inside|on)\s+(?:the\s+|a\s+|an\s+)?(?=[^\n]*\b[A-Z])(?:[\w'\u2019.-]+,?\s+){0,3}[\w'\u2019.-]+$"
)
_NOT_CAPTION = lazy_compile(r"\d|[:?\"\u201c\u201d]")


def _menu_item(row: Row) -> bool:
    """A line that could be one entry of a menu: a few words, no sentence, no list marker."""
    shape = row.shape
    return (
        1 <= shape.words <= 4
        and len(row.text) <= 40
        and not shape.sentence_end
        and not _LIST_MARK.match(row.text)
        and row.text[-1:] not in ":,;"
        and "(" not in row.text
        and _LABEL_VALUE.search(row.text) is None
        and any(ch.isalpha() for ch in row.text)
    )


# "Price : Rs 10,999", "Display: 6.1 inches": a box of facts, not a menu entry.
_LABEL_VALUE = lazy_compile(r"\w\s*:\s*\S")


def _title_like(row: Row) -> bool:
    """Every word that is not a function word starts with a capital or a digit: "Local Ads
    Marketplace", "For the Record"; not "Bugs fixed" or "Optical heart sensor"."""
    for word in _WORDS.findall(row.text):
        if not (word[0].isupper() or word[0].isdigit() or word.lower() in FUNCTION_WORDS):
            return False
    return True


_WORDS = lazy_compile(r"[^\W_][\w'\u2019.&-]*")


def _menu_runs(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """Runs of three or more menu entries, one per line, outside the article body, most of them
    in title case as menus are (a list of features or steps is written as sentences)."""
    run: list[Row] = []
    for row in [*layout.rows, None]:
        if row is not None and _menu_item(row) and (not run or row.shape.line.number == run[-1].shape.line.number + 1):
            run.append(row)
            continue
        if (
            len(run) >= 3
            and not _introduced(layout, run[0])
            and all(layout.region(item.index) != "body" for item in run)
            and sum(1 for item in run if _title_like(item)) >= _MENU_TITLE_SHARE * len(run)
        ):
            for item in run:
                yield item.index, Verdict("navigation", item.shape.start, item.shape.end, f"a menu of {len(run)} entries")
        run = [row] if row is not None and _menu_item(row) else []


_MENU_TITLE_SHARE = 0.6


def _introduced(layout: PageLayout, first: Row) -> bool:
    """Whether the line above a run introduces it as the article's own list ("The nominees
    include:", "Qualified teams:")."""
    return first.index > 0 and layout.rows[first.index - 1].text.rstrip().endswith(":")


def _stems(line: str) -> set[str]:
    """Stems of a line's topic words, for telling whether it shares a subject with the article."""
    return {_light_stem(word) for word in set(_STEM.findall(line.lower())) - _COMMON_WORDS}


def _words_of(*texts: str) -> set[str]:
    """The stems of every word of `texts`, to look a line's topic words up in.  Each line is
    lowered on its own (never the document at once) and each distinct word stemmed once."""
    words: set[str] = set()
    for text in texts:
        words.update(_STEM.findall(text.lower()))
    return {_light_stem(word) for word in words}


@lru_cache(maxsize=1 << 16)
def _light_stem(word: str) -> str:
    """A word without its inflection (hostages, hostage; swapped, swap; results, result), so
    that a heading's word is found in the article only as itself: "Tech" is not "technology",
    "Investigates" not "investment"."""
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


_INFLECTIONS = ("ations", "ation", "ings", "ing", "ies", "ers", "er", "ed", "es", "s", "ly")


# Words too common to show that two lines share a subject.
_COMMON_WORDS = FUNCTION_WORDS | frozenset("""
new one two three first last next more most many much said says say year years day days week weeks
month months time times today monday tuesday wednesday thursday friday saturday sunday like back
best good great big top get got make made take took come came go going went see seen look use used
way part people man woman life world home news report reports story stories video videos photo
photos read watch may might can could also just now still even well since per via among amid
""".split())


def _stray_headings(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """A heading-like line between two paragraphs that is not a subheading of the article: a
    link to another story or a section name.

    A subheading introduces what follows it, so it shares a topic word with the paragraph after
    it.  In an article with one such line, a line that shares none is taken.  In an article with
    subheadings of its own, some of which name no subject ("The bottom line", "Our ruling"), a
    line is taken when two of its topic words occur nowhere in the article, or when what it
    shares is too little for a subheading (`_names_other_subject`).  Lines after the body's last
    paragraph are judged the same way: a short article's closing lines are no page's footer."""
    if layout.body is None:
        return
    rows = layout.rows
    first, last = layout.body
    heading_like = [
        row for row in rows[first + 1:len(rows) - 1]
        if row.alone and not row.prose and row.shape.words <= 14
        and (_ends_paragraph(rows[row.index - 1]) or _ends_paragraph(rows[row.index + 1]))
        and not _QA_LABEL.match(row.text)
    ]
    # Between two paragraphs, a subheading's place; beside a list item or a short line, a line
    # is taken only on the stronger evidence of two topic words the article never uses.
    headings = [row for row in heading_like if _ends_paragraph(rows[row.index - 1]) and _ends_paragraph(rows[row.index + 1])]
    between = {row.index for row in headings}
    # The article's own, not what follows its last paragraph.
    body_headings = sum(row.index < last for row in headings)
    body_heading_like = sum(row.index < last for row in heading_like)
    candidates = [
        row for row in heading_like
        if not row.shape.sentence_end
        and row.text[-1:] not in ":?"
        and not _LIST_MARK.match(row.text)
        and not _EMBED_ATTRIBUTION.match(row.text)
        and not _ARTICLE_TAIL.match(row.text)
        and row.index not in layout.marked_up
        and not text.in_embedded_post(row.shape.start)
        and not _sources_the_quotation(rows, row)
        and not _heads_a_block(rows, row)
        and not _CONTACT.match(row.text)
        and _stems(row.text)
    ]
    if not candidates:
        return
    # Each paragraph's words are the same at the next keystroke: the editor's session keeps them.
    # Gathered one paragraph at a time, never all the paragraphs' sets at once.
    prose: set[str] = set()
    for row in rows:
        if row.prose:
            prose.update(text.keep(_words_of, row.text))
    # Among longer items, a short title stands out (a section's name among product headings);
    # among many short titles (a list of names), it is one of them.
    few_short_titles = sum(_short_title(row) for row in heading_like) <= _ODD_SHORT_TITLES
    # A line that introduces what follows ("Seven questions for the debate:") is no heading.
    capitals = Counter(row.text.isupper() for row in heading_like if _CASED.search(row.text) and not row.text.endswith(":"))
    for row in candidates:
        stems = _stems(row.text)
        if _GENERIC_SUBHEAD.match(row.text):
            continue
        if row.index == 1 and first == 0 and rows[0].prose and (after_lead := _after_lead(rows)):
            # Right after the lead of copy with no headline, where no subheading comes yet: a
            # line that shares nothing with the lead and what follows is a label or a teaser.
            if not _on_topic(_words_of(rows[0].text, *(row.text for row in after_lead)), stems):
                yield row.index, Verdict("stray-heading", row.shape.start, row.shape.end, "right after the lead")
            continue
        if rows[row.index + 1].shape.words >= _PARAGRAPH_WORDS and _on_topic(_words_under(rows, row, text, 1), stems):
            continue  # the subject of the paragraph it introduces, though not one of running prose
        if _on_topic(prose, stems) and not _names_other_subject(row, rows, text, prose, stems):
            continue  # the article's subject
        if row.index not in between and (
            _DIGIT.search(row.text) or (
                body_heading_like > _LOOSE_MAX_HEADINGS
                and not (few_short_titles and _short_title(row))
                and not _odd_style(row, capitals)
            )
        ):
            continue  # one of an article's many parallel items (names, products, prices)
        if len(stems) >= _STRAY_MIN_STEMS or (body_headings == 1 and row.index in between):
            yield row.index, Verdict("stray-heading", row.shape.start, row.shape.end)


# Subheadings that name no subject, which articles with several subheadings use.
_GENERIC_SUBHEAD = lazy_compile(
    r"^\W*(?:the\s+)?(?:bottom\s+line|background|context|analysis|what(?:'|\u2019)?s\s+next|what\s+happens\s+next|"
    r"why\s+it\s+matters|the\s+details|key\s+points|our\s+(?:ruling|verdict|take|view)|the\s+verdict|"
    r"conclusion|summary|in\s+brief|the\s+takeaway|takeaways?|the\s+big\s+picture|between\s+the\s+lines|"
    r"go\s+deeper|the\s+backstory|looking\s+ahead|what\s+we\s+know|what\s+they(?:'|\u2019)re\s+saying)\W*$",
    re.IGNORECASE,
)


# A question-and-answer label: "Q: ...", "A: ...", "Q.", "Answer:" open lines of an interview.
_QA_LABEL = lazy_compile(r"^\W*(?:Q|A|Q\d+|Question|Answer)\s*[:.)\-\u2013\u2014]\s", re.IGNORECASE)


def _names_other_subject(row: Row, rows: list[Row], text: Analysis, prose: set[str], stems: set[str]) -> bool:
    """Whether a line that shares a word or two with the article still names something else: a
    short title sharing one word ("Local Business" in a story about business coaching), or a
    headline sharing at most a quarter of its words (another story's, "NASA discovery fuels
    hopes in search for life beyond Earth"), when the paragraphs under it never use them.  A
    section's name, a show's title or a teaser, not a subheading."""
    if row.text[:1] in _QUOTE_MARKS and row.text[-1:] in _QUOTE_MARKS:
        return False  # a title the article quotes ("“Wild Rose”")
    shared = len(stems & prose)
    if not ((shared == 1 and _short_title(row)) or (len(stems) >= _HEADLINE_STEMS and shared * 4 <= len(stems))):
        return False
    return not _on_topic(_words_under(rows, row, text, _SECTION_ROWS), stems)


def _words_under(rows: list[Row], heading: Row, text: Analysis, count: int) -> set[str]:
    """The words of the `count` rows under a heading, each row's kept by an editor's session."""
    words: set[str] = set()
    for below in rows[heading.index + 1:heading.index + 1 + count]:
        words.update(text.keep(_words_of, below.text))
    return words


_SECTION_ROWS = 3
# An address alone ("paul.takahashi@chron.com", "twitter.com/paultakahashi"): a reporter signs off
# with one; it names no subject to compare.
_CONTACT = lazy_compile(r"^\s*\S*[@/.]\S*\s*$")
_HEADLINE_STEMS = 6
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _short_title(row: Row) -> bool:
    """A name of a few capitalised words ("Beltway Confidential", "Sports Nutrition"): a
    section's or another story's, where the article's own items carry descriptions.  A line in
    capitals is a subheading's style ("WHO IS THE FRONT-RUNNER?"), not a name's."""
    return (
        row.shape.words <= _SHORT_TITLE_WORDS and not row.text.isupper()
        and _WORDS.search(row.text) is not None and _title_like(row)
    )


_SHORT_TITLE_WORDS = 4
_ODD_SHORT_TITLES = 2


def _odd_style(row: Row, capitals: Counter[bool]) -> bool:
    """Whether a line is the only one of its case among the article's headings: a title in
    upper and lower case among subheadings all in capitals ("The Problems of Solitary
    Confinement" among "HOW WILL OBAMA PLAY?"), or the reverse.  A site sets its own subheadings
    in one style; what breaks it came from elsewhere on the page."""
    upper = row.text.isupper()
    return capitals[upper] == 1 and capitals[not upper] >= _SAME_STYLE_HEADINGS


_CASED = lazy_compile(r"[^\W\d_]")
_SAME_STYLE_HEADINGS = 3


def _heads_a_block(rows: list[Row], row: Row) -> bool:
    """Whether a line stands over lines set close together (a list, a table of results): the
    heading of the article's own block ("Results of the ballot")."""
    below = rows[row.index + 1]
    return not below.alone and not below.prose


def _after_lead(rows: list[Row]) -> tuple[Row, ...]:
    """What follows the line after a headline-less lead, when it is the next paragraph, or a
    subheading over it (two heading-like lines in a row: the first introduces nothing)."""
    if len(rows) > 2 and rows[2].prose:
        return (rows[2],)
    heading = rows[2] if len(rows) > 3 else None
    if heading is not None and heading.alone and not heading.shape.sentence_end and not _LIST_MARK.match(heading.text) and rows[3].prose:
        return rows[2], rows[3]
    return ()


def _on_topic(words: set[str], stems: set[str]) -> bool:
    """Whether any of a heading's topic words occurs in the text.  (Asking that most of them do
    takes many real subheadings: "Testing the silicon", "Domestic industry".)"""
    return not words.isdisjoint(stems)


def _ends_paragraph(row: Row) -> bool:
    return row.prose or row.shape.sentence_end


_STRAY_MIN_STEMS = 2
_PARAGRAPH_WORDS = 10
_LOOSE_MAX_HEADINGS = 4


def _furniture(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """Lines before the headline or after the article's end that stand among furniture: what is
    left of menus, widgets, lists of other stories and footers.  A line among list items or
    descriptions (product cards, results tables) is taken for part of the article, until the
    page's footer has begun below it: after two lines that say what they are (a copyright line,
    a byline, a share count), every short line is the page's, and so is a paragraph among
    furniture (reader comments, other stories' teasers)."""
    if layout.body is None:
        return
    first, last = layout.body
    furniture = layout.furniture_like
    top, bottom = layout.rows[:first], layout.rows[last + 1:]
    top_marks = _furniture_count(layout, top)
    # Copy that opens with paragraphs (its first line a sentence, not a title) opens with the
    # article, not with a page's header: what stands before the body there is the article's own
    # (the days of a meal plan before the last).
    opening = layout.rows[:3]
    opens_with_prose = bool(opening) and opening[0].shape.sentence_end and sum(row.prose for row in opening) >= 2
    # A page scraped whole has furniture at both ends.  An article whose only long tail is
    # short lines more often ends in lists, tables or product cards of its own.
    scraped = top_marks >= _MIN_FURNITURE and _furniture_count(layout, bottom) >= _MIN_FURNITURE
    for region_rows in ((bottom,) if opens_with_prose else (top, bottom)):
        marks = [row.index in furniture for row in region_rows]
        if sum(marks) < _MIN_FURNITURE or top_marks < _MIN_FURNITURE:
            continue
        below = region_rows is bottom
        cues_seen = 0
        for at, row in enumerate(region_rows):
            if below and row.index in layout.verdicts and layout.verdicts[row.index].own_text:
                cues_seen += 1
            past_end = below and cues_seen >= _END_CUES
            around = marks[max(0, at - _WINDOW):at] + marks[at + 1:at + _WINDOW + 1]
            share = sum(around) / len(around) if around else 0.0
            if past_end and row.prose and share >= _PROSE_WINDOW_SHARE and not _ARTICLE_TAIL.match(row.text):
                yield row.index, Verdict("page-furniture", row.shape.start, row.shape.end, "after the article's end")
                continue
            if (
                row.index in layout.headlines
                or row.prose
                or row.shape.words > _MAX_WORDS
                or _ARTICLE_TAIL.match(row.text)
                or _EMBED_ATTRIBUTION.match(row.text)
            ):
                continue
            if past_end or share >= (_WINDOW_SHARE if marks[at] else _CONTENT_WINDOW_SHARE):
                yield row.index, Verdict("page-furniture", row.shape.start, row.shape.end)
            elif scraped and (marks[at] or (not below and row.shape.words < _TOP_LABEL_WORDS)):
                # Outside the body of a page scraped whole, a line that reads as no content is
                # the page's wherever it stands; above the headline's article, so is any label.
                yield row.index, Verdict("page-furniture", row.shape.start, row.shape.end)


_MIN_FURNITURE = 4
_PROSE_WINDOW_SHARE = 0.5
_END_CUES = 2
_WINDOW = 3
_WINDOW_SHARE = 0.66
_CONTENT_WINDOW_SHARE = 0.66
_MAX_WORDS = 15
_TOP_LABEL_WORDS = 4


def _trailing_line(layout: PageLayout, text: Analysis) -> Iterable[tuple[int, Verdict]]:
    """A line standing alone after the article's last paragraph that is not a sentence: a
    caption, a teaser for another story, a label.  Closing credits of the article itself
    ("Reporting by ...") and the attribution of an embedded post are left alone."""
    rows = layout.rows
    if layout.body is None or len(rows) < 3 or layout.body[1] == len(rows) - 1:
        return
    row = rows[-1]
    if (
        row.alone
        and not row.prose
        and not row.shape.sentence_end
        and 2 <= row.shape.words <= _TRAILING_MAX_WORDS
        and row.text[-1:] not in ",;:"
        and not _LIST_MARK.match(row.text)
        and not _ARTICLE_TAIL.match(row.text)
        and not _EMBED_ATTRIBUTION.match(row.text)
        and row.index not in layout.marked_up
        and not _sources_the_quotation(rows, row)
    ):
        yield row.index, Verdict("trailing-line", row.shape.start, row.shape.end)


def _sources_the_quotation(rows: list[Row], row: Row) -> bool:
    """A bracketed line under a quotation is the quotation's source ("[Ni'matul Ukhuwah, p. 41]"),
    the article's own citation."""
    return row.index > 0 and row.text[:1] in "[(" and _QUOTE_CLOSE.search(rows[row.index - 1].text) is not None


_QUOTE_CLOSE = lazy_compile(r"[\u201d\u00bb\u2019\"]\W{0,2}$")


_TRAILING_MAX_WORDS = 16
_EMBED_ATTRIBUTION = lazy_compile(r"^[—–-]\s*[^\n]{1,80}\(@\w+\)")


def deletable(layout: PageLayout, row: Row, verdict: Verdict, text: Analysis) -> bool:
    """Whether a structural verdict may offer deleting its line: only where the evidence is the
    line's own text (a credit, a byline, a stamp, a trail of sections, a copy of the headline),
    and never for a list item.  A verdict from a line's place alone (furniture around the body, a
    stray heading, a trailing line, a run of menu entries) is reported for an editor to judge:
    the labelled bodies of real pages end in such lines too ("CLICK FOR FULL STATE SWIM RESULTS"),
    and a fix must never delete the article's own text.  A copyright line is reported, not
    deleted, where it may be the story's own notice: straight after the article's last paragraph,
    or a wire's syndication terms ("This material may not be published, broadcast, rewritten or
    redistributed"), which the agency's licence may require the article to carry."""
    if verdict.detector == "copyright" and (_SYNDICATION_TERMS.search(row.text) or _follows_prose(layout, row)):
        return False
    return (verdict.own_text or verdict.detector in _OWN_TEXT_DETECTORS) and not in_list(row, text)


def _follows_prose(layout: PageLayout, row: Row) -> bool:
    return row.index > 0 and layout.rows[row.index - 1].prose


def in_list(row: Row, text: Analysis) -> bool:
    """A line the markup or its own mark calls a list item."""
    block = text.doc.block_at(row.shape.start)
    return (block is not None and block.kind == LIST_ITEM) or _LIST_MARK.match(row.text) is not None


# Layout detectors whose verdict rests on what the line says: a trail of sections, a copy of the
# headline.
_OWN_TEXT_DETECTORS = frozenset({"breadcrumb", "repeated-headline"})


Detector = Callable[[PageLayout, Analysis], Iterable[tuple[int, Verdict]]]
_LAYOUT_DETECTORS: tuple[Detector, ...] = (
    _breadcrumbs, _repeated_headlines, _captions, _glued_leads, _top_slot, _menu_runs, _stray_headings, _feeds,
    _furniture, _trailing_line,
)
DETECTOR_NAMES = (
    "breadcrumb", "repeated-headline", "photo-credit", "caption", "byline", "timestamp",
    "share-count", "navigation", "stray-heading", "page-furniture", "copyright", "trailing-line",
    "social-embed", "glued-address", "feed",
)


# ---------------------------------------------------------------- the kind


class ChromeStructure(Kind):
    """Reports the lines one detector of the shared page reading judged to be chrome.

    `detect` names the detector; the message may use {line} (the line, cut at 80 characters)
    and {detail} (what the detector saw, e.g. "a menu of 12 entries")."""

    name = "chrome-structure"
    placeholders = frozenset({"action", "detail", "line"})
    structural = True
    params = {
        "detect": (str, REQUIRED),
    }

    def prepare(self) -> None:
        if self.detect not in DETECTOR_NAMES:
            raise RuleError(f"'detect' must be one of: {', '.join(DETECTOR_NAMES)}")
        self.fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        layout = page_layout(text)
        for index, verdict in sorted(layout.verdicts.items()):
            if verdict.detector != self.detect:
                continue
            row = layout.rows[index]
            edit = None
            if verdict.cut:
                edit = Edit(verdict.start, verdict.end, "")  # the glued-on span alone; a guess: unsafe
            elif verdict.whole_line and deletable(layout, row, verdict, text):
                edit = text.delete_line(row.shape.line)  # a guess: never a safe fix
            marked = text.text[verdict.start:verdict.end] if verdict.cut else row.text
            shown = marked if len(marked) <= 80 else marked[:77] + "..."
            # The message promises a deletion only where the fix can make it.
            action = ("delete it" if verdict.cut else "delete the line") if edit is not None else (
                "check it and delete what is not the article's"
            )
            yield Hit(verdict.start, verdict.end, self.format(line=shown, detail=verdict.detail, action=action), edit)
