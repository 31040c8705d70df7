"""A generated report of one session: its data as JSON, its PDF rendering as a blob."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from rehearse.store.base import Base, IdMixin, utcnow


class Report(IdMixin, Base):
    __tablename__ = "reports"

    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("interview_sessions.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The few figures a class view reads of each attempt (``reports.summary``), so it never
    # loads the whole report.
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    pdf_blob_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("blobs.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
