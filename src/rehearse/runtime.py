"""The services one process shares, built lazily from settings: store, blobs, mail, queue, limits.

The web app, the worker and the CLI each build one ``Runtime``; jobs receive it through their
context. Which implementation stands behind each service is decided here, from configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from rehearse.accounts.passwords import Passwords
from rehearse.accounts.ratelimit import RateLimiter
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.analysis.video.analyzer import VideoAnalyzer
from rehearse.blobs.base import BlobStore
from rehearse.blobs.local import LocalBlobStore
from rehearse.config import MIB, Settings, parse_blob_url
from rehearse.errors import ConfigurationError
from rehearse.feedback.judge.judge import ContentJudge
from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.knowledge.notes import load_notes
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.interviewer.retrieval.retriever import Retriever
from rehearse.interviewer.rewriting import Rewriter
from rehearse.jobs.queue import JobQueue
from rehearse.llm.configured import ConfiguredClient, configured_client
from rehearse.llm.kept import kept_readings
from rehearse.mail.base import Mailer, make_mailer
from rehearse.store import migrate
from rehearse.store.database import Database, PoolLimits
from rehearse.warmup import ModelWarmup


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.warmup = ModelWarmup()

    @cached_property
    def database(self) -> Database:
        settings = self.settings
        limits = PoolLimits(
            size=settings.database_pool_size,
            overflow=settings.database_max_overflow,
            timeout_seconds=settings.database_pool_timeout_seconds,
        )
        return Database(settings.resolved_database_url, limits)

    @cached_property
    def blobs(self) -> BlobStore:
        settings = self.settings
        if not settings.blob_url:
            return LocalBlobStore(settings.resolved_blob_dir)
        try:
            # Imported here: the S3 client comes with the optional [scale] extra.
            from rehearse.blobs import s3  # noqa: PLC0415
        except ImportError as exc:
            raise ConfigurationError(
                "REHEARSE_BLOB_URL names a bucket, which needs the S3 client: "
                "pip install 'rehearse[scale]'."
            ) from exc
        secret = settings.s3_secret_access_key
        bucket, prefix = parse_blob_url(settings.blob_url)
        return s3.connect(
            bucket,
            prefix,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=secret.get_secret_value() if secret else None,
            part_size=settings.s3_part_mb * MIB,
        )

    @cached_property
    def mailer(self) -> Mailer:
        return make_mailer(self.settings)

    @cached_property
    def queue(self) -> JobQueue:
        if self.settings.queue_url:
            # Imported here: Dramatiq and Redis come with the optional [scale] extra.
            from rehearse.jobs.dramatiq_queue import DramatiqQueue  # noqa: PLC0415

            return DramatiqQueue(self, self.settings.queue_url)
        from rehearse.jobs.inprocess import InProcessQueue  # noqa: PLC0415

        return InProcessQueue(self)

    @cached_property
    def speech_analyzer(self) -> SpeechAnalyzer:
        """Built on first use, so processes that never analyse never load the model."""
        recognizer = Recognizer(self.settings.speech_model, language=self.settings.speech_language)
        return SpeechAnalyzer(
            recognizer,
            max_seconds=self.settings.max_recording_minutes * 60,
            enhancement=self.settings.speech_enhancement,
        )

    @cached_property
    def video_analyzer(self) -> VideoAnalyzer:
        """Built on first use; MediaPipe loads its models on the first frame."""
        return VideoAnalyzer(
            fps=self.settings.video_fps,
            pose=self.settings.video_posture,
            max_seconds=self.settings.max_recording_minutes * 60,
        )

    @cached_property
    def language_model(self) -> ConfiguredClient | None:
        """The one language model (``REHEARSE_LLM_*``), or None when turned off; its local
        server is started by the first request."""
        return configured_client(self.settings)

    @cached_property
    def content_judge(self) -> ContentJudge | None:
        """The content judge (docs/judgement.md) on the language model, or None without one."""
        model = self.language_model
        if model is None:
            return None
        return ContentJudge(model, MiniLMEncoder(), readings=kept_readings(model, self.settings))

    @cached_property
    def rewriter(self) -> Rewriter:
        """The interviewer's wording: the language model's with ``REHEARSE_LLM_REWRITES=on``,
        else the bank's and the rules' as written."""
        rewrites = self.settings.llm_rewrites == "on"
        return Rewriter(self.language_model if rewrites else None)

    @cached_property
    def retriever(self) -> Retriever:
        """The bank and knowledge base embedded once (cached under the data folder)."""
        return Retriever(
            MiniLMEncoder(),
            load_bank(),
            load_notes(),
            cache_dir=self.settings.resolved_cache_dir / "embeddings",
        )

    @cached_property
    def passwords(self) -> Passwords:
        return Passwords(self.settings.password_hash_profile)

    @cached_property
    def rate_limiter(self) -> RateLimiter:
        return RateLimiter(
            self.settings.rate_limit_storage_url or self.settings.queue_url,
            namespace=f"{self.settings.queue_namespace}-limits",
        )

    def warm_up(self, *, analyses: bool) -> None:
        """Unless turned off, start loading in the background the models this process will
        use: the sentence encoder, the content evaluation's data and the embedded bank and
        knowledge base (plans, reports), and with ``analyses`` the voice activity and speech
        models."""
        if not self.settings.warm_models:
            return
        # Imported here: processes that never warm up need not import the evaluation.
        from rehearse.feedback.content.evaluate import warm_up  # noqa: PLC0415

        steps: dict[str, Callable[[], object]] = {}
        if analyses:
            steps["speech"] = self.speech_analyzer.load
        steps["content"] = lambda: warm_up(MiniLMEncoder())
        steps["retrieval"] = self.retriever.prepare
        self.warmup.start(steps)

    def prepare_store(self) -> None:
        """Apply migrations when configured to (the embedded default), else require them done."""
        if self.settings.should_auto_migrate:
            migrate.upgrade(self.database)

    def store_is_current(self) -> bool:
        """True when the database answers and its schema is the newest."""
        try:
            return migrate.is_up_to_date(self.database)
        except Exception:
            return False

    def close(self) -> None:
        if "queue" in self.__dict__:
            self.queue.stop()
        model = self.__dict__.get("language_model")
        if model is not None:
            model.close()
        if "database" in self.__dict__:
            self.database.dispose()
