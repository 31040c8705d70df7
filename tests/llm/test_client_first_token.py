"""``ChatClient.first_token``: the first token's probabilities from a real llama.cpp server
(SmolLM2-135M: what is checked is the protocol and its determinism, not the model's judgement)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rehearse.llm.client import ChatClient, JudgeUnavailable, PromptTooLong
from tests.support.llama import llama_server
from tests.support.net import free_port

pytestmark = pytest.mark.slow
SYSTEM = "You answer questions with one word."
ASKED = "Is water wet? Reply yes or no."


@pytest.fixture(scope="module")
def reader() -> Iterator[ChatClient]:
    with llama_server() as url:
        reader = ChatClient(url, "smollm2")
        yield reader
        reader.close()


def test_the_first_tokens_come_with_probabilities(reader: ChatClient) -> None:
    probabilities = reader.first_token(SYSTEM, ASKED)
    assert probabilities
    assert all(0 < p <= 1 for p in probabilities.values())
    assert sum(probabilities.values()) <= 1 + 1e-6


def test_the_same_prompt_reads_the_same_probabilities(reader: ChatClient) -> None:
    assert reader.first_token(SYSTEM, ASKED) == reader.first_token(SYSTEM, ASKED)


def test_a_server_that_is_not_there_is_reported_as_unavailable() -> None:
    reader = ChatClient(f"http://127.0.0.1:{free_port()}/v1", "none", timeout_seconds=2)
    with pytest.raises(JudgeUnavailable, match="did not answer"):
        reader.first_token(SYSTEM, ASKED)


def test_a_prompt_beyond_the_context_is_refused_as_too_long(reader: ChatClient) -> None:
    with pytest.raises(PromptTooLong, match=r"longer than the content judge can read.*reads 4096"):
        reader.first_token(SYSTEM, "word " * 6000)
