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
from rehearse.feedback import delivery as delivery_rules
from rehearse.feedback.measures import Rule


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
    choice: Mapping[str, str]  # each held-out student's chosen candidate


def cross_validate(
    values: Mapping[str, Sequence[float | None]],
    ratings: Sequence[float],
    students: Sequence[str],
    preference: Mapping[str, float] | None = None,
) -> CrossValidated:
    """Leave-one-student-out choice among candidates (``values``: each candidate's score of
    every interview; ``preference``: see ``Candidate.preference``)."""
    return cross_validate_jointly(values, [ratings], students, preference)


def cross_validate_jointly(
    values: Mapping[str, Sequence[float | None]],
    traits: Sequence[Sequence[float]],
    students: Sequence[str],
    preference: Mapping[str, float] | None = None,
) -> CrossValidated:
    """As ``cross_validate``, choosing on the mean rho over several traits' ratings (one
    score that should serve them all, such as the overall)."""
    out: list[float | None] = [None] * len(students)
    choice: dict[str, str] = {}
    prefer = preference or {}
    for student in sorted(set(students)):
        train = [i for i, s in enumerate(students) if s != student]
        rho = {
            name: sum(_rho_on(values[name], ratings, train) for ratings in traits) / len(traits)
            for name in values
        }
        top = max(rho.values())
        near = [name for name in values if rho[name] >= top - TOLERANCE]
        choice[student] = max(near, key=lambda name: (prefer.get(name, 0.0), rho[name]))
        for i, s in enumerate(students):
            if s == student:
                out[i] = values[choice[student]][i]
    return CrossValidated(out, Counter(choice.values()), choice)


def cross_validate_after(
    earlier: CrossValidated,
    earlier_candidates: Sequence[Candidate],
    candidates: Sequence[Candidate],
    *,
    interviews: Sequence[EvaluatedInterview],
    value_of: Callable[[InterviewScores], float | None],
    traits: Sequence[Sequence[float]],
    students: Sequence[str],
) -> CrossValidated:
    """A choice among ``candidates`` made after an ``earlier`` one, nested: each held-out
    student is scored under the earlier candidate chosen without them, joined with the
    candidate chosen without them (on the mean rho over ``traits``) under that same earlier
    candidate, so neither choice saw the student."""
    by_name = {candidate.name: candidate for candidate in earlier_candidates}
    preference = preferences(candidates)
    runs = {
        name: cross_validate_jointly(
            values_of([joined(by_name[name], c) for c in candidates], interviews, value_of),
            traits,
            students,
            preference,
        )
        for name in set(earlier.choice.values())
    }
    out = [runs[earlier.choice[student]].scores[i] for i, student in enumerate(students)]
    choice = {student: runs[name].choice[student] for student, name in earlier.choice.items()}
    return CrossValidated(out, Counter(choice.values()), choice)


def joined(first: Candidate, then: Candidate) -> Candidate:
    """``then``'s rules on top of ``first``'s, under ``then``'s name and preference."""
    return Candidate(then.name, {**first.rules, **then.rules}, then.preference)


def _rho_on(scores: Sequence[float | None], ratings: Sequence[float], rows: Sequence[int]) -> float:
    pairs = [(scores[i], ratings[i]) for i in rows if scores[i] is not None]
    rho = spearman([float(s) for s, _ in pairs if s is not None], [r for _, r in pairs])
    return -2.0 if rho is None else rho


# The structure grid (48 candidates): how much the parts weigh, where the length bands
# start, and how much the hesitations weigh; the length takes the rest of the weight.
PARTS_STEPS = (0.2, 0.1, 0.0)
STORY_FROM_STEPS = (180, 240)
ANSWER_FROM_STEPS = (80, 120)
HESITATION_STEPS = (0.0, 0.2, 0.35, 0.5)


def structure_candidates() -> list[Candidate]:
    """The weight of the parts, the hesitations and the length, and where the length band
    starts."""
    found = []
    for parts_weight, story_from, answer_from, hesitation_weight in itertools.product(
        PARTS_STEPS, STORY_FROM_STEPS, ANSWER_FROM_STEPS, HESITATION_STEPS
    ):
        length_weight = 1 - parts_weight - hesitation_weight
        forms = {
            form: replace(rule, weight=parts_weight)
            for form, rule in answer_scores.FORM_PARTS.items()
        }
        found.append(
            Candidate(
                f"parts {parts_weight:.1f}, hesitations {hesitation_weight:.2f}, stories from "
                f"{story_from}, others from {answer_from}",
                {
                    (answer_scores, "STAR_PARTS"): replace(
                        answer_scores.STAR_PARTS, weight=parts_weight
                    ),
                    (answer_scores, "STORY_LENGTH"): _length(
                        answer_scores.STORY_LENGTH, story_from, length_weight
                    ),
                    (answer_scores, "ANSWER_LENGTH"): _length(
                        answer_scores.ANSWER_LENGTH, answer_from, length_weight
                    ),
                    (answer_scores, "FORM_PARTS"): forms,
                    (answer_scores, "HESITATIONS"): replace(
                        answer_scores.HESITATIONS, weight=hesitation_weight
                    ),
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


# The overall's weights a product can defend (54 candidates): every competency a candidate
# sees keeps some weight (content is also what technical answers are judged on, which these
# interviews do not test); clarity, whose measures predicted nothing, stays at 0; and the
# hedges inside delivery keep their weight or lose it.
CONTENT_STEPS = (0.1, 0.2, 0.35)
STRUCTURE_STEPS = (0.15, 0.25, 0.4)
DELIVERY_STEPS = (0.2, 0.35, 0.5)
HEDGE_STEPS = (0.1, 0.0)


def overall_candidates() -> list[Candidate]:
    """The weights of the competencies a transcript measures in the overall score, and of
    the hedges in delivery (the current weights preferred when about as good)."""
    found = []
    for content, structure, delivery, hedges in itertools.product(
        CONTENT_STEPS, STRUCTURE_STEPS, DELIVERY_STEPS, HEDGE_STEPS
    ):
        weights = dict(overall.WEIGHTS)
        weights.update(content=content, structure=structure, clarity=0.0, delivery=delivery)
        found.append(
            Candidate(
                f"content {content}, structure {structure}, delivery {delivery}, "
                f"hedges in delivery {hedges}",
                {
                    (overall, "WEIGHTS"): weights,
                    (delivery_rules, "HEDGES"): replace(delivery_rules.HEDGES, weight=hedges),
                },
                preference=1.0 if hedges == delivery_rules.HEDGES.weight else 0.0,
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
