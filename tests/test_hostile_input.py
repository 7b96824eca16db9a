"""Hostile input: runs of punctuation that once made a rule take exponential or quadratic time."""
from __future__ import annotations

import time

import pytest

from lint.runner import CliSettings, Session

PROSE = "The council said on Tuesday that the new budget would fund three schools and a clinic. " * 12
# Each took minutes or more before (exponential in the dots, quadratic in the others); linear now.
HOSTILE = {
    "leader dots then a letter": PROSE + "\n\nMayor says " + "." * 40 + "x\n\nTurnout " + "." * 40 + " 64 per cent\n",
    "a run of exclamation marks": PROSE + "\n\nMayor says " + "!" * 40_000 + "x\n",
    "a line of hyphens": PROSE + "\n\n" + "-" * 20_000 + "x\n",
    "a line of bars": PROSE + "\n\n" + "|" * 20_000 + "x\n",
    "a line of em dashes": PROSE + "\n\n" + "\u2014" * 20_000 + "x\n",
    # Found by the fuzzer: each ran into the per-rule time budget or took seconds before.
    "a line of digits": PROSE + "\n\n" + "1" * 20_000 + "x\n",
    "a run of spaces": PROSE + "\n\nMayor " + " " * 50_000 + "x\n",
    "one figure repeated thousands of times": "The council said on Tuesday that 3,000 people had left the valley. " * 4_000,
    "glued sentences on one long line": "Police said.It was " * 15_000,
}


@pytest.fixture(scope="module")
def session() -> Session:
    # Every rule but the one that needs a LanguageTool server.
    return Session(CliSettings(select=("ALL",), ignore=("grammar", "spelling", "style")))


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("fmt", ["article.txt", "article.md", "article.html"])
def test_punctuation_runs_are_checked_in_bounded_time(session: Session, name: str, fmt: str) -> None:
    session.check_text(fmt, PROSE)  # warm up: loading the rules and textstat's data is not the case
    started = time.perf_counter()
    session.check_text(fmt, HOSTILE[name])
    assert time.perf_counter() - started < 5.0  # generous for a shared machine; was minutes


def test_leader_dots_still_end_a_repeated_headline() -> None:
    from lint.kinds.chrome_structure import _ellipsis_tail

    assert _ellipsis_tail("Council approves budget ...") == len("Council approves budget")
    assert _ellipsis_tail("Council approves budget. \u2026") == len("Council approves budget.")
    assert _ellipsis_tail("Council approves budget.") is None
    assert _ellipsis_tail("Mayor says " + "." * 40 + "x") is None


def test_runs_of_stops_still_end_sentences() -> None:
    from lint.analysis import _SENTENCE_END

    text = 'He won!!! "Really?!" she asked... Then x!!!y went on.'
    assert [m.group() for m in _SENTENCE_END.finditer(text)] == ["!!!", '?!"', "...", "."]


def test_a_run_of_repeated_words_is_one_finding_whose_fix_keeps_one(session: Session) -> None:
    from lint.fixes import plan

    text = "The vote was " + "a " * 50_000 + "surprise.\n"
    result = session.check_text("article.txt", text)
    doubled = [f for f in result.findings if f.rule == "typography/doubled-word"]
    assert len(doubled) == 1
    fixed = plan(result).new
    assert "The vote was a surprise." in fixed


def test_markdown_line_breaks_are_found_as_the_pattern_they_replace_found_them() -> None:
    import random
    import re

    from lint.formats.markdown import _breaks

    old = re.compile(r"[ \t]*(?:\\?\n|\r)[ \t]*")
    rng = random.Random(7)
    for _ in range(2_000):
        text = "".join(rng.choice(" \t\n\r\\ab") for _ in range(rng.randint(0, 30)))
        low = rng.randint(0, len(text))
        high = rng.randint(low, len(text))
        assert list(_breaks(text, low, high)) == [m.span() for m in old.finditer(text, low, high)], (text, low, high)


def test_the_nearest_figures_are_those_a_full_sort_would_give() -> None:
    import random

    from lint.kinds.figures import _MAX_PARTNERS, _ByValue, _Mention

    rng = random.Random(11)
    for _ in range(300):
        mentions = [
            _Mention(start, start + 2, "x", float(rng.choice((1, 2, 3, 10, 20, 30, 100, 1000))), "1", 0)
            for start in sorted(rng.sample(range(10_000), rng.randint(2, 60)))
        ]
        members = sorted(range(len(mentions)), key=lambda i: mentions[i].value)
        by_value = _ByValue(mentions, members)
        for i in members:
            low, high = rng.choice(((0.9, 1.1), (9, 11), (0.5, 40), (0, 2000)))
            in_range = [j for j in members if low <= mentions[j].value <= high]
            expected = sorted(in_range, key=lambda j: abs(mentions[j].start - mentions[i].start))[:_MAX_PARTNERS]
            assert by_value.nearest(mentions[i], low, high) == expected
