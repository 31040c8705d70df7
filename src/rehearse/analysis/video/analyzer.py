"""One camera recording in, visual-presence measurements out: ``VideoAnalyzer().apply(source)``.

Stages: decode and sample (PyAV, 15 frames a second by default, upright, at most 640x480)
→ face mesh with irises (MediaPipe) → head pose (solvePnP) → gaze, eye aspect ratio, mouth
shape → expression model on the face crop (5 times a second) → body pose (MediaPipe Pose,
optional, and only on frames where a face was seen, so a poster or a cartoon is not taken
for a body) → blinks, episodes, summaries, 5 s timeline, warnings.

The models are loaded on first use and kept; one analyzer runs one video at a time (a lock
guards it), and resets the trackers between videos.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from rehearse.analysis.video.blinks import Blink, blinks_per_minute, detect_blinks
from rehearse.analysis.video.body import BodyLandmarks, PoseModel
from rehearse.analysis.video.episodes import (
    FACE_NOT_VISIBLE,
    GAZE_AVERSION,
    MULTIPLE_FACES,
    Episode,
    find_episodes,
)
from rehearse.analysis.video.expression import LABELS, SMILE_THRESHOLD, ExpressionModel
from rehearse.analysis.video.face import FaceMesh
from rehearse.analysis.video.frames import (
    DEFAULT_FPS,
    DEFAULT_MAX_SECONDS,
    VideoReader,
    VideoSource,
)
from rehearse.analysis.video.gaze import (
    DEFAULT_CALIBRATION,
    GazeCalibration,
    calibrate_gaze,
)
from rehearse.analysis.video.measures import FrameMeasures, Thumbnail, measure_frame, thumbnail
from rehearse.analysis.video.posture import (
    Distance,
    PostureStats,
    camera_distance,
    measure_posture,
    motion_energy,
    summarize_posture,
)
from rehearse.analysis.video.timeline import VideoWindow, build_timeline

VERSION = "video-1"
EXPRESSION_FPS = 5.0
CALIBRATION_SECONDS = 3.0
BLACK_LEVEL = 16.0  # mean grey level of a covered or switched-off camera
DARK_LEVEL = 50.0
FROZEN_CHANGE = 0.2  # grey levels; a still picture re-encoded changes < 0.02, a live face > 0.5
_MOSTLY = 0.8
MOOD_NOTE = (
    "A mood signal from a small expression model, weak on neutral faces (calm faces often "
    "read as sad or neutral); not a score."
)

ProgressHook = Callable[[float, str], None]


@dataclass(frozen=True)
class PresenceStats:
    face_visible_ratio: float
    multiple_faces_ratio: float
    face_size_median: float | None  # the face's size over the frame's shorter side
    distance: Distance | None
    brightness_mean: float


@dataclass(frozen=True)
class GazeStats:
    eye_contact_ratio: float | None  # of the frames with a face
    offset_median: float | None  # in tolerances; up to 1 is eye contact
    aversions: int
    aversion_seconds: float
    calibrated: bool


@dataclass(frozen=True)
class HeadStats:
    yaw_mean: float
    yaw_std: float
    pitch_mean: float
    pitch_std: float
    roll_mean: float
    roll_std: float


@dataclass(frozen=True)
class BlinkStats:
    count: int
    per_minute: float | None  # over the time the face was seen, from 10 s of it
    ear_median: float | None
    items: list[Blink]


@dataclass(frozen=True)
class ExpressionStats:
    smile_ratio: float | None
    smile_score_mean: float | None
    mood: dict[str, float] | None  # mean probability of each label
    mood_frames: int
    note: str = MOOD_NOTE


@dataclass(frozen=True)
class VideoAnalysis:
    version: str
    status: str  # "ok" or "no_face"
    message: str
    duration_seconds: float
    frames_analysed: int
    effective_fps: float
    source: dict[str, Any]
    presence: PresenceStats
    gaze: GazeStats | None
    head: HeadStats | None
    blinks: BlinkStats | None
    expression: ExpressionStats | None
    posture: PostureStats | None
    episodes: list[Episode]
    timeline: list[VideoWindow]
    warnings: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    frames: list[FrameMeasures] = field(default_factory=list)  # only with keep_frames=True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ratio(flags: Sequence[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


def _watched(seconds: float, total: float | None) -> float:
    """Progress through the frames; without a duration header, an estimate that never ends."""
    if total:
        return round(min(0.9, 0.9 * seconds / total), 3)
    return round(0.9 * seconds / (seconds + 60.0), 3)


def _hold_through_blinks(frames: list[FrameMeasures], blinks: Sequence[Blink]) -> None:
    """A blink hides the irises: keep the gaze verdict from just before it."""
    for blink in blinks:
        before = [f.looking for f in frames if f.time < blink.start and f.looking is not None]
        held = before[-1] if before else None
        for index, frame in enumerate(frames):
            if blink.start <= frame.time < blink.end and frame.faces:
                frames[index] = replace(frame, looking=held)


class VideoAnalyzer:
    """Analyses camera recordings; holds the models, so reuse one per process."""

    def __init__(
        self,
        *,
        fps: float = DEFAULT_FPS,
        pose: bool = True,
        expression_fps: float = EXPRESSION_FPS,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        self.fps = fps
        self.pose = pose
        self.expression_fps = expression_fps
        self.max_seconds = max_seconds
        self._lock = threading.Lock()
        self._face: FaceMesh | None = None
        self._body: PoseModel | None = None
        self._expression = ExpressionModel()

    def _face_mesh(self) -> FaceMesh:
        if self._face is None:
            self._face = FaceMesh()
        else:
            self._face.reset()
        return self._face

    def _pose_model(self) -> PoseModel | None:
        if not self.pose:
            return None
        if self._body is None:
            self._body = PoseModel()
        else:
            self._body.reset()
        return self._body

    def close(self) -> None:
        with self._lock:
            for model in (self._face, self._body):
                if model is not None:
                    model.close()
            self._face = self._body = None

    def calibrate(
        self, source: VideoSource, *, seconds: float = CALIBRATION_SECONDS
    ) -> GazeCalibration | None:
        """Gaze calibration from the first ``seconds`` of a recording of the person looking
        at the camera; None if the face was seen in fewer than five frames."""
        with self._lock, VideoReader(source, fps=self.fps, max_seconds=self.max_seconds) as video:
            mesh = self._face_mesh()
            readings = []
            previous: Thumbnail | None = None
            for frame in video:
                if frame.time > seconds:
                    break
                small = thumbnail(frame.rgb)
                measured = measure_frame(
                    frame.time,
                    frame.rgb,
                    face=mesh.detect(frame.rgb),
                    calibration=DEFAULT_CALIBRATION,
                    small=small,
                    previous=previous,
                )
                previous = small
                if measured.gaze is not None:
                    readings.append(measured.gaze)
        return calibrate_gaze(readings)

    def apply(
        self,
        source: VideoSource,
        *,
        calibration: GazeCalibration | None = None,
        progress: ProgressHook | None = None,
        keep_frames: bool = False,
    ) -> VideoAnalysis:
        """Analyse one recording; ``keep_frames`` adds every sampled frame's measures."""
        with self._lock:
            result = self._apply(source, calibration or DEFAULT_CALIBRATION, progress)
        return result if keep_frames else replace(result, frames=[])

    def _apply(
        self, source: VideoSource, calibration: GazeCalibration, progress: ProgressHook | None
    ) -> VideoAnalysis:
        report = progress or (lambda _fraction, _stage: None)
        timings = dict.fromkeys(("load", "decode", "face", "expression", "pose", "metrics"), 0.0)
        report(0.0, "decoding")
        clock = time.perf_counter()
        mesh, body = self._face_mesh(), self._pose_model()
        timings["load"] = time.perf_counter() - clock
        clock = time.perf_counter()
        with VideoReader(source, fps=self.fps, max_seconds=self.max_seconds) as video:
            timings["decode"] = time.perf_counter() - clock
            frames = self._watch(
                video, mesh, body, calibration=calibration, timings=timings, report=report
            )
        clock = time.perf_counter()
        report(0.9, "measuring presence")
        result = self._summarize(frames, video, calibration, timings)
        timings["metrics"] = time.perf_counter() - clock
        report(1.0, "done")
        return replace(
            result, stage_seconds={k: round(v, 3) for k, v in timings.items()}, frames=frames
        )

    def _watch(
        self,
        video: VideoReader,
        mesh: FaceMesh,
        body: PoseModel | None,
        *,
        calibration: GazeCalibration,
        timings: dict[str, float],
        report: ProgressHook,
    ) -> list[FrameMeasures]:
        """Every sampled frame's measures; adds each stage's time to ``timings``."""
        frames: list[FrameMeasures] = []
        previous: Thumbnail | None = None
        last_body: tuple[float, BodyLandmarks] | None = None
        next_mood = 0.0
        iterator = iter(video)
        while True:
            clock = time.perf_counter()
            frame = next(iterator, None)
            now = time.perf_counter()
            timings["decode"] += now - clock
            if frame is None:
                return frames
            small = thumbnail(frame.rgb)
            face = mesh.detect(frame.rgb)
            measured = measure_frame(
                frame.time,
                frame.rgb,
                face=face,
                calibration=calibration,
                small=small,
                previous=previous,
            )
            previous = small
            clock, now = now, time.perf_counter()
            timings["face"] += now - clock
            if face.box is not None and frame.time >= next_mood:
                measured = replace(measured, mood=self._expression.mood(frame.rgb, face.box))
                next_mood = frame.time + 1.0 / self.expression_fps
            clock, now = now, time.perf_counter()
            timings["expression"] += now - clock
            if body is not None and face.faces:  # no posture without the person's face
                measured, last_body = self._posture(measured, body.detect(frame.rgb), last_body)
                timings["pose"] += time.perf_counter() - now
            frames.append(measured)
            if len(frames) % 30 == 0:
                report(_watched(frame.time, video.declared_seconds), "watching")

    @staticmethod
    def _posture(
        measured: FrameMeasures,
        landmarks: BodyLandmarks | None,
        last: tuple[float, BodyLandmarks] | None,
    ) -> tuple[FrameMeasures, tuple[float, BodyLandmarks] | None]:
        if landmarks is None:
            return measured, None
        posture = measure_posture(measured.time, landmarks)
        fidget = None
        if posture is not None and last is not None:
            fidget = motion_energy(
                last[1], landmarks, measured.time - last[0], posture.shoulder_width
            )
        return replace(measured, posture=posture, fidget=fidget), (measured.time, landmarks)

    def _summarize(
        self,
        frames: list[FrameMeasures],
        video: VideoReader,
        calibration: GazeCalibration,
        timings: dict[str, float],
    ) -> VideoAnalysis:
        duration = round(video.duration, 3)
        times = [f.time for f in frames]
        blinks = detect_blinks(times, [f.ear for f in frames])
        _hold_through_blinks(frames, blinks)
        with_face = [f for f in frames if f.faces > 0]
        episodes = sorted(
            find_episodes(
                times,
                [f.faces > 0 and f.looking is False for f in frames],
                GAZE_AVERSION,
                end=duration,
            )
            + find_episodes(times, [f.faces == 0 for f in frames], FACE_NOT_VISIBLE, end=duration)
            + find_episodes(times, [f.faces >= 2 for f in frames], MULTIPLE_FACES, end=duration),
            key=lambda e: (e.start, e.kind),
        )
        presence = self._presence(frames, with_face)
        step = duration / len(frames) if frames else 0.0
        face_seconds = len(with_face) * step
        aversions = [e for e in episodes if e.kind == "gaze_aversion"]
        gaze = self._gaze(with_face, aversions, calibration)
        posture = summarize_posture(
            [f.posture for f in frames if f.posture is not None],
            [f.fidget for f in frames if f.fidget is not None],
        )
        info = video.info
        analysis = VideoAnalysis(
            version=VERSION,
            status="ok" if with_face else "no_face",
            message=""
            if with_face
            else "No face was seen in the video. Check that the camera shows your face, with "
            "light in front of you, and record again.",
            duration_seconds=duration,
            frames_analysed=len(frames),
            effective_fps=round(len(frames) / duration, 2) if duration else 0.0,
            source={
                "format": info.source_format,
                "width": info.source_width,
                "height": info.source_height,
                "rotation": info.rotation,
                "analysed_width": info.width,
                "analysed_height": info.height,
                "nominal_fps": round(info.nominal_fps, 3) if info.nominal_fps else None,
                "frames_decoded": video.decoded,
                "truncated": video.truncated,
            },
            presence=presence,
            gaze=gaze,
            head=self._head(with_face),
            blinks=(
                BlinkStats(
                    count=len(blinks),
                    per_minute=(
                        round(rate, 1)
                        if (rate := blinks_per_minute(len(blinks), face_seconds)) is not None
                        else None
                    ),
                    ear_median=round(statistics.median(ears), 4)
                    if (ears := [f.ear for f in with_face if f.ear is not None])
                    else None,
                    items=blinks,
                )
                if with_face
                else None
            ),
            expression=self._expression_stats(with_face),
            posture=posture,
            episodes=episodes,
            timeline=build_timeline(frames, blinks, duration),
            warnings=[],
            stage_seconds=timings,
        )
        return replace(analysis, warnings=self._warnings(analysis, frames))

    @staticmethod
    def _presence(
        frames: Sequence[FrameMeasures], with_face: Sequence[FrameMeasures]
    ) -> PresenceStats:
        sizes = [f.face_size for f in with_face if f.face_size is not None]
        size = round(statistics.median(sizes), 3) if sizes else None
        return PresenceStats(
            face_visible_ratio=_ratio([f.faces > 0 for f in frames]) or 0.0,
            multiple_faces_ratio=_ratio([f.faces >= 2 for f in frames]) or 0.0,
            face_size_median=size,
            distance=camera_distance(size) if size is not None else None,
            brightness_mean=round(statistics.fmean(f.brightness for f in frames), 1)
            if frames
            else 0.0,
        )

    @staticmethod
    def _gaze(
        with_face: Sequence[FrameMeasures],
        aversions: Sequence[Episode],
        calibration: GazeCalibration,
    ) -> GazeStats | None:
        offsets = [f.gaze.offset for f in with_face if f.gaze is not None]
        if not offsets:
            return None
        return GazeStats(
            eye_contact_ratio=_ratio([f.looking for f in with_face if f.looking is not None]),
            offset_median=round(statistics.median(offsets), 3),
            aversions=len(aversions),
            aversion_seconds=round(sum(e.duration for e in aversions), 2),
            calibrated=calibration.calibrated,
        )

    @staticmethod
    def _head(with_face: Sequence[FrameMeasures]) -> HeadStats | None:
        poses = [f.head for f in with_face if f.head is not None]
        if not poses:
            return None

        def mean_std(values: list[float]) -> tuple[float, float]:
            return round(statistics.fmean(values), 2), round(statistics.pstdev(values), 2)

        yaw, pitch, roll = (
            mean_std([getattr(p, a) for p in poses]) for a in ("yaw", "pitch", "roll")
        )
        return HeadStats(yaw[0], yaw[1], pitch[0], pitch[1], roll[0], roll[1])

    @staticmethod
    def _expression_stats(with_face: Sequence[FrameMeasures]) -> ExpressionStats | None:
        smiles = [f.smile for f in with_face if f.smile is not None]
        moods = [f.mood for f in with_face if f.mood is not None]
        if not smiles and not moods:
            return None
        mood = (
            {
                label: round(statistics.fmean(m[i] for m in moods), 3)
                for i, label in enumerate(LABELS)
            }
            if moods
            else None
        )
        return ExpressionStats(
            smile_ratio=_ratio([s >= SMILE_THRESHOLD for s in smiles]),
            smile_score_mean=round(statistics.fmean(smiles), 3) if smiles else None,
            mood=mood,
            mood_frames=len(moods),
        )

    @staticmethod
    def _warnings(analysis: VideoAnalysis, frames: Sequence[FrameMeasures]) -> list[str]:
        warnings: list[str] = []
        if not frames:
            return warnings
        black = _ratio([f.brightness < BLACK_LEVEL for f in frames]) or 0.0
        changes = [f.change for f in frames if f.change is not None]
        frozen = _ratio([c < FROZEN_CHANGE for c in changes])
        presence = analysis.presence
        if black >= _MOSTLY:
            warnings.append(
                f"The video is black in {black:.0%} of it: the camera was covered, switched "
                "off or in the dark."
            )
        elif presence.brightness_mean < DARK_LEVEL:
            warnings.append(
                "The picture is dark: light your face from the front so it can be followed."
            )
        if black < _MOSTLY and frozen is not None and frozen >= _MOSTLY and len(changes) >= 10:
            warnings.append(
                "The picture hardly changes (a frozen video or a still image): the "
                "measurements describe one moment, not your delivery."
            )
        missing = 1.0 - presence.face_visible_ratio
        if missing >= 0.2:
            warnings.append(
                f"No face was found in {missing:.0%} of the video: keep your face in the "
                "frame and facing the camera."
            )
        if presence.multiple_faces_ratio >= 0.1:
            warnings.append(
                f"More than one face was in view for {presence.multiple_faces_ratio:.0%} of "
                "the video; the largest face was measured."
            )
        if presence.distance == "too_close":
            warnings.append("You are very close to the camera: sit back so your shoulders show.")
        elif presence.distance == "too_far":
            warnings.append(
                "You are far from the camera: your face is small in the picture, so eye "
                "contact and expressions are measured less reliably."
            )
        if analysis.source.get("truncated"):
            warnings.append(
                "The recording ends early (the file is damaged); only its start was analysed."
            )
        return warnings
