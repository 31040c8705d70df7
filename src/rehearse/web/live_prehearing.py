"""The recording heard while the candidate speaks, on the ``/api/live/speech`` socket.

Opened for a question, the socket also takes the page's recorder chunks as they are made (a
text message ``{"type": "recording", "sequence": n}``, then the chunk as one binary message).
Each chunk sets a step going on one background thread that every socket of the process takes
in turn, at the jobs' lower priority (``REHEARSE_JOB_NICE``), so captions and the next prompt
come first: the recording so far is decoded, its complete speech windows are decoded and kept
for the answer's analysis (``analysis/speech/prehearing.py``) and handed to the live meter,
which counts fillers from them as the analysis will; and when their words have grown
the content judge reads the answer so far into its model's prompt cache
(``ContentJudge.read_ahead``). A step is never queued behind another of the same socket: one
that comes while the last runs is folded into the next.

Only where the analysis runs in this process (no ``REHEARSE_QUEUE_URL``: the windows are kept
in its memory) and with ``REHEARSE_PREHEAR=on``; everything it does only saves time.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import structlog

from rehearse.analysis.speech.pipeline import PreHeard
from rehearse.analysis.speech.prehearing import Prehearing
from rehearse.errors import RehearseError
from rehearse.feedback.judge.judge import JudgeInput
from rehearse.interviews import repository
from rehearse.interviews.live_transcripts import question_of_user
from rehearse.jobs.priority import lower_this_thread
from rehearse.reports.judging import judge_input
from rehearse.runtime import Runtime

_log = structlog.get_logger(__name__)
# One at a time for the whole process: pre-hearing is background work.
_worker: ThreadPoolExecutor | None = None
_worker_lock = threading.Lock()
MAX_CHUNK_BYTES = 16 * 1024 * 1024


def _background(runtime: Runtime) -> ThreadPoolExecutor:
    global _worker  # noqa: PLW0603 (one worker thread per process)
    with _worker_lock:
        if _worker is None:
            nice = runtime.settings.job_nice
            _worker = ThreadPoolExecutor(
                max_workers=1,
                thread_name_prefix="prehearing",
                initializer=lambda: lower_this_thread(nice),
            )
        return _worker


def enabled(runtime: Runtime) -> bool:
    """Whether answers are heard as they are recorded in this process."""
    settings = runtime.settings
    return settings.prehear == "on" and not settings.queue_url


class LivePrehearing:
    """The recording of one answer to ``question_id`` heard as it comes."""

    def __init__(
        self,
        runtime: Runtime,
        user_id: uuid.UUID,
        question_id: uuid.UUID,
        *,
        attempt: bool,
        on_heard: Callable[[PreHeard], None] = lambda heard: None,
    ) -> None:
        self.runtime = runtime
        self.user_id = user_id
        self.question_id = question_id
        self.attempt = attempt  # a practice attempt is judged alone, not after earlier replies
        self.prehearing = Prehearing(runtime.speech_analyzer)
        self.on_heard = on_heard  # the windows heard so far, for the live meter
        self._judged: JudgeInput | None = None
        self._read = ""
        self._busy = False
        self._again = False
        self._lock = threading.Lock()

    def add(self, sequence: int, chunk: bytes) -> None:
        """Keep the recorder's chunk ``sequence`` and hear what has come, in the background."""
        self.prehearing.add(sequence, chunk)
        with self._lock:
            if self._busy:
                self._again = True
                return
            self._busy = True
        _background(self.runtime).submit(self._steps)

    def close(self) -> None:
        """The answer is over (or abandoned): hear no more; what was kept stays kept."""
        self.prehearing.close()
        if self.prehearing.stopped != "closed":
            _log.info("prehearing.stopped", why=self.prehearing.stopped)

    def _steps(self) -> None:
        """Steps until no chunk came during the last one."""
        while True:
            try:
                self._step()
            except Exception:  # only time is lost: the answer's analysis does everything
                _log.exception("prehearing.step_failed")
            with self._lock:
                if not self._again or self.prehearing.stopped:
                    self._busy = False
                    return
                self._again = False

    def _step(self) -> None:
        heard = self.prehearing.step()
        if heard is None:
            return
        self.on_heard(heard)
        judge = self.runtime.content_judge
        if not heard.words or judge is None:
            return
        said = "".join(word.text for word in heard.words).strip()
        if said == self._read:
            return
        item = self._judge_input()
        if item is None:
            return
        started = time.perf_counter()
        try:
            judge.read_ahead(replace(item, answer=" ".join(filter(None, [item.answer, said]))))
        except RehearseError as exc:  # the judge cannot be asked: its own job will say so
            _log.info("prehearing.read_ahead_failed", error=exc.message)
            return
        self._read = said
        _log.info(
            "prehearing.read_ahead",
            words=len(said.split()),
            heard_seconds=round(self.prehearing.heard_seconds, 1),
            seconds=round(time.perf_counter() - started, 2),
        )

    def _judge_input(self) -> JudgeInput | None:
        """What the judge will read of the question, with what was said to it before this
        answer (nothing, for a practice attempt); None when the question is gone."""
        if self._judged is None:
            with self.runtime.database.transaction() as db:
                question = question_of_user(db, self.user_id, self.question_id)
                if question is None:
                    return None
                answers = [] if self.attempt else list(repository.answers_to(db, question.id))
                self._judged = judge_input(db, question, answers)
        return self._judged
