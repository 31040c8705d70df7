"""The live captions' transcript of a spoken answer, bound to that answer securely.

The socket that streams an answer's audio is opened for one question of the signed-in user's
own session; when the candidate presses Done the server keeps what it read as a
``LiveTranscript`` and gives the socket its id. The answer's turn then claims it with that
id: only the same user, only for an answer to the same question, only once. A client never
sends words, so no client can put a transcript on any answer, its own or another user's.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from rehearse.analysis.speech.words import Word
from rehearse.interviews.models import (
    AnalysisResult,
    Answer,
    InterviewSession,
    LiveTranscript,
    Question,
)
from rehearse.interviews.repository import analysis_of
from rehearse.store.base import utcnow

LIVE = "live"
_VERSION = "live-1"
# Unclaimed transcripts (an answer never sent, a page closed) are dropped after this.
UNCLAIMED_FOR = timedelta(hours=6)


def question_of_user(db: Session, user_id: uuid.UUID, question_id: uuid.UUID) -> Question | None:
    """The question, if it belongs to one of the user's own sessions."""
    return db.scalar(
        select(Question)
        .join(InterviewSession, Question.session_id == InterviewSession.id)
        .where(Question.id == question_id, InterviewSession.user_id == user_id)
    )


def keep(
    db: Session,
    user_id: uuid.UUID,
    question_id: uuid.UUID,
    words: Sequence[Word],
    *,
    heard_seconds: float,
    model: str,
) -> LiveTranscript:
    """Store what the captions read of an answer to ``question_id`` until it is claimed."""
    db.execute(
        delete(LiveTranscript).where(
            LiveTranscript.user_id == user_id,
            LiveTranscript.created_at < utcnow() - UNCLAIMED_FOR,
        )
    )
    kept = LiveTranscript(
        user_id=user_id,
        question_id=question_id,
        words=[asdict(word) for word in words],
        heard_seconds=heard_seconds,
        model=model,
    )
    db.add(kept)
    db.flush()
    return kept


def claimable(
    db: Session, user_id: uuid.UUID, answer: Answer, live_id: uuid.UUID
) -> LiveTranscript | None:
    """The live transcript ``live_id``, if it is the user's, for the answer's question, and
    the answer has none yet; nothing is written (``claim`` writes it)."""
    found = db.scalar(
        select(LiveTranscript).where(
            LiveTranscript.id == live_id,
            LiveTranscript.user_id == user_id,
            LiveTranscript.question_id == answer.question_id,
        )
    )
    if found is None or analysis_of(db, answer.id, LIVE) is not None:
        return None
    return found


def text_of(found: LiveTranscript) -> str:
    """What the captions read, as one text."""
    return "".join(str(word["text"]) for word in found.words).strip()


def claim(db: Session, answer: Answer, found: LiveTranscript) -> None:
    """Make the claimable live transcript ``found`` the answer's "live" analysis."""
    data = {
        "text": text_of(found),
        "words": found.words,
        "heard_seconds": found.heard_seconds,
        "model": found.model,
    }
    db.add(AnalysisResult(answer_id=answer.id, kind=LIVE, version=_VERSION, data=data))
    db.delete(found)
    db.flush()


def live_text(db: Session, answer_id: uuid.UUID) -> str:
    """What the live captions read of the answer ("" when it has no live transcript)."""
    stored = analysis_of(db, answer_id, LIVE)
    return str(stored.data.get("text", "")).strip() if stored is not None else ""
