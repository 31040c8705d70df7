"""The content judge's verdicts of our choosing, kept as its job keeps them (keyed by what it
read, so they are read back as its own): for tests of what reads them, not of the model
(tests/reports/test_judging.py and tests/practice/test_judged.py run the model)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from rehearse.config import Settings
from rehearse.feedback.judge.story import missing_is_said
from rehearse.feedback.judge.verdict import ContentJudgement, PointStatus, PointVerdict
from rehearse.interviews.models import Answer, Question
from rehearse.reports.judging import judge_input, keep_record, read_key
from rehearse.runtime import Runtime
from tests.conftest import make_settings

STAR = ("situation", "task", "action", "result")
# A part the advice may call missing, and one it calls only "told little": which is which
# follows the classifier's measured precision (``story.missing_is_said``), so tests take one of
# each rather than name them.
SAID_MISSING = next(part for part in STAR if missing_is_said(part))
DOUBTED_MISSING = next(part for part in STAR if not missing_is_said(part))


def judge_on(data_dir: Path, database_url: str) -> Settings:
    """Settings with the content judge on, its server never asked: run no job with them."""
    return make_settings(
        data_dir, database_url, llm="on", llm_url="http://127.0.0.1:9/v1", llm_model="smollm2"
    )


def story_judgement(
    score: float, *, on_topic: bool = True, parts: Mapping[str, PointStatus] | None = None
) -> ContentJudgement:
    """A story's judgement: each STAR part covered unless ``parts`` says otherwise."""
    covered: PointStatus = "covered"
    statuses = dict.fromkeys(STAR, covered) | dict(parts or {})
    star = tuple(PointVerdict(part, status, 0.5, "", {}) for part, status in statuses.items())
    return ContentJudgement("a judge", "story", score, on_topic, 0.1, (), "", star)


def keep_judgement(
    runtime: Runtime, answer_ids: Sequence[uuid.UUID], judgement: ContentJudgement
) -> None:
    """Keep ``judgement`` of the answers ``answer_ids`` (the interview's answers to one
    question, or one practice attempt) as ``runtime``'s judge's job would."""
    judge = runtime.content_judge
    assert judge is not None, "the runtime's judge is off"
    with runtime.database.transaction() as db:
        answers = [db.get_one(Answer, answer_id) for answer_id in answer_ids]
        question = db.get_one(Question, answers[0].question_id)
        key = read_key(judge_input(db, question, answers), judge.name)
        keep_record(
            db, answers[0].id, {"read": key, "status": "ok", "judgement": judgement.to_dict()}
        )
