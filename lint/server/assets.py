"""The copy desk's page: index.html, page.css and page.js, shipped in the package (lint/server/page/).

No CDN, no build step: the three files are served as they are.  The policy below lets the page
run its own script and style sheet and talk to this server, and nothing else: no inline script
or style, no other origin, no frames, no plugins; Trusted Types refuse any HTML built from a
string, so an article's text can only ever reach the page as text.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

PAGE_ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/page.css": ("page.css", "text/css; charset=utf-8"),
    "/page.js": ("page.js", "text/javascript; charset=utf-8"),
}
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
            "require-trusted-types-for 'script'; trusted-types 'none'")
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "Referrer-Policy": "no-referrer",  # the address may carry the token
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@lru_cache(maxsize=None)
def asset(name: str) -> bytes:
    return (files(__package__) / "page" / name).read_bytes()
