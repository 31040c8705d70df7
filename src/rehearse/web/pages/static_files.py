"""The pages' CSS, scripts and icons, served from the package with revalidation on every use."""

from __future__ import annotations

from starlette.staticfiles import StaticFiles
from starlette.types import Message, Receive, Scope, Send


class StaticAssets(StaticFiles):
    """``StaticFiles`` that asks browsers to revalidate (ETag) rather than guess a lifetime,
    so a new version's modules are never mixed with an old one's."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_cache_control(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"cache-control", b"no-cache"))
                headers.append((b"x-content-type-options", b"nosniff"))
                message["headers"] = headers
            await send(message)

        await super().__call__(scope, receive, send_with_cache_control)
