"""A lookahead of a pattern's first characters only speeds the scan: it never changes a match."""
from __future__ import annotations

import random
import re

import pytest

from lint.patterns import first_characters

MARKERS = [
    r"(?:ALSO READ|READ MORE)\b[ \t]*+[:|]?|(?:Also [Rr]ead|Read [Mm]ore)[ \t]*+:",
    r"\((?:HT|PTI|AP)[ \t]++(?:Photos?|File Photo)\)|(?<=[.!?] )\((?:PTI|AFP)\)(?![ \t]*+:)",
    r"Follow[ \t]++(?:@\w++|us)|(?:[Cc]lick|TAP)[ \t]++(?:[Hh]ere|HERE)",
    r"x+y|(?>zz)w",
]


@pytest.mark.parametrize("markers", MARKERS)
def test_the_lookahead_of_first_characters_finds_the_same_matches(markers):
    first = first_characters(markers)
    assert first
    plain = re.compile(f"(?<!\\w)(?:{markers})")
    ahead = re.compile(f"(?=[{''.join(re.escape(c) for c in first)}])(?<!\\w)(?:{markers})")
    pieces = ["ALSO READ: ", "Read more:", "(HT Photo)", ". (PTI)", "Follow @x", "click here", "xxy", "zzw",
              "said.", " ", "\n", "Also", "(", "TAP HERE", "READ", "word", "é", "—"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        assert [m.span() for m in ahead.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("pattern, flags", [
    (r"a*b", 0),  # may start with b or a
    (r"(?:a|)b", 0),  # an empty alternative
    (r"[a-z]x", 0),  # a range: not listed
    (r"\w+", 0),
    (r"abc", re.IGNORECASE),  # case folding reaches beyond the ASCII letters
    (r"(?i)abc", 0),
    (r"(?i:abc)", 0),
    (r"(?=a)", 0),  # matches the empty string
])
def test_no_first_characters_where_a_match_may_start_otherwise(pattern, flags):
    assert first_characters(pattern, flags) is None


def test_first_characters_of_alternatives_and_assertions():
    assert first_characters(r"(?<!\w)(?:ALSO|Also|Read)\b") == "AR"
    assert first_characters(r"\((?:HT)\)|[Cc]lick") == "(Cc"
