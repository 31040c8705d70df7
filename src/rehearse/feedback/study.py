"""The study plan: for each weak topic, the reference notes to read and questions to practise."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rehearse.feedback.report import StudyItem
from rehearse.interviewer.bank.schema import Bank
from rehearse.interviewer.retrieval.retriever import Retriever

WEAK_BELOW = 60.0  # a content score under this makes the topic worth studying
NOTES = 2
PRACTICE = 2


@dataclass(frozen=True)
class TopicResult:
    topic: str
    question: str
    difficulty: int
    content: float | None  # None: skipped or not answered


def study_plan(
    results: Sequence[TopicResult], retriever: Retriever, bank: Bank, asked: Iterable[str]
) -> list[StudyItem]:
    """Weakest topics first, each with notes nearest the question and fresh bank questions."""
    taken = set(asked)
    weakest: dict[str, TopicResult] = {}
    for result in results:
        score = result.content if result.content is not None else 0.0
        if score >= WEAK_BELOW or not result.topic:
            continue
        known = weakest.get(result.topic)
        if known is None or score < (known.content or 0.0):
            weakest[result.topic] = result
    plan = []
    for topic, result in sorted(weakest.items(), key=lambda pair: pair[1].content or 0.0):
        found = retriever.notes_for(result.question, topic=topic, k=NOTES)
        fresh = [
            q for t in bank.topics if t.topic == topic for q in t.questions if q.id not in taken
        ]
        fresh.sort(key=lambda q: (abs(q.difficulty - result.difficulty), q.id))
        why = (
            "skipped or not answered"
            if result.content is None
            else f"content {result.content:.0f}/100 on '{result.question[:70]}'"
        )
        plan.append(
            StudyItem(
                topic=topic,
                why=why,
                notes=tuple(f"{item.note.title} ({item.note.source})" for item in found),
                practice=tuple(q.text for q in fresh[:PRACTICE]),
            )
        )
    return plan
