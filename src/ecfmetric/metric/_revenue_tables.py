"""A period read from its revenue table (P200 with P300, T120) instead of a DRE: only the codes
the RFB's table makes receita bruta are added; the deductions are unknown."""

from __future__ import annotations

from ..facts._collect import Period
from ..model._model import Component
from ..rules._plans import REVENUE_DESCRIPTION, TABLES
from . import _messages as says
from ._components import Components
from ._trail import Trail


def table_components(trail: Trail, period: Period) -> Components:
    """The gross revenue of ``period``'s table lines, by code; a description that disagrees
    with the code is a warning, never a reason to add or leave out a line."""
    out = Components(cancellations=None, discounts=None, taxes=None, other_deductions=None)
    for line in period.tables:
        rule = TABLES[line.record]
        component: Component | None = None
        described = line.description.strip().lower().startswith(REVENUE_DESCRIPTION)
        if line.code in rule.revenue:
            component = "gross_revenue"
            out.add("gross_revenue", line.value)
            if line.record in ("P200", "T120") and not described:
                trail.warn(
                    f"{line.record}_DESCRIPTION_MISMATCH",
                    says.described_otherwise(line.record, line.code, line.description),
                    line.line_number,
                    line.record,
                )
        elif line.record in ("P200", "T120"):
            trail.warn(
                f"{line.record}_DESCRIPTION_MISMATCH",
                says.not_a_revenue_code(line.record, line.code, line.description, rule.revenue),
                line.line_number,
                line.record,
            )
        trail.table_line(line, period, component)
    return out
