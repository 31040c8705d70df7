"""Disfluent speech built from real voices: ``python -m bench.speech.disfluent [--out PATH]``.

Real spontaneous recordings with verbatim transcripts are scarce, so this set is made from the
real read recordings in ../shared/fixtures/audio (never copied here), each with an exact
reference:

- **read**: each clip as it is.
- **repetitions**: a word or a phrase of two or three words of a clip said 2-5 times in a
  row, as a nervous speaker does ("ask, ask, ask not what"): the clip is cut at word
  boundaries (plain faster-whisper's word timings on the clean clip, each checked against
  the reference transcript and moved to the quietest 10 ms nearby) and the phrase's own audio
  spliced in again after a short pause of the clip's own room tone.
- **other takes**: a word or two-word phrase said two or three times in a row, each saying
  again another of the same speaker's own sayings of it in these clips (JFK's other
  "country", the Austen reader's "made" of another sentence), so no saying is a copy of
  another: a detector that only matches identical sound finds nothing here.
- **quiet**: the clip's last 40 % of words faded by 10-25 dB, as an answer trails off.
- **restarts**: a word of two or more syllables begun, cut off after 35-60 % of its sound,
  and said again whole after a short pause of room tone ("fel- fellow"), twice per clip; the
  reference leaves the fragment out, as verbatim scoring does, and the restart is found when
  a repetition or restart is marked over the fragment or the word.
- **whispered**: the clip's last 40 % of words whispered (the voice's own articulation
  driven by noise, ``voices.whispered``) 10-20 dB under the voice, as whispering is.
- **raised**: the clip's last 40 % of words 7-12 semitones higher (``voices.raised``), as a
  voice breaking into falsetto.

For each group it prints the analysis's and plain faster-whisper's word error rate side by
side, in one run, and the recall and precision of the repetitions and restarts (each saying
again counted once, matched by time; plain's read from its words by the product's own
lexicon), and the analysis's time against plain's. Filled pauses are not built yet: the
fixtures hold no real "um" to splice. The whispered and raised voices are made from real ones
by signal processing: the closest the project has to real whispering and falsetto.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

from bench.fixtures import AUDIO, REPO, reference_transcripts
from bench.speech.corpus import SAMPLE_RATE, Samples, write_wav
from bench.speech.metrics import Detection, match, normalize_words, word_errors
from bench.speech.report import table
from bench.speech.robustness import Plain
from bench.speech.voices import raised, whispered
from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.lexicon import find_repetitions
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.analysis.speech.syllables import count_syllables
from rehearse.analysis.speech.words import Word

SEED = 48
CACHE = REPO / "bench" / ".cache" / "disfluent"
GROUPS = ("read", "repetitions", "other-takes", "restarts", "quiet", "whispered", "raised")
REPEATING_GROUPS = ("repetitions", "other-takes", "restarts")
# (phrase length in words, times said) for each clip's repetition versions.
REPETITIONS = ((1, 3), (2, 2), (1, 5), (3, 3))
PAUSE_SECONDS = (0.05, 0.35)
FADE_DB = (10.0, 25.0)
FADE_FROM_SHARE = 0.6
FADE_RAMP_SECONDS = 0.3
RESTARTS_PER_CLIP = 2
FRAGMENT_SHARE = (0.35, 0.6)
FRAGMENT_FADE_SECONDS = 0.01
WHISPER_DB = (10.0, 20.0)
RAISED_SEMITONES = (7.0, 12.0)
BOUNDARY_SEARCH_SECONDS = 0.05
MATCH_TOLERANCE_SECONDS = 0.3
_FRAME = int(0.01 * SAMPLE_RATE)

Interval = tuple[float, float]


@dataclass
class Built:
    """One constructed recording and what is known of it."""

    name: str
    group: str
    samples: Samples
    reference: str
    repetitions: list[Interval] = field(default_factory=list)  # each saying again


@dataclass(frozen=True)
class Timed:
    """A reference word with where it was said in its clip (checked against plain's words)."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Source:
    """A fixture clip, its reference and its reference words where plain's timings agree."""

    name: str
    samples: Samples
    reference: str
    timed: list[Timed | None]


def _quietest(samples: Samples, around: float) -> int:
    """The sample index of the quietest 10 ms frame within BOUNDARY_SEARCH_SECONDS of
    ``around`` seconds: a cut there falls between sounds."""
    centre = int(around * SAMPLE_RATE)
    reach = int(BOUNDARY_SEARCH_SECONDS * SAMPLE_RATE)
    low, high = max(0, centre - reach), min(len(samples) - _FRAME, centre + reach)
    if high <= low:
        return min(max(centre, 0), len(samples))
    starts = np.arange(low, high, _FRAME // 2)
    energy = [float(np.mean(np.square(samples[s : s + _FRAME]))) for s in starts]
    return int(starts[int(np.argmin(energy))] + _FRAME // 2)


def cut_between_sounds(samples: Samples, start: float, end: float) -> Samples:
    """The sound said from ``start`` to ``end`` seconds, cut at the quietest moments near
    both."""
    return samples[_quietest(samples, start) : _quietest(samples, end)]


def checked_words(reference: str, words: Sequence[Word]) -> list[Timed | None]:
    """The reference's words, each with plain's timing where plain wrote exactly that word
    at that place of the alignment (None where it did not: not cut there)."""
    ref = normalize_words(reference)
    said = [normalize_words(word.text) for word in words]
    flat = [(token, index) for index, tokens in enumerate(said) for token in tokens]
    timed: list[Timed | None] = [None] * len(ref)
    matcher = SequenceMatcher(None, ref, [token for token, _ in flat], autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            index = flat[block.b + offset][1]
            if len(said[index]) == 1:  # a word plain wrote as one reference word
                word = words[index]
                timed[block.a + offset] = Timed(ref[block.a + offset], word.start, word.end)
    return timed


def _room_tone(samples: Samples, seconds: float) -> Samples:
    """``seconds`` of the clip's own quietest 100 ms, looped."""
    size = int(0.1 * SAMPLE_RATE)
    starts = range(0, max(1, len(samples) - size), size // 2)
    quiet = min(starts, key=lambda s: float(np.mean(np.square(samples[s : s + size]))))
    tone = samples[quiet : quiet + size]
    count = int(seconds * SAMPLE_RATE)
    return np.resize(tone, count).astype(np.float32)


def _said_again(
    samples: Samples, cut_out: int, sayings: Sequence[Samples], rng: random.Random
) -> tuple[Samples, list[Interval]]:
    """``samples`` with ``sayings`` spliced in at ``cut_out``, each after a short pause of the
    clip's room tone; and where each saying again lies."""
    pieces = [samples[:cut_out]]
    cursor = cut_out / SAMPLE_RATE
    placed: list[Interval] = []
    for saying in sayings:
        pause = _room_tone(samples, rng.uniform(*PAUSE_SECONDS))
        cursor += len(pause) / SAMPLE_RATE
        placed.append((cursor, cursor + len(saying) / SAMPLE_RATE))
        cursor += len(saying) / SAMPLE_RATE
        pieces += [pause, saying]
    pieces.append(samples[cut_out:])
    return np.concatenate(pieces), placed


def _said_again_in_words(reference: str, index: int, size: int, again: int) -> str:
    """``reference``'s words with the ``size`` from ``index`` said ``again`` more times."""
    tokens = normalize_words(reference)
    phrase = tokens[index : index + size]
    return " ".join(tokens[: index + size] + phrase * again + tokens[index + size :])


def _span(source: Source, index: int, size: int) -> Interval:
    """Where the ``size`` checked words from ``index`` were said."""
    said = [word for word in source.timed[index : index + size] if word is not None]
    return said[0].start, said[-1].end


def repeated(source: Source, size: int, times: int, rng: random.Random) -> Built | None:
    """The clip with a phrase of ``size`` checked words said ``times`` times in a row."""
    samples, timed = source.samples, source.timed
    starts = [
        index
        for index in range(len(timed) - size + 1)
        if all(timed[index + k] is not None for k in range(size))
    ]
    if not starts:
        return None
    index = rng.choice(starts)
    start, end = _span(source, index, size)
    phrase = cut_between_sounds(samples, start, end)
    changed, sayings = _said_again(samples, _quietest(samples, end), [phrase] * (times - 1), rng)
    said = _said_again_in_words(source.reference, index, size, times - 1)
    return Built(f"{source.name}-x{times}-{size}w", "repetitions", changed, said, sayings)


def speaker_of(source: Source) -> str:
    """Who speaks in ``source``: clips of one recording (a LibriVox chapter's "-0870",
    "-0880"…) have one reader."""
    return source.name.rsplit("-", 1)[0]


def _phrases(source: Source, size: int) -> dict[str, list[int]]:
    """Each phrase of ``size`` checked words in ``source``, with the index of each saying's
    first word."""
    found: dict[str, list[int]] = {}
    for index in range(len(source.timed) - size + 1):
        words = source.timed[index : index + size]
        if all(word is not None for word in words):
            found.setdefault(" ".join(word.text for word in words if word), []).append(index)
    return found


def other_takes(source: Source, same_speaker: Sequence[Source], rng: random.Random) -> Built | None:
    """The clip with a word or two-word phrase said two or three times in a row, each saying
    again another of the speaker's sayings of it, from this clip or another of
    ``same_speaker``."""
    candidates: list[tuple[int, int, list[tuple[Source, int]]]] = []
    for size in (1, 2):
        theirs = [(other, _phrases(other, size)) for other in same_speaker]
        for text, (index, *_) in _phrases(source, size).items():
            others = [
                (other, at)
                for other, phrases in theirs
                for at in phrases.get(text, [])
                if other is not source or at != index
            ]
            if others:
                candidates.append((size, index, others))
    if not candidates:
        return None
    size, index, others = rng.choice(candidates)
    takes = rng.sample(others, min(2, len(others)))
    changed, sayings = _said_again(
        source.samples,
        _quietest(source.samples, _span(source, index, size)[1]),
        [cut_between_sounds(other.samples, *_span(other, at, size)) for other, at in takes],
        rng,
    )
    said = _said_again_in_words(source.reference, index, size, len(takes))
    return Built(f"{source.name}-other-takes", "other-takes", changed, said, sayings)


def restarted(source: Source, rng: random.Random) -> list[Built]:
    """Versions of the clip with a word of 2+ syllables begun, cut off and said again."""
    samples = source.samples
    words = [
        word
        for word in source.timed
        if word is not None and count_syllables(word.text) >= 2 and word.end - word.start >= 0.3
    ]
    versions: list[Built] = []
    for number, word in enumerate(rng.sample(words, min(RESTARTS_PER_CLIP, len(words))), 1):
        cut_in = _quietest(samples, word.start)
        share = rng.uniform(*FRAGMENT_SHARE)
        fragment = samples[cut_in : cut_in + int((word.end - word.start) * share * SAMPLE_RATE)]
        fade = min(len(fragment), int(FRAGMENT_FADE_SECONDS * SAMPLE_RATE))
        fragment = fragment.copy()
        fragment[len(fragment) - fade :] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
        pause = _room_tone(samples, rng.uniform(*PAUSE_SECONDS))
        start = cut_in / SAMPLE_RATE
        said_again = start + (len(fragment) + len(pause)) / SAMPLE_RATE + word.end - word.start
        versions.append(
            Built(
                f"{source.name}-restart{number}",
                "restarts",
                np.concatenate([samples[:cut_in], fragment, pause, samples[cut_in:]]),
                source.reference,
                [(start, said_again)],
            )
        )
    return versions


def _last_words(source: Source) -> int | None:
    """Where the clip's last 40 % of words begin (a sample index between sounds)."""
    known = [word for word in source.timed[int(len(source.timed) * FADE_FROM_SHARE) :] if word]
    return _quietest(source.samples, known[0].start) if known else None


def faded(source: Source, rng: random.Random) -> Built | None:
    """The clip with its last words faded by 10-25 dB over FADE_RAMP_SECONDS."""
    samples, start = source.samples, _last_words(source)
    if start is None:
        return None
    drop = rng.uniform(*FADE_DB)
    ramp = int(FADE_RAMP_SECONDS * SAMPLE_RATE)
    gain = np.ones(len(samples), dtype=np.float32)
    target = np.float32(10 ** (-drop / 20))
    end = min(len(samples), start + ramp)
    gain[start:end] = np.linspace(1.0, target, end - start, dtype=np.float32)
    gain[end:] = target
    return Built(f"{source.name}-quiet", "quiet", samples * gain, source.reference)


def whispered_end(source: Source, rng: random.Random) -> Built | None:
    """The clip with its last words whispered, 10-20 dB under the voice."""
    samples, start = source.samples, _last_words(source)
    if start is None:
        return None
    said = samples[start:]
    whisper = whispered(said, rng.randrange(2**32))
    gain = _rms(said) / max(_rms(whisper), 1e-9) * 10 ** (-rng.uniform(*WHISPER_DB) / 20)
    changed = np.concatenate([samples[:start], whisper * np.float32(gain)])
    return Built(f"{source.name}-whispered", "whispered", changed, source.reference)


def raised_end(source: Source, rng: random.Random) -> Built | None:
    """The clip with its last words 7-12 semitones higher."""
    samples, start = source.samples, _last_words(source)
    if start is None:
        return None
    higher = raised(samples[start:], rng.uniform(*RAISED_SEMITONES))
    changed = np.concatenate([samples[:start], higher])
    return Built(f"{source.name}-raised", "raised", changed, source.reference)


def _rms(samples: Samples) -> float:
    return float(np.sqrt(np.mean(np.square(samples)))) if samples.size else 0.0


def build_set(plain: Plain) -> list[Built]:
    """Every version of every fixture clip; empty (and a reason printed) without them."""
    references = reference_transcripts()
    if not references:
        print("Disfluent set: skipped (../shared/fixtures/audio not found).")
        return []
    rng = random.Random(SEED)  # noqa: S311 (reproducible, not secret)
    # The restarts and the voices draw from generators of their own: the earlier groups stay
    # the files they were.
    voice_rng = random.Random(SEED + 1)  # noqa: S311
    restart_rng = random.Random(SEED + 2)  # noqa: S311
    takes_rng = random.Random(SEED + 3)  # noqa: S311
    sources = []
    for file, reference in references.items():
        samples = load_audio(AUDIO / file).samples
        timed = checked_words(reference, plain(AUDIO / file))
        sources.append(Source(Path(file).stem, samples, reference, timed))
    built: list[Built] = []
    for source in sources:
        speaker = [other for other in sources if speaker_of(other) == speaker_of(source)]
        versions = [
            Built(source.name, "read", source.samples, source.reference),
            *(repeated(source, size, times, rng) for size, times in REPETITIONS),
            other_takes(source, speaker, takes_rng),
            faded(source, rng),
            *restarted(source, restart_rng),
            whispered_end(source, voice_rng),
            raised_end(source, voice_rng),
        ]
        built += [version for version in versions if version is not None]
    return built


def _repetition_detection(truth: Sequence[Interval], words: Sequence[Word]) -> Detection:
    found = [(m.start, m.end) for m in find_repetitions(words)]
    matched = match(truth, found, centre_tolerance=MATCH_TOLERANCE_SECONDS)
    return Detection(len(truth), len(found), len(matched))


def _timed(action: Callable[[Path], Any], wav: Path) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action(wav)
    return result, time.perf_counter() - started


def run(built: Sequence[Built], analyzer: SpeechAnalyzer, plain: Plain) -> list[dict[str, Any]]:
    """Each version through the analysis and plain faster-whisper, one after the other."""
    CACHE.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    for index, version in enumerate(built, 1):
        wav = CACHE / f"{version.name}.wav"
        write_wav(wav, version.samples)
        analysis, analysis_seconds = _timed(analyzer.apply, wav)
        words, plain_seconds = _timed(plain, wav)
        plain_text = "".join(word.text for word in words)
        row: dict[str, Any] = {
            "name": version.name,
            "group": version.group,
            "reference": version.reference,
        }
        for system, text, said, seconds in (
            ("analysis", analysis.transcript, analysis.words, analysis_seconds),
            ("plain", plain_text, words, plain_seconds),
        ):
            errors = word_errors(version.reference, text)
            detection = _repetition_detection(version.repetitions, said)
            row[system] = {
                "transcript": text,
                "edits": errors.edits,
                "reference_words": errors.reference_words,
                "repetitions": [detection.truth, detection.found, detection.matched],
                "seconds": round(seconds, 3),
            }
        rows.append(row)
        print(
            f"[{index}/{len(built)}] {version.name}: WER {_wer([row], 'analysis'):.3f} "
            f"(plain {_wer([row], 'plain'):.3f})",
            flush=True,
        )
    return rows


def _wer(rows: Sequence[dict[str, Any]], system: str) -> float:
    edits = sum(int(row[system]["edits"]) for row in rows)
    return edits / max(1, sum(int(row[system]["reference_words"]) for row in rows))


def _detection(rows: Sequence[dict[str, Any]], system: str) -> Detection:
    total = Detection(0, 0, 0)
    for row in rows:
        total = total + Detection(*row[system]["repetitions"])
    return total


def summary(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Per group: both systems' pooled WER, repetition recall and precision, and seconds."""
    groups: dict[str, Any] = {}
    for group in GROUPS:
        chosen = [row for row in rows if row["group"] == group]
        if not chosen:
            continue
        groups[group] = {
            "files": len(chosen),
            **{
                system: {
                    "wer": round(_wer(chosen, system), 4),
                    "repetition_recall": round(_detection(chosen, system).recall, 3),
                    "repetition_precision": round(_detection(chosen, system).precision, 3),
                    "seconds": round(sum(row[system]["seconds"] for row in chosen), 2),
                }
                for system in ("analysis", "plain")
            },
        }
    return groups


def print_summary(groups: dict[str, Any]) -> None:
    rows = []
    for group, figures in groups.items():
        analysis, plain = figures["analysis"], figures["plain"]
        repetitions = group in REPEATING_GROUPS
        rows.append(
            [
                group,
                figures["files"],
                f"{analysis['wer']:.1%}",
                f"{plain['wer']:.1%}",
                f"{analysis['repetition_recall']:.2f} / {analysis['repetition_precision']:.2f}"
                if repetitions
                else "-",
                f"{plain['repetition_recall']:.2f} / {plain['repetition_precision']:.2f}"
                if repetitions
                else "-",
                f"{analysis['seconds'] / max(plain['seconds'], 1e-9):.2f}",
            ]
        )
    print(
        table(
            [
                "group",
                "files",
                "WER",
                "plain WER",
                "repetitions R / P",
                "plain R / P",
                "time / plain",
            ],
            rows,
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speech.disfluent", description=__doc__)
    parser.add_argument("--out", type=Path, help="write every file's figures here (JSON)")
    parser.add_argument(
        "--groups", default=",".join(GROUPS), help="the groups to run, comma-separated (all)"
    )
    args = parser.parse_args(argv)
    plain = Plain()
    chosen = set(args.groups.split(","))
    built = [version for version in build_set(plain) if version.group in chosen]
    if not built:
        return 0
    analyzer = SpeechAnalyzer(Recognizer(threads=2))
    analyzer.apply(AUDIO / "jfk.wav")  # load the model before anything is timed
    rows = run(built, analyzer, plain)
    groups = summary(rows)
    print_summary(groups)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"groups": groups, "files": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
