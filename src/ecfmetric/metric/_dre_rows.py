"""A period's DRE read by its plan's rows (L300A, P150A, U150A): each leaf goes to the component
of the row at or above it, and the file's own subtotals and RECEITA LIQUIDA are checked."""

from __future__ import annotations

from ..facts._collect import DreLine, Period
from ..model._model import Component
from ..rules._plans import SIGN, Plan
from . import _messages as says
from . import _refusals as refuse
from ._checks import check_synthetics, sign_check
from ._components import COMPONENT_OF_ROLE, ZERO, Components, rows_of
from ._dre_tree import DreTree, under
from ._trail import Trail


def rows_components(trail: Trail, period: Period, record: str, plan: Plan) -> Components:
    """The components of ``period``, whose DRE is ``record``, read with ``plan``."""
    if not period.dre:
        trail.warn(
            "NO_REVENUE_LINES", says.no_revenue_subtree(period.code), period.line_number, record
        )
        return Components()
    tree = DreTree(period.dre)
    out, not_split = _read_lines(trail, tree, period, record, plan)
    nets = rows_of(plan, "net")
    check_synthetics(trail, tree, period, record, nets)
    net_only = [
        root
        for root in nets
        if root in period.dre
        and period.dre[root].value
        and not any(c != root and under(c, root) for c in period.dre)
    ]
    if net_only:
        trail.warn(
            "UNKNOWN_COMPONENTS", says.net_only(period.code, net_only), period.line_number, record
        )
        return Components(None, None, None, None, None)
    stated = [period.dre[root] for root in nets if root in period.dre]
    if not_split:
        net = sum((n.value for n in stated), ZERO) if stated else None
        trail.warn(
            "DEDUCTIONS_NOT_SPLIT",
            says.deductions_not_split(period.code, not_split, net),
            not_split[0].line_number,
            record,
        )
        return Components(out.gross_revenue, None, None, None, None)
    _check_net(trail, period, record, out, nets, stated)
    return out


def _read_lines(
    trail: Trail, tree: DreTree, period: Period, record: str, plan: Plan
) -> tuple[Components, list[DreLine]]:
    """Each line in file order to its component (a leaf) or to none (a subtotal); and the
    deductions subtotals given without the lines below them, which say no split."""
    out = Components()
    not_split: list[DreLine] = []
    for line in tree.lines_in_order():
        code = line.code
        row = plan.row_of(code)
        if row is None or (row.role == "net" and code != row.code):
            raise refuse.unclassified_code(line, row, plan, record, trail.source)
        component: Component | None = None
        amount = line.value
        if tree.is_leaf(code):
            if row.role == "deductions":
                if code == row.code:
                    if line.value:
                        not_split.append(line)
                else:
                    component = "other_deductions"
            else:
                component = COMPONENT_OF_ROLE.get(row.role)
            if component is not None:
                amount = SIGN[component] * line.value
                sign_check(trail, line, component, record)
                out.add(component, amount)
        trail.dre_line(line, record, period, component, amount)
    return out, not_split


def _check_net(
    trail: Trail,
    period: Period,
    record: str,
    out: Components,
    nets: tuple[str, ...],
    stated: list[DreLine],
) -> None:
    """The file's RECEITA LIQUIDA against the net the lines give."""
    computed = out.net()
    for root in nets:
        has_lines = any(c.startswith(root + ".") for c in period.dre)
        if has_lines and root not in period.dre:
            trail.warn(
                "NET_REVENUE_LINE_MISSING",
                says.net_revenue_line_missing(period.code, root),
                period.line_number,
                record,
            )
    total = sum((line.value for line in stated), ZERO)
    if stated and computed is not None and total != computed:
        trail.warn(
            "NET_REVENUE_MISMATCH",
            says.net_revenue_mismatch(period.code, total, computed),
            stated[0].line_number,
            record,
        )
