"""Scores learned from people: bands and weights fitted to human interviewers' ratings, and
how far each score agrees with them.

``fitted.json`` beside this module holds, for each fitted score, the band of every measure
it reads (from the range the rated candidates spanned: the best tenth of answers is "ideal",
the worst tenth scores 0) and the measure's weight (non-negative least squares with a ridge
penalty on the band scores, so a measure can only move its score in the direction its name
says). It also holds each competency's agreement with the raters, measured on students the
fit did not see, and the overall's weights over the competencies that agree. The file is written by
``python -m bench.validity --fit`` (docs/scoring.md) with its source and date; nothing here
is hand-tuned.

A score whose agreement is below ``GRADED_AT``, or was never measured, is shown as a
coaching check against published guidance, not as a grade of the candidate.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from rehearse.analysis.bands import Band
from rehearse.feedback import answer_measures as names
from rehearse.feedback.measures import COACHING_CHECK, Rule, Score, weighted_score

GRADED_AT = 0.3  # rho with the raters below which a score is a coaching check, not a grade
JUDGED_CONTENT = "judged content"  # the content judge's score of interview answers
_UNBOUNDED = 1e9


@dataclass(frozen=True)
class About:
    """What a measure is, for a reader: its unit, which way is better, what to do."""

    unit: str
    higher_is_better: bool
    advice: str
    # Where "more" stops helping, for a measure that is better higher: (still ideal up to,
    # 0 at). Beyond the rated candidates' range, so the fit never saw it.
    ceiling: tuple[float, float] | None = None
    # Whether the fitted target (what the best-rated tenth reached) is one a coach would set;
    # when not, the measure explains its score but is never advice (``Rule.advised``).
    advised: bool = True


ABOUT: Mapping[str, About] = {
    names.FILLED_PAUSES: About(
        "per 100 words",
        False,
        "Settle the answer's beats before you start; pause silently between them instead of "
        "thinking aloud with 'um'.",
    ),
    names.FILLED_PAUSES_COUNT: About(
        "in the answer",
        False,
        "Every 'um' is heard: replace them with a silent pause, which sounds deliberate.",
    ),
    names.LIKES: About(
        "per 100 words",
        False,
        "Drop 'like' as a filler ('it was like a big project'): say what it was.",
    ),
    names.REPETITIONS: About(
        "per 100 words",
        False,
        "When you restart a sentence ('we, we did'), finish the first try instead: slow down "
        "half a beat.",
    ),
    names.LENGTH: About(
        "words",
        True,
        "Give the answer room: the situation in a sentence or two, what you did step by step, "
        "and what came of it.",
        # The best-rated answers ran to 253 words: fuller answers were rated better, but an
        # answer that misses the question is not mended by length (the judge says what is).
        advised=False,
    ),
    names.SENTENCE_LENGTH: About(
        "words",
        True,
        "Finish your thoughts: complete sentences, not fragments broken by restarts; and stop "
        "a sentence that runs past about 40 words.",
        # comprehension falls past 25-30 words (Cutts, Oxford Guide to Plain English)
        ceiling=(40.0, 70.0),
        # The best-rated answers' transcribed sentences ran 29 words: fluent speech, unbroken
        # by restarts, not a length to aim at (plain English: 15-20 words on average).
        advised=False,
    ),
    names.RELEVANCE: About(
        "similarity",
        True,
        "Answer the question asked in your first sentence, then support it.",
        # A sentence similarity of 0.60 is not something a candidate can aim at; whether the
        # answer addressed the question is the judge's verdict, and its advice.
        advised=False,
    ),
    names.SPECIFICITY: About(
        "index",
        True,
        "Add a number, a tool you used and the outcome: 'I cut p95 latency from 900 to 200 ms'.",
    ),
}


@dataclass(frozen=True)
class Agreement:
    """How one score ranked rated interviews against one of the raters' traits."""

    trait: str
    rho: float
    low: float  # 95 % bootstrap interval over students
    high: float
    interviews: int

    def shown(self) -> str:
        return f"{self.trait} rho {self.rho:.2f} [{self.low:.2f}, {self.high:.2f}]"


@cache
def _fitted() -> Mapping[str, Any]:
    text = resources.files("rehearse.feedback").joinpath("fitted.json").read_text("utf-8")
    data: Mapping[str, Any] = json.loads(text)
    return data


def source() -> str:
    """Where the fitted bands and weights come from, and when (the file's ``source`` and
    ``method`` say it in full; docs/scoring.md too)."""
    data = _fitted()
    return f"{data['dataset']}, fitted {data['date']}, docs/scoring.md"


def band_for(name: str, zero: float, ideal: float) -> Band:
    """A measure's band: ideal at or beyond ``ideal``, 0 at or beyond ``zero``."""
    about = ABOUT[name]
    if about.higher_is_better:
        top, gone = about.ceiling or (_UNBOUNDED, _UNBOUNDED)
        return Band(ideal, max(top, ideal), zero, max(gone, ideal))
    return Band(0.0, ideal, 0.0, zero)


@cache
def fitted_rules(score: str) -> tuple[Rule, ...]:
    """The rules of a fitted score as shipped (empty when the score is not fitted)."""
    fitted = _fitted()["scores"].get(score)
    return rules_from(fitted, source()) if fitted else ()


def rules_from(fitted: Mapping[str, Any], where: str) -> tuple[Rule, ...]:
    """The rules of one fitted score (``{"trait": ..., "measures": [{"name", "zero", "ideal",
    "weight"}]}``, the file's shape), in its order; ``where``: the fit's source."""
    trait = fitted["trait"]
    rules = []
    for measure in fitted["measures"]:
        name, zero, ideal = measure["name"], measure["zero"], measure["ideal"]
        about = ABOUT[name]
        target = f"at least {ideal:.3g}" if about.higher_is_better else f"at most {ideal:.3g}"
        rules.append(
            Rule(
                name,
                about.unit,
                target,
                band_for(name, zero, ideal),
                measure["weight"],
                f"Fitted to human interviewers' '{trait}' ratings: the best tenth of rated "
                f"answers reached {ideal:.3g}, the worst tenth {zero:.3g} ({where}).",
                about.advice,
                about.advised,
            )
        )
    return tuple(rules)


def fitted_score(
    name: str,
    measures: Mapping[str, float | None],
    rests_on: str,
    rules: Sequence[Rule] | None = None,
) -> Score:
    """The fitted score ``name`` of one answer's ``measures`` (``rules``: the shipped ones
    unless given, as the benchmark gives each fold's)."""
    chosen = fitted_rules(name) if rules is None else rules
    return weighted_score(name, [(rule, measures.get(rule.name)) for rule in chosen], rests_on)


def overall_weights() -> Mapping[str, float]:
    """Each competency's weight in the overall: fitted for those that agree with people, 0
    for the rest."""
    weights: Mapping[str, float] = _fitted()["overall"]["weights"]
    return weights


@cache
def _interview_content() -> tuple[tuple[Agreement, ...], tuple[Agreement, ...]]:
    """The content judge's agreement on interview answers: on every rated interview, and on
    those of the students set aside from every choice."""
    data = _fitted()
    every = data.get("judged_content_on_every_interview", ())
    locked = data["agreement"].get(JUDGED_CONTENT, ())
    return tuple(Agreement(**i) for i in every), tuple(Agreement(**i) for i in locked)


def interview_content_is_graded() -> bool:
    """Whether the judge's content of interview answers agrees with the raters well enough
    to grade a candidate: read on every rated interview, since nothing of the judge is
    fitted to the ratings (the locked students alone are too few: docs/scoring.md)."""
    every, _ = _interview_content()
    return bool(every) and min(item.rho for item in every) >= GRADED_AT


def interview_content_agreement() -> str:
    """What the report says of the judge's agreement on interview answers."""
    every, locked = _interview_content()
    if not every:
        return agreement_sentence(JUDGED_CONTENT)
    data = _fitted()
    figures = "; ".join(item.shown() for item in every)
    aside = "; ".join(item.shown() for item in locked)
    said = (
        f"Agrees with human interviewers at {figures} on all {every[0].interviews} rated "
        f"interviews of the development data ({data['dataset']}; nothing of the judge is "
        "fitted to ratings, the wording of its grade was chosen on two thirds of them)"
    )
    if locked:
        said += (
            f"; on the {locked[0].interviews} of the students set aside from every choice: {aside}"
        )
    if interview_content_is_graded():
        return f"{said}."
    return f"{said}: too weakly to grade you, so a coaching check, not a grade."


def overall_agreement() -> str:
    """What the report says of the overall's agreement with people, interval included."""
    found = agreement_of("overall")
    if not found:
        return "The overall has not been checked against human interviewers' ratings."
    data = _fitted()
    figures = "; ".join(item.shown() for item in found)
    said = (
        f"The overall agrees with human interviewers at {figures} on {found[0].interviews} "
        f"interviews of {data.get('agreement_on', 'students set aside from the fit')}"
    )
    crossed = [Agreement(**item) for item in data.get("overall_cross_validated", ())]
    if crossed:
        said += (
            f", and at {'; '.join(item.shown() for item in crossed)} on all "
            f"{crossed[0].interviews}, cross-validated by student"
        )
    return f"{said} ({data['dataset']}; 95 % intervals in brackets)."


@cache
def agreement_of(score: str) -> tuple[Agreement, ...]:
    """The score's measured agreement with the raters (empty: never measured)."""
    return tuple(Agreement(**item) for item in _fitted()["agreement"].get(score, ()))


def is_graded(score: str) -> bool:
    """Whether the score agrees with people well enough to grade a candidate."""
    found = agreement_of(score)
    return bool(found) and min(item.rho for item in found) >= GRADED_AT


def agreement_sentence(score: str) -> str:
    """What the report says of the score's agreement with people."""
    found = agreement_of(score)
    data = _fitted()
    where = f"{data['dataset']}, {data.get('agreement_on', 'cross-validated by student')}"
    if not found:
        return (
            "Not checked against human interviewers' ratings: a coaching check against "
            "published guidance, not a grade."
        )
    figures = "; ".join(item.shown() for item in found)
    if is_graded(score):
        return f"Agrees with human interviewers at {figures} ({where})."
    return (
        f"Does not agree well enough with human interviewers to grade you ({figures}; "
        f"{where}): a coaching check against published guidance, not a grade."
    )


def with_agreement(score: Score) -> Score:
    """``score`` saying how far it agrees with people; one that is not graded is labelled a
    coaching check (its value is still shown, against its guidance)."""
    graded = is_graded(score.name)
    label = score.label if graded or score.value is None else COACHING_CHECK
    return replace(score, agreement=agreement_sentence(score.name), graded=graded, label=label)
