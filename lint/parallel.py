"""Checking many files: serially, or in worker processes (`--jobs N`) with the same results in the
same order.  Each worker builds its own Session from the command line's settings (rules and
configurations are loaded once per worker), takes files in chunks and sends back FileResults.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence, TextIO

from .runner import STDIN, CliSettings, FileResult, Session

Item = tuple[Path | None, str, object]  # what Session.collect yields: (path, shown name, error)

_worker_session: Session | None = None  # one per worker process, a cache


def _start_worker(cli: CliSettings) -> None:
    global _worker_session
    _worker_session = Session(cli)


def _check_chunk(chunk: list[tuple[str, str]]) -> list[FileResult]:
    assert _worker_session is not None
    return [_worker_session.check_file(Path(path), shown=shown) for path, shown in chunk]


def worker_count(jobs: int) -> int:
    """--jobs 0 means one worker per processor."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


class Progress:
    """`checked 120/467 files` on a terminal's stderr, for runs that last more than a moment."""

    DELAY = 1.0  # seconds before the first report: short runs stay quiet

    def __init__(self, total: int, stream: TextIO | None):
        self.total = total
        self.stream = stream if stream is not None and stream.isatty() else None
        self.started = time.monotonic()
        self.shown = False
        self.last = 0.0

    def update(self, done: int) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self.started < self.DELAY or now - self.last < 0.1:
            return
        self.last = now
        self.shown = True
        self.stream.write(f"\rnewslint: checked {done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.shown and self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def check_items(
    session: Session,
    items: Sequence[Item],
    *,
    jobs: int = 1,
    read_stdin: Callable[[], bytes] | None = None,
    stdin_filename: str | None = None,
    progress: TextIO | None = None,
) -> list[FileResult]:
    """One FileResult per item, in the order of `items`, whatever the number of jobs."""
    files = [(index, path, shown) for index, (path, shown, error) in enumerate(items) if error is None and path is not None]
    results: list[FileResult | None] = [None] * len(items)
    for index, (path, shown, error) in enumerate(items):
        if error is not None:
            results[index] = FileResult(shown, error=error)  # type: ignore[arg-type]
        elif path is None and shown == STDIN:
            data = read_stdin() if read_stdin is not None else sys.stdin.buffer.read()
            results[index] = session.check_stdin(data, stdin_filename)
    meter = Progress(len(files), progress)
    workers = min(worker_count(jobs), len(files))
    if workers <= 1:
        for done, (index, path, shown) in enumerate(files, 1):
            results[index] = session.check_file(path, shown=shown)
            meter.update(done)
    else:
        _load_rules_before_forking(session, files[0][1])
        for done, (index, result) in enumerate(_in_processes(session.cli, files, workers), 1):
            results[index] = result
            meter.update(done)
    meter.close()
    return [r for r in results if r is not None]


def _load_rules_before_forking(session: Session, path: Path) -> None:
    """Forked workers then find the rule packs parsed and compiled (load_pack's cache)."""
    try:
        session.linter(session.settings_for(path))
    except Exception:  # noqa: BLE001 - the worker that checks the file reports the problem
        pass


def _chunks(files: Sequence[tuple[int, Path, str]], workers: int) -> list[list[tuple[int, Path, str]]]:
    # Many small chunks per worker even out long and short files (a folder of big HTML pages
    # sorts together); a file costs far more to check than to send.
    size = max(1, min(16, -(-len(files) // (workers * 16))))
    return [list(files[i:i + size]) for i in range(0, len(files), size)]


def _in_processes(cli: CliSettings, files: Sequence[tuple[int, Path, str]], workers: int) -> Iterable[tuple[int, FileResult]]:
    # Imported here: a serial run, the common case, should not pay for starting up processes.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # fork starts workers at once, with the rules already imported; elsewhere spawn works too.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunks = _chunks(files, workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(cli,)) as pool:
        work = [[(str(path), shown) for _, path, shown in chunk] for chunk in chunks]
        for chunk, checked in zip(chunks, pool.map(_check_chunk, work)):
            for (index, _, _), result in zip(chunk, checked):
                yield index, result
