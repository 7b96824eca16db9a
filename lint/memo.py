"""Results kept between checks: an editor checks an article again at every keystroke, and most of
what one check works out, the next one asks again with the same arguments.

`kept` wraps a pure function whose arguments are small (two spellings, one word) in a bounded
cache for the whole process.  `Kept` holds the results of functions of larger arguments (a
paragraph's text): a long-lived session (the language server's) owns one, so that a batch run
keeps no copy of the text it has checked.  `forget_all` empties the process-wide caches (for a
test that compares a warm check with a fresh one).
"""
from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

_CACHES: list[Any] = []  # the caches made by `kept`, so that they can be emptied together


def kept(maxsize: int) -> Callable[[F], F]:
    """lru_cache(maxsize), registered for forget_all."""

    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def forget_all() -> None:
    for cache in _CACHES:
        cache.cache_clear()


class Kept:
    """Results of pure functions by function and arguments, the least recently used dropped first
    once they hold more than `size` results or their text arguments more than `chars` characters
    (an editor's document may be one 5 MB paragraph, and every edit makes another).  One
    checking thread uses it at a time."""

    def __init__(self, size: int = 1 << 14, chars: int = 1 << 23):
        self.size, self.chars = size, chars
        self._results: OrderedDict[tuple, tuple[Any, int]] = OrderedDict()
        self._held = 0  # characters of the text arguments held

    def __call__(self, function: Callable[..., T], *args: Any) -> T:
        key = (function, args)
        results = self._results
        if key in results:
            results.move_to_end(key)
            return results[key][0]
        value = function(*args)
        weight = sum(len(arg) for arg in args if isinstance(arg, str))
        if weight * 4 > self.chars:
            return value  # too large to be worth keeping
        results[key] = (value, weight)
        self._held += weight
        while len(results) > self.size or self._held > self.chars:
            self._held -= results.popitem(last=False)[1][1]
        return value


def computed(function: Callable[..., T], *args: Any) -> T:
    """What a check without kept results calls instead of a Kept: the function, every time."""
    return function(*args)


def in_window(keep: Kept | Callable[..., Any], function: Callable[..., T], text: str, start: int, end: int,
              reach: int, *args: Any) -> tuple[int, T]:
    """function(text, start, end, *args) for a function that reads text[start - reach:end] alone
    and answers in offsets of `text`: (what to add to those offsets, the answer).

    With a Kept, the function is given just that window (so that equal windows anywhere in any
    document share one result); otherwise the whole text, which costs no copy."""
    if keep is computed:
        return 0, function(text, start, end, *args)
    base = max(0, start - reach)
    return base, keep(function, text[base:end], start - base, end - base, *args)
