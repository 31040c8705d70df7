"""How two attempts were spoken: each delivery measure's change, called only beyond its noise.

A measure moves a little between two recordings of the same speaking: the recogniser hears a
filler or a pause differently through another microphone, codec or room. ``NOISE`` is how far
each may move for nothing (measured by ``python -m bench.practice.noise``, docs/practice.md);
a change within it is "same". Beyond it, a measure is better when it moved toward its coaching
band (``feedback.delivery``: 120-160 words a minute, at most 3 fillers per 100 words, at most
one long pause a minute) and worse when it moved away; inside the band either way is "same".
A recording the analysis heard through noise, a phone line or noise removal (its
``conditions``) makes its fillers and pauses less certain than any margin measured here, so
then no change is called (``change`` None).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rehearse.analysis.bands import Band
from rehearse.feedback.delivery import FILLERS, LONG_PAUSES, PACE, long_pauses_per_minute
from rehearse.feedback.measures import number_at
from rehearse.feedback.practice.content import Change

BANDS: Mapping[str, Band] = {
    "pace": PACE.band,
    "fillers": FILLERS.band,
    "long pauses": LONG_PAUSES.band,
}
# How far a measure may move for nothing. Copies of one recording moved at most 1.9 words a
# minute, 0 fillers and 0 long pauses (bench.practice.noise); the margins add room, declared,
# for what was not measured: the same words said twice by one person (docs/practice.md).
NOISE: Mapping[str, float] = {"pace": 5.0, "fillers": 1.0, "long pauses": 0.5}


@dataclass(frozen=True)
class MeasureChange:
    name: str  # "pace", "fillers", "long pauses"
    first: float
    second: float
    change: Change | None  # None: not compared (a recording heard through noise)


def measures_of(speech: Mapping[str, Any]) -> dict[str, float]:
    """The compared measures of a stored speech analysis (``SpeechAnalysis.to_dict()``); empty
    when nothing was said."""
    if speech.get("status") != "ok" or not speech.get("words"):
        return {}
    found = {
        "pace": number_at(speech, "pace", "words_per_minute"),
        "fillers": number_at(speech, "fillers", "per_100_words"),
        "long pauses": long_pauses_per_minute(speech),
    }
    return {name: value for name, value in found.items() if value is not None}


def heard_clearly(speech: Mapping[str, Any]) -> bool:
    """Whether the analysis heard the recording without noise, a phone line or noise removal."""
    return not speech.get("conditions")


def _off_band(band: Band, value: float) -> float:
    return max(band.ideal_low - value, 0.0, value - band.ideal_high)


def delivery_changes(
    first: Mapping[str, Any], second: Mapping[str, Any]
) -> tuple[MeasureChange, ...]:
    """Each measure both attempts have, with whether the second moved toward its band."""
    before, after = measures_of(first), measures_of(second)
    clear = heard_clearly(first) and heard_clearly(second)
    changes = []
    for name in (n for n in BANDS if n in before and n in after):
        moved = abs(after[name] - before[name]) > NOISE[name]
        closer = _off_band(BANDS[name], before[name]) - _off_band(BANDS[name], after[name])
        change: Change | None = "same" if clear else None
        if clear and moved and closer != 0:
            change = "better" if closer > 0 else "worse"
        changes.append(MeasureChange(name, before[name], after[name], change))
    return tuple(changes)
