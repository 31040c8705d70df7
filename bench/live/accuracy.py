"""The live transcript's accuracy and cost: ``python -m bench.live.accuracy [--frames 0.25]``.

Streams the fixture clips of ../shared/fixtures/audio, joined 0.5 s apart with sox (as
``bench.live`` joins them, once), through ``StreamingRecognizer`` in frames of ``--frames``
seconds, as the page sends them, then ``finish()``; prints the final live transcript's word
error rate against ``transcripts.tsv``, the recogniser's CPU seconds per second of audio
(``time.process_time``, one thread), how many decodes ran, and the CPU time of ``finish()``
(the decode at Done). Side by side, the same audio decoded whole by the live model, at once.
Writes ``bench/results/live-accuracy.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bench.fixtures import RESULTS, reference_transcripts
from bench.live.__main__ import RATE, fixture_clips, join_clips
from bench.machine import load_average
from rehearse.analysis.speech.evaluation import word_error_rate
from rehearse.analysis.speech.streaming import StreamingRecognizer, live_model


def joined(folder: Path) -> tuple[npt.NDArray[np.float32], str]:
    """The clips 0.5 s apart, as float32 samples, and their reference transcript."""
    references = reference_transcripts()
    with wave.open(str(join_clips(folder))) as reader:
        pcm = np.frombuffer(reader.readframes(reader.getnframes()), dtype="<i2")
    reference = " ".join(references[clip.name].strip() for clip in fixture_clips())
    return pcm.astype(np.float32) / 32768.0, reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=float, default=0.25, help="seconds per frame")
    parser.add_argument("--out", type=Path, default=RESULTS / "live-accuracy.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-live-accuracy-") as temporary:
        samples, reference = joined(Path(temporary))
    model = live_model()
    StreamingRecognizer(model).feed(samples[: RATE * 2])  # load and warm up
    frame = int(args.frames * RATE)
    recognizer = StreamingRecognizer(model)
    began = time.process_time()
    decodes = 0
    for start in range(0, len(samples), frame):
        decodes += recognizer.feed(samples[start : start + frame]).decoded
    before_finish = time.process_time()
    final = recognizer.finish()
    ended = time.process_time()
    seconds = len(samples) / RATE
    whole_began = time.process_time()
    found, _ = model.transcribe(samples, language="en", beam_size=1, temperature=0.0)
    whole_text = " ".join(segment.text for segment in found)
    whole_cpu = time.process_time() - whole_began
    result = {
        "machine": f"{os.cpu_count()} cores",
        "audio_seconds": round(seconds, 2),
        "frame_seconds": args.frames,
        "live_wer": round(word_error_rate(reference, final.committed_text), 4),
        "live_cpu_per_audio_second": round((ended - began) / seconds, 3),
        "decodes": decodes + int(final.decoded),
        "finish_cpu_seconds": round(ended - before_finish, 3),
        "whole_wer": round(word_error_rate(reference, whole_text), 4),
        "whole_cpu_seconds": round(whole_cpu, 3),
        "load_average": load_average(),
        "transcript": final.committed_text,
    }
    print(json.dumps({k: v for k, v in result.items() if k != "transcript"}))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
