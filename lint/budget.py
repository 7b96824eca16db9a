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


class Deadline:
    """When the running rule's budget ends; held back while one-time work runs (see paused)."""

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() > self.at


_running = threading.local()  # the Deadline of the rule running on this thread, if any


def _expire(signum, frame):
    raise OverBudget


_handler_installed = False  # whether alarms() has put _expire in place on the main thread


@contextmanager
def alarms() -> Iterator[None]:
    """Within the block, the timer signal raises OverBudget: installed once for the budgets of a
    whole check, since installing a handler through the signal module converts its values to
    enums and back (once per rule per document, a tenth of checking a short article)."""
    global _handler_installed
    if _handler_installed or not _signals_usable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    _handler_installed = True
    try:
        yield
    finally:
        _handler_installed = False
        signal.signal(signal.SIGALRM, previous)


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[Deadline]:
    """Within the block, OverBudget is raised once `seconds` have passed (on the main thread);
    yields the Deadline, for checks between steps (on any thread)."""
    deadline = Deadline(seconds)
    outer, _running.deadline = getattr(_running, "deadline", None), deadline
    try:
        if not _signals_usable():
            yield deadline
            return
        with alarms():  # already in place for the whole check, when the engine runs the rule
            signal.setitimer(signal.ITIMER_REAL, seconds)
            try:
                yield deadline
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        _running.deadline = outer


@contextmanager
def paused() -> Iterator[None]:
    """Holds the running rule's budget for the block: one-time work done on a rule's first use (a
    word table built and stored for later runs) is no cost of that rule on this document, and
    stopping it half-way would leave it to be started again, and stopped again, on every run."""
    deadline = getattr(_running, "deadline", None)
    if deadline is None:
        yield
        return
    left = signal.setitimer(signal.ITIMER_REAL, 0)[0] if _signals_usable() else 0.0
    began = time.monotonic()
    try:
        yield
    finally:
        deadline.at += time.monotonic() - began
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)
