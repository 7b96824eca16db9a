"""The driver of an audit: plan the partitions, keep a few in flight on the engine, write each
one as it finishes, then build the summary from the written files.

The driver never holds more than a handful of partitions: its memory does not grow with the
archive, and neither does a worker's (one partition at a time).
"""
from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..runner import CliSettings, Session
from . import require
from .engines import make_engine
from .inputs import Columns, Plan
from .progress import AuditProgress
from .store import Store

IN_FLIGHT_PER_WORKER = 2  # one running, one waiting: workers never idle, the driver stays small


@dataclass(frozen=True)
class AuditOptions:
    sources: tuple[str, ...]
    out: Path
    cli: CliSettings = dataclasses.field(default_factory=CliSettings)
    columns: Columns = dataclasses.field(default_factory=Columns)
    text_format: str = "text"
    partition_size: int = 500
    scheduler: str | None = None  # a Dask scheduler's address, or local:N
    jobs: int = 0  # local processes without --scheduler; 0: one per processor
    restart: bool = False


@dataclass(frozen=True)
class AuditOutcome:
    summary: dict
    partitions: int
    resumed: int  # partitions found finished and skipped
    summary_json: Path
    summary_html: Path


class AuditInterrupted(Exception):
    """Ctrl-C: what is written stays; the same command resumes."""

    def __init__(self, done: int, total: int):
        super().__init__(f"interrupted with {done} of {total} partitions written; run the same command again to resume")


class AuditFailed(Exception):
    """A partition could not be audited (a worker died, the cluster went away)."""


def run_audit(options: AuditOptions, *, progress: TextIO | None = None) -> AuditOutcome:
    require("pyarrow")
    from .html_page import render_html
    from .summary import build_summary
    from . import worker

    session = Session(options.cli)
    plan = Plan(options.sources, session, options.columns, partition_size=options.partition_size, text_format=options.text_format)
    store = Store(options.out)
    total = plan.partition_count
    finished = {index for index in store.open(_manifest(options, plan), restart=options.restart) if index < total}
    resumed_articles = sum(stats["articles"] for stats in store.stats())

    if options.scheduler is None:
        # Local workers are forked from here: they find the rules parsed and compiled.
        worker._session = session
        session.linter(session.settings_for(None))
    engine = make_engine(options.scheduler, options.jobs)
    meter = AuditProgress(plan.articles, progress, resumed=resumed_articles)
    started = time.monotonic()
    written = len(finished)
    pending: dict = {}
    try:
        for partition in plan.partitions(finished):
            while len(pending) >= IN_FLIGHT_PER_WORKER * engine.workers:
                written += _collect(engine, pending, store, meter)
            pending[engine.submit(worker.audit_partition, partition)] = partition.index
        while pending:
            written += _collect(engine, pending, store, meter)
    except KeyboardInterrupt:
        meter.close()
        engine.close()
        raise AuditInterrupted(written, total) from None
    except BaseException:
        meter.close()
        engine.close()
        raise
    meter.close()
    description = engine.description
    engine.close()
    seconds = time.monotonic() - started
    fresh = plan.articles - resumed_articles
    run = {
        "engine": description,
        "workers": engine.workers,
        "partitions": total,
        "resumed_partitions": len(finished),
        "seconds": round(seconds, 2),
        "articles_per_second": round(fresh / seconds, 1) if seconds > 0 and fresh else None,
    }
    summary = build_summary(store.stats(), run=run)
    summary_json = store.write_text("summary.json", json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    summary_html = store.write_text("summary.html", render_html(summary))
    return AuditOutcome(summary, total, len(finished), summary_json, summary_html)


def _collect(engine, pending: dict, store: Store, meter: AuditProgress) -> int:
    """Write the partitions that have finished; how many."""
    done, _ = engine.wait_first(pending)
    for future in done:
        index = pending.pop(future)
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - reported with the partition it concerns
            raise AuditFailed(f"partition {index} failed ({type(exc).__name__}: {exc}); finished partitions are kept, run again to resume") from exc
        store.write_partition(result.index, result.table, result.stats)
        meter.advance(result.stats["articles"])
    return len(done)


def _manifest(options: AuditOptions, plan: Plan) -> dict:
    """What must be the same for a re-run to resume: inputs, how they are cut and read, rules."""
    cli = json.loads(json.dumps(dataclasses.asdict(options.cli), default=str))
    return {
        "inputs": plan.describe(),
        "partition_size": options.partition_size,
        "text_format": options.text_format,
        "columns": dataclasses.asdict(options.columns),
        "settings": cli,
    }

