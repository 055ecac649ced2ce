"""read_many(): the same metrics and errors as read(), in input order, in a pool or in process."""

from __future__ import annotations

import io
import itertools
import pickle
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import ecfmetric
from ecf_helpers import ecf_bytes, real_annual
from ecfmetric import EcfFormatError, ReadResult, read_many
from ecfmetric.reading import _pool

GROSS = "|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|{},00|C|"


def _file(tmp_path: Path, name: str, gross: int, *, padding: int = 0) -> Path:
    """A Lucro Real file of the given gross revenue; ``padding`` K155 lines make it bigger."""
    records = real_annual([GROSS.format(gross)])
    at = records.index("|L001|0|")
    records[at:at] = ["|K001|0|", *["|K155|1.1|1|1,00|D|1,00|1,00|1,00|D|"] * padding, "|K990||"]
    path = tmp_path / name
    path.write_bytes(ecf_bytes(records))
    return path


@pytest.fixture
def batch(tmp_path: Path) -> list[Path | str]:
    """A big file first (so it finishes last), good files, a refused one, a missing one."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(ecf_bytes(real_annual([GROSS.format(5).replace(",00", ",001")])))
    return [
        _file(tmp_path, "big.txt", 100, padding=200_000),
        _file(tmp_path, "a.txt", 1),
        bad,
        str(tmp_path / "missing.txt"),
        _file(tmp_path, "b.txt", 2),
        _file(tmp_path, "c.txt", 3),
    ]


def _expected(source: Path | str) -> ReadResult:
    try:
        return ReadResult(source, ecfmetric.read(source), None)
    except (ecfmetric.EcfError, OSError) as error:
        return ReadResult(source, None, error)


def _same(got: ReadResult, expected: ReadResult) -> None:
    assert got.source is expected.source
    assert got.metric == expected.metric
    assert type(got.error) is type(expected.error)
    if expected.error is not None:
        assert str(got.error) == str(expected.error)
        assert vars(got.error) == vars(expected.error)


@pytest.mark.parametrize("workers", [1, 2, None])
def test_results_equal_read_in_input_order(batch: list[Path | str], workers: int | None) -> None:
    """Each result is what read() gives or raises for that source, in the order given."""
    results = list(read_many(batch, workers=workers))
    assert len(results) == len(batch)
    for got, source in zip(results, batch, strict=True):
        _same(got, _expected(source))
    assert [r.metric.gross_revenue for r in results if r.metric] == [
        Decimal("100.00"),
        Decimal("1.00"),
        Decimal("2.00"),
        Decimal("3.00"),
    ]


def test_a_refused_file_is_reported_and_the_others_go_on(batch: list[Path | str]) -> None:
    """The refused file's result carries its EcfError, with position; missing files an OSError."""
    results = list(read_many(batch, workers=2))
    assert [r.ok for r in results] == [True, True, False, False, True, True]
    refused = results[2].error
    assert isinstance(refused, EcfFormatError)
    assert (refused.line_number, refused.record, refused.field) == (7, "L300", "VALOR")
    assert refused.source == str(batch[2])
    assert isinstance(results[3].error, FileNotFoundError)
    assert results[3].error.filename == batch[3]
    assert results[2].metric is None


def test_strict_is_passed_through(tmp_path: Path) -> None:
    """strict=False turns a counter that disagrees into a warning, as read() does."""
    path = tmp_path / "count.txt"
    path.write_bytes(ecf_bytes(real_annual([GROSS.format(7)])).replace(b"|L990|4|", b"|L990|5|"))
    paths = [path, path]
    assert not any(r.ok for r in read_many(paths, workers=2))
    lenient = list(read_many(paths, workers=2, strict=False))
    assert all(r.ok for r in lenient)
    assert "COUNT_MISMATCH" in {w.code for w in lenient[0].metric.warnings}  # type: ignore[union-attr]


class _NoPool:
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("no process pool was expected")


def test_one_worker_reads_in_process(
    batch: list[Path | str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """workers=1 (or a single source) starts no pool, and takes file objects too."""
    monkeypatch.setattr(_pool, "ProcessPoolExecutor", _NoPool)
    assert len(list(read_many(batch, workers=1))) == len(batch)
    assert len(list(read_many(batch[:1], workers=8))) == 1
    stream = io.BytesIO(Path(batch[1]).read_bytes())
    (result,) = read_many([stream], workers=1)
    assert result.source is stream
    assert result.metric == ecfmetric.read(batch[1])


def test_a_long_iterable_is_read_a_few_files_ahead(tmp_path: Path) -> None:
    """An endless iterable: results come while it is consumed, never more than 2 x workers ahead."""
    path = _file(tmp_path, "a.txt", 1)
    taken = 0

    def endless() -> Iterator[Path]:
        nonlocal taken
        while True:
            taken += 1
            yield path

    results = read_many(endless(), workers=2)
    first = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert [r.metric.gross_revenue for r in first] == [Decimal("1.00")] * 5  # type: ignore[union-attr]
    assert taken <= 5 + 4


def test_bad_arguments() -> None:
    """One path instead of many, zero workers, file objects for a pool: refused at once."""
    with pytest.raises(TypeError, match="iterable of sources"):
        read_many("ECF.txt")
    with pytest.raises(ValueError, match="at least 1"):
        read_many([], workers=0)
    with pytest.raises(TypeError, match="takes paths"):
        list(read_many([io.BytesIO(b""), io.BytesIO(b"")], workers=2))


def test_results_pickle_like_read() -> None:
    """A ReadResult's error keeps every attribute across processes (EcfError.__reduce__)."""
    error = EcfFormatError("bad", line_number=3, record="L300", field="VALOR", text="x", source="f")
    back = pickle.loads(pickle.dumps(ReadResult("f", None, error)))
    assert vars(back.error) == vars(error)
    assert str(back.error) == str(error)
