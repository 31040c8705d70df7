"""What was said, scored: content, structure and clarity, from the content evaluation.

The bands follow the evaluation's own calibrated thresholds (docs/content-evaluation.md) and
are explained with their sources in docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from rehearse.analysis.bands import Band
from rehearse.feedback import answer_measures as measure_names
from rehearse.feedback.answer_measures import (
    RELEVANCE,
    SPECIFICITY,
    answer_measures,
)
from rehearse.feedback.content.evaluation import ContentEvaluation
from rehearse.feedback.content.forms import AnswerForm
from rehearse.feedback.fitted import fitted_rules
from rehearse.feedback.measures import Rule, Score, weighted_score

COVERAGE = Rule(
    "key points covered",
    "share",
    "at least 60 %",
    Band(0.6, 1.0, 0.0, 1.0),
    0.45,
    "The question bank's key points are what interviewers listen for; covering most of them "
    "is what separates a strong answer (structured interview rubrics, Levashina et al. 2014).",
    "Before answering, name to yourself the two or three points the question is really about, "
    "and make sure each gets a sentence.",
)
# The parts' weight in a typed answer's structure (beside its relevance). The rated interviews
# were spoken: their sentences are a transcriber's, and short ones marked broken speech, so
# sentence length is judged on spoken answers only, and a typed answer's structure rests on
# its relevance and on the parts its shape calls for (STAR coaching; not checked on people).
TYPED_PARTS_WEIGHT = 0.75
STAR_PARTS = Rule(
    "STAR parts",
    "of 4",
    "4",
    Band(4, 4, 0, 4),
    0.0,
    "Situation, Task, Action, Result is the structure behavioural interviews are scored on "
    "(e.g. DDI's STAR; structured interviewing, Campion et al. 1997). Shown, not counted: "
    "found by cue phrases, the parts ranked human raters' 'structured answers' backwards on "
    "rated mock interviews (docs/scoring.md, 'Agreement with human raters').",
    "Tell it in four beats: the situation, your task, what you did, and the result with a number.",
)
EXPLANATION_LENGTH = Rule(
    "length",
    "words",
    "60-250",
    Band(60, 250, 15, 500),
    0.7,
    "A technical answer needs room for an explanation and an example but should stay under "
    "two minutes (coaching practice).",
    "Give the answer in a sentence, then one example and one trade-off.",
)
SENTENCES = Rule(
    "sentences",
    "count",
    "3-15",
    Band(3, 15, 1, 40),
    0.3,
    "An explanation in one or two run-on sentences is hard to follow aloud.",
    "Break the explanation into short steps: first, then, finally.",
)
# The parts of the answers that are not stories (feedback/content/forms.py): each rule says
# what the parts are and how to give them.
_PARTS_SOURCE = (
    "Interview coaching gives these questions shapes of their own rather than STAR: "
    "present-past-future for a self-introduction, claim-evidence-fit for 'why you', "
    "weakness-cost-remedy for a weakness (found by cue phrases; shown, not counted, as STAR, "
    "docs/scoring.md)."
)
FORM_PARTS: dict[AnswerForm, Rule] = {
    "introduction": Rule(
        "introduction parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.0,
        _PARTS_SOURCE,
        "Answer in three beats: who you are now, how you got here (one or two highlights), "
        "and what you want next, which is why you are here.",
    ),
    "motivation": Rule(
        "motivation parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.0,
        _PARTS_SOURCE,
        "Give the reason, make it specific (the product, the team, something you read or "
        "used), and tie it to your own experience and where you want to go.",
    ),
    "pitch": Rule(
        "pitch parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.0,
        _PARTS_SOURCE,
        "Make a claim about what you bring, prove it with one thing you did (with a number), "
        "and say why it matters for this role.",
    ),
    "weakness": Rule(
        "weakness parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.0,
        _PARTS_SOURCE,
        "Name a real weakness, say what it cost you once, and what you are doing about it now.",
    ),
}
# Relevance advice that fits the question asked.
_RELEVANCE_ADVICE: dict[AnswerForm, str] = {
    "story": "Make the link explicit in your first sentence: 'A time I disagreed with a "
    "colleague was...'.",
    "introduction": "Keep it to you and your path to this role: skip what does not lead here.",
    "motivation": "Name this role or company and your reason in your first sentence: "
    "'What drew me to this team is...'.",
    "pitch": "Open with what you bring to this role: 'You need someone who..., and I...'.",
    "weakness": "Name the weakness in your first sentence: 'My weakness is..., and here is "
    "what I do about it.'",
    "explanation": "Answer the question asked in your first sentence, then support it.",
}
_SPECIFICITY_ADVICE: dict[AnswerForm, str] = {
    "story": "Add a number, a tool you used and the outcome: 'I cut p95 latency from 900 "
    "to 200 ms'.",
    "introduction": "Give one concrete highlight with a number: 'I led a team of six that "
    "built...'.",
    "motivation": "Name something specific about the role or company (a product, a project, "
    "someone you talked to) and something you did that led you here.",
    "pitch": "Back the claim with one thing you did and what came of it, with a number.",
    "weakness": "Give one real moment the weakness cost you, and one concrete step you now "
    "take about it.",
    "explanation": "Add a number, a tool and an example: 'an index on user_id cut the query "
    "from 900 to 20 ms'.",
}


SENTENCE_LENGTH = Rule(
    "mean sentence length",
    "words",
    "8-22",
    Band(8, 22, 0, 40),
    0.35,
    "Sentences of about 15-20 words are easiest to follow; comprehension falls past 25-30 "
    "(Plain English Campaign; Cutts, Oxford Guide to Plain English).",
    "Say one idea per sentence, then stop and start the next.",
)
LONG_SENTENCES = Rule(
    "sentences over 30 words",
    "share",
    "at most 20 %",
    Band(0, 0.2, 0, 0.7),
    0.25,
    "Very long sentences are where listeners lose the thread (Cutts, Oxford Guide to Plain "
    "English).",
    "When a sentence runs on with 'and... and...', end it and start a new one.",
)
# Shown but weighed 0: on rated mock interviews, easier reading (shorter words and sentences)
# went with *lower* ratings, and cross-validation dropped it (docs/scoring.md).
READING_EASE = Rule(
    "reading ease",
    "Flesch",
    "at least 50",
    Band(50, 100, 10, 100),
    0.0,
    "Flesch reading ease of 50-70 is plain conversational English (Flesch 1948).",
    "Prefer short, common words to jargon unless the jargon is the point.",
)
REPETITION = Rule(
    "repetition",
    "index",
    "at most 0.25",
    Band(0, 0.25, 0, 0.6),
    0.2,
    "Returning to the same words again and again is the signature of rambling "
    "(moving-average type-token ratio, Covington & McFall 2010).",
    "Make each point once; if you notice you are circling, jump to the result.",
)


def content_score(evaluation: ContentEvaluation) -> Score:
    """What the answer holds: the fitted measures (its length, specificity and relevance,
    ``feedback.fitted``) and, for a bank question with key points, how many it covers."""
    measures = answer_measures(evaluation)
    form = evaluation.question.form
    readings = [
        (_with_advice_of_form(rule, form), measures.get(rule.name))
        for rule in fitted_rules("content")
    ]
    if evaluation.key_points.coverage is not None:
        readings.append((COVERAGE, evaluation.key_points.coverage))
    return weighted_score(
        "content",
        readings,
        "Measured from the words of the answer: how fully it answers (length), how concrete "
        "it is (numbers, actions, tools, outcomes), its similarity to the question and, for "
        "technical questions, to the points a strong answer covers (a sentence encoder, not a "
        "judge of truth).",
    )


def _with_advice_of_form(rule: Rule, form: AnswerForm) -> Rule:
    """Relevance and specificity advice that fits the question asked."""
    advice = {RELEVANCE: _RELEVANCE_ADVICE, SPECIFICITY: _SPECIFICITY_ADVICE}.get(rule.name)
    return replace(rule, advice=advice[form]) if advice else rule


def structure_score(
    evaluation: ContentEvaluation, speech: Mapping[str, Any] | None = None
) -> Score:
    """The answer's structure; ``speech``: its stored speech analysis when it was spoken.

    Explanations (technical, scenario, coding) are judged on length and steps; every other
    answer on the measures fitted to human raters' "structured answers" (``feedback.fitted``),
    with the parts of its form shown beside them."""
    words = float(evaluation.clarity.words)
    form = evaluation.question.form
    readings: list[tuple[Rule, float | None]]
    if form == "explanation":
        readings = [(EXPLANATION_LENGTH, words), (SENTENCES, float(evaluation.clarity.sentences))]
    else:
        measures = answer_measures(evaluation, speech)
        typed = speech is None
        readings = [
            (rule, measures.get(rule.name))
            for rule in fitted_rules("structure")
            if not (typed and rule.name == measure_names.SENTENCE_LENGTH)
        ]
        parts = STAR_PARTS if form == "story" else FORM_PARTS.get(form)
        if parts is not None:
            present = evaluation.star.parts_present if form == "story" else evaluation.parts.present
            # Typed answers were never rated: the parts weigh as the coaching sources have it.
            readings.append(
                (replace(parts, weight=TYPED_PARTS_WEIGHT) if typed else parts, present)
            )
    return weighted_score(
        "structure",
        readings if words else [(rule, None) for rule, _ in readings],
        "Fitted to human interviewers' 'structured answers' ratings: complete sentences, an "
        "answer that stays on its question, and, when spoken, few filled pauses, 'like's and "
        "restarts. The parts of the answer's shape (STAR for a story) are shown beside them, "
        "found by cue phrases. Explanations: length and steps.",
    )


def clarity_score(evaluation: ContentEvaluation) -> Score:
    clarity = evaluation.clarity
    spoken = clarity.words > 0
    return weighted_score(
        "clarity",
        [
            (SENTENCE_LENGTH, clarity.mean_sentence_words if spoken else None),
            (LONG_SENTENCES, clarity.long_sentence_share if spoken else None),
            (READING_EASE, clarity.reading_ease),
            (REPETITION, clarity.repetition if spoken else None),
        ],
        "Measured from the transcript's sentences; for spoken answers the sentence breaks are "
        "the recogniser's punctuation, so sentence lengths are approximate.",
    )
