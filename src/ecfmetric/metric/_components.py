"""The five components of a period or of the year, and the net revenue they leave."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..model._model import COMPONENT_FIELDS, Component
from ..rules._plans import Plan

ZERO = Decimal("0.00")

#: A plan row's role → the component its leaves add to (the other roles add to none).
COMPONENT_OF_ROLE: dict[str, Component] = {name: name for name in COMPONENT_FIELDS}


def rows_of(plan: Plan, role: str) -> tuple[str, ...]:
    """The codes of ``plan``'s rows with ``role``."""
    return tuple(row.code for row in plan.rows if row.role == role)


@attrs.define
class Components:
    """The components of a period or of the year; ``None`` is a component the file leaves
    unknown, and stays unknown whatever is added to it."""

    gross_revenue: Decimal | None = ZERO
    cancellations: Decimal | None = ZERO
    discounts: Decimal | None = ZERO
    taxes: Decimal | None = ZERO
    other_deductions: Decimal | None = ZERO

    def add(self, component: Component, amount: Decimal) -> None:
        current = getattr(self, component)
        setattr(self, component, None if current is None else current + amount)

    def add_period(self, period: Components) -> None:
        """Add a period's components to these (the year's): unknown in either is unknown."""
        for name in COMPONENT_FIELDS:
            value = getattr(period, name)
            current = getattr(self, name)
            setattr(self, name, None if value is None or current is None else current + value)

    def net(self) -> Decimal | None:
        gross = self.gross_revenue
        deductions = [self.cancellations, self.discounts, self.taxes, self.other_deductions]
        if gross is None or any(d is None for d in deductions):
            return None
        return gross - sum((d for d in deductions if d is not None), ZERO)
