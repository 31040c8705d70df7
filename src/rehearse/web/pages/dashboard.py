"""What the session dashboard shows: the report, and for each question its conversation:
the question and each follow-up, with every reply's own recording, timeline and transcript,
laid out with the report's own SVG chart geometry."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.feedback.report import AnswerReport, InterviewerTurn, Reply, Report
from rehearse.interviews.models import Answer, AnswerStatus, InterviewSession, Question
from rehearse.reports.judging import PENDING as JUDGING
from rehearse.reports.render.html import charts
from rehearse.reports.render.svg import SvgChart
from rehearse.reports.render.text import Said, conversation
from rehearse.reports.render.timeline import pace_chart, pitch_chart


def is_pending(answer: Answer) -> bool:
    """Whether a job is still analysing (or grading) the answer; typed answers have none."""
    return answer.analysis_job_id is not None and answer.status.analysing


_ANALYSING = frozenset(status.value for status in AnswerStatus if status.analysing)


def was_analysing(reply: Reply) -> bool:
    """Whether the report was built while the reply's recording was still being analysed: an
    analysis that ends while the page is built leaves the report without its words and the
    answers read after it finished, so the page must still wait for it and reload."""
    return reply.recorded and reply.status in _ANALYSING


@dataclass(frozen=True)
class Word:
    """A transcript token with the moment it was said (a long pause has ``pause`` seconds)."""

    text: str
    start: float
    filler: bool = False
    pause: float = 0.0
    repeated: bool = False  # said again at once, or a cut-off word started again


@dataclass(frozen=True)
class ReplyView:
    """One reply with its own recording, charts and transcript."""

    reply: Reply
    recording: Answer | None  # the stored answer whose recording the player loads
    audio_only: bool  # the recording is sound alone (a video's picture is found by the page)
    charts: tuple[SvgChart, ...]
    seconds: float  # the length of the charts' time axis
    words: tuple[Word, ...]
    pending: bool  # its recording is still being analysed


@dataclass(frozen=True)
class ExchangeView:
    asked: InterviewerTurn
    reply: ReplyView | None  # None: not answered

    @property
    def pending(self) -> bool:
        """Its reply's recording is still being analysed."""
        return self.reply is not None and self.reply.pending


@dataclass(frozen=True)
class AnswerView:
    report: AnswerReport
    question_id: uuid.UUID | None
    exchanges: tuple[ExchangeView, ...]
    pending: bool  # an answer to this question is still being analysed

    @property
    def conversation(self) -> bool:
        """Whether the interviewer asked more than the question (a follow-up or clarification)."""
        return len(self.exchanges) > 1


@dataclass(frozen=True)
class DashboardView:
    interview: InterviewSession
    report: Report
    answers: tuple[AnswerView, ...]
    pending: int  # answers still being analysed
    judging: int = 0  # answers and practice attempts whose content the judge has still to judge
    judging_note: str = JUDGING  # the warning such an answer carries until it is judged

    @property
    def answered(self) -> int:
        return sum(1 for a in self.report.answers if a.answered)


def timed_words(said: Said) -> tuple[Word, ...]:
    words: list[Word] = []
    for word in said.words:
        if word.pause_before > 0:
            words.append(
                Word(
                    f"{word.pause_before:.1f} s",
                    word.start - word.pause_before,
                    False,
                    word.pause_before,
                )
            )
        if word.text.strip():
            words.append(Word(word.text.strip(), word.start, word.filler, repeated=word.repeated))
    return tuple(words)


def reply_view(reply: Reply, stored: Answer | None) -> ReplyView:
    chart = pace_chart(reply) or pitch_chart(reply)
    media = stored.media if stored is not None else None
    return ReplyView(
        reply=reply,
        recording=stored if media is not None else None,
        audio_only=media is not None and media.content_type.startswith("audio/"),
        charts=tuple(charts(reply)),
        seconds=chart.time.high if chart else reply.duration_seconds or 0.0,
        words=timed_words(reply),
        pending=(stored is not None and is_pending(stored)) or was_analysing(reply),
    )


def answer_view(
    answer: AnswerReport, question: Question | None, thread: Sequence[Answer]
) -> AnswerView:
    stored = {str(a.id): a for a in thread}
    exchanges = tuple(
        ExchangeView(
            exchange.asked,
            reply_view(exchange.reply, stored.get(exchange.reply.answer_id))
            if exchange.reply
            else None,
        )
        for exchange in conversation(answer)
    )
    return AnswerView(
        report=answer,
        question_id=question.id if question else None,
        exchanges=exchanges,
        pending=any(is_pending(a) for a in thread) or any(e.pending for e in exchanges),
    )


def dashboard_view(
    interview: InterviewSession,
    report: Report,
    questions: Sequence[Question],
    answers: Sequence[Answer],
) -> DashboardView:
    by_position = {q.position: q for q in questions}
    views = []
    for item in report.answers:
        question = by_position.get(item.position)
        thread = [
            a
            for a in answers
            if question is not None and a.question_id == question.id and not a.practice
        ]
        views.append(answer_view(item, question, thread))
    waiting = {str(a.id) for a in answers if is_pending(a)} | {
        e.reply.reply.answer_id for view in views for e in view.exchanges if e.pending and e.reply
    }
    return DashboardView(
        interview=interview,
        report=report,
        answers=tuple(views),
        pending=len(waiting),
        judging=sum(1 for a in report.answers if JUDGING in a.warnings)
        + sum(1 for p in report.practice for a in p.attempts if a.note == JUDGING),
    )
