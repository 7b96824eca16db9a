"""A time budget for one rule on one document, so that no rule can hang a run.

On the main thread (the command line, each --jobs worker) a timer signal interrupts the rule
wherever it is, inside a regular expression too (CPython checks for signals while matching).
Elsewhere (the language server's and the HTTP server's worker threads) signals cannot be used,
and the budget is checked between the rule's findings.  Either way the rule is stopped, and
the engine reports it and keeps the other rules' findings.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

SECONDS_PER_100KB = 2.0
MINIMUM_SECONDS = 1.0


class OverBudget(Exception):
    """The rule ran past its budget."""


def budget_for(text_length: int) -> float:
    """Seconds a rule may take on a document of `text_length` characters."""
    return max(MINIMUM_SECONDS, SECONDS_PER_100KB * text_length / 100_000)


@contextmanager
def time_limit(seconds: float) -> Iterator[float]:
    """Within the block, OverBudget is raised once `seconds` have passed (on the main thread);
    yields the deadline (time.monotonic()) for checks between steps."""
    deadline = time.monotonic() + seconds
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield deadline
        return

    def expire(signum, frame):
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
