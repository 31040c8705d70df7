"""Streaming recognition of real espeak-ng speech fed a quarter of a second at a time."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest

from rehearse.analysis.speech.evaluation import word_error_rate
from rehearse.analysis.speech.streaming import (
    HARD_LIMIT_SECONDS,
    MAX_BUFFER_SECONDS,
    MIN_BUFFER_SECONDS,
    MIN_STEP_SECONDS,
    TARGET_DECODE_SECONDS,
    Captions,
    StreamingRecognizer,
    fitted_limit,
    live_max_tokens,
    live_model,
)
from tests.support.speech import compose

STEP = 4000  # 250 ms, as the page's frames
SENTENCES = (
    "In my last role I led a small team that rebuilt our billing system.",
    "We moved the old batch jobs to a queue and cut the nightly run to forty minutes.",
    "The hardest part was convincing finance to trust the new numbers.",
)
ANSWER = compose(0.4, SENTENCES[0], 0.6, SENTENCES[1], 0.8, SENTENCES[2], 0.6)
# When a decode runs, and how much it reads, depends on how long the last one took: on a busy
# machine the words came out otherwise (36 % errors once where 16-20 % is usual). So every
# decode here is timed as taking DECODE_COST seconds, a quiet 2-core machine's, and which
# audio each decode reads is the same on every machine. The CPU's int8 arithmetic still
# differs ("finance" or "being financed", "numbers" or "members"): the tests bound the error
# rate and check where words are, not which words they are.
MAX_WORD_ERROR_RATE = 0.35
DECODE_COST = 0.2


def _steady_clock() -> Callable[[], float]:
    """A clock that moves DECODE_COST seconds each time it is read."""
    ticks = itertools.count()
    return lambda: next(ticks) * DECODE_COST


def _recognizer() -> StreamingRecognizer:
    return StreamingRecognizer(live_model(), clock=_steady_clock())


@dataclass(frozen=True)
class Streamed:
    """ANSWER fed a step at a time until Done is pressed while its last words are said
    (``DONE_STEPS_EARLY`` steps before its end), then finished with the rest."""

    steps: list[Captions]
    final: Captions
    buffered_seconds: float  # once finished
    heard_seconds: float


DONE_STEPS_EARLY = 4


@pytest.fixture(scope="module")
def streamed() -> Streamed:
    """The one streaming of the whole answer that the tests below read: each costs seconds of
    decoding."""
    recognizer = _recognizer()
    samples = ANSWER.samples
    last = len(samples) - DONE_STEPS_EARLY * STEP
    steps = [recognizer.feed(samples[i : min(i + STEP, last)]) for i in range(0, last, STEP)]
    final = recognizer.finish(samples[last:])
    return Streamed(steps, final, recognizer.buffered_seconds, recognizer.heard_seconds)


def test_words_are_committed_while_the_answer_goes_on(streamed: Streamed) -> None:
    halfway = streamed.steps[len(streamed.steps) // 2]
    assert halfway.committed, "nothing was committed by the middle of the answer"
    assert halfway.committed[-1].end < halfway.heard_seconds


def test_the_end_reads_the_whole_answer_in_order(streamed: Streamed) -> None:
    final = streamed.final
    assert final.tentative == ()
    heard = word_error_rate(" ".join(SENTENCES), final.committed_text)
    assert heard <= MAX_WORD_ERROR_RATE, final.committed_text
    starts = [word.start for word in final.committed]
    assert starts == sorted(starts)
    assert final.committed[-1].end <= ANSWER.duration + 0.1


def test_silence_is_not_decoded() -> None:
    recognizer = _recognizer()
    quiet = np.zeros(STEP, dtype=np.float32)
    steps = [recognizer.feed(quiet) for _ in range(12)]
    assert not any(step.decoded for step in steps)
    assert recognizer.finish().committed == ()


def test_a_long_answer_keeps_the_buffer_bounded() -> None:
    recognizer = _recognizer()
    samples = np.concatenate([ANSWER.samples] * 2)  # past the buffer's ceiling and hard limit
    for i in range(0, len(samples), STEP * 4):
        recognizer.feed(samples[i : i + STEP * 4])
        assert recognizer.buffered_seconds <= MAX_BUFFER_SECONDS + 5.0


def test_a_decoder_far_behind_skips_audio_rather_than_reading_it_all() -> None:
    recognizer = _recognizer()
    backlog = np.concatenate([ANSWER.samples] * 4)  # about 40 s arriving at once
    captions = recognizer.feed(backlog)
    assert captions.decoded
    assert recognizer.buffered_seconds <= HARD_LIMIT_SECONDS
    assert recognizer.skipped_seconds >= len(backlog) / 16_000 - HARD_LIMIT_SECONDS - 0.01


def test_decodes_are_paced_by_the_audio_they_add(streamed: Streamed) -> None:
    decoded_at = [step.heard_seconds for step in streamed.steps if step.decoded]
    gaps = np.diff(decoded_at)
    assert len(decoded_at) >= 3, "captions must still come while the answer goes on"
    assert gaps.min() >= MIN_STEP_SECONDS - 0.01
    assert len(decoded_at) <= ANSWER.duration / MIN_STEP_SECONDS + 1


def test_the_end_reads_only_what_is_not_committed(streamed: Streamed) -> None:
    before, final = streamed.steps[-1], streamed.final  # Done while the last words are said
    assert before.committed, "nothing was committed before the end"
    committed_until = before.committed[-1].end
    assert final.decoded
    assert streamed.buffered_seconds <= streamed.heard_seconds - committed_until + 0.01
    assert final.committed[: len(before.committed)] == before.committed
    # The words said after Done ("... the new numbers", its last 0.4 s) are read too. The
    # short-context aligner may time the last word up to half a second early ("humbers" at
    # 13.28-13.46 s on an AMD EPYC): it must end after every word committed before Done, and
    # in the last second of speech.
    speech_end = ANSWER.speech[-1][1]
    assert final.committed[-1].end > max(committed_until, speech_end - 1.0), final.committed_text


def test_a_live_decode_may_write_enough_for_fast_speech_and_little_more() -> None:
    for seconds in (1.0, 3.0, 8.0, 15.0):
        fast_speech = 5 * seconds  # about 4 words a second
        assert fast_speech < live_max_tokens(seconds) < 2 * fast_speech + 10


def test_a_slow_decode_shrinks_the_buffer_to_what_fits_the_target() -> None:
    limit = fitted_limit(MAX_BUFFER_SECONDS, 10.0, 2 * TARGET_DECODE_SECONDS)
    assert limit == pytest.approx(5.0)


def test_the_buffer_never_shrinks_below_its_floor() -> None:
    assert fitted_limit(MAX_BUFFER_SECONDS, 2.0, 10 * TARGET_DECODE_SECONDS) == MIN_BUFFER_SECONDS


def test_quick_decodes_let_the_buffer_grow_back_to_its_ceiling() -> None:
    limit = MIN_BUFFER_SECONDS
    for _ in range(50):
        limit = fitted_limit(limit, limit, TARGET_DECODE_SECONDS / 4)
    assert limit == MAX_BUFFER_SECONDS


def test_a_decode_near_the_target_leaves_the_buffer_as_it_is() -> None:
    assert fitted_limit(6.0, 6.0, 0.9 * TARGET_DECODE_SECONDS) == 6.0
