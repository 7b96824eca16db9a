"""A real browser for the tests of what newslint shows in one: Debian's Chromium, driven by Playwright.

Playwright's own browser download cannot run offline, so it is pointed at the system's Chromium
(README: the `chromium` package). Its background services are switched off: they would only try,
and fail, to reach the network.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEWSLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(os.environ.get("NEWSLINT_SCREENSHOTS", Path(__file__).resolve().parent.parent / "build" / "screenshots"))


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium per test module; each test opens its own context (no shared storage).
    Not one per session: Playwright's sync API holds an event loop on the main thread while it
    runs, which the language server's asyncio tests in later modules need free."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM}: Chromium is not installed (README: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


def only_from(context, origin: str) -> list[str]:
    """Block every request that does not go to `origin`; return the list the blocked URLs go into."""
    blocked: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(origin) or url.startswith(("data:", "blob:", "about:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    context.route("**/*", route)
    return blocked


def screenshot(page, name: str) -> Path:
    """Keep a screenshot of the page under build/screenshots (look at them after a run)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
