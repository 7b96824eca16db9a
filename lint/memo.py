"""Results of pure functions kept between checks, bounded, and forgotten together on request.

An editor checks an article again at every keystroke, and most of what one check works out (the
distance between two spellings, whether a word is a common one) the next check asks again with the
same arguments.  A function whose result depends on its arguments alone is wrapped with `kept`;
`forget_all` empties every such cache (for a test that compares a warm check with a fresh one).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

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
