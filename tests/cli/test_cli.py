"""The ``rehearse`` command as an operator uses it: as a process where what is tested is the
process (its exit status, its output, the models it loads), and in this process, through the
same command line (Typer's runner), where it is what a command does with its settings and its
input (the models then load once for the whole file)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.conftest import REDIS_URL, shared_fixture
from tests.support.api import STRONG_PASSWORD
from tests.support.media import samples_wav
from tests.support.net import free_port
from tests.support.processes import invoke_rehearse, rehearse_env
from tests.support.s3 import Bucket
from tests.support.speech import said_again
from tests.support.waiting import GUARD_SECONDS


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``rehearse ARGS`` as a process of its own, as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "rehearse", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,  # a hang guard, not a speed check (the benchmarks are)
        check=False,
    )


def test_help_lists_the_commands() -> None:
    result = invoke_rehearse(["--help"], rehearse_env())
    assert result.exit_code == 0
    for command in ("serve", "worker", "db", "users"):
        assert command in result.stdout


def test_db_upgrade_migrates_the_configured_database(tmp_path: Path, database_url: str) -> None:
    fresh = (
        f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        if database_url.startswith("sqlite")
        else database_url
    )
    env = rehearse_env(data_dir=tmp_path, database_url=fresh)
    assert invoke_rehearse(["db", "upgrade"], env).exit_code == 0
    current = invoke_rehearse(["db", "current"], env)
    assert "(up to date)" in current.output


def test_users_create_makes_a_confirmed_user(tmp_path: Path, database_url: str) -> None:
    env = rehearse_env(data_dir=tmp_path, database_url=database_url)
    result = invoke_rehearse(
        ["users", "create", "ops@example.com", "--admin", "--password-stdin"],
        env,
        STRONG_PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    engine = create_engine(database_url)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT is_admin, email_confirmed_at FROM users WHERE email = 'ops@example.com'")
        ).one()
    engine.dispose()
    assert row[0]
    assert row[1] is not None


def test_users_create_refuses_a_weak_password_plainly(tmp_path: Path, database_url: str) -> None:
    env = rehearse_env(data_dir=tmp_path, database_url=database_url)
    result = invoke_rehearse(
        ["users", "create", "ops@example.com", "--password-stdin"], env, "password\n"
    )
    assert result.exit_code == 1
    assert "Error: Use at least 10 characters." in result.output
    assert "Traceback" not in result.output


def test_production_refuses_to_start_with_the_default_secret(tmp_path: Path) -> None:
    result = invoke_rehearse(["serve"], rehearse_env(data_dir=tmp_path, environment="production"))
    assert result.exit_code == 1
    assert "REHEARSE_SECRET_KEY must be set" in result.stderr


def test_an_empty_secret_counts_as_unset(tmp_path: Path) -> None:
    env = rehearse_env(data_dir=tmp_path, environment="production", secret_key="")
    result = invoke_rehearse(["serve"], env)
    assert "REHEARSE_SECRET_KEY must be set" in result.output


def test_invalid_configuration_names_the_variable(tmp_path: Path) -> None:
    result = invoke_rehearse(["serve"], rehearse_env(data_dir=tmp_path, port="eighty"))
    assert result.exit_code == 1
    assert "REHEARSE_PORT" in result.output


def test_the_worker_needs_a_queue(tmp_path: Path) -> None:
    result = invoke_rehearse(["worker"], rehearse_env(data_dir=tmp_path))
    assert result.exit_code == 1
    assert "REHEARSE_QUEUE_URL" in result.output


def test_analyze_prints_the_transcript_and_metrics(tmp_path: Path) -> None:
    recording = tmp_path / "answer.wav"
    recording.write_bytes(_spoken_wav("I shipped the new search feature in two weeks."))
    result = _run(
        ["analyze", str(recording), "--question", "Tell me about a win"],
        rehearse_env(data_dir=tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "Question: Tell me about a win" in result.stdout
    assert "search feature" in result.stdout
    assert "speaking rate" in result.stdout
    assert "Vocal confidence" in result.stdout


def test_analyze_says_where_a_word_was_said_again(tmp_path: Path) -> None:
    recording = tmp_path / "answer.wav"
    audio, _asks = said_again(4)
    recording.write_bytes(samples_wav(audio.samples.tolist()))
    result = invoke_rehearse(["analyze", str(recording)], rehearse_env(data_dir=tmp_path))
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "repetitions" in line)
    assert re.search(r"at 0:0\d 'ask ask'", line), line


def test_analyze_as_json(tmp_path: Path) -> None:
    recording = tmp_path / "answer.wav"
    recording.write_bytes(_spoken_wav("We reduced the error rate by half."))
    result = invoke_rehearse(["analyze", str(recording), "--json"], rehearse_env(data_dir=tmp_path))
    payload = json.loads(result.stdout)
    assert payload["status"] == "ok"
    assert payload["pace"]["words_per_minute"] > 0


def test_analyze_explains_a_file_that_is_not_a_recording(tmp_path: Path) -> None:
    document = tmp_path / "cv.pdf"
    document.write_bytes(b"%PDF-1.4 not audio")
    result = invoke_rehearse(["analyze", str(document)], rehearse_env(data_dir=tmp_path))
    assert result.exit_code == 1
    assert "not an audio or video recording" in result.stderr
    assert "Traceback" not in result.stderr


def _spoken_wav(text: str) -> bytes:
    return subprocess.run(["espeak-ng", "--stdout", text], check=True, capture_output=True).stdout


STORY_QUESTION = "Tell me about a time you delivered something under pressure."


def test_analyze_judges_what_the_answer_says(tmp_path: Path, smollm2_judge: dict[str, str]) -> None:
    recording = tmp_path / "answer.wav"
    recording.write_bytes(_spoken_wav("I shipped the new search feature in two weeks."))
    env = rehearse_env(data_dir=tmp_path, **smollm2_judge)
    result = invoke_rehearse(
        ["analyze", str(recording), "--question", STORY_QUESTION, "--key-point", "A deadline"],
        env,
    )
    assert result.exit_code == 0, result.stderr
    assert "Content, judged by" in result.stdout
    assert re.search(r"\n    (covered|partly|missing)\s+A deadline\n", result.stdout)
    for part in ("situation", "task", "action", "result"):
        assert re.search(rf"\n    (covered|partly|missing)\s+{part}\n", result.stdout)
    assert "A stronger answer, in your own words" in result.stdout


def test_analyze_as_json_holds_the_judgement_and_its_content_score(
    tmp_path: Path, smollm2_judge: dict[str, str]
) -> None:
    recording = tmp_path / "answer.wav"
    recording.write_bytes(_spoken_wav("I shipped the new search feature in two weeks."))
    env = rehearse_env(data_dir=tmp_path, **smollm2_judge)
    result = invoke_rehearse(
        ["analyze", str(recording), "--question", STORY_QUESTION, "--json"], env
    )
    feedback = json.loads(result.stdout)["feedback"]
    judgement = feedback["judgement"]
    assert 0 <= judgement["score"] <= 100
    assert isinstance(judgement["on_topic"], bool)
    content = next(score for score in feedback["scores"] if score["name"] == "content")
    assert content["value"] == judgement["score"]
    assert feedback["judgement_note"] is None


def test_analyze_says_why_content_was_not_judged_and_measures_the_rest(tmp_path: Path) -> None:
    recording = tmp_path / "answer.wav"
    recording.write_bytes(_spoken_wav("I shipped the new search feature in two weeks."))
    dead = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    env = rehearse_env(data_dir=tmp_path, llm="on", llm_url=dead)
    result = invoke_rehearse(["analyze", str(recording), "--question", STORY_QUESTION], env)
    assert result.exit_code == 0, result.stderr
    assert "! Content was not judged: " in result.stdout
    assert "Scores (0-100) and what moved them" in result.stdout
    assert "Traceback" not in result.stderr


def test_analyze_wants_the_question_its_key_points_belong_to(tmp_path: Path) -> None:
    recording = tmp_path / "answer.wav"
    result = invoke_rehearse(
        ["analyze", str(recording), "--key-point", "A deadline"], rehearse_env()
    )
    assert result.exit_code == 1
    assert "--key-point needs --question" in result.stderr


def test_analyze_reports_what_the_camera_saw(tmp_path: Path) -> None:
    video = shared_fixture("video/single_face.mp4")
    result = invoke_rehearse(["analyze", str(video)], rehearse_env(data_dir=tmp_path))
    assert result.exit_code == 0, result.stderr
    for section in ("Eye contact", "Head pose", "Blinks", "Posture", "Timeline (5 s windows)"):
        assert section in result.stdout
    assert "presence" in result.stdout


def test_analyze_as_json_holds_the_video_analysis(tmp_path: Path) -> None:
    video = shared_fixture("video/single_face.mp4")
    result = invoke_rehearse(["analyze", str(video), "--json"], rehearse_env(data_dir=tmp_path))
    payload = json.loads(result.stdout)
    assert payload["video"]["gaze"]["eye_contact_ratio"] > 0.9
    assert payload["video"]["blinks"]["count"] == 1
    assert payload["video"]["timeline"]


def test_the_worker_refuses_a_bucket_it_cannot_write_to(
    tmp_path: Path, database_url: str, bucket: Bucket
) -> None:
    missing = {**bucket.settings, "blob_url": "s3://no-such-bucket/recordings"}
    env = rehearse_env(data_dir=tmp_path, database_url=database_url, queue_url=REDIS_URL, **missing)
    result = invoke_rehearse(["worker"], env)
    assert result.exit_code == 1
    assert "Error: The bucket no-such-bucket cannot be written to" in result.output
    assert "Traceback" not in result.output
