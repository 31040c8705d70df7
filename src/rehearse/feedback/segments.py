"""Moments of a recording worth a comment: what happened there, and what to do about it.

Read from the stored speech analysis (its 5-second timeline, pauses, fillers and repetitions;
neighbouring windows that share a problem are merged into one moment, "1:10-1:25: 190 wpm")
and from the stored video analysis (its episodes: looking away, out of the frame, another
face).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FAST_WPM = 180.0  # beyond the delivery band's 160 by enough to be heard as rushing
SLOW_WPM = 95.0
LONG_PAUSE_SECONDS = 2.0  # the speech analysis counts pauses over this as long
CLUSTER = 3  # fillers (or repetitions) within one cluster window make a moment
CLUSTER_SECONDS = 15.0


@dataclass(frozen=True)
class Moment:
    start: float
    end: float
    # fast, slow, long_pause, fillers, repetitions; gaze_aversion, face_not_visible,
    # multiple_faces
    kind: str
    what: str
    advice: str

    @property
    def when(self) -> str:
        start, end = clock(self.start), clock(self.end)
        return start if start == end else f"{start}-{end}"


def clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def moments(speech: Mapping[str, Any]) -> list[Moment]:
    """Every moment worth a comment, in order of time."""
    if speech.get("status") != "ok":
        return []
    found = [
        *_pace_moments(speech.get("timeline") or []),
        *_pause_moments(speech),
        *_clusters((speech.get("fillers") or {}).get("items") or [], FILLERS),
        *_clusters(speech.get("repetitions") or [], REPETITIONS),
    ]
    return sorted(found, key=lambda moment: (moment.start, moment.kind))


def _pace_moments(timeline: Sequence[Mapping[str, Any]]) -> list[Moment]:
    found: list[Moment] = []
    run: list[Mapping[str, Any]] = []
    kind = ""

    def close() -> None:
        if not run:
            return
        rate = sum(w["words_per_minute"] for w in run) / len(run)
        if kind == "fast":
            advice = "slow down here: finish the sentence, then pause before the next point."
        else:
            advice = "pick up the pace here, or say where you are going ('the result was...')."
        found.append(Moment(run[0]["start"], run[-1]["end"], kind, f"{rate:.0f} wpm", advice))

    for window in timeline:
        rate = window.get("words_per_minute")
        this = (
            "" if rate is None else "fast" if rate > FAST_WPM else "slow" if rate < SLOW_WPM else ""
        )
        if this != kind or not this:
            close()
            run, kind = [], this
        if this:
            run.append(window)
    close()
    return found


def _pause_moments(speech: Mapping[str, Any]) -> list[Moment]:
    words = speech.get("words") or []
    found = []
    for span in speech.get("pause_spans") or []:
        length = span["end"] - span["start"]
        if length <= LONG_PAUSE_SECONDS:
            continue
        following = [w["text"].strip() for w in words if w["start"] >= span["end"] - 0.05][:4]
        before = f" before '{' '.join(following)}'" if following else ""
        found.append(
            Moment(
                span["start"],
                span["end"],
                "long_pause",
                f"{length:.1f} s pause{before}",
                "plan the next step before you speak, or bridge with 'the next thing I did was'.",
            )
        )
    return found


@dataclass(frozen=True)
class Cluster:
    """A kind of marker that makes a moment when CLUSTER of them fall within CLUSTER_SECONDS."""

    kind: str  # also what the moment calls them: "4 fillers (um, uh)"
    advice: str


FILLERS = Cluster(
    "fillers", "pause silently instead; slow down slightly so words come before sound."
)
REPETITIONS = Cluster(
    "repetitions", "say it once: pause to find the words rather than starting them again."
)


def _clusters(items: Sequence[Mapping[str, Any]], cluster: Cluster) -> list[Moment]:
    """Clusters of markers (fillers, repetitions): at least CLUSTER within CLUSTER_SECONDS."""
    found: list[Moment] = []
    ordered = sorted(items, key=lambda item: item["start"])
    index = 0
    while index < len(ordered):
        near = [
            item
            for item in ordered[index:]
            if item["start"] - ordered[index]["start"] <= CLUSTER_SECONDS
        ]
        if len(near) >= CLUSTER:
            said = ", ".join(dict.fromkeys(item["text"].lower() for item in near))
            found.append(
                Moment(
                    near[0]["start"],
                    near[-1]["end"],
                    cluster.kind,
                    f"{len(near)} {cluster.kind} ({said})",
                    cluster.advice,
                )
            )
            index += len(near)
        else:
            index += 1
    return found


VIDEO_EPISODES: Mapping[str, tuple[str, str]] = {
    "gaze_aversion": (
        "looking away from the camera",
        "come back to the lens as you make the point; look away only briefly to think.",
    ),
    "face_not_visible": (
        "face out of the frame",
        "stay centred in the picture; lean back if you are too close to the camera.",
    ),
    "multiple_faces": (
        "another face in the frame",
        "find a quiet spot where no one else is in view, as you would for a real interview.",
    ),
}


def video_moments(video: Mapping[str, Any]) -> list[Moment]:
    """The video analysis's episodes as moments, in order of time."""
    found = []
    for episode in video.get("episodes") or []:
        what, advice = VIDEO_EPISODES.get(episode["kind"], (episode["kind"], ""))
        seconds = episode["end"] - episode["start"]
        found.append(
            Moment(
                episode["start"],
                episode["end"],
                episode["kind"],
                f"{what} ({seconds:.1f} s)",
                advice,
            )
        )
    return sorted(found, key=lambda moment: moment.start)
