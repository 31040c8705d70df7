"""One filler count everywhere: the live meter, the report, the practice comparison and the PDF
show what the analysis counted, the fillers the words show and those only heard in the sound,
on real disfluent speech (FluencyBank) through the real analysis and the real store."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from rehearse.analysis.audio import SAMPLE_RATE
from rehearse.analysis.speech.live import LiveSpeechMeter
from rehearse.analysis.speech.pipeline import PreHeard
from rehearse.feedback.report import AnswerReport, Report
from rehearse.interviews.models import Answer, InterviewSession
from rehearse.interviews.tasks import keep_speech
from rehearse.reports.builder import build_report
from rehearse.reports.render.pdf import render_pdf
from rehearse.reports.render.text import transcript
from rehearse.runtime import Runtime
from tests.support.fluencybank import filled_pauses_said
from tests.support.store import answered_question

QUESTION = "Tell me about a time you had to learn something quickly."


def _fillers_shown(answer: AnswerReport) -> float | None:
    """The fillers per 100 words the answer's delivery score shows."""
    return next(
        m.value for score in answer.scores for m in score.measurements if m.name == "fillers"
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the count, not the store
def test_the_live_meter_report_comparison_and_pdf_count_the_same_fillers(
    runtime: Runtime,
) -> None:
    recording = filled_pauses_said()
    analyzer = runtime.speech_analyzer
    heard = analyzer.hear(recording)
    analysis = analyzer.measure(heard)
    assert analysis.fillers is not None
    assert heard.said.heard_fillers, "the recording's fillers are not all written"

    # The meter, once the answer's windows were heard ahead as it was recorded.
    meter = LiveSpeechMeter()
    seconds = len(recording) / SAMPLE_RATE
    meter.use_heard(PreHeard(heard.transcript.words, heard.transcript.sounds, seconds))
    step = SAMPLE_RATE
    live = [meter.feed(recording[i : i + step]) for i in range(0, len(recording), step)][-1]
    assert live.likely_fillers == analysis.fillers.count

    with runtime.database.transaction() as db:
        question, answer = answered_question(db, QUESTION, "")
        keep_speech(db, answer, analysis)
        attempt = Answer(
            question_id=question.id, session_id=question.session_id, text="", practice=True
        )
        db.add(attempt)
        db.flush()
        keep_speech(db, attempt, analysis)  # practised again, said the same way
        report: Report = build_report(
            db, runtime, db.get_one(InterviewSession, question.session_id)
        )

    (answered,) = report.answers
    per_100_words = analysis.fillers.per_100_words
    assert _fillers_shown(answered) == pytest.approx(per_100_words, abs=0.05)
    (practised,) = report.practice
    assert practised.attempts[0].delivery["fillers"] == pytest.approx(per_100_words)
    assert practised.compared is not None
    (moved,) = [m for m in practised.compared.delivery if m.name == "fillers"]
    assert (moved.first, moved.second) == pytest.approx((per_100_words, per_100_words))

    # Each filler is marked in the transcript where it was said, and the PDF prints it so.
    shown = [w for w in answered.words if w.filler]
    for filler in analysis.fillers.items:
        assert any(w.start <= filler.end and filler.start <= w.end for w in shown), filler
    said = " ".join(token.text for token in transcript(answered))
    assert len(re.findall(r"(?i)\bum\b", said)) == sum(
        1 for w in shown if re.fullmatch(r"(?i)um\W*", w.text)
    )
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(report))).pages]
    assert said in re.sub(r"\s+", " ", " ".join(pages))
