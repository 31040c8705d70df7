"""Whether an answer addressed its question at all: the verdict that keeps an answer about
something else from making a session good.

The question's own similarity (``relevance``) is the first test: below its off-topic cut no
on-topic answer of the calibration fell for technical questions. Answers about the candidate
(a self-introduction, a motivation, a weakness) share few words with their short questions,
though: on real rated mock interviews 27 of 323 answers fell under the cut, most of them
self-introductions ("I'm a junior studying biology..."). So an answer that is not an
explanation is called off topic only when it is also unlike any interview answer at all (a
description of what candidates talk about, below ``INTERVIEW_ANSWER_BELOW``): 4 of those 323
were, two of them a back-channel of a word or two (docs/scoring.md).
"""

from __future__ import annotations

from rehearse.feedback.content.evaluation import ContentEvaluation
from rehearse.interviewer.retrieval.encoder import TextEncoder

INTERVIEW_ANSWER = (
    "In a job interview the candidate talks about themselves: my studies and degree, my work "
    "experience, internships and jobs, projects I worked on with my team, my skills, what I "
    "learned, my goals and career, and why I want this role at this company."
)
INTERVIEW_ANSWER_BELOW = 0.05


def is_off_topic(evaluation: ContentEvaluation, answer: str, encoder: TextEncoder) -> bool:
    """Whether ``answer`` (evaluated as ``evaluation``) did not address its question."""
    if evaluation.relevance.label != "off topic":
        return False
    if evaluation.question.form == "explanation":
        return True
    vectors = encoder.encode([INTERVIEW_ANSWER, answer])
    return float(vectors[0] @ vectors[1]) < INTERVIEW_ANSWER_BELOW
