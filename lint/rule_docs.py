"""Rule documentation generated from the rules themselves: the listing, one rule's page, the README table."""
from __future__ import annotations

import json
import textwrap
from typing import Sequence

from .rules import Rule


def render_rule(rule: Rule) -> str:
    lines = [f"{rule.id}  ({rule.severity}{', fixable' if rule.fixable else ''}{'' if rule.enabled else ', off by default'})", "", rule.summary]
    if rule.description:
        lines += ["", textwrap.fill(rule.description, 88) if "\n" not in rule.description else rule.description]
    lines += ["", f"kind: {rule.kind}   pack: {rule.pack}"]
    if rule.fire:
        lines += ["", "Fires on:"] + [textwrap.indent(example.strip(), "    ") for example in rule.fire]
    if rule.quiet:
        lines += ["", "Stays quiet on:"] + [textwrap.indent(example.strip(), "    ") for example in rule.quiet]
    return "\n".join(lines)


def render_table(rules: Sequence[Rule], output_format: str = "text") -> str:
    ordered = sorted(rules, key=lambda r: r.id)
    if output_format == "json":
        items = [
            {"id": r.id, "severity": str(r.severity), "summary": r.summary, "fixable": r.fixable, "enabled": r.enabled, "kind": r.kind}
            for r in ordered
        ]
        return json.dumps(items, indent=2) + "\n"
    if output_format == "markdown":
        rows = ["| rule | severity | fix | what it finds |", "|---|---|---|---|"]
        rows += [f"| `{r.id}` | {r.severity}{'' if r.enabled else ' (off)'} | {'yes' if r.fixable else ''} | {r.summary} |" for r in ordered]
        return "\n".join(rows) + "\n"
    width = max((len(r.id) for r in ordered), default=10)
    return "".join(f"{r.id:<{width}}  {str(r.severity):<7}  {r.summary}{'' if r.enabled else '  (off by default)'}\n" for r in ordered)
