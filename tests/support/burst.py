"""The burst: many requests arriving at the same moment, sent by a client that costs little.

A client built on httpx spends milliseconds of Python per request before a byte leaves
it; 500 of them in one process take seconds, and that wait was in the figures. Here each
request is one prebuilt HTTP/1.1 message on its own new connection (asyncio streams, no
keep-alive), so the requests leave within tens of milliseconds of each other, and each one is
timed from its connect to the last byte of its response, as a person's browser would see it.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Call:
    """One request as the client saw it (the burst's and the candidates' alike)."""

    route: str
    status: int  # 599 when the connection failed
    seconds: float  # from the connect (or the call) to the response's last byte
    retry_after: bool
    request_id: str
    dropped: str = ""  # the error, when the connection failed


def http_request(
    host: str, method: str, path: str, *, token: str, request_id: str, body: object = None
) -> bytes:
    """One HTTP/1.1 request with a bearer token and a request id; the server closes after."""
    payload = b"" if body is None else json.dumps(body).encode()
    head = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}",
        f"Authorization: Bearer {token}",
        f"X-Request-ID: {request_id}",
        "Connection: close",
        f"Content-Length: {len(payload)}",
    ]
    if body is not None:
        head.append("Content-Type: application/json")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload


def status_and_retry(response: bytes) -> tuple[int, bool]:
    """The status code of a raw HTTP response, and whether it says when to retry."""
    head = response.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    retry = any(line.lower().startswith("retry-after:") for line in head[1:])
    return status, retry


async def send(
    base: str, route: str, request: bytes, request_id: str, start: asyncio.Event
) -> Call:
    """Wait for ``start``, then connect, send ``request`` and read the whole response."""
    address = urlsplit(base)
    await start.wait()
    began = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection(address.hostname, address.port)
        writer.write(request)
        await writer.drain()
        response = await reader.read()  # to the end: the server closes the connection
        writer.close()
    except OSError as exc:
        return Call(route, 599, time.perf_counter() - began, False, request_id, repr(exc))
    seconds = time.perf_counter() - began
    if not response:
        return Call(route, 599, seconds, False, request_id, "closed without a response")
    status, retry = status_and_retry(response)
    return Call(route, status, seconds, retry, request_id)


async def burst(base: str, requests: int, tokens: list[str]) -> list[Call]:
    """``requests`` calls at one moment, half ``GET /api/sessions`` and half ``POST
    /api/sessions``, by ``tokens``' users in turn, and what each got."""
    host = urlsplit(base).netloc
    start = asyncio.Event()
    calls = []
    for index in range(requests):
        request_id = uuid.uuid4().hex
        token = tokens[index % len(tokens)]
        method, body = ("GET", None) if index % 2 else ("POST", {"title": f"Burst {index}"})
        message = http_request(
            host, method, "/api/sessions", token=token, request_id=request_id, body=body
        )
        route = f"burst {method} /api/sessions"
        calls.append(asyncio.create_task(send(base, route, message, request_id, start)))
    await asyncio.sleep(0.1)  # every task is waiting at the start line
    start.set()
    return [await call for call in calls]
