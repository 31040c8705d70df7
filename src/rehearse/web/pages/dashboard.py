"""What the session dashboard shows: the report, and for each answer the recording its
timeline was measured on, laid out with the report's own SVG chart geometry."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.feedback.report import AnswerReport, Report
from rehearse.interviews.models import Answer, AnswerStatus, InterviewSession, Question
from rehearse.reports.render.html import charts
from rehearse.reports.render.svg import SvgChart
from rehearse.reports.render.timeline import pace_chart, pitch_chart

PENDING = (AnswerStatus.RECEIVED, AnswerStatus.PROCESSING)


def is_pending(answer: Answer) -> bool:
    """Whether a job is still analysing (or grading) the answer; typed answers have none."""
    return answer.analysis_job_id is not None and answer.status in PENDING


@dataclass(frozen=True)
class Word:
    """A transcript token with the moment it was said (a long pause has ``pause`` seconds)."""

    text: str
    start: float
    filler: bool = False
    pause: float = 0.0


@dataclass(frozen=True)
class AnswerView:
    report: AnswerReport
    question_id: uuid.UUID | None
    recording: Answer | None  # the recording whose timeline is shown
    audio_only: bool  # the recording is sound alone (a video's picture is found by the page)
    charts: tuple[SvgChart, ...]
    seconds: float  # the length of the charts' time axis
    words: tuple[Word, ...]
    pending: bool  # an answer to this question is still being analysed


@dataclass(frozen=True)
class DashboardView:
    interview: InterviewSession
    report: Report
    answers: tuple[AnswerView, ...]
    pending: int  # answers still being analysed

    @property
    def answered(self) -> int:
        return sum(1 for a in self.report.answers if a.answered)


def recording_of(thread: Sequence[Answer]) -> Answer | None:
    """The first analysed recording of a question (the report's timeline comes from it)."""
    recorded = [a for a in thread if a.media is not None]
    analysed = [a for a in recorded if a.status is AnswerStatus.ANALYSED]
    return next(iter(analysed or recorded), None)


def timed_words(answer: AnswerReport) -> tuple[Word, ...]:
    words: list[Word] = []
    for word in answer.words:
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
            words.append(Word(word.text.strip(), word.start, word.filler))
    return tuple(words)


def answer_view(
    answer: AnswerReport, question: Question | None, thread: Sequence[Answer]
) -> AnswerView:
    chart = pace_chart(answer) or pitch_chart(answer)
    recording = recording_of(thread)
    return AnswerView(
        report=answer,
        question_id=question.id if question else None,
        recording=recording,
        audio_only=bool(
            recording and recording.media and recording.media.content_type.startswith("audio/")
        ),
        charts=tuple(charts(answer)),
        seconds=chart.time.high if chart else answer.duration_seconds or 0.0,
        words=timed_words(answer),
        pending=any(is_pending(a) for a in thread),
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
        thread = [a for a in answers if question is not None and a.question_id == question.id]
        views.append(answer_view(item, question, thread))
    return DashboardView(
        interview=interview,
        report=report,
        answers=tuple(views),
        pending=sum(1 for a in answers if is_pending(a)),
    )
