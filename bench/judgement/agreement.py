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
    within = [_rho(x[g], y[g]) for g in groups]
    return _rho(x[index], y[index]), float(np.nanmean(within))


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
    p_low, p_high = np.nanpercentile([d[0] for d in draws], [2.5, 97.5])
    w_low, w_high = np.nanpercentile([d[1] for d in draws], [2.5, 97.5])
    return Ranking(
        pooled, (float(p_low), float(p_high)), within, (float(w_low), float(w_high)), len(x)
    )
