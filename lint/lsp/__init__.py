"""The language server (`newslint lsp`): diagnostics and code actions in editors.

Only `server` imports pygls; `positions`, `settings`, `checking` and `suppress` are plain
Python that the HTTP server (lint.server) shares, so that `newslint check` and `newslint
serve` never load pygls.
"""
