"""Where the benchmarks read and write: the repository, its results folder, and the shared
fixtures beside it (``../shared/fixtures``, read from there and never copied here)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
FIXTURES = REPO.parent / "shared" / "fixtures"
AUDIO = FIXTURES / "audio"
TRANSCRIPTS = AUDIO / "transcripts.tsv"


def reference_transcripts() -> dict[str, str]:
    """Each real clip's file name (in ``AUDIO``) and its reference transcript, in the
    listing's order; empty when the fixtures are absent."""
    if not TRANSCRIPTS.exists():
        return {}
    pairs = (line.split("\t", 1) for line in TRANSCRIPTS.read_text().splitlines())
    return {pair[0]: pair[1].strip() for pair in pairs if len(pair) == 2}
