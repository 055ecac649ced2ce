"""Which periods make the year: for each block the regime assigns quarters to, the periods it
is read from and how (a DRE, or a revenue table), as the declaration in 0010 decides.

A period the regime does not have, a quarter without its period, a declaration the file
contradicts: each is refused with its line (``_refusals.py``), never guessed around.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from ..ecf._layout import DRE_RECORD, quarter_span
from ..facts._collect import FileData, Period
from ..rules._parameters import Parameters, quarter_blocks
from ..rules._periods import BlockRule, NoRule, block_rule
from ..rules._plans import PLAN_BY_QUALIFICATION, REFUSED_TIP_ENT
from . import _messages as says
from . import _refusals as refuse
from ._checks import check_a12
from ._trail import Trail

#: How a period is read: its DRE (L300, P150, U150) or its revenue table (P200, T120).
Mode: TypeAlias = Literal["dre", "table"]


def year_periods(trail: Trail, data: FileData, parameters: Parameters) -> list[tuple[Period, Mode]]:
    """The periods that make the file's year, in date order, each with how to read it."""
    assignments = quarter_blocks(parameters, data.header)
    if not assignments:
        raise refuse.no_quarter(parameters, trail.source)
    used: list[tuple[Period, Mode]] = []
    for block in sorted(set(assignments.values())):
        quarters = sorted(q for q, b in assignments.items() if b == block)
        used.extend(_block_periods(trail, data, block, quarters, parameters))
    used.sort(key=lambda item: item[0].start)
    return used


def read_from(block: str, mode: Mode) -> str:
    """The record a period of ``block`` read in ``mode`` takes its figures from."""
    if mode == "dre":
        return DRE_RECORD[block]
    return "P200" if block == "P" else "T120"


def _block_periods(
    trail: Trail, data: FileData, block: str, quarters: list[int], parameters: Parameters
) -> list[tuple[Period, Mode]]:
    """The periods of ``block`` that make its quarters, each with how to read it."""
    periods = [p for p in data.periods if p.block == block]
    _check_plan(trail, block, parameters)
    try:
        rule = block_rule(block, parameters)
    except NoRule as no_rule:
        raise refuse.no_rule(no_rule, block, parameters, trail.source) from None
    if rule.annual:
        return [(_annual_period(trail, rule, periods, parameters), "dre")]
    chosen, mode = _chosen(trail, block, rule, periods, parameters)
    covered: set[int] = set()
    for period in chosen:
        for quarter in _quarters_of(period, data.header.end.year):
            if quarter not in quarters:
                raise refuse.quarter_not_assigned(period, block, quarter, trail.source)
            covered.add(quarter)
    missing = [q for q in quarters if q not in covered]
    if missing:
        raise refuse.quarters_missing(block, missing, periods, mode, trail.source)
    return [(period, mode) for period in chosen]


def _check_plan(trail: Trail, block: str, parameters: Parameters) -> None:
    """Refuse a block whose declared entity or qualification has no plan to read."""
    if block == "U":
        if parameters.tip_ent in REFUSED_TIP_ENT:
            raise refuse.no_revenue_concept(parameters, trail.source)
    elif block in ("L", "P"):
        allowed = PLAN_BY_QUALIFICATION[block]
        if parameters.cod_qualif_pj == "":
            if not trail.warned("COD_QUALIF_PJ_MISSING"):
                trail.warn(
                    "COD_QUALIF_PJ_MISSING",
                    says.cod_qualif_pj_missing(),
                    parameters.line_number,
                    "0010",
                )
        elif parameters.cod_qualif_pj not in allowed:
            raise refuse.qualification_not_allowed(parameters, block, allowed, trail.source)


def _chosen(
    trail: Trail, block: str, rule: BlockRule, periods: list[Period], parameters: Parameters
) -> tuple[list[Period], Mode]:
    """The periods of a quarterly block that are read, and how."""
    if block == "P":
        # TIP_ESC_PRE decides: C (books) reads the DRE P150, L (cash book) reads P200.
        if _presumido_books(trail, parameters, periods):
            return _annual_or_quarters(periods), "dre"
        return [p for p in periods if p.code.startswith("T") and p.has_revenue_table], "table"
    if block == "T":
        return [p for p in periods if p.has_revenue_table], "table"
    if rule.year == "A00 or quarters":
        return _annual_or_quarters(periods), "dre"
    return [p for p in periods if p.has_dre], "dre"


def _annual_or_quarters(periods: list[Period]) -> list[Period]:
    """A00 when it has a DRE, else the quarters that have one."""
    with_dre = [p for p in periods if p.has_dre]
    annual = [p for p in with_dre if p.code == "A00"]
    return annual or [p for p in with_dre if p.code.startswith("T")]


def _presumido_books(trail: Trail, parameters: Parameters, periods: Sequence[Period]) -> bool:
    """Whether the presumido quarters are read from P150 (``TIP_ESC_PRE`` C) or from P200
    (``L``); the declared value decides, never which records happen to be there."""
    declared = parameters.tip_esc_pre
    if declared == "C":
        if not any(p.has_dre for p in periods):
            raise refuse.books_without_p150(parameters, trail.source)
        return True
    if declared == "L":
        with_dre = next((p for p in periods if p.has_dre), None)
        if with_dre is not None:
            raise refuse.cash_book_with_p150(parameters, with_dre, trail.source)
        return False
    raise refuse.books_not_declared(parameters, trail.source)


def _annual_period(
    trail: Trail, rule: BlockRule, periods: list[Period], parameters: Parameters
) -> Period:
    """The A00 period of an annual block (FORMA_APUR or the imunes' field = A)."""
    annual = next((p for p in periods if p.code == "A00"), None)
    if annual is None:
        raise refuse.no_annual_period(rule, parameters, trail.source)
    if not annual.has_dre:
        raise refuse.annual_without_dre(annual, trail.source)
    check_a12(trail, periods, annual, parameters)
    return annual


def _quarters_of(period: Period, year: int) -> Iterable[int]:
    if period.code.startswith("T"):
        return (int(period.code[2]),)
    return [
        q
        for q in range(1, 5)
        if quarter_span(year, q)[1] >= period.start and quarter_span(year, q)[0] <= period.end
    ]
