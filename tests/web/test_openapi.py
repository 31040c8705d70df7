"""The OpenAPI document tells the truth: every operation, called over HTTP on a real
``rehearse serve`` with input generated from the document, answers only statuses it lists,
with the headers, content type and body the document describes (schemathesis, response
conformance included). Bounded to a few cases per operation so it fits CI."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.core.result import Err

from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.api import STRONG_PASSWORD
from tests.support.net import free_port
from tests.support.processes import rehearse_env, rehearse_process, wait_for_health

EXAMPLES_PER_OPERATION = 15

# The document is the app's own, read without starting it (nothing is stored by building it).
with tempfile.TemporaryDirectory() as _folder:
    schema = schemathesis.openapi.from_dict(create_app(make_settings(Path(_folder))).openapi())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """A real embedded server, and the headers of a user signed in to it."""
    folder = tmp_path_factory.mktemp("openapi")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = folder / "serve.log"
    env = rehearse_env(data_dir=folder / "data", port=port, sign_in_rate_limit="1000/minute")
    with rehearse_process(["serve"], env, log) as process:
        wait_for_health(base_url, process, log)
        account = {"email": "schema@example.com", "password": STRONG_PASSWORD}
        assert httpx.post(f"{base_url}/api/auth/signup", json=account).status_code == 201
        token = httpx.post(f"{base_url}/api/auth/token", json=account).json()["access_token"]
        yield base_url, {"Authorization": f"Bearer {token}"}


# One test per operation, each with its own node id: schemathesis's ``schema.parametrize()``
# gives all its items one node id, and pytest-xdist, which schedules by node id, then runs
# only the first operation.
Operation = schemathesis.APIOperation[Any, Any, Any, Any]


def _operations() -> list[Operation]:
    """Every operation of the document (one schemathesis cannot read fails the collection)."""
    operations = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        operations.append(result.ok())
    return operations


OPERATIONS = _operations()


@pytest.mark.slow
@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_every_operation_answers_as_documented(
    operation: Operation,
    server: tuple[str, dict[str, str]],
) -> None:
    base_url, headers = server

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
        # Schema-valid input may still be refused by a rule the schema cannot express (a weak
        # password, an id of nothing): that check is left out, every other one is kept.
        case.call_and_validate(
            base_url=base_url,
            headers=headers,
            excluded_checks=[schemathesis.checks.positive_data_acceptance],
        )

    answers_as_documented()


def test_every_documented_operation_has_a_test_of_its_own() -> None:
    documented = {
        f"{method.upper()} {path}"
        for path, operations in schema.raw_schema["paths"].items()
        for method in operations
    }
    labels = [operation.label for operation in OPERATIONS]
    assert len(set(labels)) == len(labels) == len(documented)
    assert set(labels) == documented


def test_errors_are_documented_with_the_body_the_api_sends() -> None:
    document = schema.raw_schema
    refused = document["paths"]["/api/sessions"]["post"]["responses"]["422"]
    body = refused["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/ErrorBody"}
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_a_saturated_database_is_documented_on_every_route_that_uses_it() -> None:
    operations = schema.raw_schema["paths"]["/api/sessions/{session_id}"]
    assert all("503" in operation["responses"] for operation in operations.values())


def test_the_report_json_is_documented_with_each_questions_conversation() -> None:
    document = schema.raw_schema
    report = document["paths"]["/api/sessions/{session_id}/report"]["get"]["responses"]["200"]
    assert report["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Report"
    }
    answer = document["components"]["schemas"]["AnswerReport"]["properties"]
    assert {"text", "words", "moments", "scores"} <= set(answer)  # the fields of report-2
    assert answer["thread"]["items"] == {"$ref": "#/components/schemas/Exchange"}
    assert answer["scored_on"]["items"] == {"$ref": "#/components/schemas/ScoreBasis"}
    turn = document["components"]["schemas"]["InterviewerTurn"]["properties"]
    assert set(turn) == {"move", "say", "reason", "decided_on"}
