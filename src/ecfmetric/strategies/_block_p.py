"""Block P (Lucro Presumido): P150 at A00 or per quarter with P200 consistent with it, or P200
and P300 16 alone on a cash book.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ._draws import _nonzero_amount, _rarely, _split
from ._dre import _dre, _dre_components, _render_dre
from ._noise import _BALANCE_NOISE, _table_noise, _with_noise
from ._spans import _Block, _ddmmyyyy, _period_metric, _Span
from ._tables import _render_table, _unknown

_P200_REVENUE = (
    ("2", "Receita Bruta Sujeita ao Percentual de 1,6%"),
    ("4", "Receita Bruta Sujeita ao Percentual de 8%"),
    ("6", "Receita Bruta Sujeita ao Percentual de 16%"),
    ("8", "Receita Bruta Sujeita ao Percentual de 32%"),
    ("9", "Receita Bruta Sujeita ao Percentual de 38,4%"),
)
#: P200 lines that are not revenue (docs/metric.md: codes 10–26), P300 15, P400 (CSLL).
_P_NOISE = (
    ("P200", "10", "RESULTADO DA APLICAÇÃO DOS PERCENTUAIS SOBRE A RECEITA BRUTA AJUSTADO"),
    ("P200", "11", "Rendimentos e Ganhos Líquidos de Aplicações de Renda Fixa e Renda Variável"),
    ("P200", "20", "Demais Receitas e Ganhos de Capital"),
    ("P200", "26", "BASE DE CÁLCULO DO IMPOSTO SOBRE O LUCRO PRESUMIDO"),
    ("P300", "15", "IMPOSTO DE RENDA A PAGAR"),
    ("P400", "2", "Receita Bruta Sujeita ao Percentual de 12%"),
    ("P400", "4", "Receita Bruta Sujeita ao Percentual de 32%"),
    ("P400", "21", "BASE DE CÁLCULO DA CSLL"),
)
_P300_RET = ("P300", "16", "RECEITAS DA ATIVIDADE IMOBILIÁRIA TRIBUTADAS PELO RET")


@st.composite
def _p200_revenue(
    draw: st.DrawFn, total: int | None, amounts: st.SearchStrategy[int], version: str
) -> list[tuple[str, str, str, int]]:
    """P200 revenue lines (codes 2, 4, 6, 8, 9) and maybe P300 16: drawn, or adding to ``total``.

    Code 9 (38,4 %) is a row of the RFB's P200 table from 01/01/2019 (leiaute 0006) only."""
    codes = _P200_REVENUE if version >= "0006" else _P200_REVENUE[:-1]
    lines = [
        ("P200", code, text)
        for code, text in draw(
            st.lists(
                st.sampled_from(codes),
                unique=True,
                # At least one line: a quarter with no P200/T120 line at all states no revenue,
                # and read() refuses it rather than count it as zero.
                min_size=1,
                max_size=3,
            )
        )
    ]
    if draw(st.booleans()):
        lines.append(_P300_RET)
    if total is not None:
        values = _split(draw, total, len(lines))
    else:
        values = [draw(amounts) * (-1 if _rarely(draw) else 1) for _ in lines]
    return [
        (record, code, text, value)
        for (record, code, text), value in zip(lines, values, strict=True)
    ]


@st.composite
def _presumido(
    draw: st.DrawFn,
    *,
    variant: str,
    span: _Span,
    version: str,
    amounts: st.SearchStrategy[int],
    anomalies: bool,
    noise: bool,
) -> _Block:
    """Block P: P150 at A00 or per quarter (with P200 consistent with it), or P200 alone."""
    out = _Block(records=[], periods=[], warnings=set())
    quarters = span.quarters()
    if variant in ("presumido_cash_book", "presumido_books_without_p150"):
        if variant == "presumido_books_without_p150" and draw(st.booleans()):
            # A P030 A00 without P150 (its balance sheet only): the quarters' P200 is read.
            head = f"|P030|{_ddmmyyyy(span.start)}|{_ddmmyyyy(span.end)}|A00|"
            out.records += [head, _BALANCE_NOISE["P"][0]]
        for quarter, start, end in quarters:
            lines = draw(_p200_revenue(None, amounts, version))
            head = f"|P030|{_ddmmyyyy(start)}|{_ddmmyyyy(end)}|T0{quarter}|"
            rows = _render_table(draw, lines + _table_noise(draw, _P_NOISE, amounts, noise))
            out.records += _with_noise(draw, "P", [head, *rows], noise)
            gross = sum(line[3] for line in lines)
            out.periods.append(
                _period_metric(f"T0{quarter}", start, end, "P", "P200", _unknown(gross))
            )
        return out
    annual = variant == "presumido_p150_annual"
    with_p200 = draw(st.booleans())
    mismatch = with_p200 and _rarely(draw, anomalies)
    dres = []
    if annual:
        # may_be_empty=False: the reader takes a P150 with no line of the revenue subtree for no
        # P150 and reads P200, where docs/metric.md says gross 0 with NO_REVENUE_LINES (a
        # disagreement reported to the reader's owner; tests/test_strategies.py pins it).
        dre = draw(
            _dre(
                plan="A",
                version=version,
                amounts=amounts,
                anomalies=anomalies,
                noise=noise,
                may_be_empty=False,
            )
        )
        dres.append(dre)
        head = f"|P030|{_ddmmyyyy(span.start)}|{_ddmmyyyy(span.end)}|A00|"
        out.records += _with_noise(draw, "P", [head, *_render_dre(draw, "P150", dre)], noise)
        parts = _dre_components(dre)
        out.periods.append(_period_metric("A00", span.start, span.end, "P", "P150", parts))
        targets = _split(
            draw,
            parts["gross_revenue"] - parts["cancellations"] - parts["discounts"],
            len(quarters),
        )
    else:
        targets = []
        for _ in quarters:
            dre = draw(
                _dre(
                    plan="A",
                    version=version,
                    amounts=amounts,
                    anomalies=anomalies,
                    noise=noise,
                    may_be_empty=False,
                )
            )
            dres.append(dre)
            parts = _dre_components(dre)
            targets.append(parts["gross_revenue"] - parts["cancellations"] - parts["discounts"])
    for dre in dres:
        out.warnings |= dre.warnings
    off = draw(st.integers(0, len(quarters) - 1)) if mismatch else -1
    for index, (quarter, start, end) in enumerate(quarters):
        head = f"|P030|{_ddmmyyyy(start)}|{_ddmmyyyy(end)}|T0{quarter}|"
        body: list[str] = []
        if not annual:
            body += _render_dre(draw, "P150", dres[index])
            out.periods.append(
                _period_metric(
                    f"T0{quarter}", start, end, "P", "P150", _dre_components(dres[index])
                )
            )
        lines = _table_noise(draw, _P_NOISE, amounts, noise)
        if with_p200:
            # Σ P200 2, 4, 6, 8, 9 + P300 16 = P150 gross − cancellations − discounts, per quarter
            # (or over the year against A00); ``off`` breaks it on purpose.
            lines += draw(
                _p200_revenue(
                    targets[index] + (_nonzero_amount(draw) if index == off else 0),
                    amounts,
                    version,
                )
            )
        body += _render_table(draw, lines)
        out.records += _with_noise(draw, "P", [head, *body], noise)
    if mismatch:
        out.warnings.add("P200_P150_MISMATCH")
    return out
