"""Fixtures of the command-line tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.llama import llama_server


@pytest.fixture(scope="module")
def smollm2_url() -> Iterator[str]:
    """A real llama.cpp server running SmolLM2 as the judge (the contract, not its quality)."""
    with llama_server() as url:
        yield url
