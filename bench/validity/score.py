"""One rated interview scored the way the product scores a transcribed session: every answer
evaluated and scored as ``feedback.answer.score_answer`` does, each competency averaged over
the answers (``feedback.overall.session_score``) and the overall weighted by
``feedback.overall``.

Evaluating (the sentence encoder) is the slow half and is done once per answer; scoring is
cheap and reads the product's rules when it runs, so the cross-validation can score the same
evaluations under other bands and weights.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from bench.validity.spoken import transcript_speech
from bench.validity.turns import Exchange
from rehearse.feedback.answer import scores_of
from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.evaluation import ContentEvaluation
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.fitted import with_agreement
from rehearse.feedback.judge.score import judged_content, judged_session_content
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.measures import Score
from rehearse.feedback.overall import gated_overall, overall_score, session_score
from rehearse.interviewer.retrieval.encoder import TextEncoder

COMPETENCIES = ("content", "structure", "fluency", "clarity", "delivery")


@dataclass(frozen=True)
class EvaluatedAnswer:
    evaluation: ContentEvaluation
    speech: Mapping[str, Any]  # what the transcript supports of a speech analysis
    text: str = ""  # the answer as transcribed


@dataclass(frozen=True)
class EvaluatedInterview:
    participant: str
    answers: tuple[EvaluatedAnswer, ...]


@dataclass(frozen=True)
class InterviewScores:
    participant: str
    overall: float | None
    content: float | None
    structure: float | None
    fluency: float | None
    clarity: float | None
    delivery: float | None
    fillers_per_100_words: float | None  # the session's filler measurement, as the report shows
    words: int
    judged_content: float | None = None  # the content judge's, when it judged the answers

    def to_json(self) -> dict[str, object]:
        """The benchmark's published record of the interview (issue 13's format)."""
        return {
            "participant": self.participant,
            "overall": self.overall,
            "content": self.content,
            "judged_content": self.judged_content,
            "structure": self.structure,
            "fluency": self.fluency,
            "clarity": self.clarity,
            "fillers_per_100_words": self.fillers_per_100_words,
            "words": self.words,
        }


def asked(question: str) -> AskedQuestion:
    """A rated interview's question as the product sees it: a behavioural question with no
    key points (the bank's behavioural questions judge no key points either); its wording
    decides its form (a story, a self-introduction, a pitch...)."""
    return AskedQuestion(question, "behavioural", "")


def evaluate_interview(
    participant: str, exchanges: Sequence[Exchange], encoder: TextEncoder
) -> EvaluatedInterview:
    return EvaluatedInterview(
        participant,
        tuple(
            EvaluatedAnswer(
                evaluate_answer(asked(exchange.question), exchange.answer, encoder),
                transcript_speech(exchange.answer),
                exchange.answer,
            )
            for exchange in exchanges
        ),
    )


def _measured(score: Score, name: str) -> float | None:
    return next((m.value for m in score.measurements if m.name == name), None)


def session_of(
    interview: EvaluatedInterview, judgements: Sequence[ContentJudgement] = ()
) -> dict[str, Score]:
    """Each competency over the interview's answers, under the product's rules as they are
    when called: each score says how far it agrees with people, and an answer's content is
    the judge's where ``judgements`` (one per answer) give one, as in a report
    (``reports.builder``)."""
    per_answer: dict[str, list[Score]] = {name: [] for name in COMPETENCIES}
    for answer, judgement in zip_longest(interview.answers, judgements):
        for score in scores_of(answer.evaluation, speech=answer.speech):
            if score.name in per_answer:
                per_answer[score.name].append(_as_reported(score, judgement))
    session = {name: session_score(name, answers) for name, answers in per_answer.items()}
    session = {name: with_agreement(score) for name, score in session.items()}
    forms = [j.form for j in judgements if j.score is not None]
    if forms:
        session["content"] = judged_session_content(session["content"], forms)
    return session


def _as_reported(score: Score, judgement: ContentJudgement | None) -> Score:
    """An answer's score as its report shows it: the judge's content where it judged one."""
    if score.name == "content" and judgement is not None and judgement.score is not None:
        return judged_content(judgement)
    return with_agreement(score)


def score_interview(
    interview: EvaluatedInterview, judgements: Sequence[ContentJudgement] = ()
) -> InterviewScores:
    """The session's scores under the product's rules as they are when called, the judge's
    content included where ``judgements`` are given; answers the judge found off topic count
    as 0 in the overall, as in a report."""
    session = session_of(interview, judgements)
    off_topic = sum(1 for j in judgements if j.on_topic is False)
    overall, _ = gated_overall(
        overall_score(list(session.values())), len(interview.answers), off_topic
    )
    return InterviewScores(
        participant=interview.participant,
        overall=overall,
        content=session["content"].value,
        structure=session["structure"].value,
        fluency=session["fluency"].value,
        clarity=session["clarity"].value,
        delivery=session["delivery"].value,
        fillers_per_100_words=_measured(session["delivery"], "fillers"),
        words=sum(len(answer.speech["words"]) for answer in interview.answers),
        judged_content=session["content"].value if judgements else None,
    )
