"""A long-lived checker (the language server's, which keeps results between checks) finds exactly
what a fresh check finds, after any sequence of edits.

Each article is edited step by step at random: words typed, deleted and doubled, a name misspelt,
a figure changed, paragraphs split and joined.  Every version is checked by one session that
lives through the whole sequence, as an editor's server does; then every version is checked again
from nothing (every kept result forgotten, a new session) and the findings must be the same.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from lint.lsp.checking import check_text
from lint.memo import Kept, forget_all
from lint.runner import CliSettings, Session

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [
    ROOT / "fixtures" / "names" / "variants.txt",
    ROOT / "fixtures" / "names" / "two-people-slip.txt",
    ROOT / "fixtures" / "numbers" / "magnitude.txt",
    ROOT / "fixtures" / "chrome" / "scraped-page.txt",
    ROOT / "fixtures" / "editor" / "article.md",
]
WORDS = ["the", "council", "Zelensky", "Zelenksy", "3,000", "30 lakh", "said", "Ukraine", "Ukriane", "ALSO READ:", "  ", "."]


def _edit(text: str, rng: random.Random) -> str:
    """One random edit of the kind an editor makes."""
    words = list(re.finditer(r"\S+", text))
    if not words:
        return text + " " + rng.choice(WORDS)
    word = rng.choice(words)
    start, end = word.span()
    action = rng.randrange(7)
    if action == 0:  # type a word
        return f"{text[:end]} {rng.choice(WORDS)}{text[end:]}"
    if action == 1:  # delete a word
        return text[:start] + text[end:].lstrip(" ")
    if action == 2:  # double a word
        return f"{text[:end]} {word.group()}{text[end:]}"
    if action == 3:  # misspell a word: two letters swapped
        token = word.group()
        if len(token) > 3:
            i = rng.randrange(len(token) - 1)
            token = token[:i] + token[i + 1] + token[i] + token[i + 2:]
        return text[:start] + token + text[end:]
    if action == 4:  # change a figure
        return re.sub(r"\d", lambda m: str(rng.randrange(10)), text, count=1) if re.search(r"\d", text) else text
    if action == 5:  # split a paragraph
        return text[:end] + "\n\n" + text[end:].lstrip(" ")
    return text.replace("\n\n", " ", 1)  # join two paragraphs


def _versions(article: Path, steps: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    text = article.read_text(encoding="utf-8")
    versions = [text]
    for _ in range(steps):
        text = _edit(text, rng)
        versions.append(text)
    return versions


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_warm_checks_after_random_edits_equal_fresh_checks(article: Path, tmp_path: Path) -> None:
    path = str(tmp_path / article.name)
    fmt = "markdown" if article.suffix == ".md" else "text"
    versions = _versions(article, steps=25, seed=sum(map(ord, article.name)))
    server_session = Session(keep_results=True)
    warm = [check_text(server_session, CliSettings(), path, text, fmt).findings for text in versions]
    for text, findings in zip(versions, warm):
        forget_all()
        fresh = Session().check_text(path, text, fmt=fmt).findings
        assert findings == fresh, f"after the edits, the long-lived check differs on:\n{text}"


def test_the_edits_change_what_is_found() -> None:
    """The sequences reach findings that come and go, or the test above would compare little."""
    versions = _versions(ARTICLES[0], steps=25, seed=sum(map(ord, ARTICLES[0].name)))
    session = Session()
    found = {tuple((f.rule, f.start) for f in session.check_text("variants.txt", text).findings) for text in versions}
    assert len(found) > 5


def test_kept_results_stay_within_their_bounds() -> None:
    """An editor's document may be one long paragraph edited over and over: what the session
    keeps is bounded by characters as well as by count, and a result is still the function's."""
    kept = Kept(size=100, chars=1000)
    for n in range(50):
        assert kept(str.upper, "x" * 90 + str(n)) == ("X" * 90 + str(n))
    assert kept._held <= 1000 and len(kept._results) <= 100
    huge = "y" * 600  # over a quarter of the bound: computed, not kept
    assert kept(len, huge) == 600 and (len, (huge,)) not in kept._results
