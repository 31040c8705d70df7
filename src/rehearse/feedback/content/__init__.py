"""The content evaluation of one interview answer: relevance, key-point coverage, STAR
structure, specificity, clarity, role alignment and tone, each with its evidence.

A pure library: plain inputs (the question, the answer's text, a sentence encoder) in, a frozen
``ContentEvaluation`` out. Thresholds and how they were calibrated are in each module's
docstring and in docs/content-evaluation.md.
"""

from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.evaluation import VERSION, ContentEvaluation
from rehearse.feedback.content.question import AskedQuestion, QuestionKind

__all__ = ["VERSION", "AskedQuestion", "ContentEvaluation", "QuestionKind", "evaluate_answer"]
