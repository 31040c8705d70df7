"""One settings object, read from ``REHEARSE_*`` environment variables and an optional ``.env``.

The defaults need nothing installed or running: a SQLite file and a blob folder in the user's
data directory, jobs run by a thread inside the server, e-mail written to a folder. Setting
``REHEARSE_DATABASE_URL`` (PostgreSQL) and ``REHEARSE_QUEUE_URL`` (Redis) scales the same code
out; nothing else changes.
"""

from __future__ import annotations

import os
import secrets
import warnings
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import platformdirs
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from rehearse.errors import ConfigurationError

MIB = 1024 * 1024
_SECRET_FILE = "secret.key"  # noqa: S105 (a file name)
PasswordHashProfile = Literal["rfc9106-low-memory", "cheapest"]
_MIN_SECRET_LENGTH = 32
# Renamed settings (old name: new name), read for one release: the content judge's and the
# interviewer's language models became one (REHEARSE_LLM_*).
_RENAMED = {
    "judge": "llm",
    "judge_url": "llm_url",
    "judge_model": "llm_model",
    "judge_api_key": "llm_api_key",
    "judge_timeout_seconds": "llm_timeout_seconds",
    "judge_threads": "llm_threads",
    "llm_base_url": "llm_url",
}


def parse_blob_url(url: str) -> tuple[str, str]:
    """The bucket and key prefix of ``s3://bucket/prefix``; ValueError for anything else."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"must look like s3://bucket or s3://bucket/prefix, not {url!r}")
    return parts.netloc, parts.path.strip("/")


def default_data_dir() -> Path:
    """The per-user folder that holds the embedded database, blobs and outbox."""
    return Path(platformdirs.user_data_dir("rehearse", appauthor=False))


class Settings(BaseSettings):
    """Every knob of a Rehearse deployment. See docs/configuration.md for each one."""

    model_config = SettingsConfigDict(
        env_prefix="REHEARSE_",
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,  # REHEARSE_SECRET_KEY= means "not set", never an empty key
        extra="ignore",
    )

    environment: Literal["development", "production"] = "development"
    data_dir: Path = Field(default_factory=default_data_dir)
    secret_key: SecretStr | None = None
    # argon2id's cost (accounts/passwords.py); "cheapest" only outside production.
    password_hash_profile: PasswordHashProfile = "rfc9106-low-memory"  # noqa: S105

    # Store and blobs.
    database_url: str | None = None
    blob_dir: Path | None = None
    # An S3-compatible bucket instead of the blob folder: s3://bucket or s3://bucket/prefix.
    blob_url: str | None = None
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None
    s3_part_mb: int = Field(default=8, ge=5, le=5 * 1024)
    # Connections each process keeps (pool) and may add under load (overflow). Requests that
    # need the database wait for one of these without holding a thread, at most
    # ``request_queue_seconds``; past that they are answered 503 with Retry-After.
    database_pool_size: int = Field(default=10, ge=1, le=200)
    database_max_overflow: int = Field(default=10, ge=0, le=200)
    database_pool_timeout_seconds: float = Field(default=5.0, gt=0)
    request_queue_seconds: float = Field(default=2.0, gt=0)
    # CPU-bound work queues for slots of its own before it takes a database slot: short work
    # (hashing a password, reading a résumé: a fraction of a second of a core) for
    # ``request_queue_seconds``, and planning an interview or building a report (seconds
    # each) for ``compute_queue_seconds``. More at once would only share the same cores, and
    # the one interpreter lock, and slow every other request down with them.
    cpu_slots: int = Field(default=2, ge=1, le=64)
    compute_slots: int = Field(default=1, ge=1, le=64)
    compute_queue_seconds: float = Field(default=45.0, gt=0)
    cache_dir: Path | None = None
    auto_migrate: bool | None = None

    # Jobs: empty queue URL runs them in a thread of the server process.
    queue_url: str | None = None
    queue_namespace: str = "rehearse"
    worker_threads: int = Field(default=1, ge=1, le=64)
    job_max_attempts: int = Field(default=3, ge=1, le=20)
    job_lease_seconds: float = Field(default=60.0, gt=0)
    job_retry_seconds: float = Field(default=5.0, gt=0)
    job_poll_seconds: float = Field(default=1.0, gt=0)
    # Jobs (the analysis) run this much nicer than requests and live captions, so the CPU goes
    # to the people waiting for an answer (and to the candidate speaking) first and to the
    # queue with what is left. 0 turns it off: on a machine shared with other busy work, nice
    # jobs wait for that work too.
    job_nice: int = Field(default=10, ge=0, le=19)

    # HTTP.
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    public_url: str | None = None
    forwarded_allow_ips: str = "127.0.0.1"
    max_upload_mb: int = Field(default=200, ge=1)
    max_document_mb: int = Field(default=10, ge=1)
    max_json_kb: int = Field(default=1024, ge=1)
    cookie_secure: bool | None = None

    # Accounts.
    access_token_minutes: int = Field(default=15, ge=1)
    refresh_token_days: int = Field(default=30, ge=1)
    browser_session_days: int = Field(default=14, ge=1)
    email_token_hours: int = Field(default=48, ge=1)
    reset_token_minutes: int = Field(default=30, ge=1)
    require_email_confirmation: bool = False
    sign_in_rate_limit: str = "10/minute"  # per e-mail address
    # Per client address, looser: a classroom signs in from one address at once.
    sign_in_address_rate_limit: str = "100/minute"
    reset_rate_limit: str = "5/hour"
    rate_limit_storage_url: str | None = None

    # E-mail: written to the outbox folder unless an SMTP host is set.
    mail_from: str = "Rehearse <rehearse@localhost>"
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 30.0

    # Speech analysis: "base" is the bundled offline model; any faster-whisper model name
    # (downloaded on first use) or local model folder can be given instead.
    speech_model: str = "base"
    speech_language: str = "en"
    # Background noise taken out before recognition (DeepFilterNet3): never, on recordings
    # the level check finds noisy, on the others, or always. Off by default: it cost Whisper
    # words in real babble and gained little on held-out clean and phone recordings for over
    # twice the time (docs/speech-benchmark.md, "Enhancement, real babble and the mobile line").
    speech_enhancement: Literal["off", "noisy", "not-noisy", "always"] = "off"
    # Done to the live transcript's last words at most this long: what the live decoder has
    # not read by then is left to the recording's full analysis, so the next prompt does not
    # wait for a slow decode (docs/web.md).
    live_final_seconds: float = Field(default=1.0, ge=0, le=60)
    # Hear an answer's recording while it is made (its complete speech windows decoded, the
    # content judge reading its words so far), so feedback is ready seconds after Done; only
    # where the analysis runs in this process (no REHEARSE_QUEUE_URL). docs/web.md.
    prehear: Literal["on", "off"] = "on"
    max_recording_minutes: float = Field(default=30.0, gt=0)
    # Load the speech models and the sentence encoder in the background as `rehearse serve`
    # and `rehearse worker` start, rather than in the first request that needs them.
    warm_models: bool = True

    # Video analysis of camera recordings: frames sampled per second (enough for blinks),
    # and whether posture (MediaPipe pose, about 5 times the cost of the face) is measured.
    video_fps: float = Field(default=15.0, gt=0, le=60)
    video_posture: bool = True

    # The language model (docs/judgement.md): the content judge scores each answer against its
    # question's key points with it, and the interviewer rewords questions with it when
    # REHEARSE_LLM_REWRITES=on. By default Rehearse runs the bundled model itself (llama.cpp's
    # server, started on first use); REHEARSE_LLM_URL points every process at one shared
    # OpenAI-compatible server instead (llama.cpp, vLLM, Ollama, a hosted model that returns
    # token log-probabilities); REHEARSE_LLM=off leaves content unjudged and questions as written.
    llm: Literal["on", "off"] = "on"
    llm_url: str | None = None
    llm_model: str = "qwen2.5-coder-1.5b-instruct-q4_k_m"
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = Field(default=120.0, gt=0)
    llm_threads: int | None = Field(default=None, ge=1)
    # The slots each system text's prompt is kept in (llm/slots.py): the local server's (3 when
    # unset), or a llama.cpp server's at REHEARSE_LLM_URL (unset: the server chooses).
    llm_slots: int | None = Field(default=None, ge=0)
    llm_rewrites: Literal["on", "off"] = "off"
    # The judge's readings of the bundled model kept in the cache folder (llm/kept.py); off
    # for a benchmark that times the model.
    llm_keep_readings: Literal["on", "off"] = "on"
    # What the model at REHEARSE_LLM_URL is, named by its operator (its file's SHA-256 and the
    # server's build, say): its readings are kept under that name too. Unset, they are not: a
    # server at a URL may change its model under one name.
    llm_url_fingerprint: str | None = Field(default=None, min_length=1)

    # Renamed: read for one release, with a warning that names the new setting (_RENAMED).
    judge: Literal["on", "off"] | None = None
    judge_url: str | None = None
    judge_model: str | None = None
    judge_api_key: SecretStr | None = None
    judge_timeout_seconds: float | None = Field(default=None, gt=0)
    judge_threads: int | None = Field(default=None, ge=1)
    llm_base_url: str | None = None

    # Logs.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "console"] = "json"
    worker_metrics_port: int | None = Field(default=None, ge=1, le=65535)

    @field_validator("blob_url")
    @classmethod
    def _blob_url_names_a_bucket(cls, value: str | None) -> str | None:
        if value is not None:
            parse_blob_url(value)
        return value

    @model_validator(mode="after")
    def _read_renamed_settings(self) -> Settings:
        """Each renamed setting that is set stands in for its new name (unless that is set
        too), with a warning that names the new one."""
        given = self.model_fields_set
        for old, new in _RENAMED.items():
            if old not in given:
                continue
            meaning = ""
            if old == "llm_base_url":
                meaning = (
                    " and REHEARSE_LLM_REWRITES=on; the content judge now asks that server too, "
                    "so it must return token log-probabilities"
                )
                if "llm_rewrites" not in given:
                    self.llm_rewrites = "on"
            warnings.warn(
                f"REHEARSE_{old.upper()} is renamed: set REHEARSE_{new.upper()}{meaning}. "
                "The old name is read until the next release.",
                FutureWarning,
                stacklevel=2,
            )
            if new not in given:
                setattr(self, new, getattr(self, old))
                given.add(new)
        return self

    @model_validator(mode="after")
    def _refuse_default_secret_outside_development(self) -> Settings:
        if self.environment != "development":
            key = self.secret_key.get_secret_value() if self.secret_key else ""
            if len(key) < _MIN_SECRET_LENGTH:
                raise ConfigurationError(
                    "REHEARSE_SECRET_KEY must be set to a random value of at least "
                    f"{_MIN_SECRET_LENGTH} characters in production "
                    "(for example: python -c 'import secrets; print(secrets.token_urlsafe(48))')."
                )
            if self.password_hash_profile == "cheapest":  # noqa: S105 (a profile's name)
                raise ConfigurationError(
                    "REHEARSE_PASSWORD_HASH_PROFILE=cheapest is for tests: unset it in production."
                )
        return self

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'rehearse.sqlite3'}"

    @property
    def resolved_public_url(self) -> str:
        """Where users reach the app, for links in e-mails."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def resolved_blob_dir(self) -> Path:
        return self.blob_dir or self.data_dir / "blobs"

    @property
    def resolved_cache_dir(self) -> Path:
        return self.cache_dir or self.data_dir / "cache"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def should_auto_migrate(self) -> bool:
        """Migrate on start by default only for the embedded SQLite store."""
        return self.is_sqlite if self.auto_migrate is None else self.auto_migrate

    @property
    def secure_cookies(self) -> bool:
        return self.is_production if self.cookie_secure is None else self.cookie_secure

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * MIB

    @property
    def max_document_bytes(self) -> int:
        return self.max_document_mb * MIB

    @cached_property
    def signing_key(self) -> str:
        """The secret that signs tokens: configured, or generated once per data directory."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.data_dir / _SECRET_FILE
        self.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # made earlier, or by a process starting at the same moment
        else:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_urlsafe(48))
        return path.read_text(encoding="utf-8").strip()


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
