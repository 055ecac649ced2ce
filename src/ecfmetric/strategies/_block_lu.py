"""Blocks L (Lucro Real) and U (imunes and isentas): the DRE periods, annual with balancetes
or quarterly.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from ._draws import _nonzero_amount, _rarely
from ._dre import _cumulative, _dre, _dre_components, _render_dre
from ._noise import _with_noise
from ._spans import _Block, _ddmmyyyy, _month_end, _period_metric, _Span

_DRE_REGISTER = {"L": "L300", "P": "P150", "U": "U150"}


@st.composite
def _dre_periods(
    draw: st.DrawFn,
    *,
    block: str,
    annual: bool,
    span: _Span,
    version: str,
    amounts: st.SearchStrategy[int],
    anomalies: bool,
    noise: bool,
) -> _Block:
    """Lucro Real (block L) or imunes/isentas (block U): A00 with balancetes, or the quarters."""
    register = _DRE_REGISTER[block]
    plan = "U" if block == "U" else "A"
    out = _Block(records=[], periods=[], warnings=set())
    if not annual:
        for quarter, start, end in span.quarters():
            dre = draw(
                _dre(
                    plan=plan,
                    version=version,
                    amounts=amounts,
                    anomalies=anomalies,
                    noise=noise,
                    may_be_empty=True,
                )
            )
            head = f"|{block}030|{_ddmmyyyy(start)}|{_ddmmyyyy(end)}|T0{quarter}|"
            out.records += _with_noise(
                draw, block, [head, *_render_dre(draw, register, dre)], noise
            )
            out.periods.append(
                _period_metric(f"T0{quarter}", start, end, block, register, _dre_components(dre))
            )
            out.warnings |= dre.warnings
        return out
    dre = draw(
        _dre(
            plan=plan,
            version=version,
            amounts=amounts,
            anomalies=anomalies,
            noise=noise,
            may_be_empty=True,
        )
    )
    head = f"|{block}030|{_ddmmyyyy(span.start)}|{_ddmmyyyy(span.end)}|A00|"
    a00 = _with_noise(draw, block, [head, *_render_dre(draw, register, dre)], noise)
    out.periods.append(
        _period_metric("A00", span.start, span.end, block, register, _dre_components(dre))
    )
    out.warnings |= dre.warnings
    # Cumulative balancetes A01…A12: never added; A12 is compared with A00.
    months = list(range(span.start.month, span.end.month + 1))
    chosen = sorted(draw(st.lists(st.sampled_from(months), unique=True, max_size=3)))
    balancetes: list[str] = []
    for month in chosen:
        balancete = _cumulative(dre, month)
        gross = [i for i, leaf in enumerate(balancete.leaves) if leaf.component == "gross_revenue"]
        if month == 12 and gross and _rarely(draw, anomalies):
            # A12's gross revenue (general or rural activity) differs from A00's.
            at = draw(st.sampled_from(gross))
            leaf = balancete.leaves[at]
            balancete.leaves[at] = replace(leaf, cents=leaf.cents + _nonzero_amount(draw))
            out.warnings.add("A12_A00_MISMATCH")
        end = min(_month_end(span.start.year, month), span.end)
        head = f"|{block}030|{_ddmmyyyy(span.start)}|{_ddmmyyyy(end)}|A{month:02d}|"
        balancetes += [head, *_render_dre(draw, register, balancete)]
    out.records = a00 + balancetes if draw(st.booleans()) else balancetes + a00
    out.mes_bal_red = "".join(
        "0" if month not in months else ("B" if month in chosen else "E") for month in range(1, 13)
    )
    return out
