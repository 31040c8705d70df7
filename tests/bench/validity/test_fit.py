"""The fitted scores on the development ratings: the shipped file is the fit on every
student, its agreement that of the locked students' interviews each scored by the fit made
without its student, and those figures hold the scores the product grades with (skipped
where the ratings are absent: conftest.py)."""

from __future__ import annotations

import json

import pytest
from bench.validity.__main__ import ROOT
from bench.validity.stats import student_of

from bench.validity import fit
from tests.bench.validity.conftest import RatedInterviews


@pytest.fixture(scope="module")
def fitted(rated_interviews: RatedInterviews) -> fit.Shipped:
    rows = rated_interviews.rows
    students = [student_of(row["Participant"]) for row in rows]
    return fit.shipped_fit(fit.measures_of(rated_interviews.evaluated), rows, students)


def _shipped() -> dict[str, object]:
    loaded: dict[str, object] = json.loads((ROOT / fit.FITTED_FILE).read_text("utf-8"))
    return loaded


def test_the_shipped_bands_and_weights_are_the_fit_of_the_file(fitted: fit.Shipped) -> None:
    # Within a rounding: the sentence encoder's last digits differ between CPUs.
    model = fitted.model
    shipped = _shipped()
    scores: dict[str, dict[str, list[dict[str, float]]]] = shipped["scores"]  # type: ignore[assignment]
    assert set(scores) == set(model.scores)
    for name, fitted_score in model.scores.items():
        found = {m["name"]: m for m in fitted_score["measures"]}
        kept = {m["name"]: m for m in scores[name]["measures"]}
        assert set(found) == set(kept), name
        for measure, values in kept.items():
            for key in ("zero", "ideal", "weight"):
                assert values[key] == pytest.approx(found[measure][key], rel=0.02, abs=0.005)
    # The shipped overall weighs the content judge's content, which needs every answer of
    # the ratings judged (an hour on 2 cores: ``python -m bench.validity --fit``), so only its
    # shape is checked here: a weighted mean of the fitted competencies.
    weights: dict[str, float] = shipped["overall"]["weights"]  # type: ignore[index]
    assert set(weights) == set(model.overall)
    assert all(weight >= 0 for weight in weights.values())
    assert sum(weights.values()) == pytest.approx(1, abs=0.01)


def test_the_shipped_agreement_is_the_locked_students_scored_by_fits_without_them(
    fitted: fit.Shipped,
) -> None:
    table = fitted.agreement("locked")
    shipped: dict[str, list[dict[str, float]]] = _shipped()["agreement"]  # type: ignore[assignment]
    assert set(shipped) == {*table, fit.JUDGED}
    for name, found in table.items():
        if name == "overall":
            continue  # fitted with the judge's content (above)
        for kept, measured in zip(shipped[name], found, strict=True):
            assert kept["rho"] == pytest.approx(measured["rho"], abs=0.02)
            assert kept["interviews"] == measured["interviews"] < 64


def test_the_scores_it_grades_with_agree_with_the_raters_on_the_locked_students(
    fitted: fit.Shipped,
) -> None:
    # Guards against breaking, below the figures measured (0.54, 0.79), not targets.
    table = fitted.agreement("locked")
    rho = {(name, item["trait"]): item["rho"] for name, found in table.items() for item in found}
    assert rho["structure", "StructuredAnswers"] >= 0.45
    assert rho["fluency", "NoFillers"] >= 0.65


def test_the_overalls_gap_to_each_score_is_their_difference_with_an_interval_around_it(
    fitted: fit.Shipped,
) -> None:
    against = fitted.agreement("locked", fit.OVERALL_TRAITS)
    rho = {(name, item["trait"]): item["rho"] for name, found in against.items() for item in found}
    gaps = fitted.gaps("locked")
    assert set(gaps) == set(against) - {"overall"}
    for name, found in gaps.items():
        assert [item["trait"] for item in found] == list(fit.OVERALL_TRAITS)
        for item in found:
            expected = rho["overall", item["trait"]] - rho[name, item["trait"]]
            assert item["rho"] == pytest.approx(expected, abs=0.002)
            assert item["low"] <= item["rho"] <= item["high"]


def test_a_fit_without_the_judge_keeps_the_shipped_overall() -> None:
    shipped = _shipped()
    refit = {
        "scores": {"structure": {}},
        "overall": {"weights": {"structure": 1.0}},
        "agreement": {"structure": ["refit"], "overall": ["without the judge"]},
        "overall_cross_validated": ["without the judge"],
    }
    kept = fit.with_judged_overall(refit, shipped)
    assert kept["scores"] == refit["scores"]
    assert kept["agreement"]["structure"] == ["refit"]
    assert kept["overall"] == shipped["overall"]
    assert kept["agreement"]["overall"] == shipped["agreement"]["overall"]  # type: ignore[index]
    assert kept["overall_cross_validated"] == shipped["overall_cross_validated"]
