"""The process pool behind ``read_many(workers > 1)``: it survives a worker's death and stops at once.

Imported only when a pool is started, so that ``read()`` and ``read_many(workers=1)`` never pay
for :mod:`concurrent.futures` and :mod:`multiprocessing`.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import attrs

from ..base._errors import WorkerCrashedError
from ..base._i18n import tr
from ..ecf._limits import Limits
from ..ecf._sources import Source
from ._one import Outcome, read_one

#: Files submitted ahead of the one being yielded, per worker: enough to keep every worker busy,
#: few enough that a long iterable of sources is never held, nor its results, all at once.
_AHEAD_PER_WORKER = 2


def in_pool(
    sources: Iterable[Source],
    workers: int,
    strict: bool,
    chunk_size: int,
    limits: Limits | None = None,
) -> Generator[tuple[Source, Outcome], None, None]:
    """Each source with its outcome, in the order of ``sources``, read by ``workers`` processes."""
    pool = _Pool(workers)
    pending: deque[_Entry] = deque()
    try:
        for source in sources:
            if not isinstance(source, (str, bytes, os.PathLike)):
                raise TypeError(
                    f"read_many() with workers > 1 takes paths, not {type(source).__name__}; "
                    "use workers=1 to read file objects"
                )
            pending.append(_Entry(source, pool.submit(source, strict, chunk_size, limits)))
            if len(pending) >= _AHEAD_PER_WORKER * workers:
                yield pool.result(pending.popleft(), pending, strict, chunk_size, limits)
        while pending:
            yield pool.result(pending.popleft(), pending, strict, chunk_size, limits)
    except BaseException:
        # Ctrl-C, the caller stopping early, or a failure: nobody will read what is in flight,
        # so the workers are stopped now rather than waited for.
        pool.terminate()
        raise
    pool.shutdown()


_Outcome = Outcome


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

    def submit(
        self, source: Source, strict: bool, chunk_size: int, limits: Limits | None = None
    ) -> Future[_Outcome]:
        try:
            return self.executor.submit(read_one, source, strict, chunk_size, limits)
        except BrokenProcessPool as error:
            # The pool broke on an earlier file and no result has told us yet: this one fails
            # with it, and is read again alone like the others in flight.
            failed: Future[_Outcome] = Future()
            failed.set_exception(error)
            return failed

    def result(
        self,
        entry: _Entry,
        pending: deque[_Entry],
        strict: bool,
        chunk_size: int,
        limits: Limits | None = None,
    ) -> tuple[Source, Outcome]:
        try:
            return entry.source, entry.future.result()
        except BrokenProcessPool:
            self._recover([entry, *pending], strict, chunk_size, limits)
        return entry.source, entry.future.result()

    def _recover(
        self, entries: list[_Entry], strict: bool, chunk_size: int, limits: Limits | None = None
    ) -> None:
        # Every file in flight failed with the pool, including the innocent ones; those that
        # finished before keep their results. Each of the others is read again alone, in a pool
        # of one: the one that breaks it again is the culprit (WorkerCrashedError).
        self.executor.shutdown(wait=True)
        solo = self._new(1)
        try:
            for entry in entries:
                if not isinstance(entry.future.exception(), BrokenProcessPool):
                    continue
                retry = solo.submit(read_one, entry.source, strict, chunk_size, limits)
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
