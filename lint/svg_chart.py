"""Horizontal bar charts as inline SVG, for the self-contained HTML pages (the audit summary,
the check report): no script, nothing fetched, readable by a screen reader (a title naming the
chart, each bar's label and value as text)."""
from __future__ import annotations

from html import escape
from typing import Sequence


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def bar_chart(rows: Sequence[tuple[str, float, str]], *, title: str = "", chart_id: str = "",
              label_width: int = 260, bar_width: int = 520) -> str:
    """One bar per row (label, value, colour), longest = `bar_width`. With `title` and `chart_id`
    (unique in the page) the chart is named, and its values described, for assistive technology."""
    if not rows:
        return "<p>No findings.</p>"
    height = 22
    top = max(value for _, value, _ in rows) or 1
    named = f" aria-labelledby='{chart_id} {chart_id}-desc'" if title and chart_id else ""
    out = [f"<svg class=chart role=img{named} width={label_width + bar_width + 90} height={height * len(rows) + 6}"
           f" viewBox='0 0 {label_width + bar_width + 90} {height * len(rows) + 6}' xmlns='http://www.w3.org/2000/svg'>"]
    if named:
        described = "; ".join(f"{label}: {value:,}" for label, value, _ in rows)
        out.append(f"<title id={chart_id}>{escape(title)}</title><desc id={chart_id}-desc>{escape(described)}</desc>")
    for i, (label, value, colour) in enumerate(rows):
        y = i * height + 3
        width = max(1, round(bar_width * value / top))
        out.append(
            f"<g><text x={label_width - 8} y={y + 15} text-anchor=end>{escape(short(label, 40))}</text>"
            f"<rect class=bar x={label_width} y={y + 3} width={width} height={height - 7} rx=2 fill='{escape(colour)}'>"
            f"<title>{escape(label)}: {value:,}</title></rect>"
            f"<text class=value x={label_width + width + 6} y={y + 15}>{value:,}</text></g>"
        )
    out.append("</svg>")
    return "".join(out)
