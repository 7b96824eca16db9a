"""On real scraped pages, applying every fix, safe and unsafe, never removes a sentence or a list
item of the article body that people labelled; and a second `--fix` changes nothing."""
from __future__ import annotations

import html
import re

import pytest

from conftest import SHARED
from lint.fixes import settled_plan
from lint.runner import Session

PAGES = SHARED / "corpus" / "aeb" / "html-text"
TRUTH = SHARED / "corpus" / "aeb" / "ground-truth"
SAMPLE = None  # every page
_NOT_WORD = re.compile(r"[\W_]+")


def _pages() -> list:
    if not PAGES.is_dir() or not TRUTH.is_dir():
        return []
    names = sorted(p.name for p in PAGES.glob("*.txt") if (TRUTH / p.name).is_file())
    return names[:SAMPLE]


def _as(fmt: str, text: str) -> tuple[str, str]:
    if fmt == "txt":
        return "page.txt", text
    if fmt == "md":
        # Each line its own paragraph, with Markdown's marks escaped, as a scraped page saved as Markdown.
        return "page.md", "\n\n".join(re.sub(r"^([#>*+\-]|\d+[.)])", r"\\\1", line) for line in text.splitlines())
    return "page.html", "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in text.splitlines())


def _normal(text: str) -> str:
    """Words only: typography fixes (quotes, dashes, spaces, glued sentences) change nothing here."""
    return _NOT_WORD.sub(" ", html.unescape(text)).lower().strip()


_SENTENCE = re.compile(r"""[.!?\u2026]["'\u2019\u201d)\]]*\s*$""")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u00b7]|\d{1,2}[.)])\s")


def _removed(line: str, kept: str) -> bool:
    """Whether a labelled sentence or list item of four words or more is gone: neither its first
    nor its last four words are left.  (A name or a unit rewritten inside it by an unsafe fix is
    no removal; a label such as "Main image credit: Getty" is neither a sentence nor an item.)"""
    words = _normal(line).split()
    if len(words) < 4 or not (_SENTENCE.search(line) or _LIST_ITEM.match(line)):
        return False
    return " ".join(words[:4]) not in kept and " ".join(words[-4:]) not in kept


def _fixed(session: Session, path: str, text: str, *, unsafe: bool) -> str:
    """What `newslint check --fix` (with `--unsafe-fixes` if unsafe) makes of the text."""
    fix_plan = settled_plan(session.check_text(path, text), lambda new: session.check_text(path, new), unsafe=unsafe)
    return fix_plan.new if fix_plan is not None else text


@pytest.mark.skipif(not _pages(), reason="../shared/corpus/aeb is not available")
@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_fixes_keep_every_labelled_line_of_the_body(fmt):
    session = Session()
    for name in _pages():
        path, text = _as(fmt, (PAGES / name).read_text(encoding="utf-8"))
        fixed = _fixed(session, path, text, unsafe=True)
        kept = _normal(fixed)
        lost = [line for line in (TRUTH / name).read_text(encoding="utf-8").splitlines() if _removed(line, kept)]
        assert not lost, f"{name} ({fmt}): fixes removed body text: {lost[:3]}"
        once = _fixed(session, path, text, unsafe=False)
        assert _fixed(session, path, once, unsafe=False) == once, f"{name} ({fmt}): a second --fix changed the text"
