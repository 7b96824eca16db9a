"""The language server's settings from the editor: where its rule links point."""
from __future__ import annotations

import pytest

from lint.lsp.settings import DEFAULT_DOCS_URL, SettingsError, editor_settings


def test_a_configured_server_makes_rule_links_open_its_rule_pages():
    settings, unknown = editor_settings({"serveUrl": "http://127.0.0.1:8081/"}, "initializationOptions")
    assert unknown == () and settings.docs_url == "http://127.0.0.1:8081/rules/{rule}"
    # An explicit docs-url wins; without either, the default scheme stays.
    explicit, _ = editor_settings({"serve-url": "http://127.0.0.1:8081", "docs-url": "https://desk.example/{rule}"}, "x")
    assert explicit.docs_url == "https://desk.example/{rule}"
    assert editor_settings({}, "x")[0].docs_url == DEFAULT_DOCS_URL
    with pytest.raises(SettingsError, match="serve-url|serveUrl"):
        editor_settings({"serveUrl": "ftp://nowhere"}, "x")
