"""Scoring one constructed answer against its ground truth, and pooling the scores."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from bench.speech.corpus import Manifest
from bench.speech.metrics import FILLER, Detection, Interval, match, relative_error, word_errors
from rehearse.analysis.speech.analyzer import SpeechAnalysis
from rehearse.analysis.speech.pauses import LONG_PAUSE_SECONDS

# A detected filler matches a true one if they overlap or their centres are this close.
FILLER_CENTRE_TOLERANCE = 0.3

Row = dict[str, Any]


def _spans(items: Sequence[Any]) -> list[Interval]:
    return [(float(item.start), float(item.end)) for item in items]


def _overlap(a: Interval, b: Interval) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def _rounded(span: Interval) -> list[float]:
    return [round(span[0], 3), round(span[1], 3)]


def _words_over(result: SpeechAnalysis, start: float, end: float) -> str:
    return " ".join(
        w.text.strip() for w in result.words if w.end > start - 0.05 and w.start < end + 0.05
    )


def score_long_pauses(manifest: Manifest, result: SpeechAnalysis) -> Row:
    """Detected pauses over 2 s against the true ones; the unmatched ones with context."""
    truth = [(float(a), float(b)) for a, b in manifest.long_pauses]
    pauses = _spans(result.pause_spans)
    found = [p for p in pauses if p[1] - p[0] > LONG_PAUSE_SECONDS]
    pairs = match(truth, found)
    silences = [(float(s["start"]), float(s["end"])) for s in manifest.silences]
    return {
        "detection": Detection(len(truth), len(found), len(pairs)).__dict__,
        "missed": [
            {
                "truth": _rounded(t),
                "detected_over_it": [_rounded(p) for p in pauses if _overlap(p, t)],
            }
            for i, t in enumerate(truth)
            if i not in {i for i, _ in pairs}
        ],
        "false": [
            {
                "detected": _rounded(f),
                "true_silences": [_rounded(s) for s in silences if _overlap(s, f)],
            }
            for j, f in enumerate(found)
            if j not in {j for _, j in pairs}
        ],
    }


def silence_offsets(manifest: Manifest, result: SpeechAnalysis) -> list[Row]:
    """Each true silence of 250 ms+ against the detected pause that overlaps it most."""
    pauses = _spans(result.pause_spans)
    rows: list[Row] = []
    for silence in manifest.silences:
        truth = (float(silence["start"]), float(silence["end"]))
        if truth[1] - truth[0] < 0.25:
            continue
        best = max(pauses, key=lambda p: _overlap(p, truth), default=None)
        if best is None or not _overlap(best, truth):
            rows.append({"kind": silence["kind"], "truth": truth[1] - truth[0], "found": None})
            continue
        rows.append(
            {
                "kind": silence["kind"],
                "truth": truth[1] - truth[0],
                "found": best[1] - best[0],
                "start_offset": best[0] - truth[0],
                "end_offset": best[1] - truth[1],
                "duration_error": (best[1] - best[0]) - (truth[1] - truth[0]),
            }
        )
    return rows


def score_fillers(manifest: Manifest, result: SpeechAnalysis) -> Row:
    """Detected fillers (all, transcript-only, acoustic-only) against the inserted ones."""
    truth = [(float(f["start"]), float(f["end"])) for f in manifest.fillers]
    items = result.fillers.items if result.fillers else []
    detection: dict[str, Any] = {}
    hits: dict[str, set[int]] = {}
    false: list[Row] = []
    for source in ("all", "transcript", "acoustic"):
        found = [m for m in items if source in ("all", m.source)]
        pairs = match(truth, _spans(found), centre_tolerance=FILLER_CENTRE_TOLERANCE)
        detection[source] = Detection(len(truth), len(found), len(pairs)).__dict__
        hits[source] = {i for i, _ in pairs}
        if source == "all":
            used = {j for _, j in pairs}
            hit_spans = [truth[i] for i in hits["all"]]
            false = [
                {
                    "text": m.text,
                    "source": m.source,
                    "span": _rounded((m.start, m.end)),
                    # A second detection of a filler that another detection already matched.
                    "duplicate": bool(
                        match(
                            hit_spans, [(m.start, m.end)], centre_tolerance=FILLER_CENTRE_TOLERANCE
                        )
                    ),
                    "context": _words_over(result, m.start - 0.6, m.end + 0.6),
                }
                for j, m in enumerate(found)
                if j not in used
            ]
    truth_rows = []
    for i, filler in enumerate(manifest.fillers):
        heard = _words_over(result, float(filler["start"]), float(filler["end"]))
        tokens = [t.strip(".,?!").lower() for t in heard.split()]
        truth_rows.append(
            {
                **filler,
                "hit": i in hits["all"],
                "hit_transcript": i in hits["transcript"],
                "hit_acoustic": i in hits["acoustic"],
                "whisper_words": heard,
                "whisper_wrote": "nothing"
                if not tokens
                else "a filler spelling"
                if any(FILLER.fullmatch(t) for t in tokens)
                else "words",
            }
        )
    return {"detection": detection, "truth": truth_rows, "false": false}


def score_answer(manifest: Manifest, result: SpeechAnalysis) -> Row:
    """Every constructed-set measure for one answer, with the details behind each miss."""
    errors = word_errors(manifest.reference, result.transcript)
    measured_wpm = result.pace.words_per_minute if result.pace else 0.0
    span = result.pace.speaking_seconds if result.pace else 0.0
    return {
        "id": manifest.id,
        "voice": manifest.voice,
        "duration": round(manifest.duration, 2),
        "reference_words": errors.reference_words,
        "transcript": result.transcript,
        "wer": errors.wer,
        "edits": errors.edits,
        "errors": errors.errors,
        "reference_wpm": manifest.reference_wpm,
        "measured_wpm": measured_wpm,
        "wpm_error": relative_error(measured_wpm, manifest.reference_wpm),
        "analyzer_words": round(measured_wpm * span / 60),
        "span_error_seconds": span - (manifest.speech_end - manifest.speech_start),
        "long_pauses": score_long_pauses(manifest, result),
        "silence_offsets": silence_offsets(manifest, result),
        "fillers": score_fillers(manifest, result),
    }


def pooled(detections: Sequence[Row]) -> Detection:
    total = Detection(0, 0, 0)
    for data in detections:
        total = total + Detection(**data)
    return total


def _rate(group: Sequence[Row], key: str) -> str:
    return f"{sum(bool(f[key]) for f in group) / len(group):.2f}"


def filler_breakdown(fillers: Sequence[Row]) -> list[list[object]]:
    """Recall by filler word, pitch contour, speed and placement; overall and per source."""
    rows: list[list[object]] = []
    for field in ("text", "contour", "slow", "placement"):
        groups: dict[str, list[Row]] = {}
        for filler in fillers:
            groups.setdefault(str(filler[field]), []).append(filler)
        for name, group in sorted(groups.items()):
            rates = [_rate(group, key) for key in ("hit", "hit_transcript", "hit_acoustic")]
            rows.append([f"{field}={name}", len(group), *rates])
    return rows


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def offset_summary(offsets: Sequence[Row]) -> Row:
    """Median boundary offsets of detected pauses, per kind of true silence."""
    summary: Row = {}
    for kind in ("short", "medium", "long", "internal"):
        group = [o for o in offsets if o["kind"] == kind]
        found = [o for o in group if o["found"] is not None]
        if not group:
            continue
        errors = [o["duration_error"] for o in found]
        summary[kind] = {
            "count": len(group),
            "undetected": len(group) - len(found),
            "median_start_offset": _median([o["start_offset"] for o in found]),
            "median_end_offset": _median([o["end_offset"] for o in found]),
            "median_duration_error": _median(errors),
            "min_duration_error": min(errors, default=None),
            "max_duration_error": max(errors, default=None),
        }
    return summary
