"""Mail goes out through a job, so it is retried and survives a restart."""

from __future__ import annotations

import uuid
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from rehearse.jobs.context import JobContext
from rehearse.jobs.models import Job
from rehearse.jobs.queue import JobQueue
from rehearse.jobs.registry import job_handler
from rehearse.jobs.service import enqueue

if TYPE_CHECKING:
    from rehearse.runtime import Runtime

SEND_MAIL = "mail.send"


def queue_mail(
    session: Session,
    queue: JobQueue,
    *,
    to: str,
    subject: str,
    text: str,
    sender: str,
    user_id: uuid.UUID | None = None,
) -> Job:
    """Send a plain-text e-mail once the caller's transaction commits."""
    return enqueue(
        session,
        queue,
        kind=SEND_MAIL,
        payload={"to": to, "subject": subject, "text": text, "from": sender},
        user_id=user_id,
    )


@job_handler(SEND_MAIL)
def send_mail(context: JobContext[Runtime]) -> dict[str, Any]:
    message = EmailMessage()
    message["From"] = context.payload["from"]
    message["To"] = context.payload["to"]
    message["Subject"] = context.payload["subject"]
    message["Message-ID"] = f"<{context.job_id}@rehearse>"
    message.set_content(context.payload["text"])
    context.progress(0.1, "sending", force=True)
    context.runtime.mailer.send(message)
    return {"to": context.payload["to"]}
