"""``Readable``: what the reader reads from, below the modules that open and unpack sources."""

from __future__ import annotations

from typing import Protocol


class Readable(Protocol):
    """What the reader reads from: ``read(size)`` returns up to ``size`` bytes, ``b""`` at the end."""

    def read(self, size: int, /) -> bytes: ...
