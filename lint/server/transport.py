"""The connections of `newslint serve`: reading requests within limits, a bounded pool of checkers.

One asyncio loop owns every socket, so a slow or silent client costs a buffer, never a
thread: a request is read whole (head, then a body of at most `max_bytes`) under deadlines,
then handed to a small pool of worker threads that check it and return the answer's bytes,
which the loop writes back.  Limits refuse what would not fit with an answer that says so:
431 (head too large or too many header lines), 413 (body), 411 (no length), 408 (too slow),
400 (body shorter than its Content-Length), 503 (the server is full).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

logger = logging.getLogger("newslint.serve")

# (raw request bytes, client address) -> (answer bytes, whether to close the connection)
Handler = Callable[[bytes, tuple], tuple[bytes, bool]]


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1024 * 1024  # a request body
    max_head_bytes: int = 16 * 1024  # request line and headers
    max_headers: int = 64  # header lines
    max_connections: int = 512  # served at once; more wait for a free slot
    slot_wait: float = 30.0  # seconds a connection may wait for a slot before a 503
    head_timeout: float = 15.0  # seconds for a request's head, idle keep-alive included
    body_timeout: float = 30.0  # seconds for its body
    write_timeout: float = 30.0  # seconds for the client to take the answer
    max_buffered: int = 64 * 1024 * 1024  # bodies held at once, over all connections
    workers: int = 4  # threads that check
    backlog: int = 1024  # connections the kernel queues before they are accepted


class RequestTooSlow(Exception):
    pass


def simple_answer(status: int, reason: str, message: str, *, close: bool = True, extra: str = "") -> bytes:
    """A complete plain-text answer, for refusals made before a request reaches the handler."""
    body = f"Error: {message}\n".encode("utf-8")
    head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n{extra}{'Connection: close' + chr(13) + chr(10) if close else ''}\r\n")
    return head.encode("latin-1") + body


@dataclass(frozen=True)
class _Head:
    length: int
    expect_continue: bool


class _Refusal(Exception):
    def __init__(self, answer: bytes):
        super().__init__()
        self.answer = answer


def read_head(head: bytes, limits: Limits) -> _Head:
    """The body length a request head announces; raises _Refusal with the answer to send."""
    lines = head[:-4].split(b"\r\n")
    if len(lines) - 1 > limits.max_headers:
        raise _Refusal(simple_answer(431, "Request Header Fields Too Large",
                                     f"more than {limits.max_headers} header lines"))
    lengths, chunked, expect = set(), False, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip()
        if name == b"content-length":
            lengths.add(value)
        elif name == b"transfer-encoding":
            chunked = True
        elif name == b"expect":
            expect = value.lower() == b"100-continue"
    if chunked:
        raise _Refusal(simple_answer(411, "Length Required", "send the body with a Content-Length (chunked bodies are not accepted)"))
    if len(lengths) > 1:
        raise _Refusal(simple_answer(400, "Bad Request", "conflicting Content-Length headers"))
    if not lengths and lines[0].split(b" ", 1)[0] in (b"POST", b"PUT", b"PATCH"):
        raise _Refusal(simple_answer(411, "Length Required", "a Content-Length header is required"))
    raw = lengths.pop() if lengths else b"0"
    if not raw.isdigit() or len(raw) > 18:
        raise _Refusal(simple_answer(400, "Bad Request", f"invalid Content-Length: {raw.decode('latin-1')!r}"))
    length = int(raw)
    if length > limits.max_bytes:
        raise _Refusal(simple_answer(413, "Content Too Large",
                                     f"the request body is {length} bytes, over this server's limit of {limits.max_bytes} (newslint serve --max-bytes)"))
    return _Head(length, expect)


class Transport:
    """Serves `handler` on a listening socket until stop() is called (from any thread)."""

    def __init__(self, sock: socket.socket, handler: Handler, limits: Limits):
        self.sock = sock
        self.handler = handler
        self.limits = limits
        self.pool = ThreadPoolExecutor(max_workers=limits.workers, thread_name_prefix="newslint-check")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stopped = threading.Event()
        self._stop_asked = False  # stop() may come before the loop runs
        self._buffered = 0  # body bytes held now
        self.open_connections = 0

    def run(self) -> None:
        """Serve on the calling thread until stop()."""
        self._stopped.clear()
        try:
            asyncio.run(self._main())
        finally:
            self._stopped.set()

    def stop(self) -> None:
        self._stop_asked = True
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(stop.set)
            self._stopped.wait(timeout=10)

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.sock.close()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        slots = asyncio.Semaphore(self.limits.max_connections)
        server = await asyncio.start_server(
            lambda reader, writer: self._connection(reader, writer, slots),
            sock=self.sock, backlog=self.limits.backlog, limit=self.limits.max_head_bytes,
        )
        try:
            if not self._stop_asked:
                await self._stop.wait()
        finally:
            server.close()
            # Connections still open are dropped with the loop; a stopping server answers no more.
            self._loop = None

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, slots: asyncio.Semaphore) -> None:
        peer = writer.get_extra_info("peername") or ("?", 0)
        try:
            try:
                await asyncio.wait_for(slots.acquire(), self.limits.slot_wait)
            except asyncio.TimeoutError:
                await self._write(writer, simple_answer(503, "Service Unavailable", "the server is busy: try again", extra="Retry-After: 1\r\n"))
                return
            self.open_connections += 1
            try:
                await self._serve(reader, writer, peer)
            finally:
                self.open_connections -= 1
                slots.release()
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            pass  # the client went away: nothing to say, nobody to say it to
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, peer: tuple) -> None:
        limits = self.limits
        while True:
            try:
                # The first byte may be long in coming (an idle keep-alive connection); once it
                # has come, the whole head must follow within the deadline.
                first = await asyncio.wait_for(reader.readexactly(1), limits.head_timeout)
            except (asyncio.IncompleteReadError, asyncio.TimeoutError):
                return  # closed or idle: the usual end of a keep-alive connection
            try:
                head = first + await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), limits.head_timeout)
            except asyncio.IncompleteReadError:
                await self._write(writer, simple_answer(400, "Bad Request", "the request ended before its headers did"))
                return
            except asyncio.LimitOverrunError:
                await self._write(writer, simple_answer(431, "Request Header Fields Too Large",
                                                        f"the request line and headers are over {limits.max_head_bytes} bytes"))
                return
            except asyncio.TimeoutError:
                await self._write(writer, simple_answer(408, "Request Timeout", f"the request headers took over {limits.head_timeout:g} s"))
                return
            try:
                parsed = read_head(head, limits)
            except _Refusal as refusal:
                await self._write(writer, refusal.answer)
                return
            if parsed.length + self._buffered > limits.max_buffered:
                await self._write(writer, simple_answer(503, "Service Unavailable", "the server is busy: try again", extra="Retry-After: 1\r\n"))
                return
            self._buffered += parsed.length
            try:
                if parsed.expect_continue and parsed.length:
                    await self._write(writer, b"HTTP/1.1 100 Continue\r\n\r\n")
                try:
                    body = await asyncio.wait_for(reader.readexactly(parsed.length), limits.body_timeout)
                except asyncio.IncompleteReadError as exc:
                    await self._write(writer, simple_answer(
                        400, "Bad Request", f"the request body is shorter than its Content-Length ({len(exc.partial)} of {parsed.length} bytes)"))
                    return
                except asyncio.TimeoutError:
                    await self._write(writer, simple_answer(408, "Request Timeout", f"the request body took over {limits.body_timeout:g} s"))
                    return
                answer, close = await asyncio.get_running_loop().run_in_executor(self.pool, self.handler, head + body, peer)
                del body
            finally:
                self._buffered -= parsed.length
            await self._write(writer, answer)
            if close:
                return

    async def _write(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        writer.write(data)
        try:
            await asyncio.wait_for(writer.drain(), self.limits.write_timeout)
        except asyncio.TimeoutError:
            writer.transport.abort()
            raise ConnectionError("the client does not read its answer") from None
