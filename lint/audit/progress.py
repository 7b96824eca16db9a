"""A progress bar on a terminal's stderr: articles done, articles per second, time left."""
from __future__ import annotations

import time
from typing import TextIO

WIDTH = 28


def clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{seconds:02d}s"


class AuditProgress:
    """Silent unless `stream` is a terminal; articles resumed from an earlier run count as done
    but not in the speed, which measures this run."""

    def __init__(self, total: int, stream: TextIO | None, *, resumed: int = 0):
        self.total = total
        self.stream = stream if stream is not None and stream.isatty() else None
        self.done = resumed
        self.resumed = resumed
        self.started = time.monotonic()
        self.shown = False

    def line(self, now: float | None = None) -> str:
        elapsed = (now if now is not None else time.monotonic()) - self.started
        fresh = self.done - self.resumed
        rate = fresh / elapsed if elapsed > 0 else 0.0
        share = self.done / self.total if self.total else 1.0
        filled = round(WIDTH * share)
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = clock(left) if left is not None else "--"
        return f"audit [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done:,}/{self.total:,} articles  {rate:,.0f}/s  ETA {eta}"

    def advance(self, articles: int) -> None:
        self.done += articles
        if self.stream is not None:
            self.shown = True
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        if self.shown and self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
