"""The session's MiniLM encoder for the content evaluation's tests."""

from __future__ import annotations

import pytest

from rehearse.interviewer.retrieval.encoder import TextEncoder
from rehearse.interviewer.retrieval.retriever import Retriever


@pytest.fixture(scope="session")
def encoder(retriever: Retriever) -> TextEncoder:
    """The suite's one MiniLM (the retriever's), so the model is loaded once."""
    return retriever.encoder
