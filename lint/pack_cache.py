"""Parsed rule packs kept between runs, so that a cold start does not parse the same TOML again.

Parsing the built-in packs with tomllib is a noticeable share of `newslint check`'s start-up.
An entry is keyed by the pack's path, size and modification time and by newslint's and
Python's versions, stored with marshal (plain data, nothing executed on load) under
NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint.  Any problem
reading or writing the cache falls back to parsing: the cache can only save time.
"""
from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from . import __version__


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def _key(path: Path, stat: os.stat_result) -> tuple:
    return (__version__, sys.version_info[:2], str(path), stat.st_size, stat.st_mtime_ns)


def load_toml(path: Path) -> dict[str, Any]:
    """The pack's parsed TOML, from the cache when it is current.  Raises what tomllib and open raise."""
    stat = path.stat()
    key = _key(path.resolve(), stat)
    entry = cache_dir() / f"pack-{zlib.crc32(str(key[2]).encode()):08x}.marshal"
    try:
        cached_key, data = marshal.loads(entry.read_bytes())
        if cached_key == key:
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import tomllib  # only on a cache miss, like tempfile below: both are slow to import

    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    _store(entry, key, data)
    return data


def _store(entry: Path, key: tuple, data: dict[str, Any]) -> None:
    try:
        payload = marshal.dumps((key, data))
    except ValueError:  # a value marshal cannot hold (a TOML date): parse this pack each time
        return
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".pack-")
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, entry)  # atomic: a concurrent run reads the old entry or the new one
    except OSError:
        pass
