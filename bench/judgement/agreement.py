"""How a score ranks answers against the graders' mean: Spearman pooled over all answers and
the mean of the per-question Spearmans (within a question, where a content score must
work), each with a 95 % interval from a bootstrap over questions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.stats import spearmanr

SAMPLES = 1000


@dataclass(frozen=True)
class Ranking:
    pooled: float
    pooled_interval: tuple[float, float]
    per_question: float
    per_question_interval: tuple[float, float]
    n: int

    def shown(self) -> str:
        return (
            f"pooled {self.pooled:+.3f} [{self.pooled_interval[0]:+.2f}, "
            f"{self.pooled_interval[1]:+.2f}]  per question {self.per_question:+.3f} "
            f"[{self.per_question_interval[0]:+.2f}, {self.per_question_interval[1]:+.2f}]"
        )


def _rho(x: NDArray[np.float64], y: NDArray[np.float64]) -> float:
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return float(spearmanr(x, y).statistic)


def _both(
    x: NDArray[np.float64], y: NDArray[np.float64], groups: list[NDArray[np.intp]]
) -> tuple[float, float]:
    index = np.concatenate(groups)
    return _rho(x[index], y[index]), _finite_mean([_rho(x[g], y[g]) for g in groups])


def _defined(values: Sequence[float]) -> list[float]:
    """The values that are not NaN (numpy's nan-functions warn when none is)."""
    return [v for v in values if np.isfinite(v)]


def _finite_mean(values: Sequence[float]) -> float:
    """The mean of the defined values; NaN when none is."""
    defined = _defined(values)
    return float(np.mean(defined)) if defined else float("nan")


def _interval(values: Sequence[float]) -> tuple[float, float]:
    """The 95 % interval of the defined values; NaN when none is."""
    defined = _defined(values)
    if not defined:
        return float("nan"), float("nan")
    low, high = np.percentile(defined, [2.5, 97.5])
    return float(low), float(high)


def ranking(
    scores: Sequence[float], grades: Sequence[float], questions: Sequence[str], *, seed: int = 7
) -> Ranking:
    x, y = np.asarray(scores, float), np.asarray(grades, float)
    ids = sorted(set(questions))
    groups = [np.flatnonzero(np.asarray(questions) == q) for q in ids]
    pooled, within = _both(x, y, groups)
    rng = np.random.default_rng(seed)
    draws = [
        _both(x, y, [groups[i] for i in rng.integers(0, len(groups), len(groups))])
        for _ in range(SAMPLES)
    ]
    pooled_interval = _interval([d[0] for d in draws])
    return Ranking(pooled, pooled_interval, within, _interval([d[1] for d in draws]), len(x))
