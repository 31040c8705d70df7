"""A question's conversation as the report shows it: the question and its answer, then each
follow-up or clarification the interviewer asked, with its reason, and the reply to it.

The answers to a question are stored in the order given; the interviewer's turn after each
(``interviews/turns.py``) is stored with it as its "turn" analysis, so the follow-up a reply
answered is the turn of the answer before it. ``scored_on`` says which replies each score
read, from the same choices the report builder made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from rehearse.feedback.measures import Score
from rehearse.feedback.report import Exchange, InterviewerTurn, Reply, ScoreBasis
from rehearse.feedback.segments import clock
from rehearse.interviews import repository
from rehearse.interviews.models import Answer, Question
from rehearse.interviews.turns import TURN
from rehearse.reports.recording import moment_notes, timed_words, timeline

ASKING = ("follow_up", "clarify")  # turns that ask the candidate for more on the same question
# measured on a recording's speech analysis
SPOKEN_SCORES = ("fluency", "delivery", "vocal confidence")
FILMED_SCORES = ("presence",)  # measured on a recording's video analysis


@dataclass(frozen=True)
class StoredReply:
    """One stored answer to the question, with the analyses the report reads."""

    number: int  # its place among the question's answers, from 1
    answer: Answer
    speech: Mapping[str, Any] | None  # its speech analysis, when it succeeded
    video: Mapping[str, Any] | None  # its video analysis, when it succeeded
    coding: Mapping[str, Any] | None  # its hidden tests' results, when graded
    turn: Mapping[str, Any] | None  # the interviewer's turn after it, once decided

    @property
    def said(self) -> str:
        """The typed text, or the transcript ("" while it is being transcribed)."""
        return (self.answer.text or self.answer.transcript).strip()


def stored_replies(db: Session, answers: Sequence[Answer]) -> list[StoredReply]:
    """``answers`` (one question's, oldest first) with their stored analyses."""
    found: dict[tuple[Any, str], Mapping[str, Any]] = {
        (row.answer_id, row.kind): row.data
        for row in repository.analyses_of(db, [a.id for a in answers])
    }

    def succeeded(answer: Answer, kind: str) -> Mapping[str, Any] | None:
        data = found.get((answer.id, kind))
        return data if data is not None and data.get("status") == "ok" else None

    return [
        StoredReply(
            number,
            answer,
            speech=succeeded(answer, "speech"),
            video=succeeded(answer, "video"),
            coding=found.get((answer.id, "coding")),
            turn=found.get((answer.id, TURN)),
        )
        for number, answer in enumerate(answers, start=1)
    ]


def thread_of(
    question: Question, replies: Sequence[StoredReply]
) -> tuple[tuple[Exchange, ...], InterviewerTurn | None]:
    """The question's exchanges, and how the interviewer moved on after the last reply.

    A reply answers the follow-up or clarification decided after the reply before it; one
    given without a turn in between (a retry after a failed recording) answers the same prompt
    again. A question or follow-up that was never answered ends the thread with no reply.
    """
    asked = InterviewerTurn("question", question.text, question.reason)
    exchanges: list[Exchange] = []
    closing: InterviewerTurn | None = None
    for stored in replies:
        exchanges.append(Exchange(asked, reply_of(stored)))
        turn, closing = _turn(stored.turn), None
        if turn is not None and turn.move in ASKING:
            asked = turn
        elif turn is not None:
            closing = turn
    if not exchanges or asked is not exchanges[-1].asked:
        exchanges.append(Exchange(asked, None))  # asked, not answered
    return tuple(exchanges), closing


def reply_of(stored: StoredReply) -> Reply:
    answer, speech, video = stored.answer, stored.speech, stored.video
    duration = answer.duration_seconds
    if duration is None and video is not None:
        duration = video.get("duration_seconds")
    if speech is not None:
        warnings = tuple(speech.get("warnings") or [])
    else:
        warnings = (answer.error,) if answer.error else ()
    return Reply(
        number=stored.number,
        answer_id=str(answer.id),
        status=answer.status.value,
        text=stored.said,
        recorded=answer.media_blob_id is not None,
        duration_seconds=duration,
        words=timed_words(speech) if speech else (),
        timeline=timeline(speech, video),
        moments=moment_notes(speech, video),
        warnings=warnings,
    )


def scored_on(
    scores: Sequence[Score],
    replies: Sequence[StoredReply],
    *,
    spoken: StoredReply | None,
    filmed: StoredReply | None,
    graded: StoredReply | None = None,
) -> tuple[ScoreBasis, ...]:
    """Which replies each of ``scores`` rests on: the content scores on every reply with
    words (a coding answer's on the code ``graded``), delivery and vocal confidence on the
    recording ``spoken``, presence on the video ``filmed``."""
    bases = []
    for score in scores:
        if score.value is None:
            continue
        if score.name in SPOKEN_SCORES and spoken is not None:
            bases.append(_recording_basis(score.name, spoken, replies, "recording"))
        elif score.name in FILMED_SCORES and filmed is not None:
            bases.append(_recording_basis(score.name, filmed, replies, "video"))
        elif graded is not None:
            bases.append(
                ScoreBasis(
                    score.name,
                    (graded.number,),
                    _words(graded.said),
                    f"graded on {_which(graded, replies)} code by its hidden tests",
                )
            )
        else:
            bases.append(_text_basis(score.name, replies))
    return tuple(bases)


def _text_basis(name: str, replies: Sequence[StoredReply]) -> ScoreBasis:
    said = [r for r in replies if r.said]
    words = sum(_words(r.said) for r in said)
    numbers = tuple(r.number for r in said)
    if len(replies) == 1:
        where = "the answer"
    elif len(said) == len(replies):
        where = "both replies" if len(said) == 2 else f"all {len(said)} replies"
    elif len(said) == 1:
        where = f"reply {said[0].number} alone"
    else:
        where = f"replies {_listing(numbers)}"
    return ScoreBasis(name, numbers, words, f"scored on {where}, {words} words")


def _recording_basis(
    name: str, measured: StoredReply, replies: Sequence[StoredReply], what: str
) -> ScoreBasis:
    words = _words(measured.said) if what == "recording" else 0
    length = measured.answer.duration_seconds
    details = [f"{words} words"] if what == "recording" else []
    if length is not None:
        details.append(clock(length))
    summary = f"measured on {_which(measured, replies)} {what}"
    if details:
        summary += f" ({', '.join(details)})"
    others = [r.number for r in replies if r is not measured and r.answer.media_blob_id]
    if len(others) == 1:
        summary += f"; the recording of reply {others[0]} is not part of it"
    elif others:
        summary += f"; the recordings of replies {_listing(others)} are not part of it"
    return ScoreBasis(name, (measured.number,), words, summary)


def _which(stored: StoredReply, replies: Sequence[StoredReply]) -> str:
    """ "the" when the question has one reply, else "reply 2's"."""
    return "the" if len(replies) == 1 else f"reply {stored.number}'s"


def _listing(numbers: Sequence[int]) -> str:
    """ "1, 2 and 4"."""
    shown = [str(n) for n in numbers]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _words(text: str) -> int:
    return len(text.split())


def _turn(data: Mapping[str, Any] | None) -> InterviewerTurn | None:
    if data is None:
        return None
    decided = data.get("decided_on")
    return InterviewerTurn(
        str(data.get("move", "")),
        str(data.get("say", "")),
        str(data.get("reason", "")),
        str(decided) if decided else None,
    )
