"""The sums a saved figure must keep: the net is the gross less the deductions, exactly."""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ..base._context import money_context
from ..base._i18n import tr
from ._components import COMPONENT_FIELDS
from ._load import at, fail, money, short

ZERO = Decimal("0.00")


def exact(gross: Decimal, deductions: Iterable[Decimal]) -> Decimal:
    """``gross`` less ``deductions``, at the maximum precision (never rounded)."""
    with money_context() as context:
        context.prec = decimal.MAX_PREC
        return gross - sum(deductions, ZERO)


def net_of(values: Mapping[str, Decimal | None]) -> Decimal | None:
    """gross − deductions, exactly, or None if a component is unknown."""
    parts = [values[name] for name in COMPONENT_FIELDS]
    if any(part is None for part in parts):
        return None
    gross, *deductions = (part for part in parts if part is not None)
    return exact(gross, deductions)


def figures(data: dict[str, Any], path: str, *, signed: bool) -> dict[str, Decimal | None]:
    """The five components and the net, checked to add up."""
    values: dict[str, Decimal | None] = {
        name: money(data[name], at(path, name), signed=signed) for name in COMPONENT_FIELDS
    }
    net = money(data["net_revenue"], at(path, "net_revenue"), signed=signed, bounded=False)
    expected = net_of(values)
    if expected is None and net is not None:
        fail(at(path, "net_revenue"), tr("a component is unknown, so the net revenue must be null"))
    if expected is not None and net != expected:
        fail(
            at(path, "net_revenue"),
            tr(
                "must be the gross revenue minus the deductions, {net}, got {got}",
                got=short(data["net_revenue"]),
                net=f"{expected:.2f}",
            ),
        )
    values["net_revenue"] = net
    return values
