"""Parsed rule packs and configuration files, and tables made from the libraries' data, kept
between runs, so that a cold start does not parse the same TOML (or dictionary) again.

Importing tomllib and parsing the built-in packs is a noticeable share of `newslint check`'s
start-up.  A TOML file's entry is keyed by the pack's path, size and modification time and by newslint's and
Python's versions; every entry is stored with marshal (plain data, nothing executed on load) under
NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint.  Any problem
reading or writing the cache falls back to parsing: the cache can only save time.
"""
from __future__ import annotations

import importlib.util
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def package_data_stamp(package: str, *parts: str) -> tuple | None:
    """Path, size and modification time of a data file inside an installed package, found
    without importing the package (an import can cost more than the cache saves); None when
    there is no such file."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(spec.submodule_search_locations[0]).joinpath(*parts)
    try:
        stat = data.stat()
    except OSError:
        return None
    return (str(data), stat.st_size, stat.st_mtime_ns)


def _key(path: Path, stat: os.stat_result) -> tuple:
    return (__version__, sys.version_info[:2], str(path), stat.st_size, stat.st_mtime_ns)


def load_toml(path: Path) -> dict[str, Any]:
    """The file's parsed TOML (a pack or a configuration), from the cache when it is current.
    Raises what tomllib and open raise."""
    stat = path.stat()
    key = _key(path.resolve(), stat)

    def parse() -> dict[str, Any]:
        import tomllib  # only on a cache miss, like tempfile in _store: both are slow to import

        with open(path, "rb") as handle:
            return tomllib.load(handle)

    return cached(entry_name("pack", key[2]), key, parse)


def entry_name(stem: str, path: object, suffix: str = "marshal") -> str:
    """One cache entry per file the data was made from: two installs (two virtual environments)
    each keep their own entry instead of replacing each other's on every run."""
    return f"{stem}-{zlib.crc32(str(path).encode()):08x}.{suffix}"


def cached(name: str, key: tuple, build: Callable[[], T]) -> T:
    """Plain data kept in the cache folder under `name` while `key` (what it was made from) stays
    the same; `build()` makes it on a miss, and it is stored for the next run."""
    entry = cache_dir() / name
    try:
        cached_key, data = marshal.loads(entry.read_bytes())
        if cached_key == key:
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = build()
    _store(entry, key, data)
    return data


def cached_bytes(name: str, key: tuple, build: Callable[[], bytes]) -> memoryview:
    """Like `cached`, for one large block of bytes: the cache file is mapped into memory, not
    read, so that a run pays only for the pages it looks at (a table of 289,000 words, of which
    a check looks up a few).  The block starts at a multiple of 8 bytes, for casts to numbers."""
    import mmap

    entry = cache_dir() / name
    try:
        with open(entry, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        header = int.from_bytes(mapped[:8], "little")
        if marshal.loads(mapped[8:8 + header]) == key:
            return memoryview(mapped)[_aligned(8 + header):]
    except (OSError, ValueError, EOFError, TypeError, OverflowError):
        pass
    data = build()
    stamp = marshal.dumps(key)
    start = _aligned(8 + len(stamp))
    _write_atomically(entry, len(stamp).to_bytes(8, "little") + stamp + bytes(start - 8 - len(stamp)) + data)
    return memoryview(data)


def _aligned(offset: int) -> int:
    return -(-offset // 8) * 8


def _store(entry: Path, key: tuple, data: Any) -> None:
    store_entry(entry, (key, data))


def store_entry(entry: Path, value: Any) -> None:
    """Write `value` to the cache file `entry` with marshal, atomically; a problem is ignored."""
    try:
        payload = marshal.dumps(value)
    except ValueError:  # a value marshal cannot hold (a TOML date): made again each time
        return
    _write_atomically(entry, payload)


def _write_atomically(entry: Path, payload: bytes) -> None:
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=f".{entry.stem}-")
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, entry)  # atomic: a concurrent run reads the old entry or the new one
    except OSError:
        pass
