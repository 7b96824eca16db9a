"""Rule packs: TOML files of rules.  A Rule is a kind + parameters + id + severity + message + examples."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .example_entries import Example, ExampleError, parse_example
from .findings import Severity
from .kinds import Kind, RuleError, kind_class
from .pack_cache import load_toml
from .patterns import compile_pattern

FAMILIES = ("chrome", "names", "numbers", "attribution", "translation", "typography", "readability", "grammar", "spelling", "style")
# Installed wheels carry the packs inside the package; a source checkout has them at the top.
_PACKAGE_DIR = Path(__file__).resolve().parent
BUILTIN_PACKS = next(
    (p for p in (_PACKAGE_DIR / "_builtin_rules", _PACKAGE_DIR.parent / "rules") if p.is_dir()),
    _PACKAGE_DIR.parent / "rules",
)
RULE_ID = compile_pattern(r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_KEYS = {"id", "kind", "severity", "message", "summary", "description", "examples", "enabled"}


class PackError(Exception):
    """A rule pack cannot be used; str(exc) names the file and the problem."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: Severity
    message: str
    summary: str
    description: str
    fire: tuple[str, ...]  # the examples' texts, as shown in the documentation
    quiet: tuple[str, ...]
    checker: Kind = field(compare=False, repr=False)
    pack: str = ""
    enabled: bool = True
    examples: tuple[Example, ...] = ()  # with what each expects (lint.example_entries)

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def fixable(self) -> bool:
        return self.checker.fixable


def _rule_from_entry(entry: Any, pack: str, index: int, builtin: bool) -> Rule:
    where = f"rule {index + 1}"
    if not isinstance(entry, dict):
        raise PackError(f"{pack}: {where} is not a table")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise PackError(f"{pack}: {where}: 'id' must look like 'family/name', got {rule_id!r}")
    where = rule_id
    if rule_id.split("/")[0] not in FAMILIES:
        raise PackError(f"{pack}: {where}: unknown family (known: {', '.join(FAMILIES)})")
    for key in ("kind", "message", "summary"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise PackError(f"{pack}: {where}: '{key}' must be a non-empty string")
    try:
        severity = Severity.parse(str(entry.get("severity", "warning")))
    except ValueError as exc:
        raise PackError(f"{pack}: {where}: 'severity': {exc}") from None
    examples = entry.get("examples", {})
    if not isinstance(examples, dict):
        raise PackError(f"{pack}: {where}: 'examples' must be a table with 'fire' and 'quiet' lists")
    parsed: list[Example] = []
    for name in ("fire", "quiet"):
        items = examples.get(name, [])
        if not isinstance(items, list):
            raise PackError(f"{pack}: {where}: 'examples.{name}' must be a list of strings or tables")
        try:
            parsed += [parse_example(item, name == "fire") for item in items]
        except ExampleError as exc:
            raise PackError(f"{pack}: {where}: 'examples.{name}': {exc}") from None
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise PackError(f"{pack}: {where}: 'enabled' must be true or false")
    params = {k: v for k, v in entry.items() if k not in RESERVED_KEYS}
    try:
        kind = kind_class(entry["kind"])
        _check_placeholders(entry["message"], kind)
        checker = kind(rule_id, entry["message"], params, builtin=builtin)
    except RuleError as exc:
        raise PackError(f"{pack}: {where}: {exc}") from None
    return Rule(
        id=rule_id,
        kind=entry["kind"],
        severity=severity,
        message=entry["message"],
        summary=entry["summary"].strip(),
        description=str(entry.get("description", "")).strip(),
        fire=tuple(_shown(e) for e in parsed if e.fires),
        quiet=tuple(_shown(e) for e in parsed if not e.fires),
        examples=tuple(parsed),
        checker=checker,
        pack=pack,
        enabled=enabled,
    )


def _shown(example: Example) -> str:
    """An example as the documentation shows it: a bilingual rule's with the source it translates."""
    return example.text if example.source is None else f"{example.text}\n(source: {example.source})"


def _check_placeholders(message: str, kind: type[Kind]) -> None:
    """A {placeholder} the kind does not fill would print literally in every finding."""
    import string

    try:
        named = {field for _, field, _, _ in string.Formatter().parse(message) if field is not None}
    except ValueError as exc:
        raise RuleError(f"'message' is not a valid message template ({exc}); write a literal brace as {{{{ or }}}}") from None
    unknown = sorted(named - kind.placeholders)
    if unknown:
        fills = ", ".join(sorted(kind.placeholders)) or "none"
        raise RuleError(f"'message' names {{{unknown[0]}}}, which kind {kind.name!r} does not fill (it fills: {fills})")


@lru_cache(maxsize=64)
def load_pack(path: Path) -> tuple[Rule, ...]:
    shown = str(path)
    try:
        data = load_toml(path)
    except FileNotFoundError:
        raise PackError(f"{shown}: rule pack not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{shown}: cannot read rule pack: {exc}") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise PackError(f"{shown}: invalid TOML: {exc}") from None
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise PackError(f"{shown}: a rule pack needs one or more [[rules]] tables")
    builtin = Path(shown).parent == BUILTIN_PACKS
    rules = tuple(_rule_from_entry(entry, shown, i, builtin) for i, entry in enumerate(entries))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise PackError(f"{shown}: {rule.id}: defined twice")
        seen.add(rule.id)
    return rules


def builtin_pack_paths() -> list[Path]:
    return sorted(BUILTIN_PACKS.glob("*.toml"))


def load_rules(extra_packs: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    """The built-in rules plus a team's own packs; a later pack may redefine an earlier rule id."""
    by_id: dict[str, Rule] = {}
    for path in [*builtin_pack_paths(), *extra_packs]:
        for rule in load_pack(path):
            by_id[rule.id] = rule
    return tuple(by_id.values())
