"""The language model the settings describe: none when off, a server of one's own named, and
the renamed settings still read, with a warning."""

from __future__ import annotations

import pytest

from rehearse.config import Settings
from rehearse.llm.configured import configured_client

ELSEWHERE = "http://judge-host:8080/v1"


def test_a_model_turned_off_is_none() -> None:
    assert configured_client(Settings(_env_file=None, llm="off")) is None


def test_a_server_of_ones_own_without_its_model_named_is_warned_about(
    caplog: pytest.LogCaptureFixture,
) -> None:
    model = configured_client(Settings(_env_file=None, llm_url=ELSEWHERE))
    assert model is not None
    model.close()
    assert "llm.model_not_named" in caplog.text
    assert model.name == "qwen2.5-coder-1.5b-instruct-q4_k_m"  # what it would credit


def test_a_named_model_is_credited_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    named = Settings(_env_file=None, llm_url=ELSEWHERE, llm_model="llama3.1:8b")
    model = configured_client(named)
    assert model is not None
    model.close()
    assert model.name == "llama3.1:8b"
    assert "llm.model_not_named" not in caplog.text


def test_the_judges_old_settings_are_read_with_a_warning_that_names_the_new_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REHEARSE_JUDGE_URL", ELSEWHERE)
    monkeypatch.setenv("REHEARSE_JUDGE_MODEL", "llama3.1:8b")
    with pytest.warns(FutureWarning) as warned:
        settings = Settings(_env_file=None)
    said = " ".join(str(warning.message) for warning in warned)
    assert "set REHEARSE_LLM_URL" in said
    assert "set REHEARSE_LLM_MODEL" in said
    assert (settings.llm_url, settings.llm_model) == (ELSEWHERE, "llama3.1:8b")
    assert settings.llm_rewrites == "off"


def test_the_interviewers_old_endpoint_also_turns_its_rewrites_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REHEARSE_LLM_BASE_URL", ELSEWHERE)
    with pytest.warns(FutureWarning, match="REHEARSE_LLM_REWRITES=on"):
        settings = Settings(_env_file=None)
    assert (settings.llm_url, settings.llm_rewrites) == (ELSEWHERE, "on")


def test_a_new_setting_wins_over_its_old_name() -> None:
    with pytest.warns(FutureWarning, match="REHEARSE_JUDGE is renamed"):
        settings = Settings(_env_file=None, judge="off", llm="on")
    assert settings.llm == "on"


def _slots(**settings: object) -> int | None:
    """How many slots the configured client keeps system texts in; None: the server chooses."""
    model = configured_client(Settings(_env_file=None, **settings))  # type: ignore[arg-type]
    assert model is not None
    model.close()
    return model.slots.count if model.slots is not None else None


def test_the_local_server_keeps_each_system_text_in_a_slot_of_its_own() -> None:
    assert _slots() == 3


def test_a_shared_server_chooses_its_slots_unless_told_how_many_to_keep() -> None:
    assert _slots(llm_url=ELSEWHERE, llm_model="m") is None  # several workers share them
    assert _slots(llm_url=ELSEWHERE, llm_model="m", llm_slots=4) == 4
