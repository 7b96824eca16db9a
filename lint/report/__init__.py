"""One module per output format, each with `write(results, out, color)`.

No reporter knows about rules beyond what it is passed: one that documents them (SARIF, the HTML
report) takes an optional `rules` argument, the Rule objects the run used; `wants_rules` says which do.
"""
from __future__ import annotations

import importlib
import inspect
from typing import Callable, Sequence, TextIO

REPORTERS = {"text": "text", "json": "json_format", "concise": "concise", "sarif": "sarif", "github": "github", "junit": "junit", "html": "html"}


def reporter(name: str) -> Callable[[Sequence, TextIO, bool], None]:
    return importlib.import_module(f"{__name__}.{REPORTERS[name]}").write


def wants_rules(name: str) -> bool:
    return "rules" in inspect.signature(reporter(name)).parameters
