"""The five components of the metric and the net, and how an amount is written in a dict."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

#: The five components, in the order they are subtracted.
COMPONENT_FIELDS = ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions")
MONEY_FIELDS = (*COMPONENT_FIELDS, "net_revenue")

Component = Literal[
    "gross_revenue", "cancellations", "discounts", "taxes", "other_deductions", "net_revenue"
]


def format_money(value: Decimal | None) -> str | None:
    """``Decimal('11990000')`` → ``"11990000.00"``; ``None`` stays ``None``."""
    if value is None:
        return None
    return f"{value:.2f}"


def iso(value: dt.date | None) -> str | None:
    """A date as ``to_dict`` writes it (``2025-12-31``); ``None`` stays ``None``."""
    return None if value is None else value.isoformat()
