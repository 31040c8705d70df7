"""A stored video analysis (``VideoAnalysis.to_dict()`` shape) with chosen presence values."""

from __future__ import annotations

from typing import Any


def stored_video(  # noqa: PLR0917 - every reading is a knob of the tests
    eye_contact: float = 0.8,
    aversions: int = 1,
    face_visible: float = 1.0,
    slouch: float = 0.0,
    fidget: float = 0.05,
    smile: float = 0.2,
    blinks_per_minute: float = 18.0,
    head_spread: float = 4.0,
    status: str = "ok",
) -> dict[str, Any]:
    """One minute of camera recording with these readings."""
    return {
        "status": status,
        "duration_seconds": 60.0,
        "presence": {"face_visible_ratio": face_visible, "multiple_faces_ratio": 0.0},
        "gaze": {
            "eye_contact_ratio": eye_contact,
            "aversions": aversions,
            "aversion_seconds": 2.0 * aversions,
            "calibrated": False,
        },
        "head": {"yaw_std": head_spread, "pitch_std": 0.0, "yaw_mean": 0.0, "pitch_mean": 0.0},
        "blinks": {"count": int(blinks_per_minute), "per_minute": blinks_per_minute, "items": []},
        "expression": {"smile_ratio": smile, "mood": {"neutral": 0.6, "happy": 0.3}},
        "posture": {"slouch_ratio": slouch, "fidget_ratio": fidget},
        "episodes": [{"kind": "gaze_aversion", "start": 32.0, "end": 41.0}],
        "timeline": [
            {"start": 0.0, "end": 5.0, "eye_contact_ratio": 0.9},
            {"start": 5.0, "end": 10.0, "eye_contact_ratio": 0.4},
        ],
    }
