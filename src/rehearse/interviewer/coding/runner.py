"""Runs inside the sandbox process: the candidate's code, then each hidden test, as JSON.

Started as ``python -I -S runner.py`` with the job on standard input. Before any candidate
code runs it installs an audit hook (which nothing in Python can remove) refusing network,
subprocesses, forks, ctypes and file access outside the sandbox folder and the standard
library. The process is also confined by the operating system (see sandbox.py).
"""

import io
import json
import os
import sys
import time
import traceback

_SANDBOX = os.path.realpath(os.getcwd())
_ALLOWED_READ = tuple(
    os.path.realpath(path) for path in {sys.prefix, sys.base_prefix, sys.exec_prefix} if path
)
_BLOCKED_EVENTS = {
    "socket.__new__": "network access is not allowed",
    "socket.connect": "network access is not allowed",
    "socket.bind": "network access is not allowed",
    "socket.getaddrinfo": "network access is not allowed",
    "os.fork": "starting processes is not allowed",
    "os.forkpty": "starting processes is not allowed",
    "os.posix_spawn": "starting processes is not allowed",
    "os.exec": "starting processes is not allowed",
    "os.system": "starting processes is not allowed",
    "subprocess.Popen": "starting processes is not allowed",
    "os.kill": "signalling processes is not allowed",
    "ctypes.dlopen": "loading native code is not allowed",
    "ctypes.dlsym": "loading native code is not allowed",
    "os.chdir": "changing directory is not allowed",
}


class _Guard:
    """The audit hook: silent while the runner sets up, strict once candidate code runs."""

    def __init__(self) -> None:
        self.armed = False

    def __call__(self, event: str, args: tuple[object, ...]) -> None:
        if not self.armed:
            return
        if event in _BLOCKED_EVENTS:
            raise PermissionError(f"Sandbox: {_BLOCKED_EVENTS[event]} ({event}).")
        if event == "open" and args and isinstance(args[0], (str, bytes)):
            path = os.path.realpath(os.fsdecode(args[0]))
            mode = args[1] if len(args) > 1 and isinstance(args[1], str) else "r"
            writing = any(flag in mode for flag in "wax+")
            inside = path == _SANDBOX or path.startswith(_SANDBOX + os.sep)
            library = not writing and path.startswith(_ALLOWED_READ)
            if not (inside or library):
                raise PermissionError(f"Sandbox: reading or writing {path} is not allowed.")
        if event == "import" and args and args[0] in ("ctypes", "_ctypes", "_posixsubprocess"):
            raise PermissionError(f"Sandbox: importing {args[0]} is not allowed.")


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 300 else text[:297] + "..."


class _CappedOutput(io.StringIO):
    """The candidate's prints, kept up to a limit, so they cannot drown the results."""

    LIMIT = 16 * 1024

    def write(self, text: str) -> int:
        room = self.LIMIT - self.tell()
        return super().write(text[:room]) if room > 0 else len(text)


def _run(job: dict[str, object], guard: _Guard) -> dict[str, object]:
    namespace: dict[str, object] = {"__name__": "solution"}
    guard.armed = True
    try:
        # Running the candidate's code is the point of this process.
        exec(compile(str(job["code"]), "solution.py", "exec"), namespace)  # noqa: S102
    except BaseException as exc:  # everything the code raises is reported
        guard.armed = False
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return {"compiled": False, "error": detail, "results": []}
    results = []
    for test in job["tests"]:  # type: ignore[attr-defined]
        started = time.perf_counter()
        try:
            got = eval(test["call"], namespace)  # noqa: S307 - the test call, sandboxed
            outcome: dict[str, object] = {"passed": got == test["expected"], "got": _describe(got)}
        except BaseException as exc:  # reported, whatever it is
            outcome = {"passed": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        outcome["seconds"] = round(time.perf_counter() - started, 4)
        results.append({"call": test["call"], "expected": _describe(test["expected"]), **outcome})
    guard.armed = False
    return {"compiled": True, "error": "", "results": results}


def main() -> None:
    job = json.loads(sys.stdin.read())
    results_channel = sys.stdout
    captured = _CappedOutput()
    sys.stdout = captured
    guard = _Guard()
    sys.addaudithook(guard)
    report = _run(job, guard)
    report["printed"] = captured.getvalue()
    print(json.dumps(report), file=results_channel)


if __name__ == "__main__":
    main()
