"""Reading input files: bytes -> text, with a clear one-line reason for anything unreadable."""
from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class UnreadableInput(Exception):
    """The file cannot be checked; str(exc) is the one-line reason."""


class SourceText(NamedTuple):
    path: str
    text: str
    bom: bool = False


def decode(path: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"file is {len(data) / 1048576:.1f} MiB, over the {max_bytes / 1048576:.1f} MiB limit (max-file-size)"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data.startswith(codecs.BOM_UTF32_LE):
        raise UnreadableInput("file is UTF-16/UTF-32 encoded; newslint reads UTF-8 (convert it, e.g. with iconv)")
    if b"\x00" in data[:8192]:
        raise UnreadableInput("binary file (contains NUL bytes), not an article")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnreadableInput(
            f"invalid UTF-8 at byte {exc.start} (line {line}); the file looks like another encoding"
            " (Windows-1252 or Latin-1?): convert it to UTF-8"
        ) from None
    if not text.strip():
        raise UnreadableInput("empty file: nothing to check")
    return SourceText(path, text, bom)


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read a regular file, never more than max_bytes + 1 bytes whatever its st_size says; a FIFO,
    device or socket is refused before it is opened (opening a FIFO would block)."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInput(f"{_special_kind(info.st_mode)}, not a regular file: not an article")
        if info.st_size > max_bytes:
            raise UnreadableInput(_too_large(info.st_size, max_bytes))
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as stream:
            data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise UnreadableInput(_too_large(None, max_bytes))
    except FileNotFoundError:
        raise UnreadableInput("no such file or directory (or a dangling symbolic link)") from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableInput("symbolic link loop") from None
        raise UnreadableInput(exc.strerror or str(exc)) from None
    return decode(str(path), data, max_bytes=max_bytes)


def _too_large(size: int | None, max_bytes: int) -> str:
    shown = f"{size / 1048576:.1f} MiB" if size is not None else "larger than that"
    return f"file is {shown}, over the {max_bytes / 1048576:.1f} MiB limit (max-file-size)"


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
