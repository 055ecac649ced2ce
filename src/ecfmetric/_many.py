"""Reading many files: ``read_many()``, in a pool of processes, results in input order."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor

import attrs

from ._errors import EcfError
from ._model import RevenueMetric
from ._reader import CHUNK_SIZE, read
from ._sources import Source

#: Files submitted ahead of the one being yielded, per worker: enough to keep every worker busy,
#: few enough that a long iterable of sources is never held, nor its results, all at once.
_AHEAD_PER_WORKER = 2


@attrs.frozen
class ReadResult:
    """What :func:`read_many` gives for one source: its metric, or why it has none.

    ``source`` is the source as it was given. Exactly one of ``metric`` and ``error`` is set:
    ``error`` is the :class:`EcfError` that :func:`read` raised for a refused file (with its
    ``line_number``, ``record``, ``field``…), or the ``OSError`` of a file that could not be read.
    """

    source: Source
    metric: RevenueMetric | None
    error: EcfError | OSError | None

    @property
    def ok(self) -> bool:
        """Whether the file gave a metric."""
        return self.error is None


def read_many(
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    strict: bool = True,
    chunk_size: int = CHUNK_SIZE,
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
    ``strict`` and ``chunk_size`` are passed to :func:`read`. The pool uses the platform's default
    start method (see :mod:`multiprocessing`).
    """
    if isinstance(sources, (str, bytes, os.PathLike)):
        raise TypeError("read_many() takes an iterable of sources; for one file, use read()")
    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers!r}")
    if isinstance(sources, Sized):
        workers = max(1, min(workers, len(sources)))
    if workers == 1:
        return _in_process(sources, strict, chunk_size)
    return _in_pool(sources, workers, strict, chunk_size)


def _read_one(
    source: Source, strict: bool, chunk_size: int
) -> tuple[RevenueMetric | None, EcfError | OSError | None]:
    # Runs in a worker: what it returns is pickled back (errors keep their attributes,
    # see EcfError.__reduce__).
    try:
        return read(source, strict=strict, chunk_size=chunk_size), None
    except (EcfError, OSError) as error:
        return None, error


def _in_process(sources: Iterable[Source], strict: bool, chunk_size: int) -> Iterator[ReadResult]:
    for source in sources:
        yield ReadResult(source, *_read_one(source, strict, chunk_size))


def _in_pool(
    sources: Iterable[Source], workers: int, strict: bool, chunk_size: int
) -> Iterator[ReadResult]:
    pending: deque[tuple[Source, Future[tuple[RevenueMetric | None, EcfError | OSError | None]]]]
    pending = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            for source in sources:
                if not isinstance(source, (str, bytes, os.PathLike)):
                    raise TypeError(
                        f"read_many() with workers > 1 takes paths, not {type(source).__name__}; "
                        "use workers=1 to read file objects"
                    )
                pending.append((source, pool.submit(_read_one, source, strict, chunk_size)))
                if len(pending) >= _AHEAD_PER_WORKER * workers:
                    source, future = pending.popleft()
                    yield ReadResult(source, *future.result())
            while pending:
                source, future = pending.popleft()
                yield ReadResult(source, *future.result())
        finally:
            # The caller stopped early, or something failed: drop what has not started.
            for _, future in pending:
                future.cancel()
