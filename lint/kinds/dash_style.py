"""dash-style: dashes between words set against the house style, or inconsistently.

A dash that sets off words can be a spaced en dash (" – "), an unspaced em dash ("—"), a spaced
em dash (" — "), or the typewriter's spaced hyphen or double hyphen (" - ", "--").  With the
`dash-style` option ("spaced-en", "unspaced-em" or "spaced-em") every other form is reported
and fixed; without it the article's most used form is taken as its style and only the others
are reported (spaced hyphens only when true dashes outnumber them).  Dashes inside quotations
are the speaker's and are left alone.  Unspaced en dashes are ranges and compounds ("10–12", "Dallas–Fort Worth"), a
hyphen at the start of a line is a list bullet, and neither is a dash here.
"""
from __future__ import annotations

from typing import Iterable

from ..analysis import Analysis
from ..findings import Edit, Hit
from ..validators import one_of
from . import Kind

DASH_STYLES = {"spaced-en": " \u2013 ", "unspaced-em": "\u2014", "spaced-em": " \u2014 "}
_SPACES = " \u00a0\u2009\u200a\u202f"
_SHOWN = {"spaced-en": "“ – ”", "spaced-em": "“ — ”", "unspaced-em": "“—”", "hyphen": "“ - ”"}


def find_dashes(body: str, hyphens: bool) -> list[tuple[str, int, int]]:
    """(form, start, end) of each dash between words; found with str.find, which runs at memory speed."""
    found = []
    for dash in ("\u2014", "\u2013"):
        at = body.find(dash)
        while at != -1:
            form = _classify(body, at, dash)
            if form is not None:
                found.append(form)
            at = body.find(dash, at + 1)
    if hyphens:
        for needle in (" - ", " -- ", "--"):
            at = body.find(needle)
            while at != -1:
                end = at + len(needle)
                if at and end < len(body) and not body[at - 1].isspace() and body[at - 1] != "-" \
                        and not body[end].isspace() and body[end] != "-" and not (needle == "--" and body[at - 1] == " "):
                    found.append(("hyphen", at, end))
                at = body.find(needle, end)
    return found


def _classify(body: str, at: int, dash: str) -> tuple[str, int, int] | None:
    before = body[at - 1] if at else "\n"
    after = body[at + 1] if at + 1 < len(body) else "\n"
    if before in _SPACES and after in _SPACES:
        start, end = at - 1, at + 2
        if start == 0 or body[start - 1].isspace() or end >= len(body) or body[end].isspace():
            return None  # a bullet or a dash at a line's edge
        return ("spaced-en" if dash == "\u2013" else "spaced-em", start, end)
    if dash == "\u2014" and not before.isspace() and not after.isspace() and before != dash and after != dash:
        return ("unspaced-em", at, at + 1)
    return None  # an unspaced en dash is a range or a compound; a half-spaced dash is left alone


class DashStyle(Kind):
    name = "dash-style"
    options = {"dash-style": one_of("spaced-en", "unspaced-em", "spaced-em")}
    placeholders = frozenset({"dash", "reason"})
    params: dict = {}
    fixable = True

    def check(self, text: Analysis) -> Iterable[Hit]:
        body = text.text
        house = text.options.get("dash-style")
        safe = house is not None  # the desk named its dash; the article's majority is only a guess
        if house is None and "\u2014" not in body and "\u2013" not in body:
            return  # no true dash: nothing to be inconsistent with
        found = find_dashes(body, hyphens=True)
        if house is None:
            if len({form for form, _, _ in found}) < 2:
                return
            found = [dash for dash in found if not text.in_quotation(dash[1])]
            house, reason = _article_style(found)
            if house is None:
                return
        else:
            found = [dash for dash in found if not text.in_quotation(dash[1])]
            reason = f"the house style is {_SHOWN[house]}"
        replacement = DASH_STYLES[house]
        for form, start, end in sorted(found, key=lambda dash: dash[1]):
            if form != house:
                yield Hit(start, end, self.format(dash=body[start:end].strip(), reason=reason), Edit(start, end, replacement, safe=safe))


def _article_style(found: list[tuple[str, int, int]]) -> tuple[str | None, str]:
    """The article's own dash (its most used true dash; ties: the first used), and why."""
    counts: dict[str, int] = {}
    first_use: dict[str, int] = {}
    for form, start, _ in found:
        counts[form] = counts.get(form, 0) + 1
        first_use.setdefault(form, start)
    hyphens = counts.get("hyphen", 0)
    dashes = {form: n for form, n in counts.items() if form != "hyphen"}
    if not dashes or sum(dashes.values()) <= hyphens:
        # Mostly typewriter dashes (or hyphens as separators in product names): no style to hold to.
        counts.pop("hyphen", None)
        found[:] = [dash for dash in found if dash[0] != "hyphen"]
    if len(counts) < 2:
        return None, ""
    house = max(dashes, key=lambda form: (dashes[form], -first_use[form]))
    summary = ", ".join(f"{n} {_SHOWN[form]}" for form, n in sorted(counts.items()))
    return house, f"the article mostly uses {_SHOWN[house]} ({summary})"
