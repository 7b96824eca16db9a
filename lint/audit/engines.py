"""Where partitions run: worker processes on this machine (the default), or a Dask cluster.

Both engines take partitions one at a time and hand back results as they finish, so the driver
keeps only a few partitions in flight whatever the archive's size.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable

LOCAL_PREFIX = "local:"


class EngineProblem(Exception):
    """The engine cannot start (a bad --scheduler, an unreachable cluster); str(exc) says why."""


class InlineEngine:
    """One process: partitions run in the driver itself (--jobs 1)."""

    workers = 1
    description = "this process"

    def submit(self, function: Callable, argument: Any):
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(function(argument))
        except BaseException as exc:  # noqa: BLE001 - handed back as the future's outcome
            future.set_exception(exc)
        return future

    def wait_first(self, futures: Iterable) -> tuple[set, set]:
        futures = set(futures)
        return futures, set()

    def close(self) -> None:
        pass


class ProcessEngine:
    """Worker processes on this machine, without a cluster."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        # fork starts workers at once, with newslint already imported; elsewhere spawn works too.
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.workers = workers
        self.description = f"{workers} local processes"
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def submit(self, function: Callable, argument: Any):
        return self._pool.submit(function, argument)

    def wait_first(self, futures: Iterable) -> tuple[set, set]:
        from concurrent.futures import FIRST_COMPLETED, wait

        done, pending = wait(set(futures), return_when=FIRST_COMPLETED)
        return done, pending

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """A Dask distributed cluster: an existing scheduler, or a LocalCluster started for the run."""

    def __init__(self, address: str):
        from . import require

        require("distributed")
        import distributed

        self._cluster = None
        try:
            if address.startswith(LOCAL_PREFIX):
                count = _local_workers(address)
                # One thread per worker: linting holds the GIL, so processes are the unit of work.
                self._cluster = distributed.LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
                self._client = distributed.Client(self._cluster)
                self.description = f"a local Dask cluster of {count} workers"
            else:
                self._client = distributed.Client(address, timeout=30)
                self.description = f"the Dask cluster at {address}"
        except (OSError, TimeoutError) as exc:
            self.close()
            raise EngineProblem(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.workers = max(1, sum(self._client.nthreads().values()))
        if address.startswith(LOCAL_PREFIX):
            self.description = f"a local Dask cluster of {self.workers} workers"

    def submit(self, function: Callable, argument: Any):
        return self._client.submit(function, argument, pure=False)

    def wait_first(self, futures: Iterable) -> tuple[set, set]:
        import distributed

        done, pending = distributed.wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done), set(pending)

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()


def _local_workers(address: str) -> int:
    value = address[len(LOCAL_PREFIX):]
    if not value.isdigit() or int(value) < 1:
        raise EngineProblem(f"--scheduler {address}: write local:N with N a number of workers, e.g. local:2")
    return int(value)


def make_engine(scheduler: str | None, jobs: int):
    if scheduler:
        return DaskEngine(scheduler)
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    return InlineEngine() if workers == 1 else ProcessEngine(workers)
