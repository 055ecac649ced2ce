"""The metric of one period of the file (``PeriodMetric``), and its checked loading."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ..base._context import in_money_context
from ._components import money_dict
from ._load import at, date, obj, shape_keys, string
from ._sums import figures

if TYPE_CHECKING:
    # Annotations only: read() need not load types.py (nor typing_extensions).
    from ..types import PeriodMetricDict


@attrs.frozen
class PeriodMetric:
    """The metric of one period of the file (``A00``, ``T01`` …) and the block it came from."""

    period: str
    start: dt.date
    end: dt.date
    block: str
    record: str
    gross_revenue: Decimal | None
    cancellations: Decimal | None
    discounts: Decimal | None
    taxes: Decimal | None
    other_deductions: Decimal | None
    net_revenue: Decimal | None

    def to_dict(self) -> PeriodMetricDict:
        """A JSON-ready dict."""
        return {
            "period": self.period,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "block": self.block,
            "record": self.record,
            **money_dict(self),
        }

    @classmethod
    @in_money_context
    def from_dict(cls, data: dict[str, Any]) -> PeriodMetric:
        """The inverse of :meth:`to_dict`, checked (:class:`~ecfmetric.BadProofDataError`).

        A period's figures may be negative, as an ECF's may.
        """
        return period(data, "", signed=True)


def period(value: object, path: str, *, signed: bool) -> PeriodMetric:
    """A :class:`PeriodMetric` from its dict; negative figures only when ``signed``."""
    data = obj(value, path, shape_keys("PeriodMetricDict"))
    values = figures(data, path, signed=signed)
    start = date(data["start"], at(path, "start"))
    end = date(data["end"], at(path, "end"))
    return PeriodMetric(
        period=string(data["period"], at(path, "period")),
        start=start,
        end=end,
        block=string(data["block"], at(path, "block")),
        record=string(data["record"], at(path, "record")),
        **values,
    )
