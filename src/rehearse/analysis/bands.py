"""Target bands: a measurement scores 1 inside its ideal range and falls linearly to 0 outside.

Every score Rehearse shows is built from bands like these, each with the source it was drawn
from, so a score can always say which measurement moved it and by how much.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    ideal_low: float
    ideal_high: float
    zero_low: float  # at or below this the score is 0 (equal to ideal_low: no lower limit)
    zero_high: float  # at or above this the score is 0 (equal to ideal_high: no upper limit)

    def score(self, value: float) -> float:
        """1 inside [ideal_low, ideal_high], falling linearly to 0 at zero_low / zero_high."""
        if self.ideal_low <= value <= self.ideal_high:
            return 1.0
        if value < self.ideal_low:
            span = self.ideal_low - self.zero_low
            return max(0.0, (value - self.zero_low) / span) if span > 0 else 0.0
        span = self.zero_high - self.ideal_high
        return max(0.0, (self.zero_high - value) / span) if span > 0 else 0.0
