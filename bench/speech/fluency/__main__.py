"""``python -m bench.speech.fluency [FOLDER] [--limit N] [--out OUT.json]``: fillers and repeats
found on real disfluent voices, clip by clip, the product against plain faster-whisper base.

FOLDER (default ``../shared/data/fluencybank``) holds ``clips/`` and a labels CSV of SEP-28k's
columns. A clip counts as a filler clip when at least two of its three annotators marked an
interjection, a repeat clip when two marked a word repetition, and clean when none marked any
event (``clips.py``); silent clips are left out and counted.

- **recall**: the share of filler (repeat) clips in which a system finds at least one filler
  (repetition); **false alarms**: the share of clean clips in which it does.
- **the product** ("analysis"): the speech analysis as it ships, fillers and repetitions
  written in its transcript, and fillers and repeats heard in its encoder frames
  (``rehearse.analysis.speech.sounds``). On the episodes the shipped readings were fitted to
  (``sounds.json``), each episode is read with readings fitted on the other episodes alone,
  their cuts chosen inside those too (``fit.py``): out of fold by episode. On any other
  episodes (a held-out half), the shipped readings are used as they are.
- **words**: the analysis's transcript alone, its fillers and repetitions, without the readings
  (what the readings add; until speech-5 the analysis also counted held steady voiced sounds,
  whose figures docs/speech-analysis.md keeps);
- **plain**: faster-whisper base on the whole clip, fillers and repetitions read from its
  words by the product's own lexicon.
- **time**: the analysis's seconds over plain's, both on every clip, one after the other.

``--limit N`` takes N clips of each kind, spread over the episodes (the readings are then
fitted on those clips alone). Each clip's analysis is kept in ``bench/.cache/fluency``; a
progress line is printed every 25 clips.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from bench.fixtures import RESULTS
from bench.machine import cpu_model
from bench.speech.fluency.clips import DEFAULT_FOLDER, Clip, read_clips
from bench.speech.fluency.fit import Example, out_of_fold
from bench.speech.fluency.heard import Heard, Listener
from bench.speech.fluency.verbatim import error_rates, match_episodes, read_segments
from rehearse.analysis.speech.lexicon import Marker
from rehearse.analysis.speech.sounds import HEARD_FILLER, Reading, bundled_sounds, unwritten

BARS = {"filler": (0.85, 0.10), "repeat": (0.70, 0.05)}  # recall at least, false alarms at most


def markers(
    heard: Heard, filler: Reading | None, repeat: Reading | None
) -> tuple[list[Marker], list[Marker]]:
    """The fillers and repeats the product finds in the clip, as ``pipeline.hear`` adds what
    the frames heard (written "um") to what the transcript gives; without readings, the
    transcript's."""
    fillers, repeats = heard.fillers(), heard.repeats()
    if filler is not None:
        spans = [s for start, w in heard.windows for s in filler.heard(w, start)]
        fillers += unwritten(spans, fillers, HEARD_FILLER, "filler")
    if repeat is not None:
        spans = [s for start, w in heard.windows for s in repeat.heard(w, start)]
        repeats += unwritten(spans, repeats, "", "repetition")
    return fillers, repeats


def found(heard: Heard, filler: Reading | None, repeat: Reading | None) -> dict[str, bool]:
    """Whether the product finds a filler and a repeat in the clip."""
    fillers, repeats = markers(heard, filler, repeat)
    return {"filler": bool(fillers), "repeat": bool(repeats)}


def shown(heard: Heard, filler: Reading) -> str:
    """The transcript as the report shows it: the words, and an "um" for each filler heard
    that no word shows, where it was heard."""
    fillers, _ = markers(heard, filler, None)
    heard_only = [(m.start, m.text) for m in fillers if m.text == HEARD_FILLER]
    return " ".join(
        text.strip() for _, text in sorted(heard_only + [(s, t) for t, s, _ in heard.words])
    )


def limited(clips: Sequence[Clip], limit: int | None) -> list[Clip]:
    """``limit`` clips of each kind, taken in turn from each episode."""
    if limit is None:
        return list(clips)
    chosen: dict[str, Clip] = {}
    for kind in ("filler", "repeat", "clean"):
        by_episode: dict[str, list[Clip]] = {}
        for clip in clips:
            if getattr(clip, kind):
                by_episode.setdefault(clip.episode, []).append(clip)
        turn = 0
        taken = 0
        while taken < limit and any(len(c) > turn for c in by_episode.values()):
            for episode_clips in by_episode.values():
                if turn < len(episode_clips) and taken < limit:
                    chosen.setdefault(episode_clips[turn].name, episode_clips[turn])
                    taken += 1
            turn += 1
    return [clip for clip in clips if clip.name in chosen]


def rates(rows: Sequence[dict[str, Any]], system: str, kind: str) -> dict[str, Any]:
    positive = [r for r in rows if r[kind]]
    clean = [r for r in rows if r["clean"]]
    hits = sum(r[system][kind] for r in positive)
    alarms = sum(r[system][kind] for r in clean)
    return {
        "recall": round(hits / max(len(positive), 1), 3),
        "false_alarms": round(alarms / max(len(clean), 1), 3),
        "clips": len(positive),
        "clean_clips": len(clean),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, help="clips of each kind (default: all)")
    parser.add_argument("--out", type=Path, default=RESULTS / "speech-fluency.json")
    parser.add_argument(
        "--verbatim",
        type=Path,
        help="FluencyBank_TimeStamped.zip (HoseinRanjbar/disfluency_detection): word error rates",
    )
    args = parser.parse_args(argv)
    if not args.folder.exists():
        print(f"skipped: {args.folder} not found (the FluencyBank development half)")
        return 0
    everything, silent = read_clips(args.folder)
    clips = limited(everything, args.limit)
    listener = Listener()
    examples = []
    for index, clip in enumerate(clips, 1):
        examples.append(Example(clip, listener(clip)))
        if index % 25 == 0 or index == len(clips):
            print(f"[{index}/{len(clips)}] clips heard", flush=True)
    shipped = json.loads(
        resources.files("rehearse.analysis.speech").joinpath("sounds.json").read_text()
    )
    episodes = {clip.episode for clip in clips}
    in_fold = episodes <= set(shipped["episodes"])
    if in_fold:
        readings = {kind: out_of_fold(examples, kind) for kind in ("filler", "repeat")}

    def readings_of(clip: Clip) -> tuple[Reading, Reading]:
        if in_fold:
            return readings["filler"][clip.episode], readings["repeat"][clip.episode]
        return bundled_sounds().filler, bundled_sounds().repeat

    rows = []
    for example in examples:
        clip, heard = example.clip, example.heard
        filler, repeat = readings_of(clip)
        rows.append(
            {
                "clip": clip.name,
                "filler": clip.filler,
                "repeat": clip.repeat,
                "clean": clip.clean,
                "analysis": found(heard, filler, repeat),
                "words": found(heard, None, None),
                "plain": {"filler": heard.plain_fillers > 0, "repeat": heard.plain_repeats > 0},
            }
        )
    wer = None
    if args.verbatim is not None:
        segments = read_segments(args.verbatim)
        wer = error_rates(
            examples,
            segments,
            match_episodes(examples, segments),
            {
                "analysis": lambda e: shown(e.heard, readings_of(e.clip)[0]),
                "words": lambda e: " ".join(text.strip() for text, _, _ in e.heard.words),
                "plain": lambda e: e.heard.plain_text,
            },
        )
    systems = ("analysis", "words", "plain")
    summary = {kind: {system: rates(rows, system, kind) for system in systems} for kind in BARS}
    seconds = sum(e.heard.seconds for e in examples)
    plain_seconds = sum(e.heard.plain_seconds for e in examples)
    print(
        f"\n{len(clips)} clips of {len(episodes)} episodes ({silent} silent left out); "
        + ("out of fold by episode" if in_fold else "the shipped readings")
    )
    for kind, (recall_bar, alarm_bar) in BARS.items():
        print(f"{kind} clips (recall >= {recall_bar}, false alarms <= {alarm_bar}):")
        for system in systems:
            r = summary[kind][system]
            print(
                f"  {system:9s} recall {r['recall']:.3f} of {r['clips']}, "
                f"false alarms {r['false_alarms']:.3f} of {r['clean_clips']}"
            )
    ratio = seconds / max(plain_seconds, 1e-9)
    print(f"time: analysis {seconds:.0f} s, plain {plain_seconds:.0f} s, {ratio:.2f}x plain")
    if wer is None:
        print("word error rates: pass --verbatim FluencyBank_TimeStamped.zip to measure them")
    else:
        print(
            f"word error rates on {wer['clips']} clips of {len(wer['episodes'])} episodes matched:"
        )
        for way in ("words", "verbatim"):
            rates_of = wer[way]
            print(
                f"  {way:9s} "
                + ", ".join(
                    f"{name} {rates_of[name]:.3f}" for name in ("analysis", "words", "plain")
                )
                + f" (of {rates_of['reference_words']} words)"
            )
    # Only the figures: the clips' labels are the data's own (research licence).
    args.out.write_text(
        json.dumps(
            {
                "machine": f"{cpu_model()}",
                "command": "python -m bench.speech.fluency " + " ".join(sys.argv[1:]),
                "evaluation": "out of fold by episode" if in_fold else "shipped readings",
                "clips": len(clips),
                "silent_left_out": silent,
                "episodes": sorted(episodes),
                "summary": summary,
                "word_error_rates": wer,
                "time": {
                    "analysis_s": round(seconds, 1),
                    "plain_s": round(plain_seconds, 1),
                    "ratio": round(ratio, 3),
                },
            },
            indent=1,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
