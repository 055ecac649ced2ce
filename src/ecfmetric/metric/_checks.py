"""The cross-checks: figures the file states twice, compared, each difference a warning.

None changes a figure: the metric stands as read, and the warning says where to look.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal

from ..base._i18n import Message
from ..ecf._layout import LAST_Y540_LAYOUT
from ..facts._collect import DreLine, FileData, Period, TableLine
from ..model._model import COMPONENT_FIELDS, Component
from ..rules._parameters import Header, Parameters
from ..rules._plans import PLAN_COSIF, PLANS, TABLES, plan_name
from . import _messages as says
from ._components import ZERO, Components, rows_of
from ._dre_tree import DreTree
from ._trail import Trail

# -- within a period's DRE -----------------------------------------------------------------------


def sign_check(trail: Trail, line: DreLine, component: Component, record: str) -> None:
    """A line whose ``IND_VALOR`` is not its component's usual sign (kept as stated)."""
    expected = "C" if component == "gross_revenue" else "D"
    if line.value != 0 and line.indicator != expected:
        trail.warn(
            "UNUSUAL_SIGN",
            says.unusual_sign(line.code, component, line.indicator, expected),
            line.line_number,
            record,
        )


def check_synthetics(
    trail: Trail, tree: DreTree, period: Period, record: str, nets: tuple[str, ...]
) -> None:
    """Each synthetic line against the sum of the lines below it."""
    for code, children in tree.children.items():
        if code in nets:
            continue  # the file's RECEITA LIQUIDA: checked against the computed net instead
        line = period.dre[code]
        total = sum((period.dre[c].value for c in children), ZERO)
        if total != line.value:
            trail.warn(
                "SYNTHETIC_SUM_MISMATCH",
                says.synthetic_sum_mismatch(period.code, code, line.value, total),
                line.line_number,
                record,
            )


def check_a12(
    trail: Trail, periods: Sequence[Period], annual: Period, parameters: Parameters
) -> None:
    """The gross revenue of A12 (the balancete up to December) against A00's."""
    a12 = next((p for p in periods if p.code == "A12"), None)
    name = plan_name(annual.block, parameters.cod_qualif_pj, parameters.tip_ent)
    if a12 is None or name not in ("A", "U_A"):
        return
    roots = rows_of(PLANS[name], "gross_revenue")
    a00_tree, a12_tree = DreTree(annual.dre), DreTree(a12.dre)
    a00_gross = sum((a00_tree.value(root) for root in roots), ZERO)
    a12_gross = sum((a12_tree.value(root) for root in roots), ZERO)
    if a00_gross != a12_gross:
        trail.warn(
            "A12_A00_MISMATCH",
            says.a12_a00_mismatch(a12_gross, a00_gross),
            a12.line_number,
            a12.record,
        )


# -- the year ------------------------------------------------------------------------------------


def check_contiguous(trail: Trail, periods: Sequence[Period], header: Header) -> None:
    """The periods read, in order, against the file's span and each other."""
    if periods and (periods[0].start != header.start or periods[-1].end != header.end):
        trail.warn(
            "PERIODS_NOT_CONTIGUOUS",
            says.periods_not_covering(periods[0].start, periods[-1].end, header.start, header.end),
            periods[0].line_number,
            periods[0].record,
        )
    for before, after in itertools.pairwise(periods):
        if after.start != before.end + dt.timedelta(days=1):
            trail.warn(
                "PERIODS_NOT_CONTIGUOUS",
                says.periods_gap(
                    after.code, after.block, after.start, before.code, before.block, before.end
                ),
                after.line_number,
                after.record,
            )


def check_unknown(trail: Trail, year: Components, used: Sequence[tuple[Period, str]]) -> None:
    """The components a revenue table (P200, T120) leaves unknown."""
    unknown = [name for name in COMPONENT_FIELDS[1:] if getattr(year, name) is None]
    tables = [period for period, mode in used if mode == "table"]
    if not unknown or not tables:
        return  # a DRE period with unknowns has said so itself
    records = sorted({line.record for period in tables for line in period.tables} or {"P200"})
    trail.warn(
        "UNKNOWN_COMPONENTS",
        says.unknown_components_of_tables(records, unknown),
        used[0][0].line_number if used else None,
    )


def check_negative_net(trail: Trail, year: Components, used: Sequence[tuple[Period, str]]) -> None:
    """Deductions larger than the gross revenue: the figure stands, with a warning."""
    net = year.net()
    if net is not None and net < 0:
        assert year.gross_revenue is not None
        trail.warn(
            "NEGATIVE_NET_REVENUE",
            says.negative_net_revenue(year.gross_revenue - net, year.gross_revenue, net),
            used[0][0].line_number if used else None,
        )


# -- with other records --------------------------------------------------------------------------


def check_p200(
    trail: Trail,
    data: FileData,
    used: Sequence[tuple[Period, str]],
    gross_of: Mapping[int, Decimal | None],
) -> None:
    """P150 read as the DRE against the P200 revenue of the same quarters (or the year).

    ``gross_of`` is each period's gross revenue as read, by its x030 line.
    """
    dre_periods = [p for p, mode in used if mode == "dre" and p.block == "P"]
    if not dre_periods:
        return
    quarters = [p for p in data.periods if p.block == "P" and p.code.startswith("T")]
    p200 = {p.code: _p200_revenue(p.tables) for p in quarters}
    if not any(v is not None for v in p200.values()):
        return
    pairs: list[tuple[Message | str, Decimal, Decimal, int]] = []
    parameters = data.parameters
    cosif = (
        parameters is not None
        and plan_name("P", parameters.cod_qualif_pj, parameters.tip_ent) == PLAN_COSIF.name
    )
    for period in dre_periods:
        if cosif:
            # A bank's P150B has no cancellations or discounts: P200 is compared with the
            # period's RECEITAS OPERACIONAIS, as read (section 4c).
            expected = gross_of.get(period.line_number) or ZERO
        else:
            tree = DreTree(period.dre)
            expected = sum(
                (
                    tree.value(r + ".01") + tree.value(r + ".02.01") + tree.value(r + ".02.02")
                    for r in rows_of(PLANS["A"], "net")
                ),
                ZERO,
            )
        if period.code == "A00":
            total = sum((v for v in p200.values() if v is not None), ZERO)
            pairs.append((says.the_year(), total, expected, period.line_number))
        elif p200.get(period.code) is not None:
            pairs.append((period.code, p200[period.code] or ZERO, expected, period.line_number))
    for label, total, expected, line_number in pairs:
        if total != expected:
            trail.warn(
                "P200_P150_MISMATCH",
                says.p200_p150_mismatch(label, total, expected, cosif=cosif),
                line_number,
                "P030",
            )


def _p200_revenue(tables: list[TableLine]) -> Decimal | None:
    values = [
        line.value
        for line in tables
        if line.record in ("P200", "P300") and line.code in TABLES[line.record].revenue
    ]
    return sum(values, ZERO) if values else None


def check_y540(trail: Trail, data: FileData, year: Components) -> None:
    """Y540's revenue by establishment (layouts up to its last) against gross − cancellations −
    discounts."""
    if (
        data.y540_total is None
        or data.header.layout_version > LAST_Y540_LAYOUT
        or year.gross_revenue is None
    ):
        return
    expected = year.gross_revenue - (year.cancellations or ZERO) - (year.discounts or ZERO)
    if data.y540_total != expected:
        trail.warn(
            "Y540_MISMATCH",
            says.y540_mismatch(data.y540_total, expected),
            data.y540_line,
            "Y540",
        )
