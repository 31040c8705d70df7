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

Eye contact, when both attempts were filmed, is compared the same way from the stored video
analyses (``eye_contact_change``): the share of the frames with a face that looked at the lens,
toward or away from its band (at least 60 %, ``feedback.presence``), beyond its own margin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rehearse.analysis.bands import Band
from rehearse.feedback.delivery import FILLERS, LONG_PAUSES, PACE, long_pauses_per_minute
from rehearse.feedback.measures import number_at
from rehearse.feedback.practice.content import Change
from rehearse.feedback.presence import EYE_CONTACT

BANDS: Mapping[str, Band] = {
    "pace": PACE.band,
    "fillers": FILLERS.band,
    "long pauses": LONG_PAUSES.band,
}
# How far a measure may move for nothing. Copies of one recording moved at most 1.9 words a
# minute, 0 fillers and 0 long pauses (bench.practice.noise); the margins add room, declared,
# for what was not measured: the same words said twice by one person (docs/practice.md).
NOISE: Mapping[str, float] = {"pace": 5.0, "fillers": 1.0, "long pauses": 0.5}
# Eye contact's margin, as a share of the frames with a face: the same video analysed again
# moves it by nothing and a browser's re-encoding by little (docs/practice.md); the margin is
# declared wider for what was not measured (the same candidate filmed twice).
EYE_CONTACT_NOISE = 0.1


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


def eye_contact_change(
    first: Mapping[str, Any] | None, second: Mapping[str, Any] | None
) -> MeasureChange | None:
    """Eye contact in two stored video analyses (``VideoAnalysis.to_dict()``), None unless
    both were filmed and showed a face."""
    shares = [_eye_contact(video) for video in (first, second)]
    if shares[0] is None or shares[1] is None:
        return None
    before, after = shares[0], shares[1]
    moved = abs(after - before) > EYE_CONTACT_NOISE
    closer = _off_band(EYE_CONTACT.band, before) - _off_band(EYE_CONTACT.band, after)
    change: Change = "same"
    if moved and closer != 0:
        change = "better" if closer > 0 else "worse"
    return MeasureChange("eye contact", before, after, change)


def _eye_contact(video: Mapping[str, Any] | None) -> float | None:
    if video is None or video.get("status") != "ok":
        return None
    return number_at(video, "gaze", "eye_contact_ratio")
