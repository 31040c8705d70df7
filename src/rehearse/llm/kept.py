"""The model's readings kept (``KeptReadings``): a first token's probabilities, asked of the
bundled model on the ``llama-server`` built here, are written once, under what was asked,
and read back when the same is asked again.

A reading is deterministic (one greedy token, temperature 0, seed 0:
``ChatClient.first_token``), so keeping it changes no verdict. What it gives: a judgement cut
short (its worker killed, its server killed) resumes from the readings already made; an
answer judged again (a report rebuilt, the same words practised again, a recording analysed
twice) costs no model time, and no server is started when every reading is kept.

Readings are kept only where the model's identity is known: the bundled model (its SHA-256)
on the server built here (the binary's own hash: an AVX2 and an AVX-512 build round
differently), or a server at ``REHEARSE_LLM_URL`` whose operator names what it runs
(``REHEARSE_LLM_URL_FINGERPRINT``); any other server at a URL may change its model under one
name, so its readings are not kept. They live in one SQLite file in the cache folder, which
keeps the newest ``CAPACITY`` (about 55 MB); a file that cannot be read or written (a full
disk) costs only the time of asking the model.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import structlog

from rehearse.config import Settings
from rehearse.llm import bundled
from rehearse.llm.client import TOP_TOKENS
from rehearse.llm.server import JudgeServerFailed, find_binary

_log = structlog.get_logger(__name__)
CAPACITY = 100_000  # readings (about 550 bytes each): some 5,000 answers' worth
FILE = "readings.sqlite3"
# How long a read or write may wait for another process's write to the file (SQLite's lock):
# a guard, not a pause; past it the reading is asked of the model and not kept.
LOCK_GUARD_SECONDS = 30.0
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS readings (model TEXT NOT NULL, asked BLOB NOT NULL, "
    "probabilities TEXT NOT NULL, PRIMARY KEY (model, asked))"
)


class FirstTokenReader(Protocol):
    """What is asked: ``rehearse.llm.client.ChatClient`` or anything shaped like it."""

    name: str

    def first_token(self, system: str, user: str) -> Mapping[str, float]: ...


class KeptReadings:
    """``reader``'s readings, kept in ``path`` under ``model`` (what identifies the model and
    the program that runs it) and read back from there when asked again."""

    def __init__(self, reader: FirstTokenReader, path: Path, model: str) -> None:
        self.reader = reader
        self.name = reader.name
        self.path = path
        self.model = model
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def first_token(self, system: str, user: str) -> Mapping[str, float]:
        asked = hashlib.blake2b(f"{system}\0{user}".encode(), digest_size=20).digest()
        kept = self._read(asked)
        if kept is not None:
            return kept
        probabilities = self.reader.first_token(system, user)
        self._write(asked, probabilities)
        return probabilities

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _read(self, asked: bytes) -> dict[str, float] | None:
        try:
            with self._lock:
                row = (
                    self._connect()
                    .execute(
                        "SELECT probabilities FROM readings WHERE model = ? AND asked = ?",
                        (self.model, asked),
                    )
                    .fetchone()
                )
            return None if row is None else _probabilities(row[0])
        except (sqlite3.Error, OSError, ValueError) as exc:
            _log.warning("llm.kept_reading_unread", path=str(self.path), error=str(exc))
            return None

    def _write(self, asked: bytes, probabilities: Mapping[str, float]) -> None:
        try:
            with self._lock:
                connection = self._connect()
                with connection:
                    connection.execute(
                        "INSERT OR REPLACE INTO readings VALUES (?, ?, ?)",
                        (self.model, asked, json.dumps(dict(probabilities))),
                    )
        except (sqlite3.Error, OSError) as exc:  # a full disk: the reading is only not kept
            _log.warning("llm.reading_not_kept", path=str(self.path), error=str(exc))

    def _connect(self) -> sqlite3.Connection:
        """The file, opened once (the oldest readings past ``CAPACITY`` dropped then)."""
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                self.path, timeout=LOCK_GUARD_SECONDS, check_same_thread=False
            )
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                with connection:
                    connection.execute(_SCHEMA)
                    connection.execute(
                        "DELETE FROM readings WHERE rowid <= (SELECT max(rowid) FROM readings) - ?",
                        (CAPACITY,),
                    )
            except sqlite3.Error:
                connection.close()
                raise
            self._connection = connection
        return self._connection


def _probabilities(text: str) -> dict[str, float]:
    read = json.loads(text)
    if not isinstance(read, dict):
        raise ValueError("a kept reading is not a mapping of tokens to probabilities")
    return {str(token): float(p) for token, p in read.items()}


@functools.cache
def _file_digest(binary: Path, size: int, modified_ns: int) -> str:
    """The binary's SHA-256 (about 15 MB: a few hundredths of a second, once a process);
    its size and time only make a rebuilt binary hashed again."""
    with binary.open("rb") as program:
        return hashlib.file_digest(program, "sha256").hexdigest()


def program_digest(binary: Path) -> str:
    """What identifies a server build (``binary``'s SHA-256), hashed once a process."""
    status = binary.stat()
    return _file_digest(binary, status.st_size, status.st_mtime_ns)


def kept_readings(reader: FirstTokenReader, settings: Settings) -> KeptReadings | None:
    """``reader``'s readings kept in the settings' cache folder when ``reader`` asks the
    bundled model on a server of our own, or a server at a URL whose fingerprint the settings
    give; None when the model is elsewhere unnamed, the settings say not to
    (``REHEARSE_LLM_KEEP_READINGS=off``) or the server is not installed (asking will say so)."""
    if settings.llm_keep_readings == "off":
        return None
    if settings.llm_url:
        if settings.llm_url_fingerprint is None:
            return None
        model = f"{settings.llm_model} at {settings.llm_url_fingerprint}"
    else:
        try:
            binary = find_binary()
        except JudgeServerFailed:
            return None
        model = f"{bundled.NAME} {bundled.SHA256} llama-server {program_digest(binary)}"
    return KeptReadings(reader, settings.resolved_cache_dir / FILE, f"{model} top {TOP_TOKENS}")
