"""Thousands of random corruptions of the hand-written fixtures: a metric or an EcfError, nothing else.

Deterministic (a fixed seed), so a failure names the fixture and the corruption that caused it;
minimise it and keep it in tests/corpus/.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

import ecfmetric

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.txt"))
PER_FIXTURE = 110
BYTES = [*b"|\r\n0123456789,.-+ACDSTLPKU", 0x00, 0x0B, 0xC3, 0xE9, 0xFF]


def _corrupt(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        action = rng.choice(("replace", "insert", "delete", "dup_line", "drop_line", "cut"))
        at = rng.randrange(len(raw)) if raw else 0
        if action == "replace" and raw:
            raw[at] = rng.choice(BYTES)
        elif action == "insert":
            raw.insert(at, rng.choice(BYTES))
        elif action == "delete" and raw:
            del raw[at]
        elif action in ("dup_line", "drop_line"):
            lines = bytes(raw).split(b"\n")
            i = rng.randrange(len(lines))
            if action == "dup_line":
                lines.insert(rng.randrange(len(lines)), lines[i])
            else:
                del lines[i]
            raw = bytearray(b"\n".join(lines))
        elif action == "cut":
            del raw[at:]
    return bytes(raw)


def test_fixtures_found() -> None:
    """The corpus of valid files to corrupt is there."""
    assert len(FIXTURES) >= 25


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_corruptions_raise_only_ecf_errors(path: Path) -> None:
    """Each corrupted copy reads, or raises EcfError, in strict and lenient mode and in validate()."""
    rng = random.Random(f"ecfmetric:{path.name}")
    original = path.read_bytes()
    for _ in range(PER_FIXTURE):
        data = _corrupt(original, rng)
        for strict in (True, False):
            try:
                ecfmetric.read(io.BytesIO(data), strict=strict)
            except ecfmetric.EcfError as error:
                assert getattr(error, "code", None) != "INTERNAL_ERROR", error  # noqa: PT017  # noqa: PT017
        report = ecfmetric.validate(io.BytesIO(data))
        assert report.ok or report.errors
        assert "INTERNAL_ERROR" not in {f.code for f in report.findings}
