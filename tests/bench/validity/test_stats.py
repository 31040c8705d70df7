"""Rank agreement and its interval by student (bench/validity/stats.py)."""

from __future__ import annotations

import numpy as np
import pytest
from bench.validity.stats import (
    _weighted_spearman,
    agreement,
    agreement_gap,
    spearman,
    student_of,
    wilson,
)


def test_a_students_two_interviews_are_one_student() -> None:
    assert student_of("p7") == student_of("pp7") == "7"
    assert student_of("p7") != student_of("p17")


def test_perfect_ranking_has_rho_one_and_an_interval_that_holds_it() -> None:
    scores = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    found = agreement(scores, [10, 20, 30, 40, 50, 60], ["1", "1", "2", "2", "3", "3"])
    assert found.rho == 1.0
    assert found.low is not None
    assert found.high is not None
    assert found.low <= 1.0 <= found.high + 1e-9


def test_reversed_ranking_has_rho_minus_one() -> None:
    found = agreement([3.0, 2.0, 1.0, 0.0], [1, 2, 3, 4], ["1", "2", "3", "4"])
    assert found.rho == -1.0


def test_unmeasured_scores_are_left_out_of_the_pairs() -> None:
    found = agreement([None, 1.0, 2.0, 3.0], [9, 1, 2, 3], ["1", "2", "3", "4"])
    assert found.n == 3
    assert found.rho == 1.0


def _rated(n: int = 30) -> tuple[list[float], list[str], np.random.Generator]:
    """``n`` ratings of ``n // 2`` students' two interviews each, and a seeded generator."""
    rng = np.random.default_rng(7)
    return [float(r) for r in rng.normal(size=n)], [str(i // 2) for i in range(n)], rng


def test_a_score_against_itself_gains_nothing_in_any_resample() -> None:
    ratings, students, rng = _rated()
    scores = [r + float(e) for r, e in zip(ratings, rng.normal(size=len(ratings)), strict=True)]
    gap = agreement_gap(scores, scores, ratings, students)
    assert (gap.rho, gap.low, gap.high) == (0.0, 0.0, 0.0)


def test_a_score_that_tracks_the_ratings_ranks_them_surely_better_than_noise() -> None:
    ratings, students, rng = _rated()
    tracking = [r + 0.3 * float(e) for r, e in zip(ratings, rng.normal(size=30), strict=True)]
    noise = [float(e) for e in rng.normal(size=30)]
    gap = agreement_gap(tracking, noise, ratings, students)
    assert gap.rho == pytest.approx(
        (spearman(tracking, ratings) or 0) - (spearman(noise, ratings) or 0), abs=1e-3
    )
    assert gap.low is not None
    assert gap.low > 0


def test_the_gap_is_over_the_interviews_both_scores_measured() -> None:
    gap = agreement_gap([None, 1.0, 2.0, 3.0, 4.0], [5.0, None, 1.0, 2.0, 3.0],
                        [1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"])  # fmt: skip
    assert gap.n == 3


def test_a_shares_interval_holds_it_and_narrows_with_more_counts() -> None:
    few, many = wilson(8, 10), wilson(80, 100)
    assert few[0] < 0.8 < few[1]
    assert many[0] < 0.8 < many[1]
    assert many[1] - many[0] < few[1] - few[0]


def test_a_share_of_all_or_none_stays_within_zero_and_one() -> None:
    assert wilson(0, 5)[0] == 0.0
    assert wilson(5, 5)[1] == 1.0


def test_each_resample_is_ranked_as_if_its_pairs_were_written_out() -> None:
    rng = np.random.default_rng(5)
    xs = rng.integers(0, 6, 12).astype(float)  # ties on both sides, as ratings have
    ys = rng.integers(1, 5, 12).astype(float)
    weights = rng.integers(0, 3, (50, 12)).astype(float)
    found = _weighted_spearman(xs, ys, weights)
    for row, rho in zip(weights, found, strict=True):
        pairs = [(x, y) for x, y, times in zip(xs, ys, row, strict=True) for _ in range(int(times))]
        expected = spearman([x for x, _ in pairs], [y for _, y in pairs])
        if expected is None:
            assert np.isnan(rho) or len(pairs) < 3
        else:
            assert rho == pytest.approx(expected, abs=1e-9)
