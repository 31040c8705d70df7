"""The optional language-model rationale of an answer, asked once and kept.

The rationale is stored beside the answer's other analyses (kind ``judge``) with the model
and a hash of what it read, so a report asks the model again only when the answer or the
model changed. Without a configured model there is no rationale and no call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy.orm import Session

from rehearse.feedback.measures import Score
from rehearse.interviewer.llm import LLMProvider, OfflineProvider
from rehearse.interviews import repository
from rehearse.interviews.models import AnalysisResult, Answer, Question

JUDGE = "judge"
_VERSION = "judge-1"


def rationale_for(
    db: Session,
    llm: LLMProvider,
    *,
    question: Question,
    thread: Sequence[Answer],
    said: str,
    scores: Sequence[Score],
) -> str:
    """The model's reading of ``said`` as an answer to ``question``; "" without a model."""
    if isinstance(llm, OfflineProvider) or not thread:
        return ""
    evidence = "; ".join(f"{s.name} {s.value:.0f}/100" for s in scores if s.value is not None)
    model = f"{llm.name}:{llm.model}"
    read = hashlib.sha256(f"{model}\n{question.text}\n{said}\n{evidence}".encode()).hexdigest()
    stored = repository.analysis_of(db, thread[0].id, JUDGE)
    if stored is not None and stored.data.get("read") == read:
        return str(stored.data.get("rationale", ""))
    rationale = llm.judge(question.text, said, evidence)
    if not rationale:
        return ""
    if stored is None:
        stored = AnalysisResult(answer_id=thread[0].id, kind=JUDGE, version=_VERSION)
        db.add(stored)
    stored.data = {"read": read, "model": model, "rationale": rationale}
    db.flush()
    return rationale
