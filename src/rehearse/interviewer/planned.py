"""One question of a plan, whoever wrote it: the bank, the candidate's projects, an LLM."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedQuestion:
    text: str
    kind: str  # behavioural, technical, scenario, project, coding
    topic: str
    difficulty: int
    reason: str
    key_points: tuple[str, ...]
    follow_ups: tuple[str, ...]
    source: str  # "bank:<id>" or "project"
