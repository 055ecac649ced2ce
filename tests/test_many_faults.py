"""read_many() when a worker dies or the person presses Ctrl-C: every other result is kept, and
nothing is left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import ecfmetric
from ecf_helpers import ecf_bytes, real_annual
from ecfmetric import ReadResult, WorkerCrashedError, read_many

GROSS = "|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|{},00|C|"
PARENT = os.getpid()


class Fatal(os.PathLike[str]):
    """A path that kills the process opening it, unless that is the test process itself.

    ``how`` is ``"exit"`` (``os._exit``) or ``"sigkill"``. Pickled to the workers by reference
    to this module, so it works with any start method.
    """

    def __init__(self, path: Path, how: str) -> None:
        self.path = str(path)
        self.how = how

    def __fspath__(self) -> str:
        if os.getpid() != PARENT:
            if self.how == "sigkill":
                os.kill(os.getpid(), signal.SIGKILL)
            os._exit(3)
        return self.path

    def __repr__(self) -> str:
        return f"Fatal({self.path!r})"


def _file(tmp_path: Path, name: str, gross: int) -> Path:
    path = tmp_path / name
    path.write_bytes(ecf_bytes(real_annual([GROSS.format(gross)])))
    return path


@pytest.mark.parametrize("how", ["exit", "sigkill"])
def test_a_killed_worker_is_that_files_failure_and_the_others_go_on(
    tmp_path: Path, how: str
) -> None:
    """Before: BrokenProcessPool, and every result not yet yielded was lost."""
    good = [_file(tmp_path, f"{n}.txt", n) for n in range(1, 8)]
    sources: list[object] = [*good[:3], Fatal(good[0], how), *good[3:]]
    results = list(read_many(sources, workers=2))  # type: ignore[arg-type]
    assert [r.source for r in results] == sources
    assert [r.ok for r in results] == [True, True, True, False, True, True, True, True]
    crashed = results[3].error
    assert isinstance(crashed, WorkerCrashedError)
    assert isinstance(crashed, ecfmetric.EcfError)
    assert crashed.code == "WORKER_CRASHED"
    assert crashed.source == str(good[0])
    assert "stopped abruptly" in str(crashed)
    assert [r.metric.gross_revenue for r in results if r.metric] == [  # type: ignore[union-attr]
        ecfmetric.read(path).gross_revenue for path in good
    ]


def test_two_killers_and_a_missing_file(tmp_path: Path) -> None:
    """Several crashes in one batch: each is reported, the pool is rebuilt each time."""
    good = [_file(tmp_path, f"{n}.txt", n) for n in range(1, 4)]
    missing = tmp_path / "missing.txt"
    sources: list[object] = [Fatal(good[0], "exit"), good[0], missing, Fatal(good[1], "exit")]
    sources += good
    results = list(read_many(sources, workers=3))  # type: ignore[arg-type]
    kinds = [type(r.error).__name__ if r.error else "ok" for r in results]
    assert kinds == [
        "WorkerCrashedError",
        "ok",
        "FileNotFoundError",
        "WorkerCrashedError",
        "ok",
        "ok",
        "ok",
    ]


def test_crashed_errors_pickle() -> None:
    import pickle

    error = WorkerCrashedError("gone", source="a.txt")
    back = pickle.loads(pickle.dumps(error))
    assert (back.code, back.source, str(back)) == ("WORKER_CRASHED", "a.txt", "a.txt: gone")
    assert str(WorkerCrashedError("gone")) == "gone"


SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {tests!r})
    import ecfmetric

    PIDS = {pids!r}

    class Slow(os.PathLike):
        def __init__(self, path):
            self.path = path
        def __fspath__(self):
            if os.getpid() != PARENT:
                with open(PIDS, "a") as out:
                    out.write(f"{{os.getpid()}}\\n")
                time.sleep(60)
            return self.path

    PARENT = os.getpid()
    paths = [{fast!r}, Slow({fast!r}), Slow({fast!r}), {fast!r}]
    for result in ecfmetric.read_many(paths, workers=2):
        print("result", result.ok, flush=True)
    """
)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc").exists(), reason="looks at /proc for leftover processes")
def test_ctrl_c_stops_promptly_and_leaves_no_process(tmp_path: Path) -> None:
    """Before: Ctrl-C waited for the files in flight (about 25 s), here 60 s each."""
    fast = _file(tmp_path, "fast.txt", 1)
    pids = tmp_path / "pids.txt"
    script = SCRIPT.format(tests=str(Path(__file__).parent), pids=str(pids), fast=str(fast))
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "result True"
    deadline = time.monotonic() + 30
    while not (pids.exists() and len(pids.read_text().split()) == 2):
        assert time.monotonic() < deadline, "the slow files never started"
        time.sleep(0.05)
    workers = [int(pid) for pid in pids.read_text().split()]
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert time.monotonic() - started < 5
    assert "KeyboardInterrupt" in err
    assert process.returncode != 0
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]


def test_stopping_early_ends_the_workers_without_waiting(tmp_path: Path) -> None:
    """Closing the iterator does not wait for the files still being read."""
    fast = _file(tmp_path, "fast.txt", 1)
    results = read_many([fast, Sleepy(fast), Sleepy(fast)], workers=2)  # type: ignore[list-item]
    assert next(results).ok
    time.sleep(0.3)  # let the slow files start
    started = time.monotonic()
    results.close()  # type: ignore[attr-defined]
    assert time.monotonic() - started < 5


class Sleepy(os.PathLike[str]):
    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __fspath__(self) -> str:
        if os.getpid() != PARENT:
            time.sleep(30)
        return self.path


class CrashThenBug(os.PathLike[str]):
    """Kills the first worker that opens it; raises RuntimeError (a bug) in the next one."""

    def __init__(self, path: Path, marker: Path) -> None:
        self.path = str(path)
        self.marker = str(marker)

    def __fspath__(self) -> str:
        if os.getpid() != PARENT:
            if not os.path.exists(self.marker):
                Path(self.marker).touch()
                os._exit(3)
            raise RuntimeError("a bug while reading it alone")
        return self.path


def test_a_bug_while_reading_alone_is_raised_and_stops_the_pool(tmp_path: Path) -> None:
    """Anything but EcfError or OSError is a bug and raised, as before; no worker is left."""
    fast = _file(tmp_path, "fast.txt", 1)
    sources = [fast, CrashThenBug(fast, tmp_path / "marker"), fast]
    with pytest.raises(RuntimeError, match="a bug"):
        list(read_many(sources, workers=2))  # type: ignore[arg-type]


def test_a_file_submitted_after_the_pool_broke_is_read_again(tmp_path: Path) -> None:
    """submit() on a pool already broken (a race: no result has told yet) is not an error."""
    from collections import deque

    from ecfmetric.reading import _pool

    fast = _file(tmp_path, "fast.txt", 1)
    pool = _pool._Pool(2)
    killer = _pool._Entry(Fatal(fast, "exit"), pool.submit(Fatal(fast, "exit"), True, 1 << 16))
    assert killer.future.exception(timeout=30) is not None  # the pool is broken now
    late = _pool._Entry(fast, pool.submit(fast, True, 1 << 16))
    assert isinstance(late.future.exception(), _pool.BrokenProcessPool)
    finished: _pool.Future[_pool._Outcome] = _pool.Future()
    finished.set_result((ecfmetric.read(fast), None))
    kept = _pool._Entry(fast, finished)  # done before the pool broke: not read again
    pending = deque([kept, late])

    def result(entry: _pool._Entry) -> ReadResult:
        source, outcome = pool.result(entry, pending, True, 1 << 16)
        return ReadResult(source, *outcome)

    first = result(killer)
    assert isinstance(first.error, WorkerCrashedError)
    assert kept.future is finished
    assert result(pending.popleft()).ok
    assert result(pending.popleft()).ok
    pool.shutdown()
