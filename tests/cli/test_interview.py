"""``rehearse interview`` runs a mock interview in the terminal with typed answers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import shared_fixture
from tests.support.processes import invoke_rehearse, rehearse_env
from tests.support.waiting import GUARD_SECONDS

VAGUE = "I guess we kind of disagreed sometimes about stuff, maybe about things like that."
COMPLETE = (
    "At my last job our team had to choose a queue, and a teammate wanted Kafka while I thought "
    "Postgres was enough. I asked him to walk me through his reasons, and I proposed we decide on "
    "peak load. I built a prototype in two days and measured 400 events per second. As a result "
    "we shipped three weeks earlier, and I learned to settle design debates with data."
)


def _interview(tmp_path: Path, typed: str, *extra: str, **settings: object) -> Result:
    """``rehearse interview`` with the shared job posting and résumé, ``typed`` as what the
    candidate types, run in this process (the models load once for the file)."""
    return invoke_rehearse(
        [
            "interview",
            "--job",
            str(shared_fixture("jobs/software_engineer_login_gov.txt")),
            "--resume",
            str(shared_fixture("resumes/resume-matcher_john_doe_senior_swe.pdf")),
            *extra,
        ],
        rehearse_env(data_dir=tmp_path, **settings),
        stdin=typed,
    )


def test_the_plan_and_first_question_are_shown(tmp_path: Path) -> None:
    result = _interview(tmp_path, "/quit\n", "--length", "4", "--show-plan")
    assert result.exit_code == 0, result.stderr
    assert "Mock interview: Login.gov - Application Engineer (senior, mixed)" in result.stdout
    assert "web-backend (strength)" in result.stdout
    assert "[projects, difficulty 3] In DevFlow" in result.stdout  # their own project, by name
    assert "Q1. " in result.stdout


def test_a_vague_answer_gets_a_follow_up_and_a_complete_one_moves_on(tmp_path: Path) -> None:
    typed = f"{VAGUE} {VAGUE}\n\n{COMPLETE}\n\n/quit\n"
    result = _interview(tmp_path, typed, "--length", "3")
    assert "Follow-up:" in result.stdout
    assert "Q2. " in result.stdout
    assert "Topic levels after this interview" in result.stdout


def test_skip_moves_to_the_next_question(tmp_path: Path) -> None:
    result = _interview(tmp_path, "/skip\n/quit\n", "--length", "3")
    assert "chose to skip" in result.stdout
    assert "Q2. " in result.stdout


def test_a_missing_job_file_is_reported_plainly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rehearse", "interview", "--job", str(tmp_path / "nope.txt")],
        env=rehearse_env(data_dir=tmp_path),
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        check=False,
    )  # a process of its own: its exit status and what it prints are what is tested
    assert result.returncode == 1
    assert "Cannot read" in result.stderr


def test_recorded_answers_are_transcribed_and_judged(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    for name, text in [("01.wav", COMPLETE), ("02.wav", "I do not know.")]:
        wav = subprocess.run(
            ["espeak-ng", "-s", "140", "--stdout", text], check=True, capture_output=True
        ).stdout
        (folder / name).write_bytes(wav)
    result = _interview(tmp_path, "", "--length", "2", "--answers", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "[01.wav: " in result.stdout
    assert "Kafka" in result.stdout  # the recording was transcribed
    assert "Topic levels after this interview" in result.stdout


def test_a_coding_answer_is_graded_in_the_sandbox(tmp_path: Path) -> None:
    from tests.interviewer.test_problems import SOLUTIONS  # noqa: PLC0415

    code = SOLUTIONS["log-errors"].strip() + "\n/end\n"
    result = _interview(tmp_path, f"/skip\n{code}/quit\n", "--type", "coding", "--length", "4")
    assert "Errors per service" in result.stdout
    assert "Graded by the hidden tests: All 4 hidden tests passed." in result.stdout


# The plan's first question for this job and résumé asks why this company; a story about
# something else gets a clarification, and a speech after it moves the interview on.
OFF_THE_QUESTION = f"{COMPLETE}\n\nAsk not what your country can do for you.\n\n/quit\n"


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory, smollm2_judge: dict[str, str]) -> str:
    """What an interview printed with the content judge on (SmolLM2 standing in)."""
    folder = tmp_path_factory.mktemp("judged")
    result = _interview(folder, OFF_THE_QUESTION, "--length", "2", **smollm2_judge)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_each_answered_question_is_judged_once_the_interview_ends(judged: str) -> None:
    assert "What the content judge found:" in judged
    assert re.search(r"\n  Q1\. content \d+/100(, off topic)?: What do you know", judged)
    assert "\n  Q2. content" not in judged  # quit before answering it


def test_a_question_followed_up_on_is_studied_once(judged: str) -> None:
    assert "Q1. What do you know about our company" in judged
    assert judged.count("Study for 'What do you know about our company") == 1
