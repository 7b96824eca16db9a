"""A time budget for one rule on one document, so that no rule can hang a run.

On the main thread (the command line, each --jobs worker) a timer ticks while a check runs, and
at each tick the running rule's deadline is looked at: a rule past it is interrupted wherever it
is, inside a regular expression too (CPython checks for signals while matching).  Elsewhere (the
language server's and the HTTP server's worker threads) signals cannot be used, and the budget is
checked between the rule's findings.  Either way the rule is stopped, and the engine reports it
and keeps the other rules' findings.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

SECONDS_PER_100KB = 2.0
MINIMUM_SECONDS = 1.0
TICK_SECONDS = 0.05  # how late past its deadline a rule may be stopped, on the main thread


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
_ticking = False  # whether ticks() has the timer running on the main thread


def _on_tick(signum, frame):
    deadline = getattr(_running, "deadline", None)  # signal handlers run on the main thread
    if deadline is not None and deadline.passed():
        raise OverBudget


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def ticks() -> Iterator[None]:
    """Within the block, the running rule is stopped at the first tick past its deadline.  One
    timer for a whole check, so that a rule's budget costs no system call: installing a handler
    and setting a timer for each rule on each document was a tenth of checking a short article."""
    global _ticking
    if _ticking or not _signals_usable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_tick)
    signal.setitimer(signal.ITIMER_REAL, TICK_SECONDS, TICK_SECONDS)
    _ticking = True
    try:
        yield
    finally:
        _ticking = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class time_limit:
    """Within the block, OverBudget is raised once `seconds` have passed (on the main thread);
    entering it gives the Deadline, for checks between steps (on any thread).  A plain class, not
    a generator: the engine enters one for every rule on every document."""

    __slots__ = ("seconds", "outer", "own_ticks")

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.own_ticks = None

    def __enter__(self) -> Deadline:
        self.outer = getattr(_running, "deadline", None)
        if not _ticking:  # used on its own, not within a check's ticks()
            self.own_ticks = ticks()
            self.own_ticks.__enter__()
        deadline = _running.deadline = Deadline(self.seconds)
        return deadline

    def __exit__(self, *exc_info) -> None:
        _running.deadline = self.outer
        if self.own_ticks is not None:
            self.own_ticks.__exit__(None, None, None)


@contextmanager
def paused() -> Iterator[None]:
    """Holds the running rule's budget for the block: one-time work done on a rule's first use (a
    word table built and stored for later runs) is no cost of that rule on this document, and
    stopping it half-way would leave it to be started again, and stopped again, on every run."""
    deadline = getattr(_running, "deadline", None)
    if deadline is None:
        yield
        return
    _running.deadline = None  # no tick stops the block
    began = time.monotonic()
    try:
        yield
    finally:
        deadline.at += time.monotonic() - began
        _running.deadline = deadline
