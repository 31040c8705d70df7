"""Speech benchmark: ``python -m bench.speech [--quick] [--out bench/results/speech.json]``.

Runs the speech analyzer on (a) the real recordings in ../shared/fixtures/audio, (b) the
constructed espeak-ng set with exact pauses and fillers and (c) a ~60 s answer timed
against plain faster-whisper; prints tables with PASS/FAIL per target and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from bench.fixtures import AUDIO, REPO, RESULTS, TRANSCRIPTS, reference_transcripts
from bench.machine import cpu_model, instruction_sets
from bench.speech.corpus import DEFAULT_CACHE, SAMPLE_RATE, Manifest, Samples, build, write_wav
from bench.speech.live import run_live
from bench.speech.metrics import peak_rss_mb, relative_error, word_errors
from bench.speech.report import TARGETS, report, verdicts
from bench.speech.score import filler_breakdown, offset_summary, pooled, score_answer
from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.recognition import load_model

Row = dict[str, Any]


def run_real(analyzer: SpeechAnalyzer) -> Row | None:
    """WER and word-count WPM error on the real recordings; None if they are absent."""
    references = reference_transcripts()
    if not references:
        print(f"Real recordings: skipped ({TRANSCRIPTS} not found).")
        return None
    clips: list[Row] = []
    for name, reference in references.items():
        result = analyzer.apply(AUDIO / name)
        errors = word_errors(reference, result.transcript)
        span = result.pace.speaking_seconds if result.pace else 0.0
        reference_wpm = errors.reference_words / span * 60 if span else 0.0
        measured = result.pace.words_per_minute if result.pace else 0.0
        clips.append(
            {
                "clip": name,
                "duration": round(result.duration_seconds, 2),
                "reference": reference,
                "transcript": result.transcript,
                "reference_words": errors.reference_words,
                "edits": errors.edits,
                "substitutions": errors.substitutions,
                "deletions": errors.deletions,
                "insertions": errors.insertions,
                "wer": errors.wer,
                "errors": errors.errors,
                "speech_span": span,
                "reference_wpm": reference_wpm,
                "measured_wpm": measured,
                "wpm_error": relative_error(measured, reference_wpm) if reference_wpm else None,
            }
        )
    words = sum(c["reference_words"] for c in clips)
    wpm_errors = [abs(c["wpm_error"]) for c in clips if c["wpm_error"] is not None]
    return {
        "clips": clips,
        "seconds": sum(c["duration"] for c in clips),
        "pooled_wer": sum(c["edits"] for c in clips) / words,
        "wpm_mean_abs_error": statistics.fmean(wpm_errors),
        "wpm_max_abs_error": max(wpm_errors),
    }


def real_composite(cache: Path, seconds: float = 60.0) -> Path | None:
    """The real clips joined (0.5 s of silence between, repeated) to about a minute."""
    names = list(reference_transcripts())
    if not names:
        return None
    clips = [load_audio(AUDIO / name).samples for name in names]
    gap = np.zeros(SAMPLE_RATE // 2, np.float32)
    pieces: list[Samples] = []
    while sum(len(p) for p in pieces) < seconds * SAMPLE_RATE:
        pieces += [clips[len(pieces) // 2 % len(clips)], gap]
    path = cache / "real-composite.wav"
    write_wav(path, np.concatenate(pieces))
    return path


def run_constructed(analyzer: SpeechAnalyzer, corpus: Sequence[tuple[Path, Manifest]]) -> Row:
    rows = [score_answer(manifest, analyzer.apply(wav)) for wav, manifest in corpus]
    wpm_errors = [row["wpm_error"] for row in rows]
    return {
        "answers": rows,
        "seconds": sum(row["duration"] for row in rows),
        "pooled_wer": sum(r["edits"] for r in rows) / sum(r["reference_words"] for r in rows),
        "wpm_mean_abs_error": statistics.fmean(abs(e) for e in wpm_errors),
        "wpm_mean_signed_error": statistics.fmean(wpm_errors),
        "wpm_max_abs_error": max(abs(e) for e in wpm_errors),
        "wpm_within_5pct": sum(abs(e) <= TARGETS["wpm_error"] for e in wpm_errors),
        "long_pauses": pooled([r["long_pauses"]["detection"] for r in rows]).__dict__,
        "fillers": {
            source: pooled([r["fillers"]["detection"][source] for r in rows]).__dict__
            for source in ("all", "transcript", "acoustic")
        },
        "filler_breakdown": filler_breakdown([f for r in rows for f in r["fillers"]["truth"]]),
        "filler_misses": dict(
            Counter(
                f"Whisper wrote {f['whisper_wrote']}"
                for r in rows
                for f in r["fillers"]["truth"]
                if not f["hit"]
            )
        ),
        "filler_false": dict(
            Counter(
                f"{f['source']} {'duplicate' if f['duplicate'] else 'spurious'}"
                for r in rows
                for f in r["fillers"]["false"]
            )
        ),
        "silence_offsets": offset_summary([o for r in rows for o in r["silence_offsets"]]),
    }


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_timing(analyzer: SpeechAnalyzer, wav: Path, label: str, runs: int) -> Row:
    """Whole analysis against plain faster-whisper base on the same file, after a warm-up.

    Plain is ``WhisperModel.transcribe`` with beam 5 and word timestamps, every other option
    at its default, on the same loaded weights. The two run in turn (A B A B ...) so a
    drifting machine slows both; the verdict is the median of the per-pair ratios.
    """
    stages: list[dict[str, float]] = []
    model = load_model(analyzer.recognizer.model_name)

    def whole() -> None:
        stages.append(analyzer.apply(wav).stage_seconds)

    def plain() -> None:
        segments, _info = model.transcribe(
            str(wav), language="en", beam_size=5, word_timestamps=True
        )
        list(segments)

    seconds = analyzer.apply(wav).duration_seconds
    plain()
    whole_times, plain_times = [], []
    for _ in range(runs):
        whole_times.append(_timed(whole))
        plain_times.append(_timed(plain))
    ratios = [w / p for w, p in zip(whole_times, plain_times, strict=True)]
    whole_s, plain_s = statistics.median(whole_times), statistics.median(plain_times)
    return {
        "label": label,
        "file": wav.name,
        "audio_seconds": seconds,
        "runs": runs,
        "whole_seconds": whole_times,
        "plain_seconds": plain_times,
        "stage_seconds": stages,
        "stage_seconds_median": {k: statistics.median(s[k] for s in stages) for k in stages[0]},
        "whole_median": whole_s,
        "plain_median": plain_s,
        "rtf_whole": whole_s / seconds,
        "rtf_plain": plain_s / seconds,
        "whole_over_plain": statistics.median(ratios),
    }


def cpu() -> dict[str, Any]:
    """The CPU model and the instruction sets CTranslate2 chooses its int8 kernels by."""
    return {"model": cpu_model(), "isa": instruction_sets()}


def source_state() -> Row:
    """The commit measured and any uncommitted changes to the analyzer's code."""
    git = shutil.which("git")
    if git is None:
        return {}

    def run(*args: str) -> str:
        # A fixed git command on our own repository.
        command = [git, "-C", str(REPO), *args]
        done = subprocess.run(command, check=False, capture_output=True, text=True)  # noqa: S603
        return done.stdout.strip()

    return {
        "commit": run("rev-parse", "HEAD"),
        "uncommitted": run("status", "--porcelain", "src").splitlines(),
    }


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers, for JSON."""
    return value.item()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speech", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5 constructed answers, 1 timing run")
    parser.add_argument("--out", type=Path, default=RESULTS / "speech.json")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    source = source_state()
    dirty = (
        f" + uncommitted {', '.join(source['uncommitted'])}" if source.get("uncommitted") else ""
    )
    print(f"Analyzer code: commit {source.get('commit', '?')[:10]}{dirty}")
    print("Building the constructed set (cached after the first run)...")
    corpus = build(args.cache, count=5 if args.quick else None)
    print("Loading the model and warming up...")
    analyzer = SpeechAnalyzer()
    analyzer.apply(corpus[0][0])
    real = run_real(analyzer)
    constructed = run_constructed(analyzer, corpus)
    runs = 1 if args.quick else 5
    closest = min(corpus, key=lambda item: abs(item[1].duration - 60.0))
    timings = [run_timing(analyzer, closest[0], "constructed answer", runs)]
    composite = real_composite(args.cache)
    if composite:
        timings.append(run_timing(analyzer, composite, "real speech", runs))
    live = run_live(closest[0])
    rss = peak_rss_mb()
    report(real, constructed, timings, rss, live)
    environment = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu": cpu(),
        "cpu_count": os.cpu_count(),
        "faster_whisper": version("faster-whisper"),
        "ctranslate2": version("ctranslate2"),
        "recognizer_model": analyzer.recognizer.model_name,
        "quick": args.quick,
        "benchmark_seconds": round(time.perf_counter() - started, 1),
        "source": source,
    }
    results = {
        "environment": environment,
        "targets": TARGETS,
        "verdicts": [
            dict(zip(("target", "goal", "measured", "result"), v, strict=True))
            for v in verdicts(real, constructed, timings, live)
        ],
        "real": real,
        "constructed": constructed,
        "timing": timings,
        "live": live,
        "peak_rss_mb": rss,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, default=_plain) + "\n")
    print(f"\nWrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
