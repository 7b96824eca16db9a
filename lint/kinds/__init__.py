"""Rule kinds: the code behind rules.  One module per kind, each defining one Kind subclass.

A rule pack entry names a kind; the kind validates the entry's parameters once, at load time,
and then checks documents.  Kinds are imported only when a pack uses them, so a rule that
needs a heavy library costs nothing until it is enabled.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Mapping

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..findings import Hit

# kind name -> module under lint.kinds that defines it
KIND_MODULES = {
    "phrase": "phrase",
    "pattern": "pattern",
    "house-spelling": "house_spelling",
    "name-variant": "name_variant",
    "indian-units": "figures",
    "decimal-comma": "figures",
    "magnitude": "figures",
    "attribution": "attribution",
    "chrome-structure": "chrome_structure",
    "inline-chrome": "inline_chrome",
    "readability-scores": "readability",
    "sentence-length": "readability",
    "paragraph-length": "readability",
    "languagetool": "languagetool",
    "script": "script",
    "language": "language",
    "mojibake": "mojibake",
    "source-punctuation": "source_punctuation",
    "locale-format": "locale_format",
    "mixed-quotes": "quotes",
    "unbalanced": "balance",
    "doubled-word": "doubled_word",
    "dash-style": "dash_style",
    "space-before": "spacing",
    "literal": "literal",
    "join": "joins",
    "source-figures": "source_figures",
    "source-dates": "source_dates",
    "source-counts": "source_counts",
    "source-tokens": "source_tokens",
    "untranslated-segment": "untranslated_segment",
    "paragraph-alignment": "paragraph_alignment",
}


class RuleError(ValueError):
    """A rule pack entry is malformed; the message names the problem."""


class Kind:
    """Base of all rule kinds.

    Subclasses set `name`, declare `params` (parameter name -> (type, default); a default of
    REQUIRED makes it mandatory) and implement `check`.
    """

    name: ClassVar[str] = ""
    params: ClassVar[Mapping[str, tuple[type | tuple[type, ...], Any]]] = {}
    fixable: bool = False  # set by prepare() when the parameters ask for a fix
    # A guess from a line's shape and place, which yields to a rule that recognises the text itself
    # when both report the same line.
    structural: ClassVar[bool] = False
    # The {placeholders} the kind fills in its messages; a message naming another is a pack error.
    placeholders: ClassVar[frozenset[str]] = frozenset()
    # The options (configuration keys, Analysis.options) the kind reads, with their validators
    # (lint.validators): the configuration accepts these keys because a kind declares them.
    options: ClassVar[Mapping[str, Callable[[Any], Any]]] = {}

    def __init__(self, rule_id: str, message: str, values: Mapping[str, Any], *, builtin: bool = False):
        self.rule_id = rule_id
        self.message = message
        self.builtin = builtin  # from a pack shipped with newslint (audited), not a team's own
        for key in values:
            if key not in self.params:
                known = ", ".join(sorted(self.params)) or "none"
                raise RuleError(f"unknown parameter {key!r} for kind {self.name!r} (known: {known})")
        for key, (types, default) in self.params.items():
            if key in values:
                value = values[key]
                if not isinstance(value, types):
                    raise RuleError(f"parameter {key!r} must be {_type_names(types)}, not {type(value).__name__}")
            elif default is REQUIRED:
                raise RuleError(f"kind {self.name!r} needs parameter {key!r}")
            else:
                value = default
            setattr(self, key.replace("-", "_"), value)
        self.prepare()

    def prepare(self) -> None:
        """Compile what the parameters describe; raise RuleError if they make no sense."""

    def check(self, text: "Analysis") -> Iterable["Hit"]:
        raise NotImplementedError

    def format(self, **values: Any) -> str:
        """The rule's message with {placeholders} filled in."""
        try:
            return self.message.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.message


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


def _type_names(types: type | tuple[type, ...]) -> str:
    names = {str: "a string", list: "a list", int: "a number", float: "a number", bool: "true or false", dict: "a table"}
    types = types if isinstance(types, tuple) else (types,)
    return " or ".join(names.get(t, t.__name__) for t in types)


@lru_cache(maxsize=None)
def kind_class(name: str) -> type[Kind]:
    """The Kind subclass a pack entry names (found once per name: a pack names a few kinds many times)."""
    module = KIND_MODULES.get(name)
    if module is None:
        raise RuleError(f"unknown kind {name!r} (known: {', '.join(sorted(KIND_MODULES))})")
    mod = importlib.import_module(f"{__name__}.{module}")
    for value in vars(mod).values():
        if isinstance(value, type) and issubclass(value, Kind) and value.name == name:
            return value
    raise RuleError(f"kind {name!r} is not defined in lint.kinds.{module}")


@lru_cache(maxsize=1)
def declared_options() -> dict[str, Callable[[Any], Any]]:
    """Every option some kind declares, with its validator (imports every kind module: asked only
    when a configuration names a key that is not one of its own)."""
    found: dict[str, Callable[[Any], Any]] = {}
    for module in sorted(set(KIND_MODULES.values())):
        for value in vars(importlib.import_module(f"{__name__}.{module}")).values():
            if isinstance(value, type) and issubclass(value, Kind):
                found.update(value.options)
    return found


def string_list(values: Iterable[Any], what: str) -> list[str]:
    items = list(values)
    if not all(isinstance(v, str) for v in items):
        raise RuleError(f"{what} must be a list of strings")
    return items
