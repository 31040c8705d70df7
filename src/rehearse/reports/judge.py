"""The optional language model's judgement of an answer (a rationale and a rating), asked
once and kept.

The judgement is stored beside the answer's other analyses (kind ``judge``) with the model
and a hash of what it read, so a report asks the model again only when the answer, the model
or the question put to it changed. Without a configured model there is no judgement and no
call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy.orm import Session

from rehearse.feedback.measures import Score
from rehearse.interviewer.llm import Judgement, LLMProvider, OfflineProvider, evidence_of
from rehearse.interviews import repository
from rehearse.interviews.models import AnalysisResult, Answer, Question

JUDGE = "judge"
_VERSION = "judge-2"  # judge-1 kept a rationale without a rating


def judgement_for(
    db: Session,
    llm: LLMProvider,
    *,
    question: Question,
    thread: Sequence[Answer],
    said: str,
    scores: Sequence[Score],
) -> Judgement | None:
    """The model's reading of ``said`` as an answer to ``question``; None without a model or
    a usable reply."""
    if isinstance(llm, OfflineProvider) or not thread:
        return None
    evidence = evidence_of(scores)
    model = f"{llm.name}:{llm.model}"
    read = hashlib.sha256(
        f"{_VERSION}\n{model}\n{question.text}\n{said}\n{evidence}".encode()
    ).hexdigest()
    stored = repository.analysis_of(db, thread[0].id, JUDGE)
    if stored is not None and stored.data.get("read") == read:
        return Judgement.model_validate(stored.data["judgement"])
    judgement = llm.judge(question.text, said, evidence)
    if judgement is None:
        return None
    if stored is None:
        stored = AnalysisResult(answer_id=thread[0].id, kind=JUDGE, version=_VERSION)
        db.add(stored)
    stored.version = _VERSION
    stored.data = {"read": read, "model": model, "judgement": judgement.model_dump()}
    db.flush()
    return judgement
