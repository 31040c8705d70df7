"""Per-topic level, updated after every answer like an Elo rating.

A question of difficulty d stands at rating 1000 + 200 (d - 3). A candidate at rating r is
expected to score E = 1 / (1 + 10^((question - r) / 400)) on it; after an answer graded s
(0..1) the rating moves by K (s - E). Doing well on hard questions raises it most, doing badly
on easy ones lowers it most. The plan turns the rating back into a difficulty (200 points a
level), and the service stores it per user and topic so it carries over between sessions.
"""

from __future__ import annotations

START = 1000.0
K_FACTOR = 48.0
POINTS_PER_LEVEL = 200.0


def question_rating(difficulty: int) -> float:
    return START + POINTS_PER_LEVEL * (difficulty - 3)


def expected_score(rating: float, difficulty: int) -> float:
    return 1.0 / (1.0 + 10 ** ((question_rating(difficulty) - rating) / 400))


def update_rating(rating: float, difficulty: int, score: float, k: float = K_FACTOR) -> float:
    """The new rating after an answer to a question of ``difficulty`` graded ``score``."""
    score = min(max(score, 0.0), 1.0)
    return rating + k * (score - expected_score(rating, difficulty))
