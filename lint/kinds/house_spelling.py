"""house-spelling: the house's preferred spelling of a name, with the variants it replaces.

Spellings are data: a table `spellings` of preferred -> [variants] (Kyiv = ["Kiev"]), or one
`preferred` with its `variants`, so a newsroom adds its own in its pack.  Variants match as
whole words, case-sensitively, except that a variant written with a lower-case first letter
("al-Qaida") also matches capitalised at a sentence start, and the fix then capitalises the
preferred form.  A possessive stays as it is ("Kiev's" -> "Kyiv's").  `keep` lists phrases in
which a variant is right ("chicken Kiev", "Peking duck").
"""
from __future__ import annotations

import re
from typing import Iterable

from ..analysis import Analysis, capitalised_words
from ..findings import Edit, Hit
from ..patterns import compile_pattern
from . import Kind, RuleError, string_list


def _variant_regex(variant: str) -> str:
    """A variant as a pattern: any run of spaces between its words, either apostrophe, and a
    lower-case first letter that may also be capitalised."""
    parts = []
    for token in variant.split():
        parts.append(re.escape(token).replace("'", "['\u2019]").replace("\u2019", "['\u2019]"))
    body = r"[^\S\n]+".join(parts)
    first = variant[0]
    if first.islower():
        body = f"[{first}{first.upper()}]" + body[1:]
    return body


class HouseSpelling(Kind):
    name = "house-spelling"
    placeholders = frozenset({"preferred", "variant"})
    params = {
        "spellings": (dict, {}),  # preferred -> list of variants
        "preferred": (str, ""),  # or one preferred spelling ...
        "variants": (list, []),  # ... with its variants
        "keep": (list, []),  # phrases in which a variant stays ("chicken Kiev")
    }
    fixable = True

    def prepare(self) -> None:
        table: dict[str, list[str]] = {}
        for preferred, variants in self.spellings.items():
            if isinstance(variants, str):
                variants = [variants]
            if not isinstance(variants, list):
                raise RuleError(f"'spellings': the variants of {preferred!r} must be a list of strings")
            table[preferred] = string_list(variants, f"'spellings': the variants of {preferred!r}")
        if self.preferred or self.variants:
            if not self.preferred or not self.variants:
                raise RuleError("'preferred' and 'variants' go together")
            table.setdefault(self.preferred, []).extend(string_list(self.variants, "'variants'"))
        if not table:
            raise RuleError("give 'spellings' (preferred = [variants]) or 'preferred' with 'variants'")
        self.preferred_of: dict[str, str] = {}
        for preferred, variants in table.items():
            if not preferred.strip():
                raise RuleError("'spellings': a preferred spelling is empty")
            for variant in variants:
                if not variant.strip() or variant == preferred:
                    raise RuleError(f"'spellings': {variant!r} is no variant of {preferred!r}")
                if self.preferred_of.get(variant, preferred) != preferred:
                    raise RuleError(f"'spellings': {variant!r} is listed under two preferred spellings")
                self.preferred_of[variant] = preferred
        variants = sorted(self.preferred_of, key=len, reverse=True)
        self.regex = compile_pattern(r"(?<!\w)(?:" + "|".join(_variant_regex(v) for v in variants) + r")(?!\w)")
        keep = string_list(self.keep, "'keep'")
        self.keep_regex = compile_pattern("|".join(_variant_regex(k) for k in keep), re.IGNORECASE) if keep else None
        # A variant can only be present if one of its capitalised words is: a set lookup on the
        # article's proper nouns spares the scan for most articles.  Variants with no such word
        # are always scanned for.
        self.anchors: set[str] = set()
        self.scan_always = False
        for variant in variants:
            words = capitalised_words(variant[0].upper() + variant[1:])
            if words:
                self.anchors.add(max(words, key=len))
            else:
                self.scan_always = True
        self._folded = {self._fold(v): p for v, p in self.preferred_of.items()}

    @staticmethod
    def _fold(variant: str) -> str:
        """A matched variant in a canonical form: spaces single, apostrophes straight, first letter small."""
        folded = " ".join(variant.split()).replace("\u2019", "'")
        return folded[:1].lower() + folded[1:]

    def check(self, text: Analysis) -> Iterable[Hit]:
        if not self.scan_always and self.anchors.isdisjoint(text.proper_nouns.counts):
            return
        if not text.is_english:
            return  # "Hizbullah" is how Indonesian writes it
        kept: list[tuple[int, int]] | None = None
        for match in self.regex.finditer(text.text):
            start, end = match.span()
            if self.keep_regex is not None:
                if kept is None:
                    kept = [m.span() for m in self.keep_regex.finditer(text.text)]
                if any(k_start <= start and end <= k_end for k_start, k_end in kept):
                    continue
            variant = match.group()
            preferred = self._folded.get(self._fold(variant))
            if preferred is None:
                continue
            if variant[0].isupper() and preferred[0].islower():
                preferred = preferred[0].upper() + preferred[1:]
            message = self.format(variant=variant, preferred=preferred)
            yield Hit(start, end, message, Edit(start, end, preferred))
