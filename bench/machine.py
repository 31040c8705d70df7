"""What a benchmark records of the machine it ran on, and a free local port for its servers."""

from __future__ import annotations

import os
import platform
import socket
from pathlib import Path


def _cpuinfo(field: str) -> str:
    """The first value of ``field`` in /proc/cpuinfo; "" when there is none."""
    info = Path("/proc/cpuinfo")
    for line in info.read_text().splitlines() if info.exists() else []:
        if line.startswith(field):
            return line.split(":", 1)[1].strip()
    return ""


def cpu_model() -> str:
    """The CPU's model name, from /proc/cpuinfo."""
    return _cpuinfo("model name") or platform.processor() or "unknown CPU"


def instruction_sets() -> list[str]:
    """Which of AVX2 and AVX-512 the CPU has: CTranslate2 picks its int8 kernels by them, so
    runs on two machines can decode differently (docs/speech-analysis.md, "repeatable")."""
    flags = set(_cpuinfo("flags").split())
    return [isa for isa in ("avx2", "avx512f") if isa in flags]


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages, rounded."""
    return [round(value, 2) for value in os.getloadavg()]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
