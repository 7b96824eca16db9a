"""`newslint lsp`: the language server, over standard input and output (pygls).

Documents are synchronised whole (TextDocumentSyncKind.Full): an article is small, and the
server then never has to apply edits with line ends other than the ones it counts.  A
document is checked at once when it is opened or saved, and `debounce-ms` after the last
change; an edit made meanwhile cancels the waiting check, and a result for a version that is
no longer current is dropped, so the newest text always wins.  Checks run one at a time on a
worker thread, which keeps the protocol loop free to answer requests.
"""
from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from .. import __version__
from ..config import ConfigError
from ..formats import FORMAT_BY_SUFFIX
from ..rules import PackError
from ..runner import CliSettings, Session
from ..sources import UnreadableInput
from .checking import check_text
from .diagnostics import FIX_ALL_KIND, ActionBuilder, CheckedDocument, diagnostics
from .positions import ENCODINGS, UTF16, LineIndex
from .settings import EditorSettings, SettingsError, editor_settings, known_keys

logger = logging.getLogger("newslint.lsp")

FORMAT_BY_LANGUAGE = {"plaintext": "text", "text": "text", "markdown": "markdown", "html": "html"}
_SUFFIX_BY_FORMAT = {fmt: suffix for suffix, fmt in reversed(FORMAT_BY_SUFFIX.items())}  # each format's first suffix


class _Unreadable:
    """A request whose params do not fit the protocol (a line of -1 or 2**40): answered with the
    error, where pygls would drop it and leave the client waiting."""

    jsonrpc = "2.0"

    def __init__(self, msg_id: Any, error: JsonRpcException):
        self.id, self.error = msg_id, error


class NewslintProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data, dict) and "method" in data and "id" in data:
                return _Unreadable(data["id"], error)
            raise

    def handle_message(self, message):
        if isinstance(message, _Unreadable):
            self._send_response(message.id, error=message.error.to_response_error())
            return None
        return super().handle_message(message)


# A document larger than this is not checked in the editor (as `check`'s max-file-size).
MAX_DOCUMENT_CHARS = 5 * 1024 * 1024


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full,
                         protocol_cls=NewslintProtocol)
        self.settings = EditorSettings()
        self.session = Session(keep_results=True)
        self.checked: dict[str, CheckedDocument] = {}  # the last check of each open document
        self.pending: dict[str, asyncio.Task] = {}  # the check each document waits for
        self.check_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
        self._initial_settings: dict[str, Any] = {}
        self._reported: set[str] = set()  # messages already shown, so that none is shown at every keystroke
        self._background: set[asyncio.Task] = set()  # tasks nobody awaits, kept from the garbage collector
        for method, handler in (
            (types.INITIALIZE, self.on_initialize),
            (types.INITIALIZED, self.on_initialized),
            (types.TEXT_DOCUMENT_DID_OPEN, self.on_open),
            (types.TEXT_DOCUMENT_DID_CHANGE, self.on_change),
            (types.TEXT_DOCUMENT_DID_SAVE, self.on_save),
            (types.TEXT_DOCUMENT_DID_CLOSE, self.on_close),
            (types.WORKSPACE_DID_CHANGE_CONFIGURATION, self.on_configuration),
            (types.SHUTDOWN, self.on_shutdown),
        ):
            self.feature(method)(_plain(handler))
        code_actions = types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False)
        self.feature(types.TEXT_DOCUMENT_CODE_ACTION, code_actions)(_plain(self.on_code_action))

    # --- settings ---------------------------------------------------------------------------

    def on_initialize(self, params: types.InitializeParams) -> None:
        options = params.initialization_options
        raw = options.get("newslint", options) if isinstance(options, dict) else None
        self._initial_settings = dict(raw) if isinstance(raw, dict) else {}
        self.apply_settings(options, "initializationOptions")

    def on_initialized(self, params: types.InitializedParams) -> None:
        if self._client_can("workspace", "configuration"):
            self._spawn(self.pull_settings())

    def on_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        pushed = params.settings.get("newslint", params.settings) if isinstance(params.settings, dict) else None
        if isinstance(pushed, dict) and pushed:
            changed = self.apply_settings({**self._initial_settings, **pushed}, "settings")
        elif self._client_can("workspace", "configuration"):
            # Clients that let servers pull settings send an empty notification: ask for them.
            self._spawn(self.pull_settings())
            return
        else:
            changed = False
        if changed:
            self.recheck_all()

    async def pull_settings(self) -> None:
        try:
            answer = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="newslint")])
            )
        except Exception as exc:  # a client that cannot answer keeps the settings it gave at start
            logger.info("workspace/configuration failed: %s", exc)
            return
        pulled = answer[0] if answer else None
        if isinstance(pulled, dict) and pulled:
            if self.apply_settings({**self._initial_settings, **pulled}, "settings"):
                self.recheck_all()

    def apply_settings(self, raw: Any, where: str) -> bool:
        """Take new editor settings; on an error keep the old ones and say why."""
        try:
            settings, unknown = editor_settings(raw, where, base=self._root())
            session = Session(CliSettings(config=settings.config), keep_results=True)
        except (SettingsError, ConfigError) as exc:
            self.report(f"newslint: {exc}", types.MessageType.Error)
            return False
        if unknown:
            self.report(
                f"newslint: unknown settings ignored: {', '.join(unknown)} (known: {', '.join(known_keys())})",
                types.MessageType.Warning,
            )
        self.settings, self.session = settings, session
        self._reported.clear()
        return True

    # --- documents --------------------------------------------------------------------------

    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, 0.0, reload_config=True)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, self.settings.debounce)

    def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, 0.0, reload_config=True)

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if self.checked.pop(uri, None) is not None:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def recheck_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(self._client_uri(uri), 0.0)

    def schedule(self, uri: str, delay: float, *, reload_config: bool = False) -> None:
        """Check `uri` after `delay` seconds, instead of any check it was waiting for."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay, reload_config))

    async def _check_later(self, uri: str, delay: float, reload_config: bool) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            checked = await self.check_current(uri, reload_config=reload_config)
            if checked is not None:
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                    uri=uri, diagnostics=diagnostics(checked, self.settings.docs_url), version=checked.version,
                ))
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def check_current(self, uri: str, *, reload_config: bool = False) -> CheckedDocument | None:
        """Check the document's current text on the worker thread; None if there is nothing to report.

        A result is kept only if the document is still at the version that was checked.
        """
        document = self._document(uri)
        if document is None:
            return None
        fmt = self._format(uri, document.language_id)
        if fmt is None:
            return None  # not an article: another language server's business
        text, version = document.source, document.version
        encoding = self._encoding()
        if len(text) > MAX_DOCUMENT_CHARS:
            self.report(f"newslint: {uri} is {len(text) / 1048576:.1f} MiB, over the {MAX_DOCUMENT_CHARS / 1048576:.0f} MiB "
                        "newslint checks in the editor; check it with `newslint check`", types.MessageType.Warning)
            return CheckedDocument(uri, version, text, fmt, (), LineIndex(text), encoding)
        session, overrides = self.session, self.settings.overrides
        path = self._path(uri, fmt)

        def work() -> CheckedDocument:
            if reload_config:
                session.forget_settings()  # the configuration file may have been edited meanwhile
            result = check_text(session, overrides, path, text, fmt)
            return CheckedDocument(uri, version, text, fmt, tuple(result.findings), LineIndex(text), encoding)

        try:
            checked = await asyncio.get_running_loop().run_in_executor(self.check_pool, work)
        except (ConfigError, PackError) as exc:
            self.report(f"newslint: {exc}", types.MessageType.Error)
            checked = CheckedDocument(uri, version, text, fmt, (), LineIndex(text), encoding)
        except UnreadableInput as exc:  # a malformed XLIFF or TMX file, until it is mended
            self.report(f"newslint: {path}: {exc}", types.MessageType.Warning)
            checked = CheckedDocument(uri, version, text, fmt, (), LineIndex(text), encoding)
        except Exception as exc:  # a bug must not take the server down with it
            logger.exception("checking %s failed", uri)
            self.report(f"newslint: internal error while checking ({type(exc).__name__}: {exc}); please report this as a bug",
                        types.MessageType.Error)
            return None
        current = self._document(uri)
        if current is None or current.version != version:
            return None  # closed or edited meanwhile: the check of the newer text reports
        self.checked[uri] = checked
        return checked

    # --- code actions -----------------------------------------------------------------------

    async def on_code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        document = self._document(uri)
        if document is None:
            return None
        checked = self.checked.get(uri)
        if checked is None or checked.version != document.version or checked.encoding != self._encoding():
            checked = await self.check_current(uri)
            if checked is None:
                return None
        builder = ActionBuilder(checked, self.settings.docs_url, self._client_can("workspace", "workspace_edit", "document_changes"))
        return builder.actions(params.range, params.context.only)

    def on_shutdown(self, params: Any = None) -> None:
        for task in self.pending.values():
            task.cancel()
        self.pending.clear()
        self.check_pool.shutdown(wait=False, cancel_futures=True)

    # --- helpers ----------------------------------------------------------------------------

    def _spawn(self, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def report(self, message: str, kind: types.MessageType) -> None:
        """Show a message once (until the settings change), and log it."""
        logger.warning("%s", message)
        if message in self._reported:
            return
        self._reported.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def _client_can(self, *path: str) -> bool:
        value: Any = self.client_capabilities
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                return False
        return bool(value)

    def _encoding(self) -> str:
        encoding = str(getattr(self.workspace.position_encoding, "value", self.workspace.position_encoding) or UTF16)
        return encoding if encoding in ENCODINGS else UTF16

    def _document(self, uri: str):
        return self.workspace.text_documents.get(unquote(uri))

    def _client_uri(self, key: str) -> str:
        document = self.workspace.text_documents.get(key)
        return document.uri if document is not None else key

    def _root(self) -> Path:
        try:
            root = self.workspace.root_path
        except Exception:  # before initialize
            root = None
        return Path(root) if root else Path(os.getcwd())

    def _format(self, uri: str, language_id: str | None) -> str | None:
        if language_id in FORMAT_BY_LANGUAGE:
            return FORMAT_BY_LANGUAGE[language_id]
        return FORMAT_BY_SUFFIX.get(Path(unquote(uri)).suffix.lower())

    def _path(self, uri: str, fmt: str) -> str:
        """Where the document is on disk, for its configuration; an unsaved one is in the workspace root."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return path or str(self._root() / f"untitled{_SUFFIX_BY_FORMAT[fmt]}")


def _plain(method):
    """A function calling a bound method: pygls marks its handlers with attributes, which methods refuse."""
    if asyncio.iscoroutinefunction(method):
        async def handler(params=None):
            return await method(params)
    else:
        def handler(params=None):
            return method(params)
    return handler


def run() -> None:
    """Serve the protocol on standard input and output until the client says exit."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="newslint lsp: %(levelname)s: %(message)s")
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol stream
    NewslintServer().start_io(sys.stdin.buffer, stdout)
