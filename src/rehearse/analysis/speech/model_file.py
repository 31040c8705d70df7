"""CTranslate2's ``model.bin`` (format version 6), read into named arrays and written back.

The file is a header (format version, spec name, spec revision), then each variable as its
name, shape, data type and raw little-endian bytes, then aliases (a name that shares another
variable's data). Only what ``bundled_model.py`` needs: reading a model, replacing variables,
writing it byte for byte as CTranslate2's own converter does.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

FORMAT_VERSION = 6
# CTranslate2's DataType enumeration, as stored in the file.
FLOAT32, INT8, INT16, INT32, FLOAT16 = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class Variable:
    name: str
    shape: tuple[int, ...]
    dtype: int
    data: bytes


@dataclass(frozen=True)
class ModelFile:
    spec: str
    revision: int
    variables: tuple[Variable, ...]
    aliases: tuple[tuple[str, str], ...]  # (alias, variable it shares)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.offset = 0

    def unpack(self, layout: str) -> tuple[int, ...]:
        values = struct.unpack_from("<" + layout, self.data, self.offset)
        self.offset += struct.calcsize("<" + layout)
        return values

    def take(self, size: int) -> bytes:
        if self.offset + size > len(self.data):
            raise ValueError("the model file ends early")
        chunk = bytes(self.data[self.offset : self.offset + size])
        self.offset += size
        return chunk

    def string(self) -> str:
        (size,) = self.unpack("H")
        return self.take(size)[:-1].decode()  # stored with its terminating NUL


def read(data: bytes) -> ModelFile:
    """Parse a ``model.bin``; raises ValueError for another format or a damaged file."""
    reader = _Reader(data)
    (version,) = reader.unpack("I")
    if version != FORMAT_VERSION:
        raise ValueError(f"model format version {version}, not {FORMAT_VERSION}")
    spec = reader.string()
    revision, count = reader.unpack("II")
    variables = []
    for _ in range(count):
        name = reader.string()
        (rank,) = reader.unpack("B")
        shape = reader.unpack(f"{rank}I")
        dtype, size = reader.unpack("BI")
        variables.append(Variable(name, shape, dtype, reader.take(size)))
    (count,) = reader.unpack("I")
    aliases = tuple((reader.string(), reader.string()) for _ in range(count))
    if reader.offset != len(data):
        raise ValueError("unexpected bytes after the model")
    return ModelFile(spec, revision, tuple(variables), aliases)


def _string(text: str) -> bytes:
    encoded = text.encode() + b"\0"
    return struct.pack("<H", len(encoded)) + encoded


def write(model: ModelFile) -> bytes:
    """The ``model.bin`` bytes of ``model``."""
    parts = [
        struct.pack("<I", FORMAT_VERSION),
        _string(model.spec),
        struct.pack("<II", model.revision, len(model.variables)),
    ]
    for variable in model.variables:
        rank = len(variable.shape)
        parts += [
            _string(variable.name),
            struct.pack(f"<B{rank}IBI", rank, *variable.shape, variable.dtype, len(variable.data)),
            variable.data,
        ]
    parts.append(struct.pack("<I", len(model.aliases)))
    for alias, name in model.aliases:
        parts += [_string(alias), _string(name)]
    return b"".join(parts)
