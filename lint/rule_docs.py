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


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}}
pre{{background:#f4f4f4;padding:.5em;white-space:pre-wrap}}code{{font-size:95%}}td{{padding:.1em .6em .1em 0;vertical-align:top}}</style>
</head><body>
{body}
</body></html>
"""


def _page(title: str, body: str) -> str:
    from html import escape

    return _PAGE.format(title=escape(title), body=body)


def rule_doc_html(rule: Rule, *, level: int = 1) -> str:
    """One rule's documentation as an HTML fragment, every value escaped (the same facts as
    render_rule); headings start at `level`, so a page that embeds several rules can nest them."""
    from html import escape
    from pathlib import PurePath

    facts = [str(rule.severity), *(["fixable"] if rule.fixable else []), *([] if rule.enabled else ["off by default"])]
    parts = [f"<h{level}><code>{escape(rule.id)}</code></h{level}>", f"<p><em>{escape(', '.join(facts))}</em></p>",
             f"<p>{escape(rule.summary)}</p>"]
    if rule.description:
        parts += [f"<p>{escape(paragraph)}</p>" for paragraph in rule.description.split("\n\n") if paragraph.strip()]
    parts.append(f"<p>kind: <code>{escape(rule.kind)}</code>, pack: <code>{escape(PurePath(rule.pack).name)}</code></p>")
    for heading, examples in (("Fires on", rule.fire), ("Stays quiet on", rule.quiet)):
        if examples:
            parts.append(f"<h{level + 1}>{heading}</h{level + 1}>")
            parts += [f"<pre>{escape(str(example).strip())}</pre>" for example in examples]
    return "\n".join(parts)


def render_rule_html(rule: Rule, *, index_url: str = "") -> str:
    """One rule's page as HTML."""
    from html import escape

    body = rule_doc_html(rule)
    if index_url:
        body += f'\n<p><a href="{escape(index_url)}">All rules</a></p>'
    return _page(f"{rule.id} (newslint)", body)


def render_index_html(rules: Sequence[Rule], *, rule_url: str) -> str:
    """Every rule as a table of links; `rule_url` has {rule} for the rule id."""
    from html import escape
    from urllib.parse import quote

    rows = [
        f'<tr><td><a href="{escape(rule_url.format(rule=quote(r.id)))}"><code>{escape(r.id)}</code></a></td>'
        f"<td>{escape(str(r.severity))}{'' if r.enabled else ' (off)'}</td><td>{escape(r.summary)}</td></tr>"
        for r in sorted(rules, key=lambda r: r.id)
    ]
    return _page("newslint rules", "<h1>newslint rules</h1>\n<table>\n" + "\n".join(rows) + "\n</table>")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--update-readme"]:
        from pathlib import Path

        changed = update_readme(Path(__file__).resolve().parent.parent / "README.md")
        print("README.md rule table updated" if changed else "README.md rule table is current")
    else:
        sys.exit("usage: python -m lint.rule_docs --update-readme")
