"""Bands and weights chosen by cross-validation split by student, never by fitting the file.

Each candidate is a set of the product's rules (a band, a weight) to score under. For every
student in turn, the candidate that ranks the *other* students' interviews best against the
trait is chosen, and the held-out student's two interviews are scored under it; the rho of
those out-of-fold scores (leave-one-student-out) is the figure to report, and how often each
candidate was chosen says how stable the choice is. Candidates are applied by setting the
product's rule constants while scoring (``patched``), so the scores are the product's own
code path, not a re-implementation.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

from bench.validity.score import EvaluatedInterview, InterviewScores, score_interview
from bench.validity.stats import spearman
from rehearse.analysis.bands import Band
from rehearse.feedback import answer_scores, overall
from rehearse.feedback.measures import Rule, Score


@dataclass(frozen=True)
class Candidate:
    name: str
    rules: Mapping[tuple[ModuleType, str], Any]  # (module, constant) -> value while scoring
    # Among candidates that rank the training students about as well as the best (within
    # ``TOLERANCE``), the one with the highest preference is chosen: the weight the coaching
    # sources give a measure is kept unless the ratings speak clearly against it.
    preference: float = 0.0


TOLERANCE = 0.02  # of rho: well inside the bootstrap intervals of a 64-interview file


@contextmanager
def patched(candidate: Candidate) -> Iterator[None]:
    saved = {key: getattr(key[0], key[1]) for key in candidate.rules}
    try:
        for (module, name), value in candidate.rules.items():
            setattr(module, name, value)
        yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


def scored_under(
    candidate: Candidate, interviews: Sequence[EvaluatedInterview]
) -> list[InterviewScores]:
    with patched(candidate):
        return [score_interview(interview) for interview in interviews]


@dataclass(frozen=True)
class CrossValidated:
    scores: list[float | None]  # each interview's score under the candidate chosen without it
    chosen: Counter[str]  # how many held-out students each candidate was chosen for


def cross_validate(
    values: Mapping[str, Sequence[float | None]],
    ratings: Sequence[float],
    students: Sequence[str],
    preference: Mapping[str, float] | None = None,
) -> CrossValidated:
    """Leave-one-student-out choice among candidates (``values``: each candidate's score of
    every interview; ``preference``: see ``Candidate.preference``)."""
    out: list[float | None] = [None] * len(ratings)
    chosen: Counter[str] = Counter()
    prefer = preference or {}
    for student in sorted(set(students)):
        train = [i for i, s in enumerate(students) if s != student]
        rho = {name: _rho_on(values[name], ratings, train) for name in values}
        top = max(rho.values())
        near = [name for name in values if rho[name] >= top - TOLERANCE]
        best = max(near, key=lambda name: (prefer.get(name, 0.0), rho[name]))
        chosen[best] += 1
        for i, s in enumerate(students):
            if s == student:
                out[i] = values[best][i]
    return CrossValidated(out, chosen)


def _rho_on(scores: Sequence[float | None], ratings: Sequence[float], rows: Sequence[int]) -> float:
    pairs = [(scores[i], ratings[i]) for i in rows if scores[i] is not None]
    rho = spearman([float(s) for s, _ in pairs if s is not None], [r for _, r in pairs])
    return -2.0 if rho is None else rho


def structure_candidates() -> list[Candidate]:
    """The weight of the parts against the length, and where the length band starts."""
    found = []
    for parts_weight, story_from, answer_from in itertools.product(
        (0.7, 0.5, 0.3, 0.2, 0.1, 0.0), (120, 180, 240), (80, 120, 160)
    ):
        star = replace(answer_scores.STAR_PARTS, weight=parts_weight)
        story = _length(answer_scores.STORY_LENGTH, story_from, 1 - parts_weight)
        answer = _length(answer_scores.ANSWER_LENGTH, answer_from, 1 - parts_weight)
        forms = {
            form: replace(rule, weight=parts_weight)
            for form, rule in answer_scores.FORM_PARTS.items()
        }
        found.append(
            Candidate(
                f"parts {parts_weight:.1f}, stories from {story_from}, others from {answer_from}",
                {
                    (answer_scores, "STAR_PARTS"): star,
                    (answer_scores, "STORY_LENGTH"): story,
                    (answer_scores, "ANSWER_LENGTH"): answer,
                    (answer_scores, "FORM_PARTS"): forms,
                },
                preference=parts_weight,
            )
        )
    return found


def _length(rule: Rule, low: float, weight: float) -> Rule:
    band = rule.band
    high = max(band.ideal_high, 2 * low)
    return replace(
        rule,
        band=Band(low, high, low / 4, 2 * high),
        target=f"{low:.0f}-{high:.0f}",
        weight=weight,
    )


# The overall's weights a product can defend: every competency a candidate sees keeps some
# weight (content is also what technical answers are judged on, which these interviews do
# not test), except clarity, whose measures may predict nothing.
CONTENT_STEPS = (0.1, 0.2, 0.35)
STRUCTURE_STEPS = (0.1, 0.15, 0.25)
CLARITY_STEPS = (0.0, 0.1)
DELIVERY_STEPS = (0.2, 0.35, 0.5)


def overall_candidates() -> list[Candidate]:
    """The weights of the competencies a transcript measures in the overall score."""
    found = []
    for content, structure, clarity, delivery in itertools.product(
        CONTENT_STEPS, STRUCTURE_STEPS, CLARITY_STEPS, DELIVERY_STEPS
    ):
        weights = dict(overall.WEIGHTS)
        weights.update(content=content, structure=structure, clarity=clarity, delivery=delivery)
        found.append(
            Candidate(
                f"content {content}, structure {structure}, clarity {clarity}, delivery {delivery}",
                {(overall, "WEIGHTS"): weights},
            )
        )
    return found


def clarity_candidates() -> list[Candidate]:
    """Whether reading ease, a measure made for written prose, keeps its weight in clarity."""
    return [
        Candidate(
            f"reading ease weight {weight}",
            {(answer_scores, "READING_EASE"): replace(answer_scores.READING_EASE, weight=weight)},
            preference=weight,
        )
        for weight in (0.2, 0.1, 0.0)
    ]


def overall_values(
    candidates: Sequence[Candidate], sessions: Sequence[Sequence[Score]]
) -> dict[str, list[float | None]]:
    """Each candidate's overall score of every session (competency scores fixed)."""
    found = {}
    for candidate in candidates:
        with patched(candidate):
            found[candidate.name] = [overall.overall_score(session) for session in sessions]
    return found


def preferences(candidates: Sequence[Candidate]) -> dict[str, float]:
    return {candidate.name: candidate.preference for candidate in candidates}


def values_of(
    candidates: Sequence[Candidate],
    interviews: Sequence[EvaluatedInterview],
    value_of: Callable[[InterviewScores], float | None],
) -> dict[str, list[float | None]]:
    return {
        candidate.name: [value_of(s) for s in scored_under(candidate, interviews)]
        for candidate in candidates
    }
