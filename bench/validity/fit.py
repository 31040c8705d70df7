"""The fitted scores learned from rated interviews, and their agreement with the raters on
students the fit never saw.

Each fitted score reads named measures of every answer (``feedback.answer_measures``); a
measure's band runs from the worst tenth of the training answers (score 0) to the best
tenth (score 1), and its weight comes from non-negative least squares with a ridge penalty
(``RIDGE``, declared, not tuned) on the session means of the band scores against the
score's trait: a measure can only move its score the way its name says, so the scores are
monotonic by construction. The overall's weights over the competencies are fitted the same
way on the mean of Overall and RecommendHiring, with the content judge's content in place of
the fitted content when the judgements are given (as the product scores by default: the
fitted content is a coaching check, which the product does not count). Leave-one-student-
out cross-validation repeats the whole fit without each student (bands, weights and the
overall, nested) and scores that student's two interviews with it; those held-out scores
are the figures reported. The model the product ships is ``fit`` on every student's
interviews (``shipped_fit``, ``--fit``); the agreement it shows is that of the held-out
scores of the locked students' interviews, beside the overall's over all of them. Until
2026-11-27 it was the fit on the open two thirds, measured on the locked third
(``locked_agreement``, still printed beside it): 13 students, too few to tell a figure from
its noise, and half the data to fit on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from statistics import fmean
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import nnls

from bench.judgement.locked import is_locked
from bench.validity.score import EvaluatedInterview
from bench.validity.stats import Agreement, agreement, agreement_gap
from rehearse.feedback import answer_measures as names
from rehearse.feedback.answer_measures import answer_measures
from rehearse.feedback.fitted import ABOUT, JUDGED_CONTENT, band_for, fitted_score, rules_from
from rehearse.feedback.measures import Rule

RIDGE = 0.3  # penalty on the standardised band scores' weights, declared before the fit
BEST, WORST = 90, 10  # percentiles of the training answers that bound each band

# Each fitted score, the raters' trait it is fitted to, and the measures it may read
# (declared before the fit; a measure the fit gives no weight keeps weight 0).
FITTED: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "structure": (
        "StructuredAnswers",
        (
            names.LENGTH,
            names.SENTENCE_LENGTH,
            names.RELEVANCE,
            names.FILLED_PAUSES,
            names.LIKES,
            names.REPETITIONS,
        ),
    ),
    "fluency": (
        "NoFillers",
        (names.FILLED_PAUSES, names.FILLED_PAUSES_COUNT, names.LIKES, names.REPETITIONS),
    ),
    "content": ("Overall", (names.LENGTH, names.SPECIFICITY, names.RELEVANCE)),
}
OVERALL_TRAITS = ("Overall", "RecommendHiring")
JUDGED = JUDGED_CONTENT  # its row in the agreement tables

Measures = list[list[dict[str, float | None]]]  # per interview, per answer
Judged = Sequence[float | None] | None  # each interview's content as the judge scored it


def measures_of(interviews: Sequence[EvaluatedInterview]) -> Measures:
    return [
        [answer_measures(answer.evaluation, answer.speech) for answer in interview.answers]
        for interview in interviews
    ]


@dataclass(frozen=True)
class Model:
    """One fit: every fitted score in the file's shape, and the overall's weights over the
    competencies (with the content judge's content in place of the fitted content when the
    fit was given it, as the product scores by default)."""

    scores: Mapping[str, Mapping[str, Any]]
    overall: Mapping[str, float]

    @cached_property
    def rules(self) -> dict[str, tuple[Rule, ...]]:
        return {name: rules_from(fitted, "") for name, fitted in self.scores.items()}

    def competencies(
        self, answers: Sequence[Mapping[str, float | None]], judged: float | None = None
    ) -> dict[str, float]:
        """Each fitted competency of one interview: the mean of its answers' scores; the
        content is ``judged``, the judge's, where given."""
        found = {}
        for name, rules in self.rules.items():
            values = [fitted_score(name, m, "", rules).value for m in answers]
            measured = [value for value in values if value is not None]
            found[name] = fmean(measured) if measured else 0.0
        if judged is not None:
            found["content"] = judged
        return found

    def overall_of(
        self, answers: Sequence[Mapping[str, float | None]], judged: float | None = None
    ) -> float:
        competencies = self.competencies(answers, judged)
        return sum(weight * competencies[name] for name, weight in self.overall.items())


def fit(
    measures: Measures,
    rows: Sequence[Mapping[str, str]],
    train: Sequence[int],
    judged: Judged = None,
) -> Model:
    """Bands, weights and the overall fitted on the interviews ``train``; the overall over
    the judge's content where ``judged`` gives each interview's."""
    scores = {
        name: _fit_score(measures, _ratings(rows, trait), train, trait, wanted)
        for name, (trait, wanted) in FITTED.items()
    }
    partial = Model(scores, {})
    table = np.array(
        [list(partial.competencies(measures[i], _judged(judged, i)).values()) for i in train]
    )
    target = np.mean([_ratings(rows, trait)[train] for trait in OVERALL_TRAITS], axis=0)
    weights = _nonnegative_ridge(table, target)
    return Model(scores, dict(zip(scores, (round(w, 3) for w in weights), strict=True)))


def _judged(judged: Judged, interview: int) -> float | None:
    return None if judged is None else judged[interview]


def _ratings(rows: Sequence[Mapping[str, str]], trait: str) -> NDArray[np.float64]:
    return np.array([float(row[trait]) for row in rows])


def _fit_score(
    measures: Measures,
    ratings: NDArray[np.float64],
    train: Sequence[int],
    trait: str,
    wanted: Sequence[str],
) -> dict[str, Any]:
    bands = {}
    for name in wanted:
        values = [v for i in train for a in measures[i] if (v := a[name]) is not None]
        worst, best = np.percentile(values, [WORST, BEST])
        if not ABOUT[name].higher_is_better:
            worst, best = best, worst
        bands[name] = (float(worst), float(best))
    table = np.array(
        [[_session_band_score(measures[i], name, *bands[name]) for name in wanted] for i in train]
    )
    weights = _nonnegative_ridge(table, ratings[list(train)])
    return {
        "trait": trait,
        "measures": [
            {
                "name": name,
                "zero": round(bands[name][0], 3),
                "ideal": round(bands[name][1], 3),
                "weight": round(weight, 3),
            }
            for name, weight in zip(wanted, weights, strict=True)
            if round(weight, 3) > 0
        ],
    }


def _session_band_score(
    answers: Sequence[Mapping[str, float | None]], name: str, zero: float, ideal: float
) -> float:
    band = band_for(name, zero, ideal)
    scored = [band.score(value) for a in answers if (value := a[name]) is not None]
    return fmean(scored) if scored else 0.0


def _nonnegative_ridge(table: NDArray[np.float64], target: NDArray[np.float64]) -> list[float]:
    """Non-negative weights of the standardised columns of ``table`` for ``target``, ridge-
    penalised, rescaled to the columns' own units and to sum to 1 (a weighted mean)."""
    spread = table.std(axis=0)
    spread[spread == 0] = 1.0
    standard = (table - table.mean(axis=0)) / spread
    columns = table.shape[1]
    stacked = np.vstack([standard, np.sqrt(RIDGE * len(target)) * np.eye(columns)])
    wanted = np.concatenate([target - target.mean(), np.zeros(columns)])
    weights, _ = nnls(stacked, wanted)
    raw = weights / spread
    total = raw.sum()
    return [float(w / total) for w in raw] if total > 0 else [1.0 / columns] * columns


@dataclass(frozen=True)
class HeldOut:
    """Every interview's fitted scores from a fit that did not see its student, and the
    judge's content where it was given (nothing of the judge is fitted to the ratings)."""

    competencies: Mapping[str, list[float]]
    overall: list[float]
    judged: Judged = None

    def of(self, interviews: Sequence[int]) -> HeldOut:
        """The same scores of ``interviews`` alone, in that order."""
        return HeldOut(
            {name: [values[i] for i in interviews] for name, values in self.competencies.items()},
            [self.overall[i] for i in interviews],
            None if self.judged is None else [self.judged[i] for i in interviews],
        )


def cross_validate(
    measures: Measures,
    rows: Sequence[Mapping[str, str]],
    students: Sequence[str],
    judged: Judged = None,
) -> HeldOut:
    """Leave one student out: every fit (bands, weights, the overall) made without them."""
    competencies: dict[str, list[float]] = {name: [0.0] * len(rows) for name in FITTED}
    overall = [0.0] * len(rows)
    for student in sorted(set(students)):
        train = [i for i, s in enumerate(students) if s != student]
        model = fit(measures, rows, train, judged)
        for i in (i for i, s in enumerate(students) if s == student):
            for name, value in model.competencies(measures[i]).items():
                competencies[name][i] = value
            overall[i] = model.overall_of(measures[i], _judged(judged, i))
    return HeldOut(competencies, overall, judged)


def _entry(found: Agreement, trait: str) -> dict[str, Any]:
    """``found`` against ``trait``, in the shipped file's shape."""
    return {"trait": trait, "rho": found.rho, "low": found.low, "high": found.high,
            "interviews": found.n}  # fmt: skip


def agreement_table(
    held_out: HeldOut,
    rows: Sequence[Mapping[str, str]],
    students: Sequence[str],
    against: Sequence[str] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Each fitted competency's and the overall's cross-validated agreement, in the shipped
    file's shape: each competency with its own trait, or with each of ``against``."""

    def entry(values: Sequence[float | None], trait: str) -> dict[str, Any]:
        return _entry(agreement(list(values), list(_ratings(rows, trait)), students), trait)

    table = {
        name: [entry(held_out.competencies[name], trait) for trait in against or (own,)]
        for name, (own, _) in FITTED.items()
    }
    table["overall"] = [entry(held_out.overall, trait) for trait in OVERALL_TRAITS]
    if held_out.judged is not None:
        table[JUDGED] = [entry(held_out.judged, trait) for trait in OVERALL_TRAITS]
    return table


def overall_gaps(
    held_out: HeldOut, rows: Sequence[Mapping[str, str]], students: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """How much better the overall ranks the interviews than each fitted competency and the
    judge's content, for each of the overall's traits: the difference of their Spearman rho
    with its paired 95 % interval (one bootstrap over students for both)."""
    singles: dict[str, Sequence[float | None]] = dict(held_out.competencies)
    if held_out.judged is not None:
        singles[JUDGED] = list(held_out.judged)

    def entry(values: Sequence[float | None], trait: str) -> dict[str, Any]:
        ratings = list(_ratings(rows, trait))
        return _entry(agreement_gap(held_out.overall, values, ratings, students), trait)

    return {
        name: [entry(values, trait) for trait in OVERALL_TRAITS] for name, values in singles.items()
    }


def locked_agreement(
    measures: Measures,
    rows: Sequence[Mapping[str, str]],
    students: Sequence[str],
    judged: Judged = None,
) -> tuple[Model, dict[str, list[dict[str, Any]]]]:
    """The fit on the open students' interviews, and its agreement on the locked students'
    (``bench/judgement/locked.py``), which the fit never saw: the figure the product showed
    until 2026-11-27, printed beside the one it shows now (``shipped_fit``)."""
    train = [i for i, student in enumerate(students) if not is_locked(student)]
    test = [i for i, student in enumerate(students) if is_locked(student)]
    model = fit(measures, rows, train, judged)
    scored = [model.competencies(measures[i]) for i in test]
    held = HeldOut(
        {name: [competencies[name] for competencies in scored] for name in FITTED},
        [model.overall_of(measures[i], _judged(judged, i)) for i in test],
        None if judged is None else [judged[i] for i in test],
    )
    return model, agreement_table(held, [rows[i] for i in test], [students[i] for i in test])


@dataclass(frozen=True)
class Shipped:
    """The model the product ships, fitted on every student, and every interview's scores
    from the fit made without its student (``held``), which its figures are measured on."""

    model: Model
    held: HeldOut
    rows: Sequence[Mapping[str, str]]
    students: Sequence[str]

    def agreement(
        self, part: str = "all", against: Sequence[str] | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """The held-out scores' agreement over the interviews of ``part`` ("all", or
        "locked": what the product shows), in ``agreement_table``'s shape."""
        kept = [i for i, s in enumerate(self.students) if part == "all" or is_locked(s)]
        rows, students = [self.rows[i] for i in kept], [self.students[i] for i in kept]
        return agreement_table(self.held.of(kept), rows, students, against)

    def gaps(self, part: str = "all") -> dict[str, list[dict[str, Any]]]:
        """``overall_gaps`` of the held-out scores over the interviews of ``part``."""
        kept = [i for i, s in enumerate(self.students) if part == "all" or is_locked(s)]
        rows, students = [self.rows[i] for i in kept], [self.students[i] for i in kept]
        return overall_gaps(self.held.of(kept), rows, students)


def shipped_fit(
    measures: Measures,
    rows: Sequence[Mapping[str, str]],
    students: Sequence[str],
    judged: Judged = None,
) -> Shipped:
    """Fitted on all the students (twice the open part's data); each interview scored, for
    the figures, by the fit made without its student."""
    model = fit(measures, rows, list(range(len(rows))), judged)
    return Shipped(model, cross_validate(measures, rows, students, judged), rows, students)


FITTED_FILE = "src/rehearse/feedback/fitted.json"


def shipped(made: Shipped, ratings_file: str, date: str) -> dict[str, Any]:
    """The file the product reads (``feedback/fitted.py``): the fit on every student, with
    each score's agreement on the locked students and the overall's and the judge's content's
    on every student, each interview scored by the fit made without its student."""
    every = made.agreement("all")
    return {
        "dataset": "MIT Interview ratings",
        "source": (
            "MIT Interview dataset (Naim et al. 2018), development half: 64 mock interviews of "
            f"32 students, aggregate ratings of 9 raters each ({ratings_file})"
        ),
        "method": (
            "bands from the training answers' 10th and 90th percentiles, weights by "
            f"non-negative ridge least squares (penalty {RIDGE}), fitted on the interviews "
            "of all the students; agreement is Spearman rho, each interview scored by the "
            "fit made without its student (bands, weights and the overall), on the "
            "interviews of the locked third (bench/judgement/locked.py) and on all of them, "
            "95 % bootstrap interval over students"
        ),
        "agreement_on": "the locked third of the students, each scored by a fit made without them",
        "date": date,
        "scores": made.model.scores,
        "overall": {"traits": list(OVERALL_TRAITS), "weights": made.model.overall},
        "agreement": made.agreement("locked"),
        "overall_cross_validated": every["overall"],
        **({"judged_content_on_every_interview": every[JUDGED]} if JUDGED in every else {}),
    }


def with_judged_overall(content: dict[str, Any], shipped: Mapping[str, Any]) -> dict[str, Any]:
    """``content`` (a fit without the judge) with the overall of ``shipped`` kept: its weights
    and figures rest on the judge's content, which a fit without the judge cannot refit."""
    kept = dict(content)
    kept["overall"] = shipped["overall"]
    kept["agreement"] = {
        **content["agreement"],
        "overall": shipped["agreement"]["overall"],
        JUDGED: shipped["agreement"][JUDGED],
    }
    for key in ("overall_cross_validated", "judged_content_on_every_interview"):
        kept[key] = shipped[key]
    return kept
