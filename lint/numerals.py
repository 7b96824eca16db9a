"""Figures in English news text: value, unit, scale and the thing they count.

One compiled regex pass finds every candidate (digits with their grouping, currency, scale word
and unit; number words; and dates, times and codes to be skipped), then a little Python per match
decides what it is.  The rules built on this (Indian units, decimal commas, figures that
disagree tenfold) put a finding in front of an editor, so every doubtful case is resolved
towards "not a figure" or "plain Western figure" rather than towards a flag.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .patterns import lazy_compile

__all__ = ["MONTH_NAMES", "MONTH_PATTERN", "Figure", "SCALE_FACTORS", "figures_in", "find_figures", "format_international", "join_ranges"]


class Figure(NamedTuple):
    """One figure: offsets index the text given to find_figures."""

    start: int              # first character: currency, sign, digit, or "a"/"one" of "a million"
    end: int                # after the scale word or unit
    text: str               # text[start:end], e.g. "1 lakh", "$1.13bn", "3,5 million"
    value: float            # absolute value: 100000.0 for "1 lakh", 1.13e9 for "$1.13bn"
    number: str             # the numeral as written: "1", "1.13", "3,5", "1,00,000", "two"
    scale: str | None       # scale word, lower-case as written: "lakh", "bn", "million", "m", "k"
    unit: str | None        # currency or unit: "$", "Rs", "₹", "%", "per cent", "km", "euros"
    indian: bool            # lakh/crore/arab, or Indian digit grouping (1,00,000)
    decimal_comma: bool     # continental decimal comma (3,5 million) or thousands dots (1.000.000)
    noun: str | None        # head noun counted, singular: "soldier" in "100,000 Russian soldiers"
    qualifier: str | None   # words between figure and noun, lower-case: "russian"
    is_year: bool           # a bare year 1800-2099 (or "2019-20"); such figures have no noun
    approximate: bool       # "about", "more than", "an estimated", "-odd", "or so" ...


# --- the pattern --------------------------------------------------------------------------

_SP = r"[ \u00a0\u202f]"  # spaces that may sit inside a figure ("Rs 5", "5 million")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
# The months' names and their abbreviations, as a pattern (longer forms first).
MONTH_PATTERN = "(?:" + "|".join([*MONTH_NAMES, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]) + ")"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WORD_SCALES = (
    rf"hundred(?:{_SP}+(?:thousand|million|billion))?|thousand|million|billion|trillion"
    r"|lakhs?|crores?"
)
_SPACED_SCALES = r"bn|mn|mln|bln|tn|cr|arab"  # case-sensitive: "Bn" or "ARAB" are not these
_UNIT_SYMBOLS = (
    r"%|‰|°[CF]?|ºC|€|km²|km2|km/h|kmh|km|kg|mm|cm|mg|ml|m²|m|GB|MB|TB|Gbps|Mbps"
    rf"|GW|MW|kWh|MWh|GWh|TWh|kW|W|mph|kph|ft|lbs|lb|oz|ha|dBA|dBa|dB|sq{_SP}?(?:km|ft|m)"
    r"|USD|INR|EUR|GBP"
)
_UNIT_WORDS = (
    rf"per{_SP}?cent|percent|percentage{_SP}+points?"
    r"|dollars?|rupees?|euros?|pounds?|yen|yuan|renminbi|r[ou]bles?|pesos?|francs?|naira|riyals?"
    r"|dirhams?|taka"
    r"|kilomet(?:re|er)s?|met(?:re|er)s?|miles?|feet|foot|inch(?:es)?|yards?|kilo(?:gram)?s?"
    r"|grams?|tonnes?|tons?|lit(?:re|er)s?|gallons?|hectares?|acres?|degrees?"
    rf"|square{_SP}+(?:kilomet(?:re|er)s|met(?:re|er)s|miles|feet)|(?:mega|giga|kilo)watts?"
)
# What must follow "3,5" or "1.234,5" for its comma to be read as a decimal comma.
_UNIT_AHEAD = (
    rf"(?={_SP}?-?(?:(?i:{_WORD_SCALES}|{_UNIT_WORDS})|{_SPACED_SCALES}|{_UNIT_SYMBOLS}"
    r"|[mkb])(?!\w))"
)
# Nouns that make "10.500" a count written with a thousands dot (no one counts 10.5 people).
_COUNT_NOUNS = (
    r"(?:people|persons|soldiers|troops|residents|inhabitants|refugees|migrants|deaths|victims"
    r"|cases|jobs|workers|employees|visitors|tourists|students|children|voters|members"
    r"|households|homes|houses|euros|dollars|rupees|vehicles|cars)\b"
)
# Factored by first letter, without (?i): sre then rejects most words on their first character.
_NUM_WORDS = (
    r"[Oo]ne|[Tt](?:wo|hree|en|welve|hirteen|wenty|hirty)|[Ff](?:our(?:teen)?|ive|ifteen|orty|ifty)"
    r"|[Ss](?:ix(?:teen|ty)?|even(?:teen|ty)?)|[Ee](?:ight(?:een|y)?|leven)|[Nn]ine(?:teen|ty)?"
)
_UNIT_DIGITS = r"one|two|three|four|five|six|seven|eight|nine"
_WORD_SCALES_CASED = (
    rf"[Hh]undred(?:{_SP}+(?:thousand|million|billion))?|[Tt]housand|[Mm]illion|[Bb]illion"
    r"|[Tt]rillion|[Ll]akhs?|[Cc]rores?"
)
_NO_DIGIT_AFTER = r"(?![.,/]?[0-9])"  # no digit group continues it (nor "/0001" of a code)
# How every letter-led candidate begins (months, currency codes, number words, "a million").
# Only a fast pre-check: sre would otherwise try every branch at every word of the text.
_FIRST_WORDS = (
    rf"a{_SP}+[hHtTmMbBlLcC]|half{_SP}|one|t(?:wo|hr|en|we|hi)|f(?:our|ive|ift|ort)|s(?:ix|even)"
    r"|e(?:ight|leven)|nine"
    rf"|A(?:{_SP}|\$|U[D$]|pr|ug)|BDT|C(?:\$|A[D$]|HF|NY)|Dec|E(?:UR|ight|leven)"
    r"|F(?:eb|our|ive|ift|ort)|GBP|H(?:K\$|alf)|INR|J(?:an|u[nl]|PY)|LKR|Ma[ry]"
    r"|N(?:ov|Z\$|T\$|PR|ine)|O(?:ct|ne)|PKR|R(?:s|\$)|S(?:ep|\$|ix|even)|T(?:wo|hr|en|we|hi)"
    r"|US[D$]"
)

_PATTERN = rf"""
(?<!\w)
(?=[-−+0-9$£€¥₹₩₽₦]|{_FIRST_WORDS})        # cheap rejection of most words
(?:
  (?P<yspan>(?:1[89]|20)[0-9]{{2}}[-–/](?:(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})(?![\w-]|[.,]?[0-9]))
| (?P<skip>                                                   # dates and times: not counts
    (?=[0-9])(?:
    [0-9]{{1,2}}(?::[0-9]{{2}}){{1,2}}(?:{_SP}?[AaPp]\.?[Mm]\.?)?(?!\w)
  | [0-9]{{1,2}}(?:\.[0-9]{{2}})?{_SP}?[AaPp]\.?[Mm]\.?(?!\w)
  | [0-9]+(?:/[0-9]+)+\w*
  | [0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?![\w-])
  | [0-9]{{1,2}}\.[0-9]{{1,2}}\.(?:[0-9]{{4}}|[0-9]{{2}})(?![\w.]|,?[0-9])
  | {_DAY}{_SP}+(?:of{_SP}+)?{MONTH_PATTERN}\b
  )
  | {MONTH_PATTERN}\.?{_SP}+{_DAY}(?!\w|[.,]?[0-9])
  )
| (?P<fig>
    (?=[-−+]?(?:[0-9$£€¥₹₩₽₦]|[A-Z]{{1,2}}\$|Rs|[A-Z]{{3}}{_SP}?[0-9]))
    (?:(?<![0-9]{_SP})(?P<sign>[-−+]))?                       # not the dash of "10 - 15"
    (?:(?P<pre>(?:US|A|AU|C|CA|HK|NZ|S|NT|R)?\$|[£€¥₹₩₽₦]|Rs\.?
              |INR|USD|EUR|GBP|JPY|CNY|AUD|CAD|CHF|PKR|BDT|NPR|LKR){_SP}?)?
    (?<![A-Za-z]-)(?<![0-9][.,])(?<![\s(]\.)                  # F-16, COVID-19; mid-number; .300
    (?P<num>(?>
        (?P<ind>[0-9]{{1,2}}(?:,[0-9]{{2}})+,[0-9]{{3}}(?:\.[0-9]+)?){_NO_DIGIT_AFTER}
      | (?P<west>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?){_NO_DIGIT_AFTER}
      | (?P<dots>[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}}){{2,}}(?:,[0-9]+)?){_NO_DIGIT_AFTER}
      | (?P<dotc>[1-9][0-9]{{0,2}}\.[0-9]{{3}},[0-9]{{1,2}}){_NO_DIGIT_AFTER}{_UNIT_AHEAD}
      | (?P<dot1>[1-9][0-9]{{0,2}}\.[0-9]{{3}}){_NO_DIGIT_AFTER}(?={_SP}+{_COUNT_NOUNS})
      | (?P<dcom>[0-9]{{1,3}},[0-9]{{1,2}}){_NO_DIGIT_AFTER}{_UNIT_AHEAD}
      | (?P<plain>[0-9]+(?:\.[0-9]+)?){_NO_DIGIT_AFTER}
    ))
    (?:
        (?:{_SP}|-)?(?P<wscale>(?i:{_WORD_SCALES}))(?!\w)
      | {_SP}?(?P<sscale>{_SPACED_SCALES})(?!\w)
      | (?P<ascale>[mkMKBb])(?!\w)
    )?
    (?:
        {_SP}?(?P<usym>{_UNIT_SYMBOLS})(?!\w)
      | {_SP}(?P<uword>(?i:{_UNIT_WORDS}))(?!\w)
      | (?P<pence>p)(?!\w)                                     # "300p": pence, glued only
    )?
    (?!\w)
  )
| (?P<word>(?>
    (?P<wa>[Aa]|[Hh]alf{_SP}+an?){_SP}+(?P<wascale>{_WORD_SCALES_CASED})
  | (?P<wn>(?:{_NUM_WORDS})(?:-(?:{_UNIT_DIGITS}))?)
    (?P<whalf>{_SP}+and{_SP}+a{_SP}+half)?
    (?:{_SP}+(?P<wnscale>{_WORD_SCALES_CASED}))?
  )(?:{_SP}+(?P<wunit>(?i:{_UNIT_WORDS})))?(?!\w))
)
"""
# Compiled when first used: a run that counts no figures does not pay for it.
_FIGURE_RE = lazy_compile(_PATTERN, re.VERBOSE)

# After a figure: a hyphenated modifier ("10-year-old") or a run of words on the same line.
_HYPHEN_WORD_RE = lazy_compile(r"-([A-Za-z]+)")
_WORD_RUN_RE = lazy_compile(
    r"[ \t\u00a0\u202f]+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*"
    r"(?:[ \t\u00a0\u202f]+[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*){0,5})"
)
_TRAILING_CUE_RE = lazy_compile(r"(?:-odd|-plus|\+|[ \u00a0]or[ \u00a0](?:so|more)\b)")
_RANGE_JOIN_RE = lazy_compile(r"[ \u00a0]?(?:-|–|—)[ \u00a0]?|[ \u00a0](?:to|or)[ \u00a0]")
_AND_JOIN_RE = lazy_compile(r"[ \u00a0]and[ \u00a0]")

# --- word lists ---------------------------------------------------------------------------

# What each scale word multiplies by (also read by the bilingual checks).
SCALE_FACTORS: dict[str, int] = {
    "hundred": 100, "thousand": 10**3, "hundred thousand": 10**5, "hundred million": 10**8,
    "hundred billion": 10**11, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "arab": 10**9, "cr": 10**7,
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
    "tn": 10**12,
}
_INDIAN_SCALES = frozenset({"lakh", "lakhs", "crore", "crores", "arab", "cr"})
_NEEDS_CURRENCY = frozenset({"arab", "cr"})  # "5 arab nations" is not 5 billion
_CURRENCY_WORDS = frozenset({
    "dollar", "dollars", "rupee", "rupees", "euro", "euros", "pound", "pounds", "yen", "yuan",
    "renminbi", "ruble", "rubles", "rouble", "roubles", "peso", "pesos", "franc", "francs",
    "naira", "riyal", "riyals", "dirham", "dirhams", "taka", "€", "USD", "INR", "EUR", "GBP", "p",
})
_WORD_VALUES: dict[str, int] = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split())
} | {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}

_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})

_APPROX_1 = frozenset({
    "about", "around", "nearly", "almost", "roughly", "approximately", "approx", "approx.",
    "some", "over", "under", "circa", "c.", "ca.", "estimated",
})
_APPROX_2 = frozenset({
    ("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"),
    ("up", "to"), ("close", "to"), ("upwards", "of"), ("excess", "of"), ("just", "over"),
    ("just", "under"), ("well", "over"), ("an", "estimated"),
})
_APPROX_3 = frozenset({("as", "many", "as"), ("as", "much", "as"), ("as", "few", "as")})
# Last words of every cue: one set lookup rejects the figures that have none.
_APPROX_LAST = _APPROX_1 | {pair[-1] for pair in _APPROX_2} | {"as"}

# Words before a bare number that make it a name or label: "page 5", "Article 370".
_LABEL_WORDS = frozenset({
    "no", "no.", "nos", "nos.", "number", "page", "pages", "chapter", "room", "flight", "article",
    "section", "clause", "paragraph", "level", "type", "phase", "round", "game", "week", "day",
    "stage", "category", "grade", "class", "model", "version", "season", "episode", "series",
    "term", "gate", "platform", "route", "highway", "interstate", "line", "channel", "division",
    "district", "ward", "sector", "zone", "unit", "block", "floor", "apartment", "suite", "exit",
    "covid", "iphone", "windows", "pixel", "galaxy", "ios", "android", "tier", "band", "act",
})
# Index and list names that carry a number, at a sentence start too: "FTSE 100 shares fell".
_INDEX_NAMES = frozenset({
    "s&p", "ftse", "nifty", "sensex", "nasdaq", "dax", "cac", "nikkei", "stoxx", "russell",
    "asx", "kospi", "hot", "fortune", "forbes", "formula", "inc.", "bse", "nse", "msci",
})
# Video resolutions: "1080p" is a format, not pence.
_RESOLUTIONS = frozenset({"144", "240", "360", "480", "540", "576", "720", "1080", "1440", "2160", "4320"})
# Capitalised words that are not names when they precede a number in title case or at a
# sentence start: "About 50", "The 720".
_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "about", "around", "nearly", "almost", "roughly", "approximately", "some",
    "over", "under", "only", "just", "all", "another", "and", "but", "or", "of", "with", "for",
    "at", "by", "in", "on", "to", "from", "as", "than", "these", "those", "its", "their", "his",
    "her", "our", "your", "my", "more", "less", "fewer", "least", "most", "up", "top", "killed",
    "kills", "kill", "lost", "loses", "lose", "says", "said", "reports", "estimated", "has",
    "have", "had", "is", "are", "was", "were", "between", "after", "before", "since", "until",
    "into", "among", "across", "during", "against", "without", "upwards", "excess", "plus",
    "minus", "every", "each", "first", "last", "next", "both", "many", "much", "if", "when",
    "while", "where", "what", "who",
})
_DETERMINERS = frozenset({
    "the", "these", "those", "their", "its", "his", "her", "our", "your", "my", "this", "that",
})
_STOP = frozenset("""
a an the of in on at to from for by with without into onto over under after before since during
between among against across through per via than as and or but nor so yet if because while when
where who whom whose which that this these those what whether is are was were be been being am
has have had do does did will would shall should can could may might must it its he she they
them their his her we our you your i me my not no each every more less fewer most least last
next ago later earlier away apart apiece alone too also only just still already now then there
here about around up down off out back plus minus times high long wide deep tall old strong
odd higher lower cheaper bigger smaller larger greater longer shorter older younger above below
including compared according said says say told reported met won lost left took came went got
made gave fell rose ran saw paid hit cut put fled kept held sold bought brought found became
began grew knew flew led spent sent built felt stood sat spoke wrote remain remains remained
respectively total overall altogether such other another same all both either neither half
nearer closer further farther sooner faster slower better worse each others
third thirds quarter quarters fifth fifths tenth tenths percent cent
""".split())
_IRREGULAR_SINGULAR: dict[str, str] = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "wolves": "wolf", "leaves": "leaf", "thieves": "thief",
    "shelves": "shelf", "selves": "self", "calves": "calf", "loaves": "loaf",
    "criteria": "criterion", "phenomena": "phenomenon", "crises": "crisis",
    "analyses": "analysis", "diagnoses": "diagnosis", "theses": "thesis",
    "hypotheses": "hypothesis", "oases": "oasis", "heroes": "hero", "tomatoes": "tomato",
    "potatoes": "potato", "vetoes": "veto", "echoes": "echo", "torpedoes": "torpedo",
    "viruses": "virus", "buses": "bus", "bonuses": "bonus", "campuses": "campus",
    "surpluses": "surplus", "censuses": "census", "statuses": "status", "movies": "movie",
    "cookies": "cookie", "zombies": "zombie", "calories": "calorie", "rookies": "rookie",
    "pies": "pie", "ties": "tie", "lies": "lie", "dies": "die", "series": "series",
    "species": "species", "means": "means",
}
# Plurals without a final -s, and nouns that count people or things as they stand.
_PLURAL_AS_IS = frozenset({
    "people", "men", "women", "children", "feet", "teeth", "mice", "geese", "police", "personnel",
    "staff", "cattle", "livestock", "sheep", "deer", "fish", "aircraft", "crew", "criteria",
    "phenomena", "data", "media", "youth", "infantry", "clergy",
})
# "m" after a number in these events is metres even before a plural ("110m hurdles").
_METRE_EVENTS = frozenset({"hurdle", "medley", "freestyle", "runner", "sprinter", "swimmer"})
_NOUNS_IN_ED = frozenset({
    "speed", "need", "seed", "greed", "breed", "weed", "deed", "feed", "steed", "creed", "bed",
    "shed", "bred", "sled", "hundred", "kindred", "bloodshed", "watershed", "homestead", "bread",
})
_NOT_PLURAL = frozenset({
    "news", "gas", "bus", "this", "thus", "plus", "was", "has", "its", "yes", "less", "lens",
    "physics", "economics", "politics", "mathematics", "athletics", "measles", "diabetes",
    "always", "perhaps", "whereas", "afterwards", "towards", "overseas", "nowadays",
})


# --- small helpers ------------------------------------------------------------------------

_OPENERS = " \t\u00a0\u202f\"'“‘([*_>"
_SENTENCE_ENDS = ".!?:;—–-…"
_NO_NOUN: tuple[None, None, bool] = (None, None, False)


def _is_plural(word: str) -> bool:
    if word in _PLURAL_AS_IS or word in _IRREGULAR_SINGULAR:
        return True
    return (
        len(word) > 3
        and word[-1] == "s"
        and not word.endswith(("ss", "us", "is", "'s", "’s", "ous"))
        and word not in _NOT_PLURAL
    )


def _singular(word: str) -> str:
    """A simple lemma: enough to match "loss" with "losses" and "casualty" with "casualties"."""
    word = word.rstrip("'’")
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if word in _PLURAL_AS_IS or not _is_plural(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


class _Before:
    """What precedes a figure on its line: the text (at most 40 characters) and its last words."""

    __slots__ = ("text", "line_start", "words")

    def __init__(self, text: str, start: int) -> None:
        lo = start - 40 if start > 40 else 0
        before = text[lo:start]
        newline = before.rfind("\n")
        if newline >= 0:
            before = before[newline + 1:]
        self.text = before
        self.line_start = newline >= 0 or lo == 0
        self.words = before.rsplit(None, 3)[-3:]

    def starts_sentence(self) -> bool:
        """Whether the figure opens a sentence (so a capital letter says nothing)."""
        rest = self.text.rstrip(_OPENERS)
        return rest[-1] in _SENTENCE_ENDS if rest else self.line_start

    def approximate(self) -> bool:
        if self.text.endswith("~"):
            return True
        if not self.words or self.words[-1].lstrip(_OPENERS).lower() not in _APPROX_LAST:
            return False
        words = [w.lstrip(_OPENERS).lower() for w in self.words]
        if words and words[-1] in _APPROX_1:
            return True
        if len(words) >= 2 and (words[-2], words[-1]) in _APPROX_2:
            return True
        return len(words) == 3 and tuple(words) in _APPROX_3

    def is_label(self) -> bool:
        """A bare number that names rather than counts: "page 5", "Boeing 737", "iPhone 12"."""
        if self.text.endswith("#"):
            return True
        if not self.words or not self.text.endswith((" ", "\u00a0", "\u202f")):
            return False
        prev = self.words[-1]
        low = prev.lower()
        if low in _LABEL_WORDS or low.lstrip(_OPENERS) in _INDEX_NAMES:
            return True
        if prev.replace(",", "").isdigit():
            return True  # "400 737 Max jets": a number right after a count is a model or a code
        if low in _FUNCTION_WORDS or low == prev or not prev.replace("-", "").isalnum():
            return False  # lower-case, or punctuation ("Jarry,", "(Reuters)") parts the two
        if not prev[0].isupper() and not any(c.isupper() for c in prev):
            return False
        if len(self.words) >= 2:
            return self.words[-2].rstrip("\"'”’)")[-1:] not in _SENTENCE_ENDS
        return not self.line_start  # a capital at a sentence start says nothing


def _noun(text: str, end: int, value: float, scaled: bool) -> tuple[str | None, str | None, bool]:
    """The counted thing after a figure: (head noun lemma, qualifier, head was plural)."""
    if text.startswith("-", end):
        hyphen = _HYPHEN_WORD_RE.match(text, end)
        if hyphen is None:
            return _NO_NOUN
        word = hyphen.group(1).lower()  # "10-year-old": the compound's first word
        return _NO_NOUN if word in _STOP else (_singular(word), None, False)
    run_match = _WORD_RUN_RE.match(text, end)
    if run_match is None:
        return _NO_NOUN
    words = run_match.group(1).lower().split()
    first = 0
    if words[0] == "of":  # "70 percent of Americans", "5,200 pounds of water"
        first = 2 if len(words) > 1 and words[1] in _DETERMINERS else 1
    run: list[str] = []
    head = -1
    for word in words[first:first + 4]:
        if word in _STOP or word.endswith(("'s", "’s")):
            break
        run.append(word)
        if _is_plural(word):
            head = len(run) - 1
            break
    if not run:
        return _NO_NOUN
    plural = head >= 0
    if not plural:
        # A singular head such as "deal" in "$1.13bn deal"; stop before a verb in -ed.
        cut = next((i for i, w in enumerate(run) if len(w) > 3 and w.endswith("ed")
                    and w not in _NOUNS_IN_ED), len(run))
        if cut == 0:
            return _NO_NOUN
        head = cut - 1
        if run_match.group(1).split()[first + head][0].isupper():
            return _NO_NOUN  # a name: "2134 Caldwell Place"
    elif value == 1 and not scaled and head > 0:
        head -= 1  # "1 soldier dies": the -s word is the verb
        plural = False
    return _singular(run[head]), " ".join(run[:head]) or None, plural


# --- building figures ---------------------------------------------------------------------

def _number_figure(text: str, m: re.Match[str]) -> Figure | None:
    (num, sign, pre, ind, dots, dotc, dot1, dcom, plain, wscale, sscale, ascale, usym,
     uword, pence) = m.group("num", "sign", "pre", "ind", "dots", "dotc", "dot1", "dcom", "plain",
                             "wscale", "sscale", "ascale", "usym", "uword", "pence")
    if pence and (pre or wscale or sscale or ascale or num in _RESOLUTIONS):
        return None  # "1080p" is a video format; "$5p" or "5mp" is no price
    scale_text = wscale or sscale or ascale
    start, end = m.span("fig")
    decimal_comma = bool(dots or dotc or dot1 or dcom)
    if dots and num.count(".") == 3 and all(
            int(part) <= 255 and part[0] != "0" for part in num.split(".")):
        return None  # an IP address such as 192.168.100.100, not 192 billion
    if plain is not None:
        digits = num
    elif decimal_comma:
        digits = num.replace(".", "").replace(",", ".")
    else:
        digits = num.replace(",", "")
    unit_after = usym or (" ".join(uword.lower().split()) if uword else None) or pence
    unit = pre.rstrip(".") if pre else unit_after
    currency = pre is not None or unit_after in _CURRENCY_WORDS
    scale = " ".join(scale_text.lower().split()) if scale_text else None
    if scale in _NEEDS_CURRENCY and not currency:
        scale, end = None, m.end("num")  # "5 arab nations"
    bare = pre is None and scale is None and unit is None and sign is None
    is_year = (bare and plain is not None and len(num) == 4 and num.isdigit()
               and "1800" <= num <= "2099")

    before = _Before(text, start)
    if bare and plain is not None and not is_year and (
        (num[0] == "0" and num[1:2].isdigit())  # "0100 GMT", "007": not a count
        or before.is_label()
        or (before.line_start and not before.text.strip() and text.startswith((". ", ") "), end))
    ):
        return None  # a label, or the number of a list item ("5. Ukraine aid")
    noun, qualifier, plural = (
        _NO_NOUN if is_year else _noun(text, end, float(digits), scale is not None))
    if scale_text in ("m", "k", "K", "M", "B", "b") and not currency:
        # Without a currency only a plural count makes "m" millions and "k" thousands.
        if scale_text == "m":
            if not plural or noun in _METRE_EVENTS:
                scale, unit = None, "m"  # "100m sprint", "30m-high", "110m hurdles": metres
        elif scale_text != "k" or not plural:
            return None  # "4K TV", "5K runners", "5B": a code or a race, not a figure
    value = _scaled(digits, SCALE_FACTORS[scale]) if scale else float(digits)
    approximate = before.approximate() or _TRAILING_CUE_RE.match(text, end) is not None
    if sign in ("-", "−"):
        value = -value
    return Figure(start, end, text[start:end], value, num, scale, unit,
                  ind is not None or scale in _INDIAN_SCALES, decimal_comma, noun, qualifier,
                  is_year, approximate)


_PRONOUN_ONE_BEFORE = frozenset({
    "no", "the", "any", "every", "each", "some", "this", "that", "which", "only", "a", "last",
    "next", "such", "what", "another", "everyone", "someone",
})
_NOT_COUNTED_AFTER_ONE = frozenset({"of", "another", "or", "and", "other", "else", "than"})
_FRACTIONS = frozenset({
    "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "half",
    "halves",
})


def _word_figure(text: str, m: re.Match[str]) -> Figure | None:
    start, end = m.span("word")
    before = _Before(text, start)
    scale_text = m["wascale"] or m["wnscale"]
    scale = " ".join(scale_text.lower().split()) if scale_text else None
    if m["wa"]:
        number = m["wa"]
        base = 0.5 if number[0] in "Hh" else 1.0
    else:
        number = m["wn"]
        first, _, second = number.lower().partition("-")
        if second and first not in _TENS:
            return None
        if not number.islower() and not before.starts_sentence():
            return None  # "Xbox One", "Formula One", "Page Six"
        base = float(_WORD_VALUES[first] + (_WORD_VALUES[second] if second else 0))
        if m["whalf"]:
            base += 0.5
        if scale is None and text.startswith("-", end):
            return None  # "one-off", "two-year": a modifier, not a count
    unit = " ".join(m["wunit"].lower().split()) if m["wunit"] else None
    noun, qualifier, _ = _noun(text, end, base, scale is not None)
    if scale is None and unit is None and not _counts_something(text, end, before, number, noun):
        return None
    value = base * SCALE_FACTORS[scale] if scale else base
    approximate = before.approximate() or _TRAILING_CUE_RE.match(text, end) is not None
    return Figure(start, end, text[start:end], value, number, scale, unit,
                  scale in _INDIAN_SCALES, False, noun, qualifier, False, approximate)


def _counts_something(text: str, end: int, before: _Before, number: str, noun: str | None) -> bool:
    """Keep a bare number word only where it counts: not "two thirds", "one of", "no one"."""
    run = _WORD_RUN_RE.match(text, end)
    following = run.group(1).split(None, 1)[0].lower() if run else None
    if following in _FRACTIONS:
        return False
    if number.lower() != "one":
        return True
    prev = before.words[-1].lower() if before.words else ""
    return (
        noun is not None
        and following not in _NOT_COUNTED_AFTER_ONE
        and prev not in _PRONOUN_ONE_BEFORE
    )


def _year_span(m: re.Match[str]) -> Figure:
    start, end = m.span("yspan")
    span = m["yspan"]
    return Figure(start, end, span, float(span[:4]), span, None, None, False, False, None, None,
                  True, False)


_DECIMAL_DIGITS = 28  # the decimal module's default precision: its products are exact up to it


def _scaled(number: str, factor: int) -> float:
    """The decimal `number` times `factor`, rounded once to a float: 1.15 million is 1150000.0,
    where 1.15 * 1e6 is 1149999.9999999998.  Integer arithmetic (int / int rounds correctly),
    which gives what the decimal module does; that module, slow to import, only for what the
    integers do not cover (an exponent, a product past its precision)."""
    whole, _, fraction = number.partition(".")
    digits = whole + fraction
    if digits.isascii() and digits.isdigit() and len(digits.lstrip("0")) + len(str(factor)) <= _DECIMAL_DIGITS:
        return int(digits) * factor / 10 ** len(fraction)
    from decimal import Decimal

    return float(Decimal(number) * factor)


def join_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """Share scale, unit and noun across a range: "$10-15bn", "10 to 15 per cent", "5-7 men"
    (in place: `figures` are those of figures_in, in text order)."""
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if a.is_year or b.is_year or b.start - a.end > 5:
            continue
        gap = text[a.end:b.start]
        if not (_RANGE_JOIN_RE.fullmatch(gap) or (
                _AND_JOIN_RE.fullmatch(gap)
                and text[max(0, a.start - 9):a.start].lower().endswith("between "))):
            continue
        changes: dict[str, object] = {}
        if a.scale is None and b.scale is not None:
            changes.update(scale=b.scale, indian=a.indian or b.indian,
                           value=_scaled(repr(a.value), SCALE_FACTORS[b.scale]))
        if a.unit is None and b.unit is not None:
            changes["unit"] = b.unit
        if a.noun is None and b.noun is not None:
            changes.update(noun=b.noun, qualifier=b.qualifier)
        if changes:
            figures[i] = a._replace(**changes)
        if b.unit is None and a.unit is not None:
            figures[i + 1] = b._replace(unit=a.unit)  # "$10-15bn": the 15 is in dollars too
    return figures


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order; dates, times, ordinals and codes are left out."""
    return join_ranges(text, figures_in(text, 0, len(text)))


def figures_in(text: str, start: int, end: int) -> list[Figure]:
    """The figures that begin in text[start:end], before join_ranges shares a range's scale, unit
    and noun between its ends.  A figure, and all this reads around it, lies within its line
    (the pattern and the cues take no line break): scanned a paragraph at a time, the figures
    are those of the whole text."""
    figures: list[Figure] = []
    for m in _FIGURE_RE.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "fig":
            figure = _number_figure(text, m)
        elif kind == "word":
            figure = _word_figure(text, m)
        elif kind == "yspan":
            figure = _year_span(m)
        else:
            continue  # a date or a time
        if figure is not None:
            figures.append(figure)
    return figures


def _trim(number: float, places: int) -> str:
    return f"{number:.{places}f}".rstrip("0").rstrip(".")


def format_international(value: float) -> str:
    """How a copy editor writes a value: 100,000; 25 million; 1.2 billion; 1,234,567; 3.5."""
    sign = "-" if value < 0 else ""
    size = abs(value)
    for factor, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if size >= factor:
            scaled = size / factor
            if abs(scaled - round(scaled, 3)) < 1e-9 * scaled:
                return f"{sign}{_trim(scaled, 3)} {word}"
            break  # not a round figure in that unit: write all the digits
    if size == int(size):
        return f"{sign}{int(size):,}"
    return sign + f"{size:,.6f}".rstrip("0").rstrip(".")
