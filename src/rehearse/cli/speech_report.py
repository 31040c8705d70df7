"""The readable summary ``rehearse analyze`` prints: transcript with fillers marked, metrics
beside their target bands."""

from __future__ import annotations

from collections.abc import Sequence

from rehearse.analysis.speech.analyzer import SpeechAnalysis
from rehearse.analysis.speech.lexicon import Marker
from rehearse.feedback.measures import Score
from rehearse.feedback.segments import Moment, clock


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def _marked_transcript(result: SpeechAnalysis) -> str:
    """The words, with [fillers] in brackets and (pauses) where they fell."""
    fillers: list[Marker] = result.fillers.items if result.fillers else []
    spoken = [f for f in fillers if f.source == "transcript"]

    def marked(start: float, end: float) -> bool:
        return any(f.start <= start and end <= f.end for f in spoken)

    events: list[tuple[float, str]] = [
        (w.start, f"[{w.text.strip()}]" if marked(w.start, w.end) else w.text.strip())
        for w in result.words
    ]
    events += [(f.start, f"[{f.text}]") for f in fillers if f.source == "acoustic"]
    events += [(p.start, f"({p.duration:.1f}s)") for p in result.pause_spans if p.duration >= 1.0]
    return " ".join(text for _, text in sorted(events))


def _line(name: str, value: str, target: str = "") -> str:
    return f"  {name:<26}{value:<24}{target}"


def _when(markers: Sequence[Marker], shown: int = 6) -> str:
    """Where the first ``shown`` markers were said ("at 0:03 'i i', 0:04 'i i', ...")."""
    said = [f"{clock(m.start)} '{m.text}'" for m in markers[:shown]]
    more = ", ..." if len(markers) > shown else ""
    return f"at {', '.join(said)}{more}" if said else ""


def render_text(result: SpeechAnalysis, question: str = "") -> str:
    lines = []
    if question:
        lines += [f"Question: {question}", ""]
    model = result.recognizer.get("model", "")
    lines.append(f"Recording: {_clock(result.duration_seconds)}  ({model} model)")
    lines += [f"! {warning}" for warning in result.warnings]
    pace, pauses, fillers = result.pace, result.pauses, result.fillers
    voice, vocabulary = result.voice, result.vocabulary
    if result.status != "ok" or pace is None or pauses is None or fillers is None:
        return "\n".join([*lines, "", result.message])
    if voice is None or vocabulary is None:
        return "\n".join([*lines, "", result.message])
    lines += ["", "Transcript ([fillers], (long pauses)):", f"  {_marked_transcript(result)}", ""]
    lines.append("Pace")
    lines.append(_line("speaking rate", f"{pace.words_per_minute:.0f} wpm", "target 120-160"))
    lines.append(
        _line("articulation rate", f"{pace.articulation_rate_wpm:.0f} wpm", "without pauses")
    )
    if pace.pace_variation is not None:
        lines.append(_line("pace variation", f"{pace.pace_variation:.0%}", "across 5 s windows"))
    lines.append("Pauses")
    lines.append(_line("pauses (≥0.25 s)", f"{pauses.count} ({pauses.per_minute:.0f}/min)"))
    lines.append(_line("long pauses (>2 s)", str(pauses.long_count), "target at most 1 per minute"))
    lines.append(_line("longest pause", f"{pauses.longest_seconds:.1f} s"))
    lines.append(_line("silence ratio", f"{pauses.silence_ratio:.0%}"))
    lines.append("Fillers and hesitations")
    lines.append(
        _line(
            "fillers",
            f"{fillers.count} ({fillers.per_100_words:.1f}/100 words)",
            "target at most 3/100",
        )
    )
    if fillers.from_sound:
        lines.append(_line("  heard, not transcribed", str(fillers.from_sound)))
    lines.append(_line("repetitions", str(len(result.repetitions)), _when(result.repetitions)))
    lines.append(_line("hedges", ", ".join(h.text for h in result.hedges) or "none"))
    if vocabulary.mattr is not None:
        lines.append(
            _line(
                "vocabulary diversity",
                f"{vocabulary.mattr:.2f}",
                "MATTR, higher is more varied",
            )
        )
    lines.append("Voice")
    if voice.pitch_median_hz is not None:
        lines.append(_line("pitch", f"{voice.pitch_median_hz:.0f} Hz"))
        lines.append(
            _line("pitch variation", f"{voice.pitch_variation_semitones:.1f} st", "target 2-6")
        )
    if voice.loudness_median_dbfs is not None:
        lines.append(_line("loudness", f"{voice.loudness_median_dbfs:.0f} dBFS"))
        lines.append(
            _line("loudness variation", f"{voice.loudness_variation_db:.1f} dB", "target at most 8")
        )
    if voice.hnr_median_db is not None:
        lines.append(_line("harmonics-to-noise", f"{voice.hnr_median_db:.1f} dB"))
    if result.confidence and result.confidence.score is not None:
        lines += [
            "",
            f"Vocal confidence: {result.confidence.score:.0f}/100 ({result.confidence.label})",
        ]
        for cue in result.confidence.cues:
            if cue.score is not None and cue.value is not None:
                lines.append(
                    _line(
                        f"  {cue.name}",
                        f"{cue.value:.1f} {cue.unit}",
                        f"target {cue.target}: +{cue.points:.0f}",
                    )
                )
        lines.append(f"  {result.confidence.caveat}")
    return "\n".join(lines)


def render_feedback(scores: Sequence[Score], found: Sequence[Moment]) -> str:
    """Each score with the measurements that cost it most (with what to do, or, for a target
    fitted to people's ratings that no coach would set, as evidence), then the moments to work
    on."""
    lines = ["Scores (0-100) and what moved them"]
    for score in scores:
        value = "not measured" if score.value is None else f"{score.value:.0f} ({score.label})"
        lines.append(f"  {score.name:<18}{value}")
        costly = sorted((m for m in score.measurements if m.lost > 0), key=lambda m: -m.lost)
        for item in costly[:2]:
            measured = f"      {item.name}: {item.value:.3g} {item.unit}"
            lines.append(
                f"{measured}, target {item.target} (-{item.lost:.0f}). {item.advice}"
                if item.advised
                else f"{measured}; the best-rated answers: {item.target} (-{item.lost:.0f}), "
                "evidence behind the score, not a goal."
            )
    if found:
        lines.append("Moments")
        lines += [f"  {m.when}: {m.what}; {m.advice}" for m in found]
    return "\n".join(lines)
