"""Reading many files: ``read_many()``, in a pool of processes, results in input order."""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import attrs

from ._errors import EcfError, WorkerCrashedError
from ._i18n import tr
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
    pool = _Pool(workers)
    pending: deque[_Entry] = deque()
    try:
        for source in sources:
            if not isinstance(source, (str, bytes, os.PathLike)):
                raise TypeError(
                    f"read_many() with workers > 1 takes paths, not {type(source).__name__}; "
                    "use workers=1 to read file objects"
                )
            pending.append(_Entry(source, pool.submit(source, strict, chunk_size)))
            if len(pending) >= _AHEAD_PER_WORKER * workers:
                yield pool.result(pending.popleft(), pending, strict, chunk_size)
        while pending:
            yield pool.result(pending.popleft(), pending, strict, chunk_size)
    except BaseException:
        # Ctrl-C, the caller stopping early, or a failure: nobody will read what is in flight,
        # so the workers are stopped now rather than waited for.
        pool.terminate()
        raise
    pool.shutdown()


_Outcome = tuple[RevenueMetric | None, EcfError | OSError | None]


@attrs.define
class _Entry:
    source: Source
    future: Future[_Outcome]


def _ignore_sigint() -> None:  # pragma: no cover - runs in the workers, not measured
    # Ctrl-C reaches every process of the terminal's group: the parent stops the workers, so
    # they do not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _crashed(source: Source) -> WorkerCrashedError:
    return WorkerCrashedError(
        tr(
            "the process reading this file stopped abruptly (killed, or out of memory) and so "
            "did a second one reading it alone; the other files were read. Read it with read() "
            "to see what happens"
        ),
        source=os.fsdecode(source) if isinstance(source, (str, bytes, os.PathLike)) else None,
    )


class _Pool:
    """A process pool that survives a worker's death: the file that killed it is found by
    reading each file that was in flight alone, and the pool is rebuilt."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = self._new(workers)

    @staticmethod
    def _new(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)

    def submit(self, source: Source, strict: bool, chunk_size: int) -> Future[_Outcome]:
        try:
            return self.executor.submit(_read_one, source, strict, chunk_size)
        except BrokenProcessPool as error:
            # The pool broke on an earlier file and no result has told us yet: this one fails
            # with it, and is read again alone like the others in flight.
            failed: Future[_Outcome] = Future()
            failed.set_exception(error)
            return failed

    def result(
        self, entry: _Entry, pending: deque[_Entry], strict: bool, chunk_size: int
    ) -> ReadResult:
        try:
            return ReadResult(entry.source, *entry.future.result())
        except BrokenProcessPool:
            self._recover([entry, *pending], strict, chunk_size)
        return ReadResult(entry.source, *entry.future.result())

    def _recover(self, entries: list[_Entry], strict: bool, chunk_size: int) -> None:
        # Every file in flight failed with the pool, including the innocent ones; those that
        # finished before keep their results. Each of the others is read again alone, in a pool
        # of one: the one that breaks it again is the culprit (WorkerCrashedError).
        self.executor.shutdown(wait=True)
        solo = self._new(1)
        try:
            for entry in entries:
                if not isinstance(entry.future.exception(), BrokenProcessPool):
                    continue
                retry = solo.submit(_read_one, entry.source, strict, chunk_size)
                done: Future[_Outcome] = Future()
                try:
                    done.set_result(retry.result())
                except BrokenProcessPool:
                    done.set_result((None, _crashed(entry.source)))
                    solo.shutdown(wait=True)
                    solo = self._new(1)
                entry.future = done
        except BaseException:
            _stop(solo)
            raise
        solo.shutdown(wait=True)
        self.executor = self._new(self.workers)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True)

    def terminate(self) -> None:
        _stop(self.executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers at once (not waiting for their files)."""
    # The executor's processes: private, but the only handle there is before Python 3.14's
    # terminate_workers().
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():  # pragma: no cover - SIGTERM is not ignored by the workers
            process.kill()
            process.join()
