#!/usr/bin/env python3
"""Load test of `newslint serve`: a burst of clients, slow clients, memory over many requests, a 1 MB article.

Starts `python -m lint.cli serve --port 0` on 127.0.0.1 in an empty folder (every default rule,
no configuration file), waits for it to answer, then runs four phases, each under a hard time
limit, and prints one line of figures for each:

1. burst: --burst connections opened at once, then each sends a short article (/v1/check and
   /v2/check in turn); every one must be answered 200;
2. slow clients: --slow connections dribble a request head, a byte every few seconds (and
   reconnect when the server cuts them), for --slow-seconds, while requests are sent one after
   another; every one of those must be answered 200;
3. memory: the server's RSS after a warm-up and after --requests more (--clients at a time) must
   stay within 10 %;
4. one article of about 1 MB (under the default --max-bytes of 1 MiB) to /v1/check and to
   /v2/check: both answered 200, with the server's peak RSS during each at most 200 MiB.

Every request is a connection of its own with the Host header the server answers to.  Linux
only: RSS is read from /proc.  Exits 1 if a figure fails.

Usage: python bench/serve_load.py [--burst 500] [--slow 200] [--slow-seconds 30] [--requests 5000] [--clients 8] [--big-bytes 1000000]
"""
from __future__ import annotations

import argparse
import asyncio
import http.client
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "aeb-articles"
FALLBACK = ROOT / "fixtures" / "example.md"
HOST = "127.0.0.1"
SHORT_ARTICLE_BYTES = 4000
DRIBBLE_SECONDS = 3
REQUEST_TIMEOUT = 60  # seconds for one ordinary request, queueing included
BIG_TIMEOUT = 180  # seconds for the 1 MB request
RSS_GROWTH = 0.10
PEAK_MIB = 200


def articles() -> list[str]:
    """The corpus articles (or the example fixture when the corpus is absent)."""
    sources = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    return [p.read_text(encoding="utf-8", errors="replace") for p in sources] or [FALLBACK.read_text(encoding="utf-8")]


def v1(port: int, text: str) -> bytes:
    return post(port, "/v1/check", json.dumps({"text": text, "path": "story.txt"}, ensure_ascii=False).encode(), "application/json")


def v2(port: int, text: str) -> bytes:
    return post(port, "/v2/check", urllib.parse.urlencode({"language": "en-US", "text": text}).encode(),
                "application/x-www-form-urlencoded")


def post(port: int, path: str, body: bytes, content_type: str) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode("ascii") + body


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(round(fraction * (len(ordered) - 1))), len(ordered) - 1)] if ordered else float("nan")


@dataclass
class Tally:
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # no answer: refused, reset, timed out
    latencies: list[float] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return sum(self.errors.values()) + sum(n for status, n in self.statuses.items() if status != 200)

    def line(self) -> str:
        others = ", ".join(f"{n} × {s}" for s, n in sorted(self.statuses.items()) if s != 200) or "0 other"
        errors = ", ".join(f"{n} {name}" for name, n in self.errors.most_common()) or "0 errors"
        return (f"{self.statuses[200]} × 200, {others}, {errors}; latency p50 {percentile(self.latencies, 0.5) * 1000:.0f} ms"
                f" p95 {percentile(self.latencies, 0.95) * 1000:.0f} ms max {max(self.latencies, default=0) * 1000:.0f} ms")


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, payload: bytes) -> tuple[int, bytes]:
    """Send one request and read its whole answer: (status, body)."""
    writer.write(payload)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
    return int(head.split(b" ", 2)[1]), await reader.readexactly(length)


async def timed(tally: Tally, port: int, payload: bytes, timeout: float = REQUEST_TIMEOUT, connection=None) -> bytes:
    """One request, counted in `tally`; the answer's body (empty without an answer)."""
    started = time.perf_counter()
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = connection or await asyncio.open_connection(HOST, port)
            status, body = await exchange(reader, writer, payload)
    except (OSError, EOFError, TimeoutError, asyncio.LimitOverrunError, ValueError) as exc:
        tally.errors[type(exc).__name__] += 1
        return b""
    finally:
        if writer is not None:
            writer.close()
    tally.statuses[status] += 1
    tally.latencies.append(time.perf_counter() - started)
    return body


async def burst(port: int, payloads: list[bytes], count: int, tally: Tally) -> None:
    # Every connection is open before the first request is sent, so all of them are in the server at
    # once; latency runs from the send, so it is the queueing and checking, not the connecting.
    async def connect():
        async with asyncio.timeout(REQUEST_TIMEOUT):
            return await asyncio.open_connection(HOST, port)

    connections = await asyncio.gather(*(connect() for _ in range(count)), return_exceptions=True)
    sends = []
    for connection, payload in zip(connections, itertools.cycle(payloads)):
        if isinstance(connection, BaseException):
            tally.errors[type(connection).__name__] += 1
        else:
            sends.append(timed(tally, port, payload, connection=connection))
    await asyncio.gather(*sends)


async def slow_client(port: int, deadline: float, counts: Counter) -> None:
    """Hold a connection with a request head that never ends; reconnect whenever the server cuts it."""
    loop = asyncio.get_running_loop()
    while loop.time() < deadline:
        try:
            reader, writer = await asyncio.open_connection(HOST, port)
        except OSError:
            counts["refused"] += 1
            await asyncio.sleep(1)
            continue
        counts["opened"] += 1
        try:
            writer.write(f"POST /v2/check HTTP/1.1\r\nHost: {HOST}:{port}\r\nX-Slow: ".encode())
            while (left := deadline - loop.time()) > 0:
                try:
                    answer = await asyncio.wait_for(reader.read(256), min(DRIBBLE_SECONDS, left))
                except TimeoutError:
                    writer.write(b"x")
                    await writer.drain()
                    continue
                counts[f"cut with {answer.split(b' ', 2)[1].decode()}" if answer.startswith(b"HTTP/") else "cut silently"] += 1
                break
        except OSError:
            counts["reset"] += 1
        finally:
            writer.close()


async def slow_phase(port: int, payloads: list[bytes], slow: int, seconds: float, tally: Tally, counts: Counter) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    holders = [asyncio.create_task(slow_client(port, deadline, counts)) for _ in range(slow)]
    while counts["opened"] < slow and loop.time() < deadline:  # the normal requests start once all are held
        await asyncio.sleep(0.05)
    for payload in itertools.cycle(payloads):
        if loop.time() >= deadline:
            break
        await timed(tally, port, payload)
    await asyncio.gather(*holders)


async def many(port: int, payloads: list[bytes], count: int, clients: int, tally: Tally) -> None:
    order = iter(itertools.islice(itertools.cycle(payloads), count))  # shared: each client takes the next

    async def client():
        for payload in order:
            await timed(tally, port, payload)

    await asyncio.gather(*(client() for _ in range(clients)))


def memory(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process, in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return {key: int(value.split()[0]) / 1024 for key, value in re.findall(r"^(VmRSS|VmHWM):\s+(.+)$", status, re.M)}


def reset_peak(pid: int) -> bool:
    """Start VmHWM afresh (Linux 4.0+), so that the peak is this request's; False where not permitted."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


async def big(port: int, pid: int, payload: bytes) -> tuple[Tally, int, float, float, bool]:
    """One large request: its tally, answer body, seconds, and the server's peak RSS meanwhile (MiB)."""
    exact = reset_peak(pid)
    sampled = 0.0

    async def sample():  # the fallback where VmHWM cannot be reset
        nonlocal sampled
        while True:
            sampled = max(sampled, memory(pid)["VmRSS"])
            await asyncio.sleep(0.02)

    sampler = asyncio.create_task(sample())
    tally = Tally()
    started = time.perf_counter()
    answer = await timed(tally, port, payload, timeout=BIG_TIMEOUT)
    elapsed = time.perf_counter() - started
    sampler.cancel()
    peak = memory(pid)["VmHWM"] if exact else sampled
    return tally, answer, elapsed, peak, exact


def found(answer: bytes) -> str:
    """How many findings (/v1) or matches (/v2) an answer holds, to show the check ran whole."""
    try:
        document = json.loads(answer)
    except ValueError:
        return "not JSON"
    if "matches" in document:
        return f"{len(document['matches']):,} matches" + (", incomplete" if document.get("warnings", {}).get("incompleteResults") else "")
    return f"{len(document.get('findings', ())):,} findings, {len(document.get('errors', ()))} errors"


def big_text(paragraphs: list[str], budget: int, encoded_size) -> str:
    """The articles' paragraphs, over and over, until their encoded size would pass `budget`."""
    parts, size = [], 0
    for paragraph in itertools.cycle(paragraphs):
        cost = encoded_size(paragraph + "\n\n")
        if size + cost > budget:
            break
        parts.append(paragraph)
        size += cost
    return "\n\n".join(parts) + "\n"


def start_server(folder: str) -> tuple[subprocess.Popen, int, list[str]]:
    """`newslint serve` on a port the kernel picks; its stderr lines are kept (and drained, so it never blocks)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("NEWSLINT_LANGUAGETOOL_URL", None)  # the LanguageTool rules stay silent: newslint's own work is measured
    process = subprocess.Popen([sys.executable, "-m", "lint.cli", "serve", "--host", HOST, "--port", "0", "--quiet"],
                               cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    listening = threading.Event()

    def drain():
        for line in process.stderr:
            lines.append(line.rstrip("\n"))
            if "listening on" in line:
                listening.set()
        listening.set()  # it exited

    threading.Thread(target=drain, daemon=True).start()
    listening.wait(timeout=60)
    found = next((re.search(r"listening on http://[^:]+:(\d+)", line) for line in lines if "listening on" in line), None)
    if found is None:
        return process, 0, lines
    port = int(found.group(1))
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", "/v2/languages")  # http.client sends Host: 127.0.0.1:PORT
    if connection.getresponse().status != 200:
        return process, 0, lines
    connection.close()
    return process, port, lines


def run_phase(name: str, coroutine, limit: float) -> bool:
    """Run one phase under its hard time limit; False if it had to be stopped."""
    try:
        asyncio.run(asyncio.wait_for(coroutine, limit))
        return True
    except TimeoutError:
        print(f"{name}: stopped at its time limit of {limit:g} s", flush=True)
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=500, help="requests sent at once (phase 1)")
    parser.add_argument("--slow", type=int, default=200, help="slow connections held (phase 2)")
    parser.add_argument("--slow-seconds", type=float, default=30, help="how long they are held")
    parser.add_argument("--requests", type=int, default=5000, help="requests between the two RSS readings (phase 3)")
    parser.add_argument("--warmup", type=int, default=200, help="requests before the first RSS reading")
    parser.add_argument("--clients", type=int, default=8, help="clients at a time in phase 3")
    parser.add_argument("--big-bytes", type=int, default=1_000_000, help="body size of the large request (phase 4)")
    args = parser.parse_args()

    from lint.server.transport import Limits

    texts = articles()
    short = [t for t in texts if len(t.encode()) <= SHORT_ARTICLE_BYTES] or texts
    paragraphs = [p.strip() for t in texts for p in t.split("\n\n") if p.strip()]
    results: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        process, port, stderr = start_server(folder)
        try:
            if not port:
                print("newslint serve did not start:\n" + "\n".join(stderr[-20:]), file=sys.stderr)
                return 1
            pid = process.pid
            print(f"server: pid {pid} on {HOST}:{port}, answering after {time.perf_counter() - started:.1f} s; "
                  f"body limit {Limits.max_bytes:,} B (the default --max-bytes), {Limits.workers} workers, "
                  f"{len(short)} short articles of {min(map(len, short)):,}-{max(map(len, short)):,} chars", flush=True)
            payloads = [make(port, text) for text in short for make in (v1, v2)]

            tally = Tally()
            started = time.perf_counter()
            finished = run_phase("1 burst", burst(port, payloads, args.burst, tally), REQUEST_TIMEOUT + 30)
            print(f"1 burst      {args.burst} at once, done in {time.perf_counter() - started:.1f} s: {tally.line()}", flush=True)
            results.append(("1 burst: every request answered 200", finished and tally.statuses[200] == args.burst,
                            f"{tally.statuses[200]} of {args.burst}"))

            tally, counts = Tally(), Counter()
            finished = run_phase("2 slow", slow_phase(port, payloads, args.slow, args.slow_seconds, tally, counts),
                                 args.slow_seconds + REQUEST_TIMEOUT + 10)
            held = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
            print(f"2 slow       {args.slow} slow connections for {args.slow_seconds:g} s ({held}); "
                  f"{sum(tally.statuses.values()) + sum(tally.errors.values())} normal requests meanwhile: {tally.line()}", flush=True)
            results.append(("2 slow clients: every normal request answered 200", finished and bool(tally.statuses) and not tally.failures,
                            f"{tally.failures} failed of {sum(tally.statuses.values()) + sum(tally.errors.values())}"))

            tally = Tally()
            finished = run_phase("3 warm-up", many(port, payloads, args.warmup, args.clients, tally), 300)
            time.sleep(1.5)  # the server lets go of the last connections (up to 1 s each) before it is measured
            before = memory(pid)["VmRSS"]
            tally = Tally()
            started = time.perf_counter()
            finished = run_phase("3 memory", many(port, payloads, args.requests, args.clients, tally), 600) and finished
            elapsed = time.perf_counter() - started
            time.sleep(1.5)
            after = memory(pid)["VmRSS"]
            growth = after / before - 1
            print(f"3 memory     RSS {before:.1f} MiB after {args.warmup} warm-up requests, {after:.1f} MiB after {args.requests:,} more "
                  f"({growth:+.1%}); {args.requests / elapsed:.0f} requests/s with {args.clients} clients: {tally.line()}", flush=True)
            results.append((f"3 memory: RSS after within {RSS_GROWTH:.0%} of before", finished and abs(growth) <= RSS_GROWTH and not tally.failures,
                            f"{growth:+.1%}, {tally.failures} failed"))

            budget = args.big_bytes - 100  # room for the envelope around the text
            for name, make, size in (("/v1/check", v1, lambda s: len(json.dumps(s, ensure_ascii=False).encode()) - 2),
                                     ("/v2/check", v2, lambda s: len(urllib.parse.quote_plus(s)))):
                payload = make(port, big_text(paragraphs, budget, size))
                body = len(payload) - payload.index(b"\r\n\r\n") - 4
                outcome: list = []

                async def one():
                    outcome.extend(await big(port, pid, payload))

                finished = run_phase(f"4 {name}", one(), BIG_TIMEOUT + 10)
                if not outcome:
                    results.append((f"4 {name}: answered 200, peak RSS at most {PEAK_MIB} MiB", False, "timed out"))
                    continue
                tally, answer, elapsed, peak, exact = outcome
                status = next(iter(tally.statuses), None) or ", ".join(tally.errors)
                print(f"4 1 MB       {name} body {body:,} B: {status}, answer {len(answer):,} B ({found(answer)}) in {elapsed:.1f} s; "
                      f"server peak RSS {peak:.1f} MiB ({'VmHWM' if exact else 'sampled VmRSS'})", flush=True)
                results.append((f"4 {name}: answered 200, peak RSS at most {PEAK_MIB} MiB",
                                finished and tally.statuses[200] == 1 and peak <= PEAK_MIB, f"{status}, {peak:.1f} MiB"))
        finally:
            alive = process.poll() is None
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    if not alive:
        results.append(("server still running at the end", False, f"exited with {process.returncode}"))
    logged = [line for line in stderr if "listening on" not in line]
    if logged:
        print(f"server stderr ({len(logged)} lines), last ones:\n  " + "\n  ".join(logged[-10:]))
    print("summary:")
    for what, passed, figure in results:
        print(f"  {'PASS' if passed else 'FAIL'}  {what} ({figure})")
    return 0 if all(passed for _, passed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
