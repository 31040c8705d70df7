"""Whether a later attempt says more than an earlier one: better, worse or about the same.

Two attempts are compared by the content judge's scores, an off-topic attempt counting 0 as in
the overall. A difference is called a change only beyond ``SAME_WITHIN`` points: with a smaller
margin the judge puts too many pairs of answers that graders score clearly apart the wrong way
round, and calling a better answer worse is the error a coach must not make. The margin is
chosen by one rule on pairs of graded answers to all 47 development questions and measured
out of fold by question (``python -m bench.practice``, docs/practice.md).
"""

from __future__ import annotations

from typing import Literal

from rehearse.feedback.judge.verdict import ContentJudgement

Change = Literal["better", "worse", "same"]
# Points of the judge's 0-100 score within which two attempts are "about the same": the
# smallest margin at which at most 3 % of the clear pairs of all 47 development questions were
# called the wrong way round (out of fold by question 20-24; on the open 28 alone 22-40,
# which chose 26 until 2026-11-27; docs/practice.md).
SAME_WITHIN = 24.0


def counted_score(judgement: ContentJudgement) -> float | None:
    """The score an attempt's content counts for: 0 when off topic, None when not judged."""
    if judgement.score is None:
        return None
    return 0.0 if judgement.on_topic is False else judgement.score


def content_change(
    first: ContentJudgement, second: ContentJudgement, *, same_within: float = SAME_WITHIN
) -> Change | None:
    """How ``second``'s content compares with ``first``'s; None when either was not judged."""
    before, after = counted_score(first), counted_score(second)
    if before is None or after is None:
        return None
    if abs(after - before) <= same_within:
        return "same"
    return "better" if after > before else "worse"
