"""The copy desk's page in a real browser (Debian's Chromium through Playwright, tests/browser.py).

Every test runs the page with the network blocked except to the server itself (only_from) and
fails if the page tried to reach anything else.  The articles are in fixtures/page/.
"""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from browser import browser_context, chromium, only_from, screenshot  # noqa: F401  (fixtures)
from conftest import FIXTURES
from test_serve_page import cli_fix, cli_fixed_bytes, desk_server


PAGE = FIXTURES / "page"
STORY = (PAGE / "desk-story.txt").read_text(encoding="utf-8")
TOKEN = "desk-test-token-1234"


@pytest.fixture(scope="module")
def server():
    with desk_server() as running:
        yield running


@pytest.fixture()
def desk(browser_context, server):
    """The page, opened fresh (empty storage) with every request elsewhere blocked."""
    blocked = only_from(browser_context, server.url)
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "/")
    page.wait_for_selector("#families input", state="attached")
    yield page
    assert blocked == [], f"the page tried to reach {blocked}"
    assert errors == [], f"the page's script failed: {errors}"


def checks(page) -> int:
    return int(page.get_attribute("body", "data-checks"))


def check(page, text: str | None = None) -> None:
    """Paste `text` (if given), press Check and wait for its answer to be shown."""
    before = checks(page)
    if text is not None:
        page.fill("#article", text)
    page.click("#check")
    wait_for_check(page, before)


def wait_for_check(page, before: int) -> None:
    # A selector, not a script: the page's policy forbids evaluating strings, Playwright's too.
    page.wait_for_selector(f'body[data-state="ready"]:not([data-checks="{before}"])', state="attached")


def marks(page, rule: str) -> list[str]:
    return page.eval_on_selector_all(f'#view mark[data-rule="{rule}"]', "nodes => nodes.map(n => n.textContent)")


def listed_rules(page) -> list[str]:
    return page.eval_on_selector_all("#list button[data-rule]", "nodes => nodes.map(n => n.dataset.rule)")


def downloaded(page, button: str = "#download") -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(button)
    download = info.value
    return download.suggested_filename, open(download.path(), encoding="utf-8", newline="").read()


# --- the article, its highlights and the side list ------------------------------------------

def test_highlights_sit_on_the_words_they_name(desk):
    check(desk, STORY)
    assert marks(desk, "numbers/indian-units") == ["1 lakh", "1 lakh"]
    assert marks(desk, "names/variant") == ["Sethy"]
    assert marks(desk, "typography/doubled-word") == ["the the"]
    assert marks(desk, "chrome/comment-form") == ["Please enter your comment", "Please enter your name here"]
    # The view holds the whole text, unchanged, around the marks.
    assert desk.text_content("#view") == STORY
    # Severity and family are both shown: colour class per family, underline per severity.
    classes = desk.get_attribute('#view mark[data-rule="chrome/comment-form"]', "class")
    assert "fam-chrome" in classes and "sev-error" in classes
    assert "sev-warning" in desk.get_attribute('#view mark[data-rule="names/variant"]', "class")
    # The side list: grouped by family, families in reading order, each in reading order.
    assert listed_rules(desk) == ["numbers/indian-units", "numbers/indian-units", "typography/doubled-word",
                                  "names/variant", "chrome/comment-form", "chrome/comment-form"]
    counts = desk.eval_on_selector_all("#counts li", "nodes => nodes.map(n => n.textContent.trim())")
    assert counts == ["numbers 2", "typography 1", "names 1", "chrome 2"]
    figures = desk.eval_on_selector_all("#stats dd", "nodes => Object.fromEntries(nodes.map(n => [n.dataset.figure, n.textContent]))")
    assert figures["words"] == "120" and figures["sentences"] == "9"
    screenshot(desk, "page")


def test_clicking_a_mark_or_an_item_selects_both_and_shows_the_rule(desk):
    check(desk, STORY)
    desk.click('#view mark[data-rule="names/variant"]')
    assert desk.get_attribute('#list button[data-rule="names/variant"]', "aria-current") == "true"
    assert "“Sethy” appears once" in desk.text_content("#detail-message")
    assert desk.text_content("#detail-link") == "names/variant"
    assert desk.get_attribute("#detail-link", "href") == "/rules/names/variant"
    assert desk.text_content("#fix-old") == "Sethy" and desk.text_content("#fix-new") == "Sethi"
    assert "unsafe" in desk.text_content("#fix-safety")
    desk.click("#doc summary")
    expect(desk.locator("#doc-text")).to_contain_text("Fires on")
    # And the other way round: an item of the list selects its mark.
    desk.click('#list button[data-rule="typography/doubled-word"]')
    assert "selected" in desk.get_attribute('#view mark[data-rule="typography/doubled-word"]', "class")
    assert "selected" not in desk.get_attribute('#view mark[data-rule="names/variant"]', "class")
    assert desk.text_content("#fix-safety") == "safe"
    screenshot(desk, "page-selected")


# --- fixes -----------------------------------------------------------------------------------

def test_accepting_one_fix_changes_that_span_only(desk):
    check(desk, STORY)
    desk.click('#list button[data-rule="numbers/indian-units"] >> nth=0')
    before = checks(desk)
    desk.click("#accept")
    wait_for_check(desk, before)
    name, text = downloaded(desk)
    assert name == "article.txt"
    assert text == STORY.replace("1 lakh", "100,000", 1)
    assert marks(desk, "numbers/indian-units") == ["1 lakh"]  # the other one is still to be judged
    assert desk.input_value("#article") == text


def test_accept_all_safe_fixes_is_the_command_lines_fix(desk):
    check(desk, STORY)
    before = checks(desk)
    desk.click("#accept-safe")
    wait_for_check(desk, before)
    _, text = downloaded(desk)
    assert text == cli_fix(STORY)
    assert "Please enter your comment" not in text and "the the" not in text
    assert "1 lakh" in text  # unsafe fixes are the editor's to accept one by one
    assert "fixed 3 problems" in desk.text_content("#status")


def test_copy_puts_the_corrected_text_on_the_clipboard(browser_context, desk):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"])
    check(desk, STORY)
    before = checks(desk)
    desk.click("#accept-safe")
    wait_for_check(desk, before)
    desk.click("#copy")
    assert desk.evaluate("navigator.clipboard.readText()") == cli_fix(STORY)


def test_an_opened_file_keeps_its_format_and_name(desk):
    desk.set_input_files("#file", str(PAGE / "story.md"))
    wait_for_check(desk, 0)
    assert "Read as Markdown" in desk.text_content("#status")
    before = checks(desk)
    desk.click("#accept-safe")
    wait_for_check(desk, before)
    name, text = downloaded(desk)
    assert name == "story.md"
    assert text == cli_fix((PAGE / "story.md").read_text(encoding="utf-8"), "--stdin-filename", "story.md")


def test_a_file_with_a_bom_and_crlf_line_ends_downloads_as_the_command_line_fixes_it(desk, tmp_path):
    source = "\ufeff" + STORY.replace("\n", "\r\n")
    story = tmp_path / "wire.txt"
    story.write_bytes(source.encode("utf-8"))
    desk.set_input_files("#file", str(story))
    wait_for_check(desk, 0)
    assert marks(desk, "names/variant") == ["Sethy"]
    before = checks(desk)
    desk.click("#accept-safe")
    wait_for_check(desk, before)
    with desk.expect_download() as info:
        desk.click("#download")
    assert info.value.suggested_filename == "wire.txt"
    fixed = cli_fixed_bytes(story.read_bytes())
    assert open(info.value.path(), "rb").read() == fixed
    assert fixed.startswith(b"\xef\xbb\xbf") and b"\r\n" in fixed and b"Please enter" not in fixed


DROP = """([name, text]) => {
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: "text/plain" }));
  const target = document.getElementById("article");
  for (const type of ["dragover", "drop"]) target.dispatchEvent(new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }));
}"""


def test_a_file_dropped_on_the_text_box_is_checked_in_its_format(desk):
    source = (PAGE / "story.md").read_text(encoding="utf-8")
    desk.evaluate(DROP, ["dropped.md", source])
    wait_for_check(desk, 0)
    assert desk.input_value("#article") == source
    assert "Read as Markdown" in desk.text_content("#status")
    assert marks(desk, "typography/doubled-word") == ["the the"]
    assert downloaded(desk)[0] == "dropped.md"
    desk.evaluate(DROP, ["photo.png", "not text"])
    expect(desk.locator("#status")).to_have_text("photo.png: not a .txt, .md or .html file")
    assert desk.input_value("#article") == source


def test_typing_rechecks_shortly_after_it_stops(desk):
    check(desk, STORY)
    before = checks(desk)
    desk.click("#article")
    desk.keyboard.press("End")
    desk.keyboard.type("\nThe the end.")
    wait_for_check(desk, before)
    assert len(marks(desk, "typography/doubled-word")) == 2


# --- rejecting -------------------------------------------------------------------------------

def test_a_rejected_finding_stays_dismissed_for_that_text(desk):
    check(desk, STORY)
    desk.click('#list button[data-rule="names/variant"]')
    desk.keyboard.press("r")
    assert "names/variant" not in listed_rules(desk) and marks(desk, "names/variant") == []
    assert desk.text_content("#dismissed") == "(1 rejected)"
    check(desk)
    assert "names/variant" not in listed_rules(desk)
    # A new visit with the same text: still dismissed (kept by the fingerprint, as in baselines).
    desk.reload()
    desk.wait_for_selector("#families input", state="attached")
    check(desk, STORY)
    assert "names/variant" not in listed_rules(desk)
    # The dismissal is of that finding in those words: the name spelt another way is reported again.
    check(desk, STORY.replace("Sethy's", "Sethie's"))
    assert "names/variant" in listed_rules(desk)


# --- the keyboard ----------------------------------------------------------------------------

def test_keyboard_moves_accepts_and_rejects_without_the_mouse(desk):
    check(desk, STORY)
    desk.focus("#check")
    desk.keyboard.press("j")
    assert desk.get_attribute("#list button[data-index='0']", "aria-current") == "true"
    desk.keyboard.press("j")
    desk.keyboard.press("j")
    assert desk.get_attribute("#list button[data-index='2']", "aria-current") == "true"
    assert desk.get_attribute("#view mark.selected", "data-rule") == "typography/doubled-word"
    desk.keyboard.press("k")
    assert desk.get_attribute("#list button[data-index='1']", "aria-current") == "true"
    before = checks(desk)
    desk.keyboard.press("a")  # accept the second "1 lakh" fix
    wait_for_check(desk, before)
    assert desk.input_value("#article").count("100,000") == 1
    # The selection stays at that place in the list: now the doubled word.
    assert desk.get_attribute("#view mark.selected", "data-rule") == "typography/doubled-word"
    desk.keyboard.press("r")
    assert "typography/doubled-word" not in listed_rules(desk)
    # Typing in the text box types; it does not move.
    desk.focus("#article")
    desk.keyboard.press("j")
    assert desk.input_value("#article").endswith("j")
    for key in ("j", "k", "a", "r"):
        assert f"<kbd>{key}</kbd>" in desk.inner_html(".keys")


# --- hostile articles ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["hostile.html", "hostile.txt"])
def test_markup_in_an_article_is_shown_as_text_and_never_runs(desk, name):
    dialogs: list[str] = []
    desk.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    source = (PAGE / name).read_text(encoding="utf-8")
    desk.set_input_files("#file", str(PAGE / name))
    wait_for_check(desk, 0)
    assert desk.text_content("#view") == source
    assert desk.eval_on_selector_all("#view *", "nodes => nodes.map(n => n.tagName)") == ["MARK"] * desk.locator("#view mark").count()
    assert desk.locator("#view mark").count() >= 2
    for _ in range(desk.locator("#list button").count()):
        desk.keyboard.press("j")  # every finding selected in turn: its message and fix shown
    desk.click("#view mark >> nth=0")
    assert desk.evaluate("window.pwned") is None
    assert dialogs == []
    assert desk.locator("body img, body iframe, body a[href^='javascript']").count() == 0
    assert desk.locator("script").count() == 1  # the page's own
    if name == "hostile.txt":
        assert "<script>window.pwned=2</script>" in desk.text_content("#list")
    screenshot(desk, f"page-{name.replace('.', '-')}")


POLICY_PROBES = """() => {
  const refused = [];
  document.addEventListener("securitypolicyviolation", (event) => refused.push(event.violatedDirective));
  const outcomes = {};
  try { document.getElementById("view").innerHTML = "<img src=x onerror='window.pwned=1'>"; outcomes.innerHTML = "allowed"; }
  catch (error) { outcomes.innerHTML = error.name; }
  const script = document.createElement("script");
  try { script.textContent = "window.pwned = 2"; document.body.append(script); outcomes.script = "appended"; }
  catch (error) { outcomes.script = error.name; }
  // Later, as the page's own code runs (not within the test's call, which the browser lets evaluate).
  return new Promise((resolve) => setTimeout(() => {
    try { new Function("window.pwned = 3")(); outcomes.eval = "ran"; }
    catch (error) { outcomes.eval = error.name; }
    setTimeout(() => resolve({ outcomes, refused, pwned: window.pwned === undefined ? null : window.pwned }), 200);
  }, 0));
}"""


def test_the_policy_refuses_html_from_strings_inline_script_and_eval(desk):
    """Were an escape ever missed, the browser itself would refuse to build or run what came of it."""
    check(desk, STORY)
    probed = desk.evaluate(POLICY_PROBES)
    assert probed["pwned"] is None
    assert probed["outcomes"] == {"innerHTML": "TypeError", "script": "TypeError", "eval": "EvalError"}
    assert "require-trusted-types-for" in probed["refused"]
    assert marks(desk, "names/variant") == ["Sethy"]  # the page itself is untouched


# --- settings --------------------------------------------------------------------------------

def test_locale_and_rule_selection_persist_across_a_reload(desk):
    check(desk, STORY)
    desk.click("#settings summary")
    before = checks(desk)
    desk.select_option("#locale", "en-IN")  # lakh and crore allowed
    wait_for_check(desk, before)
    assert marks(desk, "numbers/indian-units") == []
    before = checks(desk)
    desk.uncheck("#family-chrome")
    wait_for_check(desk, before)
    assert not any(rule.startswith("chrome/") for rule in listed_rules(desk))
    # One rule at a time: one that is on switched off, one that is off by default switched on.
    desk.click(".family-group.fam-typography summary")
    before = checks(desk)
    desk.uncheck("#rule-typography-doubled-word")
    wait_for_check(desk, before)
    desk.click(".family-group.fam-readability summary")
    before = checks(desk)
    desk.check("#rule-readability-scores")
    wait_for_check(desk, before)
    assert set(listed_rules(desk)) == {"names/variant", "readability/scores"}
    desk.reload()
    desk.wait_for_selector("#families input", state="attached")
    assert desk.input_value("#locale") == "en-IN"
    assert not desk.is_checked("#family-chrome") and desk.is_checked("#family-names")
    assert not desk.is_checked("#rule-typography-doubled-word") and desk.is_checked("#rule-readability-scores")
    assert desk.is_checked("#rule-typography-double-space")  # the rules nobody touched keep their default
    check(desk, STORY)
    assert set(listed_rules(desk)) == {"names/variant", "readability/scores"}
    desk.click("#settings summary")
    desk.click(".family-group.fam-typography summary")
    screenshot(desk, "page-settings")


# --- layout and accessibility ----------------------------------------------------------------

def test_a_narrow_window_stacks_the_page_without_sideways_scrolling(chromium, server):
    context = chromium.new_context(viewport={"width": 400, "height": 800})
    try:
        blocked = only_from(context, server.url)
        page = context.new_page()
        page.goto(server.url + "/")
        page.wait_for_selector("#families input", state="attached")
        check(page, STORY)
        assert page.evaluate("document.documentElement.scrollWidth") <= 400
        view, side = page.locator("#view").bounding_box(), page.locator(".side").bounding_box()
        assert side["y"] >= view["y"] + view["height"] and side["width"] > 300
        page.click('#view mark[data-rule="names/variant"]')
        assert "Sethy" in page.text_content("#detail-message")
        screenshot(page, "page-narrow")
        assert blocked == []
    finally:
        context.close()


def _axe_source() -> str:
    """axe-core as axe-playwright-python ships it (the test extra): no download."""
    from importlib.resources import files

    import axe_playwright_python

    return (files(axe_playwright_python) / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [1280, 400])
def test_axe_finds_no_accessibility_violation(chromium, server, width):
    source = _axe_source()
    # axe is injected by the test, which the page's policy would rightly refuse: bypass it here only.
    context = chromium.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    try:
        only_from(context, server.url)
        page = context.new_page()
        page.goto(server.url + "/")
        page.wait_for_selector("#families input", state="attached")
        check(page, STORY)
        page.click("#settings summary")
        page.click('#view mark[data-rule="numbers/indian-units"] >> nth=0')
        page.click("#doc summary")
        page.evaluate(source)
        result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']}})")
        found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], json.dumps(found, indent=1)  # none at all, minor ones included
        assert len(result["passes"]) > 20
    finally:
        context.close()


# --- the token -------------------------------------------------------------------------------

def test_a_server_with_a_token_refuses_the_page_without_it(chromium):
    with desk_server(token=TOKEN) as running:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        try:
            blocked = only_from(context, running.url)
            page = context.new_page()
            answer = page.goto(running.url + "/")
            assert answer.status == 401
            assert "requires a token" in page.text_content("body")
            answer = page.goto(running.url + "/?token=wrong-token-000")
            assert answer.status == 401
            # Opened from the address the server printed: the page, its assets and its API all work.
            answer = page.goto(running.page_url)
            assert answer.status == 200
            page.wait_for_selector("#families input", state="attached")
            assert "token" not in page.url  # taken out of the address bar (and kept for the tab)
            assert page.evaluate("sessionStorage.getItem('newslint.token')") == TOKEN
            check(page, STORY)
            assert marks(page, "names/variant") == ["Sethy"]
            # The API itself answers only with the token (the page sends it as a Bearer header).
            status = page.evaluate("fetch('/v1/rules', {credentials: 'omit'}).then(r => r.status)")
            assert status == 401
            assert blocked == []
        finally:
            context.close()
