"""Regime rules that the fixtures do not reach: each tested on a small file built here.

Amounts are chosen by hand in each test; the builder only fills the counters in.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import ecfmetric
from ecf_helpers import CNPJ, ecf_bytes, read_bytes
from ecfmetric import EcfFormatError

D = Decimal
HEADER = f"|0000|LECF|0012|{CNPJ}|EMPRESA TESTE LTDA|0|0|||01012025|31122025|N||0|||"
Q = {
    1: ("01012025", "31032025"),
    2: ("01042025", "30062025"),
    3: ("01072025", "30092025"),
    4: ("01102025", "31122025"),
}


def file_with(params: str, *blocks: list[str]) -> bytes:
    records = [HEADER, "|0001|0|", params, "|0990||"]
    for block in blocks:
        records += block
    return ecf_bytes(records)


def p_block(*quarters: int, p150: bool = False, p200: str = "100,00") -> list[str]:
    out = ["|P001|0|"]
    for q in quarters:
        out.append(f"|P030|{Q[q][0]}|{Q[q][1]}|T0{q}|")
        if p150:
            out.append("|P150|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|100,00|C|")
        out.append(f"|P200|8|Receita Bruta Sujeita ao Percentual de 32%|{p200}|")
    return [*out, "|P990||"]


def l_block(
    *quarters: int, line: str = "|L300|3.01.01.01.01.06|S|A|6|04|3.01.01.01.01|50,00|C|"
) -> list[str]:
    out = ["|L001|0|"]
    for q in quarters:
        out += [f"|L030|{Q[q][0]}|{Q[q][1]}|T0{q}|", line]
    return [*out, "|L990||"]


def u_block(*lines: str, tip_ent: str = "01") -> bytes:
    params = f"|0010||N|8|A||0000|||{tip_ent}||A||"
    return file_with(params, ["|U001|0|", "|U030|01012025|31122025|A00|", *lines, "|U990||"])


def test_presumido_with_books_but_no_p150_is_refused() -> None:
    """TIP_ESC_PRE = C without P150 (§4c, round 4): P200 is only the cross-check of a books
    filer, never read in place of its DRE; refused BAD_PARAMETER naming 0010.TIP_ESC_PRE. The
    same P200 blocks read as a cash book (L) give their revenue, 100,00 per quarter."""
    with pytest.raises(EcfFormatError) as caught:
        read_bytes(file_with("|0010||N|5|T|01|PPPP||C||||1|", p_block(1, 2, 3, 4)))
    assert (caught.value.code, caught.value.record, caught.value.field) == (
        "BAD_PARAMETER",
        "0010",
        "TIP_ESC_PRE",
    )
    metric = read_bytes(file_with("|0010||N|5|T|01|PPPP||L||||1|", p_block(1, 2, 3, 4)))
    assert metric.gross_revenue == D("400.00")
    assert metric.net_revenue is None
    assert {w.code for w in metric.warnings} == {"UNKNOWN_COMPONENTS"}


def test_p200_checked_against_p150_per_quarter() -> None:
    """Quarterly P150 and P200: a quarter whose P200 differs raises P200_P150_MISMATCH there."""
    blocks = p_block(1, 2, p150=True)
    blocks[6] = blocks[6].replace("|100,00|", "|90,00|")
    metric = read_bytes(
        file_with("|0010||N|5|T|01|PP00||C||||1|", blocks).replace(b"31122025|N|", b"30062025|N|")
    )
    assert metric.gross_revenue == D("200.00")
    assert [(w.code, w.line_number) for w in metric.warnings if w.code == "P200_P150_MISMATCH"] == [
        ("P200_P150_MISMATCH", 9)
    ]


def test_mixed_regime_needs_forma_trib_per() -> None:
    """A mixed regime without FORMA_TRIB_PER cannot assign its quarters: refused."""
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(file_with("|0010||N|3|T|01|||C||||1|", p_block(1, 2), l_block(3, 4)))
    assert (caught.value.record, caught.value.field, caught.value.code) == (
        "0010",
        "FORMA_TRIB_PER",
        "BAD_PARAMETER",
    )


def test_forma_trib_per_must_match_a_single_regime() -> None:
    """FORMA_TRIB 1 (real) with a P quarter in FORMA_TRIB_PER is refused."""
    with pytest.raises(ecfmetric.EcfFormatError, match="quarter 1"):
        read_bytes(file_with("|0010||N|1|T|01|PRRR||||||2|", l_block(1, 2, 3, 4)))


def test_forma_trib_per_zero_inside_the_span_is_refused() -> None:
    """FORMA_TRIB_PER 0 means "outside the file's span": for a quarter inside it, it is refused
    (before, the quarters marked 0 were skipped and half a year was returned as the year)."""
    with pytest.raises(ecfmetric.EcfFormatError, match="quarter 1") as caught:
        read_bytes(file_with("|0010||N|1|T|01|0000||||||2|", l_block(1)))
    assert (caught.value.code, caught.value.record, caught.value.field) == (
        "BAD_PARAMETER",
        "0010",
        "FORMA_TRIB_PER",
    )
    with pytest.raises(ecfmetric.EcfFormatError, match="quarter 3") as caught:
        read_bytes(file_with("|0010||N|1|T|01|RR00||||||2|", l_block(1, 2)))
    assert caught.value.line_number == 3


def test_period_in_a_quarter_of_another_block() -> None:
    """An L030 T02 when FORMA_TRIB_PER gives quarter 2 to the P block is refused."""
    with pytest.raises(ecfmetric.EcfFormatError, match="does not assign") as caught:
        read_bytes(
            file_with("|0010||N|3|T|01|PPRR||C||||1|", p_block(1, 2, p150=True), l_block(2, 3, 4))
        )
    assert caught.value.code == "BAD_PERIOD"


def test_forma_trib_per_letters_are_checked() -> None:
    """FORMA_TRIB_PER with a letter outside 0, R, E, P, A is refused."""
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(file_with("|0010||N|1|T|01|RRXR||||||2|", l_block(1, 2, 3, 4)))
    assert caught.value.field == "FORMA_TRIB_PER"


@pytest.mark.parametrize("qualif", ["04", "1", "XX"])
def test_cod_qualif_pj_is_checked(qualif: str) -> None:
    """A Lucro Real file needs COD_QUALIF_PJ 01, 02 or 03."""
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(file_with(f"|0010||N|1|T|{qualif}|RRRR||||||2|", l_block(1, 2, 3, 4)))
    assert caught.value.field == "COD_QUALIF_PJ"


def test_empty_cod_qualif_pj_reads_the_general_plan_with_a_warning() -> None:
    """An empty COD_QUALIF_PJ is read as plan A (PJ em geral), and said so once."""
    metric = read_bytes(file_with("|0010||N|1|T||RRRR||||||2|", l_block(1, 2, 3, 4)))
    assert metric.gross_revenue == D("200.00")
    assert [w.code for w in metric.warnings].count("COD_QUALIF_PJ_MISSING") == 1


def test_imunes_need_tip_ent() -> None:
    """An imune without TIP_ENT is refused, naming the field."""
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(u_block("|U150|4.01.01.07|V|A|4|04|4.01.01|10,00|C|", tip_ent=""))
    assert caught.value.field == "TIP_ENT"


def test_political_party_is_refused() -> None:
    """TIP_ENT 15 (U150E) has no sales revenue: MetricUnavailableError that points to the form."""
    with pytest.raises(ecfmetric.MetricUnavailableError, match=r"political party.*form"):
        read_bytes(
            u_block("|U150|3.1|DESPESAS DA ATIVIDADE PARTIDARIA|S|2|04|3|10,00|C|", tip_ent="15")
        )


def test_u150_reading() -> None:
    """U150A: revenue children, activity deductions by kind, other deductions, signs."""
    metric = read_bytes(
        u_block(
            "|U150|4.01.01|RECEITA DAS ATIVIDADES|S|3|04|4.01|1000,00|C|",
            "|U150|4.01.01.03.04|Contribuições|A|5|04|4.01.01.03|400,00|C|",
            "|U150|4.01.01.09.09|Outras Receitas das Atividades|A|5|04|4.01.01.09|600,00|C|",
            "|U150|4.01.02.01.01|(-) Canceladas|A|5|04|4.01.02.01|10,00|D|",
            "|U150|4.01.02.01.06|(-) ISS|A|5|04|4.01.02.01|30,00|D|",
            "|U150|4.01.02.01.11.01.01|(-) ProUni|A|7|04|4.01.02.01.11.01|5,00|C|",
            "|U150|4.01.02.01.11.02.01|(-) ProUni|A|7|04|4.01.02.01.11.02|7,00|D|",
            "|U150|4.01.05.01|Receitas financeiras|S|4|04|4.01.05|99,00|C|",
        )
    )
    assert (metric.gross_revenue, metric.cancellations, metric.taxes, metric.other_deductions) == (
        D("1000.00"),
        D("10.00"),
        D("30.00"),
        D("2.00"),
    )
    assert metric.net_revenue == D("958.00")
    assert {w.code for w in metric.warnings} == {"UNUSUAL_SIGN"}


def test_u150_without_revenue_lines() -> None:
    """A U150 with nothing in the revenue subtrees: gross 0 and NO_REVENUE_LINES."""
    metric = read_bytes(u_block("|U150|4.01.05.01|Receitas financeiras|S|4|04|4.01.05|99,00|C|"))
    assert metric.gross_revenue == D("0.00")
    assert [w.code for w in metric.warnings] == ["NO_REVENUE_LINES"]


def test_proxies_without_their_lines() -> None:
    """COSIF and insurer plans without their revenue line: gross 0 with NO_REVENUE_LINES, plus the proxy warning."""
    for qualif, line in (
        ("02", "|L300|819250000|ISS|A|6|04|819000000|5,00|D|"),
        ("03", "|L300|3.01.01.01.01.04.09|PIS|A|7|04|3.01.01.01.01.04|5,00|D|"),
    ):
        data = file_with(
            f"|0010||N|1|A|{qualif}|RRRR||||||2|",
            ["|L001|0|", "|L030|01012025|31122025|A00|", line, "|L990||"],
        )
        metric = read_bytes(data)
        assert metric.gross_revenue == D("0.00")
        assert metric.taxes == D("5.00")
        assert metric.net_revenue == D("-5.00")
        assert {"NO_REVENUE_LINES", "PROXY_DEFINITION"} <= {w.code for w in metric.warnings}


def test_insurer_synthetic_premiums_only() -> None:
    """An insurer file with only the synthetic PRÊMIOS GANHOS line uses it when positive."""
    data = file_with(
        "|0010||N|1|A|03|RRRR||||||2|",
        [
            "|L001|0|",
            "|L030|01012025|31122025|A00|",
            "|L300|3.01.01.01.01.01|PRÊMIOS GANHOS|S|6|04|3.01.01.01.01|700,00|C|",
            "|L990||",
        ],
    )
    assert read_bytes(data).gross_revenue == D("700.00")


def test_synthetic_deductions_alone_do_not_say_how_they_split() -> None:
    """A deductions subtotal with nothing below it (3.01.01.01.02 alone) does not say how much is
    cancellations, discounts or taxes: those and the net are unknown, with a warning showing the
    subtotal and the file's RECEITA LIQUIDA (before, it became other_deductions with made-up zeros)."""
    data = file_with(
        "|0010||N|1|A|01|RRRR||||||2|",
        [
            "|L001|0|",
            "|L030|01012025|31122025|A00|",
            "|L300|3.01.01.01|RECEITA LIQUIDA|S|4|04|3.01.01|90,00|C|",
            "|L300|3.01.01.01.01|RECEITA BRUTA|S|5|04|3.01.01.01|100,00|C|",
            "|L300|3.01.01.01.02|DEDUÇÕES|S|5|04|3.01.01.01|10,00|D|",
            "|L990||",
        ],
    )
    metric = read_bytes(data)
    assert metric.gross_revenue == D("100.00")
    unknown = (metric.cancellations, metric.discounts, metric.taxes, metric.other_deductions)
    assert unknown == (None, None, None, None)
    assert metric.net_revenue is None
    [warning] = metric.warnings
    assert warning.code == "DEDUCTIONS_NOT_SPLIT"
    assert "3.01.01.01.02 = 10.00" in warning.message
    assert "90.00" in warning.message
    assert warning.line_number == 9


def test_net_revenue_alone_is_not_a_gross_revenue() -> None:
    """A DRE that states only RECEITA LIQUIDA: the components are unknown, not zero."""
    data = file_with(
        "|0010||N|1|A|01|RRRR||||||2|",
        [
            "|L001|0|",
            "|L030|01012025|31122025|A00|",
            "|L300|3.01.01.01|RECEITA LIQUIDA|S|4|04|3.01.01|90,00|C|",
            "|L990||",
        ],
    )
    metric = read_bytes(data)
    assert metric.gross_revenue is None
    assert metric.net_revenue is None
    assert [w.code for w in metric.warnings] == ["UNKNOWN_COMPONENTS"]
