"""Dates and periods: the span of a file, its quarters, and the expected metric of one period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from hypothesis import strategies as st

from ..model._model import MONEY_FIELDS, PeriodMetric
from ._draws import _rarely
from ._money import _money


def _ddmmyyyy(day: dt.date) -> str:
    return f"{day:%d%m%Y}"


def _quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * quarter - 2, 1)
    end = (
        dt.date(year, 12, 31)
        if quarter == 4
        else dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)
    )
    return start, end


def _month_end(year: int, month: int) -> dt.date:
    return (
        dt.date(year, 12, 31) if month == 12 else dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    )


@dataclass(frozen=True)
class _Span:
    start: dt.date
    end: dt.date

    def quarters(self) -> list[tuple[int, dt.date, dt.date]]:
        """The quarters the span touches, each cut to the span."""
        out = []
        for quarter in range(1, 5):
            first, last = _quarter_span(self.start.year, quarter)
            if last >= self.start and first <= self.end:
                out.append((quarter, max(first, self.start), min(last, self.end)))
        return out

    def letters(self, letter: str) -> str:
        """``FORMA_TRIB_PER``: ``letter`` for each quarter the span touches, ``0`` elsewhere."""
        touched = {q for q, _, _ in self.quarters()}
        return "".join(letter if q in touched else "0" for q in range(1, 5))

    @property
    def partial(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) != (1, 1, 12, 31)


@st.composite
def _span(draw: st.DrawFn, year: int, partial: bool | None) -> _Span:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if partial is None:
        partial = _rarely(draw)
    if not partial:
        return _Span(first, last)
    cut_start, cut_end = draw(st.booleans()), draw(st.booleans())
    if not (cut_start or cut_end):
        cut_start = True
    late = dt.date(year, 12, 30) if cut_end else last
    start = draw(st.dates(dt.date(year, 1, 2), late)) if cut_start else first
    end = draw(st.dates(start, dt.date(year, 12, 30))) if cut_end else last
    return _Span(start, end)


@dataclass
class _Block:
    """The records of the regime's block and what they must read as."""

    records: list[str]
    periods: list[PeriodMetric]
    warnings: set[str]
    mes_bal_red: str = ""


def _period_metric(
    code: str,
    start: dt.date,
    end: dt.date,
    block: str,
    record: str,
    parts: Mapping[str, int | None],
) -> PeriodMetric:
    known = [value for name in MONEY_FIELDS[:5] if (value := parts[name]) is not None]
    net = known[0] - sum(known[1:]) if len(known) == 5 else None
    return PeriodMetric(
        period=code,
        start=start,
        end=end,
        block=block,
        record=record,
        gross_revenue=_money(parts["gross_revenue"]),
        cancellations=_money(parts["cancellations"]),
        discounts=_money(parts["discounts"]),
        taxes=_money(parts["taxes"]),
        other_deductions=_money(parts["other_deductions"]),
        net_revenue=_money(net),
    )
