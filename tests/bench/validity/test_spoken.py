"""What a verbatim transcript supports of a speech analysis (bench/validity/spoken.py)."""

from __future__ import annotations

from bench.validity.spoken import transcript_speech


def test_filled_pauses_are_counted_per_100_content_words() -> None:
    speech = transcript_speech("um I built the um robot arm")
    assert speech["fillers"]["count"] == 2
    assert speech["fillers"]["per_100_words"] == 100 * 2 / 5


def test_more_fillers_never_lower_the_rate() -> None:
    fewer = transcript_speech("so I built the robot arm and uh it worked")
    more = transcript_speech("so um I built the uh robot arm and uh it worked")
    assert more["fillers"]["per_100_words"] > fewer["fillers"]["per_100_words"]


def test_no_words_is_no_speech() -> None:
    assert transcript_speech("um uh")["status"] == "no_speech"


def test_a_filled_pause_joined_to_a_word_by_an_ellipsis_is_counted() -> None:
    assert transcript_speech("and um...so we shipped it")["fillers"]["count"] == 1


def test_a_cut_off_word_run_into_a_filled_pause_is_split() -> None:
    assert transcript_speech("it was a bad-uh a hard week")["fillers"]["count"] == 1


def test_hyphenated_words_stay_whole() -> None:
    assert len(transcript_speech("a well-known umbrella firm")["words"]) == 4


def test_like_set_off_by_commas_is_a_filler() -> None:
    assert transcript_speech("it was, like, a big win")["fillers"]["count"] == 1
