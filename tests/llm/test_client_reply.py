"""``ChatClient.reply`` against a real OpenAI-compatible server: llama.cpp running SmolLM2-135M.

The model is tiny and its wording poor; what this proves is the protocol: the request is
accepted, the JSON reply validates against the schema, and a dead server gives no reply.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rehearse.interviewer.rewriting import Rewriter, RewrittenFollowUp, RewrittenQuestion
from rehearse.llm.client import ChatClient
from tests.support.llama import llama_server
from tests.support.net import free_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with llama_server() as base:
        yield base


@pytest.mark.parametrize(
    ("schema", "prompt"),
    [
        (
            RewrittenQuestion,
            'Write one interview question about databases. Reply as {"question": "..."}.',
        ),
        (
            RewrittenFollowUp,
            'Ask what the result of their project was. Reply as {"follow_up": "..."}.',
        ),
    ],
)
def test_a_reply_comes_back_as_validated_json(
    server: str, schema: type[RewrittenQuestion | RewrittenFollowUp], prompt: str
) -> None:
    client = ChatClient(server, "smollm2", timeout_seconds=60, retries=0)
    reply = client.reply("Reply with JSON only.", prompt, schema)
    assert isinstance(reply, schema)


def test_a_stopped_server_keeps_the_written_text() -> None:
    client = ChatClient(f"http://127.0.0.1:{free_port()}/v1", "m", retries=1, timeout_seconds=2)
    assert Rewriter(client).follow_up("Q?", "An answer.", "no result", "And then?") == "And then?"
