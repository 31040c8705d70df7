"""A real S3-compatible server for the tests: moto's standalone server on 127.0.0.1.

Rehearse reaches it with its own client (the MinIO SDK); the tests look into the bucket with a
second one, boto3, so what they see does not depend on the code under test.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3

from tests.support.net import free_port
from tests.support.waiting import wait_for_url

ACCESS_KEY = "rehearse-test"
SECRET_KEY = "rehearse-test-secret"
REGION = "us-east-1"


@contextmanager
def s3_server(log: Path) -> Iterator[str]:
    """Run moto's server on a free local port; yields its endpoint URL."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )

    try:
        wait_for_url(f"{endpoint}/moto-api/", process, log)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=30)


@dataclass(frozen=True)
class Bucket:
    """One test's bucket on the server, with a boto3 client to look into it."""

    endpoint: str
    name: str
    prefix: str
    client: Any

    @property
    def settings(self) -> dict[str, object]:
        """The REHEARSE_* settings that point Rehearse at this bucket."""
        return {
            "blob_url": f"s3://{self.name}/{self.prefix}",
            "s3_endpoint_url": self.endpoint,
            "s3_region": REGION,
            "s3_access_key_id": ACCESS_KEY,
            "s3_secret_access_key": SECRET_KEY,
        }

    def keys(self) -> list[str]:
        """The object names under the prefix (the readiness probe's included)."""
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.name, Prefix=self.prefix
        )
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def stored_keys(self) -> list[str]:
        """The blob keys stored under the prefix."""
        return [name.removeprefix(f"{self.prefix}/") for name in self.keys()]

    def unfinished_uploads(self) -> list[str]:
        response = self.client.list_multipart_uploads(Bucket=self.name, Prefix=self.prefix)
        return [upload["Key"] for upload in response.get("Uploads", [])]


def make_bucket(endpoint: str, name: str, prefix: str = "recordings") -> Bucket:
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    client.create_bucket(Bucket=name)
    return Bucket(endpoint, name, prefix, client)
