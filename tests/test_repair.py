"""Scraped damage: sentences glued where a space was lost, and hard-wrapped plain text."""
from __future__ import annotations

import textwrap

from lint.analysis import Analysis
from lint.formats import read_document
from lint.stats import article_stats

from conftest import lint_string

GLUED = (
    "Army scheme row\n\n"
    "The recruits complained after the controversy.Until now, new recruits served four years.\n\n"
    "He said he would stay.?It was the first time he had said so.\n"
)
LOOK_ALIKES = (
    "Talks in the U.S. capital\n\n"
    "The U.S. and the U.K. met at 3.30 p.m. with J.K.Rowling and George W.Bush present.\n\n"
    "Mr.Smith wrote on bbc.co.uk/News.Today and on @PTI_News.Live, said Example.Com.Au.\n\n"
    "Senator Shelley Moore Capito, R-W.Va., read it on PanARMENIAN.Net and Mixi.Media first.\n\n"
    "LinkedIn The company said on Monday that it would cut jobs across the region.\n"
)


def _sentences(text: str, path: str = "a.txt") -> list[str]:
    analysis = Analysis(read_document(path, text))
    return [analysis.text[s.start:s.end] for s in analysis.sentences]


def test_glued_sentences_are_split_and_reported_with_a_safe_space():
    assert "Until now, new recruits served four years." in _sentences(GLUED)
    assert "It was the first time he had said so." in _sentences(GLUED)
    found = [f for f in lint_string(GLUED) if f.rule == "typography/glued-sentence"]
    assert [(f.start.line, f.start.column) for f in found] == [(3, 35), (5, 18)]
    assert all(f.fix.replacement == " " and f.fix.safe for f in found)
    assert "lost quotation mark" in found[1].message


def test_abbreviations_initials_decimals_addresses_and_handles_are_not_joins():
    assert not [f for f in lint_string(LOOK_ALIKES) if f.rule.startswith("typography/") and "glued" in f.rule]
    assert "The U.S. and the U.K. met at 3.30 p.m. with J.K.Rowling and George W.Bush present." in _sentences(LOOK_ALIKES)


def test_a_heading_glued_onto_its_paragraph_is_a_lost_paragraph_break():
    text = "Budget\n\nKey takeawaysThe government said it would act on the report before the end of the year.\n"
    found = [f for f in lint_string(text) if f.rule == "typography/lost-paragraph-break"]
    assert [(f.start.line, f.fix.replacement, f.fix.safe) for f in found] == [(3, "\n\n", False)]
    quiet = "Budget\n\nBudget airline easyJet said on Monday that it would add flights to Spain.\n"
    assert not [f for f in lint_string(quiet) if f.rule == "typography/lost-paragraph-break"]


PARAGRAPHS = [
    "Police arrest protesters after clashes in the capital",
    "Officers moved in on Saturday evening after a day of marches through the centre of the city, "
    "and by midnight more than 200 protesters had been arrested, police said. Dozens more were "
    "treated for minor injuries at the scene.",
    "The interior ministry said the marches had not been authorised. Organisers said they would "
    "appeal against the ban, and that they expected more than 5,000 people to join them next week.",
]


def _forms() -> dict[str, str]:
    wrapped = ["\n".join(textwrap.wrap(p, 72)) for p in PARAGRAPHS]
    return {
        "a.txt": "\n\n".join(wrapped) + "\n",
        "a.md": "# " + wrapped[0] + "\n\n" + "\n\n".join(wrapped[1:]) + "\n",
        "a.html": "<h1>" + wrapped[0] + "</h1>\n" + "".join(f"<p>{w}</p>\n" for w in wrapped[1:]),
    }


def test_hard_wrapped_text_reads_as_its_paragraphs_in_every_format():
    forms = _forms()
    sentences = {path: _sentences(text, path) for path, text in forms.items()}
    assert sentences["a.txt"] == sentences["a.md"] == sentences["a.html"]
    assert len(sentences["a.txt"]) == 5
    stats = {path: article_stats(Analysis(read_document(path, text))) for path, text in forms.items()}
    assert stats["a.txt"].sentences == stats["a.md"].sentences == stats["a.html"].sentences
    assert stats["a.txt"].words == stats["a.md"].words == stats["a.html"].words
    findings = {
        path: sorted((f.rule, f.message) for f in lint_string(text, path) if not f.rule.startswith("chrome/"))
        for path, text in forms.items()
    }
    assert findings["a.txt"] == findings["a.md"] == findings["a.html"]
    assert not [rule for rule, _ in findings["a.txt"] if rule.startswith("attribution/")]


def test_a_wrap_keeps_positions_exact():
    text = _forms()["a.txt"]
    doc = read_document("a.txt", text)
    offset = doc.text.index("more than 200")
    position = doc.position(offset + len("more than "))
    assert text.splitlines()[position.line - 1][position.column - 1:].startswith("200")


def test_one_paragraph_per_line_is_not_taken_for_wrapping():
    text = "Headline of the story\n\nShort question?\nThe answer runs on for a while, as answers do, and stops.\n"
    assert _sentences(text) == ["Headline of the story", "Short question?", "The answer runs on for a while, as answers do, and stops."]
