"""Rank agreement with its uncertainty: Spearman rho, and a bootstrap interval that resamples
students, not interviews (a student's two interviews are not independent evidence)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
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
    groups: dict[str, list[int]] = {}
    for index, (_, _, student) in enumerate(kept):
        groups.setdefault(student, []).append(index)
    clusters = list(groups.values())
    rng = np.random.default_rng(seed)
    samples = []
    for _ in range(BOOTSTRAP_SAMPLES):
        chosen = rng.integers(0, len(clusters), len(clusters))
        rows = [i for c in chosen for i in clusters[c]]
        value = spearman([kept[i][0] for i in rows], [kept[i][1] for i in rows])
        if value is not None and not np.isnan(value):
            samples.append(value)
    low, high = np.percentile(samples, [2.5, 97.5])
    return Agreement(round(rho, 3), round(float(low), 3), round(float(high), 3), len(kept))
