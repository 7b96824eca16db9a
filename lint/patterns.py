"""Regular expressions compiled on first use.

Compiling every rule's patterns up front is most of a cold start, yet most patterns are needed
only by some documents (a line that looks like a credit, text in another script).  A
LazyPattern stands in for a compiled pattern and compiles itself the first time it is used.
"""
from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet (search, match, finditer, ...):
        # kept on the instance, later uses cost what they cost on a compiled pattern.
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
