"""Reading input files: bytes -> text, with a clear one-line reason for anything unreadable."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class UnreadableInput(Exception):
    """The file cannot be checked; str(exc) is the one-line reason."""


@dataclass(frozen=True)
class SourceText:
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
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput(
                f"file is {size / 1048576:.1f} MiB, over the {max_bytes / 1048576:.1f} MiB limit (max-file-size)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("no such file or directory") from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc)) from None
    return decode(str(path), data, max_bytes=max_bytes)
