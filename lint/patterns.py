"""Regular expressions compiled on first use, their compiled programs kept between runs.

Compiling every rule's patterns up front is most of a cold start, yet most patterns are needed
only by some documents (a line that looks like a credit, text in another script).  A
LazyPattern stands in for a compiled pattern and compiles itself the first time it is used.

Even compiled lazily, a plain check compiles a hundred patterns, a third of its start (the
figures pattern alone takes 12 ms): `re` parses and assembles every one in Python.  The
assembled program of each pattern is plain data (numbers, names), so it is kept in the cache
folder (lint.pack_cache) with marshal, keyed by the exact Python build, and the next run hands
it straight to the regular-expression engine.  The pattern made so is the one `re.compile`
makes (equal code); any problem falls back to `re.compile`.
"""
from __future__ import annotations

import atexit
import marshal
import re
import sys
from array import array
from typing import Any

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation of Python: compile as usual
    _sre = None

# What a program is valid for: the engine's opcodes change between Python builds.
_ENGINE = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
# The array type holding one code word of the engine (CODESIZE bytes).
_CODE_TYPE = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 4)), "I")


class _Programs:
    """Assembled programs by (pattern, flags), read from the cache on first use and written
    back once, at exit, if this run assembled new ones: then the cache keeps the programs this
    run used or could have used (its lazy patterns, compiled or not), so that patterns no run
    makes any more (a pack edited) do not pile up in it, and two documents that need different
    patterns do not each drop the other's from it."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, int], tuple] | None = None
        self.used: dict[tuple[str, int], tuple] = {}
        self.declared: set[tuple[str, int]] = set()  # the lazy patterns made in this run
        self.added = False

    def load(self) -> dict[tuple[str, int], tuple]:
        if self.known is None:
            self.known = {}
            try:
                engine, known = marshal.loads(self.path().read_bytes())
                if engine == _ENGINE and isinstance(known, dict):
                    self.known = known
            except (OSError, ValueError, EOFError, TypeError):
                pass
        return self.known

    @staticmethod
    def path():
        from .pack_cache import cache_dir, entry_name

        return cache_dir() / entry_name("patterns", __file__)

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        key = (pattern, flags)
        program = self.load().get(key)
        if program is not None:
            try:
                compiled = _build(pattern, program)
                self.used[key] = program
                return compiled
            except Exception:  # a damaged entry: assemble it afresh
                pass
        program = self.used[key] = _assemble(pattern, flags)
        if not self.added:
            self.added = True
            atexit.register(self.store)
        return _build(pattern, program)

    def store(self) -> None:
        from .pack_cache import store_entry

        known = self.load()
        kept = {key: program for key, program in known.items() if key in self.declared}
        store_entry(self.path(), (_ENGINE, kept | self.used))


def _assemble(pattern: str, flags: int) -> tuple:
    """What re.compile hands the engine for `pattern` (re._compiler.compile, step by step)."""
    parsed = _parser.parse(pattern, flags)
    # Kept as bytes: a list of ints is five times the size in marshal, and slower to read.
    code = array(_CODE_TYPE, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _build(pattern: str, program: tuple) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


_PROGRAMS = _Programs()


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), with the compiled program kept between runs."""
    if _sre is None or flags & re.DEBUG or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    try:
        return _PROGRAMS.compile(pattern, int(flags))  # re.VERBOSE is an enum marshal refuses
    except re.error:
        raise
    except Exception:  # the engine's internals moved: the public way still works
        return re.compile(pattern, flags)


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        if isinstance(pattern, str):
            _PROGRAMS.declared.add((pattern, int(flags)))

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet (search, match, finditer, ...):
        # kept on the instance, later uses cost what they cost on a compiled pattern.
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """The characters every match of `pattern` starts with, when the pattern says so plainly
    (literals, classes of literals and alternatives of them, after zero-width assertions); None
    when a match may start otherwise, be empty, or fold case (a folded "k" is also the Kelvin sign).

    Put in a lookahead before a pattern that opens with a look-behind and alternatives, they let
    the engine reject most positions on one character instead of trying every alternative there."""
    if _sre is None or flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _first_of(parsed)
    return "".join(sorted(found)) if found else None


def _first_of(items) -> set[str] | None:
    constants = _parser  # the opcodes, as the parser names them
    for op, arg in items:
        if op in (constants.ASSERT, constants.ASSERT_NOT, constants.AT):
            continue  # zero width: the match starts with what follows
        if op is constants.LITERAL:
            return {chr(arg)}
        if op is constants.IN:
            if all(item_op is constants.LITERAL for item_op, _ in arg):
                return {chr(code) for _, code in arg}
            return None
        if op is constants.BRANCH:
            found: set[str] = set()
            for branch in arg[1]:
                first = _first_of(branch)
                if first is None:
                    return None
                found |= first
            return found
        if op is constants.SUBPATTERN:
            group, add_flags, del_flags, items_inside = arg
            return None if add_flags or del_flags else _first_of(items_inside)
        if op is constants.ATOMIC_GROUP:
            return _first_of(arg)
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
            low, _, items_inside = arg
            return _first_of(items_inside) if low > 0 else None
        return None
    return None  # the pattern may match the empty string
