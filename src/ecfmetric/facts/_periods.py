"""The ``x030`` records (L030, P030, T030, U030): the periods the figures are read under.

A period is refused when its code is outside the closed list, when the declared regime does not
give its block that period, when it falls outside the file's span, its quarter, or after the
company's extinction, and when it is given twice.
"""

from __future__ import annotations

from ..base._errors import EcfFormatError
from ..base._i18n import Message
from ..ecf._fields import parse_date
from ..ecf._layout import ANNUAL_PERIODS, QUARTERS, quarter_span
from ..rules._periods import NoRule, block_rule
from . import _messages_header as say
from ._data import Period, SkipRecord
from ._state import State

__all__ = ["current_period", "period"]


def _bad(
    state: State, reason: Message, number: int, reg: str, field: str, text: str | None
) -> EcfFormatError:
    return state.error(reason, number, reg, field, text, code="BAD_PERIOD")


def period(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    """An ``x030`` record: opens the period its figures are read under."""
    assert state.data is not None
    reg = fields[1].decode("ascii")
    block = reg[0]
    state.period = None
    state.broken_period = block
    start_text = state.field_text(fields, number, reg, 2, "DT_INI", line)
    end_text = state.field_text(fields, number, reg, 3, "DT_FIN", line)
    code = state.field_text(fields, number, reg, 4, "PER_APUR", line)
    start = parse_date(start_text, line_number=number, record=reg, field="DT_INI")
    end = parse_date(end_text, line_number=number, record=reg, field="DT_FIN")
    if code not in ANNUAL_PERIODS and code not in QUARTERS:
        raise _bad(state, say.per_apur(), number, reg, "PER_APUR", code)
    parameters = state.data.parameters
    if parameters is not None:
        try:
            rule = block_rule(block, parameters)
        except NoRule as no_rule:
            reason = say.no_rule(code, no_rule.reason)
            raise _bad(state, reason, number, reg, "PER_APUR", code) from None
        if code not in rule.periods:
            kinds = say.period_kinds(rule.annual, rule.year == "A00 or quarters")
            reason = say.period_not_of_regime(rule.field, rule.value, block, kinds, code)
            raise _bad(state, reason, number, reg, "PER_APUR", code)
    header = state.data.header
    if header.extinction is not None and start > header.extinction:
        reason = say.after_extinction(code, start, header.extinction)
        raise _bad(state, reason, number, reg, "DT_INI", None)
    if end < start or start < header.start or end > header.end:
        reason = say.outside_file(code, start, end, header.start, header.end)
        field = "DT_FIN" if start <= end and start >= header.start else "DT_INI"
        raise _bad(state, reason, number, reg, field, None)
    if code in QUARTERS:
        first, last = quarter_span(header.end.year, int(code[2]))
        if start < first or end > last:
            reason = say.outside_quarter(code, start, end, first, last)
            raise _bad(state, reason, number, reg, "DT_INI" if start < first else "DT_FIN", None)
    key = (block, code)
    if key in state.seen_periods:
        raise state.error(
            say.period_twice(code, state.seen_periods[key]),
            number,
            reg,
            "PER_APUR",
            code,
            code="DUPLICATE_PERIOD",
        )
    state.seen_periods[key] = number
    state.broken_period = None
    state.period = Period(block=block, code=code, start=start, end=end, line_number=number)
    state.data.periods.append(state.period)


def current_period(state: State, number: int, reg: str) -> Period:
    """The period a figure of ``reg`` is read under; refused outside its block's period."""
    period = state.period
    if period is None or period.block != reg[0]:
        if state.broken_period == reg[0]:
            raise SkipRecord  # its period was refused already (report mode)
        raise state.error(say.outside_period(reg), number, reg, code="OUTSIDE_PERIOD")
    return period
