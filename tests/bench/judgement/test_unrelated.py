"""``python -m bench.judgement.unrelated``: every text given to every interview question gets
the model's two probabilities and a verdict, and the count of those called off topic. A real
llama.cpp server runs SmolLM2-135M: what is checked is the benchmark's contract, not skill."""

from __future__ import annotations

import re

import pytest

from bench.judgement import unrelated
from tests.support.llama import judge_is_smollm2

pytestmark = pytest.mark.slow


def test_every_text_is_judged_against_every_question(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = ("Tell me about yourself.", "Why should we hire you?")
    monkeypatch.setattr(unrelated, "QUESTIONS", questions)  # two of six: the contract, quicker
    texts = dict(list(unrelated.CHECK_TEXTS.items())[:2])  # and two of the texts
    monkeypatch.setattr(unrelated, "CHECK_TEXTS", texts)
    with judge_is_smollm2(monkeypatch):
        assert unrelated.main(["--check"]) == 0
    printed = capsys.readouterr().out
    shown = r"(?:\d\.\d{3}|-)"  # a probability, or "-" for neither yes nor no
    judged = re.findall(rf"^(.+?)\s+{shown}\s+{shown} (off topic|ON TOPIC)$", printed, re.M)
    assert len(judged) == len(unrelated.CHECK_TEXTS) * len(questions)
    assert {line.split("  ")[0] for line, _ in judged} == set(unrelated.CHECK_TEXTS)
    caught = sum(verdict == "off topic" for _, verdict in judged)
    assert f"off topic: {caught} of {len(judged)}" in printed
