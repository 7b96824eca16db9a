"""`newslint check --format html`: one self-contained page for a run, read back with the standard
library's HTML parser and opened from a file:// URL in Chromium."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from io import StringIO

import pytest
from browser import browser_context, chromium, only_from, screenshot  # noqa: F401 (fixtures)
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from lint.cli import main
from lint.findings import Finding, InputError, Position, Severity
from lint.report import html as html_report
from lint.rules import load_rules
from lint.runner import FileResult

ARTICLES = FIXTURES / "ci" / "articles"
VOID = {"meta", "br", "img", "input", "link", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track"}

# Every way an article could carry script into a page, each setting its own flag if it ran.
HOSTILE_TEXT = (
    "Council approves <script>window.__xss = 1</script> library\n\n"
    "Advertisement\n\n"
    '<img src=x onerror="window.__xss = 2"> The council voted <a href="javascript:window.__xss=3">here</a> on Tuesday.\n\n'
    "Leave a Reply <script>window.__xss = 4</script>\n"
)
HOSTILE_HTML = (
    "<!DOCTYPE html>\n<html><body><article>\n"
    "<h1>Flood <script>window.__xss = 5</script> defences hold</h1>\n"
    "<p>Advertisement</p>\n"
    '<p><img src=x onerror="window.__xss = 6"> Residents <a href="javascript:window.__xss=7">returned</a> home.</p>\n'
    "</article></body></html>\n"
)
HOSTILE_NAME = "story <img src=x onerror=alert(1)>.txt"


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find_all(self, tag: str, cls: str | None = None) -> list["Node"]:
        return [n for n in self.walk() if n.tag == tag and (cls is None or cls in n.classes)]

    def by_id(self, ident: str) -> "Node":
        [node] = [n for n in self.walk() if n.attrs.get("id") == ident]
        return node


class Tree(HTMLParser):
    """A small DOM: enough to check structure, text and attributes as a browser parses them."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.root = self.current = Node("#document", {}, None)
        self.feed(page)
        self.close()

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        assert node is not self.root, f"</{tag}> closes nothing"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def report(*args: str) -> tuple[Tree, str, int]:
    result = run("--format", "html", *args)
    return Tree(result.stdout), result.stdout, result.exit_code


def json_findings(*args: str) -> list[dict]:
    return json.loads(run("--format", "json", *args).stdout)["findings"]


def articles(tmp_path, *names: str):
    for name in names:
        shutil.copy(ARTICLES / name, tmp_path / name)
    return tmp_path


def code_rows(section: Node) -> dict[int, Node]:
    """Line number -> its code cell, in one file's section."""
    rows = {}
    for row in section.find_all("tr"):
        cells = [c for c in row.children if isinstance(c, Node) and c.tag == "td"]
        if len(cells) == 2 and "code" in cells[1].classes:
            rows[int(cells[0].text())] = cells[1]
    return rows


def marked_ranges(cell: Node) -> list[tuple[int, int, set[str]]]:
    """The (start, end) columns (0-based) of each mark in a line's cell, with its classes."""
    ranges, offset = [], 0
    for child in cell.children:
        text = child if isinstance(child, str) else child.text()
        if isinstance(child, Node) and child.tag == "mark":
            ranges.append((offset, offset + len(text), child.classes))
        offset += len(text)
    return ranges


def covered(ranges) -> set[int]:
    return {column for start, end, *_ in ranges for column in range(start, end)}


def section_of(tree: Tree, path: str) -> Node:
    [section] = [s for s in tree.root.find_all("section", "file") if s.find_all("h3")[0].text() == path]
    return section


def test_the_report_is_one_page_that_needs_nothing_else(tmp_path):
    folder = articles(tmp_path, "chrome.txt", "clean.txt", "wire.html")
    tree, page, code = report(str(folder), str(FIXTURES / "example.md"))
    assert code == 1
    assert tree.doctype.lower() == "doctype html"
    elements = list(tree.root.walk())
    assert not [n for n in elements if n.tag in {"script", "link", "iframe", "object", "embed", "img", "form", "base"}]
    assert not [n for n in elements if "src" in n.attrs or any(a.startswith("on") for a in n.attrs)]
    ids = {n.attrs["id"] for n in elements if "id" in n.attrs}
    hrefs = [n.attrs["href"] for n in elements if n.tag == "a"]
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs), "every link stays in the page, at an anchor"
    # The policy forbids every script and allows only the page's own style block, by its hash.
    [policy] = [n.attrs["content"] for n in tree.root.find_all("meta") if n.attrs.get("http-equiv", "").lower() == "content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'" and directives["script-src"] == "'none'"
    [style] = tree.root.find_all("style")
    digest = base64.b64encode(hashlib.sha256(style.text().encode("utf-8")).digest()).decode()
    assert directives["style-src"] == f"'sha256-{digest}'"
    assert "style=" not in page  # attributes would need 'unsafe-inline'


def test_chart_counts_are_the_runs_findings(tmp_path):
    folder = articles(tmp_path, "chrome.txt", "wire.html")
    args = (str(folder), str(FIXTURES / "example.md"))
    findings = json_findings(*args)
    tree, _, _ = report(*args)
    expected = {
        "chart-rules": Counter(f["rule"] for f in findings),
        "chart-families": Counter(f["rule"].split("/")[0] for f in findings),
    }
    assert len(expected["chart-families"]) >= 3
    for chart_id, counts in expected.items():
        [svg] = [s for s in tree.root.find_all("svg") if s.attrs.get("aria-labelledby", "").startswith(chart_id + " ")]
        assert svg.attrs["role"] == "img"
        assert tree.root.by_id(chart_id).tag == "title"
        bars = {}
        for group in svg.find_all("g"):
            [rect] = group.find_all("rect")
            label, value = (t.text() for t in group.find_all("text"))
            assert rect.find_all("title")[0].text() == f"{label}: {value}"
            bars[label] = (int(value), int(rect.attrs["width"]))
        assert {label: n for label, (n, _) in bars.items()} == dict(counts)
        description = tree.root.by_id(f"{chart_id}-desc").text()
        assert all(f"{label}: {n}" in description for label, n in counts.items())
        # A bar's length follows its count: the most frequent is the longest, each one is seen.
        widths = sorted(bars.values())
        assert all(w > 0 for _, w in widths) and widths[-1][1] == max(w for _, w in widths)
        assert all(a[1] <= b[1] for a, b in zip(widths, widths[1:]))


def test_each_finding_is_marked_at_its_exact_span(tmp_path):
    folder = articles(tmp_path, "chrome.txt", "wire.html")
    args = (str(folder), str(FIXTURES / "example.md"))
    findings = json_findings(*args)
    tree, _, _ = report(*args)
    by_file: dict[str, list[dict]] = {}
    for f in findings:
        by_file.setdefault(f["path"], []).append(f)
    for path, found in by_file.items():
        source = open(path, encoding="utf-8").read().split("\n")
        rows = code_rows(section_of(tree, path))
        for number, cell in rows.items():
            assert cell.text().rstrip(" ") == source[number - 1].rstrip("\r"), "each line is shown as it is in the file"
        for number in {f["line"] for f in found}:
            spans = [(f["column"] - 1, f["end_column"] - 1) for f in found if f["line"] == number == f["end_line"]]
            marks = marked_ranges(rows[number])
            assert covered(marks) == covered(spans), f"{path}:{number}: the marks cover exactly the findings' spans"
            line = source[number - 1]
            for start, end in spans:
                assert "".join(line[c] for c in sorted(covered(m for m in marks if m[0] >= start and m[1] <= end))) == line[start:end]
        # The message is shown under its line, with a link to the rule's documentation.
        notes = [li for li in section_of(tree, path).find_all("li")]
        assert [li.find_all("a")[0].text() for li in notes] == [f["rule"] for f in found]
        assert all(f["message"] in li.text() and f"{f['line']}:{f['column']}" in li.text() for li, f in zip(notes, found))
        assert all(f["severity"] in li.classes for li, f in zip(notes, found))
        # Every fix carries its safety level, as in every output format.
        for li, f in zip(notes, found):
            if "fix" in f:
                assert f"Fix ({f['fix']['applicability']})" in li.text()
            else:
                assert "Fix (" not in li.text()


def test_multiple_files_a_clean_one_and_the_files_with_most_findings(tmp_path):
    folder = articles(tmp_path, "chrome.txt", "clean.txt", "wire.html")
    findings = json_findings(str(folder))
    tree, _, code = report(str(folder))
    assert code == 1
    sections = tree.root.find_all("section", "file")
    assert [s.find_all("h3")[0].text() for s in sections] == [str(folder / n) for n in ("chrome.txt", "clean.txt", "wire.html")]
    clean = section_of(tree, str(folder / "clean.txt"))
    assert "No findings." in clean.text() and not clean.find_all("table")
    [top] = [card for card in tree.root.find_all("section", "card") if card.find_all("h3")[0].text() == "Files with most findings"]
    listed = [(row.find_all("a")[0].text(), int(row.find_all("td")[1].text())) for row in top.find_all("tr")[1:]]
    counts = Counter(f["path"] for f in findings)
    assert listed == sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    assert str(folder / "clean.txt") not in dict(listed)


def test_the_docs_of_every_rule_that_fired_are_in_the_page(tmp_path):
    args = (str(articles(tmp_path, "chrome.txt")), str(FIXTURES / "example.md"))
    fired = {f["rule"] for f in json_findings(*args)}
    tree, _, _ = report(*args)
    summaries = {rule.id: rule for rule in load_rules()}
    docs = tree.root.find_all("article", "rule")
    assert {d.attrs["id"] for d in docs} == {f"rule:{rule}" for rule in fired}
    for doc in docs:
        rule = summaries[doc.attrs["id"].removeprefix("rule:")]
        assert rule.summary in doc.text() and rule.fire[0].strip() in doc.text()
    assert {a.attrs["href"] for a in tree.root.find_all("a", "rule-link")} == {f"#rule:{rule}" for rule in fired}


def test_hostile_articles_and_names_are_shown_as_text(tmp_path):
    (tmp_path / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "wire.html").write_text(HOSTILE_HTML, encoding="utf-8")
    tree, page, code = report(str(tmp_path))
    assert code == 1
    elements = list(tree.root.walk())
    assert not [n for n in elements if n.tag in {"script", "img"}]
    assert not [n for n in elements if any(a.startswith("on") for a in n.attrs)]
    assert not [n for n in elements if n.tag == "a" and not n.attrs["href"].startswith("#")]
    assert "window.__xss" not in "".join(n.attrs.get("href", "") for n in elements)
    shown = tree.root.text()
    for payload in ("<script>window.__xss = 1</script>", '<img src=x onerror="window.__xss = 2">',
                    '<a href="javascript:window.__xss=3">', "<script>window.__xss = 5</script>", HOSTILE_NAME):
        assert payload in shown
    # Messages quote the copy: escaped too, in the note and in the mark's tooltip.
    [note] = [li for li in tree.root.find_all("li") if "window.__xss = 4" in li.text()]
    assert "<script>window.__xss = 4</script>" in note.text()
    assert any("<script>window.__xss = 4</script>" in m.attrs.get("title", "") for m in tree.root.find_all("mark"))


@pytest.mark.parametrize("extra, files", [
    ((), ("chrome.txt",)),                          # findings at the fail level: 1
    ((), ("clean.txt",)),                           # none: 0
    (("--fail-on", "error"), ("wire.html",)),       # an error still fails
    (("--select", "names"), ("chrome.txt",)),       # nothing selected fires: 0
    ((), ("chrome.txt", "empty.txt")),              # a file that cannot be checked: 2
])
def test_the_format_never_changes_the_exit_code(tmp_path, extra, files):
    for name in files:
        if name == "empty.txt":
            (tmp_path / name).write_text("", encoding="utf-8")
        else:
            shutil.copy(ARTICLES / name, tmp_path / name)
    paths = [str(tmp_path / name) for name in files]
    text = run(*extra, *paths)
    html = run("--format", "html", *extra, *paths)
    assert html.exit_code == text.exit_code
    if "empty.txt" in files:
        assert html.exit_code == 2
        [card] = [c for c in Tree(html.stdout).root.find_all("section", "errors")]
        assert str(tmp_path / "empty.txt") in card.text()


def test_spans_over_lines_of_no_width_and_overlapping():
    source = "one\ntwo three\nfour five six\n" + "filler\n" * 20 + "last line here\n"
    at = lambda line, column: Position(line, column)  # noqa: E731
    findings = [
        Finding("a.txt", at(2, 5), at(3, 5), "typography/x", Severity.WARNING, "across lines"),
        Finding("a.txt", at(3, 1), at(3, 10), "chrome/y", Severity.ERROR, "overlaps"),
        Finding("a.txt", at(24, 5), at(24, 5), "typography/missing-space", Severity.INFO, "no width"),
    ]
    out = StringIO()
    html_report.write([FileResult("a.txt", findings, source=source)], out)
    rows = code_rows(section_of(Tree(out.getvalue()), "a.txt"))
    assert covered(marked_ranges(rows[2])) == set(range(4, 9))        # "three" to the line's end
    marks = marked_ranges(rows[3])
    assert covered(marks) == set(range(0, 9))                         # "four five"
    assert [(s, e, "error" in c, "overlap" in c) for s, e, c in marks] == [(0, 4, True, True), (4, 9, True, False)]
    [point] = [m for m in rows[24].children if isinstance(m, Node) and m.tag == "mark"]
    assert point.classes == {"point", "info"} and point.text() == ""
    assert rows[24].text().index("line") == 5 and rows[24].text() == "last line here"
    # Only the findings' lines and a little context: the filler between them is one gap row.
    assert sorted(rows) == [1, 2, 3, 4, 5, 22, 23, 24, 25]
    gaps = [row.text() for row in Tree(out.getvalue()).root.find_all("tr", "gap")]
    assert gaps == ["⋯ 16 lines"]


def test_a_file_with_an_error_keeps_its_findings_in_the_page():
    # A rule stopped over its time budget is an error of the file; the other rules' findings stay.
    finding = Finding("slow.txt", Position(1, 1), Position(1, 4), "chrome/advertising", Severity.ERROR, "label")
    out = StringIO()
    html_report.write([FileResult("slow.txt", [finding], error=InputError("slow.txt", "rule x over its time budget"), source="Ads here\n")], out)
    tree = Tree(out.getvalue())
    assert "rule x over its time budget" in tree.root.find_all("section", "errors")[0].text()
    assert [(s, e) for s, e, _ in marked_ranges(code_rows(section_of(tree, "slow.txt"))[1])] == [(0, 3)]
    ids = {n.attrs["id"] for n in tree.root.walk() if "id" in n.attrs}
    assert all(a.attrs["href"][1:] in ids for a in tree.root.find_all("a"))


def test_report_in_a_browser_offline(browser_context, tmp_path, monkeypatch):  # noqa: F811
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "wire.html").write_text(HOSTILE_HTML, encoding="utf-8")
    for name in ("chrome.txt", "clean.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    shutil.copy(FIXTURES / "example.md", folder / "example.md")
    monkeypatch.chdir(tmp_path)  # paths in the page as a CI job names them: articles/...
    result = run("--format", "html", "articles")
    assert result.exit_code == 1
    page_file = tmp_path / "report" / "newslint.html"
    page_file.parent.mkdir()
    page_file.write_text(result.stdout, encoding="utf-8")

    blocked = only_from(browser_context, page_file.as_uri())
    page = browser_context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")

    assert page.evaluate("window.__xss") is None, "a payload of the articles ran"
    assert dialogs == [] and blocked == []
    assert page.locator("img, script").count() == 0
    assert page.get_by_text("<script>window.__xss = 1</script>", exact=False).first.is_visible()

    # The chart is drawn: every bar has a size, the longest is the most frequent rule.
    bars = page.locator("svg[aria-labelledby^='chart-rules'] rect.bar")
    assert bars.count() >= 3
    boxes = [bars.nth(i).bounding_box() for i in range(bars.count())]
    assert all(box and box["width"] > 0 and box["height"] > 0 for box in boxes)
    values = [int(t) for t in page.locator("svg[aria-labelledby^='chart-rules'] text.value").all_text_contents()]
    assert max(range(len(values)), key=values.__getitem__) == max(range(len(boxes)), key=lambda i: boxes[i]["width"])

    # The marks are visible, in colour, over the words they name.
    mark = page.locator("section.file mark").filter(has_text="Advertisement").first
    assert mark.is_visible()
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    # A rule link scrolls to that rule's documentation, embedded in the page.
    page.evaluate("window.scrollTo(0, 0)")
    link = page.locator("li a.rule-link", has_text="chrome/advertising").first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_function("location.hash === '#rule:chrome/advertising'")
    doc = page.locator("[id='rule:chrome/advertising']")
    box = doc.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"] / 2, "the rule's documentation is at the top of the window"
    assert "Advertising label" in doc.inner_text()

    assert page.evaluate("window.__xss") is None and dialogs == [] and errors == []
    page.evaluate("window.scrollTo(0, 0)")
    shot = screenshot(page, "report")
    assert shot.stat().st_size > 10_000
    # The summary and the first files, as the README shows them.
    page.screenshot(path=str(shot.with_name("report-top.png")), clip={"x": 0, "y": 0, "width": 1280, "height": 1500}, full_page=True)


def test_readme_shows_the_reports_screenshot():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/screenshots/report.png" in readme and (ROOT / "docs" / "screenshots" / "report.png").is_file()
    assert "--format html" in re.sub(r"\s+", " ", readme)
