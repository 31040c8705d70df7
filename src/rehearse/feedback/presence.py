"""Presence: how the candidate came across on camera, from a stored video analysis.

Eye contact, staying in the frame, gaze aversions, head steadiness, posture, fidgeting,
smiles and blink rate, each against a band with its source (docs/scoring.md). The expression
model's mood reading is deliberately not scored: it is too weak on neutral faces.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rehearse.analysis.bands import Band
from rehearse.feedback.measures import Rule, Score, number_at, weighted_score

EYE_CONTACT = Rule(
    "eye contact",
    "share",
    "at least 60 %",
    Band(0.6, 1.0, 0.15, 1.0),
    0.35,
    "Speakers look at their listener about 40-60 % of the time and listeners 70-75 % "
    "(Argyle & Cook 1976); on video the lens is the listener, and interview coaching asks "
    "for most of the answer.",
    "Look at the camera lens, not at your own picture, when you make a point; glance away "
    "only to think.",
)
IN_FRAME = Rule(
    "face in frame",
    "share",
    "at least 90 %",
    Band(0.9, 1.0, 0.5, 1.0),
    0.15,
    "An interviewer cannot read a face that is out of the frame (coaching practice).",
    "Sit centred with your head and shoulders in the picture, and check it before you start.",
)
AVERSIONS = Rule(
    "looking away",
    "per minute",
    "at most 3",
    Band(0, 3, 0, 10),
    0.1,
    "Breaking eye contact to think is normal; frequent long aversions (over 1.5 s) read as "
    "evasive or unprepared (Burgoon et al. 1985, on gaze and credibility).",
    "When you need to think, pause and look down briefly, then come back to the lens.",
)
HEAD_MOVEMENT = Rule(
    "head movement",
    "degrees",
    "at most 10",
    Band(0, 10, 0, 25),
    0.1,
    "Some nodding is engaging; a head turning more than about 10 degrees on average "
    "(spread of yaw and pitch) reads as restless (coaching practice).",
    "Keep your head facing the camera; let your voice, not your head, carry the emphasis.",
)
SLOUCHING = Rule(
    "slouching",
    "share",
    "at most 20 %",
    Band(0, 0.2, 0, 0.8),
    0.1,
    "An upright, open posture is read as confident and engaged (Carney et al. 2010 on "
    "expansive posture; interview coaching).",
    "Sit up with both feet on the floor and your shoulders back before each answer.",
)
FIDGETING = Rule(
    "fidgeting",
    "share",
    "at most 20 %",
    Band(0, 0.2, 0, 0.7),
    0.1,
    "Self-touching and restless movement are read as nervousness (Burgoon et al. 1985).",
    "Rest your hands on the desk or in your lap between gestures.",
)
SMILES = Rule(
    "smiling",
    "share",
    "at least 5 %",
    Band(0.05, 1.0, 0.0, 1.0),
    0.05,
    "Candidates who smile now and then are rated warmer and more hireable "
    "(Ruben, Hall & Schmid Mast 2015).",
    "Smile when you greet the interviewer and when you tell a good outcome.",
)
BLINK_RATE = Rule(
    "blink rate",
    "per minute",
    "6-30",
    Band(6, 30, 0, 50),
    0.05,
    "People blink about 17 times a minute at rest and 26 in conversation (Bentivoglio et al. "
    "1997); much faster blinking goes with stress.",
    "A fast blink rate often means tired or stressed eyes: breathe out slowly before you start.",
)

PRESENCE_RESTS_ON = (
    "From the camera: eye contact (iris and head pose), posture, fidgeting, smiles and blinks. "
    "The mood signal is shown, never scored."
)
UNCALIBRATED = " Eye contact is an estimate: no calibration."
NO_VIDEO = "Needs the camera: answer with video on to measure eye contact and posture."


def presence_score(video: Mapping[str, Any]) -> Score:
    """The presence score of a stored video analysis (``VideoAnalysis.to_dict()``); when no
    face was found, only staying in the frame is judged."""
    seen = video.get("status") == "ok"
    minutes = (number_at(video, "duration_seconds") or 0.0) / 60
    aversions = number_at(video, "gaze", "aversions")
    return weighted_score(
        "presence",
        [
            (EYE_CONTACT, number_at(video, "gaze", "eye_contact_ratio") if seen else None),
            (IN_FRAME, number_at(video, "presence", "face_visible_ratio")),
            (
                AVERSIONS,
                aversions / minutes if seen and aversions is not None and minutes else None,
            ),
            (HEAD_MOVEMENT, _head_movement(video) if seen else None),
            (SLOUCHING, number_at(video, "posture", "slouch_ratio") if seen else None),
            (FIDGETING, number_at(video, "posture", "fidget_ratio") if seen else None),
            (SMILES, number_at(video, "expression", "smile_ratio") if seen else None),
            (BLINK_RATE, number_at(video, "blinks", "per_minute") if seen else None),
        ],
        _rests_on(video),
    )


def _head_movement(video: Mapping[str, Any]) -> float | None:
    yaw, pitch = number_at(video, "head", "yaw_std"), number_at(video, "head", "pitch_std")
    return (yaw**2 + pitch**2) ** 0.5 if yaw is not None and pitch is not None else None


def _rests_on(video: Mapping[str, Any]) -> str:
    if not video:
        return NO_VIDEO
    calibrated = (video.get("gaze") or {}).get("calibrated")
    return PRESENCE_RESTS_ON + ("" if calibrated else UNCALIBRATED)
