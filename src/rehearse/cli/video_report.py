"""The video part of what ``rehearse analyze`` prints: what the camera saw, over time."""

from __future__ import annotations

from rehearse.analysis.video.analyzer import VideoAnalysis
from rehearse.feedback.segments import clock

EPISODES = {
    "gaze_aversion": "looking away from the camera",
    "face_not_visible": "face not visible",
    "multiple_faces": "more than one face",
}


def _line(name: str, value: str, note: str = "") -> str:
    return f"  {name:<26}{value:<24}{note}".rstrip()


def _share(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f} %"


def render_video(result: VideoAnalysis) -> str:
    """Eye contact, head pose, blinks, expression and posture, then a 5 s timeline."""
    lines = [
        f"Video: {clock(result.duration_seconds)}, {result.frames_analysed} frames analysed "
        f"at {result.effective_fps:.0f} fps"
    ]
    lines += [f"! {warning}" for warning in result.warnings]
    presence = result.presence
    lines.append(_line("face in frame", _share(presence.face_visible_ratio)))
    if presence.distance:
        lines.append(_line("distance to camera", presence.distance.replace("_", " ")))
    if result.status != "ok":
        return "\n".join([*lines, "", result.message])
    if result.gaze:
        how = "calibrated" if result.gaze.calibrated else "estimate, not calibrated"
        lines.append("Eye contact")
        lines.append(_line("with the camera", _share(result.gaze.eye_contact_ratio), how))
        lines.append(
            _line(
                "looking away",
                f"{result.gaze.aversions} times",
                f"{result.gaze.aversion_seconds:.1f} s in all",
            )
        )
    if result.head:
        head = result.head
        lines.append("Head pose (degrees, mean ± spread)")
        lines.append(_line("yaw (left/right)", f"{head.yaw_mean:+.0f} ± {head.yaw_std:.0f}"))
        lines.append(_line("pitch (up/down)", f"{head.pitch_mean:+.0f} ± {head.pitch_std:.0f}"))
        lines.append(_line("roll (tilt)", f"{head.roll_mean:+.0f} ± {head.roll_std:.0f}"))
    if result.blinks:
        rate = result.blinks.per_minute
        lines.append("Blinks")
        lines.append(
            _line(
                "count",
                str(result.blinks.count),
                "" if rate is None else f"{rate:.0f} a minute (typical 15-26)",
            )
        )
    if result.expression:
        expression = result.expression
        lines.append("Expression")
        lines.append(_line("smiling", _share(expression.smile_ratio)))
        if expression.mood:
            top = sorted(expression.mood.items(), key=lambda item: -item[1])[:3]
            lines.append(_line("mood signal", ", ".join(f"{k} {_share(v)}" for k, v in top)))
        lines.append(f"  {expression.note}")
    if result.posture:
        posture = result.posture
        lines.append("Posture")
        lines.append(_line("shoulder tilt", f"{posture.shoulder_tilt_mean:.0f}°"))
        lines.append(_line("slouching", _share(posture.slouch_ratio)))
        lines.append(
            _line(
                "leaning in / back",
                f"{_share(posture.lean_in_ratio)} / {_share(posture.lean_back_ratio)}",
            )
        )
        lines.append(_line("fidgeting", _share(posture.fidget_ratio)))
    if result.episodes:
        lines.append("Moments")
        lines += [
            f"  {clock(e.start)}-{clock(e.end)}: {EPISODES.get(e.kind, e.kind)}"
            for e in result.episodes
        ]
    lines += ["Timeline (5 s windows)", "  when        eye contact  head move  blinks  smiling"]
    for window in result.timeline:
        moved = window.head_movement_degrees
        turned = "-" if moved is None else f"{moved:.0f}°"
        lines.append(
            f"  {clock(window.start)}-{clock(window.end):<6}{_share(window.eye_contact_ratio):>11}"
            f"{turned:>11}{window.blinks:>8}{_share(window.smile_ratio):>9}"
        )
    return "\n".join(lines)
