"""Reading one file of ``read_many()``: the same call in this process or in a pool's worker."""

from __future__ import annotations

from ..base._errors import EcfError
from ..ecf._limits import Limits
from ..ecf._sources import Source
from ..model._model import RevenueMetric
from ._reader import read

#: A file's metric, or why it has none (exactly one of the two is set).
Outcome = tuple[RevenueMetric | None, EcfError | OSError | None]


def read_one(
    source: Source, strict: bool, chunk_size: int, limits: Limits | None = None
) -> Outcome:
    """:func:`read` of ``source``, with a refusal or an ``OSError`` returned, not raised."""
    # Runs in a worker: what it returns is pickled back (errors keep their attributes,
    # see EcfError.__reduce__).
    try:
        return read(source, strict=strict, chunk_size=chunk_size, limits=limits), None
    except (EcfError, OSError) as error:
        return None, error
