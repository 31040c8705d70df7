"""The language model the settings describe: the bundled model on a llama.cpp server Rehearse
runs itself, or the server at ``REHEARSE_LLM_URL``; none with ``REHEARSE_LLM=off``. Nothing is
loaded or started until the first request (a warm-up, a judgement or a rewrite) asks."""

from __future__ import annotations

import threading

import structlog

from rehearse.config import Settings
from rehearse.llm import bundled
from rehearse.llm.client import ChatClient
from rehearse.llm.server import SLOTS, LocalServer

_log = structlog.get_logger(__name__)


class ConfiguredClient(ChatClient):
    """A ``ChatClient`` that starts (and owns) the local server on its first request when no
    URL is configured; a missing model raises ``JudgeModelMissing`` then, saying how to fix it."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._server: LocalServer | None = None
        self._lock = threading.Lock()
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        slots = settings.llm_slots
        if slots is None:
            slots = 0 if settings.llm_url else SLOTS
        super().__init__(
            settings.llm_url or "http://127.0.0.1", settings.llm_model, api_key=key,
            timeout_seconds=settings.llm_timeout_seconds, slots=slots,
        )  # fmt: skip

    def prepare(self) -> None:
        if not self._settings.llm_url:
            with self._lock:
                if self._server is None:
                    model = bundled.installed(self._settings.resolved_cache_dir)
                    self._server = LocalServer(
                        model,
                        threads=self._settings.llm_threads,
                        slots=self.slots.count if self.slots else 1,
                    )
                # Started now, or again on another port if it died.
                self.base_url = self._server.url()

    def connection_lost(self) -> None:
        if self._server is not None:
            self._server.connection_lost()

    @property
    def server_pid(self) -> int | None:
        """The process id of the server this client started, while it runs; else None."""
        return self._server.pid if self._server is not None else None

    def close(self) -> None:
        super().close()
        if self._server is not None:
            self._server.close()


def configured_client(settings: Settings) -> ConfiguredClient | None:
    """The language model ``settings`` describe, or None when it is turned off. A server of
    one's own whose model is not named is warned about: the report would credit the bundled
    model with its judgements (a llama.cpp server answers whatever model is asked for)."""
    if settings.llm == "off":
        return None
    if settings.llm_url and "llm_model" not in settings.model_fields_set:
        _log.warning(
            "llm.model_not_named",
            url=settings.llm_url,
            credited=settings.llm_model,
            fix="set REHEARSE_LLM_MODEL to the model that server runs",
        )
    return ConfiguredClient(settings)
