"""Peaks of a 1-D signal, picked as ``scipy.signal.find_peaks(x, distance=, prominence=)`` does.

The live meter counts syllable nuclei as loudness peaks; this is the part of SciPy it used
(SciPy 1.17's ``_local_maxima_1d``, ``_select_by_peak_distance`` and ``_peak_prominences``
with no window), written out so the base install does not carry SciPy for it.
``tests/analysis/test_peaks.py`` checks it against SciPy where SciPy is installed.

1. Local maxima: a sample higher than its left neighbour and than the first different sample
   to its right; a flat top counts once, at its middle (rounded down). The ends are never peaks.
2. Distance: from the highest peak down, every peak closer than ``distance`` samples to one
   still kept is dropped.
3. Prominence: a peak's height over the higher of the lowest points on each side before the
   signal rises above it; peaks under ``prominence`` are dropped.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Indices = npt.NDArray[np.intp]


def local_maxima(x: npt.NDArray[np.float64]) -> Indices:
    """Indices of the local maxima, flat tops at their middle."""
    peaks: list[int] = []
    last = len(x) - 1
    i = 1
    while i < last:
        if x[i - 1] < x[i]:
            ahead = i + 1
            while ahead < last and x[ahead] == x[i]:
                ahead += 1
            if x[ahead] < x[i]:
                peaks.append((i + ahead - 1) // 2)
                i = ahead
        i += 1
    return np.asarray(peaks, dtype=np.intp)


def by_distance(peaks: Indices, heights: npt.NDArray[np.float64], distance: int) -> Indices:
    """The peaks left when, highest first, each kept peak drops its neighbours within
    ``distance`` samples (ties broken as ``np.argsort`` orders them, as SciPy does)."""
    keep = np.ones(len(peaks), dtype=bool)
    for j in np.argsort(heights)[::-1]:
        if not keep[j]:
            continue
        k = j - 1
        while k >= 0 and peaks[j] - peaks[k] < distance:
            keep[k] = False
            k -= 1
        k = j + 1
        while k < len(peaks) and peaks[k] - peaks[j] < distance:
            keep[k] = False
            k += 1
    kept: Indices = peaks[keep]
    return kept


def prominence(x: npt.NDArray[np.float64], peak: int) -> float:
    """Height of ``x[peak]`` over the higher of the two lowest points reached on each side
    before the signal rises above the peak (or the signal ends)."""
    top = x[peak]
    left_min = top
    i = peak
    while i >= 0 and x[i] <= top:
        left_min = min(left_min, x[i])
        i -= 1
    right_min = top
    i = peak
    while i < len(x) and x[i] <= top:
        right_min = min(right_min, x[i])
        i += 1
    return float(top - max(left_min, right_min))


def find_peaks(x: npt.ArrayLike, *, distance: int, min_prominence: float) -> Indices:
    """Peaks at least ``distance`` samples apart with at least ``min_prominence``."""
    signal = np.asarray(x, dtype=np.float64).reshape(-1)
    peaks = local_maxima(signal)
    if distance > 1 and len(peaks) > 1:
        peaks = by_distance(peaks, signal[peaks], distance)
    return np.asarray(
        [p for p in peaks if prominence(signal, int(p)) >= min_prominence], dtype=np.intp
    )
