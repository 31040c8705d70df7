"""The coding problems and grading a candidate's solution against their hidden tests."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rehearse.errors import NotFound
from rehearse.interviewer.coding.sandbox import Limits, RunResult, run_tests
from rehearse.interviewer.yaml_data import load_yaml

PROBLEMS = Path(__file__).with_name("problems.yaml")


class TestCase(BaseModel):
    model_config = ConfigDict(frozen=True)

    call: str
    expected: Any


class Problem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    difficulty: int = Field(ge=1, le=5)
    topic: str
    function: str
    prompt: str
    starter: str
    example: TestCase
    tests: tuple[TestCase, ...] = Field(min_length=3)


@lru_cache(maxsize=1)
def load_problems(path: Path = PROBLEMS) -> tuple[Problem, ...]:
    return tuple(Problem.model_validate(entry) for entry in load_yaml(path.read_text("utf-8")))


def problem(problem_id: str) -> Problem:
    for candidate in load_problems():
        if candidate.id == problem_id:
            return candidate
    raise NotFound(f"No coding problem {problem_id!r}.")


def grade(problem_id: str, code: str, limits: Limits | None = None) -> RunResult:
    """Run ``code`` against the problem's hidden tests in the sandbox."""
    tests = [test.model_dump() for test in problem(problem_id).tests]
    return run_tests(code, tests, limits)


def passed_tests(problem_id: str, graded: Mapping[str, Any]) -> tuple[int, int]:
    """How many of the problem's hidden tests a grading passed, and of how many, from the
    ``RunResult`` as stored (``asdict``, which leaves out its ``passed`` property). Code that
    did not run (an error, a timeout) has no test results: it passed none of the problem's."""
    results = graded.get("results") or []
    if results:
        return sum(1 for result in results if result.get("passed")), len(results)
    try:
        return 0, len(problem(problem_id).tests)
    except NotFound:
        return 0, 0
