#!/usr/bin/env python3
"""Latency of the language server: from a didChange to the diagnostics published for it.

Starts `python -m lint.cli lsp` as an editor would, opens a ~1,500-word article (built from
the corpus articles, every built-in rule on), and after a warm-up sends one-word edits, each
time waiting for the publishDiagnostics of that document version.  Prints p50 / p95 / max.

The debounce is a deliberate wait after the last keystroke, not work: the main run sets
`debounce-ms` to 0 and so measures the server (protocol, check, conversion to diagnostics);
a second, shorter run with the default debounce shows what an editor sees in all.

Usage: python bench/lsp_latency.py [--iterations 200] [--warmup 20] [--words 1500] [--debounced-iterations 30]
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "aeb-articles"
FALLBACK = ROOT / "fixtures" / "editor" / "article.md"


def article(words: int) -> str:
    """Paragraphs of the corpus articles (or the editor fixture) up to about `words` words."""
    sources = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources] or [FALLBACK.read_text(encoding="utf-8")]
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            for paragraph in (p.strip() for p in text.split("\n\n")):
                if paragraph and count < words:
                    paragraphs.append(paragraph)
                    count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(round(fraction * (len(ordered) - 1))), len(ordered) - 1)]


async def measure(text: str, debounce_ms: int, warmup: int, iterations: int) -> list[float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("lsp-latency", "1")
    published: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            published[params.version] = time.perf_counter()
            arrived.set()

    await client.start_io(sys.executable, "-m", "lint.cli", "lsp", cwd=str(ROOT))
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"debounce-ms": debounce_ms},
    ))
    client.initialized(types.InitializedParams())
    with tempfile.TemporaryDirectory() as folder:  # no configuration file: every built-in rule
        uri = (Path(folder) / "article.txt").as_uri()

        async def wait_for(version: int) -> float:
            while version not in published:
                arrived.clear()
                await asyncio.wait_for(arrived.wait(), timeout=30)
            return published[version]

        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        await wait_for(1)
        middle = text.index("\n\n", len(text) // 2)
        latencies = []
        for version in range(2, warmup + iterations + 2):
            edited = f"{text[:middle]} word{version}{text[middle:]}"  # one word typed mid-article
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
            ))
            latency = await wait_for(version) - sent
            if version >= warmup + 2:
                latencies.append(latency)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies


def in_process_check_ms(text: str, repeat: int) -> float:
    sys.path.insert(0, str(ROOT))
    from lint.runner import Session

    session = Session()
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "article.txt")
        session.check_text(path, text)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            session.check_text(path, text)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def report(label: str, latencies: list[float]) -> None:
    ms = [value * 1000 for value in latencies]
    print(f"{label:<34} n={len(ms):<4} p50 {percentile(ms, 0.50):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms   max {max(ms):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--debounced-iterations", type=int, default=30, help="edits timed with the default debounce (0: skip)")
    args = parser.parse_args()
    text = article(args.words)
    print(f"article: {len(text.split())} words, {len(text.encode('utf-8'))} bytes; every built-in rule on")
    print(f"{'in-process check (no protocol)':<34} median {in_process_check_ms(text, 50):.1f} ms")
    report("didChange -> diagnostics, debounce 0", asyncio.run(measure(text, 0, args.warmup, args.iterations)))
    if args.debounced_iterations:
        from lint.lsp.settings import DEFAULT_DEBOUNCE_MS

        latencies = asyncio.run(measure(text, DEFAULT_DEBOUNCE_MS, 3, args.debounced_iterations))
        report(f"same, default debounce {DEFAULT_DEBOUNCE_MS} ms", latencies)


if __name__ == "__main__":
    main()
