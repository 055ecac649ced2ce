"""The text of each warning the metric gives: one function per message, under its code.

The logic decides the code and the line a warning points at; these functions only say it. Each
template is the English text and the key of its Portuguese in ``base/_messages_pt.py``
(``base/_i18n.tr``). The refusals carry their own text (``_refusals.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from ..base._i18n import Localized, Message, tr
from ..facts._collect import DreLine
from ..model._labels import COMPONENT_WORDS, money
from ..model._model import Component

# -- the year ------------------------------------------------------------------------------------


def negative_net_revenue(deductions: Decimal, gross: Decimal, net: Decimal) -> Message:
    """NEGATIVE_NET_REVENUE."""
    return tr(
        "the deductions ({deductions}) are larger than the gross revenue ({gross}): "
        "net revenue is {net}. The figure stands as the file states it; check the "
        "file before it is used",
        deductions=deductions,
        gross=gross,
        net=net,
    )


def partial_year(start: dt.date, end: dt.date) -> Message:
    """PARTIAL_YEAR."""
    return tr(
        "the file covers {start} to {end}, not the whole calendar year: the metric "
        "covers that span only",
        start=start,
        end=end,
    )


def cod_qualif_pj_missing() -> Message:
    """COD_QUALIF_PJ_MISSING."""
    return tr(
        "0010.COD_QUALIF_PJ is empty: the DRE was read with the general plan "
        "(L300A/P150A, PJ em geral); a financial institution or insurer must "
        "fill it"
    )


def periods_not_covering(
    start: dt.date, end: dt.date, file_start: dt.date, file_end: dt.date
) -> Message:
    """PERIODS_NOT_CONTIGUOUS: the periods read do not span the file."""
    return tr(
        "the periods read cover {start} to {end}, but the file covers {file_start} to {file_end}",
        start=start,
        end=end,
        file_start=file_start,
        file_end=file_end,
    )


def periods_gap(
    period: str, block: str, start: dt.date, previous: str, previous_block: str, end: dt.date
) -> Message:
    """PERIODS_NOT_CONTIGUOUS: a gap or an overlap between two periods read."""
    return tr(
        "period {period} of block {block} starts on {start}, but {previous} of "
        "block {previous_block} ends on {end}: the periods read leave a gap or "
        "overlap",
        period=period,
        block=block,
        start=start,
        previous=previous,
        previous_block=previous_block,
        end=end,
    )


def unknown_components_of_tables(records: Iterable[str], unknown: Sequence[str]) -> Message:
    """UNKNOWN_COMPONENTS: revenue stated only in a table (P200, T120)."""
    return tr(
        "the file states revenue only in {records}, which is already net of returns, "
        "cancellations and unconditional discounts and does not state the taxes on "
        "sales: {unknown} and net revenue are unknown. Fill the form to give them",
        records=", ".join(records),
        unknown=Localized(
            ", ".join(COMPONENT_WORDS["pt"][name] for name in unknown),
            ", ".join(COMPONENT_WORDS["en"][name] for name in unknown),
        ),
    )


# -- a DRE period --------------------------------------------------------------------------------


def no_revenue_subtree(period: str) -> Message:
    """NO_REVENUE_LINES: a plan read by its rows."""
    return tr(
        "period {period} has no line of the revenue subtree: gross revenue 0",
        period=period,
    )


def no_line_of(period: str, code: str) -> Message:
    """NO_REVENUE_LINES: the COSIF plan."""
    return tr(
        "period {period} has no line of {code}: gross revenue 0",
        period=period,
        code=code,
    )


def no_line(period: str, code: str) -> Message:
    """NO_REVENUE_LINES: the insurers' plan."""
    return tr(
        "period {period} has no {code} line: gross revenue 0",
        period=period,
        code=code,
    )


def net_only(period: str, codes: Iterable[str]) -> Message:
    """UNKNOWN_COMPONENTS: a DRE with its RECEITA LIQUIDA only."""
    return tr(
        "period {period} states RECEITA LIQUIDA ({codes}) but none of the lines "
        "below it: gross revenue and its deductions are unknown. Fill the form to "
        "give them",
        period=period,
        codes=", ".join(codes),
    )


def deductions_not_split(period: str, not_split: Sequence[DreLine], net: Decimal | None) -> Message:
    """DEDUCTIONS_NOT_SPLIT, with the file's RECEITA LIQUIDA when it states one."""
    subtotals = Localized(
        ", ".join(f"{line.code} = {money(-line.value, 'pt')}" for line in not_split),
        ", ".join(f"{line.code} = {-line.value:.2f}" for line in not_split),
    )
    if net is not None:
        return tr(
            "period {period} gives the deductions subtotal ({subtotals}) without the "
            "lines below it, so how it splits into cancellations, discounts, taxes and "
            "other deductions is unknown; the file's RECEITA LIQUIDA is {net}. Fill the "
            "form to give them",
            period=period,
            subtotals=subtotals,
            net=net,
        )
    return tr(
        "period {period} gives the deductions subtotal ({subtotals}) without the "
        "lines below it, so how it splits into cancellations, discounts, taxes and "
        "other deductions is unknown. Fill the form to give them",
        period=period,
        subtotals=subtotals,
    )


def net_revenue_line_missing(period: str, code: str) -> Message:
    """NET_REVENUE_LINE_MISSING."""
    return tr(
        "period {period} has revenue lines but no {code} RECEITA LIQUIDA line to "
        "check the net against",
        period=period,
        code=code,
    )


def net_revenue_mismatch(period: str, stated: Decimal, computed: Decimal) -> Message:
    """NET_REVENUE_MISMATCH."""
    return tr(
        "period {period}: the file's RECEITA LIQUIDA is {stated}, but its lines give "
        "{computed} (gross − deductions); the computed figure is used",
        period=period,
        stated=stated,
        computed=computed,
    )


def proxy_definition(proxy: str | None) -> Message:
    """PROXY_DEFINITION: ``proxy`` is the plan's own (a template kept in rules/_plans.py)."""
    return tr(
        "this plan has no receita bruta subtree; the metric is a {proxy}",
        proxy=tr(proxy or ""),
    )


def insurer_rfb_revenue(period: str, amount: Decimal) -> Message:
    """INSURER_RFB_REVENUE."""
    return tr(
        "period {period}: the RFB's own revenue for insurers (PRÊMIOS GANHOS + OUTROS "
        "GANHOS, which nets claims and commissions) is {amount}; shown for comparison, "
        "not used",
        period=period,
        amount=amount,
    )


def unusual_sign(code: str, component: Component, indicator: str, expected: str) -> Message:
    """UNUSUAL_SIGN."""
    return tr(
        "{code} ({component}) is {indicator}; {expected} was expected. Its sign is kept",
        code=code,
        component=component,
        indicator=indicator,
        expected=expected,
    )


def synthetic_sum_mismatch(period: str, code: str, amount: Decimal, total: Decimal) -> Message:
    """SYNTHETIC_SUM_MISMATCH."""
    return tr(
        "period {period}: {code} is {amount}, but its lines below add up to {total}",
        period=period,
        code=code,
        amount=amount,
        total=total,
    )


def a12_a00_mismatch(a12: Decimal, a00: Decimal) -> Message:
    """A12_A00_MISMATCH."""
    return tr(
        "gross revenue of A12 (balancete up to December, {a12}) differs from A00 "
        "({a00}); A00 is used",
        a12=a12,
        a00=a00,
    )


# -- a revenue table (P200, T120) ----------------------------------------------------------------


def described_otherwise(record: str, code: str, description: str) -> Message:
    """P200_DESCRIPTION_MISMATCH, T120_DESCRIPTION_MISMATCH: a revenue code, added."""
    return tr(
        "{record} code {code} is receita bruta in the RFB's table, but is "
        "described as {description!r}; added by its code",
        record=record,
        code=code,
        description=description,
    )


def not_a_revenue_code(record: str, code: str, description: str, revenue: Iterable[str]) -> Message:
    """P200_DESCRIPTION_MISMATCH, T120_DESCRIPTION_MISMATCH: another code, not added."""
    return tr(
        "{record} code {code} is described as {description!r}, but only codes "
        "{codes} are receita bruta in the RFB's table; not added",
        record=record,
        code=code,
        description=description,
        codes=", ".join(sorted(revenue, key=int)),
    )


# -- the cross-checks with other records ---------------------------------------------------------


def the_year() -> Message:
    """The label of the whole year in P200_P150_MISMATCH."""
    return tr("the year")


def p200_p150_mismatch(
    label: Message | str, total: Decimal, expected: Decimal, *, cosif: bool
) -> Message:
    """P200_P150_MISMATCH: with a bank's RECEITAS OPERACIONAIS (COSIF) or gross − cancellations −
    discounts."""
    if cosif:
        return tr(
            "{label}: P200 revenue (codes 2, 4, 6, 8, 9 + P300 16) is {total}, but "
            "P150's RECEITAS OPERACIONAIS (COSIF) is {expected}",
            label=label,
            total=total,
            expected=expected,
        )
    return tr(
        "{label}: P200 revenue (codes 2, 4, 6, 8, 9 + P300 16) is {total}, but "
        "P150 gross − cancellations − discounts is {expected}",
        label=label,
        total=total,
        expected=expected,
    )


def y540_mismatch(total: Decimal, expected: Decimal) -> Message:
    """Y540_MISMATCH."""
    return tr(
        "Y540 revenue by establishment adds up to {total}, but gross − cancellations "
        "− discounts is {expected}",
        total=total,
        expected=expected,
    )
