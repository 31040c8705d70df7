"""The coding sandbox stops what candidate code must not do, and explains what happened."""

from __future__ import annotations

import pytest

from rehearse.interviewer.coding.sandbox import Limits, run_tests

ADD = [{"call": "add(1, 2)", "expected": 3}, {"call": "add(-1, 1)", "expected": 0}]
FAST = Limits(cpu_seconds=1, wall_seconds=3.0)


def test_a_correct_solution_passes_every_test() -> None:
    result = run_tests("def add(a, b):\n    return a + b\n", ADD, FAST)
    assert (result.status, result.passed, result.summary) == (
        "passed",
        2,
        "All 2 hidden tests passed.",
    )


def test_a_wrong_solution_is_explained_by_its_first_failure() -> None:
    result = run_tests("def add(a, b):\n    return a - b\n", ADD, FAST)
    assert result.status == "failed"
    assert (
        result.summary
        == "0 of 2 hidden tests passed. First failure, add(1, 2): expected 3, got -1."
    )


def test_code_that_does_not_compile_says_why() -> None:
    result = run_tests("def add(a, b)\n    return a + b\n", ADD, FAST)
    assert result.status == "error"
    assert "SyntaxError" in result.summary


def test_an_infinite_loop_is_stopped() -> None:
    result = run_tests("def add(a, b):\n    while True:\n        pass\n", ADD, FAST)
    assert result.status == "timeout"
    assert "infinite loop" in result.summary


def test_a_sleeping_process_is_stopped_by_the_wall_clock() -> None:
    result = run_tests(
        "import time\ntime.sleep(60)\n", ADD, Limits(cpu_seconds=1, wall_seconds=1.5)
    )
    assert result.status == "timeout"


def test_a_fork_bomb_is_stopped() -> None:
    result = run_tests("import os\ndef add(a, b):\n    while True:\n        os.fork()\n", ADD, FAST)
    assert result.status == "blocked"
    assert "starting processes is not allowed" in result.summary


def test_a_subprocess_is_stopped() -> None:
    result = run_tests("import subprocess\nsubprocess.run(['ls', '/'])\n", ADD, FAST)
    assert result.status == "blocked"


def test_a_memory_hog_is_stopped() -> None:
    result = run_tests("def add(a, b):\n    hog = bytearray(10**10)\n    return a + b\n", ADD, FAST)
    assert result.status == "memory"
    assert "256 MB" in result.summary


def test_a_network_call_is_stopped() -> None:
    code = (
        "import socket\ndef add(a, b):\n"
        "    socket.create_connection(('127.0.0.1', 5432))\n    return a + b\n"
    )
    result = run_tests(code, ADD, FAST)
    assert result.status == "blocked"
    assert "network access is not allowed" in result.summary


@pytest.mark.parametrize(
    "path", ["/work/main/pyproject.toml", "../../../../etc/hostname", __file__]
)
def test_reading_files_outside_the_sandbox_is_stopped(path: str) -> None:
    code = f"def add(a, b):\n    return open({path!r}).read()\n"
    result = run_tests(code, ADD, FAST)
    assert result.status == "blocked"
    assert "is not allowed" in result.summary


def test_native_code_cannot_be_loaded() -> None:
    assert run_tests("import ctypes\n", ADD, FAST).status == "blocked"


def test_files_inside_the_sandbox_can_be_used() -> None:
    code = "def add(a, b):\n    open('scratch.txt', 'w').write('x')\n    return a + b\n"
    assert run_tests(code, ADD, FAST).status == "passed"


def test_a_flood_of_output_is_capped_and_the_results_still_arrive() -> None:
    code = "def add(a, b):\n    print('x' * 10**7)\n    return a + b\n"
    result = run_tests(code, ADD, FAST)
    assert result.status == "passed"
    assert len(result.output) <= 16 * 1024
