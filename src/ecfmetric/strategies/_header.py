"""Block 0: records 0000 and 0010 in the shape of each layout version."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import strategies as st

from ..model._model import Regime
from ._draws import _rarely
from ._spans import _ddmmyyyy, _Span

_FORMA_TRIB = {
    Regime.LUCRO_REAL: "1",
    Regime.LUCRO_PRESUMIDO: "5",
    Regime.LUCRO_ARBITRADO: "6",
    Regime.IMUNE: "8",
    Regime.ISENTA: "9",
}


def _r0000(
    version: str,
    cnpj: str,
    name: str,
    span: _Span,
    rectification: str,
    receipt: str | None,
    tip_ecf: str,
    scp: str | None,
) -> str:
    # 15 fields up to leiaute 0011, 16 in 0012 (ecf-layout.md §2.1).
    ind_sit_ini = "0" if (span.start.month, span.start.day) == (1, 1) else "1"
    closing = (span.end.month, span.end.day) == (12, 31)
    fields = [
        "LECF",
        version,
        cnpj,
        name,
        ind_sit_ini,
        "0" if closing else "1",
        "",
        "" if closing else _ddmmyyyy(span.end),
        _ddmmyyyy(span.start),
        _ddmmyyyy(span.end),
        rectification,
        receipt or "",
        tip_ecf,
        scp or "",
    ]
    if version >= "0012":
        fields.append("")
    return "|0000|" + "|".join(fields) + "|"


def _r0010(version: str, values: Mapping[str, str]) -> str:
    # FORMA_TRIB is field 5 up to leiaute 0006 (after OPT_PAES) and field 4 from 0007.
    tail = [
        values.get(name, "")
        for name in (
            "FORMA_TRIB",
            "FORMA_APUR",
            "COD_QUALIF_PJ",
            "FORMA_TRIB_PER",
            "MES_BAL_RED",
            "TIP_ESC_PRE",
            "TIP_ENT",
            "FORMA_APUR_I",
            "APUR_CSLL",
        )
    ]
    head = ["", "N"]  # HASH_ECF_ANTERIOR, OPT_REFIS
    if version <= "0002":
        fields = [*head, "N", *tail, "N", ""]  # OPT_PAES … OPT_EXT_RTT, DIF_FCONT
    elif version <= "0006":
        fields = [*head, "N", *tail, values.get("IND_REC_RECEITA", "")]
    else:
        fields = [*head, *tail, values.get("IND_REC_RECEITA", "")]
    return "|0010|" + "|".join(fields) + "|"


def _parameters(
    draw: st.DrawFn,
    regime: Regime,
    variant: str,
    span: _Span,
    mes_bal_red: str,
    anomalies: bool,
) -> tuple[dict[str, str], set[str]]:
    """0010's values for a file of ``regime`` and ``variant``, and the warnings they bring."""
    parameters: dict[str, str] = {"FORMA_TRIB": _FORMA_TRIB[regime]}
    warnings: set[str] = set()
    # An empty COD_QUALIF_PJ in Lucro Real or Presumido is read with the general plan, warned.
    qualification = "01"
    if regime in (Regime.LUCRO_REAL, Regime.LUCRO_PRESUMIDO) and _rarely(draw, anomalies):
        qualification = ""
        warnings.add("COD_QUALIF_PJ_MISSING")
    if regime is Regime.LUCRO_REAL:
        annual = variant == "real_annual"
        parameters |= {
            "FORMA_APUR": "A" if annual else "T",
            "COD_QUALIF_PJ": qualification,
            "FORMA_TRIB_PER": span.letters(draw(st.sampled_from("RE")) if annual else "R"),
            "MES_BAL_RED": mes_bal_red,
        }
    elif regime is Regime.LUCRO_PRESUMIDO:
        parameters |= {
            "FORMA_APUR": "T",
            "COD_QUALIF_PJ": qualification,
            "FORMA_TRIB_PER": span.letters("P"),
            "TIP_ESC_PRE": "L"
            if variant in ("presumido_cash_book", "presumido_books_without_p150")
            else "C",
            "IND_REC_RECEITA": "1" if variant == "presumido_cash_book" else "2",
        }
    elif regime is Regime.LUCRO_ARBITRADO:
        parameters |= {
            "FORMA_APUR": "T",
            "COD_QUALIF_PJ": "01",
            "FORMA_TRIB_PER": span.letters("A"),
            "IND_REC_RECEITA": "2",
        }
    else:
        apuration = "A" if variant == "u150_annual" else "T"
        parameters |= {
            "TIP_ESC_PRE": draw(st.sampled_from("CL")),
            # TIP_ENT selects plan U150A; 06, 11, 12 and 15 select other plans.
            "TIP_ENT": draw(
                st.sampled_from(
                    ["01", "02", "03", "04", "05", "07", "08", "09", "10", "13", "14", "99"]
                )
            ),
            "FORMA_APUR_I": apuration,
            "APUR_CSLL": apuration,
        }
    return parameters, warnings
