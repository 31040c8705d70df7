"""Which disfluencies the filler measure counts, chosen by cross-validation.

Filled pauses ("um", "uh") always count; each candidate adds a set of the discourse markers
the lexicon finds in context ("like", "you know", "I mean", "basically", "sort of"), and
counts or leaves out the repetitions and restarts the speech analysis finds ("I, I think",
"we- we"). The measure is the report's: per 100 words, the mean over the session's answers.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from bench.validity.score import EvaluatedInterview
from bench.validity.spoken import transcript_speech
from rehearse.analysis.speech.lexicon import Marker, is_filled_pause

MARKERS = ("like", "you know", "i mean", "basically", "sort of")

# Each candidate's discourse markers, whether repetitions count, and its preference (the
# lexicon as the coaching sources have it, every marker and no repetitions, is preferred
# unless the ratings speak clearly against it). 8 candidates.
MARKER_SETS: dict[str, tuple[frozenset[str], float]] = {
    "filled pauses and every marker (the lexicon)": (frozenset(MARKERS), 1.0),
    "filled pauses and every marker but 'you know'": (frozenset(MARKERS) - {"you know"}, 0.5),
    "filled pauses and 'like'": (frozenset({"like"}), 0.2),
    "filled pauses only": (frozenset(), 0.0),
}
CANDIDATES: dict[str, tuple[frozenset[str], bool, float]] = {
    f"{name}{', repetitions' if repetitions else ''}": (
        markers,
        repetitions,
        preference - (0.05 if repetitions else 0.0),
    )
    for name, (markers, preference) in MARKER_SETS.items()
    for repetitions in (False, True)
}


def filler_rate(
    interview: EvaluatedInterview, markers: frozenset[str], repetitions: bool = False
) -> float | None:
    """The session's fillers per 100 words counting filled pauses and ``markers``, and the
    repetitions and restarts when ``repetitions``."""

    def counted(marker: Marker) -> bool:
        return is_filled_pause(marker.text) or marker.text in markers

    rates = []
    for answer in interview.answers:
        speech = transcript_speech(answer.text, counted)
        words = len(speech["words"])
        found = speech["fillers"]["count"] + (len(speech["repetitions"]) if repetitions else 0)
        rates.append(100 * found / words if words else None)
    measured = [rate for rate in rates if rate is not None]
    return statistics.mean(measured) if measured else None


def filler_values(interviews: Sequence[EvaluatedInterview]) -> dict[str, list[float | None]]:
    """Each candidate's score of every interview: fewer fillers = higher."""
    found: dict[str, list[float | None]] = {}
    for name, (markers, repetitions, _) in CANDIDATES.items():
        rates = [filler_rate(interview, markers, repetitions) for interview in interviews]
        found[name] = [None if rate is None else -rate for rate in rates]
    return found


def filler_preferences() -> dict[str, float]:
    return {name: preference for name, (_, _, preference) in CANDIDATES.items()}
