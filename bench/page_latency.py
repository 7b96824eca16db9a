#!/usr/bin/env python3
"""Latency of the copy desk's page: from pressing Check to the highlights on screen.

Starts `newslint serve` on loopback (in this process, every built-in rule on), opens its page
in the system Chromium (as the browser tests do), pastes a ~1,500-word article (built from the
corpus articles as bench/lsp_latency.py builds it) and presses Check again and again.  Each run
is timed in the page: from the click to the frame after the marks are in the document (two
animation frames: layout and paint are counted).  The server's own share is timed apart, by
the same request sent from Python.  Prints median, p95 and max; the target is 300 ms.

Usage: python bench/page_latency.py [--runs 30] [--warmup 3] [--words 1500]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from browser import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402  (the browser tests' Chromium and flags)
from lsp_latency import article, percentile  # noqa: E402

# Runs in the page: put the text in, click Check, wait until that check's answer is shown, then two frames.
TIMED_CHECK = """async (text) => {
  document.getElementById("article").value = text;  // as pasted, without the re-check typing starts
  const before = document.body.dataset.checks;
  const shown = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (document.body.dataset.checks !== before && document.body.dataset.state === "ready") { watch.disconnect(); resolve(); }
    });
    watch.observe(document.body, { attributes: true });
  });
  const start = performance.now();
  document.getElementById("check").click();
  await shown;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return [performance.now() - start, document.querySelectorAll("#view mark").length];
}"""


def desk_article(words: int) -> str:
    """The corpus paragraphs with the desk fixture's defects on top: lakh, a name spelt two ways, chrome."""
    story = (ROOT / "fixtures" / "page" / "desk-story.txt").read_text(encoding="utf-8")
    headline, _, body = story.partition("\n\n")
    body, _, chrome = body.rpartition("\n\n")
    return f"{headline}\n\n{body}\n\n{article(words - len(story.split()))}\n{chrome}"


def variant(text: str, run: int) -> str:
    return text.replace("on Sunday", f"on Sunday ({run})", 1)


def server_times(url: str, text: str, runs: int) -> list[float]:
    times = []
    for run in range(runs):
        body = json.dumps({"text": variant(text, run)}).encode("utf-8")
        request = urllib.request.Request(url + "/v1/desk/check", body, headers={"Content-Type": "application/json"})
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(name: str, times: list[float]) -> str:
    return f"{name}: median {statistics.median(times):.0f} ms, p95 {percentile(times, 0.95):.0f} ms, max {max(times):.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--words", type=int, default=1500)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from lint.server.http import make_server, serve_in_thread

    text = desk_article(args.words)
    server = make_server("127.0.0.1", 0)
    serve_in_thread(server)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.url + "/")
            page.wait_for_selector("#families input", state="attached")
            page_times, marked = [], 0
            for run in range(args.warmup + args.runs):
                # A different text each time (one word changed), so that nothing could be remembered.
                elapsed, marked = page.evaluate(TIMED_CHECK, variant(text, run))
                if run >= args.warmup:
                    page_times.append(elapsed)
            browser.close()
        own = server_times(server.url, text, args.runs)
    finally:
        server.shutdown()
        server.server_close()
    print(f"article: {len(text.split())} words, {marked} marks; {args.runs} runs after {args.warmup} warm-up")
    print(summary("Check pressed -> highlights painted", page_times))
    print(summary("the server's check alone (/v1/desk/check from Python)", own))
    print(f"target 300 ms: {'met' if percentile(page_times, 0.95) <= 300 else 'NOT met'} at p95")


if __name__ == "__main__":
    main()
