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
class Sent:
    status: int  # 599 when the connection failed
    seconds: float
    retry_after: bool
    request_id: str
    dropped: str = ""


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


async def send(base: str, request: bytes, request_id: str, start: asyncio.Event) -> Sent:
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
        return Sent(599, time.perf_counter() - began, False, request_id, repr(exc))
    seconds = time.perf_counter() - began
    if not response:
        return Sent(599, seconds, False, request_id, "closed without a response")
    status, retry = status_and_retry(response)
    return Sent(status, seconds, retry, request_id)


async def burst(base: str, requests: int, tokens: list[str]) -> list[tuple[str, Sent]]:
    """``requests`` calls at one moment, half ``GET /api/sessions`` and half ``POST
    /api/sessions``, by ``tokens``' users in turn: each call's route and what it got."""
    host = urlsplit(base).netloc
    start = asyncio.Event()
    calls = []
    for index in range(requests):
        request_id = uuid.uuid4().hex
        token = tokens[index % len(tokens)]
        if index % 2:
            route, message = (
                "GET",
                http_request(host, "GET", "/api/sessions", token=token, request_id=request_id),
            )
        else:
            body = {"title": f"Burst {index}"}
            route = "POST"
            message = http_request(
                host, "POST", "/api/sessions", token=token, request_id=request_id, body=body
            )
        sent = asyncio.create_task(send(base, message, request_id, start))
        calls.append((f"burst {route} /api/sessions", sent))
    await asyncio.sleep(0.1)  # every task is waiting at the start line
    start.set()
    return [(route, await sent) for route, sent in calls]
