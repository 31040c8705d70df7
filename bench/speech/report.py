"""The printed tables and the PASS/FAIL verdict for each target of the issue."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from bench.speech.metrics import Detection

TARGETS = {
    "wer_real": 0.08,
    "wpm_error": 0.05,
    "long_pause_f1": 0.95,
    "filler_recall": 0.8,
    "filler_precision": 0.9,
    "rtf_whole": 0.3,
    "whole_over_plain": 1.2,
    "live_lag_seconds": 0.3,
}

Row = dict[str, Any]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def pct(value: float) -> str:
    return f"{100 * value:+.1f}%" if value else "0.0%"


def verdicts(
    real: Row | None, constructed: Row, timings: Sequence[Row], live: Row | None = None
) -> list[list[str]]:
    """[target, goal, measured, PASS/FAIL] for each target of the issue."""
    t = TARGETS
    longs = Detection(**constructed["long_pauses"])
    fills = Detection(**constructed["fillers"]["all"])
    checks: list[tuple[str, str, str, bool]] = []
    if real:
        checks += [
            (
                "WER, real recordings",
                f"<= {t['wer_real']:.0%}",
                f"{real['pooled_wer']:.1%}",
                real["pooled_wer"] <= t["wer_real"],
            ),
            (
                "WPM error, real (mean |err|)",
                f"<= {t['wpm_error']:.0%}",
                f"{real['wpm_mean_abs_error']:.1%} (max {real['wpm_max_abs_error']:.1%})",
                real["wpm_mean_abs_error"] <= t["wpm_error"],
            ),
        ]
    c = constructed
    checks += [
        (
            "WPM error, constructed (mean |err|)",
            f"<= {t['wpm_error']:.0%}",
            f"{c['wpm_mean_abs_error']:.1%} (max {c['wpm_max_abs_error']:.1%}, "
            f"bias {c['wpm_mean_signed_error']:+.1%})",
            c["wpm_mean_abs_error"] <= t["wpm_error"],
        ),
        (
            "Long-pause F1, constructed",
            f">= {t['long_pause_f1']}",
            f"{longs.f1:.3f} (P {longs.precision:.3f}, R {longs.recall:.3f})",
            longs.f1 >= t["long_pause_f1"],
        ),
        (
            "Filler recall @ precision, constructed",
            f"R >= {t['filler_recall']} @ P >= {t['filler_precision']}",
            f"R {fills.recall:.3f}, P {fills.precision:.3f}",
            fills.recall >= t["filler_recall"] and fills.precision >= t["filler_precision"],
        ),
    ]
    for timing in timings:
        checks += [
            (
                f"Whole analysis RTF, {timing['audio_seconds']:.0f} s {timing['label']}",
                f"<= {t['rtf_whole']}x",
                f"{timing['rtf_whole']:.3f}x",
                timing["rtf_whole"] <= t["rtf_whole"],
            ),
            (
                f"Whole analysis / plain faster-whisper, {timing['label']}",
                f"<= {t['whole_over_plain']}x",
                f"{timing['whole_over_plain']:.2f}x (median of {timing['runs']} pairs)",
                timing["whole_over_plain"] <= t["whole_over_plain"],
            ),
        ]
    if live:
        checks.append(
            (
                f"Live metrics lag ({live['chunk_seconds']} s chunks)",
                f"< {t['live_lag_seconds']} s",
                f"p95 {live['lag_p95_seconds']:.3f} s (max {live['lag_max_seconds']:.3f} s)",
                live["lag_p95_seconds"] < t["live_lag_seconds"],
            )
        )
    return [[name, goal, measured, "PASS" if ok else "FAIL"] for name, goal, measured, ok in checks]


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:+.3f}"


def report(
    real: Row | None, constructed: Row, timings: Sequence[Row], rss: float, live: Row | None = None
) -> None:
    """Print every table."""
    if real:
        print(f"\n(a) Real recordings ({len(real['clips'])} clips, {real['seconds']:.1f} s)")
        clips = [
            [
                c["clip"].removeprefix("sense_and_sensibility_01_austen_64kb-"),
                c["duration"],
                c["reference_words"],
                f"{c['substitutions']}/{c['deletions']}/{c['insertions']}",
                f"{c['wer']:.1%}",
                f"{c['reference_wpm']:.0f}",
                f"{c['measured_wpm']:.0f}",
                pct(c["wpm_error"]),
            ]
            for c in real["clips"]
        ]
        head = ["clip", "s", "ref words", "S/D/I", "WER", "ref WPM", "WPM", "WPM err"]
        print(table(head, clips))
        print(f"pooled WER {real['pooled_wer']:.1%}")
    rows = constructed["answers"]
    print(f"\n(b) Constructed set ({len(rows)} answers, {constructed['seconds']:.0f} s)")
    answers = [
        [
            r["id"],
            r["voice"],
            r["duration"],
            f"{r['wer']:.1%}",
            f"{r['reference_wpm']:.0f}",
            f"{r['measured_wpm']:.0f}",
            pct(r["wpm_error"]),
            f"{r['span_error_seconds']:+.2f}",
            "{matched}/{truth}/{found}".format(**r["long_pauses"]["detection"]),
            "{matched}/{truth}/{found}".format(**r["fillers"]["detection"]["all"]),
        ]
        for r in rows
    ]
    head = ["answer", "voice", "s", "WER", "ref WPM", "WPM", "WPM err", "span err s"]
    print(table([*head, "long TP/true/found", "filler TP/true/found"], answers))
    within = constructed["wpm_within_5pct"]
    print(f"pooled WER {constructed['pooled_wer']:.1%}; WPM within 5%: {within}/{len(rows)}")
    print("\nFillers by source (constructed)")
    sources = [
        [source, d.truth, d.found, d.matched, f"{d.precision:.3f}", f"{d.recall:.3f}"]
        for source, d in ((k, Detection(**v)) for k, v in constructed["fillers"].items())
    ]
    print(table(["source", "true", "found", "matched", "precision", "recall"], sources))
    misses = ", ".join(f"{k}: {v}" for k, v in sorted(constructed["filler_misses"].items()))
    falses = ", ".join(f"{k}: {v}" for k, v in sorted(constructed["filler_false"].items()))
    print(f"missed fillers over which {misses}")
    print(f"false fillers: {falses} (duplicate = a second detection of one filler)")
    print("\nFiller recall by kind (any source / transcript only / acoustic only)")
    print(
        table(["group", "n", "recall", "transcript", "acoustic"], constructed["filler_breakdown"])
    )
    print("\nDetected pause vs true silence (seconds; + means later / longer)")
    keys = ("median_start_offset", "median_end_offset", "median_duration_error")
    offsets = [
        [
            k,
            v["count"],
            v["undetected"],
            *(_fmt(v[key]) for key in keys),
            f"{_fmt(v['min_duration_error'])}..{_fmt(v['max_duration_error'])}",
        ]
        for k, v in constructed["silence_offsets"].items()
    ]
    head = ["true silence", "n", "undetected", "start offset", "end offset", "duration err"]
    print(table([*head, "duration err range"], offsets))
    for timing in timings:
        print(
            f"\n(c) Timing, {timing['label']}: {timing['file']} ({timing['audio_seconds']:.1f} s), "
            f"median of {timing['runs']} runs after a warm-up, {os.cpu_count()} cores"
        )
        seconds = timing["audio_seconds"]
        times = [
            ["whole analysis", f"{timing['whole_median']:.2f}", f"{timing['rtf_whole']:.3f}"],
            [
                "plain faster-whisper base",
                f"{timing['plain_median']:.2f}",
                f"{timing['rtf_plain']:.3f}",
            ],
            *(
                [f"  analysis stage: {k}", f"{v:.2f}", f"{v / seconds:.3f}"]
                for k, v in timing["stage_seconds_median"].items()
            ),
        ]
        print(table(["measure", "seconds", "RTF"], times))
        runs = ", ".join(
            f"{w:.2f}/{a:.2f}"
            for w, a in zip(timing["whole_seconds"], timing["plain_seconds"], strict=True)
        )
        print(f"per pair, whole/plain (s): {runs}")
    if live:
        print(
            f"\n(d) Live meter: {live['file']} fed in {live['chunk_seconds']} s chunks "
            f"({live['chunks']}); processing per chunk median "
            f"{live['processing_median_ms']:.1f} ms, p95 {live['processing_p95_ms']:.1f} ms, "
            f"max {live['processing_max_ms']:.1f} ms"
        )
    print(f"peak RSS {rss:.0f} MB")
    print("\nTargets")
    rows = verdicts(real, constructed, timings, live)
    print(table(["target", "goal", "measured", "result"], rows))
