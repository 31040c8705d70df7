"""What was said, scored: content, structure and clarity, from the content evaluation.

The bands follow the evaluation's own calibrated thresholds (docs/content-evaluation.md) and
are explained with their sources in docs/scoring.md.
"""

from __future__ import annotations

from rehearse.analysis.bands import Band
from rehearse.feedback.content.evaluation import ContentEvaluation
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
RELEVANCE = Rule(
    "relevance",
    "similarity",
    "at least 0.40",
    Band(0.40, 1.0, 0.10, 1.0),
    0.25,
    "Cosine similarity of the answer to the question (all-MiniLM-L6-v2); 0.40 and above was "
    "on topic in our calibration (docs/content-evaluation.md).",
    "Answer the question asked in your first sentence, then support it.",
)
STORY_RELEVANCE = Rule(
    "relevance",
    "similarity",
    "at least 0.20",
    Band(0.20, 1.0, 0.05, 1.0),
    0.25,
    "A concrete story shares few words with the question that asked for it, so stories are "
    "judged on a lower similarity; below 0.15 was off topic in our calibration "
    "(docs/content-evaluation.md).",
    "Make the link explicit in your first sentence: 'A time I disagreed with a colleague was...'.",
)
SPECIFICITY = Rule(
    "specificity",
    "index",
    "at least 0.6",
    Band(0.6, 1.0, 0.0, 1.0),
    0.2,
    "Concrete answers (numbers, own actions, named tools, outcomes) are rated higher and "
    "believed more (Levashina et al. 2014; STAR coaching practice).",
    "Add a number, a tool you used and the outcome: 'I cut p95 latency from 900 to 200 ms'.",
)
ALIGNMENT = Rule(
    "role skills named",
    "share",
    "at least 30 %",
    Band(0.3, 1.0, 0.0, 1.0),
    0.1,
    "Answers that show the skills the posting asks for map directly onto the role's rubric.",
    "Tie the answer to the job: name the posting's tools and practices where you used them.",
)
STAR_PARTS = Rule(
    "STAR parts",
    "of 4",
    "4",
    Band(4, 4, 0, 4),
    0.7,
    "Situation, Task, Action, Result is the structure behavioural interviews are scored on "
    "(e.g. DDI's STAR; structured interviewing, Campion et al. 1997).",
    "Tell it in four beats: the situation, your task, what you did, and the result with a number.",
)
STORY_LENGTH = Rule(
    "length",
    "words",
    "120-300",
    Band(120, 300, 30, 600),
    0.3,
    "About one to two minutes spoken (120-300 words at 150 wpm) is the length interviewers "
    "expect for a story; much shorter lacks evidence, much longer loses them.",
    "Aim for one to two minutes: cut background, keep your actions and the result.",
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
READING_EASE = Rule(
    "reading ease",
    "Flesch",
    "at least 50",
    Band(50, 100, 10, 100),
    0.2,
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
    story = evaluation.question.is_story
    return weighted_score(
        "content",
        [
            (COVERAGE, evaluation.key_points.coverage),
            (STORY_RELEVANCE if story else RELEVANCE, evaluation.relevance.similarity),
            (SPECIFICITY, evaluation.specificity.index),
            (ALIGNMENT, evaluation.alignment.share if not story else None),
        ],
        "Measured from the words of the answer: their similarity to the question and to the "
        "points a strong answer covers (a sentence encoder, not a judge of truth), and counts "
        "of numbers, actions, tools and outcomes.",
    )


def structure_score(evaluation: ContentEvaluation) -> Score:
    words = float(evaluation.clarity.words)
    if evaluation.question.is_story:
        star = evaluation.star
        parts = sum(p.present for p in (star.situation, star.task, star.action, star.result))
        readings = [(STAR_PARTS, float(parts)), (STORY_LENGTH, words)]
    else:
        readings = [(EXPLANATION_LENGTH, words), (SENTENCES, float(evaluation.clarity.sentences))]
    return weighted_score(
        "structure",
        readings if words else [(rule, None) for rule, _ in readings],
        "For stories: which STAR parts are present (found by cue phrases, so a part said in "
        "unusual words can be missed) and the length; for explanations: length and steps.",
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
