"""An archive's inputs as partitions of articles, read as a stream.

A SOURCE is a folder (or a single article file), checked file by file as `newslint check` would,
or a table of articles: JSON Lines, CSV or Parquet with a text column and optional metadata
columns.  Partitions are cut in a fixed order, so the same inputs always give the same
partitions and a re-run can skip those already written; a skipped partition is passed over
without parsing or reading its articles where the format allows.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

from ..config import Settings
from ..runner import Session

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
PEEK_ROWS = 100  # JSON Lines rows read to tell a file with no text column from a few bad rows
MAX_ARTICLE_BYTES = 256 * 1024 * 1024  # a folder's file larger than this is not even read


class InputProblem(Exception):
    """An input cannot be audited at all (missing, unreadable, no text column); str(exc) says why."""


@dataclass(frozen=True)
class Columns:
    """Names of the table columns; `source=None` takes 'source', or else 'feed'."""

    text: str = "text"
    id: str = "id"
    source: str | None = None
    section: str = "section"
    date: str = "date"
    url: str = "url"

    def source_of(self, row: dict) -> Any:
        if self.source is not None:
            return row.get(self.source)
        value = row.get("source")
        return value if value is not None else row.get("feed")


class Article(NamedTuple):
    """One article as the worker receives it.

    A folder's file comes as raw bytes (`data`), decoded by the worker exactly as `check` does;
    a table's row comes as text.  `problem` names a row known to be bad before linting.
    """

    id: str
    input: str
    row: int | None  # 1-based row (line of a JSON Lines file) in a table; None for a file
    path: str  # the name given to the linter: its suffix chooses the format for a file
    text: str | None = None
    data: bytes | None = None
    problem: str | None = None
    source: str | None = None
    section: str | None = None
    date: str | None = None
    url: str | None = None
    settings: int = 0  # index into Partition.settings


@dataclass(frozen=True)
class Partition:
    index: int
    articles: tuple[Article, ...]
    settings: tuple[Settings, ...]
    text_format: str  # format of a table's rows: text, markdown or html


@dataclass(frozen=True)
class InputFile:
    """One SOURCE argument, with what identifies its content for resuming."""

    path: Path
    kind: str  # jsonl, csv, parquet, or files (a folder or an article file)
    articles: int
    fingerprint: tuple  # (size, mtime_ns) of a file; (count, newest mtime_ns) of a folder

    def partitions(self, size: int) -> int:
        return -(-self.articles // size)


class Plan:
    """The inputs of one audit, counted, and their partitions in order."""

    def __init__(self, sources: Iterable[str], session: Session, columns: Columns, *, partition_size: int, text_format: str):
        self.session = session
        self.columns = columns
        self.partition_size = partition_size
        self.text_format = text_format
        self.inputs = [self._inspect(Path(source)) for source in sources]

    @property
    def articles(self) -> int:
        return sum(item.articles for item in self.inputs)

    @property
    def partition_count(self) -> int:
        return sum(item.partitions(self.partition_size) for item in self.inputs)

    def describe(self) -> list[dict]:
        """What the output folder's manifest records of the inputs."""
        return [{"path": str(item.path.resolve()), "kind": item.kind, "articles": item.articles, "fingerprint": list(item.fingerprint)} for item in self.inputs]

    def partitions(self, skip: set[int]) -> Iterator[Partition]:
        first = 0
        for item in self.inputs:
            chunks = _CHUNKERS[item.kind](self, item)
            for offset, chunk in enumerate(chunks):
                index = first + offset
                if index in skip:
                    continue
                yield self._partition(index, chunk)
            first += item.partitions(self.partition_size)

    # -- counting -------------------------------------------------------------------------

    def _inspect(self, path: Path) -> InputFile:
        if not path.exists():
            raise InputProblem(f"{path}: no such file or directory")
        kind = "files" if path.is_dir() else TABLE_SUFFIXES.get(path.suffix.lower(), "files")
        try:
            if kind == "files":
                count, newest = 0, 0
                for file in self._files(path):
                    count += 1
                    newest = max(newest, _mtime(file))
                return InputFile(path, kind, count, (count, newest))
            stat = path.stat()
            count = {"jsonl": self._count_jsonl, "csv": self._count_csv, "parquet": self._count_parquet}[kind](path)
        except OSError as exc:
            raise InputProblem(f"{path}: cannot read: {exc.strerror or exc}") from None
        return InputFile(path, kind, count, (stat.st_size, stat.st_mtime_ns))

    def _files(self, path: Path) -> Iterator[Path]:
        for file, _, error in self.session.collect([str(path)]):
            if error is None and file is not None:
                yield file

    def _count_jsonl(self, path: Path) -> int:
        rows = 0
        found_text = False
        with path.open("rb") as lines:
            for line in lines:
                if not line.strip():
                    continue
                rows += 1
                if rows <= PEEK_ROWS and not found_text:
                    found_text = _has_key(line, self.columns.text)
        if rows and not found_text:
            raise InputProblem(f"{path}: no '{self.columns.text}' field in the first {min(rows, PEEK_ROWS)} rows; name the text column with --text-column")
        return rows

    def _count_csv(self, path: Path) -> int:
        with _open_csv(path) as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or self.columns.text not in header:
                raise InputProblem(f"{path}: no '{self.columns.text}' column (columns: {', '.join(header or []) or 'none'}); name the text column with --text-column")
            return sum(1 for _ in reader)

    def _count_parquet(self, path: Path) -> int:
        import pyarrow.parquet as pq

        try:
            meta = pq.ParquetFile(path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a damaged file
            raise InputProblem(f"{path}: not a readable Parquet file ({exc})") from None
        names = meta.schema_arrow.names
        if self.columns.text not in names:
            raise InputProblem(f"{path}: no '{self.columns.text}' column (columns: {', '.join(names)}); name the text column with --text-column")
        return meta.metadata.num_rows

    # -- building partitions --------------------------------------------------------------

    def _partition(self, index: int, chunk: list) -> Partition:
        settings: list[Settings] = []
        articles = []
        for article, file_settings in chunk:
            try:
                position = settings.index(file_settings)
            except ValueError:
                position = len(settings)
                settings.append(file_settings)
            articles.append(article._replace(settings=position))
        return Partition(index, tuple(articles), tuple(settings), self.text_format)

    def _row_settings(self) -> Settings:
        # Table rows are like standard input: configured from the working folder.
        return self.session.settings_for(None)

    def _row_article(self, item: InputFile, number: int, row: dict | None, problem: str | None = None) -> Article:
        name = item.path.name
        if row is None:
            return Article(f"{name}:{number}", str(item.path), number, f"{name}:{number}", problem=problem)
        columns = self.columns
        ident = row.get(columns.id)
        ident = _meta(ident) or f"{name}:{number}"
        text = row.get(columns.text, _MISSING)
        if problem is None:
            if text is _MISSING or text is None:
                problem = "missing text"
            elif isinstance(text, bytes):
                try:
                    text = text.decode("utf-8")
                except UnicodeDecodeError:
                    problem = "invalid encoding"
            elif not isinstance(text, str):
                problem = "missing text"
            if problem is None and _has_surrogates(text):
                problem = "invalid encoding"
        return Article(
            ident, str(item.path), number, ident,
            text=text if problem is None else None,
            problem=problem,
            source=_meta(columns.source_of(row)),
            section=_meta(row.get(columns.section)),
            date=_meta(row.get(columns.date)),
            url=_meta(row.get(columns.url)),
        )


_MISSING = object()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Lazy:
    """A chunk whose articles are only built when the partition is not skipped."""

    def __init__(self, build, raw):
        self.build, self.raw = build, raw

    def __iter__(self):
        return iter(self.build(self.raw))


def _jsonl_chunks(plan: Plan, item: InputFile) -> Iterator:
    settings = plan._row_settings()

    def build(lines):
        for number, line in lines:
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                yield plan._row_article(item, number, None, "invalid encoding"), settings
                continue
            try:
                row = json.loads(text)
            except ValueError:
                row = None
            if not isinstance(row, dict):
                yield plan._row_article(item, number, None, "invalid JSON"), settings
                continue
            yield plan._row_article(item, number, row), settings

    def rows():
        with item.path.open("rb") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield number, line

    for chunk in _chunks(rows(), plan.partition_size):
        yield _Lazy(build, chunk)


def _csv_chunks(plan: Plan, item: InputFile) -> Iterator:
    settings = plan._row_settings()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts are long fields
    with _open_csv(item.path) as handle:
        reader = csv.DictReader(handle)
        numbered = ((reader.line_num, row) for row in reader)
        for chunk in _chunks(numbered, plan.partition_size):
            yield [(plan._row_article(item, number, row), settings) for number, row in chunk]


def _parquet_chunks(plan: Plan, item: InputFile) -> Iterator:
    import pyarrow.parquet as pq

    settings = plan._row_settings()
    columns = plan.columns
    wanted = [columns.text, columns.id, columns.section, columns.date, columns.url, *([columns.source] if columns.source else ["source", "feed"])]
    parquet = pq.ParquetFile(item.path)
    present = [name for name in dict.fromkeys(wanted) if name in parquet.schema_arrow.names]
    number = 0
    for batch in parquet.iter_batches(batch_size=plan.partition_size, columns=present):
        rows = batch.to_pylist()
        first = number
        number += len(rows)
        yield [(plan._row_article(item, first + offset + 1, row), settings) for offset, row in enumerate(rows)]


def _file_chunks(plan: Plan, item: InputFile) -> Iterator:
    def build(paths):
        for path in paths:
            shown = str(path)
            article = Article(shown, str(item.path), None, shown)
            try:
                settings = plan.session.settings_for(path)
            except Exception as exc:  # noqa: BLE001 - a broken configuration makes that file a bad row
                yield article._replace(problem=f"not checked: {exc}"), Settings()
                continue
            try:
                if path.stat().st_size > MAX_ARTICLE_BYTES:
                    yield article._replace(problem="file too large"), settings
                    continue
                data = path.read_bytes()
            except OSError as exc:
                yield article._replace(problem=f"unreadable: {exc.strerror or exc}"), settings
                continue
            yield article._replace(data=data), settings

    for chunk in _chunks(plan._files(item.path), plan.partition_size):
        yield _Lazy(build, chunk)


_CHUNKERS = {"jsonl": _jsonl_chunks, "csv": _csv_chunks, "parquet": _parquet_chunks, "files": _file_chunks}


def _open_csv(path: Path):
    # surrogateescape keeps invalid bytes visible, so a bad row is told apart from a good one.
    return path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="")


def _has_key(line: bytes, key: str) -> bool:
    try:
        row = json.loads(line)
    except ValueError:
        return False
    return isinstance(row, dict) and key in row


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _meta(value: Any) -> str | None:
    """Metadata as text: dates as ISO dates, anything else as given."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value)
    return None if _has_surrogates(text) else text


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0
