"""A content judge kept busy beside the live path, as the job queue keeps it after answers.

``busy_judge()`` judges the 60-second spoken story of ``bench.judgement.speed`` again and
again in a thread, through the judge the settings configure (by default the bundled model on
the llama.cpp server Rehearse starts, at nice 10), each time with other first words so
the prompt cache cannot spare it the answer, until the block ends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from bench.judgement.speed import STORY, STORY_QUESTION
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.points import FORM_POINTS
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient


@contextmanager
def busy_judge() -> Iterator[list[int]]:
    """While the block runs, the judge judges without pause; yields a one-item list that
    counts the judgements made."""
    judge = ContentJudge(ConfiguredClient(Settings()), MiniLMEncoder())
    judge.apply(JudgeInput(STORY_QUESTION, FORM_POINTS["story"], "A warm-up.", "story"))
    stop, judged = threading.Event(), [0]

    def work() -> None:
        while not stop.is_set():
            answer = f"Take {judged[0] + 1}. {STORY}"  # its first words differ: no cached prefix
            judge.apply(JudgeInput(STORY_QUESTION, FORM_POINTS["story"], answer, "story"))
            judged[0] += 1

    thread = threading.Thread(target=work, name="busy-judge", daemon=True)
    thread.start()
    try:
        yield judged
    finally:
        stop.set()
        thread.join()
        judge.close()
