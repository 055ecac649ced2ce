"""An ECF held in memory: ``read_bytes()`` and ``validate_bytes()``.

``bytes`` given to :func:`~ecfmetric.read` are a path, as with ``open()``; content in memory
(an upload's body) goes through these two functions, so that nothing guesses which one it is.
"""

from __future__ import annotations

import io

from ..ecf._limits import Limits
from ..ecf._sources import CHUNK_SIZE
from ..model._model import RevenueMetric
from ._reader import read
from ._validate import ValidationReport, validate

Buffer = bytes | bytearray | memoryview


class _Named(io.BytesIO):
    """Bytes in memory that go by a name in messages (the uploaded file's name)."""

    def __init__(self, data: Buffer, name: str | None) -> None:
        super().__init__(data)
        self.name = name


def _stream(data: object, name: object, function: str) -> _Named:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{function}() takes the file's content as bytes, not {type(data).__name__}; "
            "for a path or a file object, use read() or validate()"
        )
    if name is not None and not isinstance(name, str):
        raise TypeError(f"name must be a string (the file's name), not {type(name).__name__}")
    return _Named(data, name)


def read_bytes(
    data: Buffer,
    *,
    name: str | None = None,
    strict: bool = True,
    signature: bool = False,
    chunk_size: int = CHUNK_SIZE,
    limits: Limits | None = None,
) -> RevenueMetric:
    """:func:`~ecfmetric.read` on an ECF held in memory (plain, a ZIP holding one file, or gzip).

    ``name`` (such as the uploaded file's name) is the source named in error messages;
    ``signature`` and ``limits`` are :func:`~ecfmetric.read`'s.
    """
    return read(
        _stream(data, name, "read_bytes"),
        strict=strict,
        signature=signature,
        chunk_size=chunk_size,
        limits=limits,
    )


def validate_bytes(
    data: Buffer,
    *,
    name: str | None = None,
    strict: bool = True,
    chunk_size: int = CHUNK_SIZE,
    limits: Limits | None = None,
) -> ValidationReport:
    """:func:`~ecfmetric.validate` on an ECF held in memory; ``name`` is the report's ``source``."""
    return validate(
        _stream(data, name, "validate_bytes"), strict=strict, chunk_size=chunk_size, limits=limits
    )
