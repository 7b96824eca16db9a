"""`newslint audit`: the command line's side of an audit (messages, exit codes)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..runner import CliSettings
from . import MissingExtra

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130


def audit_command(sources: tuple[str, ...], out: Path, cli: CliSettings, *, columns: dict, text_format: str,
                  partition_size: int, scheduler: str | None, jobs: int, restart: bool) -> int:
    def fail(message: str) -> int:
        click.echo(f"newslint: {message}", err=True)
        return EXIT_ERROR

    try:
        from ..config import ConfigError
        from ..rules import PackError
        from .engines import EngineProblem
        from .inputs import Columns, InputProblem
        from .run import AuditFailed, AuditInterrupted, AuditOptions, run_audit
        from .store import OutputProblem

        options = AuditOptions(tuple(sources), out, cli, Columns(**columns), text_format, partition_size, scheduler, jobs, restart)
        outcome = run_audit(options, progress=sys.stderr)
    except MissingExtra as exc:
        return fail(str(exc))
    except AuditInterrupted as exc:
        click.echo(f"newslint: {exc}", err=True)
        return EXIT_INTERRUPTED
    except (InputProblem, OutputProblem, EngineProblem, AuditFailed, ConfigError, PackError) as exc:
        return fail(str(exc))
    summary = outcome.summary
    bad = summary["bad_rows"]["count"]
    resumed = f", {outcome.resumed} of {outcome.partitions} partitions from an earlier run" if outcome.resumed else ""
    click.echo(
        f"newslint: audited {summary['articles']:,} articles{resumed}: {summary['findings']:,} findings"
        f" ({summary['per_1000_articles']:,} per 1,000 articles), {bad:,} rows not checked;"
        f" summary in {outcome.summary_html}",
        err=True,
    )
    return EXIT_OK
