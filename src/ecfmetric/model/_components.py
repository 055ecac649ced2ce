"""The five components of the metric and the net, and how an amount is written in a dict."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Protocol, TypedDict, get_args

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


class _Figures(Protocol):
    @property
    def gross_revenue(self) -> Decimal | None: ...
    @property
    def cancellations(self) -> Decimal | None: ...
    @property
    def discounts(self) -> Decimal | None: ...
    @property
    def taxes(self) -> Decimal | None: ...
    @property
    def other_deductions(self) -> Decimal | None: ...
    @property
    def net_revenue(self) -> Decimal | None: ...


class MoneyDict(TypedDict):
    """The six amounts as every ``to_dict`` writes them, in the order of :data:`MONEY_FIELDS`."""

    gross_revenue: str | None
    cancellations: str | None
    discounts: str | None
    taxes: str | None
    other_deductions: str | None
    net_revenue: str | None


def money_dict(figures: _Figures) -> MoneyDict:
    """The six amounts of a metric, a period or a proof row, written by :func:`format_money`."""
    return {
        "gross_revenue": format_money(figures.gross_revenue),
        "cancellations": format_money(figures.cancellations),
        "discounts": format_money(figures.discounts),
        "taxes": format_money(figures.taxes),
        "other_deductions": format_money(figures.other_deductions),
        "net_revenue": format_money(figures.net_revenue),
    }


def iso(value: dt.date | None) -> str | None:
    """A date as ``to_dict`` writes it (``2025-12-31``); ``None`` stays ``None``."""
    return None if value is None else value.isoformat()
