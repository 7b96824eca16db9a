"""The summary as one self-contained HTML page: inline SVG charts and tables, no script, no
network, so it can be mailed to a desk or opened from an archive server as it is.
"""
from __future__ import annotations

from html import escape

from ..svg_chart import bar_chart as _bars

BAR_ROWS = 25  # bars in a chart; the tables list everything
VALUE_ROWS = 20

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eee;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.kpi{display:flex;gap:2rem;flex-wrap:wrap}
.kpi div{background:#f4f5f7;padding:.6rem 1rem;border-radius:6px}.kpi b{display:block;font-size:1.3rem}
code{background:#f4f5f7;padding:0 .2rem}svg text{font:12px system-ui,sans-serif}.error{color:#b3261e}.warning{color:#9a6700}.info{color:#3b6ea8}
"""
COLOURS = {"error": "#c5483c", "warning": "#d49a1e", "info": "#5b8fc7"}


def render_html(summary: dict) -> str:
    parts = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        "<title>newslint audit</title><style>", STYLE, "</style></head><body>",
        "<h1>newslint audit</h1>",
        _figures(summary),
        "<h2>Findings per 1,000 articles, by rule</h2>",
        _bars([(r["rule"], r["per_1000_articles"], COLOURS.get(r["severity"], "#888")) for r in summary["rules"][:BAR_ROWS]]),
        _rule_table(summary),
    ]
    for name, title in (("source", "source"), ("section", "section")):
        rows = summary["by"].get(name)
        if rows:
            parts.append(f"<h2>Findings per 1,000 articles, by {title}</h2>")
            parts.append(_bars([(row["value"], row["per_1000_articles"], "#5b8fc7") for row in rows[:VALUE_ROWS]]))
            parts.append(_value_table(rows[:VALUE_ROWS], title))
    months = summary["by"].get("month")
    if months:
        parts.append("<h2>Findings per 1,000 articles, by month</h2>")
        parts.append(_columns([(row["value"], row["per_1000_articles"]) for row in months]))
        parts.append(_value_table(months, "month"))
    parts.append(_top_articles(summary))
    parts.append(_examples(summary))
    parts.append(_bad_rows(summary))
    parts.append("</body></html>\n")
    return "".join(parts)


def _figures(summary: dict) -> str:
    run = summary.get("run", {})
    items = [
        ("articles", f"{summary['articles']:,}"),
        ("checked", f"{summary['checked']:,}"),
        ("findings", f"{summary['findings']:,}"),
        ("per 1,000 articles", f"{summary['per_1000_articles']:,}"),
        ("articles with findings", f"{summary['articles_with_findings']:,}"),
        ("bad rows", f"{summary['bad_rows']['count']:,}"),
    ]
    boxes = "".join(f"<div><b>{escape(value)}</b>{escape(label)}</div>" for label, value in items)
    engine = escape(str(run.get("engine", "")))
    return f"<div class=kpi>{boxes}</div><p>newslint {escape(summary['tool']['version'])}, on {engine}.</p>"


def _columns(rows: list[tuple[str, float]]) -> str:
    """Vertical columns over time (months in order)."""
    width_each, plot_height, left = 34, 180, 40
    top = max(value for _, value in rows) or 1
    width = left + width_each * len(rows) + 10
    out = [f"<svg role=img width={width} height={plot_height + 60}>",
           f"<line x1={left} y1={plot_height + 10} x2={width} y2={plot_height + 10} stroke='#999'/>",
           f"<text x={left - 4} y=16 text-anchor=end>{top:,.0f}</text>"]
    for i, (label, value) in enumerate(rows):
        height = max(1, round(plot_height * value / top))
        x = left + i * width_each + 4
        out.append(
            f"<rect x={x} y={plot_height + 10 - height} width={width_each - 8} height={height} fill='#5b8fc7'><title>{escape(label)}: {value:,}</title></rect>"
            f"<text x={x + (width_each - 8) / 2} y={plot_height + 24} text-anchor=end transform='rotate(-45 {x + (width_each - 8) / 2} {plot_height + 24})'>{escape(label)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _rule_table(summary: dict) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(r['rule'])}</code></td><td class={escape(r['severity'])}>{escape(r['severity'])}</td>"
        f"<td class=n>{r['findings']:,}</td><td class=n>{r['articles']:,}</td><td class=n>{r['per_1000_articles']:,}</td><td class=n>{r['articles_per_1000']:,}</td></tr>"
        for r in summary["rules"]
    )
    return ("<table><tr><th>rule</th><th>severity</th><th class=n>findings</th><th class=n>articles</th>"
            f"<th class=n>findings per 1,000</th><th class=n>articles per 1,000</th></tr>{rows}</table>")


def _value_table(rows: list[dict], title: str) -> str:
    body = "".join(
        f"<tr><td>{escape(row['value'])}</td><td class=n>{row['articles']:,}</td><td class=n>{row['findings']:,}</td>"
        f"<td class=n>{row['per_1000_articles']:,}</td><td>{escape(', '.join(f'{rule} {rate:,}' for rule, rate in list(row['rules'].items())[:4]))}</td></tr>"
        for row in rows
    )
    return (f"<table><tr><th>{escape(title)}</th><th class=n>articles</th><th class=n>findings</th><th class=n>per 1,000</th>"
            f"<th>most frequent rules (per 1,000 articles)</th></tr>{body}</table>")


def _top_articles(summary: dict) -> str:
    rows = "".join(
        f"<tr><td>{_link(a)}</td><td>{escape(a.get('source') or '')}</td><td>{escape(a.get('section') or '')}</td><td>{escape(a.get('date') or '')}</td>"
        f"<td class=n>{a['findings']:,}</td><td>{escape(', '.join(f'{rule} ×{n}' for rule, n in a['rules'].items()))}</td></tr>"
        for a in summary["top_articles"]
    )
    return ("<h2>Articles with most findings</h2><table><tr><th>article</th><th>source</th><th>section</th><th>date</th>"
            f"<th class=n>findings</th><th>rules</th></tr>{rows}</table>")


def _link(article: dict) -> str:
    # Only web links become links: the page must never point at anything but the archive's URLs.
    url = article.get("url") or ""
    ident = escape(article["article_id"])
    return f"<a href='{escape(url)}'>{ident}</a>" if url.startswith(("https:", "http:")) else ident


def _examples(summary: dict) -> str:
    parts = ["<h2>Examples</h2>"]
    for rule, items in summary["examples"].items():
        rows = "".join(
            f"<tr><td>{escape(e['article_id'])}:{e['line']}:{e['column']}</td><td><code>{escape(e['matched'])}</code></td><td>{escape(e['message'])}</td></tr>"
            for e in items
        )
        parts.append(f"<h3><code>{escape(rule)}</code></h3><table>{rows}</table>")
    return "".join(parts)


def _bad_rows(summary: dict) -> str:
    bad = summary["bad_rows"]
    if not bad["count"]:
        return "<h2>Rows not checked</h2><p>None.</p>"
    reasons = "".join(f"<tr><td>{escape(reason)}</td><td class=n>{count:,}</td></tr>" for reason, count in bad["by_reason"].items())
    examples = "".join(
        f"<tr><td>{escape(e['article_id'])}</td><td>{escape(e['reason'])}</td></tr>" for e in bad["examples"]
    )
    return (f"<h2>Rows not checked</h2><table><tr><th>reason</th><th class=n>rows</th></tr>{reasons}</table>"
            f"<table><tr><th>row</th><th>reason</th></tr>{examples}</table>")
