"""ASGI middleware: request ids, access logs and metrics, and request body limits."""

from __future__ import annotations

import json
import re
import time
import uuid

import structlog
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rehearse.observability import metrics
from rehearse.observability.context import reset_request_id, set_request_id
from rehearse.web.errors import error_body

_log = structlog.get_logger("rehearse.http")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
MIB = 1024 * 1024
_MULTIPART_FRAMING = MIB  # boundaries and part headers around the file itself


async def _send_json(send: Send, status: int, body: dict[str, object]) -> None:
    payload = json.dumps(body).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class RequestContextMiddleware:
    """Gives each request an id (X-Request-ID), logs it once, counts it, and turns any
    unexpected exception into the standard 500 body instead of a bare traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = set_request_id(request_id)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        status: int | None = None  # set once the response has started
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            _log.exception("http.unhandled_error", path=scope["path"])
            if status is None:
                await _send_json(
                    send_with_id,
                    500,
                    error_body(
                        "internal",
                        "Something went wrong on our side. The error was logged with request id "
                        f"{request_id}; nothing you had saved was lost.",
                    ),
                )
        finally:
            elapsed = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", "unmatched")
            status = status or 500
            metrics.HTTP_REQUESTS.labels(route=route, method=scope["method"], status=status).inc()
            metrics.HTTP_SECONDS.labels(route=route, method=scope["method"]).observe(elapsed)
            _log.info(
                "http.request",
                method=scope["method"],
                path=scope["path"],
                route=route,
                status=status,
                duration_ms=round(elapsed * 1000, 1),
            )
            structlog.contextvars.unbind_contextvars("request_id")
            reset_request_id(token)


def _size(limit: int) -> str:
    return f"{limit / MIB:.0f} MB" if limit >= MIB else f"{limit // 1024} KB"


class BodyTooLarge(HTTPException):
    """Raised inside ``receive`` to abandon a body past the limit. An HTTPException, so
    FastAPI passes it through its body parsing instead of calling it a parse error."""

    code = "payload_too_large"

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than the limit of {_size(limit)}.")


class BodyLimitMiddleware:
    """Refuses bodies over a limit while they stream in: file uploads get ``upload_limit``
    (plus room for the multipart framing), everything else ``other_limit``. Nothing past
    the limit is read or stored."""

    def __init__(self, app: ASGIApp, *, upload_limit: int, other_limit: int) -> None:
        self.app = app
        self.upload_limit = upload_limit
        self.other_limit = other_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        is_upload = headers.get(b"content-type", b"").startswith(b"multipart/form-data")
        limit = self.upload_limit if is_upload else self.other_limit
        allowed = limit + _MULTIPART_FRAMING if is_upload else limit
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > allowed:
            await self._refuse(send, limit)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > allowed:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send, limit)

    async def _refuse(self, send: Send, limit: int) -> None:
        refusal = BodyTooLarge(limit)
        await _send_json(send, 413, error_body(refusal.code, refusal.detail))
