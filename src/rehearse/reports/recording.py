"""What the report shows of one recording's stored analyses: its timed words, its timeline
and the moments worth replaying (the speech analysis, with the video's eye contact)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rehearse.feedback.report import MomentNote, TimedWord, TimelinePoint
from rehearse.feedback.segments import LONG_PAUSE_SECONDS, moments, video_moments


def moment_notes(
    speech: Mapping[str, Any] | None, video: Mapping[str, Any] | None
) -> tuple[MomentNote, ...]:
    found = [*(moments(speech) if speech else []), *(video_moments(video) if video else [])]
    return tuple(
        MomentNote(m.start, m.end, m.when, m.kind, m.what, m.advice)
        for m in sorted(found, key=lambda m: m.start)
    )


def timeline(
    speech: Mapping[str, Any] | None, video: Mapping[str, Any] | None
) -> tuple[TimelinePoint, ...]:
    """The speech timeline's windows with the video's eye contact in the window of the same
    start (both use 5 s windows from 0); video-only windows where there is no speech."""
    eyes = {round(w["start"], 1): w["eye_contact_ratio"] for w in (video or {}).get("timeline", [])}
    spoken = (speech or {}).get("timeline") or []
    if not spoken:
        return tuple(
            TimelinePoint(w["start"], w["end"], None, None, 0, False, w["eye_contact_ratio"])
            for w in (video or {}).get("timeline", [])
        )
    return tuple(
        TimelinePoint(
            w["start"],
            w["end"],
            w["words_per_minute"],
            w["pitch_median_hz"],
            w["fillers"],
            w["long_pause"],
            eyes.get(round(w["start"], 1)),
        )
        for w in spoken
    )


def timed_words(speech: Mapping[str, Any]) -> tuple[TimedWord, ...]:
    """The transcript's words with their times, fillers and repetitions marked and long
    pauses before them; a filler heard in the sound that no word shows is a word of its own
    ("um"), where it was heard."""
    items = (speech.get("fillers") or {}).get("items") or []
    fillers = [(f["start"], f["end"]) for f in items if f.get("source") != "acoustic"]
    heard = [
        TimedWord(str(f["text"]), f["start"], f["end"], filler=True)
        for f in items
        if f.get("source") == "acoustic"
    ]
    again = [(r["start"], r["end"]) for r in speech.get("repetitions") or []]
    pauses = [
        p for p in speech.get("pause_spans") or [] if p["end"] - p["start"] > LONG_PAUSE_SECONDS
    ]
    words = []
    for word in speech.get("words") or []:
        start, end = word["start"], word["end"]
        filler = any(_marks(s, e, start, end) for s, e in fillers)
        repeated = any(_marks(s, e, start, end) for s, e in again)
        pause = next((p["end"] - p["start"] for p in pauses if abs(p["end"] - start) < 0.3), 0.0)
        words.append(TimedWord(word["text"].strip(), start, end, filler, round(pause, 1), repeated))
    return tuple(sorted([*words, *heard], key=lambda word: word.start))


def _marks(start: float, end: float, word_start: float, word_end: float) -> bool:
    """Whether a marker from ``start`` to ``end`` falls on a word: they overlap, or both are
    the same moment (Whisper times some short words, often an "um", as no time at all)."""
    return max(start, word_start) < min(end, word_end) or (start, end) == (word_start, word_end)
