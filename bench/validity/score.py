"""One rated interview scored the way the product scores a transcribed session: every answer
with ``feedback.answer.score_answer``, each competency averaged over the answers
(``feedback.overall.session_score``) and the overall weighted by ``feedback.overall``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.validity.spoken import transcript_speech
from bench.validity.turns import Exchange
from rehearse.feedback.answer import score_answer
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.measures import Score
from rehearse.feedback.overall import overall_score, session_score
from rehearse.interviewer.retrieval.encoder import TextEncoder

COMPETENCIES = ("content", "structure", "clarity", "delivery")


@dataclass(frozen=True)
class InterviewScores:
    participant: str
    overall: float | None
    content: float | None
    structure: float | None
    clarity: float | None
    delivery: float | None
    fillers_per_100_words: float | None
    words: int

    def to_json(self) -> dict[str, object]:
        """The benchmark's published record of the interview (issue 13's format)."""
        return {
            "participant": self.participant,
            "overall": self.overall,
            "content": self.content,
            "structure": self.structure,
            "clarity": self.clarity,
            "fillers_per_100_words": self.fillers_per_100_words,
            "words": self.words,
        }


def asked(question: str) -> AskedQuestion:
    """A rated interview's question as the product sees it: a behavioural question with no
    key points (the bank's questions of the same kind judge no key points either)."""
    return AskedQuestion(question, "behavioural", "")


def score_interview(
    participant: str, exchanges: Sequence[Exchange], encoder: TextEncoder
) -> InterviewScores:
    per_answer: dict[str, list[Score]] = {name: [] for name in COMPETENCIES}
    fillers = 0
    lexical = 0
    for exchange in exchanges:
        speech = transcript_speech(exchange.answer)
        _, scores = score_answer(asked(exchange.question), exchange.answer, encoder, speech=speech)
        for score in scores:
            if score.name in per_answer:
                per_answer[score.name].append(score)
        fillers += speech["fillers"]["count"]
        lexical += len(speech["words"])
    session = {name: session_score(name, answers) for name, answers in per_answer.items()}
    return InterviewScores(
        participant=participant,
        overall=overall_score(list(session.values())),
        content=session["content"].value,
        structure=session["structure"].value,
        clarity=session["clarity"].value,
        delivery=session["delivery"].value,
        fillers_per_100_words=round(100 * fillers / lexical, 2) if lexical else None,
        words=lexical,
    )
