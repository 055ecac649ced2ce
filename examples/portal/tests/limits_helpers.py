"""Functions run by worker.run_limited in the tests (module level: the child imports them)."""

from __future__ import annotations

import time


def allocate(megabytes: int) -> int:
    """Hold ``megabytes`` of memory at once."""
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def spin() -> None:
    """Use CPU until stopped."""
    count = 0
    while True:
        count += 1


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def fail() -> None:
    raise RuntimeError("boom")


def add(a: int, b: int) -> int:
    return a + b
