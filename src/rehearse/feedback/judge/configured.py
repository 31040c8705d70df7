"""The judge the settings describe: the bundled model on a llama.cpp server Rehearse runs
itself, or the server at ``REHEARSE_JUDGE_URL``; none with ``REHEARSE_JUDGE=off``. Nothing is
loaded or started until the first request (a warm-up or a judgement) asks."""

from __future__ import annotations

import threading
from collections.abc import Mapping

import structlog

from rehearse.config import Settings
from rehearse.feedback.judge import bundled
from rehearse.feedback.judge.judge import ContentJudge
from rehearse.feedback.judge.reader import ChatReader
from rehearse.feedback.judge.server import LocalServer
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder

_log = structlog.get_logger(__name__)


class ConfiguredReader(ChatReader):
    """A ``ChatReader`` that starts (and owns) the local server on its first request when no
    URL is configured; a missing model raises ``JudgeModelMissing`` then, saying how to fix it."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._server: LocalServer | None = None
        self._lock = threading.Lock()
        key = settings.judge_api_key.get_secret_value() if settings.judge_api_key else None
        super().__init__(
            settings.judge_url or "http://127.0.0.1", settings.judge_model, api_key=key,
            timeout_seconds=settings.judge_timeout_seconds,
        )  # fmt: skip

    def first_token(self, system: str, user: str) -> Mapping[str, float]:
        if not self._settings.judge_url:
            with self._lock:
                if self._server is None:
                    model = bundled.installed(self._settings.resolved_cache_dir)
                    self._server = LocalServer(model, threads=self._settings.judge_threads)
                # Started now, or again on another port if it died.
                self.base_url = self._server.url()
        return super().first_token(system, user)

    def close(self) -> None:
        super().close()
        if self._server is not None:
            self._server.close()


def configured_judge(settings: Settings) -> ContentJudge | None:
    """The content judge ``settings`` describe, or None when it is turned off. A server of
    one's own whose model is not named is warned about: the report would credit the bundled
    model with its judgements (a llama.cpp server answers whatever model is asked for)."""
    if settings.judge == "off":
        return None
    if settings.judge_url and "judge_model" not in settings.model_fields_set:
        _log.warning(
            "judge.model_not_named",
            url=settings.judge_url,
            credited=settings.judge_model,
            fix="set REHEARSE_JUDGE_MODEL to the model that server runs",
        )
    return ContentJudge(ConfiguredReader(settings), MiniLMEncoder())
