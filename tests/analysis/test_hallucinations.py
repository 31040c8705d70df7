"""Invented text is dropped because the recording does not back it, whatever the CPU decoded.

The regression cases replay segments that Whisper base really decoded (int8, beam 5, on an
AVX2-only AMD EPYC) from the recordings they came from: the guard is tested against the
recording, not against one machine's rounding.
"""

from __future__ import annotations

import subprocess

import numpy as np

from rehearse.analysis.audio import Audio, load_audio
from rehearse.analysis.speech.hallucinations import Guard, backed, before_a_pile
from rehearse.analysis.speech.level import level
from rehearse.analysis.speech.recognition import DISFLUENT_PROMPT
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import detect_speech
from rehearse.analysis.speech.words import Segment, Word, normalize
from tests.conftest import shared_fixture
from tests.support.speech import compose, silence, speak

Decoded = list[tuple[str, float, float, float]]


def _segment(decoded: Decoded, avg_logprob: float = -0.3) -> Segment:
    return Segment([Word(*word) for word in decoded], avg_logprob)


def _kept(audio: Audio, *segments: Segment) -> str:
    leveled = level(audio).audio
    guard = Guard(leveled, detect_speech(leveled.samples), DISFLUENT_PROMPT)
    return "".join(w.text for s in segments for w in guard.keep(s)[0]).strip()


def test_a_video_sign_off_after_the_last_word_is_dropped() -> None:
    # sense_and_sensibility_01_austen_64kb-0930.wav came back with "I'll see you in the next
    # video." after the sentence, timed over its last breath and past the end of speech.
    audio = load_audio(shared_fixture("audio/sense_and_sensibility_01_austen_64kb-0930.wav"))
    sentence = _segment(
        [
            (" He", 0.058, 0.378, 0.542),
            (" might", 0.378, 0.578, 0.996),
            (" even", 0.578, 0.858, 0.994),
            (" have", 0.858, 1.098, 0.993),
            (" been", 1.098, 1.258, 0.998),
            (" made", 1.258, 1.618, 0.994),
            (" Amyable", 1.618, 2.158, 0.267),
            (" himself.", 2.158, 2.718, 0.972),
        ]
    )
    sign_off = _segment(
        [
            (" I'll", 2.718, 2.818, 0.062),
            (" see", 2.818, 3.218, 0.189),
            (" you", 3.218, 3.218, 0.885),
            (" in", 3.218, 3.218, 0.155),
            (" the", 3.218, 3.218, 0.619),
            (" next", 3.218, 3.218, 0.962),
            (" video.", 3.218, 3.218, 0.357),
        ]
    )
    assert _kept(audio, sentence, sign_off) == "He might even have been made Amyable himself."


def _quiet_jfk() -> Audio:
    """jfk.wav 40 dB down, as `sox -v 0.01` makes it: speech at about -63 dBFS."""
    loud = load_audio(shared_fixture("audio/jfk.wav"))
    return Audio(loud.samples * np.float32(0.01))


def test_thank_you_very_much_over_a_pause_is_dropped() -> None:
    invented = _segment(
        [
            (" Thank", 4.222, 4.582, 0.01),
            (" you", 4.582, 4.582, 0.952),
            (" very", 4.582, 4.582, 0.054),
            (" much.", 4.582, 4.582, 0.992),
        ]
    )
    assert _kept(_quiet_jfk(), invented) == ""


def test_a_quiet_recording_keeps_its_words() -> None:
    # The old guard dropped these as "text over silence" because they were quieter than an
    # absolute -55 dBFS.
    heard = _segment(
        [
            (" What", 5.21, 5.55, 0.44),
            (" your", 5.55, 5.79, 0.936),
            (" country", 5.79, 6.27, 0.993),
            (" can", 6.27, 6.61, 0.992),
            (" do", 6.61, 6.83, 0.994),
            (" for", 6.83, 7.07, 0.993),
            (" you?", 7.07, 7.37, 0.988),
        ]
    )
    assert _kept(_quiet_jfk(), heard) == "What your country can do for you?"


def test_a_single_word_is_not_repeated_past_its_sound() -> None:
    # espeak-ng's en-us+f2 "six" was decoded as "Six... six... six...": the copies are timed
    # after the word has ended.
    spoken = subprocess.run(
        ["espeak-ng", "-v", "en-us+f2", "--stdout", "six"], check=True, capture_output=True
    ).stdout
    looped = _segment(
        [
            (" Six...", 0.32, 0.52, 0.086),
            (" six...", 0.52, 0.62, 0.387),
            (" six...", 0.62, 0.72, 0.658),
        ]
    )
    made = load_audio(spoken)
    assert [normalize(w) for w in _kept(made, looped).split()] in ([], ["six"])


def _whispered_ending() -> Audio:
    """A voiced sentence, then a whispered one (espeak-ng's whisper voice) at a speech level
    the VAD hears only in part."""
    voiced = speak("So we started the project in March.", rate=150)
    whispered = speak(
        "I think the result was that we cut the waiting time in half, and this is all very "
        "whispered",
        rate=150,
        voice="en-us+whisper",
    )
    return Audio(np.concatenate([silence(0.3), voiced, silence(0.3), whispered, silence(0.4)]))


# Whisper base's words on the whispered sentence (int8, beam 5, Intel Xeon); Silero heard no
# speech under "the result" and "we cut the" there.
_WHISPERED: Decoded = [
    (" I", 2.77, 3.01, 0.95),
    (" think", 3.01, 3.35, 1.00),
    (" the", 3.35, 3.53, 0.68),
    (" result", 3.53, 3.85, 0.98),
    (" was", 3.85, 4.17, 0.97),
    (" that", 4.17, 4.37, 0.97),
    (" we", 4.37, 4.59, 0.99),
    (" cut", 4.59, 4.83, 1.00),
    (" the", 4.83, 5.05, 0.83),
]


def test_whispered_words_the_vad_does_not_hear_are_kept() -> None:
    kept = _kept(_whispered_ending(), _segment(_WHISPERED))
    assert kept == "I think the result was that we cut the"


def test_a_confident_word_over_the_room_after_the_last_word_is_dropped() -> None:
    # The same words moved onto the last 0.4 s, where nothing was said.
    audio = _whispered_ending()
    end = audio.duration
    invented = _segment(
        [(" Thank", end - 0.35, end - 0.2, 0.95), (" you.", end - 0.2, end - 0.05, 0.97)]
    )
    assert _kept(audio, invented) == ""


def test_a_sign_off_the_candidate_really_says_is_kept() -> None:
    made = compose(0.5, "Thank you very much.", 0.5)
    (start, end) = made.speech[0]
    step = (end - start) / 4
    said = _segment(
        [
            (f" {t}", start + i * step, start + (i + 1) * step, 0.9)
            for i, t in enumerate(["Thank", "you", "very", "much."])
        ]
    )
    assert _kept(Audio(made.samples), said) == "Thank you very much."


def test_the_prompt_echoed_back_is_dropped() -> None:
    made = compose(0.5, "So we tried it again.", 0.5)
    (start, end) = made.speech[0]
    echo = "And, uh, I mean, we, like, you know, hmm, er, tried it.".split()
    step = (end - start) / len(echo)
    segment = _segment(
        [(f" {t}", start + i * step, start + (i + 1) * step, 0.8) for i, t in enumerate(echo)]
    )
    assert _kept(Audio(made.samples), segment) == ""


def test_a_retry_that_echoes_the_words_said_before_it_is_dropped() -> None:
    # A stretch decoded again is prompted with the words said before it, which Whisper may
    # write back instead of hearing the stretch.
    made = compose(0.5, "So we tried it again.", 0.5)
    (start, end) = made.speech[0]
    before = "we moved the servers to a new region last spring"
    echo = before.split()[1:8]
    step = (end - start) / len(echo)
    segment = _segment(
        [(f" {t}", start + i * step, start + (i + 1) * step, 0.8) for i, t in enumerate(echo)]
    )
    leveled = level(Audio(made.samples)).audio
    guard = Guard(leveled, detect_speech(leveled.samples), DISFLUENT_PROMPT)
    assert guard.keep(segment)[0]  # the disfluencies alone do not hold these words
    assert guard.prompted(f"{DISFLUENT_PROMPT} {before}").keep(segment)[0] == []


def test_a_word_needs_speech_under_it() -> None:
    speech = [Span(1.0, 2.0)]
    assert backed(Word(" yes", 1.2, 1.5, 0.9), speech)
    assert not backed(Word(" video", 2.3, 2.6, 0.9), speech)
    assert not backed(Word(" next", 2.0, 2.0, 0.9), speech)
    # The VAD notices an onset late (more so on a phone line): a word just before counts.
    assert backed(Word(" Had", 0.85, 1.05, 0.9), speech)
    assert not backed(Word(" so", 0.3, 0.6, 0.9), speech)


def test_words_piled_on_one_moment_end_a_live_decode() -> None:
    # A live decode of the fixture clips, its buffer ending mid-sentence, went on with the
    # buffer's first sentence, every word timed 21.47 s; two decodes agreed on it, and the
    # captions read "He was not an ill-disposed young man." twice.
    decoded = [
        Word(" young", 20.59, 21.11, 0.9),
        Word(" man.", 21.11, 21.39, 0.9),
        *(Word(f" {token}", 21.47, 21.47, 0.5) for token in ("He", "was", "not", "an")),
    ]
    assert [normalize(w.text) for w in before_a_pile(decoded)] == ["young", "man"]


def test_quick_words_that_follow_each_other_are_not_a_pile() -> None:
    quick = [
        Word(f" {t}", 3.0 + 0.06 * i, 3.06 + 0.06 * i, 0.9)
        for i, t in enumerate("a bit of".split())
    ]
    assert before_a_pile(quick) == quick
