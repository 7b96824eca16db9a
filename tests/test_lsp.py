"""The language server (`newslint lsp`), driven over stdio by a real client (pytest-lsp).

Documents live under fixtures/editor/, whose newslint.toml selects only the house rules of
fixtures/editor/house.toml, so that these tests do not depend on the built-in packs.
"""
from __future__ import annotations

import asyncio
import sys
import time

import pytest
import pytest_lsp
from conftest import FIXTURES, ROOT
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from lint.fixes import plan
from lint.runner import Session

pytestmark = pytest.mark.asyncio

EDITOR = FIXTURES / "editor"
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
EMOJI_LINE = "🇺🇦 Zelenskiy’s 𝒳 plan: Zelenskiy slammed it."


class RecordingClient(LanguageClient):
    """A test client that keeps every publishDiagnostics it receives, with its version."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []


def _record(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def _make_client() -> RecordingClient:
    from pygls.protocol import default_converter

    client = RecordingClient(converter_factory=default_converter)
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, PUBLISH: _record})
    return client


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "lint.cli", "lsp"], client_factory=_make_client)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: RecordingClient):
    """A VS Code-like client (UTF-16 positions, versioned workspace edits), no settings."""
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        root_uri=ROOT.as_uri(),
    ))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def tuned_client(lsp_client: RecordingClient):
    """A client that prefers UTF-32 positions, with settings in initializationOptions."""
    capabilities = pytest_lsp.client_capabilities("neovim")
    capabilities.general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf16])
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities,
        root_uri=ROOT.as_uri(),
        initialization_options={"select": ["style/house-spelling"], "debounceMs": 0, "docsUrl": "https://example.org/rules/{rule}"},
    ))
    yield
    await lsp_client.shutdown_session()


# --- helpers ------------------------------------------------------------------------------------

async def wait_published(client: RecordingClient, uri: str, *, version: int | None = None, after: int = 0,
                         timeout: float = 10.0) -> types.PublishDiagnosticsParams:
    """The first diagnostics published for `uri` (at `version`) among those received after the first `after`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for params in client.published[after:]:
            if params.uri == uri and (version is None or params.version == version):
                return params
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} (version {version}) within {timeout} s")


def uri_of(name: str) -> str:
    return (EDITOR / name).as_uri()


def open_document(client: LanguageClient, name: str, text: str, language: str, version: int = 1) -> str:
    uri = uri_of(name)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
    ))
    return uri


def change_document(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    ))


def spans(params: types.PublishDiagnosticsParams) -> list[tuple[str, int, int, int, int]]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) for d in params.diagnostics]


def utf16_index(line: str, units: int) -> int:
    """Code-point index of a UTF-16 offset in one line (the test's own conversion)."""
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply protocol text edits (UTF-16 positions) to a text with "\\n" line ends."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[:position.line]) + utf16_index(lines[position.line], position.character)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    edit = action.edit
    if edit.document_changes:
        (change,) = edit.document_changes
        assert change.text_document.uri == uri
        return list(change.edits)
    return list(edit.changes[uri])


async def code_actions(client: LanguageClient, uri: str, line: int, character: int, only=None) -> list[types.CodeAction]:
    position = types.Position(line=line, character=character)
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=position, end=position),
        context=types.CodeActionContext(diagnostics=[], only=only),
    ))
    return list(result or [])


# --- diagnostics --------------------------------------------------------------------------------

async def test_diagnostics_on_open_carry_rule_severity_and_docs(client: RecordingClient):
    text = f"Kyiv talks\n\n{EMOJI_LINE}\n\nThey utilise the port.\n"
    uri = open_document(client, "article.md", text, "markdown")
    published = await wait_published(client, uri, version=1)
    by_code = {d.code: d for d in published.diagnostics}
    assert set(by_code) == {"style/house-spelling", "style/house-banned", "style/house-word"}
    assert all(d.source == "newslint" for d in published.diagnostics)
    assert by_code["style/house-banned"].severity == types.DiagnosticSeverity.Error
    assert by_code["style/house-spelling"].severity == types.DiagnosticSeverity.Warning
    assert by_code["style/house-word"].severity == types.DiagnosticSeverity.Information
    assert by_code["style/house-spelling"].message == "House spelling is “Zelenskyy”."
    assert by_code["style/house-spelling"].code_description.href == "newslint-rule:style/house-spelling"


async def test_ranges_count_utf16_code_units(client: RecordingClient):
    # 🇺🇦 is two regional indicators and 𝒳 one mathematical letter: each is two UTF-16 units.
    uri = open_document(client, "emoji.txt", f"Kyiv talks\n\n{EMOJI_LINE}\n", "plaintext")
    published = await wait_published(client, uri, version=1)
    assert spans(published) == [
        ("style/house-spelling", 2, 5, 2, 14),
        ("style/house-spelling", 2, 26, 2, 35),
        ("style/house-banned", 2, 36, 2, 43),
    ]


async def test_ranges_count_code_points_when_utf32_is_agreed(tuned_client: RecordingClient):
    uri = open_document(tuned_client, "emoji.txt", f"Kyiv talks\n\n{EMOJI_LINE}\n", "plaintext")
    published = await wait_published(tuned_client, uri, version=1)
    # initializationOptions select only the spelling rule and set the documentation URL.
    assert spans(published) == [("style/house-spelling", 2, 3, 2, 12), ("style/house-spelling", 2, 23, 2, 32)]
    assert published.diagnostics[0].code_description.href == "https://example.org/rules/style/house-spelling"


async def test_ranges_after_crlf_line_ends(client: RecordingClient):
    uri = open_document(client, "crlf.txt", "Kyiv talks\r\n\r\nÉlysée: Zelenskiy spoke.\r\n", "plaintext")
    published = await wait_published(client, uri, version=1)
    assert spans(published) == [("style/house-spelling", 2, 8, 2, 17)]


async def test_rapid_changes_publish_only_the_newest_text(client: RecordingClient):
    uri = open_document(client, "rapid.txt", "Kyiv talks\n\nNothing to see.\n", "plaintext")
    await wait_published(client, uri, version=1)
    before = len(client.published)
    # Typed faster than the debounce: only the last text may be reported.
    for version in range(2, 7):
        change_document(client, uri, f"Kyiv talks\n\n{'Zelenskiy ' * version}spoke.\n", version)
    published = await wait_published(client, uri, version=6, after=before)
    assert [p.version for p in client.published[before:] if p.uri == uri] == [6]
    assert len(published.diagnostics) == 6


async def test_change_then_save_checks_at_once(client: RecordingClient):
    uri = open_document(client, "save.md", "Kyiv talks\n\nZelenskiy spoke.\n", "markdown")
    assert len((await wait_published(client, uri, version=1)).diagnostics) == 1
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"newslint": {"debounceMs": 10_000}}))
    change_document(client, uri, "Kyiv talks\n\nZelenskyy spoke.\n", 2)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    published = await wait_published(client, uri, version=2, timeout=5.0)  # well before the 10 s debounce
    assert list(published.diagnostics) == []


async def test_closing_clears_diagnostics(client: RecordingClient):
    uri = open_document(client, "close.txt", "Kyiv talks\n\nZelenskiy spoke.\n", "plaintext")
    await wait_published(client, uri, version=1)
    before = len(client.published)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert list((await wait_published(client, uri, after=before)).diagnostics) == []


async def test_documents_in_other_languages_are_left_alone(client: RecordingClient):
    code_uri = open_document(client, "script.py", "slammed = 'Zelenskiy'\n", "python")
    text_uri = open_document(client, "after.txt", "Kyiv talks\n\nZelenskiy spoke.\n", "plaintext")
    await wait_published(client, text_uri, version=1)  # checked after the Python file would have been
    assert all(p.uri != code_uri for p in client.published)


# --- settings -----------------------------------------------------------------------------------

async def test_configuration_change_rechecks_with_new_selection(client: RecordingClient):
    uri = open_document(client, "config.txt", f"Kyiv talks\n\n{EMOJI_LINE}\n", "plaintext")
    assert len((await wait_published(client, uri, version=1)).diagnostics) == 3
    before = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"newslint": {"ignore": ["style/house-spelling"]}}))
    published = await wait_published(client, uri, after=before)
    assert [d.code for d in published.diagnostics] == ["style/house-banned"]


async def test_invalid_settings_are_reported_and_the_old_ones_kept(client: RecordingClient):
    uri = open_document(client, "bad-config.txt", "Kyiv talks\n\nZelenskiy slammed it.\n", "plaintext")
    await wait_published(client, uri, version=1)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"newslint": {"select": "style"}}))
    deadline = time.monotonic() + 10
    while not client.messages and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    (message,) = client.messages
    assert message.type == types.MessageType.Error
    assert "'select'" in message.message and "list of strings" in message.message
    before = len(client.published)
    change_document(client, uri, "Kyiv talks\n\nZelenskiy slammed it again.\n", 2)
    assert len((await wait_published(client, uri, version=2, after=before)).diagnostics) == 2


async def test_nearest_configuration_file_applies(client: RecordingClient, tmp_path):
    (tmp_path / "newslint.toml").write_text(f'packs = ["{(EDITOR / "house.toml").as_posix()}"]\nselect = ["style/house-banned"]\n')
    uri = (tmp_path / "desk" / "story.txt").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="plaintext", version=1, text="Kyiv talks\n\nZelenskiy slammed it.\n")))
    published = await wait_published(client, uri, version=1)
    assert [d.code for d in published.diagnostics] == ["style/house-banned"]


# --- code actions -------------------------------------------------------------------------------

async def test_fix_action_replaces_the_finding(client: RecordingClient):
    text = f"Kyiv talks\n\n{EMOJI_LINE}\n"
    uri = open_document(client, "fix.txt", text, "plaintext")
    await wait_published(client, uri, version=1)
    actions = await code_actions(client, uri, 2, 27)  # inside the second "Zelenskiy"
    (fix,) = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    # A house spelling rewrites a name: an unsafe fix, offered but labelled and not preferred.
    assert fix.title == "Replace “Zelenskiy” with “Zelenskyy” (style/house-spelling, unsafe)"
    assert not fix.is_preferred and [d.code for d in fix.diagnostics] == ["style/house-spelling"]
    assert fix.edit.document_changes[0].text_document.version == 1
    assert apply_edits(text, edits_of(fix, uri)) == text.replace("plan: Zelenskiy", "plan: Zelenskyy")


async def test_plain_text_offers_no_disable_comment(client: RecordingClient):
    uri = open_document(client, "plain.txt", "Kyiv talks\n\nThe minister slammed it.\n", "plaintext")
    await wait_published(client, uri, version=1)
    assert await code_actions(client, uri, 2, 15) == []


@pytest.mark.parametrize("name,language,text,line,expected", [
    # Above a paragraph's first line: a comment line of its own.
    ("first.md", "markdown", "# Kyiv talks\n\nThe minister slammed it.\n", 2,
     "# Kyiv talks\n\n<!-- newslint-disable-next-line style/house-banned -->\nThe minister slammed it.\n"),
    # Inside a paragraph a comment line would split it: the comment ends the line above instead.
    ("inside.md", "markdown", "# Kyiv talks\n\nThe talks went on.  \nThe minister slammed it.\n", 3,
     "# Kyiv talks\n\nThe talks went on. <!-- newslint-disable-next-line style/house-banned -->  \nThe minister slammed it.\n"),
    ("page.html", "html", "<h1>Kyiv talks</h1>\n<p>The talks went on.\n  The minister slammed it.</p>\n", 2,
     "<h1>Kyiv talks</h1>\n<p>The talks went on.\n  <!-- newslint-disable-next-line style/house-banned -->\n  The minister slammed it.</p>\n"),
])
async def test_disable_action_suppresses_the_rule_on_that_line(client: RecordingClient, name, language, text, line, expected):
    uri = open_document(client, name, text, language)
    assert [d.code for d in (await wait_published(client, uri, version=1)).diagnostics] == ["style/house-banned"]
    actions = await code_actions(client, uri, line, text.split("\n")[line].index("slammed") + 2)
    (disable,) = [a for a in actions if a.title == "Disable style/house-banned for this line"]
    fixed = apply_edits(text, edits_of(disable, uri))
    assert fixed == expected
    # Checked again, the finding is gone and the comment is not reported as unused.
    before = len(client.published)
    change_document(client, uri, fixed, 2)
    assert list((await wait_published(client, uri, version=2, after=before)).diagnostics) == []


async def test_disable_action_adds_to_an_existing_comment(client: RecordingClient):
    text = "Kyiv talks\n\n<!-- newslint-disable-next-line style/house-banned -->\nZelenskiy slammed it.\n"
    uri = open_document(client, "existing.md", text, "markdown")
    assert [d.code for d in (await wait_published(client, uri, version=1)).diagnostics] == ["style/house-spelling"]
    actions = await code_actions(client, uri, 3, 2)
    (disable,) = [a for a in actions if a.title.startswith("Disable")]
    fixed = apply_edits(text, edits_of(disable, uri))
    assert "<!-- newslint-disable-next-line style/house-banned, style/house-spelling -->" in fixed
    change_document(client, uri, fixed, 2)
    assert list((await wait_published(client, uri, version=2)).diagnostics) == []


async def test_fix_all_applies_every_safe_fix(client: RecordingClient):
    text = f"Kyiv talks\n\n{EMOJI_LINE}\n\nSubscribe to the Daily Brief\n"
    uri = open_document(client, "all.md", text, "markdown")
    await wait_published(client, uri, version=1)
    actions = await code_actions(client, uri, 0, 0, only=[types.CodeActionKind.SourceFixAll])
    (fix_all,) = actions
    assert fix_all.kind == "source.fixAll.newslint"
    # The chrome line goes; the two unsafe name rewrites are left to their own quick fixes.
    assert fix_all.title == "Apply all newslint fixes (1 problem)"
    fixed = apply_edits(text, edits_of(fix_all, uri))
    # The same text as `newslint check --fix` writes.
    assert fixed == plan(Session().check_text(str(EDITOR / "all.md"), text)).new
    assert EMOJI_LINE in fixed and "Subscribe" not in fixed


async def test_code_actions_follow_the_newest_text(client: RecordingClient):
    uri = open_document(client, "stale.txt", "Kyiv talks\n\nZelenskiy spoke.\n", "plaintext")
    await wait_published(client, uri, version=1)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"newslint": {"debounceMs": 10_000}}))
    change_document(client, uri, "Kyiv talks\n\nOn Tuesday Zelenskiy spoke.\n", 2)
    # Asked before the (debounced) check of version 2, the server checks that version first.
    (fix,) = [a for a in await code_actions(client, uri, 2, 12) if a.kind == types.CodeActionKind.QuickFix]
    assert fix.edit.document_changes[0].text_document.version == 2
    (edit,) = edits_of(fix, uri)
    assert (edit.range.start.character, edit.range.end.character) == (11, 20)
