"""The output folder of an audit: a manifest, one Parquet file per finished partition, the summary.

A partition's file is written under a hidden temporary name, flushed to disk and renamed into
place, so it is either whole or absent: a run stopped at any moment (a crash, Ctrl-C, a killed
machine) loses only the partitions in flight, and the next run with the same inputs and options
skips every partition already there.  Each file carries its partition's summary figures in its
Parquet metadata, so the summary is rebuilt from the files alone and counts every article once.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator

from .. import __version__

MANIFEST = "audit.json"
FINDINGS = "findings"
STATS_KEY = b"newslint.audit.stats"
MANIFEST_VERSION = 1


class OutputProblem(Exception):
    """The output folder cannot be used; str(exc) says why and what to do."""


def partition_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


class Store:
    def __init__(self, folder: Path):
        self.folder = folder
        self.findings = folder / FINDINGS

    def open(self, plan: dict, *, restart: bool) -> set[int]:
        """Make the folder ready for `plan` (the manifest's content); the partitions already done."""
        manifest_path = self.folder / MANIFEST
        try:
            self.findings.mkdir(parents=True, exist_ok=True)
            old = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else None
        except (OSError, ValueError) as exc:
            raise OutputProblem(f"{self.folder}: cannot use as the audit's output folder: {exc}") from None
        if old is not None and not restart and old.get("plan") != plan:
            raise OutputProblem(
                f"{self.folder} holds an audit of other inputs or options; use another --out, "
                "or --restart to discard it"
            )
        for leftover in self.findings.glob(".part-*.tmp"):  # from a run that was killed mid-write
            leftover.unlink(missing_ok=True)
        if restart or old is None:
            for stale in self.findings.glob("*.parquet"):
                stale.unlink()
            self._write_atomic(manifest_path, json.dumps({"version": MANIFEST_VERSION, "newslint": __version__, "plan": plan}, indent=1).encode())
        return {index for index, _ in self.done()}

    def done(self) -> Iterator[tuple[int, Path]]:
        """Finished partitions, in order; a damaged file counts as not done (it is written again)."""
        import pyarrow.parquet as pq

        for path in sorted(self.findings.glob("part-*.parquet")):
            try:
                index = int(path.stem.split("-", 1)[1])
                if STATS_KEY not in (pq.read_schema(path).metadata or {}):
                    continue
            except Exception:  # noqa: BLE001 - any unreadable file is simply redone
                continue
            yield index, path

    def stats(self) -> Iterator[dict]:
        """The summary figures of every finished partition, in partition order."""
        import pyarrow.parquet as pq

        for _, path in self.done():
            yield json.loads(pq.read_schema(path).metadata[STATS_KEY])

    def write_partition(self, index: int, table, stats: dict) -> None:
        import pyarrow.parquet as pq

        meta = dict(table.schema.metadata or {})
        meta[STATS_KEY] = json.dumps(stats, ensure_ascii=False).encode("utf-8")
        table = table.replace_schema_metadata(meta)
        final = self.findings / partition_name(index)
        temporary = self.findings / f".{final.name}.{os.getpid()}.tmp"  # hidden: Parquet readers skip it
        try:
            with temporary.open("wb") as handle:
                pq.write_table(table, handle, compression="zstd")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, final)
        finally:
            temporary.unlink(missing_ok=True)

    def write_text(self, name: str, text: str) -> Path:
        path = self.folder / name
        self._write_atomic(path, text.encode("utf-8"))
        return path

    def _write_atomic(self, path: Path, data: bytes) -> None:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(data)
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
