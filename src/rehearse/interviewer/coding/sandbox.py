"""Run a candidate's code against hidden tests in a confined, separate process.

Layers, each of which stops the attacks the tests try (infinite loop, fork bomb, memory hog,
network call, reading the project's files):
- a separate Python process (``-I``: isolated, no user site, no environment), started in a
  fresh temporary folder with an empty environment;
- where ``unshare`` works (Linux, root or unprivileged user namespaces), new network and PID
  namespaces: no network interface at all, and a fork bomb stays inside a namespace that
  dies with it;
- resource limits: CPU seconds, address space, processes, file size, open files;
- a wall-clock timeout that kills the whole process group;
- when started as root with an interpreter others can run, the process drops to the
  ``nobody`` user, so the process limit applies and the project's files are not its own;
- an audit hook inside the process (runner.py) refusing sockets, subprocesses, forks, ctypes
  and files outside the sandbox folder and the standard library;
- standard output and errors read up to a size cap.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

RUNNER = Path(__file__).with_name("runner.py")
_NOBODY = 65534


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 2
    wall_seconds: float = 5.0
    memory_mb: int = 256
    output_bytes: int = 64 * 1024
    processes: int = 1


@dataclass(frozen=True)
class TestResult:
    call: str
    expected: str
    passed: bool
    got: str = ""
    error: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class RunResult:
    status: str  # "passed", "failed", "error", "blocked", "timeout", "memory", "killed"
    summary: str
    results: list[TestResult] = field(default_factory=list)
    output: str = ""

    @property
    def passed(self) -> int:
        return sum(1 for result in self.results if result.passed)


@lru_cache(maxsize=1)
def _namespaces() -> tuple[str, ...]:
    """The ``unshare`` prefix that isolates network and processes here, or () if none works."""
    binary = shutil.which("unshare")
    if binary is None:
        return ()
    prefix = [binary, "--net", "--pid", "--fork", "--kill-child"]
    if os.getuid() != 0:
        prefix[1:1] = ["--user", "--map-root-user"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False, timeout=10)  # noqa: S603
    return tuple(prefix) if probe.returncode == 0 else ()


def _runnable_by_others(path: Path) -> bool:
    """True if a user other than the owner can reach and execute ``path``."""
    real = path.resolve()
    folders_open = all(p.stat().st_mode & stat.S_IXOTH for p in real.parents)
    return folders_open and bool(real.stat().st_mode & stat.S_IXOTH)


_DROP_TO_NOBODY = _runnable_by_others(Path(sys.executable))


def _confine(limits: Limits) -> None:
    """Runs in the child before Python starts: limits, its own process group, no root."""
    os.setsid()
    cpu = (limits.cpu_seconds, limits.cpu_seconds + 1)
    resource.setrlimit(resource.RLIMIT_CPU, cpu)
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024 * 1024, 1024 * 1024))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if os.getuid() == 0 and _DROP_TO_NOBODY:
        os.setgroups([])
        os.setgid(_NOBODY)
        os.setuid(_NOBODY)
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _summary(status: str, results: list[TestResult], limits: Limits, error: str) -> str:
    stopped = {
        "timeout": f"Stopped after {limits.wall_seconds:g} s (or {limits.cpu_seconds} s of CPU): "
        "an infinite loop, or too slow.",
        "memory": f"Stopped: the code used more than {limits.memory_mb} MB of memory.",
        "killed": "Stopped by the sandbox: the process was killed (it broke a resource limit).",
        "error": f"The code does not run: {error}",
        "blocked": f"Stopped by the sandbox: {error.removeprefix('PermissionError: Sandbox: ')}",
    }
    if status in stopped:
        return stopped[status]
    failed = [r for r in results if not r.passed]
    if not failed:
        return f"All {len(results)} hidden tests passed."
    first = failed[0]
    why = first.error or f"expected {first.expected}, got {first.got}"
    passed = len(results) - len(failed)
    return f"{passed} of {len(results)} hidden tests passed. First failure, {first.call}: {why}."


def _verdict(stdout: bytes, stderr: bytes, cpu_used: float, limits: Limits) -> RunResult:
    """What the finished process tells: its report, or the limit it broke."""
    output = stdout[: limits.output_bytes].decode("utf-8", "replace")
    errors = stderr[: limits.output_bytes].decode("utf-8", "replace")
    if cpu_used >= limits.cpu_seconds - 0.05:
        return RunResult("timeout", _summary("timeout", [], limits, ""), output=errors)
    try:
        report = json.loads(output.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        status = "memory" if "MemoryError" in errors else "killed"
        return RunResult(status, _summary(status, [], limits, errors), output=errors[-2000:])
    if not report["compiled"]:
        status = "blocked" if "Sandbox:" in report["error"] else "error"
        status = "memory" if report["error"].startswith("MemoryError") else status
        return RunResult(status, _summary(status, [], limits, report["error"]))
    results = [TestResult(**result) for result in report["results"]]
    printed = report.get("printed", "")
    problem = next(
        (r.error for r in results if "Sandbox:" in r.error or "MemoryError" in r.error), ""
    )
    status = "passed" if all(r.passed for r in results) else "failed"
    if problem:
        status = "memory" if problem.startswith("MemoryError") else "blocked"
    return RunResult(status, _summary(status, results, limits, problem), results, printed)


def run_tests(code: str, tests: list[dict[str, Any]], limits: Limits | None = None) -> RunResult:
    """Run ``code`` then each test ({"call": "f(1)", "expected": 2}) in the sandbox."""
    limits = limits or Limits()
    job = json.dumps({"code": code, "tests": tests})
    with tempfile.TemporaryDirectory(prefix="rehearse-sandbox-") as folder:
        os.chmod(folder, 0o777)  # noqa: S103 - the unprivileged user must be able to work in it
        process = subprocess.Popen(  # noqa: S603 - a fixed interpreter and script
            [*_namespaces(), sys.executable, "-I", "-S", str(RUNNER)],
            cwd=folder,
            env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=lambda: _confine(limits),  # noqa: PLW1509 - limits must be set in the child
        )
        cpu_before = _children_cpu()
        try:
            stdout, stderr = process.communicate(job.encode(), timeout=limits.wall_seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return RunResult("timeout", _summary("timeout", [], limits, ""))
    return _verdict(stdout, stderr, _children_cpu() - cpu_before, limits)
