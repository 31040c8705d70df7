"""Evaluate the content of one answer to one question: the package's entry point."""

from __future__ import annotations

from collections.abc import Sequence

from rehearse.feedback.content.alignment import measure_alignment
from rehearse.feedback.content.clarity import measure_clarity
from rehearse.feedback.content.coverage import match_key_points
from rehearse.feedback.content.embed import embed
from rehearse.feedback.content.evaluation import VERSION, ContentEvaluation
from rehearse.feedback.content.forms import detect_parts
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.content.relevance import relevance_of
from rehearse.feedback.content.sentences import split_sentences
from rehearse.feedback.content.specificity import measure_specificity
from rehearse.feedback.content.star import detect_star
from rehearse.feedback.content.tone import measure_tone
from rehearse.interviewer.retrieval.encoder import TextEncoder


def evaluate_answer(
    question: AskedQuestion,
    answer: str,
    encoder: TextEncoder,
    *,
    role_skills: Sequence[str] = (),
) -> ContentEvaluation:
    """Measure ``answer`` (a transcript or typed text) against ``question``.

    ``encoder`` turns texts into unit vectors (``MiniLMEncoder`` in production; the thresholds
    are calibrated for it). ``role_skills`` are canonical skill ids the role asks for. An empty
    answer gives an evaluation with nothing found rather than an error.
    """
    sentences = split_sentences(answer)
    vectors = embed(question, answer, sentences, encoder)
    key_points = match_key_points(question, sentences, vectors)
    return ContentEvaluation(
        version=VERSION,
        encoder=encoder.name,
        question=question,
        sentences=sentences,
        relevance=relevance_of(vectors.question, vectors.answer, story=question.is_story),
        key_points=key_points,
        star=detect_star(sentences, applicable=question.form == "story"),
        parts=detect_parts(sentences, question.form),
        specificity=measure_specificity(answer, sentences, story=question.is_story),
        clarity=measure_clarity(answer, sentences, key_points.coverage),
        alignment=measure_alignment(answer, role_skills),
        tone=measure_tone(sentences),
    )


_SAMPLE_QUESTION = AskedQuestion(
    "Tell me about a time you made a system faster.", "behavioural", "", ("what you changed",)
)
_SAMPLE_ANSWER = (
    "Our reports took a minute to load in 2023, so I moved them to PostgreSQL. "
    "I think it went well: they now load in two seconds."
)


def warm_up(encoder: TextEncoder) -> None:
    """Load what the first evaluation of a process would wait for (the encoder's model, the
    sentence splitter, the skill vocabulary, the question bank, the tone lexicon) by
    evaluating a sample answer."""
    evaluate_answer(_SAMPLE_QUESTION, _SAMPLE_ANSWER, encoder)
