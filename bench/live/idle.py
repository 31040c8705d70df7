"""Live captions as an idle machine would run them: ``python -m bench.live.idle [--seconds 30]
[--candidates 1 3]``.

On a shared, overloaded machine wall-clock lag measures the other tenants. This replays the
server's schedule on a virtual clock that advances only by the CPU time each decode really
used (``time.process_time`` of this process, which runs nothing else): N candidates' audio
(the fixture clips joined with sox, as ``bench.live`` makes them, each candidate starting
elsewhere) arrives in 250 ms frames in real time, and one decoder takes the candidates in
turn, each step reading all the audio that arrived since its last, as
``web/live_captions.py`` does. A caption's lag is when its step ends minus when its newest
word ended; the final's, from the end of the audio to the end of ``finish()``. One decoder
thread is one core: the other is left to the server, the meter and the analysis jobs.
Writes ``bench/results/live-idle.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.fixtures import RESULTS
from bench.live.__main__ import FRAME_SECONDS, PROGRAM_SECONDS, RATE, make_program, summary
from bench.machine import load_average
from rehearse.analysis.speech.streaming import StreamingRecognizer, live_model

FRAME = int(FRAME_SECONDS * RATE)


def replay(audio: list[npt.NDArray[np.float32]], model: Any) -> dict[str, Any]:
    """One decoder, the candidates in turn, on a clock of CPU seconds."""
    count = len(audio)
    recognizers = [StreamingRecognizer(model) for _ in range(count)]
    fed, newest = [0] * count, [0.0] * count
    finished = [False] * count
    lags: list[float] = []
    finals: list[float] = []
    cpu_per_decode: list[float] = []
    clock = 0.0
    while not all(finished):
        progressed = False
        for index, samples in enumerate(audio):
            if finished[index]:
                continue
            arrived = min(int(clock / FRAME_SECONDS) * FRAME, len(samples))
            if arrived <= fed[index] and arrived < len(samples):
                continue
            chunk = samples[fed[index] : arrived]
            fed[index] = arrived
            began = time.process_time()
            if arrived >= len(samples):
                captions = recognizers[index].finish(chunk)
                finished[index] = True
            else:
                captions = recognizers[index].feed(chunk)
            used = time.process_time() - began
            clock += used
            progressed = True
            if captions.decoded:
                cpu_per_decode.append(used)
            if finished[index]:
                finals.append(clock - len(samples) / RATE)  # the step began after the end
            words = captions.words
            if words and words[-1].end > newest[index]:
                newest[index] = words[-1].end
                lags.append(clock - newest[index])
        if not progressed:  # every candidate is waiting for its next frame
            clock = (int(clock / FRAME_SECONDS) + 1) * FRAME_SECONDS
    return {
        "candidates": count,
        "caption_lag_seconds": summary(lags),
        "end_to_final_seconds": summary(finals),
        "cpu_seconds_per_decode": summary(cpu_per_decode),
        "decodes": len(cpu_per_decode),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="audio per candidate")
    parser.add_argument("--candidates", type=int, nargs="*", default=[1, 3])
    parser.add_argument("--out", type=Path, default=RESULTS / "live-idle.json")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="bench-live-idle-") as temporary,
        wave.open(str(make_program(Path(temporary)))) as reader,
    ):
        pcm = np.frombuffer(reader.readframes(reader.getnframes()), dtype="<i2")
    program = pcm.astype(np.float32) / 32768.0
    model = live_model()
    StreamingRecognizer(model).feed(program[: RATE * 2])  # load and warm up
    runs = []
    for count in args.candidates:
        spacing = int(PROGRAM_SECONDS / count * RATE)
        audio = [
            np.roll(program, -index * spacing)[: int(args.seconds * RATE)] for index in range(count)
        ]
        run = replay(audio, model) | {"load_average": load_average()}
        lag, final = run["caption_lag_seconds"], run["end_to_final_seconds"]
        print(
            f"{count} at once (CPU clock): caption lag p50 {lag['p50']} s, p95 {lag['p95']} s, "
            f"max {lag['max']} s; end to final max {final['max']} s; "
            f"{run['cpu_seconds_per_decode']['p50']} CPU s per decode; load {run['load_average']}",
            flush=True,
        )
        runs.append(run)
    results = {"machine": f"{os.cpu_count()} cores", "seconds_each": args.seconds, "runs": runs}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
