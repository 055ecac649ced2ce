"""validate(): every finding of a file, with its code, severity and line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import ecfmetric
from ecf_helpers import ecf_bytes, real_annual
from ecfmetric.present._html import report_html
from test_reader import BASIC, EXPECTED_BASIC, L300_BASIC, components

ROOT = Path(__file__).parent.parent


def _html_pt(shown: object) -> str:
    """The notebook HTML in Portuguese, the language people read (tests run in English)."""
    with ecfmetric.language("pt"):
        return shown._repr_html_()  # type: ignore[attr-defined, no-any-return]


def report_of(data: bytes) -> ecfmetric.ValidationReport:
    return ecfmetric.validate(io.BytesIO(data))


def codes(report: ecfmetric.ValidationReport) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.severity, f.line_number) for f in report.findings]


def test_sound_file() -> None:
    """A sound file: ok, no finding, the metric, every line read."""
    report = report_of(BASIC)
    assert report.ok
    assert report.findings == ()
    assert report.metric is not None
    assert components(report.metric) == EXPECTED_BASIC
    assert report.lines_read == BASIC.count(b"\n")


def test_every_error_is_reported_not_just_the_first() -> None:
    """Two malformed amounts and a wrong counter: three errors, each at its line."""
    data = (
        BASIC.replace(b"|600,00|", b"|600.00|")
        .replace(b"|30,00|D|", b"|30,00|X|")
        .replace(b"|L990|17|", b"|L990|15|")
    )
    assert data.count(b"|L990|15|") == 1
    report = report_of(data)
    assert not report.ok
    errors = [(f.code, f.line_number) for f in report.errors]
    assert ("BAD_AMOUNT", 10) in errors
    assert ("BAD_AMOUNT", 16) in errors
    assert ("COUNT_MISMATCH", 21) in errors
    assert report.metric is None


def test_counts_of_skipped_blocks_agree_between_read_and_validate() -> None:
    """A wrong 9900 count for a K register: validate() reports the register; read() does not
    split K lines, but the block's 9900 counts (K001 1 + K155 2 + K990 1 = 4) no longer add up to
    its 3 lines, so strict read() refuses too (round 4: --json and --check agree about the
    file's shape), and lenient read() gives the figures with a COUNT_MISMATCH warning."""
    records = real_annual(L300_BASIC)
    records[4:4] = ["|K001|0|", "|K155|1.01|CC|1,00|D|0|0|1,00|D|", "|K990||"]
    data = ecf_bytes(records).replace(b"|9900|K155|1|", b"|9900|K155|2|")
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        ecfmetric.read(io.BytesIO(data))
    assert (caught.value.code, caught.value.record) == ("COUNT_MISMATCH", "9900")
    lenient = ecfmetric.read(io.BytesIO(data), strict=False)
    assert components(lenient) == EXPECTED_BASIC
    assert "COUNT_MISMATCH" in {w.code for w in lenient.warnings}
    report = report_of(data)
    assert [(f.code, f.record) for f in report.errors] == [("COUNT_MISMATCH", "9900")]


def test_warnings_are_findings() -> None:
    """The metric's cross-check warnings are listed, and a file with only warnings is ok."""
    data = ecf_bytes(real_annual([line.replace("|847,00|C|", "|850,00|C|") for line in L300_BASIC]))
    report = report_of(data)
    assert report.ok
    assert codes(report) == [("NET_REVENUE_MISMATCH", "warning", 8)]
    assert report.metric is not None


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "EMPTY_FILE"),
        (b"garbage\n", "NOT_ECF"),
        (BASIC.split(b"\r\n|9999|")[0] + b"\r\n", "TRUNCATED"),
        (BASIC.replace(b"|0000|LECF|0012|", b"|0000|LECF|00X2|"), "UNKNOWN_LAYOUT"),
        (BASIC.replace(b"|01012025|31122025|N|", b"|01012025|31132025|N|"), "BAD_DATE"),
        (
            BASIC.replace(b"|L030|01012025|31122025|A00|", b"|L030|01012025|31122025|A0X|"),
            "BAD_PERIOD",
        ),
        (BASIC.replace(b"|L001|0|\r\n", b"|L001|0|\r\n\r\n"), "MALFORMED_LINE"),
        (BASIC.replace(b"|L990|17|", b"|L999|17|"), "BLOCK_STRUCTURE"),
    ],
)
def test_each_kind_of_error(data: bytes, code: str) -> None:
    """Each kind of error gets its code."""
    report = report_of(data)
    assert code in {f.code for f in report.errors}


def test_broken_period_does_not_cascade() -> None:
    """A refused L030 is one error; its L300 lines are not each reported again. The annual file
    then has no A00, which FORMA_APUR = A requires: a second BAD_PERIOD, at 0010."""
    report = report_of(
        BASIC.replace(b"|L030|01012025|31122025|A00|", b"|L030|01012025|31122025|A0X|")
    )
    assert sorted((f.code, f.record) for f in report.errors) == [
        ("BAD_PERIOD", "0010"),
        ("BAD_PERIOD", "L030"),
    ]


def test_report_to_dict_records_and_html() -> None:
    """to_dict() is JSON-ready, to_records() has one row per finding, the HTML names them."""
    import json

    data = BASIC.replace(b"|600,00|", b"|600.00|")
    report = report_of(data)
    out = report.to_dict()
    assert json.loads(json.dumps(out)) == out
    assert out["ok"] is False
    assert out["errors"] == len(report.errors) >= 1
    assert report.to_records()[0].keys() >= {"code", "severity", "line_number", "record", "message"}
    html = _html_pt(report)
    assert "BAD_AMOUNT" in html
    assert "erro(s)" in html
    assert "error(s)" in report_html(report, "en")
    assert "<table" in html


def test_validate_path(tmp_path: object) -> None:
    """validate() takes a path too and names it in the report."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "f.txt"
    path.write_bytes(BASIC)
    assert ecfmetric.validate(path).source == str(path)


def test_lenient_report_judges_as_lenient_reading() -> None:
    """validate(strict=False): a wrong counter is a warning and the report carries the metric that
    read(strict=False) gives; a malformed amount stays an error (lenient never relaxes a figure)."""
    data = BASIC.replace(b"|L990|17|", b"|L990|15|")
    strict = report_of(data)
    assert [f.code for f in strict.errors] == ["COUNT_MISMATCH"]
    lenient = ecfmetric.validate(io.BytesIO(data), strict=False)
    assert lenient.ok
    assert [(f.code, f.severity) for f in lenient.findings] == [("COUNT_MISMATCH", "warning")]
    assert lenient.metric is not None
    assert components(lenient.metric) == components(ecfmetric.read(io.BytesIO(data), strict=False))
    broken = data.replace(b"|600,00|", b"|600.00|")
    report = ecfmetric.validate_bytes(broken, strict=False)
    assert [f.code for f in report.errors] == ["BAD_AMOUNT"]
    assert report.metric is None


def _with_block_k(lines: int) -> bytes:
    """BASIC with a block K of ``lines`` plain K155/K156 records before block L."""
    records = real_annual(L300_BASIC)
    at = records.index("|L001|0|")
    body = ["|K155|1.1.01|000001|10,00|D|5,00|1,00|14,00|D|", "|K156|1.01.01|14,00|D|"]
    records[at:at] = ["|K001|0|", "|K030|01012025|31122025|A00|", *body * (lines // 2), "|K990||"]
    return ecf_bytes(records)


LONG_K = _with_block_k(4000)
K_LINE = b"|K156|1.01.01|14,00|D|\r\n"
FIXTURE_CASES = sorted(
    p
    for folder in ("fixtures", "fixtures/broken", "fixtures/signed")
    for p in (ROOT / folder).glob("*")
    if p.suffix in (".txt", ".ecf")
)


@pytest.mark.parametrize(
    "data",
    [
        LONG_K,
        LONG_K.replace(K_LINE, b"|K156|1.01.01|14,00|D\r\n", 1),  # no closing "|"
        LONG_K.replace(K_LINE, b"|K1_6|1.01.01|14,00|D|\r\n", 1),  # register not alphanumeric
        LONG_K.replace(K_LINE, b"|L300|1|\r\n", 1),  # a record of another block
        LONG_K.replace(K_LINE, b"\r\n", 1),  # an empty line
        LONG_K.replace(K_LINE, b"|K990|5|\r\n", 1),  # the block closed early
        LONG_K.replace(K_LINE, b"|K001|0|\r\n", 1),  # opened again
        LONG_K.replace(K_LINE, b"|K156|1.01.01|14,00|D|\n", 1),  # one LF line among CRLF
        LONG_K.replace(K_LINE, b"", 1),  # a line missing: the counters disagree
        LONG_K.replace(K_LINE, b"|K156|" + b"x" * ecfmetric.MAX_LINE_LENGTH + b"|\r\n", 1),
    ],
    ids=[
        "sound",
        "no-end",
        "bad-register",
        "other-block",
        "empty",
        "closed",
        "reopened",
        "lf",
        "missing",
        "too-long",
    ],
)
@pytest.mark.parametrize("chunk_size", [64, 1000, 1 << 16])
def test_counted_chunks_give_the_same_report(data: bytes, chunk_size: int) -> None:
    """Chunks of plain records counted in C or lines one at a time (one chunk): the same report."""
    one_chunk = ecfmetric.validate(io.BytesIO(data), chunk_size=1 << 30)
    assert ecfmetric.validate(io.BytesIO(data), chunk_size=chunk_size) == one_chunk


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[p.name for p in FIXTURE_CASES])
def test_every_fixture_gives_the_same_report_in_small_chunks(case: Path) -> None:
    """Each fixture, sound or broken, in 200-byte chunks: the report of the whole file at once."""
    assert ecfmetric.validate(case, chunk_size=200) == ecfmetric.validate(case, chunk_size=1 << 30)
