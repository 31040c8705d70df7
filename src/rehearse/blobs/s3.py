"""Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, GCS's S3 interface).

Uploads stream through in parts (one part in memory at a time; above one part they become a
multipart upload, aborted on any failure). Reads are ranged GETs from wherever the reader has
seeked to, so playback can seek without downloading the whole recording; ``local_path`` copies
the object into a temporary folder that is removed when the context closes.

The client is the MinIO Python SDK (docs/architecture.md, "Blobs", says why), which uses
path-style addresses for every endpoint except AWS's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast
from urllib.parse import urlsplit

import urllib3
from minio import Minio
from minio.credentials.providers import (
    AWSConfigProvider,
    ChainedProvider,
    EnvAWSProvider,
    IamAwsProvider,
    Provider,
    StaticProvider,
)
from minio.error import MinioException, S3Error
from urllib3.exceptions import HTTPError
from urllib3.util import Retry, Timeout

from rehearse.blobs.base import BlobStore, StoredObject
from rehearse.errors import ConfigurationError, NotFound, PayloadTooLarge, ServiceUnavailable

MIB = 1024 * 1024
_MISSING = frozenset({"NoSuchKey", "NoSuchObject", "NotFound", "ResourceNotFound"})
_READ_BUFFER = MIB
# What the client raises when the store cannot be used: S3 errors, unreachable endpoints,
# and the SDK's own (such as a response it cannot parse).
StoreErrors = (MinioException, HTTPError, OSError)


class _LimitedChunks(io.RawIOBase):
    """``chunks`` as a readable stream that counts, hashes, and stops past ``max_bytes``."""

    def __init__(self, chunks: Iterable[bytes], max_bytes: int) -> None:
        self._chunks = iter(chunks)
        self._pending = b""
        self.max_bytes = max_bytes
        self.size = 0
        self.digest = hashlib.sha256()
        self.error: BaseException | None = None
        """What reading ``chunks`` raised, told apart from the store's own failures."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                chunk = next(self._chunks, None)
                if chunk is not None and self.size + len(chunk) > self.max_bytes:
                    raise PayloadTooLarge(
                        f"The file is larger than the limit of {self.max_bytes // MIB} MB."
                    )
            except BaseException as exc:
                self.error = exc
                raise
            if chunk is None:
                return 0
            self.size += len(chunk)
            self.digest.update(chunk)
            self._pending = chunk
        taken = self._pending[: len(buffer)]
        buffer[: len(taken)] = taken
        self._pending = self._pending[len(taken) :]
        return len(taken)


class _RangedObject(io.RawIOBase):
    """An object read from the bucket by ranged GETs: seeking drops the current response and
    the next read asks for the bytes from the new position on."""

    def __init__(self, client: Minio, bucket: str, name: str, size: int) -> None:
        self._client, self._bucket, self._name, self.size = client, bucket, name, size
        self._position = 0
        self._response: urllib3.BaseHTTPResponse | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}[whence]
        position = base + offset
        if position < 0:
            raise ValueError("negative seek position")
        if position != self._position:
            self._drop_response()
            self._position = position
        return position

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._position >= self.size or len(buffer) == 0:
            return 0
        if self._response is None:
            self._response = self._client.get_object(
                self._bucket, self._name, offset=self._position
            )
        data = self._response.read(len(buffer))
        if not data:
            raise OSError(
                f"The object store ended {self._name} at byte {self._position} of {self.size}."
            )
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def _drop_response(self) -> None:
        if self._response is not None:
            # Closed first: a half-read connection must not go back to the pool.
            self._response.close()
            self._response.release_conn()
            self._response = None

    def close(self) -> None:
        self._drop_response()
        super().close()


class S3BlobStore(BlobStore):
    """Objects named ``<prefix><key>`` in ``bucket``, reached through ``client``."""

    def __init__(
        self,
        client: Minio,
        bucket: str,
        prefix: str = "",
        *,
        part_size: int = 8 * MIB,
        scratch_dir: Path | None = None,
    ) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.part_size = part_size
        self.scratch_dir = scratch_dir

    def object_name(self, key: str) -> str:
        if not key.isalnum():
            raise NotFound("No such stored file.")
        return self.prefix + key

    def save(self, chunks: Iterable[bytes], *, max_bytes: int) -> StoredObject:
        key = uuid.uuid4().hex
        name = self.object_name(key)
        source = _LimitedChunks(chunks, max_bytes)
        try:
            # One part at a time: memory stays at one part whatever the upload's size. The SDK
            # aborts a multipart upload when reading or sending a part fails.
            self.client.put_object(
                self.bucket,
                name,
                cast(BinaryIO, source),
                length=-1,
                part_size=self.part_size,
                num_parallel_uploads=1,
            )
        except BaseException as exc:
            if not isinstance(exc, PayloadTooLarge):  # refused before anything was stored
                self._forget(name)
            if exc is source.error or not isinstance(exc, StoreErrors):
                raise
            raise ServiceUnavailable(
                "The file could not be stored because the object store did not accept it "
                f"({exc}). Nothing else was changed; try again shortly."
            ) from exc
        return StoredObject(key=key, size=source.size, sha256=source.digest.hexdigest())

    def _forget(self, name: str) -> None:
        """Remove an object whose upload failed, in case it was completed all the same."""
        with contextlib.suppress(*StoreErrors):
            self.client.remove_object(self.bucket, name)

    def open(self, key: str) -> BinaryIO:
        name = self.object_name(key)
        try:
            size = self.client.stat_object(self.bucket, name).size or 0
        except S3Error as exc:
            if exc.code in _MISSING:
                raise NotFound("The stored file is missing.") from exc
            raise self._unavailable(exc) from exc
        except StoreErrors as exc:
            raise self._unavailable(exc) from exc
        return io.BufferedReader(
            _RangedObject(self.client, self.bucket, name, size), buffer_size=_READ_BUFFER
        )

    @contextlib.contextmanager
    def local_path(self, key: str) -> Iterator[Path]:
        if self.scratch_dir is not None:
            self.scratch_dir.mkdir(parents=True, exist_ok=True)
        with (
            self.open(key) as source,
            tempfile.TemporaryDirectory(prefix="rehearse-blob-", dir=self.scratch_dir) as folder,
        ):
            path = Path(folder) / key
            with path.open("wb") as target:
                shutil.copyfileobj(source, target, _READ_BUFFER)
            source.close()  # the connection goes back before the (long) analysis
            yield path

    def delete(self, key: str) -> None:
        self.client.remove_object(self.bucket, self.object_name(key))

    def check(self) -> None:
        probe = f"{self.prefix}.ready/{uuid.uuid4().hex}"
        try:
            self.client.put_object(self.bucket, probe, io.BytesIO(b"ok"), length=2)
            self.client.remove_object(self.bucket, probe)
        except StoreErrors as exc:
            raise ServiceUnavailable(
                f"The bucket {self.bucket} cannot be written to: {exc}"
            ) from exc

    def _unavailable(self, exc: BaseException) -> ServiceUnavailable:
        return ServiceUnavailable(
            f"The stored file cannot be read from the bucket {self.bucket} now ({exc}); "
            "nothing is lost, try again shortly."
        )


def connect(
    bucket: str,
    prefix: str = "",
    *,
    endpoint_url: str | None = None,
    region: str | None = None,
    access_key_id: str | None = None,
    secret_access_key: str | None = None,
    part_size: int = 8 * MIB,
    scratch_dir: Path | None = None,
) -> S3BlobStore:
    """The store for ``bucket`` on ``endpoint_url`` (AWS S3 when unset). Without keys, the
    usual AWS sources are tried: AWS_* variables, ~/.aws/credentials, the instance's role."""
    endpoint = urlsplit(endpoint_url or "https://s3.amazonaws.com")
    if endpoint.scheme not in ("http", "https") or not endpoint.netloc or endpoint.path.strip("/"):
        raise ConfigurationError(
            "REHEARSE_S3_ENDPOINT_URL must be the server's address alone, such as "
            f"http://127.0.0.1:9000 or https://s3.eu-west-1.amazonaws.com, not {endpoint_url!r}."
        )
    if bool(access_key_id) != bool(secret_access_key):
        raise ConfigurationError(
            "Set both REHEARSE_S3_ACCESS_KEY_ID and REHEARSE_S3_SECRET_ACCESS_KEY, or neither."
        )
    credentials: Provider = (
        StaticProvider(access_key_id, secret_access_key)
        if access_key_id and secret_access_key
        else ChainedProvider([EnvAWSProvider(), AWSConfigProvider(), IamAwsProvider()])
    )
    http = urllib3.PoolManager(
        # Short connection time-out and few retries: /ready must answer promptly when the
        # store is down; reads may wait longer for a busy server.
        timeout=Timeout(connect=5, read=60),
        maxsize=10,
        retries=Retry(total=2, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]),
    )
    client = Minio(
        endpoint.netloc,
        secure=endpoint.scheme == "https",
        region=region,
        credentials=credentials,
        http_client=http,
    )
    return S3BlobStore(client, bucket, prefix, part_size=part_size, scratch_dir=scratch_dir)
