"""The interviewer's reply to a stored answer: a follow-up, a clarification, or the next question.

An answer's turn is decided once, from everything said about its question so far (earlier
answers to the same question were replies to follow-ups), stored with the answer as its "turn"
analysis, and returned unchanged when asked again. When a question is finished its grade moves
the user's topic mastery, which the next plan reads to choose difficulties.

A recorded answer is judged on its full transcript once its analysis job is done; before
that, on what the live captions read while it was spoken (``live_transcripts.py``), so the
interviewer replies as soon as the candidate stops. The turn says which one it was decided
on ("live" or "full"); the full transcript replaces the live one in the feedback, and a turn
already taken is never rewritten.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

from sqlalchemy.orm import Session

from rehearse.errors import Conflict
from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.flow import Move, respond
from rehearse.interviewer.planned import PlannedQuestion
from rehearse.interviewer.rewriting import Rewriter
from rehearse.interviews import repository
from rehearse.interviews.live_transcripts import claim, claimable, live_text, text_of
from rehearse.interviews.models import (
    AnalysisResult,
    Answer,
    AnswerStatus,
    LiveTranscript,
    Question,
)
from rehearse.progress.repository import record_mastery

TURN = "turn"
_VERSION = "turn-1"
LIVE = "live"
FULL = "full"


@dataclass(frozen=True)
class Turn:
    move: str  # follow_up, clarify, next or end
    say: str  # what the interviewer says next
    reason: str
    next_question_id: uuid.UUID | None  # set when the move is "next"
    quality: float | None  # the rough 0..1 grade of everything said so far
    decided_on: str = FULL  # "live" (the live captions' words) or "full" (transcript, typed)
    rule: str = ""  # the interviewer's rule behind a follow-up or clarification (flow.py)


def planned(question: Question) -> PlannedQuestion:
    """A stored question as the interviewer library sees it (with the bank's follow-up hints)."""
    hints: tuple[str, ...] = ()
    if question.source.startswith("bank:"):
        bank_id = question.source.removeprefix("bank:")
        found = next((q for q in load_bank().questions if q.id == bank_id), None)
        hints = found.follow_ups if found else ()
    return PlannedQuestion(
        text=question.text,
        kind=question.kind.value,
        topic=question.topic,
        difficulty=question.difficulty,
        reason=question.reason,
        key_points=tuple(str(point) for point in question.key_points),
        follow_ups=hints,
        source=question.source,
    )


def spoken_or_typed(answer: Answer) -> str:
    """What the candidate said: the typed text, or the transcript once it exists."""
    if answer.media is not None and answer.status.analysing:
        raise Conflict("The recording is still being transcribed; ask again when its job is done.")
    if answer.status is AnswerStatus.FAILED and not answer.text.strip():
        raise Conflict(f"The recording could not be analysed: {answer.error}")
    return (answer.text or answer.transcript).strip()


def heard(db: Session, answer: Answer, claimed: LiveTranscript | None = None) -> tuple[str, str]:
    """What the candidate said, and from which words: "live" (what the live captions read,
    ``claimed`` for the answer or kept with it, while the recording is still being
    transcribed) or "full" (``spoken_or_typed``)."""
    transcribing = answer.status.analysing
    if answer.media is not None and transcribing and not answer.text.strip():
        live = text_of(claimed) if claimed is not None else live_text(db, answer.id)
        if live:
            return live, LIVE
    return spoken_or_typed(answer), FULL


def take_turn(
    db: Session,
    rewriter: Rewriter,
    user_id: uuid.UUID,
    answer: Answer,
    live_id: uuid.UUID | None = None,
) -> Turn:
    """The interviewer's reply to ``answer`` (decided once, then read back); ``live_id`` is
    the live transcript the candidate's socket kept for it, if any.

    Everything is read and decided before anything is written: on SQLite the first write
    takes the file's one write turn until the commit, and deciding can take seconds (the
    sentence encoder's first load, the language model's rewording)."""
    stored = repository.analysis_of(db, answer.id, TURN)
    if stored is not None:
        data = dict(stored.data)
        next_id = data.pop("next_question_id")
        return Turn(**data, next_question_id=uuid.UUID(next_id) if next_id else None)
    claimed = claimable(db, user_id, answer, live_id) if live_id is not None else None
    question = db.get_one(Question, answer.question_id)
    thread = [
        a
        for a in repository.answers_to(db, question.id)
        if a.created_at <= answer.created_at and (a.id == answer.id or not _lost(a))
    ]
    said_and_how = [heard(db, a, claimed if a.id == answer.id else None) for a in thread]
    said = [text for text, _source in said_and_how]
    if question.coding_problem is not None:
        turn = _move_on(db, question, "Coding answers are graded by their hidden tests.", None)
    else:
        turn = _judged(
            db, rewriter, question, said, _rules_asked(db, [a for a in thread if a.id != answer.id])
        )
    if any(source == LIVE for _text, source in said_and_how):
        turn = replace(turn, decided_on=LIVE)
    if claimed is not None:
        claim(db, answer, claimed)
    if turn.move in (Move.NEXT, Move.END) and turn.quality is not None:
        record_mastery(db, user_id, question.topic, question.difficulty, turn.quality)
    next_id = turn.next_question_id
    data = asdict(turn) | {"next_question_id": str(next_id) if next_id else None}
    db.add(AnalysisResult(answer_id=answer.id, kind=TURN, version=_VERSION, data=data))
    db.flush()
    return turn


def _lost(answer: Answer) -> bool:
    """An earlier attempt that left nothing to judge: its recording failed, nothing typed."""
    return answer.status is AnswerStatus.FAILED and not answer.text.strip()


def _rules_asked(db: Session, earlier: Sequence[Answer]) -> list[str]:
    """The rules of the follow-ups that ``earlier`` answers to a question drew."""
    turns = (repository.analysis_of(db, answer.id, TURN) for answer in earlier)
    return [str(turn.data.get("rule", "")) for turn in turns if turn is not None]


def _judged(
    db: Session,
    rewriter: Rewriter,
    question: Question,
    said: Sequence[str],
    asked: Sequence[str],
) -> Turn:
    """Judge everything ``said`` about ``question`` (the last item is the newest reply), never
    asking again what a rule in ``asked`` already asked."""
    reading, decision = respond(planned(question), said, rewriter, asked)
    if decision is None:
        return _move_on(db, question, "The answer covers what the question asks.", reading.quality)
    return Turn(
        decision.move.value,
        decision.say,
        decision.reason,
        None,
        reading.quality,
        rule=decision.rule,
    )


def _move_on(db: Session, question: Question, reason: str, quality: float | None) -> Turn:
    """On to the first later question of the session not answered yet, or the end."""
    following = repository.unanswered_after(db, question.session_id, question.position)
    if following is None:
        return Turn(Move.END.value, "", f"{reason} That was the last question.", None, quality)
    return Turn(Move.NEXT.value, following.text, reason, following.id, quality)
