"""The Markdown and HTML readers: the checked text, its blocks, and exact positions in the source."""
from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest

from lint.document import CAPTION, HEADING, HEADLINE, LIST_ITEM, PARAGRAPH, QUOTE, Document
from lint.findings import Position
from lint.formats import read_document
from lint.formats.html import read_html
from lint.formats.markdown import read_markdown
from lint.sources import decode

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


# -- helpers ------------------------------------------------------------------------------------


def source_position(source: str, offset: int) -> Position:
    """What an editor shows for a source offset: 1-based line, column in code points."""
    line_start = source.rfind("\n", 0, offset) + 1
    return Position(source.count("\n", 0, offset) + 1, offset - line_start + 1)


def nth_index(haystack: str, needle: str, nth: int = 0) -> int:
    index = -1
    for _ in range(nth + 1):
        index = haystack.index(needle, index + 1)
    return index


def span_of(doc: Document, needle: str, nth: int = 0) -> tuple[Position, Position]:
    """Source positions of the start and end of `needle` found in the document text."""
    start = nth_index(doc.text, needle, nth)
    return doc.position(start), doc.position(start + len(needle), end=True)


def assert_maps(doc: Document, needle: str, in_source: str | None = None, nth: int = 0, source_nth: int = 0) -> None:
    """`needle` in the text points at `in_source` (default: the same string) in the source."""
    in_source = needle if in_source is None else in_source
    start = nth_index(doc.source, in_source, source_nth)
    expected = (source_position(doc.source, start), source_position(doc.source, start + len(in_source)))
    assert span_of(doc, needle, nth) == expected, f"{needle!r} in {doc.text!r}"


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def assert_sound(doc: Document) -> None:
    """What every rule relies on, whatever the input."""
    # Blocks are one line each, separated by a blank line, and nothing else is in the text.
    assert doc.text == "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks)
    for block in doc.blocks:
        assert "\n" not in doc.text[block.start : block.end]
    # Every word maps back onto the same word in the source (or the references spelling it).
    for m in re.finditer(r"\w+", doc.text):
        start = doc.source_offset(m.start())
        end = doc.source_offset(m.end(), end=True)
        assert html.unescape(doc.source[start:end]) == m.group(), (m.group(), doc.source[start:end])
    for start, end, body in doc.comments:
        assert doc.source.startswith("<!--", start)
        assert body in doc.source[start:end]


# -- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
title: "Front matter title"
slug: front-matter-slug
---
# Zelenskyy’s café — 10 km

The minister said the road would reopen
on Friday, officials confirmed.

- First item
- Second\titem with a tab

> A quoted line
> that goes on.
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_markdown_positions_match_the_source(newline: str) -> None:
    source = MARKDOWN.replace("\n", newline)
    doc = read_markdown("a.md", source)
    assert span_of(doc, "km") == (Position(5, 25), Position(5, 27))
    for word in ("Zelenskyy’s", "café", "—", "minister", "reopen", "Friday", "confirmed", "Second", "tab", "goes"):
        assert_maps(doc, word)
    assert_sound(doc)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_markdown_paragraph_is_one_line_joined_at_the_line_end(newline: str) -> None:
    source = "First line of a paragraph\nand its second line.\n".replace("\n", newline)
    doc = read_markdown("a.md", source)
    assert doc.text == "First line of a paragraph and its second line."
    space = doc.text.index(" and")
    # The joining space stands for the line end: it starts where the first line ends and
    # ends where the second begins, so a finding across it spans the two source lines.
    assert doc.position(space) == Position(1, 26)
    assert doc.position(space + 1, end=True) == Position(2, 1)
    assert doc.source_offset(space + 1, end=True) - doc.source_offset(space) == len(newline)


def test_markdown_hard_breaks_become_one_space() -> None:
    doc = read_markdown("a.md", "Two spaces  \nthen a backslash\\\nthen the end.\n")
    assert doc.text == "Two spaces then a backslash then the end."
    assert_maps(doc, "then the end.")


def test_markdown_non_ascii_and_tabs() -> None:
    source = "Intro\tparagraph: Zelenskyy’s café — 10 km.\n\n-\tTabbed item about Kyiv\n"
    doc = read_markdown("a.md", source)
    assert span_of(doc, "km") == (Position(1, 40), Position(1, 42))
    assert_maps(doc, "Tabbed item about Kyiv")
    assert blocks(doc)[1] == (LIST_ITEM, "Tabbed item about Kyiv")


def test_markdown_bom_stripped_by_the_caller() -> None:
    data = "\ufeff# Headline here\n\nBody text.\n".encode("utf-8")
    source = decode("a.md", data)
    doc = read_document("a.md", source.text, bom=source.bom)
    assert doc.bom and doc.format == "markdown"
    assert span_of(doc, "Headline") == (Position(1, 3), Position(1, 11))
    assert span_of(doc, "Body") == (Position(3, 1), Position(3, 5))


@pytest.mark.parametrize(
    "front_matter",
    ["---\ntitle: Secret\ndraft: true\n---\n", "+++\ntitle = 'Secret'\n+++\n", "---\r\ntitle: Secret\r\n...\r\n"],
)
def test_markdown_front_matter_is_not_text(front_matter: str) -> None:
    doc = read_markdown("a.md", front_matter + "Story text.\n")
    assert doc.text == "Story text."
    assert_maps(doc, "Story")


def test_markdown_code_is_not_text() -> None:
    source = (
        "Run the `grep -r secret` command first.\n\n"
        "```python\nfenced = 'secret'\n```\n\n"
        "~~~\nalso secret\n~~~\n\n"
        "    indented secret\n\n"
        "Double ``a ` tick`` span and after.\n"
    )
    doc = read_markdown("a.md", source)
    assert "secret" not in doc.text and "tick" not in doc.text
    # The dropped span leaves one space, mapped to the space before it.
    assert blocks(doc) == [(PARAGRAPH, "Run the command first."), (PARAGRAPH, "Double span and after.")]
    assert_maps(doc, "command first.")
    assert_maps(doc, "and after.")
    assert_sound(doc)


def test_markdown_unclosed_fence_hides_the_rest_like_renderers() -> None:
    doc = read_markdown("a.md", "Before.\n\n```\ncode\n\nstill code\n")
    assert doc.text == "Before."


def test_markdown_block_kinds() -> None:
    source = (
        "# The headline\n\n"
        "A paragraph.\n\n"
        "## A heading\n\n"
        "Setext heading\n--------------\n\n"
        "* star item\n+ plus item\n1. ordered item\n2) another\n- [x] done task\n\n"
        "> quoted *words*\n\n"
        "***\n\n"
        "Last paragraph.\n"
    )
    doc = read_markdown("a.md", source)
    assert blocks(doc) == [
        (HEADLINE, "The headline"),
        (PARAGRAPH, "A paragraph."),
        (HEADING, "A heading"),
        (HEADING, "Setext heading"),
        (LIST_ITEM, "star item"),
        (LIST_ITEM, "plus item"),
        (LIST_ITEM, "ordered item"),
        (LIST_ITEM, "another"),
        (LIST_ITEM, "done task"),
        (QUOTE, "quoted words"),
        (PARAGRAPH, "Last paragraph."),
    ]
    assert_sound(doc)


def test_markdown_headline_is_a_leading_heading_or_the_first_level_one() -> None:
    leading = read_markdown("a.md", "## Starts with a level two\n\nText.\n\n# Later level one\n")
    assert blocks(leading)[0] == (HEADLINE, "Starts with a level two")
    assert blocks(leading)[2] == (HEADING, "Later level one")
    later = read_markdown("a.md", "Kicker line.\n\n## Section\n\nSetext title\n===\n\n# Another one\n")
    assert [k for k, _ in blocks(later)] == [PARAGRAPH, HEADING, HEADLINE, HEADING]
    none = read_markdown("a.md", "Just text.\n\n## Section\n")
    assert [k for k, _ in blocks(none)] == [PARAGRAPH, HEADING]


def test_markdown_heading_text_has_no_markers() -> None:
    doc = read_markdown("a.md", "### Closed heading ###\n\n#hashtag is not a heading\n")
    assert blocks(doc) == [(HEADLINE, "Closed heading"), (PARAGRAPH, "#hashtag is not a heading")]
    assert_maps(doc, "Closed heading")


def test_markdown_lists_nest_and_continue() -> None:
    source = (
        "- outer item\n  wrapped line\n  - inner item\n\n  second paragraph of outer\n\n"
        "        code in a list\n\nAfter the list.\n"
    )
    doc = read_markdown("a.md", source)
    assert blocks(doc) == [
        (LIST_ITEM, "outer item wrapped line"),
        (LIST_ITEM, "inner item"),
        (LIST_ITEM, "second paragraph of outer"),
        (PARAGRAPH, "After the list."),
    ]


def test_markdown_wrapped_number_does_not_start_a_list() -> None:
    doc = read_markdown("a.md", "The flood of\n1998. It was the worst.\n")
    assert blocks(doc) == [(PARAGRAPH, "The flood of 1998. It was the worst.")]


def test_markdown_quotes_nest_and_take_lazy_lines() -> None:
    doc = read_markdown("a.md", "> first\nlazy continuation\n>\n> > nested quote\n\nPlain.\n")
    assert blocks(doc) == [(QUOTE, "first lazy continuation"), (QUOTE, "nested quote"), (PARAGRAPH, "Plain.")]
    assert_maps(doc, "nested quote")


def test_markdown_inline_markup_is_dropped() -> None:
    source = (
        "Some *em*, **strong**, ***both***, _under_, __double__ and ~~struck~~ words.\n\n"
        "A [plain link](https://example.com/a_(b) \"Title\"), a [reference][ref], a [shortcut] "
        "and <https://auto.example.com>.\n\n"
        "Raw <abbr title=\"North Atlantic\">NATO</abbr> tag, an ![inline image](x.png) and a note[^1].\n\n"
        "[ref]: https://example.com/ref\n"
        "[shortcut]: <https://example.com/s> 'Title'\n"
    )
    doc = read_markdown("a.md", source)
    assert blocks(doc) == [
        (PARAGRAPH, "Some em, strong, both, under, double and struck words."),
        (PARAGRAPH, "A plain link, a reference, a shortcut and ."),
        (PARAGRAPH, "Raw NATO tag, an and a note."),
    ]
    for word in ("em", "strong", "both", "under", "double", "struck", "plain link", "reference", "NATO"):
        assert_maps(doc, word, f"{word}")
    assert_sound(doc)


def test_markdown_literal_characters_stay() -> None:
    doc = read_markdown("a.md", "Tax rose 5 * 3 times [sic] for snake_case_names, a mark* and \\*escaped\\*.\n")
    assert doc.text == "Tax rose 5 * 3 times [sic] for snake_case_names, a mark* and *escaped*."
    assert_maps(doc, "[sic]")
    assert_maps(doc, "escaped*", "escaped\\*")


def test_markdown_entities_map_to_their_whole_span() -> None:
    doc = read_markdown("a.md", "Fish &amp; chips, the town&rsquo;s caf&eacute; &#8212; and &bogus; stays.\n")
    assert doc.text == "Fish & chips, the town’s café — and &bogus; stays."
    assert_maps(doc, "&", "&amp;")
    assert_maps(doc, "’", "&rsquo;")
    assert_maps(doc, "—", "&#8212;")
    assert_maps(doc, "café", "caf&eacute;")
    assert_sound(doc)


def test_markdown_comments_are_recorded_not_text() -> None:
    source = (
        "<!-- newslint-disable chrome/share -->\n\n"
        "Text <!-- inline note --> goes on.\n\n"
        "<!--\nmulti-line\ncomment\n-->\n\n"
        "```\n<!-- in code: not a comment -->\n```\n\n"
        "End.\n"
    )
    doc = read_markdown("a.md", source.replace("\n", "\r\n"))
    assert doc.text == "Text goes on.\n\nEnd."
    bodies = [body for _, _, body in doc.comments]
    assert bodies == ["newslint-disable chrome/share", "inline note", "multi-line\r\ncomment"]
    for start, end, body in doc.comments:
        assert doc.source[start:end].startswith("<!--") and doc.source[start:end].endswith("-->")
    first_start, first_end, _ = doc.comments[0]
    assert (first_start, first_end) == (0, len("<!-- newslint-disable chrome/share -->"))
    assert source_position(doc.source, doc.comments[1][0]) == Position(3, 6)


def test_markdown_unclosed_comment_runs_to_the_end() -> None:
    doc = read_markdown("a.md", "Shown.\n\n<!-- newslint-disable\n\nhidden\n")
    assert doc.text == "Shown."
    assert doc.comments == ((8, len(doc.source), "newslint-disable\n\nhidden"),)


def test_markdown_raw_html_blocks() -> None:
    source = (
        "<figure>\n<img src=\"a.jpg\" alt=\"\">\n<figcaption>Crowds in Kyiv. Photo: AP</figcaption>\n</figure>\n\n"
        "<script>\nvar hidden = 1;\n</script>\n\n"
        "After.\n"
    )
    doc = read_markdown("a.md", source)
    assert blocks(doc) == [(CAPTION, "Crowds in Kyiv. Photo: AP"), (PARAGRAPH, "After.")]
    assert_maps(doc, "Photo: AP")


def test_markdown_image_alt_text_is_a_caption() -> None:
    source = (
        "![Crowds gather in the square](crowd.jpg)\n*Crowds on Sunday. Photo: AP*\n\n"
        "![Map](map.png)\n\n_Map: Riverton Herald_\n\nText.\n"
    )
    doc = read_markdown("a.md", source)
    assert blocks(doc) == [
        (CAPTION, "Crowds gather in the square"),
        (CAPTION, "Crowds on Sunday. Photo: AP"),
        (CAPTION, "Map"),
        (CAPTION, "Map: Riverton Herald"),
        (PARAGRAPH, "Text."),
    ]
    assert_maps(doc, "Crowds gather in the square")


def test_markdown_table_cells_are_paragraphs() -> None:
    source = "| City | Rain |\n|:-----|-----:|\n| Kyiv | 10 mm |\n| A \\| B | `x` 4 mm |\n\nAfter.\n"
    doc = read_markdown("a.md", source)
    assert [text for _, text in blocks(doc)] == ["City", "Rain", "Kyiv", "10 mm", "A | B", "4 mm", "After."]
    assert_maps(doc, "10 mm")
    assert_sound(doc)


def test_markdown_empty_and_markup_only_documents() -> None:
    for source in ("", "\n\n", "---\ntitle: x\n---\n", "```\ncode\n```\n", "<!-- only -->\n", "***\n"):
        doc = read_markdown("a.md", source)
        assert doc.text == "" and doc.blocks == ()


# -- HTML ---------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html>
<head><title>Page title secret</title>
<style>p { color: red }</style></head>
<body>
<h1>Zelenskyy’s café — 10 km</h1>
<p>The minister said the road would
\treopen on Friday, officials confirmed.</p>
<ul><li>First item</li><li>Second item</li></ul>
</body>
</html>
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_html_positions_match_the_source(newline: str) -> None:
    source = HTML.replace("\n", newline)
    doc = read_html("a.html", source)
    assert span_of(doc, "km") == (Position(6, 27), Position(6, 29))
    for word in ("Zelenskyy’s", "café", "minister", "would", "reopen", "confirmed", "First item", "Second item"):
        assert_maps(doc, word)
    assert "secret" not in doc.text and "color" not in doc.text
    assert_sound(doc)


def test_html_white_space_runs_collapse_to_one_mapped_space() -> None:
    source = "<p>one \r\n\t  two  three</p>"
    doc = read_html("a.html", source)
    assert doc.text == "one two three"
    space = doc.text.index(" ")
    run = source.index(" \r\n")
    assert doc.source_offset(space) == run
    assert doc.source_offset(space + 1, end=True) == source.index("two")
    assert_maps(doc, "two three", "two  three")


def test_html_bom_stripped_by_the_caller() -> None:
    source = decode("a.html", "\ufeff<h1>Title</h1>\n<p>Body</p>".encode("utf-8"))
    doc = read_document("a.html", source.text, bom=source.bom)
    assert doc.format == "html" and doc.bom
    assert span_of(doc, "Title") == (Position(1, 5), Position(1, 10))
    assert span_of(doc, "Body") == (Position(2, 4), Position(2, 8))


def test_html_entities_map_to_their_whole_span() -> None:
    source = "<p>A &amp; B, town&rsquo;s, it&#8217;s, &#x2014; 10&nbsp;km, &amp without, &bogus; stays, &#10;gap</p>"
    doc = read_html("a.html", source)
    assert doc.text == "A & B, town’s, it’s, — 10\xa0km, & without, &bogus; stays, gap"
    assert_maps(doc, "&", "&amp;")
    assert_maps(doc, "’", "&rsquo;")
    assert_maps(doc, "’", "&#8217;", nth=1)
    assert_maps(doc, "—", "&#x2014;")
    assert_maps(doc, "\xa0", "&nbsp;")
    assert_maps(doc, "& without", "&amp without")
    assert_maps(doc, "&bogus;")
    assert_sound(doc)


def test_html_skipped_elements_are_not_text() -> None:
    source = (
        "<head><title>Title</title><meta charset=utf-8></head>"
        "<p>Kept one.<script>var s = '<p>script</p>';</script></p>"
        "<style>.x{content:'style'}</style><noscript>noscript</noscript>"
        "<template><p>template</p></template><svg><title>svg</title><text>svg text</text></svg>"
        "<iframe>iframe</iframe><object>object</object><p>Kept two.</p>"
    )
    doc = read_html("a.html", source)
    assert blocks(doc) == [(PARAGRAPH, "Kept one."), (PARAGRAPH, "Kept two.")]
    assert_maps(doc, "Kept two.")


def test_html_unclosed_head_ends_at_the_first_body_element() -> None:
    doc = read_html("a.html", "<html><head><title>T</title><p>Body text</p>")
    assert doc.text == "Body text"


def test_html_block_kinds() -> None:
    source = (
        "<article><h1>Main headline</h1><h2>A heading</h2><h1>Second h1</h1>"
        "<p>A paragraph</p><div>Loose div text <p>inner paragraph</p> tail</div>"
        "<ul><li>list item<li><p>item paragraph</p></ul>"
        "<blockquote><p>quoted paragraph</p>direct quote</blockquote>"
        "<figure><img src=a.jpg alt='alt text'><figcaption>A caption</figcaption></figure>"
        "<table><caption>Table caption</caption><tr><th>Head<td>Cell</table>"
        "<dl><dt>Term<dd>Definition</dl></article>"
    )
    doc = read_html("a.html", source)
    assert blocks(doc) == [
        (HEADLINE, "Main headline"),
        (HEADING, "A heading"),
        (HEADING, "Second h1"),
        (PARAGRAPH, "A paragraph"),
        (PARAGRAPH, "Loose div text"),
        (PARAGRAPH, "inner paragraph"),
        (PARAGRAPH, "tail"),
        (LIST_ITEM, "list item"),
        (LIST_ITEM, "item paragraph"),
        (QUOTE, "quoted paragraph"),
        (QUOTE, "direct quote"),
        (CAPTION, "A caption"),
        (CAPTION, "Table caption"),
        (PARAGRAPH, "Head"),
        (PARAGRAPH, "Cell"),
        (LIST_ITEM, "Term"),
        (LIST_ITEM, "Definition"),
    ]
    assert_sound(doc)


def test_html_inline_elements_do_not_split_a_paragraph() -> None:
    doc = read_html("a.html", "<p>The <a href='/x'>mayor</a> <em>said</em> <b>no</b>.</p>")
    assert doc.text == "The mayor said no."
    assert_maps(doc, "mayor")


def test_html_br_keeps_the_paragraph_on_one_line() -> None:
    source = "<p>First line<br>second line<br/>\n  third line</p>"
    doc = read_html("a.html", source)
    assert blocks(doc) == [(PARAGRAPH, "First line second line third line")]
    space = doc.text.index(" second")
    assert doc.source_offset(space) == source.index("<br>")
    assert doc.source_offset(space + 1, end=True) == source.index("second")


def test_html_comments_are_recorded_not_text() -> None:
    source = "<p>Before<!-- newslint-disable chrome/share --> after</p>\r\n<!--\r\nmulti\r\nline\r\n--><p>End</p>"
    doc = read_html("a.html", source)
    assert doc.text == "Before after\n\nEnd"
    assert doc.comments == (
        (9, 9 + len("<!-- newslint-disable chrome/share -->"), "newslint-disable chrome/share"),
        (source.index("<!--\r\n"), source.index("--><p>End") + 3, "multi\r\nline"),
    )
    assert source_position(source, doc.comments[1][0]) == Position(2, 1)


MALFORMED_HTML = [
    ("<p>unclosed <b>bold <i>italic", "unclosed bold italic"),
    ("</p></div>stray end tags</li>", "stray end tags"),
    ("<p title=\"a > b\" data-x='<p>'>attribute with angle brackets</p>", "attribute with angle brackets"),
    ("a < b and 3 <4 and <", "a < b and 3 <4 and <"),
    (
        "<p>AT&#T and &#; then</p><b>bold</b> &#z; <i>tags still work</i>",
        "AT&#T and &#; then\n\nbold &#z; tags still work",
    ),
    ("<![if !IE]>conditional<![endif]> <![ broken> text", "conditional text"),
    ("<p>text <!-- never closed <b>x</b>", "text"),
    ("<p>text</p><script>never closed", "text"),
    ("<div><p>one<p>two<li>three</div></span>", "one\n\ntwo\n\nthree"),
    ("<svg><path d='M0'/><p>breaks out of svg</p>", "breaks out of svg"),
    ("<table><tr><td>a<td>b<tr><td>c</table>", "a\n\nb\n\nc"),
    ("</br>line</br>end", "line end"),
    ("<p>a</p\n>b</p >", "a\n\nb"),
    ("<?php echo 1; ?>text<!DOCTYPE html>", "text"),
    ("", ""),
    ("&", "&"),
    ("&#", "&#"),
    ("<", "<"),
]


@pytest.mark.parametrize("source, text", MALFORMED_HTML)
def test_malformed_html_does_not_raise(source: str, text: str) -> None:
    doc = read_html("a.html", source)
    assert doc.text == text
    assert_sound(doc)


FRAGMENTS = [
    "<p>", "</p>", "<div>", "</div>", "<li>", "<ul>", "</ul>", "<h1>", "</h1>", "<br>", "<b>", "</b>",
    "text", "more words", " ", "\n", "\r\n", "\t", "&amp;", "&#8217;", "&nbsp;", "&#", "&", "<", ">",
    "<!--", "-->", "<!-- c -->", "<script>", "</script>", "<svg>", "</svg>", "<![", "]]>", "café",
    "<a href='x>y'>", "</a>", "\xa0", "\r", "<blockquote>", "<figcaption>", "\"", "'", "=", "/", "<p/>", "</",
]


def test_random_malformed_html_never_raises() -> None:
    rng = random.Random(20240314)
    for _ in range(400):
        source = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 25)))
        doc = read_html("a.html", source)
        assert doc.text == "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks)
        for block in doc.blocks:
            assert "\n" not in doc.text[block.start : block.end]
        for offset in range(len(doc.text) + 1):
            assert 0 <= doc.source_offset(offset) <= len(source)


MARKDOWN_FRAGMENTS = [
    "# ", "## ", "text", "more words", " ", "  ", "\n", "\r\n", "\n\n", "\t", "- ", "* ", "1. ", "> ",
    "```", "~~~", "    ", "`", "\r", "\xa0", "*", "**", "_", "~~", "[", "]", "(", ")", "![", "<!--", "-->", "<div>",
    "<b>", "&amp;", "&#8217;", "\\", "---", "===", "|", "[x]: http://x", "café", "<", ">", "[^1]",
]


def test_random_markdown_never_raises() -> None:
    rng = random.Random(20240314)
    for _ in range(400):
        source = "".join(rng.choice(MARKDOWN_FRAGMENTS) for _ in range(rng.randint(1, 30)))
        doc = read_markdown("a.md", source)
        assert doc.text == "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks)
        for block in doc.blocks:
            assert "\n" not in doc.text[block.start : block.end]
        for offset in range(len(doc.text) + 1):
            assert 0 <= doc.source_offset(offset) <= len(source)


# -- fixture articles ---------------------------------------------------------------------------


def read_fixture(name: str, newline: str = "\n") -> Document:
    path = FIXTURES / name
    source = path.read_text(encoding="utf-8").replace("\n", newline)
    return read_document(str(path), source)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_markdown_fixture_article(newline: str) -> None:
    doc = read_fixture("markdown/article.md", newline)
    assert doc.format == "markdown"
    kinds = blocks(doc)
    assert kinds[0] == (HEADLINE, "Flood barrier holds as the River Aln peaks in Riverton")
    assert (CAPTION, "Volunteers stack sandbags on Quay Street on Wednesday. Photo: Riverton Herald") in kinds
    assert (HEADING, "What happened") in kinds
    assert [text for kind, text in kinds if kind == LIST_ITEM][1] == (
        "The barrier, completed in 2022 at a cost of £18m, was closed at 02:00."
    )
    assert [kind for kind, _ in kinds].count(QUOTE) == 1
    # Front matter, code and link targets are not text; the entity is decoded.
    for absent in ("author", "2024-03-14", "flood-alerts", "metoffice", "`", "**", "]("):
        assert absent not in doc.text
    assert "the town’s new flood barrier" in doc.text
    assert "check the agency's feed before returning home." in doc.text
    assert span_of(doc, "town’s") == (Position(14, 21), Position(14, 33))
    assert span_of(doc, "Zoë Müller") == (Position(26, 14), Position(26, 24))
    assert span_of(doc, "councillor Amir Khan") == (Position(29, 3), Position(29, 23))
    assert span_of(doc, "Met Office") == (Position(32, 39), Position(32, 49))
    assert [(source_position(doc.source, s), body) for s, _, body in doc.comments] == [
        (Position(17, 1), "newslint-disable attribution/unsourced-figure")
    ]
    assert_sound(doc)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_html_fixture_article(newline: str) -> None:
    doc = read_fixture("html/article.html", newline)
    assert doc.format == "html"
    kinds = blocks(doc)
    assert (HEADLINE, "Flood barrier holds as the River Aln peaks in Riverton") in kinds
    assert (CAPTION, "Volunteers stack sandbags on Quay Street on Wednesday. Photo: Riverton Herald") in kinds
    assert (HEADING, "What happened") in kinds
    assert [kind for kind, _ in kinds].count(LIST_ITEM) == 3
    assert [text for kind, text in kinds if kind == QUOTE] == [
        "“We watched the water rise to within a hand’s width of the top,” said councillor Amir Khan. "
        "“It did exactly what it was built to do.”"
    ]
    for absent in ("Riverton Herald</", "dataLayer", "margin", "JavaScript", "sandbags.jpg", "<", "&"):
        assert absent not in doc.text
    assert "at 4.2\xa0metres" in doc.text and "cost of £18m" in doc.text
    assert_maps(doc, "town’s", "town&rsquo;s")
    assert_maps(doc, "agency’s", "agency&#8217;s")
    assert span_of(doc, "Zoë Müller") == (Position(29, 22), Position(29, 32))
    assert span_of(doc, "£18m") == (Position(28, 55), Position(28, 65))
    assert [(source_position(doc.source, s), body) for s, _, body in doc.comments] == [
        (Position(22, 5), "newslint-disable attribution/unsourced-figure")
    ]
    assert_sound(doc)
