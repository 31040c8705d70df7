"""Word error rates against FluencyBank Timestamped (bench.speech.fluency.verbatim): an
episode matched to the interview whose words its clips' transcripts share, and each clip scored
against the words said inside it, with and without its filled pauses."""

from __future__ import annotations

from pathlib import Path

from bench.speech.fluency.clips import Clip
from bench.speech.fluency.fit import Example
from bench.speech.fluency.heard import Heard
from bench.speech.fluency.verbatim import Segment, error_rates, match_episodes

SAID = ("um", "i", "i", "think", "we", "shipped", "it", "on", "friday", "and", "then", "we")


def _segment(start: float) -> Segment:
    """The words of SAID a third of a second apart, from ``start``."""
    return Segment(start, start + 4.5, tuple((w, start + 0.2 + i / 3) for i, w in enumerate(SAID)))


def _example(episode: str, number: int, start: float, plain: str) -> Example:
    clip = Clip(f"{episode}_{number}", episode, Path("x.flac"), {}, start, start + 3.0)
    words = [(" I", 0.0, 0.2), (" think", 0.3, 0.6), (" we", 0.7, 0.8), (" shipped", 0.9, 1.2)]
    heard = Heard(clip.name, [], [], words, plain, [], 0, 0, 1.0, 1.0)
    return Example(clip, heard)


INTERVIEWS = {"24fa": [_segment(10.0 * n) for n in range(10)], "50fb": [_segment(7.0)]}
EXAMPLES = [_example("010", n, 10.0 * n, "I think we shipped it on Friday") for n in range(10)]


def test_a_clip_is_scored_against_the_words_said_inside_it() -> None:
    assert _segment(10.0).said_in(10.0, 11.0) == "um i i"


def test_an_episode_is_matched_to_the_interview_its_transcripts_share_words_with() -> None:
    (interview, share, runner_up) = match_episodes(EXAMPLES, INTERVIEWS)["010"]
    assert (interview, runner_up) == ("24fa", 0.0)
    assert share > 0.5


def test_a_repeat_tidied_away_is_an_error_and_a_filler_only_verbatim() -> None:
    rates = error_rates(
        EXAMPLES,
        INTERVIEWS,
        match_episodes(EXAMPLES, INTERVIEWS),
        {"plain": lambda e: e.heard.plain_text, "with um": lambda e: "uh " + e.heard.plain_text},
    )
    # Inside each clip: "um i i think we shipped it on friday" (9 words).
    assert rates["words"]["reference_words"] == 10 * 8  # the "um" left out
    assert rates["words"]["plain"] == rates["words"]["with um"] == 0.125  # the second "i"
    assert rates["verbatim"]["plain"] == 0.2222  # and the "um"
    assert rates["verbatim"]["with um"] == 0.1111  # an "uh" for an "um" is no error
