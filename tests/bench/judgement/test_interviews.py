"""``python -m bench.judgement.interviews``: every answer of every rated interview judged,
kept after each interview so a second run judges only what is new, and ranked against the
raters beside the anchors. A real llama.cpp server runs SmolLM2-135M: what is checked is the
benchmark's contract, not the tiny model's skill; the interviews are made up here."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from bench.judgement.interviews import main

from tests.support.llama import judge_is_smollm2

pytestmark = pytest.mark.slow
STORY = (
    "Interviewer: Tell me about a time you led a team.|Interviewee: Last year I led four "
    "students in a robotics contest and we came second.|Interviewer: Why should we hire you?"
    "|Interviewee: I learn fast and I finish what I start."
)
SHORT = "Interviewer: Tell me about yourself.|Interviewee: I study maths."


def _ratings(path: Path, participants: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Participant", "Transcript", "Overall", "RecommendHiring"])
        for index, participant in enumerate(participants):
            writer.writerow([participant, STORY if index % 2 else SHORT, index, index])
    return path


def test_each_interview_is_judged_once_and_agreement_is_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "judged.json"
    with judge_is_smollm2(monkeypatch):
        assert main([str(_ratings(tmp_path / "r.csv", ["p1", "pp1"])), "--out", str(out)]) == 0
        first = json.loads(out.read_text())["interviews"]
        more = _ratings(tmp_path / "r2.csv", ["p1", "pp1", "p2", "pp2"])
        assert main([str(more), "--out", str(out)]) == 0
    judged = json.loads(out.read_text())["interviews"]
    assert set(judged) == {"p1", "pp1", "p2", "pp2"}
    assert judged["p1"] == first["p1"]  # kept, not judged again
    assert [a["form"] for a in judged["pp1"]] == ["story", "pitch"]
    for answers in judged.values():
        for answer in answers:
            assert 0 <= answer["score"] <= 100
    printed = capsys.readouterr().out
    assert printed.count("3 answers judged") == 2  # each run judged only its new interviews
    for line in ("judged content", "words per answer", "content (no judge)"):
        assert line in printed
