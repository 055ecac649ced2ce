"""Each upload parsed in a child process with CPU, memory and time limits.

A hostile upload (a small archive that expands to gigabytes of lines, a pathological text) costs
at most the limits below and ends as a refusal the page can show; the server process never holds
the file's content. The child is started by a ``forkserver`` (a clean process, not a fork of the
threaded server), sets ``resource.setrlimit`` on itself (address space and CPU seconds) and is
killed by the parent past the wall-clock limit. Unix only (``resource``).
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import attrs

import ecfmetric
import present

#: The defaults: a minute of CPU, 2 GiB of address space, two minutes of wall-clock time.
CPU_SECONDS = 60
MEMORY_BYTES = 2 * 1024 * 1024 * 1024
WALL_SECONDS = 120.0


@attrs.frozen
class Limits:
    """What one upload may cost: CPU seconds, bytes of address space, wall-clock seconds."""

    cpu_seconds: int = CPU_SECONDS
    memory_bytes: int = MEMORY_BYTES
    wall_seconds: float = WALL_SECONDS


@attrs.frozen
class Outcome:
    """What the child gave: ``value`` (``kind == "ok"``) or why it gave nothing.

    ``kind`` is ``"ok"``, ``"memory"`` (past the memory limit), ``"cpu"`` (past the CPU
    limit), ``"time"`` (past the wall-clock limit, killed) or ``"crash"`` (died otherwise).
    """

    kind: str
    value: Any = None


_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["worker"])


def _child(connection: Connection, limits: Limits, function: Callable[..., Any], args: Any) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = max(1, limits.cpu_seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        result = function(*args)
    except MemoryError:
        connection.send(Outcome("memory"))
    except BaseException as error:  # the parent shows a refusal, never a traceback
        connection.send(Outcome("crash", type(error).__name__))
    else:
        connection.send(Outcome("ok", result))
    finally:
        connection.close()


def run_limited(function: Callable[..., Any], args: tuple[Any, ...], limits: Limits) -> Outcome:
    """``function(*args)`` in a child process within ``limits``; its result or why none.

    ``function`` must be importable by name (a module-level function) and its result picklable.
    """
    receiving, sending = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(sending, limits, function, args), daemon=True)
    process.start()
    sending.close()
    outcome: Outcome | None = None
    try:
        if not receiving.poll(limits.wall_seconds):
            outcome = Outcome("time")
        else:
            try:
                outcome = receiving.recv()
            except EOFError:  # died without a word: killed by a limit, or crashed
                outcome = None
    finally:
        receiving.close()
        if outcome is not None and outcome.kind != "time":
            process.join(5)
        if process.is_alive():
            process.kill()
        process.join(5)
    if outcome is not None:
        return outcome
    if process.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return Outcome("cpu")  # past the soft (SIGXCPU) or hard (SIGKILL) CPU limit
    return Outcome("crash")


def read_upload(path: str, filename: str) -> dict[str, Any]:
    """In the child: ``ecfmetric.read(..., signature=True)`` of the uploaded file.

    Returns ``{"metric": RevenueMetric.to_dict()}`` and, when the signature block cannot be
    read (the figure is still usable), ``"signature_error"``; or ``{"error": shown}``.
    """
    with open(path, "rb") as file:
        try:
            metric = ecfmetric.read(file, signature=True)
        except (ecfmetric.SignatureError, ecfmetric.SignatureSupportError) as error:
            signature_error = present.shown_error(_named(error, filename))
        except (ecfmetric.EcfFormatError, ecfmetric.MetricUnavailableError) as error:
            return {"error": present.shown_error(_named(error, filename))}
        else:
            return {"metric": metric.to_dict(), "signature_error": None}
        file.seek(0)
        try:
            metric = ecfmetric.read(file)
        except (ecfmetric.EcfFormatError, ecfmetric.MetricUnavailableError) as error:
            return {"error": present.shown_error(_named(error, filename))}
        return {"metric": metric.to_dict(), "signature_error": signature_error}


def _named(error: ecfmetric.EcfError, filename: str) -> ecfmetric.EcfError:
    # The temporary copy's path never reaches the page: the name the person uploaded does.
    if isinstance(error, ecfmetric.EcfFormatError) and error.source != filename:
        return error.with_source(filename)
    if isinstance(error, ecfmetric.MetricUnavailableError) and error.source != filename:
        return error.with_source(filename)
    return error
