"""Mail through a real SMTP server (aiosmtpd on a local port)."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rehearse.errors import ServiceUnavailable
from rehearse.mail.base import OutboxMailer, SmtpMailer
from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.api import STRONG_PASSWORD
from tests.support.net import free_port
from tests.support.smtp import smtp_server
from tests.support.waiting import wait_until


def _message(to: str = "sam@example.com") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "rehearse@localhost"
    message["To"] = to
    message["Subject"] = "Hello"
    message.set_content("Body text")
    return message


def test_the_smtp_mailer_delivers_to_the_server() -> None:
    with smtp_server() as (port, mailbox):
        SmtpMailer("127.0.0.1", port).send(_message())
    assert [m["To"] for m in mailbox.delivered] == ["sam@example.com"]
    assert mailbox.delivered[0].get_payload(decode=True).rstrip() == b"Body text"  # type: ignore[union-attr]


def test_an_unreachable_server_is_reported_plainly() -> None:
    with pytest.raises(ServiceUnavailable, match="did not accept the message"):
        SmtpMailer("127.0.0.1", free_port(), timeout=2).send(_message())


def test_the_outbox_mailer_writes_a_readable_file(tmp_path: Path) -> None:
    OutboxMailer(tmp_path).send(_message())
    (written,) = tmp_path.glob("*.eml")
    assert b"Subject: Hello" in written.read_bytes()


def test_sign_up_mail_reaches_a_configured_smtp_server(tmp_path: Path, database_url: str) -> None:
    with smtp_server() as (port, mailbox):
        settings = make_settings(
            tmp_path / "data", database_url, smtp_host="127.0.0.1", smtp_port=port
        )
        with TestClient(create_app(settings)) as client:
            client.post(
                "/api/auth/signup", json={"email": "jo@example.com", "password": STRONG_PASSWORD}
            )
            wait_until(lambda: len(mailbox.delivered) == 1, "the confirmation e-mail")
    assert mailbox.delivered[0]["Subject"] == "Confirm your e-mail address for Rehearse"
    assert not settings.outbox_dir.exists()
