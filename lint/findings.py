"""The values a check produces: severities, hits, fixes and located findings."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that `>=` compares with a fail level."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


# Edits, hits and positions are tuples: every finding makes one of each, or two, and a frozen
# dataclass costs a millisecond of every start to build where a tuple type costs a fifth of that.
class Edit(NamedTuple):
    """Replace text[start:end] of the checked document text with `replacement`.

    With `whole_lines`, the edit deletes the source lines that text[start:end] stands on, markup
    included (a chrome line's list marker or tags), and is dropped if other text shares them.
    `safe`, as in ruff: the edit is certainly what the rule means and loses nothing (a doubled
    word, a missing space, a phrase-pack chrome line).  Anything that is a judgement (a name
    rewritten, a unit converted, a structural guess, prose deleted) is unsafe, the default.
    """

    start: int
    end: int
    replacement: str
    whole_lines: bool = False
    safe: bool = False


class Hit(NamedTuple):
    """What a rule reports: a span of the document text, a message and an optional edit.

    Offsets index `Document.text`; the engine maps them back to the source file.
    """

    start: int
    end: int
    message: str
    edit: Edit | None = None


class Position(NamedTuple):
    """1-based line and column (Unicode code points) in the source file."""

    line: int
    column: int


@dataclass(frozen=True)
class Fix:
    """A located replacement: source offsets for applying it, positions for showing it."""

    replacement: str
    start: Position
    end: Position
    source_start: int
    source_end: int
    safe: bool = False  # see Edit.safe


@dataclass(frozen=True)
class Finding:
    path: str
    start: Position
    end: Position
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    source_start: int = 0
    source_end: int = 0

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.start.line, self.start.column, self.rule, self.message)


@dataclass(frozen=True)
class InputError:
    """A file that could not be checked, with a one-line reason."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
