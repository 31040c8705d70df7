"""Video benchmark: ``python -m bench.video [--runs 3] [--out bench/results/video.json]``.

Speed, on this machine's CPU: per-frame processing at 640x480 with decoding excluded, for
face + gaze only (face mesh, head pose, gaze, eye aspect ratio, mouth shape) and for all the
per-frame work with pose (plus the expression model 5 times a second), and the live meter;
then ``VideoAnalyzer.apply`` end to end on a 10 s 640x480 H.264 file made from the face
fixture. Agreement: the analyzer's output on ../shared/fixtures/video against the hand
labels in bench/video/labels.yaml (how they were made is written there). Prints tables with
PASS/FAIL for the speed targets and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench.fixtures import FIXTURES, RESULTS
from bench.speech.report import table
from bench.video.agreement import HEAD_TURN_DEGREES, agreement
from bench.video.labels import load_labels
from bench.video.speed import (
    end_to_end,
    frames_640x480,
    per_frame,
    ping_pong,
    temporary_directory,
    write_mp4,
)
from rehearse.analysis.video.analyzer import VERSION, VideoAnalyzer
from rehearse.analysis.video.native import quiet_native_logs

TARGETS = {"face_gaze_fps": 60.0, "with_pose_fps": 30.0}
END_TO_END_SECONDS = 10.0

Row = dict[str, Any]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _speed_table(frame: dict[str, Row], whole: dict[str, Row]) -> str:
    rows = [
        [
            "face + gaze, per frame",
            f"{frame['face_gaze']['ms_median']:.1f}",
            f"{frame['face_gaze']['fps']:.0f}",
            f">= {TARGETS['face_gaze_fps']:.0f}",
            "PASS" if frame["face_gaze"]["fps"] >= TARGETS["face_gaze_fps"] else "FAIL",
        ],
        [
            "with pose + expression, per frame",
            f"{frame['face_gaze_pose_expression']['ms_median']:.1f}",
            f"{frame['face_gaze_pose_expression']['fps']:.0f}",
            f">= {TARGETS['with_pose_fps']:.0f}",
            "PASS"
            if frame["face_gaze_pose_expression"]["fps"] >= TARGETS["with_pose_fps"]
            else "FAIL",
        ],
        [
            "live meter, per frame",
            f"{frame['live_meter']['ms_median']:.1f}",
            f"{frame['live_meter']['fps']:.0f}",
            "",
            "",
        ],
    ]
    for name, label in (("face_gaze", "face + gaze"), ("with_pose", "with pose")):
        row = whole[name]
        rows.append(
            [
                f"end to end, {label} ({row['video_seconds']:.0f} s file)",
                f"{1000 * row['wall_seconds'] / row['frames_analysed']:.1f}",
                f"{row['frames_per_second']:.0f}",
                f"{row['times_real_time']:.1f}x real time",
                "",
            ]
        )
    return table(["640x480", "ms/frame (median)", "frames/s", "target", "result"], rows)


def _agreement_table(clips: Sequence[Row]) -> str:
    rows = []
    for clip in clips:
        blinks = clip["blinks"]
        rows.append(
            [
                Path(clip["clip"]).name,
                clip["frames_sampled"],
                _pct(clip["face_found"]["accuracy"]),
                _pct(clip["eye_contact"]["accuracy"]),
                "-" if not blinks else f"{_pct(blinks['precision'])} / {_pct(blinks['recall'])}",
                _pct(clip["head_turns"]["accuracy"]),
                _pct(clip["smile"]["accuracy"]),
            ]
        )
    return table(
        [
            "clip",
            "frames",
            "face found",
            "eye contact",
            "blinks P / R",
            f"head turns (>{HEAD_TURN_DEGREES:.0f} deg)",
            "smile",
        ],
        rows,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.video", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="timed passes (after a warm-up)")
    parser.add_argument("--out", type=Path, default=RESULTS / "video.json")
    args = parser.parse_args(argv)
    face_clip = FIXTURES / "video" / "single_face.mp4"
    if not face_clip.exists():
        print(f"Needs {face_clip} (the shared fixtures beside the repository).")
        return 1
    started = time.perf_counter()
    print("Timing per frame at 640x480 (models loaded, one warm-up pass)...")
    frames = frames_640x480(face_clip)
    with quiet_native_logs(), temporary_directory() as directory:
        frame = per_frame(frames, args.runs)
        clip = write_mp4(ping_pong(frames, END_TO_END_SECONDS, 30), 30, Path(directory))
        print("Timing whole videos end to end...")
        whole = end_to_end(clip, END_TO_END_SECONDS, args.runs)
        print("Scoring against the hand labels...")
        analyzer = VideoAnalyzer()
        clips = [
            agreement(analyzer, FIXTURES / labels.file, labels)
            for labels in load_labels()
            if (FIXTURES / labels.file).exists()
        ]
    print()
    print(_speed_table(frame, whole))
    print()
    print(_agreement_table(clips))
    results = {
        "environment": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpu_count": os.cpu_count(),
            "mediapipe": version("mediapipe"),
            "opencv": version("opencv-python-headless"),
            "av": version("av"),
            "analyzer": VERSION,
            "runs": args.runs,
            "benchmark_seconds": round(time.perf_counter() - started, 1),
        },
        "targets": TARGETS,
        "per_frame_640x480": frame,
        "end_to_end": whole,
        "verdicts": {
            "face_gaze_fps": frame["face_gaze"]["fps"] >= TARGETS["face_gaze_fps"],
            "with_pose_fps": frame["face_gaze_pose_expression"]["fps"] >= TARGETS["with_pose_fps"],
        },
        "agreement": clips,
        "head_turn_degrees": HEAD_TURN_DEGREES,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print(f"\nWrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
