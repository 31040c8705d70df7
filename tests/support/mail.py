"""Reading what the outbox mailer wrote, as the user would read their e-mail."""

from __future__ import annotations

import re
from email import message_from_bytes
from email.message import Message
from pathlib import Path

from tests.support.waiting import wait_until


def mails_to(outbox: Path, address: str) -> list[Message]:
    if not outbox.exists():
        return []
    messages = [message_from_bytes(path.read_bytes()) for path in sorted(outbox.glob("*.eml"))]
    return [message for message in messages if message["To"] == address]


def wait_for_mail(outbox: Path, address: str, count: int = 1) -> Message:
    wait_until(lambda: len(mails_to(outbox, address)) >= count, f"mail to {address}")
    return mails_to(outbox, address)[count - 1]


def token_in(message: Message) -> str:
    """The code a confirmation or reset e-mail carries."""
    body = message.get_payload(decode=True)
    assert isinstance(body, bytes)
    match = re.search(r"POST /api/auth/[\w/-]+: (\S+)", body.decode())
    assert match, body
    return match.group(1)
