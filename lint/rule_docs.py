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


def update_readme(path) -> bool:
    """Rewrite the README's generated rule table; True when it changed."""
    import re
    from pathlib import Path

    from .rules import load_rules

    readme = Path(path)
    text = readme.read_text(encoding="utf-8")
    table = render_table(load_rules(), "markdown")
    new = re.sub(
        r"(<!-- rules-table:start -->\n).*?(<!-- rules-table:end -->)",
        lambda m: m.group(1) + table + m.group(2),
        text,
        flags=re.S,
    )
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--update-readme"]:
        from pathlib import Path

        changed = update_readme(Path(__file__).resolve().parent.parent / "README.md")
        print("README.md rule table updated" if changed else "README.md rule table is current")
    else:
        sys.exit("usage: python -m lint.rule_docs --update-readme")
