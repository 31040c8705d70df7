"""A real SMTP server (aiosmtpd) on a free local port that records what it is sent."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller

from tests.support.net import free_port


@dataclass
class RecordingHandler:
    """Keeps every delivered message. With ``hold_first``, the first delivery stops in the
    middle of DATA until ``release`` is set, then fails: a send interrupted mid-way."""

    hold_first: bool = False
    delivered: list[Message] = field(default_factory=list)
    receiving: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    _held: bool = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.receiving.set()
        if self.hold_first and not self._held:
            self._held = True
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 Interrupted before delivery"
        self.delivered.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(hold_first: bool = False) -> Iterator[tuple[int, RecordingHandler]]:
    handler = RecordingHandler(hold_first=hold_first)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, handler
    finally:
        handler.release.set()
        controller.stop()
