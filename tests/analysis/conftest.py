"""One speech analyzer (and so one loaded model) for the whole test session."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.recognition import Recognizer


@pytest.fixture(scope="session")
def recognizer() -> Recognizer:
    return Recognizer(threads=2)


@pytest.fixture(scope="session")
def analyzer(recognizer: Recognizer) -> SpeechAnalyzer:
    return SpeechAnalyzer(recognizer)
