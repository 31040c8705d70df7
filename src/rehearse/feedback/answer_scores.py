"""What was said, scored: content, structure and clarity, from the content evaluation.

The bands follow the evaluation's own calibrated thresholds (docs/content-evaluation.md) and
are explained with their sources in docs/scoring.md.
"""

from __future__ import annotations

from dataclasses import replace

from rehearse.analysis.bands import Band
from rehearse.feedback.content.evaluation import ContentEvaluation
from rehearse.feedback.content.forms import AnswerForm
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
    0.1,
    "Situation, Task, Action, Result is the structure behavioural interviews are scored on "
    "(e.g. DDI's STAR; structured interviewing, Campion et al. 1997). Weighed lightly: found "
    "by cue phrases, the parts barely tracked raters' 'structured answers' on rated mock "
    "interviews, where length did (docs/scoring.md, 'Agreement with human raters').",
    "Tell it in four beats: the situation, your task, what you did, and the result with a number.",
)
STORY_LENGTH = Rule(
    "length",
    "words",
    "240-480",
    Band(240, 480, 60, 960),
    0.55,
    "Raters of real mock interviews found fuller stories better structured: the band was "
    "chosen by cross-validation on the MIT Interview ratings (docs/scoring.md); about two to "
    "three minutes spoken.",
    "Give the story room: the situation in a sentence or two, then what you did step by step "
    "and what came of it.",
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
    "weakness-cost-remedy for a weakness (found by cue phrases; weighed lightly, as STAR, "
    "docs/scoring.md)."
)
FORM_PARTS: dict[AnswerForm, Rule] = {
    "introduction": Rule(
        "introduction parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.1,
        _PARTS_SOURCE,
        "Answer in three beats: who you are now, how you got here (one or two highlights), "
        "and what you want next, which is why you are here.",
    ),
    "motivation": Rule(
        "motivation parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.1,
        _PARTS_SOURCE,
        "Give the reason, make it specific (the product, the team, something you read or "
        "used), and tie it to your own experience and where you want to go.",
    ),
    "pitch": Rule(
        "pitch parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.1,
        _PARTS_SOURCE,
        "Make a claim about what you bring, prove it with one thing you did (with a number), "
        "and say why it matters for this role.",
    ),
    "weakness": Rule(
        "weakness parts",
        "of 3",
        "3",
        Band(3, 3, 0, 3),
        0.1,
        _PARTS_SOURCE,
        "Name a real weakness, say what it cost you once, and what you are doing about it now.",
    ),
}
ANSWER_LENGTH = Rule(
    "length",
    "words",
    "80-250",
    Band(80, 250, 20, 500),
    0.55,
    "Half a minute to under two minutes spoken (80-250 words at 150 wpm) lets an answer make "
    "its point with evidence without losing the listener (coaching practice).",
    "Aim for one to two minutes: make each part in a sentence or two.",
)
# Spoken answers only (typed ones have none to count: the other weights are renormalised).
HESITATIONS = Rule(
    "hesitations",
    "per 100 words",
    "at most 3",
    Band(0, 3, 0, 10),
    0.35,
    "Filled pauses ('um', 'uh') mark where a speaker is still working out what to say "
    "(Clark & Fox Tree 2002): a planned answer has few. Raters' 'structured answers' on rated "
    "mock interviews followed them as much as length (docs/scoring.md); the band is the "
    "fillers' (Bortfeld et al. 2001).",
    "Settle the answer's beats before you start; with the outline in mind, pause silently "
    "between them instead of thinking aloud with 'um'.",
)
# Relevance advice that fits the question asked.
_RELEVANCE_ADVICE: dict[AnswerForm, str] = {
    "story": STORY_RELEVANCE.advice,
    "introduction": "Keep it to you and your path to this role: skip what does not lead here.",
    "motivation": "Name this role or company and your reason in your first sentence: "
    "'What drew me to this team is...'.",
    "pitch": "Open with what you bring to this role: 'You need someone who..., and I...'.",
    "weakness": "Name the weakness in your first sentence: 'My weakness is..., and here is "
    "what I do about it.'",
    "explanation": RELEVANCE.advice,
}
_SPECIFICITY_ADVICE: dict[AnswerForm, str] = {
    "story": SPECIFICITY.advice,
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
    story = evaluation.question.is_story
    return weighted_score(
        "content",
        [
            (COVERAGE, evaluation.key_points.coverage),
            (_relevance_rule(evaluation), evaluation.relevance.similarity),
            (
                replace(SPECIFICITY, advice=_SPECIFICITY_ADVICE[evaluation.question.form]),
                evaluation.specificity.index,
            ),
            (ALIGNMENT, evaluation.alignment.share if not story else None),
        ],
        "Measured from the words of the answer: their similarity to the question and to the "
        "points a strong answer covers (a sentence encoder, not a judge of truth), and counts "
        "of numbers, actions, tools and outcomes.",
    )


def _relevance_rule(evaluation: ContentEvaluation) -> Rule:
    rule = STORY_RELEVANCE if evaluation.question.is_story else RELEVANCE
    return replace(rule, advice=_RELEVANCE_ADVICE[evaluation.question.form])


def structure_score(evaluation: ContentEvaluation, hesitations: float | None = None) -> Score:
    """The answer's structure; ``hesitations``: its filled pauses per 100 words when it was
    spoken (``feedback.hesitations``), None when typed."""
    words = float(evaluation.clarity.words)
    form = evaluation.question.form
    if form == "story":
        readings = [
            (STAR_PARTS, float(evaluation.star.parts_present)),
            (STORY_LENGTH, words),
            (HESITATIONS, hesitations),
        ]
    elif form in FORM_PARTS:
        parts = float(evaluation.parts.present)
        readings = [(FORM_PARTS[form], parts), (ANSWER_LENGTH, words), (HESITATIONS, hesitations)]
    else:
        readings = [(EXPLANATION_LENGTH, words), (SENTENCES, float(evaluation.clarity.sentences))]
    return weighted_score(
        "structure",
        readings if words else [(rule, None) for rule, _ in readings],
        "For stories: which STAR parts are present; for a self-introduction, a motivation, a "
        "pitch or a weakness: the parts of its own shape (found by cue phrases, so a part said "
        "in unusual words can be missed); for both, the length and, when spoken, the filled "
        "pauses; for explanations: length and steps.",
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
