"""Build a session's report from what is stored: questions, answers, their analyses, notes.

Everything is recomputed from the stored transcripts and measurements, so a report always
reflects the latest analysis; the feedback library does the judging, this module only reads
the rows and hands them over. Practice attempts are left out of the interview's answers and
scores and shown apart, each question's attempts compared (``reports.practice``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy.orm import Session

from rehearse.analysis.bands import Band
from rehearse.assignments.models import Assignment
from rehearse.feedback.answer import score_answer
from rehearse.feedback.coaching import coach_reflection
from rehearse.feedback.content.evaluation import ContentEvaluation
from rehearse.feedback.content.question import AskedQuestion, QuestionKind
from rehearse.feedback.content.topic import is_off_topic
from rehearse.feedback.delivery import confidence_score, delivery_score
from rehearse.feedback.fitted import overall_agreement, with_agreement
from rehearse.feedback.fluency import fluency_score
from rehearse.feedback.judge.advice import judged_first
from rehearse.feedback.judge.score import judged_content, judged_session_content
from rehearse.feedback.measures import Rule, Score, shown, target_shown, weighted_score
from rehearse.feedback.overall import gated_overall, overall_score, session_score
from rehearse.feedback.presence import presence_score
from rehearse.feedback.recommendations import next_session_goals, recommend
from rehearse.feedback.report import AnswerReport, KeyPointCheck, Reflection, Report
from rehearse.feedback.study import TopicResult, study_plan
from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.coding.problems import passed_tests
from rehearse.interviewer.job import parse_job
from rehearse.interviews import repository
from rehearse.interviews.models import Answer, InterviewSession, Question
from rehearse.progress.repository import reflections_in
from rehearse.reports.coach import with_coach_reviews
from rehearse.reports.judging import content_verdict
from rehearse.reports.practice import question_practice
from rehearse.reports.recording import moment_notes, timed_words, timeline
from rehearse.reports.thread import scored_on, stored_replies, thread_of
from rehearse.runtime import Runtime

COMPETENCIES = (
    "content",
    "structure",
    "fluency",
    "clarity",
    "delivery",
    "vocal confidence",
    "presence",
)
TESTS_PASSED = Rule(
    "hidden tests passed",
    "share",
    "100 %",
    Band(1.0, 1.0, 0.0, 1.0),
    1.0,
    "A coding answer is correct when it passes the problem's hidden tests.",
    "Test the edge cases (empty input, duplicates, limits) before you submit.",
)
OFF_TOPIC = (
    "This answer did not address its question (it shares almost nothing with the question or "
    "with what interview answers talk about), so it counts as 0 in the overall score."
)
CAVEATS = (
    "Content scores come from the content judge (a small local language model, the key "
    "points' own terms and their similarity to your answer) or, while it has not judged, from "
    "sentence similarity alone: they measure which points you made, not whether all you said "
    "is true.",
    "Vocal confidence is an open estimate from pace, fillers, pauses, loudness and pitch; no "
    "emotion model is involved.",
    "Whisper drops some short fillers and repetitions, so those counts are lower bounds.",
)


def build_report(db: Session, runtime: Runtime, interview: InterviewSession) -> Report:
    job = parse_job(interview.job_description) if interview.job_description.strip() else None
    role_skills = job.required_skills if job else ()
    questions = sorted(interview.questions, key=lambda q: q.position)
    answers = [
        _answer_report(db, runtime, question, repository.answers_to(db, question.id), role_skills)
        for question in questions
    ]
    assignment = db.get(Assignment, interview.assignment_id) if interview.assignment_id else None
    answers = with_coach_reviews(db, interview, answers, assignment.rubric if assignment else [])
    by_answer = [(a.position, a.scores) for a in answers if a.answered]
    session = [
        session_score(name, [s for _, scores in by_answer for s in scores if s.name == name])
        for name in COMPETENCIES
    ]
    session = [with_agreement(score) for score in session if score.value is not None]
    judged = [a.judgement["form"] for a in answers if a.answered and a.judgement]
    if judged:
        session = [judged_session_content(s, judged) if s.name == "content" else s for s in session]
    answered = [a for a in answers if a.answered and a.kind != "coding"]
    overall, overall_note = gated_overall(
        overall_score(session), len(answered), sum(1 for a in answered if a.off_topic)
    )
    recommendations = judged_first(answers, session, recommend(session, by_answer))
    results = [
        TopicResult(q.topic, q.text, q.difficulty, _content(a))
        for q, a in zip(questions, answers, strict=True)
        if a.kind != "coding"
    ]
    asked = repository.bank_questions_asked(db, interview.user_id)
    return Report(
        session_id=str(interview.id),
        title=interview.title,
        role=interview.role or (job.title if job else ""),
        candidate=_candidate(interview),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        overall=overall,
        overall_note=overall_note,
        overall_agreement=overall_agreement() if overall is not None else "",
        scores=tuple(session),
        answers=tuple(answers),
        recommendations=tuple(recommendations),
        next_session=tuple(next_session_goals(session)),
        study_plan=tuple(study_plan(results, runtime.retriever, load_bank(), asked)),
        reflections=tuple(_reflections(db, interview, session)),
        caveats=CAVEATS,
        practice=tuple(
            practised
            for question in questions
            if (practised := question_practice(db, runtime, question)) is not None
        ),
    )


def _reflections(
    db: Session, interview: InterviewSession, session: Sequence[Score]
) -> Iterator[Reflection]:
    """The candidate's notes, each answered against the scores as they stand now (the stored
    response is brought up to date, since analyses may have finished after the note)."""
    for note in reflections_in(db, interview.id):
        note.coach_response = coach_reflection(note.text, session)
        yield Reflection(note.text, note.coach_response)


def _candidate(interview: InterviewSession) -> str:
    resume = (interview.plan or {}).get("resume") or {}
    return str(resume.get("name") or "")


def _content(answer: AnswerReport) -> float | None:
    return next((s.value for s in answer.scores if s.name == "content"), None)


def _answer_report(
    db: Session,
    runtime: Runtime,
    question: Question,
    answers: Sequence[Answer],
    role_skills: Sequence[str],
) -> AnswerReport:
    replies = stored_replies(db, answers)
    thread, closing = thread_of(question, replies)
    said = " ".join(r.said for r in replies if r.said)
    # Delivery and presence are measured on the first recording whose analysis succeeded
    # (follow-up replies add words, not delivery or presence); ``scored_on`` says so.
    spoken = next((r for r in replies if r.speech is not None), None)
    filmed = next((r for r in replies if r.video is not None), None)
    speech = spoken.speech if spoken else None
    video = filmed.video if filmed else None
    basics = (question.position, question.text, question.kind.value, question.topic)
    if not said:
        # Nothing said, but the camera may still have seen the candidate.
        on_camera = (presence_score(video),) if video else ()
        return AnswerReport(
            *basics,
            answered=False,
            text="",
            duration_seconds=video.get("duration_seconds") if video else None,
            overall=None,
            scores=on_camera,
            key_points=(),
            star={},
            moments=moment_notes(None, video),
            words=(),
            timeline=timeline(None, video),
            highlights=(),
            warnings=tuple(a.error for a in answers if a.error),
            video=_video_summary(video),
            thread=thread,
            closing=closing,
            scored_on=scored_on(on_camera, replies, spoken=None, filmed=filmed),
            question_id=str(question.id),
        )
    evaluation: ContentEvaluation | None = None
    graded = None
    if (problem_id := question.coding_problem) is not None:
        graded = next((r for r in reversed(replies) if r.coding is not None), None)
        scores: list[Score] = [_coding_score(problem_id, graded.coding if graded else None)]
        if speech is not None:
            scores += [fluency_score(speech), delivery_score(speech), confidence_score(speech)]
        if video is not None:
            scores.append(presence_score(video))
    else:
        asked = AskedQuestion(
            question.text,
            cast(QuestionKind, question.kind.value),
            question.topic,
            tuple(str(point) for point in question.key_points),
        )
        encoder = runtime.retriever.encoder
        evaluation, scores = score_answer(
            asked, said, encoder, speech=speech, video=video, role_skills=role_skills
        )
    scores = [with_agreement(score) for score in scores]
    verdict = None if graded is not None else content_verdict(db, runtime, question, answers)
    if verdict is not None and verdict.judgement is not None:
        judged = judged_content(verdict.judgement)
        scores = [judged if score.name == "content" else score for score in scores]
        off_topic = verdict.judgement.on_topic is False
        key_points = tuple(
            KeyPointCheck(p.point, p.status == "covered", p.quote, p.status)
            for p in verdict.judgement.points
        )
        star = {p.point: p.status != "missing" for p in verdict.judgement.star} or _star(evaluation)
    else:
        off_topic = evaluation is not None and is_off_topic(
            evaluation, said, runtime.retriever.encoder
        )
        key_points = _key_points(evaluation)
        star = _star(evaluation)
    measured = [score for score in scores if score.value is not None]
    return AnswerReport(
        *basics,
        answered=True,
        text=said,
        duration_seconds=speech.get("duration_seconds") if speech else None,
        overall=0.0 if off_topic else overall_score(measured),
        off_topic=off_topic,
        scores=tuple(scores),
        key_points=key_points,
        star=star,
        moments=moment_notes(speech, video),
        words=timed_words(speech) if speech else (),
        timeline=timeline(speech, video),
        video=_video_summary(video),
        highlights=_highlights(measured),
        warnings=((OFF_TOPIC,) if off_topic else ())
        + ((verdict.note,) if verdict is not None and verdict.note else ())
        + tuple((speech.get("warnings") or []) if speech else ()),
        content=evaluation.to_dict() if evaluation else None,
        judgement=verdict.judgement.to_dict() if verdict and verdict.judgement else None,
        thread=thread,
        closing=closing,
        scored_on=scored_on(scores, replies, spoken=spoken, filmed=filmed, graded=graded),
        question_id=str(question.id),
    )


def _video_summary(video: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What the report shows of a video analysis: the summaries, not the frames or episodes."""
    if video is None:
        return None
    parts = ("presence", "gaze", "head", "blinks", "expression", "posture", "warnings")
    summary = {part: video.get(part) for part in parts}
    if summary["blinks"]:
        summary["blinks"] = {k: v for k, v in summary["blinks"].items() if k != "items"}
    return summary


def _coding_score(problem_id: str, result: Mapping[str, Any] | None) -> Score:
    """The share of hidden tests the latest graded code passed."""
    share = None
    if result is not None:
        passed, total = passed_tests(problem_id, result)
        share = passed / total if total else 0.0
    return weighted_score(
        "content", [(TESTS_PASSED, share)], "Graded by the problem's hidden tests in a sandbox."
    )


def _key_points(evaluation: ContentEvaluation | None) -> tuple[KeyPointCheck, ...]:
    if evaluation is None or not evaluation.key_points.judged:
        return ()
    return tuple(
        KeyPointCheck(m.point, bool(m.found), m.sentence) for m in evaluation.key_points.points
    )


def _star(evaluation: ContentEvaluation | None) -> dict[str, bool]:
    """The parts of the answer's form: STAR for a story, present-past-future for a
    self-introduction, and so on (feedback/content/forms.py); empty for explanations."""
    if evaluation is None:
        return {}
    if not evaluation.star.applicable:
        return {part.name: part.present for part in evaluation.parts.parts}
    star = evaluation.star
    return {
        "situation": star.situation.present,
        "task": star.task.present,
        "action": star.action.present,
        "result": star.result.present,
    }


def _highlights(scores: Sequence[Score]) -> tuple[str, ...]:
    """What went well: the heaviest measurements that landed inside their band."""
    good = [
        (
            m.weight,
            f"{m.name.capitalize()}: {shown(m.value, m.unit)}, inside the target "
            f"({target_shown(m.target, m.unit)}).",
        )
        for score in scores
        for m in score.measurements
        if m.score == 1.0 and m.value is not None
    ]
    return tuple(text for _, text in sorted(good, key=lambda pair: -pair[0])[:3])
