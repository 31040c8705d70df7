"""Rank agreement with its uncertainty: Spearman rho, and a bootstrap interval that resamples
students, not interviews (a student's two interviews are not independent evidence)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.stats import spearmanr

BOOTSTRAP_SAMPLES = 2000
_STUDENT = re.compile(r"^p+(\d+)$", re.IGNORECASE)


def student_of(participant: str) -> str:
    """The student behind an interview: ``p7`` and ``pp7`` are the same student's two."""
    match = _STUDENT.match(participant.strip())
    return match.group(1) if match else participant


@dataclass(frozen=True)
class Agreement:
    rho: float | None  # None when fewer than three pairs were measured
    low: float | None  # 2.5th percentile of the bootstrap
    high: float | None  # 97.5th percentile
    n: int

    def shown(self) -> str:
        if self.rho is None or self.low is None or self.high is None:
            return "not measured"
        return f"{self.rho:+.2f} [{self.low:+.2f}, {self.high:+.2f}]"


def wilson(hits: int, n: int) -> tuple[float, float]:
    """The 95 % Wilson interval of the share ``hits / n`` (``n`` > 0)."""
    p, z = hits / n, 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(centre - half, 0.0), min(centre + half, 1.0)


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    if len(xs) < 3 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    return float(spearmanr(xs, ys).statistic)


def agreement(
    scores: Sequence[float | None],
    ratings: Sequence[float],
    students: Sequence[str],
    *,
    seed: int = 13,
) -> Agreement:
    """Spearman rho of ``scores`` with ``ratings`` (pairs with a missing score left out) and
    its 95 % interval from a bootstrap over students."""
    kept = [(s, r, g) for s, r, g in zip(scores, ratings, students, strict=True) if s is not None]
    rho = spearman([s for s, _, _ in kept], [r for _, r, _ in kept])
    if rho is None:
        return Agreement(None, None, None, len(kept))
    weights = _resamples([g for _, _, g in kept], seed)
    samples = _weighted_spearman(
        np.array([s for s, _, _ in kept], dtype=float),
        np.array([r for _, r, _ in kept], dtype=float),
        weights,
    )
    return _with_interval(rho, samples[weights.sum(axis=1) >= 3], len(kept))


def agreement_gap(
    first: Sequence[float | None],
    second: Sequence[float | None],
    ratings: Sequence[float],
    students: Sequence[str],
    *,
    seed: int = 13,
) -> Agreement:
    """How much better ``first`` ranks ``ratings`` than ``second`` does (the difference of
    their Spearman rho, over the interviews both measured) and its 95 % interval from one
    bootstrap over students that resamples both together, so what they share cancels."""
    kept = [
        (a, b, r, g)
        for a, b, r, g in zip(first, second, ratings, students, strict=True)
        if a is not None and b is not None
    ]
    rated = [r for _, _, r, _ in kept]
    rho_first = spearman([a for a, _, _, _ in kept], rated)
    rho_second = spearman([b for _, b, _, _ in kept], rated)
    if rho_first is None or rho_second is None:
        return Agreement(None, None, None, len(kept))
    weights = _resamples([g for _, _, _, g in kept], seed)
    ys = np.array(rated, dtype=float)
    samples = _weighted_spearman(
        np.array([a for a, _, _, _ in kept], dtype=float), ys, weights
    ) - _weighted_spearman(np.array([b for _, b, _, _ in kept], dtype=float), ys, weights)
    return _with_interval(rho_first - rho_second, samples[weights.sum(axis=1) >= 3], len(kept))


def _resamples(students: Sequence[str], seed: int) -> NDArray[np.float64]:
    """``BOOTSTRAP_SAMPLES`` draws of the students with replacement, as how often each
    interview is in each draw (a row per draw, a column per interview)."""
    groups: dict[str, int] = {}
    cluster = np.array([groups.setdefault(student, len(groups)) for student in students])
    rng = np.random.default_rng(seed)
    chosen = rng.integers(0, len(groups), (BOOTSTRAP_SAMPLES, len(groups)))  # students drawn
    drawn = np.zeros((BOOTSTRAP_SAMPLES, len(groups)))
    np.add.at(drawn, (np.arange(BOOTSTRAP_SAMPLES)[:, None], chosen), 1.0)
    weights: NDArray[np.float64] = drawn[:, cluster]
    return weights


def _with_interval(value: float, samples: NDArray[np.float64], n: int) -> Agreement:
    low, high = np.percentile(samples[~np.isnan(samples)], [2.5, 97.5])
    return Agreement(round(value, 3), round(float(low), 3), round(float(high), 3), n)


def _weighted_spearman(
    xs: NDArray[np.float64], ys: NDArray[np.float64], weights: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Spearman rho of each resample (a row of ``weights``: how many times it holds each
    pair), computed at once for all: what ``spearman`` gives the resample written out pair by
    pair, NaN where either side is constant."""
    rx, ry = _weighted_ranks(xs, weights), _weighted_ranks(ys, weights)
    total = weights.sum(axis=1, keepdims=True)
    dx = rx - (weights * rx).sum(axis=1, keepdims=True) / total
    dy = ry - (weights * ry).sum(axis=1, keepdims=True) / total
    with np.errstate(invalid="ignore", divide="ignore"):
        covariance = (weights * dx * dy).sum(axis=1)
        spread = np.sqrt((weights * dx * dx).sum(axis=1) * (weights * dy * dy).sum(axis=1))
        rho: NDArray[np.float64] = np.where(spread > 1e-12, covariance / spread, np.nan)
    return rho


def _weighted_ranks(
    values: NDArray[np.float64], weights: NDArray[np.float64]
) -> NDArray[np.float64]:
    """The average rank (from 1) of each value in each resample holding value ``i``
    ``weights[:, i]`` times; ties share their ranks' mean, as ``scipy.stats.rankdata``."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    tie = np.cumsum(np.r_[True, ordered[1:] != ordered[:-1]]) - 1  # tie group, sorted
    members = np.zeros((len(values), tie[-1] + 1))
    members[np.arange(len(values)), tie] = 1.0
    held = weights[:, order] @ members  # each tie group's count in each resample
    below = np.cumsum(held, axis=1) - held
    ranks = np.empty_like(weights)
    ranks[:, order] = (below + (held + 1) / 2)[:, tie]
    return ranks
