"""Edge cases found by review: each pinned by the smallest file that showed it.

Amounts are chosen by hand; the builder only fills the counters in.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

import ecfmetric
from ecf_helpers import CNPJ, ecf_bytes, read_bytes
from ecfmetric.ecf._build import assemble

D = Decimal
HEADER = f"|0000|LECF|0012|{CNPJ}|EMPRESA TESTE LTDA|0|0|||01012025|31122025|N||0|||"
REAL_ANNUAL = "|0010||N|1|A|01|RRRR|000000000000|||||2|"
Q = {
    1: ("01012025", "31032025"),
    2: ("01042025", "30062025"),
    3: ("01072025", "30092025"),
    4: ("01102025", "31122025"),
}


def records(params: str, *body: str) -> list[str]:
    return [HEADER, "|0001|0|", params, "|0990||", *body]


def annual_records(*l300: str, params: str = REAL_ANNUAL) -> list[str]:
    return records(params, "|L001|0|", "|L030|01012025|31122025|A00|", *l300, "|L990||")


def annual(*l300: str, params: str = REAL_ANNUAL) -> bytes:
    return ecf_bytes(annual_records(*l300, params=params))


ONE_LINE = "|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|10,00|C|"


def test_period_without_any_dre_line_is_not_a_zero() -> None:
    """An A00 with no L300 at all states nothing: no metric, rather than a made-up zero."""
    with pytest.raises(ecfmetric.MetricUnavailableError, match="A00 has no L300") as caught:
        read_bytes(annual())
    assert (caught.value.period, caught.value.record) == ("A00", "L030")


def test_quarter_without_dre_lines_is_missing() -> None:
    """A T02 with no L300 under it is a missing quarter, not a quarter of zero revenue."""
    body = ["|L001|0|"]
    for q in (1, 2, 3, 4):
        body.append(f"|L030|{Q[q][0]}|{Q[q][1]}|T0{q}|")
        if q != 2:
            body.append("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|1000,00|C|")
    body.append("|L990||")
    with pytest.raises(ecfmetric.MetricUnavailableError) as caught:
        read_bytes(ecf_bytes(records("|0010||N|1|T|01|RRRR|||||||", *body)))
    assert caught.value.period == "T02"


def test_arbitrado_quarter_without_t120_is_missing() -> None:
    """Arbitrado quarters with no T120 line give no metric, not gross 0."""
    body = ["|T001|0|", *(f"|T030|{Q[q][0]}|{Q[q][1]}|T0{q}|" for q in (1, 2, 3, 4)), "|T990||"]
    with pytest.raises(ecfmetric.MetricUnavailableError):
        read_bytes(ecf_bytes(records("|0010||N|6|T|01|AAAA|000000000000|||||2|", *body)))


def test_general_net_alone_beside_a_full_rural_subtree() -> None:
    """RECEITA LIQUIDA of the general activity with nothing below it: unknown, not dropped."""
    metric = read_bytes(
        annual(
            "|L300|3.01.01.01|RL|S|4|04|3.01.01|900,00|C|",
            "|L300|3.11.01.01|RL RURAL|S|4|04|3.11.01|50,00|C|",
            "|L300|3.11.01.01.01|RB RURAL|S|5|04|3.11.01.01|50,00|C|",
        )
    )
    assert metric.gross_revenue is None
    assert metric.net_revenue is None
    assert "UNKNOWN_COMPONENTS" in {w.code for w in metric.warnings}


@pytest.mark.parametrize("where", ["between blocks", "inside block M"])
def test_record_outside_its_block_is_refused(where: str) -> None:
    """An L300 after L990 (or inside block M) is refused, not added to the last L030."""
    stray = "|L300|3.01.01.01.01.05|S|A|6|04|3.01.01.01.01|500,00|C|"
    tail = (
        [stray, "|M001|0|", "|M990||"]
        if where == "between blocks"
        else ["|M001|0|", stray, "|M990||"]
    )
    data = ecf_bytes(
        records(
            REAL_ANNUAL,
            "|L001|0|",
            "|L030|01012025|31122025|A00|",
            "|L300|3.01.01.01.01.01|S|A|6|04|3.01.01.01.01|1000,00|C|",
            "|L990||",
            *tail,
        )
    )
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data)
    assert caught.value.code == "BLOCK_STRUCTURE"
    report = ecfmetric.validate(io.BytesIO(data))
    assert "BLOCK_STRUCTURE" in {f.code for f in report.errors}
    # Out of its block, a record that may carry an amount is refused in lenient mode too.
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data, strict=False)
    assert caught.value.code == "BLOCK_STRUCTURE"


def test_cosif_children_without_their_synthetic_line() -> None:
    """A COSIF plan that gives only the lines below RECEITAS OPERACIONAIS adds its leaves."""
    metric = read_bytes(
        annual(
            # 2025: the RFB's 9-digit COSIF codes (711000000 is under 710000000).
            "|L300|711000000|Rendas de Operações de Crédito|S|5|04|710000000|1500,00|C|",
            "|L300|711030000|RENDAS DE ADIANTAMENTOS A DEPOSITANTES|A|6|04|711000000|1000,00|C|",
            "|L300|711100000|RENDAS DE DIREITOS CREDITÓRIOS DESCONTADOS|A|6|04|711000000|500,00|C|",
            params="|0010||N|1|A|02|RRRR|000000000000|||||2|",
        )
    )
    assert metric.gross_revenue == D("1500.00")
    assert [w.code for w in metric.warnings] == ["PROXY_DEFINITION"]


def test_lenient_mode_never_drops_a_revenue_line() -> None:
    """A malformed L300 is refused even with strict=False: its amount would be lost."""
    data = annual(
        "|L300|3.01.01.01.01.01|S|A|6|04|3.01.01.01.01|1000,00|C|",
        "|L300|3.01.01.01.01.02|S|A|6|04|3.01.01.01.01|500,00|C",
    )
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data, strict=False)
    assert (caught.value.line_number, caught.value.record, caught.value.code) == (
        8,
        "L300",
        "MALFORMED_LINE",
    )


def test_insurer_lines_below_adjustments_and_taxes() -> None:
    """Insurer plan: the adjustments and tax lines are analytic in the RFB's L300C table; a line
    below them is no code of the table and is refused, never added or dropped."""
    metric = read_bytes(
        annual(
            "|L300|3.01.01.01.01.01.01|Prêmios|A|7|04|3.01.01.01.01.01|1000,00|C|",
            "|L300|3.01.01.01.01.01.02|(-) Ajustes|A|7|04|3.01.01.01.01.01|100,00|D|",
            "|L300|3.01.01.01.01.04.09|PIS|A|7|04|3.01.01.01.01.04|6,50|D|",
            params="|0010||N|1|A|03|RRRR|000000000000|||||2|",
        )
    )
    assert (metric.gross_revenue, metric.cancellations, metric.taxes) == (
        D("1000.00"),
        D("100.00"),
        D("6.50"),
    )
    below = annual(
        "|L300|3.01.01.01.01.01.02|(-) Ajustes|S|7|04|3.01.01.01.01.01|100,00|D|",
        "|L300|3.01.01.01.01.01.02.01|(-) Cancelamentos|A|8|04|3.01.01.01.01.01.02|100,00|D|",
        params="|0010||N|1|A|03|RRRR|000000000000|||||2|",
    )
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(below)
    assert (caught.value.code, caught.value.line_number) == ("UNKNOWN_CODE", 8)


def test_gap_at_the_start_of_the_year() -> None:
    """Quarters that start after the file's DT_INI leave a gap: PERIODS_NOT_CONTIGUOUS."""
    body = ["|L001|0|"]
    for q in (1, 2, 3, 4):
        start = "01022025" if q == 1 else Q[q][0]
        body += [
            f"|L030|{start}|{Q[q][1]}|T0{q}|",
            "|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|10,00|C|",
        ]
    metric = read_bytes(ecf_bytes(records("|0010||N|1|T|01|RRRR|||||||", *body, "|L990||")))
    assert "PERIODS_NOT_CONTIGUOUS" in {w.code for w in metric.warnings}


def test_long_code_is_refused_quickly() -> None:
    """A CODIGO longer than the layout's 50 characters is refused, not parsed for minutes."""
    data = annual("|L300|3.01.01.01.01" + ".1" * 30000 + "|X|A|6|04||1000,00|C|")
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data)
    assert (caught.value.code, caught.value.field, caught.value.line_number) == (
        "BAD_CODE",
        "CODIGO",
        7,
    )


@pytest.mark.parametrize(
    "replace",
    [
        (b"|9999|", "|9999|\u00b2|"),
        (b"|9900|L300|1|", "|9900|L300|\u00b9|"),
        (b"|L990|4|", "|L990|" + "9" * 5000 + "|"),
        (b"|9999|", "|9999|" + "9" * 5000 + "|"),
    ],
)
def test_odd_counters_are_format_errors(replace: tuple[bytes, str]) -> None:
    """Counters with superscript digits or thousands of digits are counter errors, not crashes."""
    old, new = replace
    data = annual("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|10,00|C|")
    if old == b"|9999|":
        data = data[: data.index(b"|9999|")] + new.encode("latin-1") + b"\r\n"
    else:
        assert old in data
        data = data.replace(old, new.encode("latin-1"))
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data)
    assert caught.value.code == "COUNT_MISMATCH"
    report = ecfmetric.validate(io.BytesIO(data))
    assert not report.ok
    assert "INTERNAL_ERROR" not in {f.code for f in report.findings}


def test_year_far_away_is_refused() -> None:
    """A file dated in 9999 is refused with BAD_PARAMETER, not a crash computing quarters."""
    data = annual().replace(b"01012025|31122025|N", b"01019999|31129999|N")
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data)
    assert caught.value.code == "BAD_PARAMETER"


def test_9900_with_an_empty_register() -> None:
    """|9900||0| is a counter error in read() and in validate()."""
    lines = annual_records(ONE_LINE)
    text = assemble(lines).replace("\r\n|9990|", "\r\n|9900||0|\r\n|9990|")
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(text.encode())
    assert caught.value.field == "REG_BLC"
    assert not ecfmetric.validate(io.BytesIO(text.encode())).ok


def test_too_many_registers_in_9900() -> None:
    """A 9900 listing thousands of made-up registers is refused before memory grows with it."""
    lines = annual_records(ONE_LINE)
    fake = "".join(f"|9900|{chr(65 + n // 1000)}{n % 1000:03d}|0|\r\n" for n in range(3000))
    text = assemble(lines).replace("\r\n|9990|", "\r\n" + fake + "|9990|")
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(text.encode())
    assert caught.value.code == "TOO_MANY_LINES"


def test_long_signature_with_large_chunks() -> None:
    """A signature block longer than MAX_LINE_LENGTH without a line break does not matter."""
    data = annual("|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|10,00|C|")
    signed = data + b"SBRCAAEPDR" + b"\x80" * 70_000
    for chunk_size in (1 << 16, 1 << 20):
        assert ecfmetric.read(io.BytesIO(signed), chunk_size=chunk_size).gross_revenue == D("10.00")


def test_mixed_regime_letters_must_belong_to_the_regime() -> None:
    """FORMA_TRIB 3 (presumido/real) cannot put a quarter in arbitrado (A)."""
    body = ["|T001|0|", *(f"|T030|{Q[q][0]}|{Q[q][1]}|T0{q}|" for q in (1, 2, 3, 4)), "|T990||"]
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(ecf_bytes(records("|0010||N|3|T|01|AAAA||C|||||", *body)))
    assert caught.value.field == "FORMA_TRIB_PER"


def test_partial_year_quarters_outside_the_file_must_be_zero() -> None:
    """A file from 1 June: T01 lies wholly outside it, so FORMA_TRIB_PER must mark it 0 (§4c,
    round 4). With 0RRR it reads T02 (from June) to T04, 10,00 each; with RRRR it is refused
    BAD_PARAMETER naming 0010.FORMA_TRIB_PER (a letter for a quarter outside the span)."""
    header = HEADER.replace("|01012025|31122025|", "|01062025|31122025|")
    body = ["|L001|0|"]
    for q, start in ((2, "01062025"), (3, Q[3][0]), (4, Q[4][0])):
        body += [
            f"|L030|{start}|{Q[q][1]}|T0{q}|",
            "|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|10,00|C|",
        ]

    def file(letters: str) -> bytes:
        return ecf_bytes(
            [header, "|0001|0|", f"|0010||N|1|T|01|{letters}|||||||", "|0990||", *body, "|L990||"]
        )

    metric = read_bytes(file("0RRR"))
    assert metric.gross_revenue == D("30.00")
    assert metric.partial_year
    assert {w.code for w in metric.warnings} == {"PARTIAL_YEAR", "NET_REVENUE_LINE_MISSING"}
    for strict in (True, False):
        with pytest.raises(ecfmetric.EcfFormatError) as caught:
            read_bytes(file("RRRR"), strict=strict)
        assert (caught.value.code, caught.value.field) == ("BAD_PARAMETER", "FORMA_TRIB_PER")


def test_missing_p150_quarter_names_p150() -> None:
    """Presumido with books, P150 in T01 only: refused, and the message names P150 (not P200)."""
    body = [
        "|P001|0|",
        f"|P030|{Q[1][0]}|{Q[1][1]}|T01|",
        "|P150|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|10,00|C|",
    ]
    for q in (2, 3, 4):
        body += [
            f"|P030|{Q[q][0]}|{Q[q][1]}|T0{q}|",
            "|P200|8|Receita Bruta Sujeita ao Percentual de 32%|10,00|",
        ]
    with pytest.raises(ecfmetric.MetricUnavailableError, match="no P150 line"):
        read_bytes(ecf_bytes(records("|0010||N|5|T|01|PPPP||C||||1|", *body, "|P990||")))


def test_revenue_lines_per_period_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """More kept revenue lines in one period than MAX_LINES_PER_PERIOD (the plans have far fewer
    codes) is refused at the first line past the bound, in lenient mode too: memory stays bounded."""
    from ecfmetric.facts import _figures

    # Every code must be a row of the RFB's table (a few hundred per plan), so a flood of made-up
    # codes stops at its first line; the bound itself is shown with a small limit.
    flood = [f"|L300|3.01.01.01.01.{n:05d}|X|A|6|04|3.01.01.01.01|1,00|C|" for n in range(10_000)]
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(annual(*flood), strict=False)
    assert (caught.value.code, caught.value.line_number) == ("UNKNOWN_CODE", 7)
    codes = ("01", "02", "03", "04", "05", "06", "07", "08")
    leaves = [f"|L300|3.01.01.01.01.{c}|X|A|6|04|3.01.01.01.01|1,00|C|" for c in codes]
    with monkeypatch.context() as patched:
        patched.setattr(_figures, "MAX_LINES_PER_PERIOD", 5)
        for strict in (True, False):
            with pytest.raises(ecfmetric.EcfFormatError) as caught:
                read_bytes(annual(*leaves), strict=strict)
            assert caught.value.code == "TOO_MANY_LINES"
            assert caught.value.line_number == 7 + 5
    assert read_bytes(annual(*leaves)).gross_revenue == D("8.00")


def test_register_names_are_bounded_by_their_shape() -> None:
    """A register is a digit or capital letter and three digits, so validate() counts at most
    36,000 distinct names; a line with any other register (lower case, a letter for a digit) is
    not counted as one: outside the metric's blocks it is a MALFORMED_LINE finding."""
    lines = annual_records(ONE_LINE)
    text = assemble(lines).replace(
        "|9001|", "|K001|0|\r\n|K1A5|x|\r\n|k155|x|\r\n|K990|4|\r\n|9001|", 1
    )
    report = ecfmetric.validate(io.BytesIO(text.encode()))
    malformed = [f for f in report.findings if f.code == "MALFORMED_LINE"]
    assert len(malformed) == 2
    lenient = read_bytes(text.encode(), strict=False)
    assert lenient.gross_revenue == D("10.00")


def test_an_unknown_layout_version_is_refused_in_every_mode() -> None:
    """COD_VER decides where 0010's fields are: a value that is no layout version is refused, even
    leniently (it was read with the newest map, a guess); a newer four-digit one is read."""
    data = annual(ONE_LINE).replace(b"|0000|LECF|0012|", b"|0000|LECF|00X2|")
    for strict in (True, False):
        with pytest.raises(ecfmetric.EcfFormatError) as caught:
            read_bytes(data, strict=strict)
        assert (caught.value.code, caught.value.field, caught.value.text) == (
            "UNKNOWN_LAYOUT",
            "COD_VER",
            "00X2",
        )
