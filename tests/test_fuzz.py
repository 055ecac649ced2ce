"""Whatever the bytes, read() returns a metric or raises EcfError, never anything else.

Failing inputs found by these properties are kept, minimised, in tests/corpus/ and replayed by
test_corpus_replays, so every bug found stays found.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import ecfmetric
from ecf_helpers import ecf_bytes, real_annual
from test_reader import BASIC, EXPECTED_BASIC, L300_BASIC, components

CORPUS = Path(__file__).parent / "corpus"


def _read_or_ecf_error(data: bytes, strict: bool = True) -> ecfmetric.RevenueMetric | None:
    try:
        metric = ecfmetric.read(io.BytesIO(data), strict=strict)
    except ecfmetric.EcfError as error:
        # The safety net in read() turns a bug into an EcfError coded INTERNAL_ERROR: never here.
        assert getattr(error, "code", None) != "INTERNAL_ERROR", error  # noqa: PT017
        return None
    report = ecfmetric.validate(io.BytesIO(data))
    assert "INTERNAL_ERROR" not in {f.code for f in report.findings}
    return metric


@given(st.binary(max_size=2000))
@example(b"|0000|LECF|")
@example(b"|0000|LECF|0012|\n|9999|2|")
@example(b"\n")
@example(b"|0000|LECF|0012|x|y|0|0|||01012025|31122025|N||0|||\n|9999|2|\n")
def test_any_bytes(data: bytes) -> None:
    """Random bytes: a metric or an EcfError."""
    _read_or_ecf_error(data)
    _read_or_ecf_error(data, strict=False)


@given(st.binary(max_size=400))
def test_any_bytes_after_a_valid_header(data: bytes) -> None:
    """A valid start followed by random bytes: a metric or an EcfError."""
    _read_or_ecf_error(BASIC[:200] + data)
    _read_or_ecf_error(BASIC[:200] + data, strict=False)


@given(st.data())
def test_corrupted_valid_file(data: st.DataObject) -> None:
    """A valid file with a few bytes replaced, inserted or deleted: a metric or an EcfError."""
    raw = bytearray(BASIC)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["replace", "insert", "delete"]))
        byte = data.draw(st.sampled_from([*b"|\r\n0123456789,.-+ACDST", 0, 0xFF, 0xE9]))
        if action == "replace":
            raw[at] = byte
        elif action == "insert":
            raw.insert(at, byte)
        else:
            del raw[at]
    result = _read_or_ecf_error(bytes(raw))
    if result is not None and b"|9999|" in raw:
        assert result.net_revenue is not None


@given(st.data())
def test_line_level_mutations(data: st.DataObject) -> None:
    """Whole lines duplicated, dropped or swapped: a metric or an EcfError."""
    lines = BASIC.split(b"\r\n")
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        j = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["dup", "drop", "swap"]))
        if action == "dup":
            lines.insert(j, lines[i])
        elif action == "drop" and len(lines) > 1:
            del lines[i]
        else:
            lines[i], lines[j] = lines[j], lines[i]
    _read_or_ecf_error(b"\r\n".join(lines))
    _read_or_ecf_error(b"\r\n".join(lines), strict=False)


@given(
    chunk_size=st.integers(1, 300),
    ending=st.sampled_from(["\r\n", "\n"]),
    encoding=st.sampled_from(["latin-1", "utf-8", "utf-8-sig"]),
)
def test_invariance(chunk_size: int, ending: str, encoding: str) -> None:
    """Line endings, encoding and chunk size never change the metric."""
    data = ecf_bytes(real_annual(L300_BASIC), line_ending=ending, encoding=encoding)
    assert components(ecfmetric.read(io.BytesIO(data), chunk_size=chunk_size)) == EXPECTED_BASIC


CASES = sorted(CORPUS.glob("*.bin")) if CORPUS.exists() else []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_replays(case: Path) -> None:
    """Every input that once broke the reader now gives a metric or an EcfError."""
    _read_or_ecf_error(case.read_bytes())
    _read_or_ecf_error(case.read_bytes(), strict=False)
