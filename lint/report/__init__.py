"""One module per output format, each with `write(results, out, color)`; none knows about rules."""
from __future__ import annotations

import importlib
from typing import Callable, Sequence, TextIO

REPORTERS = {"text": "text", "json": "json_format", "concise": "concise"}


def reporter(name: str) -> Callable[[Sequence, TextIO, bool], None]:
    return importlib.import_module(f"{__name__}.{REPORTERS[name]}").write
