"""Reading many files: ``read_many()``, in a pool of processes, results in input order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sized
from typing import Any

import attrs

from ..base._errors import EcfError
from ..ecf._limits import Limits, check_chunk_size, check_limits
from ..ecf._sources import CHUNK_SIZE, Source, name_of
from ..model._model import RevenueMetric
from ..model._rows import refusal_row
from ._one import read_one


@attrs.frozen
class ReadResult:
    """What :func:`read_many` gives for one source: its metric, or why it has none.

    ``source`` is the source as it was given. Exactly one of ``metric`` and ``error`` is set:
    ``error`` is the :class:`EcfError` that :func:`read` raised for a refused file (with its
    ``line_number``, ``record``, ``field``…), a :class:`WorkerCrashedError` when the process
    reading it died, or the ``OSError`` of a file that could not be read.
    """

    source: Source
    metric: RevenueMetric | None
    error: EcfError | OSError | None

    @property
    def ok(self) -> bool:
        """Whether the file gave a metric."""
        return self.error is None

    def to_row(self) -> dict[str, Any]:
        """This file's row of :data:`ecfmetric.FILE_COLUMNS` (``file`` is the source's name):
        :meth:`RevenueMetric.to_row` or :func:`ecfmetric.refusal_row`.

        ``pandas.DataFrame([result.to_row() for result in ecfmetric.read_many(paths)])`` is
        the ``--csv`` table with ``Decimal`` money that adds up."""
        name = name_of(self.source) or str(self.source)
        if self.metric is not None:
            return self.metric.to_row(name)
        assert self.error is not None
        return refusal_row(name, self.error)


def read_many(
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    strict: bool = True,
    chunk_size: int = CHUNK_SIZE,
    limits: Limits | None = None,
) -> Iterator[ReadResult]:
    """Read many ECF files with :func:`read`, in parallel; yield a :class:`ReadResult` per source.

    Results come in the order of ``sources``, each as soon as it and those before it are done.
    A refused file (an :class:`EcfError`) or one that cannot be opened (an ``OSError``) is
    reported in its result and the others go on; any other exception is a bug and is raised.

    ``workers`` processes read the files (``None``: one per CPU, ``os.cpu_count()``); with
    ``workers=1``, or a single source, the files are read one after the other in this process,
    with no pool: the simplest to debug, and the way to run it inside another engine's task.
    A pool takes paths only (file objects cannot be sent to another process). At most
    ``2 * workers`` files are in flight, so a long or endless iterable is read in bounded memory.
    ``strict``, ``chunk_size`` and ``limits`` (the budgets of each file) are passed to
    :func:`read`. The pool uses the platform's default
    start method (see :mod:`multiprocessing`).

    A worker that dies (killed, out of memory) does not lose the other results: each file that
    was in flight is read again alone, the one that kills that process too gets a
    :class:`WorkerCrashedError` in its result, and the pool is rebuilt for the rest. Ctrl-C
    (``KeyboardInterrupt``), an exception, or the caller closing the iterator early ends the
    workers at once, without waiting for the files they are reading.
    """
    if isinstance(sources, (str, bytes, os.PathLike)):
        raise TypeError("read_many() takes an iterable of sources; for one file, use read()")
    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers!r}")
    check_chunk_size(chunk_size)  # the caller's mistake, said here, not in each result
    limits = check_limits(limits)
    if isinstance(sources, Sized):
        workers = max(1, min(workers, len(sources)))
    if workers == 1:
        return _in_process(sources, strict, chunk_size, limits)
    return _pooled(sources, workers, strict, chunk_size, limits)


def _in_process(
    sources: Iterable[Source], strict: bool, chunk_size: int, limits: Limits | None
) -> Iterator[ReadResult]:
    for source in sources:
        yield ReadResult(source, *read_one(source, strict, chunk_size, limits))


def _pooled(
    sources: Iterable[Source], workers: int, strict: bool, chunk_size: int, limits: Limits | None
) -> Iterator[ReadResult]:
    from ._pool import in_pool  # seam: read() and read_many(workers=1) never load the pool

    outcomes = in_pool(sources, workers, strict, chunk_size, limits)
    try:
        for source, outcome in outcomes:
            yield ReadResult(source, *outcome)
    finally:
        # Closing early (or an error here) stops the workers at once, as the pool's own does.
        outcomes.close()
