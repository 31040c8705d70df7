"""The mailer interface and the two mailers: an outbox folder and SMTP."""

from __future__ import annotations

import os
import smtplib
import tempfile
import time
import uuid
from abc import ABC, abstractmethod
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

import structlog

from rehearse.errors import ServiceUnavailable

if TYPE_CHECKING:
    from rehearse.config import Settings

_log = structlog.get_logger(__name__)


class Mailer(ABC):
    @abstractmethod
    def send(self, message: EmailMessage) -> None:
        """Deliver ``message`` or raise; the mail job retries on failure."""


class OutboxMailer(Mailer):
    """Writes each message as an .eml file (and logs it), for laptops with no mail server."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # Named by time first, so the folder lists the mail in the order it was sent.
        name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.eml"
        with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".tmp", delete=False) as handle:
            handle.write(message.as_bytes())
        os.replace(handle.name, self.folder / name)
        _log.info("mail.written", to=message["To"], subject=message["Subject"], file=name)


class SmtpMailer(Mailer):
    def __init__(
        self,
        host: str,
        port: int,
        *,
        username: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = 30.0,
    ) -> None:
        self.host, self.port = host, port
        self.username, self.password = username, password
        self.starttls, self.timeout = starttls, timeout

    def send(self, message: EmailMessage) -> None:
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.username and self.password:
                    smtp.login(self.username, self.password)
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise ServiceUnavailable(
                f"The mail server {self.host}:{self.port} did not accept the message: {exc}"
            ) from exc
        _log.info("mail.sent", to=message["To"], subject=message["Subject"])


def make_mailer(settings: Settings) -> Mailer:
    if settings.smtp_host:
        return SmtpMailer(
            settings.smtp_host,
            settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            starttls=settings.smtp_starttls,
            timeout=settings.smtp_timeout_seconds,
        )
    return OutboxMailer(settings.outbox_dir)
