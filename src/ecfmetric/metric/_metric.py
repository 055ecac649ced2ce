"""From collected file data to a :class:`RevenueMetric` (docs/metric.md).

The year is made of the periods the declaration gives (``_year_periods``); each period's five
components come from its DRE, read by its plan (``_dre_rows``, or the proxies of
``_dre_proxies``), or from its revenue table (``_revenue_tables``); the year's sum is then
cross-checked (``_checks``). Every value read leaves its source line, every doubt a warning
(``_trail``); every refusal is in ``_refusals``.
"""

from __future__ import annotations

from decimal import Decimal

from ..ecf._layout import DRE_RECORD
from ..facts._collect import FileData, Period
from ..model._model import PeriodMetric, Regime, RevenueMetric
from ..rules._parameters import Header, Parameters
from ..rules._plans import PLAN_COSIF, PLAN_INSURER, PLANS, plan_name
from . import _messages as says
from . import _refusals as refuse
from ._checks import check_contiguous, check_negative_net, check_p200, check_unknown, check_y540
from ._components import Components
from ._dre_proxies import cosif_components, insurer_components
from ._dre_rows import rows_components
from ._fingerprint import fingerprint
from ._revenue_tables import table_components
from ._trail import Trail
from ._year_periods import Mode, read_from, year_periods


def compute_metric(data: FileData, source: str | None = None) -> RevenueMetric:
    """The metric of one collected file."""
    trail = Trail(source, data.warnings)
    header = data.header
    parameters = data.parameters
    if parameters is None:
        raise refuse.no_regime(header, source)
    regime = Regime.from_forma_trib(parameters.forma_trib)
    used = year_periods(trail, data, parameters)
    check_contiguous(trail, [period for period, _ in used], header)

    year = Components()
    breakdown: list[PeriodMetric] = []
    # x030 line → the period's gross revenue as read (for the P200 cross-check).
    gross_of: dict[int, Decimal | None] = {}
    for period, mode in used:
        components = _period_components(trail, period, mode, parameters)
        gross_of[period.line_number] = components.gross_revenue
        year.add_period(components)
        breakdown.append(_period_metric(period, mode, components))
    check_unknown(trail, year, used)
    check_negative_net(trail, year, used)
    check_p200(trail, data, used, gross_of)
    check_y540(trail, data, year)
    partial = _partial(header)
    if partial:
        trail.warn(
            "PARTIAL_YEAR", says.partial_year(header.start, header.end), header.line_number, "0000"
        )
    scp = header.scp_cnpj
    return RevenueMetric(
        cnpj=scp if scp is not None else header.cnpj,
        company_name=header.name,
        reference_year=header.end.year,
        period_start=header.start,
        period_end=header.end,
        regime=regime,
        layout_version=header.layout_version,
        rectifying=header.rectification in ("S", "F"),
        receipt=header.receipt,
        source="ecf",
        gross_revenue=year.gross_revenue,
        cancellations=year.cancellations,
        discounts=year.discounts,
        taxes=year.taxes,
        other_deductions=year.other_deductions,
        net_revenue=year.net(),
        periods=tuple(breakdown),
        lines=tuple(trail.lines),
        warnings=tuple(trail.warnings),
        managing_partner_cnpj=header.cnpj if scp is not None else None,
        partial_year=partial,
        fingerprint=fingerprint(data, trail.lines),
        file_name=source,
    )


def _period_components(
    trail: Trail, period: Period, mode: Mode, parameters: Parameters
) -> Components:
    if mode == "table":
        return table_components(trail, period)
    name = plan_name(period.block, parameters.cod_qualif_pj, parameters.tip_ent)
    assert name is not None  # refused before: COD_QUALIF_PJ, REFUSED_TIP_ENT (_year_periods)
    plan = PLANS[name]
    record = DRE_RECORD[period.block]
    if plan is PLAN_COSIF:
        return cosif_components(trail, period, record)
    if plan is PLAN_INSURER:
        return insurer_components(trail, period, record)
    return rows_components(trail, period, record, plan)


def _period_metric(period: Period, mode: Mode, components: Components) -> PeriodMetric:
    return PeriodMetric(
        period=period.code,
        start=period.start,
        end=period.end,
        block=period.block,
        record=read_from(period.block, mode),
        gross_revenue=components.gross_revenue,
        cancellations=components.cancellations,
        discounts=components.discounts,
        taxes=components.taxes,
        other_deductions=components.other_deductions,
        net_revenue=components.net(),
    )


def _partial(header: Header) -> bool:
    """Whether the file covers less than the calendar year (an event: merger, split, ending)."""
    return (header.start.month, header.start.day) != (1, 1) or (
        header.end.month,
        header.end.day,
    ) != (12, 31)
