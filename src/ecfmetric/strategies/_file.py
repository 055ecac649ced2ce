"""A whole valid ECF file and the metric it must read as: block 0, the regime's block, other
blocks, block 9, a signature now and then, and the year worked out from the periods.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hypothesis import strategies as st

from ..ecf._build import assemble
from ..model._model import MONEY_FIELDS, Finding, PeriodMetric, Regime, RevenueMetric
from ._block_lu import _dre_periods
from ._block_p import _presumido
from ._block_t import _arbitrado
from ._cnpj import _cnpj_other_than, _with_check_digits, cnpjs
from ._draws import _nonzero_amount, _rarely, _split
from ._header import _parameters, _r0000, _r0010
from ._money import _cents, _ecf_amount, _to_cents
from ._names import _company_name
from ._promised import _PROMISED_MESSAGE
from ._spans import _span
from ._variants import VARIANTS

_BLOCK_ORDER = "0CEJKLMNPQTUVWXY9"
_REGIME_BLOCK = {
    Regime.LUCRO_REAL: "L",
    Regime.LUCRO_PRESUMIDO: "P",
    Regime.LUCRO_ARBITRADO: "T",
    Regime.IMUNE: "U",
    Regime.ISENTA: "U",
}
#: Records of blocks the metric does not read (skipped unsplit by the reader).
_OTHER_BLOCKS = {
    "C": ("|C040|0000000000000000000000000000000000000000|1|G|||",),
    "E": ("|E010|100000,00|C|",),
    "J": (
        "|J050|01012020|01|S|1|1||ATIVO|",
        "|J050|01012020|04|A|2|3.1.1.01|3|VENDA DE MERCADORIAS - MERCADO INTERNO|",
        "|J051||3.01.01.01.01.05|",
        "|J100|01012020|001|ADMINISTRAÇÃO E VENDAS|",
    ),
    "K": (
        "|K155|1.1.1.01||150000,00|D|2000000,00|1950000,00|200000,00|D|",
        "|K356|3.01.01.01.01.04|8731905,18|C|",
    ),
    "M": ("|M010|0001|Prejuízo fiscal|01012020|1000,00|D|",),
    "N": ("|N500|1|Lucro líquido antes da CSLL|1000,00|",),
    "Q": ("|Q100|15012020|1|Venda à vista|1000,00|0,00|1000,00|",),
    "V": (),
    "W": ("|W100|BR|Empresa do grupo|0|",),
    "X": ("|X280|1|0,00|",),
    "Y": ("|Y600|01012020||BR|PF|52998224725|SÓCIO|0|0|100,00|100,00|0,00|0,00|0,00|0,00|",),
}


@st.composite
def _ecf_file(
    draw: st.DrawFn,
    *,
    variants: Sequence[str],
    regimes: frozenset[Regime] | None,
    versions: Sequence[str],
    endings: Sequence[str],
    encodings: Sequence[str],
    partial_year: bool | None,
    anomalies: bool,
    noise: bool,
    signature: bool | None,
    max_cents: int,
    cnpj: str | None = None,
) -> tuple[bytes, RevenueMetric]:
    variant = draw(st.sampled_from(variants))
    regime = draw(
        st.sampled_from([r for r in VARIANTS[variant] if regimes is None or r in regimes])
    )
    version = draw(st.sampled_from(versions))
    ending = draw(st.sampled_from(endings))
    encoding = draw(st.sampled_from(encodings))
    span = draw(_span(2013 + int(version), partial_year))
    amounts = _cents(0, max_cents)
    letter = _REGIME_BLOCK[regime]

    if variant in ("real_annual", "real_quarterly", "u150_annual", "u150_quarterly"):
        annual = variant.endswith("_annual")
        block = draw(
            _dre_periods(
                block=letter,
                annual=annual,
                span=span,
                version=version,
                amounts=amounts,
                anomalies=anomalies,
                noise=noise,
            )
        )
    elif variant == "arbitrado":
        block = draw(_arbitrado(span=span, amounts=amounts, anomalies=anomalies, noise=noise))
    else:
        block = draw(
            _presumido(
                variant=variant,
                span=span,
                version=version,
                amounts=amounts,
                anomalies=anomalies,
                noise=noise,
            )
        )

    parameters, warnings = _parameters(draw, regime, variant, span, block.mes_bal_red, anomalies)
    warnings |= block.warnings

    name = draw(_company_name(encoding))
    tip_ecf = draw(st.sampled_from("012"))
    # The metric's CNPJ is the SCP's in an SCP's file (TIP_ECF 2), else 0000's: cnpj= fixes it.
    # The other CNPJ is drawn distinct by construction (a filter would retry draws).
    if tip_ecf == "2":
        scp = cnpj if cnpj is not None else draw(cnpjs())
        cnpj = draw(_cnpj_other_than(scp))
    else:
        scp = None
        cnpj = cnpj if cnpj is not None else draw(cnpjs())
    rectification = draw(st.sampled_from("NSF"))
    receipt = (
        draw(st.text("0123456789ABCDEF", min_size=40, max_size=41))
        if rectification != "N"
        else None
    )

    if span.partial:
        warnings.add("PARTIAL_YEAR")
    if variant in ("presumido_cash_book", "presumido_books_without_p150", "arbitrado"):
        warnings.add("UNKNOWN_COMPONENTS")
    if version == "0001" and any(
        record.startswith(("|P200|", "|P300|", "|T120|", "|T150|")) for record in block.records
    ):
        # The RFB published no P200/P300/T120/T150 table for 2014: their codes are not checked.
        warnings.add("TABLE_NOT_CHECKED")
    year = _year(block.periods)
    net = year["net_revenue"]
    if net is not None and net < 0:
        warnings.add("NEGATIVE_NET_REVENUE")

    records = [
        _r0000(version, cnpj, name, span, rectification, receipt, tip_ecf, scp),
        "|0001|0|",
        _r0010(version, parameters),
        "|0020|1|0|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|N|",
        "|0030|2062|4711302|RUA EXEMPLO|100||CENTRO|SP|3550308|01001000|1133334444|fiscal@exemplo.com.br|",
    ]
    if tip_ecf == "1":
        records.append(f"|0035|{draw(cnpjs())}|SCP EMPREENDIMENTO|")
    if noise and _rarely(draw):
        records.append("|0999|registro de um leiaute futuro|")
    records.append("|0990||")
    others = draw(st.sets(st.sampled_from(sorted(_OTHER_BLOCKS)))) if noise else set()
    y540: list[str] = []
    if (
        version <= "0006"
        and letter != "U"
        and year["gross_revenue"] is not None
        and draw(st.booleans())
    ):
        # Y540 (up to leiaute 0006): revenue by establishment = gross − cancellations − discounts.
        target = year["gross_revenue"] - (year["cancellations"] or 0) - (year["discounts"] or 0)
        cents = _to_cents(target, "target")
        if _rarely(draw, anomalies):
            cents += _nonzero_amount(draw)
            warnings.add("Y540_MISMATCH")
        values = _split(draw, cents, draw(st.integers(1, 3)))
        for branch, value in enumerate(values, start=1):
            establishment = _with_check_digits(f"{cnpj[:8]}{branch:04d}")
            y540.append(f"|Y540|{establishment}|{_ecf_amount(draw, value, signed=True)}|4711302|")
        others.add("Y")
    for block_letter in _BLOCK_ORDER[1:-1]:
        if block_letter == letter:
            records += [f"|{letter}001|0|", *block.records, f"|{letter}990||"]
        elif block_letter in others:
            content = list(_OTHER_BLOCKS[block_letter]) if draw(st.booleans()) else []
            if block_letter == "Y":
                content = y540 + content
            records += [
                f"|{block_letter}001|{0 if content else 1}|",
                *content,
                f"|{block_letter}990||",
            ]
    text = assemble(records, line_ending=ending)
    data = text.encode(encoding)
    with_signature = draw(st.booleans()) if signature is None else signature
    if with_signature:
        # A PVA signature (PKCS#7) after 9999: never read. Now and then a writer glues it to the
        # 9999 line itself.
        if _rarely(draw):
            data = data[: -len(ending)]
        data += b"SBRCAAEPDR0\x80" + draw(st.binary(max_size=64))
    elif _rarely(draw):
        data = data[: -len(ending)]  # no line ending after 9999

    expected = RevenueMetric(
        cnpj=scp if scp is not None else cnpj,
        company_name=name,
        reference_year=span.end.year,
        period_start=span.start,
        period_end=span.end,
        regime=regime,
        layout_version=version,
        rectifying=rectification != "N",
        receipt=receipt,
        source="ecf",
        periods=tuple(sorted(block.periods, key=lambda period: period.start)),
        warnings=tuple(Finding(code, _PROMISED_MESSAGE) for code in sorted(warnings)),
        managing_partner_cnpj=cnpj if scp is not None else None,
        partial_year=span.partial,
        fingerprint=None,
        gross_revenue=year["gross_revenue"],
        cancellations=year["cancellations"],
        discounts=year["discounts"],
        taxes=year["taxes"],
        other_deductions=year["other_deductions"],
        net_revenue=year["net_revenue"],
    )
    return data, expected


def _year(periods: Sequence[PeriodMetric]) -> dict[str, Decimal | None]:
    """The year: each component summed over the periods read, unknown if unknown in any."""
    out: dict[str, Decimal | None] = {}
    for name in MONEY_FIELDS[:5]:
        values = [getattr(period, name) for period in periods]
        out[name] = None if None in values else sum(values, Decimal("0.00"))
    parts = [out[name] for name in MONEY_FIELDS[:5]]
    known = [part for part in parts if part is not None]
    out["net_revenue"] = known[0] - sum(known[1:], Decimal("0.00")) if len(known) == 5 else None
    return out
