"""The DREs whose plan has no receita bruta subtree, read as a documented proxy: a bank's
(COSIF, L300B/P150B/U150B) and an insurer's (L300C/U150C). Each result says so once."""

from __future__ import annotations

from ..facts._collect import Period
from ..model._model import Component
from ..rules._plans import PLAN_COSIF, PLAN_INSURER, Plan
from . import _messages as says
from ._checks import check_synthetics, sign_check
from ._components import Components
from ._dre_tree import DreTree, cosif_ancestors, table_ancestors
from ._trail import Trail

INSURER_PREMIUMS = "3.01.01.01.01.01"
INSURER_OTHER_GAINS = "3.01.01.01.01.02"


def cosif_components(trail: Trail, period: Period, record: str) -> Components:
    """The COSIF proxy with the codes of the table in force for the period (section 3)."""
    out = Components()
    rows = PLAN_COSIF.rows_in_force(period.start)
    gross_code = next(row.code for row in rows if row.role == "gross_revenue")
    dated = rows[0].since is not None
    _proxy_warning(trail, PLAN_COSIF, period, record, dated=dated)
    if dated:
        # From 2025 the codes are 9 digits: the RFB's table gives each code's parent.
        ancestors = table_ancestors(record, period)
        revenue = {
            c: line
            for c, line in period.dre.items()
            if c == gross_code or gross_code in ancestors(c)
        }
        parents = {p for code in revenue for p in ancestors(code)}
    else:
        revenue = {c: line for c, line in period.dre.items() if c.startswith("3.1.7.1.")}
        # COSIF codes are fixed-width (3.1.7.1.1.05.00 is under 3.1.7.1.1.00.00): its own
        # hierarchy, not a dotted prefix, tells which lines are leaves.
        parents = {p for code in revenue for p in cosif_ancestors(code)}
    if not revenue:
        trail.warn(
            "NO_REVENUE_LINES",
            says.no_line_of(period.code, gross_code),
            period.line_number,
            record,
        )
    for code, line in sorted(revenue.items(), key=lambda item: item[1].line_number):
        if code in parents:
            trail.dre_line(line, record, period, None, line.value)
            continue
        sign_check(trail, line, "gross_revenue", record)
        out.add("gross_revenue", line.value)
        trail.dre_line(line, record, period, "gross_revenue", line.value)
    for row in rows:
        if row.role != "taxes":
            continue
        tax = period.dre.get(row.code)
        if tax is not None:
            sign_check(trail, tax, "taxes", record)
            out.add("taxes", -tax.value)
            trail.dre_line(tax, record, period, "taxes", -tax.value)
    return out


def insurer_components(trail: Trail, period: Period, record: str) -> Components:
    """The insurers' proxy: premiums as gross revenue, with the RFB's own figure beside it."""
    tree = DreTree(period.dre)
    out = Components()
    _proxy_warning(trail, PLAN_INSURER, period, record)
    if not any(c.startswith(INSURER_PREMIUMS) for c in period.dre):
        trail.warn(
            "NO_REVENUE_LINES",
            says.no_line(period.code, INSURER_PREMIUMS),
            period.line_number,
            record,
        )
    for line in tree.lines_in_order():
        code = line.code
        component: Component | None = None
        amount = line.value
        if tree.is_leaf(code):
            row = PLAN_INSURER.row_of(code)
            if row is not None and row.role in ("cancellations", "taxes"):
                component, amount = row.role, -line.value
            elif code.startswith(INSURER_PREMIUMS + ".") and line.value > 0:
                component = "gross_revenue"
            elif code == INSURER_PREMIUMS:
                component = "gross_revenue" if line.value > 0 else None
            if component is not None:
                sign_check(trail, line, component, record)
                out.add(component, amount)
        trail.dre_line(line, record, period, component, amount)
    rfb = tree.value(INSURER_PREMIUMS) + tree.value(INSURER_OTHER_GAINS)
    trail.warn(
        "INSURER_RFB_REVENUE",
        says.insurer_rfb_revenue(period.code, rfb),
        period.line_number,
        record,
    )
    check_synthetics(trail, tree, period, record, ())
    return out


def _proxy_warning(
    trail: Trail, plan: Plan, period: Period, record: str, *, dated: bool = False
) -> None:
    if not trail.warned("PROXY_DEFINITION"):
        proxy = plan.proxy_since if dated and plan.proxy_since else plan.proxy
        trail.warn("PROXY_DEFINITION", says.proxy_definition(proxy), period.line_number, record)
