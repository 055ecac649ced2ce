"""read() and iter_records() on small files built in the test, one behaviour per test.

Amounts are chosen by hand in each test; the builder only fills in the counters.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

import ecfmetric
from ecf_helpers import CNPJ, HEADER_0012, ecf_bytes, read_bytes, real_annual
from ecfmetric import EcfFormatError, MetricUnavailableError

D = Decimal

# A00 of a Lucro Real annual company, by hand: gross 1000,00 (two analytic lines 600 + 400),
# cancellations 10, discounts 5, ICMS 100, PIS 6,50, COFINS 30, AVP 1,50 → deductions 153,00,
# net 847,00; RECEITA LIQUIDA stated as 847,00. Financial revenue (3.01.01.05) is not revenue.
L300_BASIC = [
    "|L300|3.01|RESULTADO|S|2|04|3|500,00|C|",
    "|L300|3.01.01.01|RECEITA LIQUIDA|S|4|04|3.01.01|847,00|C|",
    "|L300|3.01.01.01.01|RECEITA BRUTA|S|5|04|3.01.01.01|1000,00|C|",
    "|L300|3.01.01.01.01.04|Venda de produtos|A|6|04|3.01.01.01.01|600,00|C|",
    "|L300|3.01.01.01.01.06|Serviços|A|6|04|3.01.01.01.01|400|C|",
    "|L300|3.01.01.01.02|DEDUÇÕES|S|5|04|3.01.01.01|153,00|D|",
    "|L300|3.01.01.01.02.01|(-) Vendas canceladas|A|6|04|3.01.01.01.02|10,00|D|",
    "|L300|3.01.01.01.02.02|(-) Descontos|A|6|04|3.01.01.01.02|5|D|",
    "|L300|3.01.01.01.02.03|(-) ICMS|A|6|04|3.01.01.01.02|100,00|D|",
    "|L300|3.01.01.01.02.04|(-) COFINS|A|6|04|3.01.01.01.02|30,00|D|",
    "|L300|3.01.01.01.02.05|(-) PIS|A|6|04|3.01.01.01.02|6,5|D|",
    "|L300|3.01.01.01.02.10|(-) AVP|A|6|04|3.01.01.01.02|1,50|D|",
    "|L300|3.01.01.05.01.01|Receitas financeiras|A|7|04|3.01.01.05.01|999,00|C|",
    "|L300|3.01.01.07.01.14|(-) PIS sobre outras receitas|A|7|04|3.01.01.07.01|88,00|D|",
]
EXPECTED_BASIC = (D("1000.00"), D("10.00"), D("5.00"), D("136.50"), D("1.50"), D("847.00"))


def components(metric: ecfmetric.RevenueMetric) -> tuple[Decimal | None, ...]:
    return (
        metric.gross_revenue,
        metric.cancellations,
        metric.discounts,
        metric.taxes,
        metric.other_deductions,
        metric.net_revenue,
    )


BASIC = ecf_bytes(real_annual(L300_BASIC))


def test_basic_annual_file() -> None:
    """A Lucro Real A00 reads as the components worked out above, with no warning."""
    metric = read_bytes(BASIC)
    assert components(metric) == EXPECTED_BASIC
    assert metric.warnings == ()
    assert metric.cnpj == CNPJ
    assert metric.regime is ecfmetric.Regime.LUCRO_REAL
    assert metric.reference_year == 2025
    assert [p.period for p in metric.periods] == ["A00"]


def test_provenance_of_each_amount() -> None:
    """Each amount used names its line, record, period and code; the parts add up."""
    metric = read_bytes(BASIC)
    taxes = [line for line in metric.lines if line.component == "taxes"]
    assert [(line.line_number, line.code, line.amount) for line in taxes] == [
        (15, "3.01.01.01.02.03", D("100.00")),
        (16, "3.01.01.01.02.04", D("30.00")),
        (17, "3.01.01.01.02.05", D("6.50")),
    ]
    assert all(line.record == "L300" and line.period == "A00" for line in taxes)
    assert not any(line.code.startswith("3.01.01.05") for line in metric.lines if line.code)


@pytest.mark.parametrize("line_ending", ["\r\n", "\n"])
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-8", "utf-8-sig"])
def test_line_endings_and_encodings(line_ending: str, encoding: str) -> None:
    """CRLF or LF, Latin-1, cp1252 or UTF-8 with or without BOM: same metric, same text."""
    name = "AÇÚCAR & CAFÉ “ÚNICO” LTDA" if encoding != "latin-1" else "AÇÚCAR & CAFÉ ÚNICO LTDA"
    header = HEADER_0012.replace("EMPRESA TESTE LTDA", name)
    data = ecf_bytes(
        real_annual(L300_BASIC, header=header), line_ending=line_ending, encoding=encoding
    )
    metric = read_bytes(data)
    assert components(metric) == EXPECTED_BASIC
    assert metric.company_name == name
    assert any(line.description == "DEDUÇÕES" for line in metric.lines)


def test_no_final_line_ending() -> None:
    """A file whose 9999 line has no line ending reads the same."""
    assert components(read_bytes(BASIC.rstrip(b"\r\n"))) == EXPECTED_BASIC


@pytest.mark.parametrize("chunk_size", [1, 2, 7, 64, 1000, 1 << 20])
def test_chunk_size_does_not_matter(chunk_size: int) -> None:
    """The metric does not depend on how the stream is cut into chunks."""
    metric = ecfmetric.read(io.BytesIO(BASIC), chunk_size=chunk_size)
    assert components(metric) == EXPECTED_BASIC


SIGNATURE = b"SBRCAAEPDR0\x80\x06\t*\x86H\x86\xf7\r\x01\x07\x02\xa0\x80|\x0b\x0c\n|L300|3.01.01.01.01|X|S|5|04|3.01.01.01|999999,00|C|\r\n\xff\xfe|9999|5|\n"


@pytest.mark.parametrize("chunk_size", [3, 50, 1 << 20])
def test_signature_block_is_never_read(chunk_size: int) -> None:
    """Bytes after the 9999 record (a PKCS#7 signature) are not decoded nor counted."""
    metric = ecfmetric.read(io.BytesIO(BASIC + SIGNATURE), chunk_size=chunk_size)
    assert components(metric) == EXPECTED_BASIC


def test_unknown_records_and_trailing_fields_are_tolerated() -> None:
    """Unknown registers outside the blocks of figures and extra trailing fields of newer
    layouts change nothing; an unknown register inside block L may be a damaged L300: refused
    in both modes (issue 23)."""
    l300 = [line + "EXTRA|MORE|" for line in L300_BASIC]
    records = real_annual(l300)
    records[2:2] = ["|0999|novo registro|"]
    assert components(read_bytes(ecf_bytes(records))) == EXPECTED_BASIC
    records = real_annual([*l300, "|L999|whatever|"])
    for strict in (True, False):
        with pytest.raises(EcfFormatError) as caught:
            read_bytes(ecf_bytes(records), strict=strict)
        assert (caught.value.code, caught.value.record) == ("UNKNOWN_RECORD", "L999")


def test_cumulative_balancetes_are_never_added() -> None:
    """A01…A12 are year-to-date: only A00 counts; A12 ≠ A00 is a warning."""
    records = real_annual(L300_BASIC)
    at = records.index("|L990||")
    records[at:at] = [
        "|L030|01012025|30062025|A06|",
        "|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|300,00|C|",
        "|L030|01012025|31122025|A12|",
        "|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|900,00|C|",
    ]
    metric = read_bytes(ecf_bytes(records))
    assert components(metric) == EXPECTED_BASIC
    assert [w.code for w in metric.warnings] == ["A12_A00_MISMATCH"]


def test_quarterly_real_sums_quarters() -> None:
    """Quarterly Lucro Real: T01…T04 are added (100 + 200 + 300 + 400 = 1000)."""
    records = [
        HEADER_0012,
        "|0001|0|",
        "|0010||N|1|T|01|RRRR||||||2|",
        "|0990||",
        "|L001|0|",
    ]
    for quarter, (start, end) in enumerate(
        [
            ("01012025", "31032025"),
            ("01042025", "30062025"),
            ("01072025", "30092025"),
            ("01102025", "31122025"),
        ],
        start=1,
    ):
        records += [
            f"|L030|{start}|{end}|T0{quarter}|",
            f"|L300|3.01.01.01.01.06|Serv|A|6|04|3.01.01.01.01|{quarter}00,00|C|",
        ]
    records.append("|L990||")
    metric = read_bytes(ecf_bytes(records))
    assert metric.gross_revenue == D("1000.00")
    assert [p.gross_revenue for p in metric.periods] == [
        D("100.00"),
        D("200.00"),
        D("300.00"),
        D("400.00"),
    ]
    assert "NET_REVENUE_LINE_MISSING" in {w.code for w in metric.warnings}


def test_file_net_disagreeing_is_a_warning_and_computed_net_is_used() -> None:
    """A RECEITA LIQUIDA that disagrees raises NET_REVENUE_MISMATCH; the computed net stands."""
    l300 = [line.replace("|847,00|C|", "|850,00|C|") for line in L300_BASIC]
    metric = read_bytes(ecf_bytes(real_annual(l300)))
    assert metric.net_revenue == D("847.00")
    assert [w.code for w in metric.warnings] == ["NET_REVENUE_MISMATCH"]
    assert metric.warnings[0].line_number == 8


def test_synthetic_line_disagreeing_is_a_warning() -> None:
    """A synthetic line that is not the sum of its children raises SYNTHETIC_SUM_MISMATCH."""
    l300 = [line.replace("|153,00|D|", "|150,00|D|") for line in L300_BASIC]
    metric = read_bytes(ecf_bytes(real_annual(l300)))
    assert metric.net_revenue == D("847.00")
    assert {w.code for w in metric.warnings} == {"SYNTHETIC_SUM_MISMATCH"}


def test_only_synthetic_lines() -> None:
    """A DRE with only the synthetic RECEITA BRUTA line reads it, without double counting."""
    metric = read_bytes(
        ecf_bytes(
            real_annual(
                [
                    "|L300|3.01.01.01.01|RECEITA BRUTA|S|5|04|3.01.01.01|70,00|C|",
                    "|L300|3.01.01.01|RL|S|4|04|3.01.01|70,00|C|",
                ]
            )
        )
    )
    assert components(metric) == (
        D("70.00"),
        D("0.00"),
        D("0.00"),
        D("0.00"),
        D("0.00"),
        D("70.00"),
    )


def test_unusual_sign() -> None:
    """A deduction booked as credit keeps its arithmetic and raises UNUSUAL_SIGN."""
    metric = read_bytes(
        ecf_bytes(
            real_annual(
                [
                    "|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|100,00|C|",
                    "|L300|3.01.01.01.02.01|C|A|6|04|3.01.01.01.02|10,00|C|",
                ]
            )
        )
    )
    assert metric.cancellations == D("-10.00")
    assert metric.net_revenue == D("110.00")
    assert "UNUSUAL_SIGN" in {w.code for w in metric.warnings}


def test_empty_dre_means_no_revenue() -> None:
    """A00 with no revenue line: gross 0 with NO_REVENUE_LINES, not an invented figure."""
    metric = read_bytes(
        ecf_bytes(real_annual(["|L300|3.01.01.05.01.01|Fin|A|7|04|3.01.01.05.01|10,00|C|"]))
    )
    assert metric.gross_revenue == D("0.00")
    assert [w.code for w in metric.warnings] == ["NO_REVENUE_LINES"]


@pytest.mark.parametrize(
    ("bad", "field", "text"),
    [
        ("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|12.000,00|C|", "VALOR", "12.000,00"),
        ("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|-100,00|C|", "VALOR", "-100,00"),
        ("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|100,001|C|", "VALOR", "100,001"),
        ("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01||C|", "VALOR", ""),
        ("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|100,00|X|", "IND_VALOR", "X"),
        ("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|100,00|", "IND_VALOR", None),
    ],
)
def test_malformed_amount_is_refused_with_position(bad: str, field: str, text: str | None) -> None:
    """A malformed amount or sign in a line the metric reads is an error naming line, record, field."""
    with pytest.raises(EcfFormatError) as caught:
        read_bytes(ecf_bytes(real_annual([bad])), strict=False)
    error = caught.value
    assert (error.line_number, error.record, error.field) == (7, "L300", field)
    if text:
        assert error.text == text
        assert repr(text) in str(error)


def test_malformed_amount_outside_the_metric_is_not_read() -> None:
    """An amount in a line the metric does not read (an expense) is not parsed by read()."""
    metric = read_bytes(
        ecf_bytes(
            real_annual([*L300_BASIC, "|L300|3.01.01.03.01|Despesa|A|6|04|3.01.01.03|1.000,00|D|"])
        )
    )
    assert components(metric) == EXPECTED_BASIC


def test_same_code_twice_is_refused() -> None:
    """The same code twice in one period has no single right value: refused."""
    with pytest.raises(EcfFormatError) as caught:
        read_bytes(ecf_bytes(real_annual([L300_BASIC[3], L300_BASIC[3]])))
    assert (caught.value.line_number, caught.value.field) == (8, "CODIGO")


@pytest.mark.parametrize(
    ("l030", "field"),
    [
        ("|L030|31022025|31122025|A00|", "DT_INI"),
        ("|L030|01012024|31122025|A00|", "DT_INI"),
        ("|L030|01012025|01012026|A00|", "DT_FIN"),
        ("|L030|01012025|31122025|X00|", "PER_APUR"),
    ],
)
def test_bad_period_is_refused(l030: str, field: str) -> None:
    """Malformed dates, periods outside the file and unknown period codes are refused."""
    records = real_annual(L300_BASIC)
    records[5] = l030
    with pytest.raises(EcfFormatError) as caught:
        read_bytes(ecf_bytes(records))
    assert (caught.value.line_number, caught.value.record, caught.value.field) == (6, "L030", field)


def test_period_given_twice_is_refused() -> None:
    """The same period twice is refused at its second occurrence."""
    records = real_annual(L300_BASIC)
    records.insert(-1, "|L030|01012025|31122025|A00|")
    with pytest.raises(EcfFormatError, match="given twice") as caught:
        read_bytes(ecf_bytes(records))
    assert caught.value.line_number == len(records) - 1


def test_dre_line_outside_a_period_is_refused() -> None:
    """An L300 before any L030 is refused."""
    records = real_annual(L300_BASIC)
    del records[5]
    with pytest.raises(EcfFormatError, match="outside a L030 period"):
        read_bytes(ecf_bytes(records))


@pytest.mark.parametrize(
    ("data", "fragment", "line_number"),
    [
        (b"", "the file is empty", None),
        (b"hello world\r\n", "not an ECF", 1),
        (b"|0000|LECD|0012|\r\n", "not an ECF", 1),
        (BASIC.split(b"\r\n|9999|")[0], "9999", None),
        (BASIC.split(b"|9999|")[0], "not a record", 33),
        (BASIC.replace(b"|L001|0|", b"L001|0|"), "not a record", 5),
        (BASIC.replace(b"|L001|0|\r\n", b"|L001|0|\r\n\r\n"), "empty line", 6),
    ],
)
def test_not_an_ecf_or_truncated(data: bytes, fragment: str, line_number: int | None) -> None:
    """Not an ECF, truncated, or lines that are not records: refused, with the line."""
    with pytest.raises(EcfFormatError, match=fragment) as caught:
        read_bytes(data)
    assert caught.value.line_number == line_number


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"|9999|", b"|9999|1"),
        (b"|L990|", b"|L990|1"),
        (b"|9990|", b"|9990|1"),
        (b"|9900|0010|1|", b"|9900|0010|2|"),
        (b"|9900|L001|1|\r\n", b""),
    ],
)
def test_counters_strict_and_lenient(old: bytes, new: bytes) -> None:
    """A counter that disagrees is an error when strict and a COUNT_MISMATCH warning when lenient
    (the 9900 count of a record that carries a figure is an error in both: test_hostile.py)."""
    data = BASIC.replace(old, new, 1)
    assert data != BASIC
    with pytest.raises(EcfFormatError):
        read_bytes(data)
    metric = read_bytes(data, strict=False)
    assert components(metric) == EXPECTED_BASIC
    assert "COUNT_MISMATCH" in {w.code for w in metric.warnings}


def test_line_too_long_is_refused() -> None:
    """A line longer than MAX_LINE_LENGTH is refused, whatever the chunk size."""
    long_line = (
        "|L300|3.01.01.01.01.06|"
        + "X" * ecfmetric.MAX_LINE_LENGTH
        + "|A|6|04|3.01.01.01.01|1,00|C|"
    )
    data = ecf_bytes(real_annual([long_line]))
    for chunk_size in (1000, 1 << 20):
        with pytest.raises(EcfFormatError, match="longer than") as caught:
            ecfmetric.read(io.BytesIO(data), chunk_size=chunk_size)
        assert caught.value.line_number == 7


def test_too_many_fields_is_refused() -> None:
    """A record with more than MAX_FIELDS fields is refused."""
    data = ecf_bytes(real_annual(["|L300|3.01.01.01.01.06|" + "|" * (ecfmetric.MAX_FIELDS + 5)]))
    with pytest.raises(EcfFormatError, match="MAX_FIELDS"):
        read_bytes(data)


def test_missing_0010_is_unavailable() -> None:
    """Without 0010 the regime is unknown: MetricUnavailableError."""
    records = real_annual(L300_BASIC)
    del records[2]
    with pytest.raises(MetricUnavailableError, match="0010"):
        read_bytes(ecf_bytes(records))


def test_text_stream_is_a_type_error() -> None:
    """A text-mode stream is a programming error (TypeError), not a bad file."""
    with pytest.raises(TypeError, match="binary"):
        ecfmetric.read(io.StringIO(BASIC.decode("latin-1")))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ecfmetric.read(42)  # type: ignore[arg-type]


def test_path_source(tmp_path: object) -> None:
    """A path (str or PathLike) is opened, read and closed; errors name the file."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "ecf.txt"
    path.write_bytes(BASIC)
    assert components(ecfmetric.read(path)) == EXPECTED_BASIC
    assert components(ecfmetric.read(str(path))) == EXPECTED_BASIC
    path.write_bytes(BASIC.replace(b"|1000,00|", b"|1000;00|"))
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read(path)
    assert str(caught.value).startswith(str(path))


def test_iter_records() -> None:
    """iter_records() yields every record with the manual's field numbering, up to 9999."""
    records = list(ecfmetric.iter_records(io.BytesIO(BASIC + SIGNATURE)))
    assert records[0].register == "0000"
    assert records[0].field(3) == "0012"
    assert records[0].fields[3] == CNPJ
    assert records[0].field(99) is None
    assert records[-1].register == "9999"
    assert records[-1].line_number == len(records)
    l300 = [r for r in records if r.register == "L300"]
    assert l300[5].field(3) == "DEDUÇÕES"
    assert l300[5].field(8) == "153,00"
    with pytest.raises(IndexError):
        records[0].field(0)


def test_iter_records_refuses_bad_lines() -> None:
    """iter_records() refuses a line that is not a record and a truncated file."""
    with pytest.raises(EcfFormatError, match="not a record"):
        list(ecfmetric.iter_records(io.BytesIO(b"|0000|LECF|\r\nnope\r\n")))
    with pytest.raises(EcfFormatError, match="9999"):
        list(ecfmetric.iter_records(io.BytesIO(b"|0000|LECF|\r\n")))


def test_to_dict_is_json_ready() -> None:
    """to_dict() has strings for money and dates, and round-trips through json."""
    import json

    out = read_bytes(BASIC).to_dict()
    assert json.loads(json.dumps(out)) == out
    assert out["net_revenue"] == "847.00"
    assert out["period_start"] == "2025-01-01"
    assert out["lines"][0]["amount"].count(".") == 1


def test_to_dict_from_dict_round_trip() -> None:
    """RevenueMetric.from_dict(m.to_dict()) == m, for a file and for a form."""
    metric = read_bytes(BASIC)
    assert ecfmetric.RevenueMetric.from_dict(metric.to_dict()) == metric
    form = ecfmetric.from_form(
        gross_revenue="10,00", cancellations="1,00", taxes=0, discounts=0, cnpj=CNPJ
    )
    assert ecfmetric.RevenueMetric.from_dict(form.to_dict()) == form


def test_fingerprint_identifies_the_file() -> None:
    """The same file read twice has the same fingerprint; a changed amount changes it."""
    first = read_bytes(BASIC).fingerprint
    assert first is not None
    assert first == read_bytes(BASIC).fingerprint
    other = ecf_bytes(real_annual([line.replace("|400|C|", "|401|C|") for line in L300_BASIC]))
    assert read_bytes(other, strict=False).fingerprint != first


def test_signature_glued_to_the_9999_line() -> None:
    """A signature written right after '|9999|n|' without a line break is cut off, not read."""
    data = BASIC.rstrip(b"\r\n") + SIGNATURE
    assert components(read_bytes(data)) == EXPECTED_BASIC
    assert list(ecfmetric.iter_records(io.BytesIO(data)))[-1].fields == ("9999", "36")


def test_a12_compared_with_a00_including_rural_revenue() -> None:
    """A12 ≠ A00 in the rural subtree alone is still A12_A00_MISMATCH (gross includes 3.11)."""
    rural = "|L300|3.11.01.01.01.03|Rural|A|6|04|3.11.01.01.01|{}|C|"
    records = real_annual([*L300_BASIC, rural.format("50,00")])
    at = records.index("|L990||")
    records[at:at] = [
        "|L030|01012025|31122025|A12|",
        *(line for line in L300_BASIC if ".01.01.01.01." in line),
        rural.format("70,00"),
    ]
    metric = read_bytes(ecf_bytes(records))
    assert metric.gross_revenue == D("1050.00")
    assert "A12_A00_MISMATCH" in {w.code for w in metric.warnings}
