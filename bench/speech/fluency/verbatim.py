"""Word error rates against FluencyBank Timestamped's verbatim transcripts (Romana et al. 2024,
``FluencyBank_TimeStamped.zip`` in ``HoseinRanjbar/disfluency_detection``): every word said,
fillers and repeats included, timed by hand.

The zip names its interviews by participant ("24fa"), SEP-28k's clips by episode ("010"), and
no table here joins them. Each development episode is matched to the interview whose words, in
the stretches its clips lie inside, plain faster-whisper's transcripts of those clips share most
of, when that share is at least ``MATCHED`` and ``MARGIN`` above the next interview's. Only the
segments of matched interviews are scored: a clip lying wholly inside one segment is scored
against that segment's words whose middles fall inside the clip (a word cut at the clip's edge
counts against both systems alike).

Two rates each, pooled over the clips: **words**, fillers left out of both texts (as
``bench.speech`` scores), so a repeat Whisper tidied away is an error; and **verbatim**, every
filled pause kept as one word (an "uh" written for an "um" is no error: the readings do not
tell them apart).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.speech.fluency.fit import Example
from bench.speech.metrics import FILLER, normalize_words, word_errors

MATCHED = 0.5  # share of a clip's reference words plain's transcript holds, at least
MARGIN = 0.2  # above the next best interview
MIN_CLIPS = 8  # clips inside an interview's segments before it is weighed
_FILLED_PAUSE = "filledpause"  # a filler as a word the scoring keeps


@dataclass(frozen=True)
class Segment:
    """One stretch of an interview: its span and its words (text, middle), in its seconds."""

    start: float
    end: float
    words: tuple[tuple[str, float], ...]

    def said_in(self, start: float, end: float) -> str:
        return " ".join(word for word, middle in self.words if start <= middle < end)


def read_segments(path: Path) -> dict[str, list[Segment]]:
    """Each interview's segments, from the zip as its repository ships it (a zip of csvs in a
    zip); the word times of a segment's csv count from its audio, which starts 50 ms early."""
    with zipfile.ZipFile(path) as outer:
        spans = list(csv.DictReader(io.StringIO(outer.read("TimeStamped/metadata.csv").decode())))
        inner = zipfile.ZipFile(io.BytesIO(outer.read("TimeStamped/csvs.zip")))
        files = {Path(name).stem: name for name in inner.namelist() if name.endswith(".csv")}
        segments: dict[str, list[Segment]] = defaultdict(list)
        for span in spans:
            start, segid = float(span["segstart"]), span["segid"]
            rows = csv.DictReader(io.StringIO(inner.read(files[segid]).decode()))
            words = tuple(
                (row["word"], start - 0.05 + (float(row["wordstart"]) + float(row["wordend"])) / 2)
                for row in rows
            )
            segments[segid.rsplit("_", 1)[0]].append(Segment(start, float(span["segend"]), words))
    return dict(segments)


def _inside(segments: Sequence[Segment], start: float, end: float) -> Segment | None:
    return next((s for s in segments if s.start <= start and end <= s.end), None)


def _shared(reference: str, hypothesis: str) -> int:
    """How many of the reference's words the hypothesis holds (as multisets)."""
    ours = Counter(hypothesis.lower().split())
    return sum((Counter(reference.lower().split()) & ours).values())


def match_episodes(
    examples: Sequence[Example], segments: dict[str, list[Segment]]
) -> dict[str, tuple[str, float, float]]:
    """Each episode matched: (interview, share of reference words plain held, the next best
    interview's share)."""
    by_episode: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_episode[example.clip.episode].append(example)
    matched = {}
    for episode, clips in by_episode.items():
        shares = []
        for interview, spans in segments.items():
            held = total = scored = 0
            for example in clips:
                inside = _inside(spans, example.clip.start, example.clip.stop)
                if inside is None:
                    continue
                said = _plain_words(inside.said_in(example.clip.start, example.clip.stop))
                held += _shared(said, _plain_words(example.heard.plain_text))
                total += len(said.split())
                scored += 1
            if scored >= MIN_CLIPS and total:
                shares.append((held / total, interview))
        shares.sort(reverse=True)
        if shares and shares[0][0] >= MATCHED:
            runner_up = shares[1][0] if len(shares) > 1 else 0.0
            if shares[0][0] - runner_up >= MARGIN:
                matched[episode] = (shares[0][1], shares[0][0], runner_up)
    return matched


def error_rates(
    examples: Sequence[Example],
    segments: dict[str, list[Segment]],
    matched: dict[str, tuple[str, float, float]],
    systems: dict[str, Callable[[Example], str]],
) -> dict[str, Any]:
    """Pooled word error rates of each system's transcript of each clip inside a segment of
    its episode's interview, both ways (words, verbatim)."""
    errors = {way: Counter[str]() for way in ("words", "verbatim")}
    reference_words = Counter[str]()
    clips = 0
    for example in examples:
        if example.clip.episode not in matched:
            continue
        spans = segments[matched[example.clip.episode][0]]
        inside = _inside(spans, example.clip.start, example.clip.stop)
        if inside is None:
            continue
        said = inside.said_in(example.clip.start, example.clip.stop)
        if not said:
            continue
        clips += 1
        for way, text in (("words", said), ("verbatim", _kept_fillers(said))):
            reference_words[way] += len(normalize_words(text))
            for name, transcribe in systems.items():
                hypothesis = transcribe(example)
                hypothesis = hypothesis if way == "words" else _kept_fillers(hypothesis)
                found = word_errors(text, hypothesis)
                errors[way][name] += found.substitutions + found.deletions + found.insertions
    return {
        "clips": clips,
        "episodes": {episode: interview for episode, (interview, _, _) in sorted(matched.items())},
        **{
            way: {
                "reference_words": reference_words[way],
                **{
                    name: round(errors[way][name] / max(reference_words[way], 1), 4)
                    for name in systems
                },
            }
            for way in errors
        },
    }


def _plain_words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]", " ", text.lower()).split())


def _kept_fillers(text: str) -> str:
    """``text`` with each filled pause one word the scoring keeps."""
    return " ".join(
        _FILLED_PAUSE if FILLER.fullmatch(word) else word for word in _plain_words(text).split()
    )
