"""``KeptReadings``: the model's readings kept and read back, on a real llama.cpp server
(SmolLM2-135M: what is checked is the keeping, not the model's judgement); a model that cannot
be reached shows what is read from the file and what would have needed the model."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from rehearse.llm import bundled, kept
from rehearse.llm.client import ChatClient, JudgeUnavailable
from rehearse.llm.kept import FILE, KeptReadings, kept_readings
from rehearse.llm.server import find_binary
from tests.conftest import make_settings
from tests.support.net import free_port

pytestmark = pytest.mark.slow
SYSTEM = "You answer questions with one word."
ASKED = "Is water wet? Reply yes or no."
OTHER = "Is fire cold? Reply yes or no."


@pytest.fixture
def client(smollm2_url: str) -> Iterator[ChatClient]:
    client = ChatClient(smollm2_url, "smollm2", timeout_seconds=60, retries=0)
    yield client
    client.close()


def _cut_off(client: ChatClient) -> None:
    """From now on the client's model cannot be reached: only kept readings are given."""
    client.base_url = f"http://127.0.0.1:{free_port()}/v1"


def test_a_reading_asked_again_is_read_back_without_the_model(
    client: ChatClient, tmp_path: Path
) -> None:
    said = KeptReadings(client, tmp_path / FILE, "smollm2").first_token(SYSTEM, ASKED)
    assert said
    assert all(0 < p <= 1 for p in said.values())
    _cut_off(client)
    again = KeptReadings(client, tmp_path / FILE, "smollm2")  # another process would too
    assert again.first_token(SYSTEM, ASKED) == said
    with pytest.raises(JudgeUnavailable):  # what was never asked needs the model
        again.first_token(SYSTEM, OTHER)


def test_another_models_readings_are_not_read(client: ChatClient, tmp_path: Path) -> None:
    KeptReadings(client, tmp_path / FILE, "one model").first_token(SYSTEM, ASKED)
    _cut_off(client)
    with pytest.raises(JudgeUnavailable):
        KeptReadings(client, tmp_path / FILE, "another model").first_token(SYSTEM, ASKED)


def test_a_reading_that_cannot_be_kept_is_given_all_the_same(
    client: ChatClient, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    readings = KeptReadings(client, blocked / FILE, "smollm2")
    assert readings.first_token(SYSTEM, ASKED) == client.first_token(SYSTEM, ASKED)
    assert blocked.read_text() == ""


def test_a_damaged_file_is_asked_past_and_left_as_it_was(
    client: ChatClient, tmp_path: Path
) -> None:
    damaged = tmp_path / FILE
    damaged.write_bytes(b"not a database " * 100)
    readings = KeptReadings(client, damaged, "smollm2")
    assert readings.first_token(SYSTEM, ASKED) == client.first_token(SYSTEM, ASKED)
    assert damaged.read_bytes() == b"not a database " * 100


def test_the_oldest_readings_past_the_capacity_are_dropped(
    client: ChatClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept, "CAPACITY", 2)
    asked = [f"Is {thing} wet? Reply yes or no." for thing in ("water", "sand", "rain")]
    first = KeptReadings(client, tmp_path / FILE, "smollm2")
    said = [first.first_token(SYSTEM, user) for user in asked]
    first.close()
    _cut_off(client)
    opened = KeptReadings(client, tmp_path / FILE, "smollm2")  # the oldest dropped here
    assert [opened.first_token(SYSTEM, user) for user in asked[1:]] == said[1:]
    with pytest.raises(JudgeUnavailable):
        opened.first_token(SYSTEM, asked[0])


def test_the_bundled_model_on_our_own_server_has_its_readings_kept(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", llm="on", cache_dir=tmp_path / "cache")
    client = ChatClient("http://127.0.0.1", settings.llm_model)
    readings = kept_readings(client, settings)
    assert readings is not None
    assert readings.path == tmp_path / "cache" / FILE
    program = hashlib.sha256(find_binary().read_bytes()).hexdigest()
    assert bundled.SHA256 in readings.model  # another model file would not find them
    assert program in readings.model  # nor another build of the server (AVX2, AVX-512)


def test_a_server_elsewhere_has_no_readings_kept(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    settings = make_settings(tmp_path / "data", llm="on", llm_url=url, llm_model="a model")
    assert kept_readings(ChatClient(url, "a model"), settings) is None


def test_a_server_elsewhere_named_by_its_fingerprint_has_its_readings_kept_under_it(
    tmp_path: Path,
) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    client = ChatClient(url, "a model")
    models = []
    for fingerprint in ("v1", "v2"):
        settings = make_settings(
            tmp_path / "data", llm="on", llm_url=url, llm_model="a model",
            llm_url_fingerprint=fingerprint, cache_dir=tmp_path,
        )  # fmt: skip
        readings = kept_readings(client, settings)
        assert readings is not None
        assert readings.path == tmp_path / FILE
        assert "a model" in readings.model
        assert fingerprint in readings.model
        models.append(readings.model)
    assert models[0] != models[1]  # a server named anew does not read the old one's


def test_no_readings_are_kept_when_the_settings_say_so(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", llm="on", llm_keep_readings="off")
    assert kept_readings(ChatClient("http://127.0.0.1", settings.llm_model), settings) is None
