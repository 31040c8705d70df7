"""Decoding every common container to 16 kHz mono, and naming what is wrong with bad input."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from rehearse.analysis.audio import SAMPLE_RATE, Samples, load_audio
from rehearse.analysis.errors import (
    CorruptMedia,
    EmptyMedia,
    MediaTooLong,
    MediaTooShort,
    NoAudioTrack,
    NotMedia,
)
from tests.conftest import shared_fixture
from tests.support.media import pdf_bytes
from tests.support.recordings import FORMATS, encode, video_without_sound
from tests.support.speech import speak

SENTENCE = "This answer was recorded in the browser."


@pytest.fixture(scope="module")
def spoken() -> Samples:
    return speak(SENTENCE)


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_each_container_decodes_to_the_same_length(spoken: Samples, kind: str) -> None:
    audio = load_audio(encode(spoken, kind))
    assert audio.duration == pytest.approx(len(spoken) / SAMPLE_RATE, abs=0.06)
    assert audio.samples.dtype == np.float32


def test_browser_webm_without_a_duration_header_decodes_whole(spoken: Samples) -> None:
    audio = load_audio(encode(spoken, "webm", streamed=True))
    assert audio.duration == pytest.approx(len(spoken) / SAMPLE_RATE, abs=0.03)
    assert audio.source_format == "matroska,webm/opus"


def test_the_sound_of_a_video_is_used(spoken: Samples) -> None:
    assert load_audio(encode(spoken, "webm", video=True)).duration > 2.0


def test_the_sound_of_the_face_video_fixture_is_used() -> None:
    assert load_audio(shared_fixture("video/single_face.mp4")).duration == pytest.approx(
        2.4, abs=0.1
    )


def test_a_path_and_its_bytes_decode_alike() -> None:
    path = shared_fixture("audio/jfk.wav")
    assert np.array_equal(load_audio(path).samples, load_audio(path.read_bytes()).samples)


def test_a_truncated_webm_keeps_what_came_before_the_cut(spoken: Samples) -> None:
    whole = encode(np.concatenate([spoken] * 4), "webm", streamed=True)
    audio = load_audio(whole[: len(whole) // 2])
    assert 2.0 < audio.duration < len(spoken) * 4 / SAMPLE_RATE


def test_an_empty_file_is_named_empty() -> None:
    with pytest.raises(EmptyMedia, match="empty"):
        load_audio(b"")


def test_a_document_is_not_a_recording() -> None:
    with pytest.raises(NotMedia, match="not an audio or video recording"):
        load_audio(pdf_bytes())


def test_a_video_without_sound_says_so() -> None:
    with pytest.raises(NoAudioTrack, match="no sound track"):
        load_audio(video_without_sound())


def test_a_header_with_nothing_after_it_is_corrupt(spoken: Samples) -> None:
    whole = encode(spoken, "webm", streamed=True)
    with pytest.raises((CorruptMedia, MediaTooShort, NotMedia)):
        load_audio(whole[:200])


def test_too_short_a_recording_is_refused() -> None:
    with pytest.raises(MediaTooShort, match=r"at least 0\.5 s"):
        load_audio(np.zeros(SAMPLE_RATE // 10, dtype=np.float32))


def test_too_long_a_recording_is_refused_without_decoding_it_all(spoken: Samples) -> None:
    long_recording = encode(np.concatenate([spoken] * 20), "ogg", streamed=True)
    with pytest.raises(MediaTooLong, match="longer than the limit"):
        load_audio(long_recording, max_seconds=5)


def test_a_wav_written_to_a_pipe_is_not_taken_for_hours_long() -> None:
    piped = subprocess.run(
        ["sox", "-n", "-r", "16000", "-c", "1", "-t", "wav", "-", "synth", "2", "sine", "220"],
        check=True,
        capture_output=True,
    ).stdout
    assert load_audio(piped).duration == pytest.approx(2.0, abs=0.01)
