"""Per-frame flags merged into episodes."""

from __future__ import annotations

import pytest

from rehearse.analysis.video.episodes import GAZE_AVERSION, EpisodeRule, find_episodes

STEP = 1 / 15
RULE = EpisodeRule("gaze_aversion", min_seconds=1.0, max_gap=0.3)


def _times(count: int) -> list[float]:
    return [round(i * STEP, 4) for i in range(count)]


def test_a_run_of_flags_is_one_episode_ending_where_the_next_frame_starts() -> None:
    flags = [False] * 10 + [True] * 30 + [False] * 10
    [episode] = find_episodes(_times(50), flags, RULE, end=50 * STEP)
    assert episode.kind == "gaze_aversion"
    assert episode.start == pytest.approx(10 * STEP, abs=1e-3)
    assert episode.end == pytest.approx(40 * STEP, abs=1e-3)
    assert episode.duration == pytest.approx(2.0, abs=1e-3)


def test_a_short_gap_is_bridged() -> None:
    flags = [True] * 20 + [False] * 3 + [True] * 20
    assert len(find_episodes(_times(43), flags, RULE, end=43 * STEP)) == 1


def test_a_long_gap_splits_the_episode() -> None:
    flags = [True] * 20 + [False] * 10 + [True] * 20
    assert len(find_episodes(_times(50), flags, RULE, end=50 * STEP)) == 2


def test_a_glance_shorter_than_the_minimum_is_dropped() -> None:
    flags = [False] * 5 + [True] * 10 + [False] * 5
    assert find_episodes(_times(20), flags, RULE, end=20 * STEP) == []


def test_an_episode_running_to_the_end_closes_at_the_end() -> None:
    flags = [False] * 5 + [True] * 40
    [episode] = find_episodes(_times(45), flags, GAZE_AVERSION, end=3.0)
    assert episode.end == 3.0


def test_flags_and_times_must_match() -> None:
    with pytest.raises(ValueError, match="length"):
        find_episodes([0.0, 0.1], [True], RULE, end=1.0)
