"""Practice counts toward topic mastery: a practice attempt, once the content judge has
judged it, moves its topic's rating as an interview answer does, and only once.

The grade an attempt counts for is the judge's content score (an attempt judged off topic
counting 0, as in the comparison: ``feedback.practice.content.counted_score``), on the same
0..1 scale as the interview's grade (docs/practice.md says why the judge's). An attempt the
judge could not score (nothing said, the judge off or unable to run) is not counted. That it
was counted is kept with the attempt as its "mastery" analysis, in the transaction that moves
the rating: a retried job, or the attempt judged again, finds it and leaves the rating be.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.practice.content import counted_score
from rehearse.interviews import repository
from rehearse.interviews.models import AnalysisResult, Answer, Question
from rehearse.progress.models import TopicMastery
from rehearse.progress.repository import record_mastery

COUNTED = "mastery"  # the analysis that says an attempt moved its topic's rating
_VERSION = "mastery-1"


def count_attempt(db: Session, attempt: Answer, judgement: ContentJudgement) -> TopicMastery | None:
    """Move the rating of ``attempt``'s topic by its ``judgement``, once; None when it is not
    counted (an interview answer, already counted, or nothing the judge could score)."""
    score = counted_score(judgement)
    if not attempt.practice or score is None:
        return None
    if repository.analysis_of(db, attempt.id, COUNTED) is not None:
        return None
    question = db.get_one(Question, attempt.question_id)
    grade = round(score / 100, 3)
    row = record_mastery(
        db,
        question.session.user_id,
        question.topic,
        question.difficulty,
        grade,
        practice=True,
    )
    data = {"topic": question.topic, "grade": grade, "rating": round(row.rating, 1)}
    # The unique (answer, kind) pair stops a second count racing this one: its transaction,
    # rating and all, fails and the job's retry finds this one.
    db.add(AnalysisResult(answer_id=attempt.id, kind=COUNTED, version=_VERSION, data=data))
    db.flush()
    return row
