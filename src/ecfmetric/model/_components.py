"""The five components of the metric and the net, and how an amount is written in a dict."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from ..types import ContestableComponent

#: The one place that names the components: the five, in the order they are subtracted, then the
#: net they leave. Every other list of them is drawn from this one.
Component = Literal[
    "gross_revenue", "cancellations", "discounts", "taxes", "other_deductions", "net_revenue"
]
MONEY_FIELDS: tuple[Component, ...] = get_args(Component)
#: The five components (the net is derived from them).
COMPONENT_FIELDS: tuple[ContestableComponent, ...] = MONEY_FIELDS[:-1]  # type: ignore[assignment]


def format_money(value: Decimal | None) -> str | None:
    """``Decimal('11990000')`` → ``"11990000.00"``; ``None`` stays ``None``."""
    if value is None:
        return None
    return f"{value:.2f}"


def iso(value: dt.date | None) -> str | None:
    """A date as ``to_dict`` writes it (``2025-12-31``); ``None`` stays ``None``."""
    return None if value is None else value.isoformat()
