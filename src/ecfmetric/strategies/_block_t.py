"""Block T (Lucro Arbitrado): T120 and T150 revenue lines per quarter."""

from __future__ import annotations

from hypothesis import strategies as st

from ._draws import _nonzero_amount, _rarely
from ._noise import _table_noise, _with_noise
from ._spans import _Block, _ddmmyyyy, _period_metric, _Span
from ._tables import _render_table, _unknown

_T120_REVENUE = (
    ("2", "Receita Bruta Sujeita ao Percentual de 1,92%"),
    ("4", "Receita Bruta Sujeita ao Percentual de 9,6%"),
    ("6", "Receita Bruta Sujeita ao Percentual de 19,2%"),
    ("8", "Receita Bruta Sujeita ao Percentual de 38,4%"),
    ("10", "Receita Bruta Sujeita ao Percentual de 45%"),
)
_T_NOISE = (
    ("T120", "26", "BASE DE CÁLCULO"),
    ("T150", "16", "IMPOSTO DE RENDA A PAGAR"),
    ("T170", "2", "Receita Bruta Sujeita ao Percentual de 12%"),
    ("T170", "4", "Receita Bruta Sujeita ao Percentual de 32%"),
    ("T170", "13", "Lucros Disponibilizados no Exterior"),
)


@st.composite
def _arbitrado(
    draw: st.DrawFn, *, span: _Span, amounts: st.SearchStrategy[int], anomalies: bool, noise: bool
) -> _Block:
    """Block T: T120 codes 2, 4, 6, 8, 10 and T150 3, 17 per quarter; T170 is never added."""
    out = _Block(records=[], periods=[], warnings=set())
    for quarter, start, end in span.quarters():
        # At least one T120 line: a quarter with none states no revenue (read() refuses it).
        chosen = draw(st.lists(st.sampled_from(_T120_REVENUE), unique=True, min_size=1, max_size=4))
        revenue = [
            ("T120", code, text, draw(amounts) * (-1 if _rarely(draw) else 1))
            for code, text in chosen
        ]
        lines = revenue + _table_noise(draw, _T_NOISE, amounts, noise)
        if _rarely(draw, anomalies):
            # Described as revenue under a code that is not: not added, T120_DESCRIPTION_MISMATCH.
            # Codes of the RFB's T120 table that are not revenue (3 and 5 are no code of it).
            code = draw(st.sampled_from(["1", "12", "13", "22"]))
            text = draw(
                st.sampled_from(
                    [
                        "Receita Bruta Sujeita ao Percentual de 9,6%",
                        "RECEITA BRUTA SUJEITA AO PERCENTUAL DE 38,4%",
                    ]
                )
            )
            lines.append(("T120", code, text, draw(amounts)))
            out.warnings.add("T120_DESCRIPTION_MISMATCH")
        real_estate: list[tuple[str, str, str, int]] = []
        if noise or anomalies:
            # T150 3 (real-estate revenue) and 17 (real-estate revenue under the RET) are
            # receita bruta of arbitrado too (the RFB's T150 table): added, each its own line.
            t150_3 = _nonzero_amount(draw) if _rarely(draw, anomalies) else 0
            real_estate.append(("T150", "3", "Receita da Atividade Imobiliária", t150_3))
            if _rarely(draw, anomalies):
                real_estate.append(
                    (
                        "T150",
                        "17",
                        "RECEITAS DA ATIVIDADE IMOBILIÁRIA TRIBUTADAS PELO RET",
                        _nonzero_amount(draw),
                    )
                )
        lines += real_estate
        head = f"|T030|{_ddmmyyyy(start)}|{_ddmmyyyy(end)}|T0{quarter}|"
        out.records += _with_noise(draw, "T", [head, *_render_table(draw, lines)], noise)
        gross = sum(line[3] for line in (*revenue, *real_estate))
        out.periods.append(_period_metric(f"T0{quarter}", start, end, "T", "T120", _unknown(gross)))
    return out
